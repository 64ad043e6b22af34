package driver

import (
	"reflect"
	"testing"
)

// TestParseDiff covers what the scratch repository does not: deleted files, pure removals (count
// 0, which mark the kept lines around them), a hunk without a count, and names git quotes or
// ends with a tab.
func TestParseDiff(t *testing.T) {
	t.Parallel()
	diff := `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3 +3 @@ func f() {
-	x := 1
+	x := 2
@@ -10,2 +9,0 @@
-gone
-gone
@@ -20,0 +19,3 @@
+new
+new
+new
diff --git a/old.go b/old.go
--- a/old.go
+++ /dev/null
@@ -1,3 +0,0 @@
-package p
diff --git "a/sp\303\251cial.go" "b/sp\303\251cial.go"
--- "a/sp\303\251cial.go"
+++ "b/sp\303\251cial.go"
@@ -1 +1,2 @@
+x
diff --git a/with space.go b/with space.go
--- a/with space.go	
+++ b/with space.go	
@@ -5,0 +6 @@
+y
`
	got := parseDiff("/r", []byte(diff))
	want := map[string]map[int]bool{
		"/r/a.go":          {3: true, 9: true, 10: true, 19: true, 20: true, 21: true}, // 9, 10: around the removal
		"/r/spécial.go":    {1: true, 2: true},
		"/r/with space.go": {6: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseDiff = %v, want %v", got, want)
	}
}

package memmodel

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFactsGob proves every type reachable from a Fact is gob-registered and round-trips:
// in-process tests never notice a missing registration; go vet -vettool and nogo crash on it.
func TestFactsGob(t *testing.T) {
	t.Parallel()
	for _, fact := range Analyzer.FactTypes {
		full := fullValue(t, reflect.TypeOf(fact).Elem())
		var buf bytes.Buffer
		in := full.Addr().Interface().(analysis.Fact)
		if err := gob.NewEncoder(&buf).Encode(&in); err != nil {
			t.Fatalf("encode %T: %v", fact, err)
		}
		var out analysis.Fact
		if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
			t.Fatalf("decode %T: %v", fact, err)
		}
		if !reflect.DeepEqual(in, out) {
			t.Errorf("%T does not round-trip:\n in: %v\nout: %v", fact, in, out)
		}
	}
}

// fullValue returns a value of type t with every field set, so that gob encodes them all.
func fullValue(t *testing.T, typ reflect.Type) reflect.Value {
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.Struct:
		for i := range typ.NumField() {
			if typ.Field(i).IsExported() {
				v.Field(i).Set(fullValue(t, typ.Field(i).Type))
			}
		}
	case reflect.Slice:
		v = reflect.MakeSlice(typ, 1, 1)
		v.Index(0).Set(fullValue(t, typ.Elem()))
	case reflect.Array:
		for i := range typ.Len() {
			v.Index(i).Set(fullValue(t, typ.Elem()))
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint8:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	default:
		t.Fatalf("fullValue: unhandled kind %v in a Fact: extend the test", typ.Kind())
	}
	return v
}

// TestPanicContained proves a panic while analyzing one function becomes an error naming it,
// and that the other functions of the package are still analyzed.
func TestPanicContained(t *testing.T) {
	testHookAnalyze = func(fn *ssa.Function) {
		if fn.Name() == "twice" {
			panic("injected")
		}
	}
	defer func() { testHookAnalyze = nil }()
	// The memory model reports nothing, so analysistest's complaints about the package's
	// expectations (written for the escape pass) are beside the point here.
	results := analysistest.Run(quiet{}, testdata(t), Analyzer, "doublefree")
	m := results[0].Result.(*Model)
	errs := m.Errors()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "internal error analyzing doublefree.twice: injected") {
		t.Fatalf("errors = %v, want one naming doublefree.twice", errs)
	}
	if len(m.Events(EvDoubleKill)) == 0 {
		t.Errorf("no events from the other functions: a panic in one stopped the rest")
	}
}

// quiet is an analysistest.Testing that ignores expectation mismatches.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

package inner

// bad is declared in another file than its call, so that the related position of the
// finding is in another file, in a subdirectory of the source root.
func bad() {}

package driver

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// An output is one format to print and where: one run can write several, so that CI does not
// analyze twice for a log and a SARIF upload.
type output struct {
	format string // one of formats
	file   string // "" for stdout
}

// resolveOutputs settles opts.outputs from -format, -json and -o:
//
//   - -format is a comma-separated list of FORMAT or FORMAT:FILE (-format=text,sarif:out.sarif);
//   - -o FILE is the file of the one format that names none, or, with several formats, of the
//     one that is not text (-format=text,sarif -o out.sarif);
//   - at most one format goes to stdout, and no file is written twice;
//   - -json, which go vet passes, is -format=json, and conflicts with another -format.
func resolveOutputs(opts *options, json bool) error {
	spec := opts.format
	switch {
	case json && spec != "" && spec != "json":
		return fmt.Errorf("-json conflicts with -format=%s", spec)
	case json:
		spec = "json"
	case spec == "":
		spec = formats[0]
	}
	var outs []output
	for _, item := range strings.Split(spec, ",") {
		format, file, _ := strings.Cut(item, ":")
		if !slices.Contains(formats, format) {
			return fmt.Errorf("unknown -format %q; want one of %s", format, strings.Join(formats, ", "))
		}
		outs = append(outs, output{format, file})
	}
	if opts.output != "" {
		if err := assignO(outs, opts.output); err != nil {
			return err
		}
	}
	files := make(map[string]bool)
	stdout := 0
	for _, o := range outs {
		if o.file == "" {
			stdout++
		} else if files[o.file] {
			return fmt.Errorf("-format writes %s twice", o.file)
		}
		files[o.file] = true
	}
	if stdout > 1 {
		return errors.New("-format: more than one format to stdout; " +
			"give the others a file (FORMAT:FILE or -o)")
	}
	opts.outputs = outs
	return nil
}

// assignO gives file, from -o, to the one format of outs without a file: the only one, or the
// only one that is not text.
func assignO(outs []output, file string) error {
	var candidates []int
	for i, o := range outs {
		if o.file == "" && (len(outs) == 1 || o.format != "text") {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) != 1 {
		return errors.New("-o: with several formats, exactly one that is not text must lack a file")
	}
	outs[candidates[0]].file = file
	return nil
}

// hasText reports whether a text output is among outs.
func hasText(outs []output) bool {
	return slices.ContainsFunc(outs, func(o output) bool { return o.format == "text" })
}

// Package ignore defines an Analyzer that reports suppression directives that suppress nothing.
//
// # Analyzer ignore
//
// ignore: report suppression directives that suppress nothing
//
// A finding judged safe is silenced with a directive on its line or the line above:
//
//	//uninitlint:ignore use-after-free p is a static buffer; the free is a no-op for it
//	return *(*byte)(p)
//
// staticcheck's spellings work too: //lint:ignore uninitlint reason, //lint:ignore oob-add
// reason, and //lint:file-ignore for a whole file. The analyzer reports:
//
//   - bad-ignore: a directive without a reason, or naming a check that does not exist; it
//     suppresses nothing.
//   - unused-ignore: a directive where the checks it names find nothing. The finding it was
//     written for is gone, or it sits on the wrong line, and it would hide the next finding
//     there, which nobody has judged.
//   - bad-directive: a comment meant as a directive that nothing reads: a misspelled one
//     (//uninitlint:frees p), one in a block comment or with a space after the slashes, a
//     //uninitlint:free naming no parameter, a //uninitlint:len naming no field, or a model
//     directive outside the doc comment of what it describes.
//
// golangci-lint's //nolint:uninitlint is honoured by every driver, with golangci-lint's scope;
// golangci-lint's nolintlint, not this pass, judges it.
//
// A directive naming checks that a pass's -disable flag turned off is not judged. These
// findings cannot themselves be suppressed: fix or remove the directive.
package ignore

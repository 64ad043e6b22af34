package driver

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// The sarif format is one SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
// with one run, in the subset that GitHub code scanning ingests
// (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
// every check of internal/checks is a rule, with its documentation as help, whether or not
// it found anything, so that code scanning can show it; a finding is a result with its
// related positions (the witnesses) as relatedLocations. Paths are relative to the source
// root, named %SRCROOT%, so that the log means the same on another machine; a file outside
// the root keeps an absolute file: URI. Columns count UTF-16 code units, SARIF's default,
// where the source can be read, and Go's bytes where it cannot.
//
// Each result carries a partial fingerprint that survives unrelated edits moving it up or
// down the file, so code scanning tracks one alert across commits instead of closing it
// and opening another (see fingerprint).

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifRootID  = "%SRCROOT%"
	toolURI      = "https://github.com/uninitlint/uninitlint"
	// fingerprintKey names the fingerprint's algorithm: change it with the algorithm, or code
	// scanning would match old alerts against new hashes and reopen them all.
	fingerprintKey = "uninitlint/v1"
)

// A result's level is its check's severity, from the table: "error" when the bug is certain,
// "warning" when it depends on a path, the platform or the collector. A rule of the table also
// carries GitHub's security-severity score, which code scanning ranks alerts by.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"` // [] when clean, not null
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name,omitempty"`
	ShortDescription     sarifMessage        `json:"shortDescription"`
	FullDescription      sarifMessage        `json:"fullDescription"`
	Help                 sarifMessage        `json:"help"`
	HelpURI              string              `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProperties are the rule properties that GitHub reads: tags to filter alerts by,
// and how much to trust and how much to worry about the rule's results.
type sarifRuleProperties struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	ProblemSeverity  string   `json:"problem.severity"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	CodeFlows           []sarifCodeFlow   `json:"codeFlows,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	BaselineState       string            `json:"baselineState,omitempty"` // -new-from-rev's: new, unchanged
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

// sarifResultProps are a result's own properties: how many uses of one cause it stands for.
type sarifResultProps struct {
	Count int `json:"count"`
}

// A sarifCodeFlow is the path of a finding, step by step: the allocation, the free (or grow,
// or Put), then the use.
type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLocation `json:"locations"`
}

type sarifThreadFlowLocation struct {
	Location sarifLocation `json:"location"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"` // from 1; only related locations have one
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// A sarifRegion without an end is the position alone, as the checks report it. A column is
// left out when unknown: a //line directive without one gives Go's column 0, which SARIF
// forbids (columns start at 1) and which makes GitHub reject the whole upload.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// printSARIF writes r to w as a SARIF log.
func (r *report) printSARIF(w io.Writer, opts *options) error {
	root, err := sourceRoot(opts.srcroot)
	if err != nil {
		return err
	}
	run := newSARIFPrinter(root).run(r, opts.analyzers)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // the help's Markdown is full of <reason>
	if err := enc.Encode(sarifLog{sarifSchema, sarifVersion, []sarifRun{run}}); err != nil {
		return err
	}
	return bw.Flush()
}

// A sarifPrinter converts one report.
type sarifPrinter struct {
	root  string              // the source root, absolute
	lines map[string][]string // the source lines of each file read so far; nil if unreadable
	seen  map[string]int      // how many results have had each fingerprint hash so far
}

func newSARIFPrinter(root string) *sarifPrinter {
	return &sarifPrinter{root: root, lines: make(map[string][]string), seen: make(map[string]int)}
}

// run returns the SARIF run of r, whose findings come from analyzers.
func (p *sarifPrinter) run(r *report, analyzers []*analysis.Analyzer) sarifRun {
	findings := r.findings
	if r.all != nil {
		findings = r.all // complete, with baseline states: see keepNew
	}
	rules, index := sarifRules(findings, analyzers)
	version, semver := toolVersion()
	results := []sarifResult{}
	for _, f := range findings {
		res := p.result(f, index[f.check()])
		if r.all != nil {
			res.BaselineState = map[bool]string{true: "new", false: "unchanged"}[f.isNew]
		}
		results = append(results, res)
	}
	return sarifRun{
		Tool: sarifTool{sarifDriver{
			Name: progname, InformationURI: toolURI, Version: version, SemanticVersion: semver, Rules: rules,
		}},
		Invocations:        []sarifInvocation{invocation(r)},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{sarifRootID: {URI: fileURI(p.root, true)}},
		ColumnKind:         "utf16CodeUnits",
		Results:            results,
	}
}

// toolVersion returns the module version of the running binary, as SARIF's version and
// semanticVersion; a binary built from a checkout has none, and says "devel" and its commit.
func toolVersion() (v, semver string) {
	v = version()
	if !isReleased(v) {
		return v, ""
	}
	return v, strings.TrimPrefix(v, "v")
}

// invocation returns the run's one invocation: successful unless an analyzer failed or a
// package could not be analyzed, which a clean result set must not hide.
func invocation(r *report) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(r.failures) == 0 && len(r.broken) == 0}
	for _, e := range r.broken {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{"error", sarifMessage{Text: e.String()}})
	}
	for _, f := range r.failures {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{"error", sarifMessage{Text: f.err.Error()}})
	}
	return inv
}

// sarifRules returns the rules, every check in table order and then, in order of first
// finding, one for each other check that findings name (an analyzer outside the table),
// and the index of each rule by its id.
func sarifRules(findings []finding, analyzers []*analysis.Analyzer) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := make(map[string]int)
	for _, c := range checks.All {
		index[c.Name] = len(rules)
		rules = append(rules, checkRule(&c))
	}
	for _, f := range findings {
		if _, ok := index[f.check()]; !ok {
			index[f.check()] = len(rules)
			rules = append(rules, analyzerRule(f, analyzers))
		}
	}
	return rules, index
}

// checkRule returns the rule of a check of the table, documented by it.
func checkRule(c *checks.Check) sarifRule {
	first, _, _ := strings.Cut(c.Text, "\n\n")
	tags := []string{"security", "memory", c.Pass}
	if c.SecuritySeverity() == "" {
		tags = []string{c.Pass} // GitHub files a rule tagged security under security alerts
	}
	return sarifRule{
		ID:                   c.Name,
		Name:                 ruleName(c.Name),
		ShortDescription:     sarifMessage{Text: c.Title},
		FullDescription:      sarifMessage{Text: strings.ReplaceAll(first, "\n", " ")},
		Help:                 sarifMessage{Text: checks.Explain(c.Name), Markdown: checks.HelpMarkdown(c.Name)},
		HelpURI:              c.URL(),
		DefaultConfiguration: sarifConfiguration{string(c.Severity)},
		Properties:           sarifRuleProperties{tags, "high", string(c.Severity), c.SecuritySeverity()},
	}
}

// analyzerRule returns the rule of f's check, which the table does not know, documented by
// f's analyzer.
func analyzerRule(f finding, analyzers []*analysis.Analyzer) sarifRule {
	doc := f.check()
	for _, a := range analyzers {
		if a.Name == f.analyzer {
			doc = a.Doc
		}
	}
	title, _, _ := strings.Cut(doc, "\n")
	return sarifRule{
		ID:                   f.check(),
		Name:                 ruleName(f.check()),
		ShortDescription:     sarifMessage{Text: title},
		FullDescription:      sarifMessage{Text: doc},
		Help:                 sarifMessage{Text: doc},
		HelpURI:              absoluteURL(f.diag.URL),
		DefaultConfiguration: sarifConfiguration{string(f.severity())},
		Properties: sarifRuleProperties{
			Tags: []string{f.analyzer}, Precision: "high", ProblemSeverity: string(f.severity()),
		},
	}
}

// absoluteURL returns u if it is an absolute URL, and "" otherwise: the checker resolves a
// diagnostic's URL against its analyzer's, which may be empty, leaving "#category".
func absoluteURL(u string) string {
	if parsed, err := url.Parse(u); err == nil && parsed.IsAbs() {
		return u
	}
	return ""
}

// ruleName returns the name of the rule with that kebab-case id: the id in CamelCase,
// SARIF's convention, or "" if that differs from the id only in case (SARIF requires that
// a name equal to the id be left out, and its validator compares them ignoring case).
func ruleName(id string) string {
	var b strings.Builder
	for _, word := range strings.Split(id, "-") {
		if word != "" {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	if strings.EqualFold(b.String(), id) {
		return ""
	}
	return b.String()
}

// result returns the SARIF result of f, whose rule is rules[ruleIndex]. Its message links each
// related location ("freed [here](2)"), since GitHub shows a related location only where the
// message embeds it; its code flow is the path through the witnesses to the finding.
func (p *sarifPrinter) result(f finding, ruleIndex int) sarifResult {
	primary := p.location(&f, f.diag.Pos, f.diag.End)
	res := sarifResult{
		RuleID:              f.check(),
		RuleIndex:           ruleIndex,
		Level:               string(f.severity()),
		Message:             sarifMessage{Text: linkedMessage(f.diag.Message, f.related())},
		Locations:           []sarifLocation{{PhysicalLocation: primary}},
		PartialFingerprints: map[string]string{fingerprintKey: p.fingerprint(f)},
	}
	if f.count() > 1 {
		res.Properties = &sarifResultProps{Count: f.count()}
	}
	var flow []sarifThreadFlowLocation
	for i, rel := range f.related() {
		loc := sarifLocation{
			ID:               i + 1,
			PhysicalLocation: p.location(&f, rel.Pos, rel.End),
			Message:          &sarifMessage{Text: rel.Message},
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
		if rel.Message != againMessage {
			loc.ID = 0
			flow = append(flow, sarifThreadFlowLocation{loc})
		}
	}
	if len(flow) > 0 {
		flow = append(flow, sarifThreadFlowLocation{sarifLocation{
			PhysicalLocation: primary, Message: &sarifMessage{Text: f.diag.Message}}})
		res.CodeFlows = []sarifCodeFlow{{[]sarifThreadFlow{{flow}}}}
	}
	return res
}

// sarifEscape escapes what SARIF's message text would take for link syntax.
var sarifEscape = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)

// linkedMessage returns msg, escaped, with a link to each related location, whose ids count
// from 1 in order: "...; allocated [here](1), freed [here](2)". A witness message that ends
// in "here" links that word; another links the whole message.
func linkedMessage(msg string, related []analysis.RelatedInformation) string {
	if len(related) == 0 {
		return msg
	}
	links := make([]string, len(related))
	for i, rel := range related {
		text := sarifEscape.Replace(rel.Message)
		if before, ok := strings.CutSuffix(text, "here"); ok {
			links[i] = fmt.Sprintf("%s[here](%d)", before, i+1)
		} else {
			links[i] = fmt.Sprintf("[%s](%d)", text, i+1)
		}
	}
	return sarifEscape.Replace(msg) + "; " + strings.Join(links, ", ")
}

// location returns the physical location of the range [pos, end) of f's package, or of pos
// alone if end is unknown.
func (p *sarifPrinter) location(f *finding, pos, end token.Pos) sarifPhysicalLocation {
	start := f.position(pos)
	region := sarifRegion{StartLine: max(start.Line, 1), StartColumn: p.column(start)}
	if end.IsValid() {
		e := f.position(end)
		region.EndLine, region.EndColumn = e.Line, p.column(e)
		if region.EndLine < region.StartLine || region.EndColumn == 0 || region.StartColumn == 0 ||
			region.EndLine == region.StartLine && region.EndColumn < region.StartColumn {
			region.EndLine, region.EndColumn = 0, 0 // a //line directive between them
		}
	}
	return sarifPhysicalLocation{p.artifact(start.Filename), region}
}

// artifact returns the location of the named file: relative to the source root if it lies
// under it, else an absolute URI.
func (p *sarifPrinter) artifact(name string) sarifArtifactLocation {
	if rel, err := filepath.Rel(p.root, name); err == nil && filepath.IsLocal(rel) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: sarifRootID}
	}
	return sarifArtifactLocation{URI: fileURI(name, false)}
}

// fileURI returns the file: URI of an absolute path; that of a directory, which SARIF's
// originalUriBaseIds require, ends with a slash.
func fileURI(path string, dir bool) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive
	}
	if dir && !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// column returns pos's column in UTF-16 code units, from its line's text (Go counts bytes), or
// 0 if it is unknown.
func (p *sarifPrinter) column(pos token.Position) int {
	if pos.Column < 1 {
		return 0
	}
	line := p.line(pos.Filename, pos.Line)
	if line == "" || pos.Column-1 > len(line) {
		return pos.Column
	}
	n := 1
	for _, r := range line[:pos.Column-1] {
		n += utf16.RuneLen(r)
	}
	return n
}

// line returns the text of line n of the named file, or "" if it cannot be read.
func (p *sarifPrinter) line(name string, n int) string {
	lines, ok := p.lines[name]
	if !ok {
		if data, err := os.ReadFile(name); err == nil && utf8.Valid(data) {
			lines = strings.Split(string(data), "\n")
		}
		p.lines[name] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// lineNumbers matches the line numbers that messages quote, "line 12" and "x.go:12".
var lineNumbers = regexp.MustCompile(`(\bline |\.go:)\d+`)

// fingerprint returns f's partial fingerprint: a hash of what stays the same when lines
// are inserted above f (its check, its file relative to the root, its message without line
// numbers, and the text of its line without indentation), then ":n" for the nth finding
// with that hash, as GitHub's own primaryLocationLineHash does, so that two identical
// findings in one file stay two alerts.
func (p *sarifPrinter) fingerprint(f finding) string {
	posn := f.posn()
	h := sha256.New()
	for _, s := range []string{
		f.check(),
		filepath.ToSlash(relative(p.root, posn.Filename)),
		lineNumbers.ReplaceAllString(f.diag.Message, "${1}N"),
		strings.TrimSpace(p.line(posn.Filename, posn.Line)),
	} {
		fmt.Fprintf(h, "%s\x00", s)
	}
	sum := hex.EncodeToString(h.Sum(nil)[:16])
	p.seen[sum]++
	return fmt.Sprintf("%s:%d", sum, p.seen[sum])
}

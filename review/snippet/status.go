package snippet

import (
	"fmt"
	"strings"
)

// summary words the result for the line under the code.
func (r Result) summary() string {
	if r.Problem != "" {
		return r.Problem
	}
	var parts []string
	switch n := len(r.Findings); n {
	case 0:
		parts = append(parts, "No findings: none of the four questions has a \u201cno\u201d the checks can see.")
	case 1:
		parts = append(parts, "1 finding, under its line.")
	default:
		parts = append(parts, fmt.Sprintf("%d findings, each under its line.", n))
	}
	if len(r.Unknown) > 0 {
		parts = append(parts, fmt.Sprintf("Not known here, so not judged: %s.", strings.Join(r.Unknown, ", ")))
	}
	if len(r.Failed) > 0 {
		parts = append(parts, fmt.Sprintf("A check stopped on an internal error and its findings are missing (%s).", strings.Join(r.Failed, "; ")))
	}
	return strings.Join(parts, " ")
}

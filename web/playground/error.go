package playground

import "fmt"

// Error says why a playground fence cannot become a demo. It names the line
// of the markdown source and, when one parameter is at fault, that
// parameter, so an author can go straight to the mistake.
type Error struct {
	Line     int    // 1-based line in the markdown source
	Scenario string // the name after "playground", as written; may be empty
	Param    string // the parameter at fault, or "" when the fence as a whole is
	Message  string
	Try      bool // the fault is in a guided moment's link, tied to the page's first demo
}

func (e *Error) Error() string {
	where := "playground"
	if e.Scenario != "" {
		where += " " + e.Scenario
	}
	if e.Try {
		where = "guided moment (#try link) of " + where
	}
	if e.Param != "" {
		return fmt.Sprintf("line %d: %s: %s: %s", e.Line, where, e.Param, e.Message)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, where, e.Message)
}

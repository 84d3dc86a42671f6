package event

import (
	"strconv"
	"sync"
	"sync/atomic"
)

// A program that reports steps of its own through the same [Hook] and
// [Recorder] as the patterns (a simulated workload, an application's own
// milestones) takes their kinds from a block no pattern uses, and names
// each one once, so that its traces read and parse like the patterns':
//
//	var Retried = event.NameKind(event.CustomKinds+0, "retried")
const (
	CustomKinds    Kind = 192 // the first kind reserved for programs
	NumCustomKinds      = 32  // how many there are: kinds 192 to 223
)

var (
	customNames [NumCustomKinds]atomic.Pointer[string] // read without a lock by String
	naming      sync.Mutex                             // orders NameKind calls, so names stay unique
)

// NameKind names the custom kind k for [Kind.String] and [ParseKind] and
// returns k. Call it once per kind, from a package-level var, before any
// event of that kind is reported.
//
// It panics, with a message starting "event: ", when k is outside the
// custom block, when k already has a name, or when name is empty,
// "unknown", or the name of another kind: a trace must name every kind
// once.
func NameKind(k Kind, name string) Kind {
	if k < CustomKinds || int(k-CustomKinds) >= NumCustomKinds {
		refuse(k, name, "custom kinds go from 192 to 223")
	}
	if name == "" || name == "unknown" {
		refuse(k, name, "a kind needs a name of its own")
	}
	naming.Lock()
	defer naming.Unlock()
	if old := customName(k); old != "" {
		refuse(k, name, "the kind is already named "+strconv.Quote(old))
	}
	if other, taken := ParseKind(name); taken {
		refuse(k, name, "the name is taken by kind "+strconv.Itoa(int(other)))
	}
	customNames[k-CustomKinds].Store(&name)
	return k
}

// refuse panics with NameKind's message for a misuse.
func refuse(k Kind, name, why string) {
	panic("event: NameKind(" + strconv.Itoa(int(k)) + ", " + strconv.Quote(name) + "): " + why)
}

// customName is the name of custom kind k, or "" when it has none.
func customName(k Kind) string {
	if k < CustomKinds || int(k-CustomKinds) >= NumCustomKinds {
		return ""
	}
	if p := customNames[k-CustomKinds].Load(); p != nil {
		return *p
	}
	return ""
}

// parseCustom is ParseKind over the custom kinds.
func parseCustom(s string) (Kind, bool) {
	for i := range customNames {
		if p := customNames[i].Load(); p != nil && *p == s {
			return CustomKinds + Kind(i), true
		}
	}
	return 0, false
}

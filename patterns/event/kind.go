package event

// Kind says what happened. Each pattern owns a block of 32 kinds, declared
// in its own file (kind_<pattern>.go), so a trace can be read without
// knowing which pattern made it; one block is left to programs for kinds of
// their own (see [CustomKinds]).
type Kind uint8

// The first kind of each pattern's block.
const (
	streamKinds     Kind = 1
	taskKinds       Kind = 32
	stageKinds      Kind = 64
	limiterKinds    Kind = 96
	poolKinds       Kind = 128
	supervisorKinds Kind = 160
	hookKinds       Kind = 224 // about the hook itself, from any pattern
)

// kindNames holds every kind's name; each kind file adds its block.
var kindNames [256]string

// names records the names of one block of kinds; kind files call it from a
// package-level var so that no init order matters.
func names(m map[Kind]string) struct{} {
	for k, n := range m {
		if kindNames[k] != "" {
			panic("event: kind " + n + " reuses the number of " + kindNames[k])
		}
		kindNames[k] = n
	}
	return struct{}{}
}

func (k Kind) String() string {
	if n := kindNames[k]; n != "" {
		return n
	}
	if n := customName(k); n != "" {
		return n
	}
	return "unknown"
}

// ParseKind returns the kind named s, as written by [Kind.String].
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if name == s && name != "" {
			return Kind(k), true
		}
	}
	return parseCustom(s)
}

package trace

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// The decoder agrees with encoding/json on what is JSON and on what it
// means, for valid UTF-8 (encoding/json replaces invalid bytes; this
// decoder keeps them).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,2.5e3,-0.1,true,false,null],"b":{"c":"\u00e9\ud83d\ude00\n\"x\""}}`,
		`"\ud83d\u00e9"`, `"\udc00x"`, `[]`, `{}`, `"x"`, `1`, `{"a":1,}`, `[1 2]`, `"\ud800"`, `01`, `1.`, `-`, `{"a" 1}`, `[[[[]]]]`, `nul`,
		string(Encode(Trace{Header: Header{Pattern: "stream", Params: map[string]string{"k": "v"}}})),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got, err := decode([]byte(s))
		var want any
		wantErr := json.Unmarshal([]byte(s), &want)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%q: decode says %v, encoding/json says %v", s, err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(normal(got), normal(want)) {
			t.Fatalf("%q: decode gives %#v, encoding/json %#v", s, got, want)
		}
	})
}

// normal makes an empty array nil, as decode leaves it.
func normal(v any) any {
	switch v := v.(type) {
	case []any:
		if len(v) == 0 {
			return []any(nil)
		}
		for i := range v {
			v[i] = normal(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = normal(v[k])
		}
	}
	return v
}

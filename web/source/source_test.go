package source_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"

	"github.com/concurrency-patterns/playground/web/source"
)

const file = `package demo

// Limit is how many at once.
const Limit = 3

var (
	// first is documented.
	first, second = 1, 2
	third         = 3
)

// Pool holds workers.
type Pool[T any] struct{ n int }

// Get hands out a worker.
func (p *Pool[T]) Get() T {
	var zero T
	return zero
}

// Run runs.
func Run() error {
	return nil
}

func Example() {
	p := &Pool[int]{}
	if p.Get() == 0 {
		fmt.Println("zero")
	}
	// Output: zero
}
`

var root = fstest.MapFS{"demo/demo.go": {Data: []byte(file)}, "demo/broken.go": {Data: []byte("package demo\nfunc {")}}

func TestFind(t *testing.T) {
	cases := []struct{ name, want string }{
		{"Limit", "// Limit is how many at once.\nconst Limit = 3"},
		{"first", "// first is documented.\n\tfirst, second = 1, 2"},
		{"third", "third         = 3"},
		{"Pool", "// Pool holds workers.\ntype Pool[T any] struct{ n int }"},
		{"Pool.Get", "// Get hands out a worker.\nfunc (p *Pool[T]) Get() T {\n\tvar zero T\n\treturn zero\n}"},
		{"Run", "// Run runs.\nfunc Run() error {\n\treturn nil\n}"},
		{"Example", "p := &Pool[int]{}\nif p.Get() == 0 {\n\tfmt.Println(\"zero\")\n}\n// Output: zero\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := source.Find(root, "demo/demo.go", tc.name)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestFindFails(t *testing.T) {
	cases := []struct{ path, name, want string }{
		{"demo/demo.go", "Missing", "demo/demo.go has no declaration Missing"},
		{"demo/demo.go", "Get", "has no declaration Get"}, // a method needs its type
		{"demo/none.go", "Run", "file does not exist"},
		{"demo/broken.go", "Run", "expected"},
	}
	for _, tc := range cases {
		_, err := source.Find(root, tc.path, tc.name)
		assert.ErrorContains(t, err, tc.want, "%s#%s", tc.path, tc.name)
	}
}

func convert(t *testing.T, md string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := goldmark.New(goldmark.WithExtensions(source.Extension(root))).Convert([]byte(md), &out)
	return out.String(), err
}

func TestFenceShowsHighlightedSource(t *testing.T) {
	html, err := convert(t, "Text.\n\n```go-source demo/demo.go#Run\n```\n\nMore.\n")
	require.NoError(t, err)
	assert.Contains(t, html, `<pre class="chroma" tabindex="0"><code>`)
	assert.Contains(t, html, `<span class="kd">func</span>`)
	assert.Contains(t, html, "Run runs.")
	assert.Contains(t, html, "<p>More.</p>")
}

func TestFenceFailsTheBuild(t *testing.T) {
	for _, md := range []string{
		"```go-source demo/demo.go#Nope\n```\n",
		"```go-source demo/demo.go\n```\n",
		"```go-source\n```\n",
		"```go-source a b\n```\n",
	} {
		_, err := convert(t, md)
		assert.ErrorContains(t, err, "go-source", md)
	}
}

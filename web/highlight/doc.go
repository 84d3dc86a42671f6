// Package highlight colours fenced code blocks at build time with chroma, so
// a page ships plain HTML with CSS classes and no highlighting script.
//
// [Extension] is a goldmark extension that replaces goldmark's renderer for
// fenced code blocks. A block whose language chroma knows is tokenised;
// any other block, or one with no language, is written as plain escaped
// text in the same markup, so every code block looks alike.
//
// [CSS] writes the stylesheet the classes refer to: a light theme, and a
// dark one that applies under prefers-color-scheme: dark. Both come from
// chroma's GitHub styles.
package highlight

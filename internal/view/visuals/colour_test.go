package visuals_test

import (
	"math"
	"strconv"
)

// Colour arithmetic for the palette tests: sRGB to CIELAB, a simulation of
// the three kinds of dichromacy, and WCAG contrast.

// rgb is a colour in linear RGB, each channel 0 to 1.
type rgb [3]float64

// parseHex reads "#rrggbb".
func parseHex(s string) (rgb, bool) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, false
	}
	var c rgb
	for i := range c {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return rgb{}, false
		}
		c[i] = linear(float64(v) / 255)
	}
	return c, true
}

func linear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// dichromacies are Machado, Oliveira and Fernandes's (2009) matrices at full
// severity, applied to linear RGB: what a person without one kind of cone
// sees of a colour.
var dichromacies = map[string][3][3]float64{
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

func (c rgb) seenWith(m [3][3]float64) rgb {
	var out rgb
	for i := range out {
		out[i] = min(max(m[i][0]*c[0]+m[i][1]*c[1]+m[i][2]*c[2], 0), 1)
	}
	return out
}

// lab is the colour in CIELAB (D65).
func (c rgb) lab() [3]float64 {
	x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// deltaE is the CIE76 colour difference: about 2.3 is the least a person
// notices side by side; small swatches and thin lines need far more.
func deltaE(a, b rgb) float64 {
	la, lb := a.lab(), b.lab()
	return math.Hypot(math.Hypot(la[0]-lb[0], la[1]-lb[1]), la[2]-lb[2])
}

// worstDeltaE is the smallest difference between a and b for normal
// vision and each dichromacy, and whose it is.
func worstDeltaE(a, b rgb) (float64, string) {
	d, who := deltaE(a, b), "normal vision"
	for name, m := range dichromacies {
		if e := deltaE(a.seenWith(m), b.seenWith(m)); e < d {
			d, who = e, name
		}
	}
	return d, who
}

// contrast is the WCAG contrast ratio of a and b, 1 to 21.
func contrast(a, b rgb) float64 {
	l := func(c rgb) float64 { return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2] + 0.05 }
	hi, lo := l(a), l(b)
	if hi < lo {
		hi, lo = lo, hi
	}
	return hi / lo
}

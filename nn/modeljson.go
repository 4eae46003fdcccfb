package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// modelReader reads a model file token by token, so that no number is
// stored before the size it belongs to has been checked against the
// limits. Its errors are *posErrors, placed at the token that caused them.
type modelReader struct {
	dec    *json.Decoder
	src    *lineReader
	lim    Limits
	size   int64 // the file's length, or -1 if unknown
	params int   // numbers allocated so far, against lim.MaxParams
}

func newModelReader(src *lineReader, size int64, lim Limits) *modelReader {
	dec := json.NewDecoder(src)
	dec.UseNumber()
	return &modelReader{dec: dec, src: src, lim: lim, size: size}
}

// A posError is an error at byte offset off of the file.
type posError struct {
	off    int64
	err    error
	column bool // a syntax error: give the column too
}

func (e *posError) Error() string { return e.err.Error() }
func (e *posError) Unwrap() error { return e.err }

// errorf returns an error placed at the last token read.
func (r *modelReader) errorf(format string, args ...any) error {
	return &posError{off: max(r.dec.InputOffset()-1, 0), err: fmt.Errorf(format, args...)}
}

// errTooLarge is returned by lineReader beyond its limit.
type errTooLarge struct{ max int64 }

func (e errTooLarge) Error() string { return tooLarge(e.max).Error() }

// tok returns the next token, turning the decoder's errors into the
// file's terms.
func (r *modelReader) tok() (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, r.syntax(syn, "")
	case err == io.EOF && r.dec.InputOffset() == 0:
		return nil, errors.New("empty file")
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return nil, r.errorf("the file ends before the model does (truncated?)")
	}
	return nil, err
}

// syntax places a syntax error at the character it names. The decoder's
// own offset cannot be trusted for that: when Token finds a character that
// cannot come next, the offset is that of the blanks before it, and for an
// error inside a value it decodes (a literal, or meta) it counts only the
// bytes that earlier decoded values took. The error lies in the value that
// starts at InputOffset, so decoding that value again from the bytes kept
// finds the character.
func (r *modelReader) syntax(syn *json.SyntaxError, prefix string) error {
	at := r.dec.InputOffset()
	off := int64(-1)
	for _, ctx := range []string{"after array element", "object key string", "after object key", "key:value pair"} {
		if prefix == "" && strings.HasSuffix(syn.Error(), ctx) {
			off = r.src.skipBlanks(at)
		}
	}
	if b, ok := r.src.from(at); ok && off < 0 {
		var again *json.SyntaxError
		if errors.As(json.NewDecoder(bytes.NewReader(b)).Decode(new(json.RawMessage)), &again) {
			off = at + again.Offset - 1
		} else {
			off = r.src.skipBlanks(at)
		}
	}
	if off < 0 { // the value began before the bytes kept
		return &posError{off: at, err: fmt.Errorf("%sin the value that starts here: %v", prefix, syn)}
	}
	return &posError{off: off, err: errors.New(prefix + syn.Error()), column: true}
}

// describe names a token that is not what was wanted.
func describe(t json.Token) string {
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '[':
			return "an array"
		case '{':
			return "an object"
		}
		return "the end of the " + map[json.Delim]string{']': "array", '}': "object"}[t]
	case string:
		return "the string " + quoteShort(t)
	case json.Number:
		return "the number " + string(t)
	case bool:
		return strconv.FormatBool(t)
	}
	return "null"
}

// delim reads the opening delimiter d of what.
func (r *modelReader) delim(d json.Delim, what string) error {
	t, err := r.tok()
	if err != nil {
		return err
	}
	if t != d {
		want := "an array"
		if d == '{' {
			want = "an object"
		}
		return r.errorf("%s is %s, want %s", what, describe(t), want)
	}
	return nil
}

// object reads an object, calling field for each key, which must read the
// key's value. A repeated key is an error.
func (r *modelReader) object(what string, field func(key string) error) error {
	if err := r.delim('{', what); err != nil {
		return err
	}
	return r.members(what, map[string]bool{}, field)
}

// members reads the rest of an object whose keys seen are read, calling
// field for each further key up to the closing brace.
func (r *modelReader) members(what string, seen map[string]bool, field func(key string) error) error {
	for {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			return nil
		}
		key, _ := t.(string) // the decoder allows only strings here
		if seen[key] {
			return r.errorf("%s: field %s appears twice", what, quoteShort(key))
		}
		seen[key] = true
		if err := field(key); err != nil {
			return err
		}
	}
}

// unknown is the error of a key that has no place in what.
func (r *modelReader) unknown(what, key, want string) error {
	return r.errorf("%s: unknown field %s (want %s)", what, quoteShort(key), want)
}
func (r *modelReader) str(what string) (string, error) {
	t, err := r.tok()
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", r.errorf("%s is %s, want a string", what, describe(t))
	}
	return s, nil
}

// number reads a finite float64.
func (r *modelReader) number(what string) (float64, error) {
	t, err := r.tok()
	if err != nil {
		return 0, err
	}
	return r.float(t, what, 0)
}

// float converts the token t, value i (from 1; 0 for a lone number) of
// what, to a finite float64.
func (r *modelReader) float(t json.Token, what string, i int) (float64, error) {
	n, ok := t.(json.Number)
	if ok {
		v, err := strconv.ParseFloat(string(n), 64)
		if err == nil && !math.IsInf(v, 0) {
			return v, nil
		}
	}
	if i > 0 {
		what = fmt.Sprintf("%s value %d", what, i)
	}
	if !ok {
		return 0, r.errorf("%s is %s, want a number", what, describe(t))
	}
	return 0, r.errorf("%s is %s, beyond the range of float64", what, cut(string(n)))
}

// integer reads an int in [lo, hi].
func (r *modelReader) integer(what string, lo, hi int) (int, error) {
	t, err := r.tok()
	if err != nil {
		return 0, err
	}
	n, ok := t.(json.Number)
	if !ok {
		return 0, r.errorf("%s is %s, want a whole number", what, describe(t))
	}
	v, err := strconv.Atoi(string(n))
	if err != nil || v < lo || v > hi {
		return 0, r.errorf("%s is %s, want a whole number from %d to %d", what, cut(string(n)), lo, hi)
	}
	return v, nil
}

// spend counts n more numbers against the limit before they are allocated.
func (r *modelReader) spend(n int, what string) error {
	if n > r.lim.MaxParams-r.params {
		return r.errorf("%s: the model holds more than the limit of %d numbers (nn.Limits.MaxParams raises it)", what, r.lim.MaxParams)
	}
	r.params += n
	return nil
}

// floats reads an array of exactly len(dst) numbers into dst. what names
// the array ("layer 2: weights row 3").
func (r *modelReader) floats(dst []float64, what string) error {
	if err := r.delim('[', what); err != nil {
		return err
	}
	for i := 0; ; i++ {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim(']') {
			if i < len(dst) {
				return r.errorf("%s has %s, want %d", what, count(i, "value"), len(dst))
			}
			return nil
		}
		if i == len(dst) {
			return r.errorf("%s has more than %d values, want %d", what, len(dst), len(dst))
		}
		if dst[i], err = r.float(t, what, i+1); err != nil {
			return err
		}
	}
}

// floatList reads an array of numbers whose length is not declared (the
// format of version 1), counting each against the limit.
func (r *modelReader) floatList(what string) ([]float64, error) {
	if err := r.delim('[', what); err != nil {
		return nil, err
	}
	var v []float64
	for {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		if t == json.Delim(']') {
			return v, nil
		}
		if err := r.spend(1, what); err != nil {
			return nil, err
		}
		x, err := r.float(t, what, len(v)+1)
		if err != nil {
			return nil, err
		}
		v = append(v, x)
	}
}
func isPos(err error) bool {
	var pe *posError
	return errors.As(err, &pe)
}

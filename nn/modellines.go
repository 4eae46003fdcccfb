package nn

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// A lineReader hands the decoder at most max bytes of r and keeps the last
// stretch of them, so that an error's byte offset, which always lies near
// the read position, can be turned into a line and column. It also refuses
// a token or a stretch of blanks longer than maxRun, which no model file
// holds, so that the decoder, which buffers a whole token (and the blanks
// before it), never holds more than that.
type lineReader struct {
	r     io.Reader
	max   int64
	n     int64  // bytes read
	tail  []byte // the last bytes read: tail[0] is at offset n-len(tail)
	lines int    // newlines before tail

	run              int // bytes since the last quote, comma, colon, bracket or brace
	inString, escape bool

	rec       []byte // while recording, every byte from offset recording on
	recording int64  // -1 when not recording

	err error // once reading has failed, it fails for good
}

const (
	keepTail = 64 << 10
	maxRun   = 64 << 10
)

func (lr *lineReader) Read(p []byte) (int, error) {
	if lr.err != nil {
		return 0, lr.err
	}
	if room := lr.max + 1 - lr.n; int64(len(p)) > room {
		p = p[:room]
	}
	k, err := lr.r.Read(p)
	if lr.n+int64(k) > lr.max { // one byte past the limit: hold it back
		k--
		lr.err = errTooLarge{lr.max}
	}
	if i := lr.scan(p[:k]); i >= 0 {
		k = i
		lr.err = &posError{off: lr.n + int64(i), err: fmt.Errorf("more than %d bytes without a comma, bracket, brace or quote: not a model file", maxRun)}
	}
	lr.n += int64(k)
	lr.tail = append(lr.tail, p[:k]...)
	if lr.recording >= 0 {
		lr.rec = append(lr.rec, p[:k]...)
	}
	if len(lr.tail) > 2*keepTail+k {
		drop := len(lr.tail) - keepTail - k // keep the whole of this read
		lr.lines += bytes.Count(lr.tail[:drop], []byte{'\n'})
		lr.tail = append(lr.tail[:0], lr.tail[drop:]...)
	}
	if lr.err != nil {
		return k, lr.err
	}
	return k, err
}

// from returns the bytes from offset off to the last read, if tail still
// holds them.
func (lr *lineReader) from(off int64) ([]byte, bool) {
	start := lr.tailStart()
	if off < start || off > start+int64(len(lr.tail)) {
		return nil, false
	}
	return lr.tail[off-start:], true
}

// record starts keeping every byte from offset off on, and reports
// whether tail still held them.
func (lr *lineReader) record(off int64) bool {
	b, ok := lr.from(off)
	lr.rec, lr.recording = append(lr.rec[:0], b...), off
	return ok
}
func (lr *lineReader) stopRecording() { lr.rec, lr.recording = nil, -1 }

// tailStart returns the offset of tail[0].
func (lr *lineReader) tailStart() int64 { return lr.n - int64(len(lr.tail)) }

// skipBlanks returns the offset of the first byte at or after off that is
// not a JSON blank, as far as tail shows.
func (lr *lineReader) skipBlanks(off int64) int64 {
	b, _ := lr.from(off)
	return off + int64(len(b)-len(bytes.TrimLeft(b, " \t\r\n")))
}

// scan follows strings and runs through b and returns the index of the
// byte at which a run grows past maxRun, or -1.
func (lr *lineReader) scan(b []byte) int {
	for i, c := range b {
		switch {
		case lr.escape:
			lr.escape = false
		case lr.inString && c == '\\':
			lr.escape = true
		case c == '"':
			lr.inString, lr.run = !lr.inString, 0
			continue
		case !lr.inString && (c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}'):
			lr.run = 0
			continue
		}
		if lr.run++; lr.run > maxRun {
			return i
		}
	}
	return -1
}

// locate prefixes err with name and, for a *posError, its line (and for a
// syntax error its column), as "model.json:7: …".
func (lr *lineReader) locate(name string, err error) error {
	var pe *posError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	start := lr.tailStart()
	if _, ok := lr.from(pe.off); !ok {
		return fmt.Errorf("%s: byte %d: %w", name, pe.off+1, err)
	}
	before := lr.tail[:pe.off-start]
	line := lr.lines + 1 + bytes.Count(before, []byte{'\n'})
	if pe.column {
		col := len(before) - bytes.LastIndexByte(before, '\n')
		return fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
	}
	return fmt.Errorf("%s:%d: %w", name, line, err)
}

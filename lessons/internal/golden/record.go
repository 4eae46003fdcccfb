package golden

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// RecordEnv names the environment variable that makes Check keep a list:
// when it names a file, every comparison appends one line to it, the golden
// file's absolute path and the SHA-256 of the output compared with it. CI
// (.ci/run) sets it for its runs on amd64, on amd64 with
// GODEBUG=cpu.fma=off and on arm64, and compares the lists: the same output
// on every platform, byte for byte, and no golden file left unchecked.
const RecordEnv = "GOLDEN_RECORD"

// record appends path and the SHA-256 of got to the file named by
// $GOLDEN_RECORD, if it is set, in one write of one line, which concurrent
// test processes appending to the same file do not interleave.
func record(t testing.TB, path string, got []byte) {
	t.Helper()
	file := os.Getenv(RecordEnv)
	if file == "" {
		return
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		var f *os.File
		if f, err = os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			_, err = fmt.Fprintf(f, "%s %x\n", abs, sha256.Sum256(got))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		t.Errorf("golden: %s: %v", RecordEnv, err)
	}
}

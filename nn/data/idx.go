package data

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"

	"nnscratch/matrix"
)

// IDX magic numbers: two zero bytes, the data type (0x08, unsigned byte) and
// the number of dimensions.
const (
	idxImagesMagic  = 0x00000803 // unsigned bytes, 3 dimensions: N, rows, cols
	idxLabelsMagic  = 0x00000801 // unsigned bytes, 1 dimension: N
	idxUnsignedByte = 0x08
)

// Images holds N images of Channels×Rows×Cols unsigned-byte pixels in one
// flat slice, as they come from the file: 0 is background, 255 is full ink
// (for Fashion-MNIST and MNIST) or full intensity (CIFAR-10).
//
// Image i occupies Pixels[i*Size() : (i+1)*Size()], and the value of channel
// ch at row r, column c of image i is
//
//	Pixels[((i*Channels+ch)*Rows+r)*Cols+c]
//
// so the planes are channel-major (all red, then all green, then all blue for
// CIFAR-10). IDX images have Channels == 1.
//
// Keeping bytes costs one byte per pixel: the 60,000 Fashion-MNIST training
// images take 47 MB, against 376 MB as float64. Convert per mini-batch with
// ScaleInto, into a buffer the caller reuses.
type Images struct {
	N, Channels, Rows, Cols int
	Pixels                  []byte
}

// Size returns the number of bytes in one image, Channels*Rows*Cols.
func (m *Images) Size() int { return m.Channels * m.Rows * m.Cols }

// Image returns the pixels of image i, a sub-slice of m.Pixels (not a copy).
// It panics if i is not in [0, N).
func (m *Images) Image(i int) []byte {
	if i < 0 || i >= m.N {
		panic(fmt.Sprintf("data: Image(%d) out of range [0,%d)", i, m.N))
	}
	s := m.Size()
	return m.Pixels[i*s : (i+1)*s : (i+1)*s]
}

// ScaleInto writes the images named by idx, one after another, into dst,
// mapping each byte v from 0..255 linearly onto [lo, hi]:
//
//	x = v/255·(hi−lo) + lo
//
// Row k of dst (dst[k*Size() : (k+1)*Size()]) is image idx[k]. ScaleInto(dst,
// idx, 0.01, 1) is the "Make Your Own Neural Network" input scaling, and
// ScaleInto(dst, idx, 0, 1) is plain division by 255. It allocates nothing
// and costs one table look-up per pixel.
//
// It panics with an error wrapping matrix.ErrShape if len(dst) !=
// len(idx)*Size(), and panics if an index is out of range.
func (m *Images) ScaleInto(dst []float64, idx []int, lo, hi float64) {
	s := m.Size()
	if len(dst) != len(idx)*s {
		panic(fmt.Errorf("data: ScaleInto %d images of %d pixels into %d values: %w",
			len(idx), s, len(dst), matrix.ErrShape))
	}
	var table [256]float64
	for v := range table {
		table[v] = float64(float64(v)/255*(hi-lo)) + lo
	}
	for k, i := range idx {
		src := m.Image(i)
		out := dst[k*s : (k+1)*s]
		for j, v := range src {
			out[j] = table[v]
		}
	}
}

// ReadImages reads an IDX image file with the default budget; see
// Limits.ReadImages.
func ReadImages(r io.Reader, name string) (*Images, error) {
	return Limits{}.ReadImages(r, name)
}

// ReadImages reads an IDX image file (magic 0x00000803: unsigned bytes,
// dimensions N, rows, cols) from r, gzipped or not; a gzip stream is
// recognised by its magic bytes 0x1f 0x8b. name is used in error messages
// only.
//
// A header that promises more than l.MaxBytes of pixels is refused before
// anything is allocated, with an error wrapping ErrBudget. Otherwise the
// header is checked against the bytes that actually follow it: a file whose
// header promises more (or fewer) pixels than it holds is an error that says
// both numbers. The pixel buffer grows as the data arrives, so a lying
// header cannot make ReadImages allocate more than about twice the bytes
// really present. The price is a doubling buffer: reading the 47 MB of the
// Fashion-MNIST training images allocates about 94 MB in all, at most 70 MB
// of it live at once, and keeps 47 MB.
func (l Limits) ReadImages(r io.Reader, name string) (*Images, error) {
	src, err := maybeGunzip(r, name)
	if err != nil {
		return nil, err
	}
	var hdr [16]byte
	if n, err := io.ReadFull(src, hdr[:]); err != nil {
		return nil, headerError(name, n, len(hdr), "image", err)
	}
	if err := checkMagic(name, hdr[:4], idxImagesMagic, "an image file"); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[4:])
	rows := binary.BigEndian.Uint32(hdr[8:])
	cols := binary.BigEndian.Uint32(hdr[12:])
	if rows == 0 || cols == 0 {
		return nil, fmt.Errorf("%s: header says images of %dx%d, which hold no pixels", name, rows, cols)
	}
	// rows·cols < 2⁶⁴; the product with n is checked without overflowing.
	size, budget := uint64(rows)*uint64(cols), uint64(l.max())
	if size > budget || uint64(n) > budget/size {
		return nil, l.budgetError(name, fmt.Sprintf("header says %d images of %dx%d, %.4g bytes of pixels",
			n, rows, cols, float64(n)*float64(size)))
	}
	want := uint64(n) * size
	pix, got, err := readExactly(src, int(want), l.max())
	if err != nil {
		return nil, fmt.Errorf("%s: reading pixels: %w", name, err)
	}
	if got != int64(want) {
		return nil, fmt.Errorf("%s: header says %d images of %dx%d (%d bytes of pixels) but file holds %s bytes of pixels",
			name, n, rows, cols, want, countString(got, l.max()))
	}
	return &Images{N: int(n), Channels: 1, Rows: int(rows), Cols: int(cols), Pixels: pix}, nil
}

// ReadLabels reads an IDX label file with the default budget; see
// Limits.ReadLabels.
func ReadLabels(r io.Reader, name string) ([]byte, error) {
	return Limits{}.ReadLabels(r, name)
}

// ReadLabels reads an IDX label file (magic 0x00000801: unsigned bytes, one
// dimension N) from r, gzipped or not, and returns its N labels. Like
// ReadImages it refuses a header promising more than l.MaxBytes, checks the
// header against the bytes present and names the file in its errors; it
// does not check the label values (LoadDir does).
func (l Limits) ReadLabels(r io.Reader, name string) ([]byte, error) {
	src, err := maybeGunzip(r, name)
	if err != nil {
		return nil, err
	}
	var hdr [8]byte
	if n, err := io.ReadFull(src, hdr[:]); err != nil {
		return nil, headerError(name, n, len(hdr), "label", err)
	}
	if err := checkMagic(name, hdr[:4], idxLabelsMagic, "a label file"); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[4:])
	if int64(n) > l.max() {
		return nil, l.budgetError(name, fmt.Sprintf("header says %d labels", n))
	}
	labels, got, err := readExactly(src, int(n), l.max())
	if err != nil {
		return nil, fmt.Errorf("%s: reading labels: %w", name, err)
	}
	if got != int64(n) {
		return nil, fmt.Errorf("%s: header says %d labels but file holds %s", name, n, countString(got, l.max()))
	}
	return labels, nil
}

// LoadImages reads the IDX image file at path with the default budget (see
// Limits.ReadImages).
func LoadImages(path string) (*Images, error) { return Limits{}.LoadImages(path) }

// LoadImages reads the IDX image file at path (see Limits.ReadImages).
func (l Limits) LoadImages(path string) (*Images, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.ReadImages(f, path)
}

// LoadLabels reads the IDX label file at path with the default budget (see
// Limits.ReadLabels).
func LoadLabels(path string) ([]byte, error) { return Limits{}.LoadLabels(path) }

// LoadLabels reads the IDX label file at path (see Limits.ReadLabels).
func (l Limits) LoadLabels(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.ReadLabels(f, path)
}

// WriteImagesIDX writes m to w as an uncompressed IDX image file (wrap w in a
// gzip.Writer for the .gz form). It returns an error if m has more than one
// channel, a dimension that does not fit the 32-bit header, or a pixel slice
// of the wrong length.
func WriteImagesIDX(w io.Writer, m *Images) error {
	if m.Channels != 1 {
		return fmt.Errorf("data: WriteImagesIDX: IDX images have 1 channel, not %d", m.Channels)
	}
	if m.N < 0 || m.Rows <= 0 || m.Cols <= 0 || uint64(m.N) > math.MaxUint32 ||
		uint64(m.Rows) > math.MaxUint32 || uint64(m.Cols) > math.MaxUint32 {
		return fmt.Errorf("data: WriteImagesIDX: %d images of %dx%d do not fit an IDX header", m.N, m.Rows, m.Cols)
	}
	if len(m.Pixels) != m.N*m.Size() {
		return fmt.Errorf("data: WriteImagesIDX: %d images of %dx%d need %d pixels, have %d",
			m.N, m.Rows, m.Cols, m.N*m.Size(), len(m.Pixels))
	}
	var hdr [16]byte
	binary.BigEndian.PutUint32(hdr[0:], idxImagesMagic)
	binary.BigEndian.PutUint32(hdr[4:], uint32(m.N))
	binary.BigEndian.PutUint32(hdr[8:], uint32(m.Rows))
	binary.BigEndian.PutUint32(hdr[12:], uint32(m.Cols))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(m.Pixels)
	return err
}

// WriteLabelsIDX writes labels to w as an uncompressed IDX label file.
func WriteLabelsIDX(w io.Writer, labels []byte) error {
	if uint64(len(labels)) > math.MaxUint32 {
		return fmt.Errorf("data: WriteLabelsIDX: %d labels do not fit an IDX header", len(labels))
	}
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[0:], idxLabelsMagic)
	binary.BigEndian.PutUint32(hdr[4:], uint32(len(labels)))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(labels)
	return err
}

// maybeGunzip returns a reader of r's content, decompressed if r starts with
// the gzip magic bytes 0x1f 0x8b.
func maybeGunzip(r io.Reader, name string) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err == io.ErrUnexpectedEOF {
			err = errGzipTruncated
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return gunzip{zr}, nil
	}
	return br, nil
}

func headerError(name string, got, want int, kind string, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		if got == 0 {
			return fmt.Errorf("%s: empty file, want an IDX %s header of %d bytes", name, kind, want)
		}
		return fmt.Errorf("%s: file too short for an IDX %s header: %d of %d bytes", name, kind, got, want)
	}
	return fmt.Errorf("%s: reading header: %w", name, err)
}

func checkMagic(name string, b []byte, want uint32, kind string) error {
	got := binary.BigEndian.Uint32(b)
	switch {
	case got == want:
		return nil
	case b[0] != 0 || b[1] != 0:
		return fmt.Errorf("%s: magic number 0x%08x is not IDX (want 0x%08x for %s)", name, got, want, kind)
	case b[2] != idxUnsignedByte:
		return fmt.Errorf("%s: IDX data type 0x%02x is not unsigned byte (0x08)", name, b[2])
	default:
		return fmt.Errorf("%s: IDX file has %d dimensions, %s has %d (magic 0x%08x, want 0x%08x)",
			name, b[3], kind, byte(want), got, want)
	}
}

// readExactly reads up to want bytes from r into a buffer that grows as data
// arrives (so a lying header cannot cause a large allocation), then counts
// any bytes left over, up to limit in all. It returns the data and the
// number of bytes r held, which equals want exactly when the length was
// right and exceeds limit when r held more than limit.
func readExactly(r io.Reader, want int, limit int64) ([]byte, int64, error) {
	buf := make([]byte, 0, min(want, 64<<10))
	for len(buf) < want {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), min(2*cap(buf), want))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, int64(len(buf)), nil
		}
		if err != nil {
			return nil, 0, err
		}
	}
	// Count what follows, but stop past the budget: a bomb that holds
	// gigabytes after the promised pixels is not decompressed to the end.
	extra, err := io.CopyN(io.Discard, r, max(limit-int64(want), 0)+1)
	if err != nil && err != io.EOF {
		return nil, 0, err
	}
	return buf, int64(want) + extra, nil
}

// countString formats a byte count readExactly returned: the number, or
// "more than limit" when counting stopped at the budget.
func countString(got, limit int64) string {
	if got > limit {
		return fmt.Sprintf("more than %d", limit)
	}
	return fmt.Sprintf("%d", got)
}

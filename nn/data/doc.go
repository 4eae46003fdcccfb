// Package data loads the data sets the lessons use: MNIST-style IDX image
// files (Fashion-MNIST), CIFAR-10 binary batches, and numeric CSV tables
// (Iris, the lynx series, body metrics, a user's own file).
//
// Every lesson runs on a fresh machine with no download: the package embeds
//
//   - a subset of Fashion-MNIST (Zalando SE, MIT licence; the notice is in
//     fashionmnist/LICENSE) as gzipped IDX files: a two-class subset,
//     T-shirt/top against Shirt, of 2,000 train / 500 test images, and a
//     ten-class subset of 3,000 train / 1,000 test images, each the first
//     images of every class in the order of the original files (gen.go
//     regenerates them);
//   - Fisher's Iris data (UCI Machine Learning Repository, CC BY 4.0) and the
//     Canadian lynx trappings 1821–1934 (Elton & Nicholson, 1942), as CSV.
//
// Iris() and Lynx() return the embedded tables; EpochsQuestionIris returns
// the ten Iris rows of the forum question "why does my network need so many
// more epochs than MLPClassifier?", which lessons 04 to 06 train on.
// Circle, XOR, Gauss, Spiral and Curve generate the toy sets of lesson 15's
// playground (TensorFlow Playground's kinds) from an explicit seeded source.
//
// README.md in the package directory gives the sources in full.
// FashionPair and Fashion10 use the full Fashion-MNIST set instead when
// Debian's dataset-fashion-mnist package has installed it in FashionDir, and
// say which they used.
//
// # Memory
//
// Images stay bytes in memory, one byte per pixel: the 60,000 training
// images of Fashion-MNIST cost 47 MB (376 MB had they been float64). A
// training loop converts one mini-batch at a time with Images.ScaleInto into
// a float64 buffer it reuses, and builds targets with Set.OneHotInto or
// Set.LabelsInto.
//
// Every reader has a budget (Limits; DefaultMaxBytes, 256 MiB, for the
// package-level functions): a file may decode to at most that many bytes.
// An IDX header that promises more is refused before anything is
// allocated, and a CIFAR-10 or CSV file is refused as soon as it has
// decoded that much, so a 5 MB .gz that truthfully holds 5 GB costs
// kilobytes. Within the budget, reading grows the pixel buffer as the data
// arrives, so a file whose header lies about its length cannot make the
// reader allocate more than about twice what the file really holds; the
// price is that reading allocates about twice the final size. Loading all 70,000
// Fashion-MNIST images keeps 52 MiB of heap and peaked at 113 MB resident
// (measured with go1.26 on amd64).
//
// # Errors
//
// Bad files are errors that name the file and say what is wrong, with the
// line and column for CSV and the record for CIFAR-10:
//
//	train-images-idx3-ubyte.gz: header says 60000 images of 28x28 (47040000 bytes of pixels) but file holds 1234 bytes of pixels
//	iris.csv:17: column "petal_length_cm": "abc" is not a number
//	data_batch_1.bin: record 10000 is truncated: 100 of 3073 bytes
//	data_batch_1.bin.gz: record 7: the gzip stream ends early (the .gz file is truncated)
//	train-images-idx3-ubyte.gz: header says 5000 images of 1000x1000, 5e+09 bytes of pixels: more than the budget of 256 MiB
//
// Errors over the budget wrap ErrBudget. LoadDir also refuses a set with
// no images and test images of another size than the training images.
// A field quoted in a message is cut to its first 40 bytes.
//
// Calling a helper with a buffer of the wrong length is a programmer error:
// it panics with an error wrapping matrix.ErrShape.
package data

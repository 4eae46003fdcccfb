//go:build !amd64

package matrix

// expBlocks computes no element: without assembly ExpInto is a math.Exp
// loop. It returns the index ExpInto's loop starts from.
func expBlocks(dst, x []float64) int { return 0 }

// sigmoidBlocks computes no element; see expBlocks.
func sigmoidBlocks(dst, x []float64) int { return 0 }

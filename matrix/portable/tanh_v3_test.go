//go:build amd64 && amd64.v3

package portable

// compareTanh is false: a GOAMD64=v3 build may fuse math.Tanh's x*y + z.
const compareTanh = false

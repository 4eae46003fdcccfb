package nn

import (
	"fmt"

	"nnscratch/matrix"
)

// A Network is a list of dense layers, each feeding the next. The input
// batch x has one sample per row.
type Network struct {
	Layers []*Layer

	x      *matrix.Matrix // the batch of the last Forward
	params []Param        // cached by Params
	pen    *penaltyTask   // Gradient's penalty, summed beside Backward
}

// penaltyTaskMin is the fewest weights whose Penalty Gradient sums on
// another core: 78,400 took 80 µs, a hand-off to a worker that polls for
// work about 1 µs, but one that has to be woken up about 90 µs. Lesson
// 12's 39,200 weights, whose products stay on one core, measured no faster
// beside Backward (0.40–0.44 against 0.39–0.42 ms a step) and kept the
// second core busy, so they are summed in line.
const penaltyTaskMin = 1 << 16

// A penaltyTask computes a network's Penalty on another core (matrix.Task).
type penaltyTask struct {
	task    matrix.Task
	n       *Network
	alpha   float64
	samples int
	value   float64
	run     func() // sum, made once so that Start allocates nothing
}

func (p *penaltyTask) sum() { p.value = p.n.Penalty(p.alpha, p.samples) }

// NewNetwork returns the network made of layers, in order. It panics with
// an error wrapping matrix.ErrShape if a layer's FanIn differs from the
// previous layer's FanOut, and if there are no layers.
func NewNetwork(layers ...*Layer) *Network {
	if len(layers) == 0 {
		panic("nn: NewNetwork: no layers")
	}
	for i := 1; i < len(layers); i++ {
		if layers[i].FanIn() != layers[i-1].FanOut() {
			panic(fmt.Errorf("nn: NewNetwork: layer %d has %d outputs but layer %d has %d inputs: %w",
				i, layers[i-1].FanOut(), i+1, layers[i].FanIn(), matrix.ErrShape))
		}
	}
	for _, l := range layers {
		l.ensureGrads()
	}
	return &Network{Layers: layers}
}

// New returns a network with the given layer sizes (sizes[0] inputs, then
// each layer's units), zero weights, bias rows if bias is set, the
// activation hidden on every layer but the last and output on the last.
// New([]int{2, 3, 1}, true, Sigmoid{}, Sigmoid{}) is the forum's 2-3-1
// network. Fill the weights with an Initializer or by hand. It panics if
// there are fewer than two sizes.
//
// New takes no initializer because the lessons start networks in several
// ways: from given weights, from draws in a source program's own order, or
// from zero, which is right for a network without hidden layers (the delta
// rule's single neuron). Zero is wrong for hidden layers, whose units would
// stay identical, so Train refuses such a network with an error naming the
// initializers (ErrIdenticalUnits) rather than training it silently.
func New(sizes []int, bias bool, hidden, output Activation) *Network {
	if len(sizes) < 2 {
		panic(fmt.Sprintf("nn: New: %d layer sizes, want at least 2", len(sizes)))
	}
	layers := make([]*Layer, len(sizes)-1)
	for i := range layers {
		act := hidden
		if i == len(layers)-1 {
			act = output
		}
		layers[i] = Dense(sizes[i], sizes[i+1], bias, act)
	}
	return NewNetwork(layers...)
}

// Sizes returns the layer sizes: the input width, then each layer's units.
func (n *Network) Sizes() []int {
	s := []int{n.Layers[0].FanIn()}
	for _, l := range n.Layers {
		s = append(s, l.FanOut())
	}
	return s
}

// Forward runs the batch x (rows = samples) through every layer and returns
// the output layer's activations A. Each layer's Z and A stay readable until
// the next Forward; the returned matrix is the last layer's A, not a copy.
// Backward uses x and these activations. It panics with an error wrapping
// matrix.ErrShape if x has the wrong number of columns. In steady state
// it allocates nothing.
func (n *Network) Forward(x *matrix.Matrix) *matrix.Matrix {
	n.x = x
	a := x
	for _, l := range n.Layers {
		a = l.Forward(a)
	}
	return a
}

// Output returns the output of the last Forward (the last layer's A).
func (n *Network) Output() *matrix.Matrix { return n.Layers[len(n.Layers)-1].A }

// Predict returns the network's output for the batch x (rows = samples) in
// a new matrix: the values Forward returns, computed in matrices of its
// own. It only reads the network, so any number of goroutines may call
// Predict on one network at once, as long as nothing trains or changes it
// meanwhile (Forward, Backward, Step and Train write the layers' buffers
// and weights). It panics with an error wrapping matrix.ErrShape if x has
// the wrong number of columns. It allocates the activations of every layer.
func (n *Network) Predict(x *matrix.Matrix) *matrix.Matrix {
	if in := n.Layers[0].FanIn(); x.Cols != in {
		panic(fmt.Errorf("nn: Predict on %dx%d inputs, the network has %d inputs: %w", x.Rows, x.Cols, in, matrix.ErrShape))
	}
	a := x
	for _, l := range n.Layers {
		z := matrix.Mul(a, l.W)
		if l.B != nil {
			matrix.AddRowVectorInto(z, z, l.B)
		}
		l.Act.Forward(z, z)
		a = z
	}
	return a
}

// Backward back-propagates the error of the last Forward against targets y
// and fills every layer's Delta, GradW and GradB without changing any
// weight:
//
//	δ_L     = (a_L − y) ⊙ f′(z_L)        (OutputDelta: per loss and activation)
//	∂E/∂W_l = a_{l−1}ᵀ·δ_l               (a_0 = x)
//	∂E/∂b_l = Σ_rows δ_l
//	δ_{l−1} = δ_l·W_lᵀ ⊙ f′(z_{l−1})
//
// It panics if Forward has not run or y's shape differs from the output's.
// In steady state it allocates nothing.
func (n *Network) Backward(y *matrix.Matrix, loss Loss) {
	if n.x == nil {
		panic("nn: Backward before Forward")
	}
	L := len(n.Layers) - 1
	out := n.Layers[L]
	out.Delta = resized(out.Delta, out.A.Rows, out.A.Cols)
	OutputDelta(out.Delta, out.Z, out.A, y, out.Act, loss)
	for l := L; l >= 0; l-- {
		layer := n.Layers[l]
		if l == 0 {
			layer.gradients(n.x)
			break
		}
		prev := n.Layers[l-1]
		layer.gradients(prev.A)
		prev.Delta = resized(prev.Delta, prev.A.Rows, prev.A.Cols)
		matrix.MulTransBInto(prev.Delta, layer.Delta, layer.W)
		prev.Act.Backward(prev.Delta, prev.Z, prev.A, prev.Delta)
	}
}

// Penalty returns scikit-learn's L2 term α/(2n)·Σ_l ‖W_l‖² for a batch of
// n samples; biases are not penalised. It is 0 when alpha is 0.
func (n *Network) Penalty(alpha float64, samples int) float64 {
	if alpha == 0 {
		return 0
	}
	s := 0.0
	for _, l := range n.Layers {
		ss := 0.0 // ‖W_l‖², summed alone as numpy's per-layer dot product is
		for _, w := range l.W.Data {
			ss += float64(w * w) // rounded: Go may fuse a multiply-add on arm64
		}
		s += ss
	}
	return 0.5 * alpha * s / float64(samples)
}

// AddPenaltyGrad adds the gradient of Penalty, (α/n)·W, to every GradW.
// Call it after Backward.
func (n *Network) AddPenaltyGrad(alpha float64, samples int) {
	if alpha == 0 {
		return
	}
	for _, l := range n.Layers {
		matrix.AddScaledInto(l.GradW, l.GradW, alpha/float64(samples), l.W)
	}
}

// Gradient returns the objective on the batch (x, y), the loss plus the L2
// term α/(2n)·Σ‖W‖², and fills every layer's GradW and GradB with its
// gradient: Forward, Backward and AddPenaltyGrad, without changing a
// weight. Step is Gradient and one optimiser update. In steady state it
// allocates nothing.
func (n *Network) Gradient(x, y *matrix.Matrix, loss Loss, alpha float64) float64 {
	out := n.Forward(x)
	// The penalty reads only the weights, which neither the loss nor
	// Backward changes, and its one long sum cannot be split: for a large
	// network it is summed on another core meanwhile.
	beside := alpha != 0 && n.weights() >= penaltyTaskMin
	if beside {
		n.startPenalty(alpha, x.Rows)
	}
	e := loss.Value(out, y)
	n.Backward(y, loss)
	if beside {
		n.pen.task.Wait()
		e += n.pen.value
	} else {
		e += n.Penalty(alpha, x.Rows)
	}
	n.AddPenaltyGrad(alpha, x.Rows)
	return e
}

// weights returns the number of weights (not biases) of the network.
func (n *Network) weights() int {
	w := 0
	for _, l := range n.Layers {
		w += len(l.W.Data)
	}
	return w
}

// startPenalty starts summing Penalty(alpha, samples) into n.pen.value on
// another core, if there is one (matrix.Task); n.pen.task.Wait waits for it.
func (n *Network) startPenalty(alpha float64, samples int) {
	if n.pen == nil {
		n.pen = &penaltyTask{n: n}
		n.pen.run = n.pen.sum
	}
	n.pen.alpha, n.pen.samples = alpha, samples
	n.pen.task.Start(n.pen.run)
}

// Objective returns the loss of the network on (x, y) plus the L2 term
// with coefficient alpha. It runs Forward, so it overwrites the layers'
// activations.
func (n *Network) Objective(x, y *matrix.Matrix, loss Loss, alpha float64) float64 {
	return loss.Value(n.Forward(x), y) + n.Penalty(alpha, x.Rows)
}

// ErrorRate returns the fraction of rows of the outputs a whose predicted
// class differs from the targets y: with one column, a ≥ 0.5 against
// y ≥ 0.5; with several, the arg-max of each row. It panics with an error
// wrapping matrix.ErrShape if the shapes differ.
func ErrorRate(a, y *matrix.Matrix) float64 {
	sameShapes("ErrorRate", a, y)
	if a.Rows == 0 {
		return 0
	}
	wrong := 0
	for i := range a.Rows {
		if a.Cols == 1 {
			if (a.Data[i] >= 0.5) != (y.Data[i] >= 0.5) {
				wrong++
			}
		} else if Argmax(a.Row(i)) != Argmax(y.Row(i)) {
			wrong++
		}
	}
	return float64(wrong) / float64(a.Rows)
}

// Argmax returns the index of the largest value of v, the first on a tie
// (numpy's argmax): the class a row of outputs predicts. It returns 0 for
// an empty v.
func Argmax(v []float64) int {
	k := 0
	for i, x := range v {
		if x > v[k] {
			k = i
		}
	}
	return k
}

// A Param is one parameter matrix of a model with its gradient, of the same
// shape: what an Optimizer updates and GradCheck checks.
type Param struct {
	Name        string // "W1", "b1", "W2", … for a Network
	Value, Grad *matrix.Matrix
}

// Params returns the network's parameters in the order W1, b1, W2, b2, …
// (layers numbered from 1; layers without biases have no b), each with the
// gradient Backward fills. The slice is cached: after the first call it
// costs no allocation, so optimisers may call it every step. Replacing a
// layer or its W or B refreshes it.
func (n *Network) Params() []Param {
	if n.paramsCurrent() {
		return n.params
	}
	n.params = n.params[:0]
	for i, l := range n.Layers {
		l.ensureGrads()
		n.params = append(n.params, Param{fmt.Sprintf("W%d", i+1), l.W, l.GradW})
		if l.B != nil {
			n.params = append(n.params, Param{fmt.Sprintf("b%d", i+1), l.B, l.GradB})
		}
	}
	return n.params
}

func (n *Network) paramsCurrent() bool {
	k := 0
	for _, l := range n.Layers {
		if k >= len(n.params) || n.params[k].Value != l.W || n.params[k].Grad != l.GradW {
			return false
		}
		k++
		if l.B != nil {
			if k >= len(n.params) || n.params[k].Value != l.B || n.params[k].Grad != l.GradB {
				return false
			}
			k++
		}
	}
	return k == len(n.params) && k > 0
}

// Clone returns a deep copy of the network's layers and parameters (not
// its buffers).
func (n *Network) Clone() *Network {
	layers := make([]*Layer, len(n.Layers))
	for i, l := range n.Layers {
		var b *matrix.Matrix
		if l.B != nil {
			b = l.B.Clone()
		}
		layers[i] = NewLayer(l.W.Clone(), b, l.Act)
	}
	return NewNetwork(layers...)
}

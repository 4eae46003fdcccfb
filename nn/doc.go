// Package nn is the engine the lessons build their networks with: dense
// layers, activations, losses, initialisations, optimisers, learning-rate
// schedules, training loops, input scaling, gradient checking and saving.
// It is written so each line can be laid beside the textbook equations.
//
// # Networks
//
// A Network is a list of Layers. Samples are rows: a batch X is n×fan_in,
// and a layer with weights W (fan_in×fan_out, numpy's X·W orientation and
// scikit-learn's coefs_) and bias row b computes
//
//	Z = A_prev·W + b,   A = f(Z)
//
// Build one with New (sizes and activations, zero weights, then an
// Initializer: Train refuses hidden units left identical) or, for given
// weights, NewLayer and NewNetwork:
//
//	net := nn.NewNetwork(
//		nn.NewLayer(w1, b1, nn.Sigmoid{}),
//		nn.NewLayer(w2, b2, nn.Sigmoid{}))
//
// Forward(x) fills every layer's Z and A and returns the output.
// Predict(x) returns the same output in new matrices, touching no buffer,
// so one trained network may predict from many goroutines at once.
// Backward(y, loss) fills every layer's Delta (δ = ∂E/∂Z), GradW and GradB
// without changing a weight:
//
//	δ_out   = (a − y) ⊙ f′(z)        (for ½·SSE; OutputDelta in general)
//	∂E/∂W   = a_prevᵀ·δ
//	∂E/∂b   = Σ_rows δ
//	δ_prev  = δ·Wᵀ ⊙ f′(z_prev)
//
// Activations: Sigmoid, Tanh, ReLU (with the subgradient at 0 chosen),
// LeakyReLU, Identity, Softmax. Losses: SSE, HalfSSE, MSE, LogLoss (binary,
// δ_out = a − y with a Sigmoid output), CrossEntropy (with Softmax); a
// MatchedLoss names the output activation whose pairing gives that
// simplification. The L2 penalty α/(2n)·Σ‖W‖² is Penalty and
// AddPenaltyGrad, the L1 penalty α/n·Σ|W| L1Penalty and AddL1Grad;
// Gradient is the loss with its L2 penalty and every gradient.
// Softmax and PairwiseSum add as numpy's sum does.
//
// # Training
//
// An Optimizer (GD, Momentum, Adam) applies gradients to Params with a
// rate from a Schedule (Constant, InvScaling, Adaptive). Step does one
// Forward, Backward and update on a batch; Train loops over epochs in
// full, mini or single-sample batches as a TrainConfig says, stops on
// MaxEpochs, on Goal or on a stalled loss (Tol, NoChange), and reports
// which in its Result. A NaN or infinite loss ends training with a
// *DivergedError. Steps reuse their buffers: a step allocates nothing.
// TrainSamples does the same from any Samples, gathering each batch; the
// image sets of nn/data provide them, so Fashion-MNIST trains straight
// from its bytes.
//
// Randomness comes only from explicit sources: a Source for initial
// weights and a Shuffler for the sample order, both satisfied by
// *nprand.RandomState, which reproduces numpy's draws, and by MathRand,
// which wraps a math/rand/v2 generator. Seeds are uint32, numpy's.
//
// # Tools
//
// StandardScaler and MinMaxScaler scale inputs column by column.
// GradCheck compares any model's analytic gradients with finite
// differences. Save and Load keep a Model (a network with its input
// scaler and class names) in a JSON file, exactly, within stated Limits.
//
// # scikit-learn's estimators
//
// Package nn/mlp builds scikit-learn 1.2's MLPClassifier and MLPRegressor
// on this engine: the same parameters and defaults, and for the same
// random_state the same numbers. It imports nn; nn imports nothing of it.
package nn

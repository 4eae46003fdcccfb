# The question's code with the answer's log-loss delta (alpha 0.05, raw inputs,
# np.random.seed(1)) and a print line after every line of one step: what
# `go run ./lessons/05-log-loss -loss log -scale raw -alphas 0.05 -max-iter 1 -trace 1`
# prints before its table. TestTraceNumpy runs it with /usr/bin/python3.
import numpy
X = numpy.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1], [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
Y = numpy.array([[0, 1, 0, 1, 1, 0, 1, 1, 0, 1]], dtype=float).T
sigmoid = lambda x: 1/(1+numpy.exp(-x))
sigmoid_derivative = lambda x: x*(1-x)
numpy.random.seed(1)
weights_1 = 2*numpy.random.random((2, 3)) - 1
weights_2 = 2*numpy.random.random((3, 1)) - 1
bias_1 = 2*numpy.random.random((3)) - 1
bias_2 = 2*numpy.random.random((1)) - 1
alpha = 0.05
for i in range(1):
    print("--- step %d ---" % i)
    if i == 0:
        print("weights_1 =", weights_1, "weights_2 =", weights_2, sep="\n")
        print("bias_1 =", numpy.atleast_2d(bias_1), "bias_2 =", numpy.atleast_2d(bias_2), sep="\n")
    layer_0 = X
    print("layer_0 =", layer_0, sep="\n")
    print("numpy.dot(layer_0, weights_1)+bias_1 =", numpy.dot(layer_0, weights_1)+bias_1, sep="\n")
    layer_1 = sigmoid(numpy.dot(layer_0, weights_1)+bias_1)
    print("layer_1 =", layer_1, sep="\n")
    print("numpy.dot(layer_1, weights_2)+bias_2 =", numpy.dot(layer_1, weights_2)+bias_2, sep="\n")
    layer_2 = sigmoid(numpy.dot(layer_1, weights_2)+bias_2)
    print("layer_2 =", layer_2, sep="\n")
    layer_2_error = layer_2 - Y
    print("layer_2_error =", layer_2_error, sep="\n")
    layer_2_delta = layer_2_error
    print("layer_2_delta =", layer_2_delta, sep="\n")
    layer_1_error = layer_2_delta.dot(weights_2.T)
    print("layer_1_error =", layer_1_error, sep="\n")
    layer_1_delta = layer_1_error * sigmoid_derivative(layer_1)
    print("layer_1_delta =", layer_1_delta, sep="\n")
    print("layer_1.T.dot(layer_2_delta) =", layer_1.T.dot(layer_2_delta), sep="\n")
    print("alpha * layer_1.T.dot(layer_2_delta) =", alpha * layer_1.T.dot(layer_2_delta), sep="\n")
    weights_2 -= alpha * layer_1.T.dot(layer_2_delta)
    print("weights_2 =", weights_2, sep="\n")
    print("layer_0.T.dot(layer_1_delta) =", layer_0.T.dot(layer_1_delta), sep="\n")
    print("alpha * layer_0.T.dot(layer_1_delta) =", alpha * layer_0.T.dot(layer_1_delta), sep="\n")
    weights_1 -= alpha * layer_0.T.dot(layer_1_delta)
    print("weights_1 =", weights_1, sep="\n")
    print("numpy.sum(layer_2_delta, axis=0) =", numpy.atleast_2d(numpy.sum(layer_2_delta, axis=0)), sep="\n")
    bias_2 -= alpha * numpy.sum(layer_2_delta, axis=0)
    print("bias_2 =", numpy.atleast_2d(bias_2), sep="\n")
    print("numpy.sum(layer_1_delta, axis=0) =", numpy.atleast_2d(numpy.sum(layer_1_delta, axis=0)), sep="\n")
    bias_1 -= alpha * numpy.sum(layer_1_delta, axis=0)
    print("bias_1 =", numpy.atleast_2d(bias_1), sep="\n")

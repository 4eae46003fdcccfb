# The forum question's loop (lesson 04) with a print line after each
# statement, for its first N steps: what the lesson's -trace N prints for
# each variant and input scaling asked for. TestTraceAgainstNumpy runs it as
#   /usr/bin/python3 testdata/trace.py 2 fixed,raw fixed,standard …
# and compares its output with the lesson's.
import sys
import numpy
from sklearn import preprocessing

alpha = 0.5


def sigmoid(x):
    output = 1 / (1 + numpy.exp(-x))
    return output


def sigmoid_derivative(x):
    return x * (1 - x)


def calculateError(Y, Y_predicted):
    totalError = 0
    for i in range(len(Y)):
        totalError = totalError + numpy.square(Y[i] - Y_predicted[i])
    return totalError


def show(name, value):
    print(name, "=")
    print(value)


X_RAW = numpy.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1],
                     [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
Y = numpy.array([[0], [1], [0], [1], [1], [0], [1], [1], [0], [1]], dtype=float)  # virginica = 1
steps = int(sys.argv[1])
for run in sys.argv[2:]:
    variant, scale = run.split(",")
    X = preprocessing.scale(X_RAW) if scale == "standard" else X_RAW

    numpy.random.seed(1)
    weights_1 = 2 * numpy.random.random((2, 3)) - 1
    weights_2 = 2 * numpy.random.random((3, 1)) - 1
    bias_1 = 2 * numpy.random.random((3)) - 1
    bias_2 = 2 * numpy.random.random((1)) - 1
    flip_error = variant in ("flipped", "flip-error")
    flip_update = variant in ("flipped", "flip-update")

    print(variant + ", " + scale + " inputs:")
    for i in range(steps):
        print("--- step", i, "---")
        layer_0 = X
        show("layer_0", layer_0)
        show("numpy.dot(layer_0, weights_1)+bias_1", numpy.dot(layer_0, weights_1) + bias_1)
        layer_1 = sigmoid(numpy.dot(layer_0, weights_1) + bias_1)
        show("layer_1", layer_1)
        show("numpy.dot(layer_1, weights_2)+bias_2", numpy.dot(layer_1, weights_2) + bias_2)
        layer_2 = sigmoid(numpy.dot(layer_1, weights_2) + bias_2)
        show("layer_2", layer_2)
        layer_2_error = Y - layer_2 if flip_error else layer_2 - Y
        show("layer_2_error", layer_2_error)
        show("sigmoid_derivative(layer_2)", sigmoid_derivative(layer_2))
        layer_2_delta = layer_2_error * sigmoid_derivative(layer_2)
        show("layer_2_delta", layer_2_delta)
        layer_1_error = layer_2_delta.dot(weights_2.T)
        show("layer_1_error", layer_1_error)
        show("sigmoid_derivative(layer_1)", sigmoid_derivative(layer_1))
        layer_1_delta = layer_1_error * sigmoid_derivative(layer_1)
        show("layer_1_delta", layer_1_delta)
        for grad, name, weights in ((layer_1.T.dot(layer_2_delta), "layer_1.T.dot(layer_2_delta)", weights_2),
                                    (layer_0.T.dot(layer_1_delta), "layer_0.T.dot(layer_1_delta)", weights_1)):
            show(name, grad)
            show("alpha * " + name, alpha * grad)
            if flip_update:
                weights += alpha * grad
            else:
                weights -= alpha * grad
            show("weights_2" if weights is weights_2 else "weights_1", weights)
        for delta, name, bias in ((layer_2_delta, "layer_2_delta", bias_2), (layer_1_delta, "layer_1_delta", bias_1)):
            total = numpy.sum(delta, axis=0)
            show("numpy.sum(" + name + ", axis=0)", total)
            show("alpha * numpy.sum(" + name + ", axis=0)", alpha * total)
            if flip_update:
                bias += alpha * total
            else:
                bias -= alpha * total
            show("bias_2" if bias is bias_2 else "bias_1", bias)
        show("calculateError(Y, layer_2)", calculateError(Y, layer_2))

# The question's fixed code (lesson 04) on raw inputs, np.random.seed(1),
# alpha 0.5, goal 0.001, with δ written two ways: as this lesson writes it,
# layer_2_error * sigmoid_derivative(layer_2), and as lesson 06's script
# writes it, (l2 - y) * l2 * (1 - l2) multiplied left to right. Prints the
# two iteration counts. TestBracketingMovesNumpyCount runs it:
#   /usr/bin/python3 testdata/bracketing.py
import numpy

X = numpy.array([[7, 4.7], [6.3, 6], [6.9, 4.9], [6.4, 5.3], [5.8, 5.1],
                 [5.5, 4], [7.1, 5.9], [6.3, 5.6], [6.4, 4.5], [7.7, 6.7]])
Y = numpy.array([[0], [1], [0], [1], [1], [0], [1], [1], [0], [1]], dtype=float)  # virginica = 1


def sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def count(left_to_right):
    numpy.random.seed(1)
    weights_1 = 2 * numpy.random.random((2, 3)) - 1
    weights_2 = 2 * numpy.random.random((3, 1)) - 1
    bias_1 = 2 * numpy.random.random((3)) - 1
    bias_2 = 2 * numpy.random.random((1)) - 1
    for i in range(1000000):
        layer_1 = sigmoid(numpy.dot(X, weights_1) + bias_1)
        layer_2 = sigmoid(numpy.dot(layer_1, weights_2) + bias_2)
        if left_to_right:
            layer_2_delta = (layer_2 - Y) * layer_2 * (1 - layer_2)
            layer_1_delta = layer_2_delta.dot(weights_2.T) * layer_1 * (1 - layer_1)
        else:
            layer_2_delta = (layer_2 - Y) * (layer_2 * (1 - layer_2))
            layer_1_delta = layer_2_delta.dot(weights_2.T) * (layer_1 * (1 - layer_1))
        weights_2 -= 0.5 * layer_1.T.dot(layer_2_delta)
        weights_1 -= 0.5 * X.T.dot(layer_1_delta)
        bias_2 -= 0.5 * numpy.sum(layer_2_delta, axis=0)
        bias_1 -= 0.5 * numpy.sum(layer_1_delta, axis=0)
        if numpy.sum(numpy.square(Y - layer_2)) < 0.001:
            return i
    return -1


print(count(False), count(True))

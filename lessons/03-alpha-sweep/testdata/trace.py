# The alpha-sweep notebook's loop with a print line after each statement,
# for the first N steps of each learning rate: what the lesson's -trace N
# prints. TestTraceAgainstNumpy runs it as
#   /usr/bin/python3 testdata/trace.py 1
# and compares its output with the lesson's.
import sys
import numpy as np

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1
alphas = [0.001, 0.01, 0.1, 1, 10, 100, 1000]


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(sigmoid_output):
    return sigmoid_output * (1 - sigmoid_output)


def show(name, value):
    print(name, "=")
    print(value)


X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0], [1], [1], [0]])

for alpha in alphas:
    print("Training With Alpha:", alpha)
    np.random.seed(1)
    synapse_0 = 2 * np.random.random((3, 4)) - 1
    synapse_1 = 2 * np.random.random((4, 1)) - 1
    for step in range(steps):
        print("--- step", step, "---")
        layer_0 = X
        show("layer_0", layer_0)
        show("np.dot(layer_0,synapse_0)", np.dot(layer_0, synapse_0))
        layer_1 = sigmoid(np.dot(layer_0, synapse_0))
        show("layer_1", layer_1)
        show("np.dot(layer_1,synapse_1)", np.dot(layer_1, synapse_1))
        layer_2 = sigmoid(np.dot(layer_1, synapse_1))
        show("layer_2", layer_2)
        layer_2_error = layer_2 - y
        show("layer_2_error", layer_2_error)
        show("sigmoid_derivative(layer_2)", sigmoid_derivative(layer_2))
        layer_2_delta = layer_2_error * sigmoid_derivative(layer_2)
        show("layer_2_delta", layer_2_delta)
        layer_1_error = layer_2_delta.dot(synapse_1.T)
        show("layer_1_error", layer_1_error)
        show("sigmoid_derivative(layer_1)", sigmoid_derivative(layer_1))
        layer_1_delta = layer_1_error * sigmoid_derivative(layer_1)
        show("layer_1_delta", layer_1_delta)
        show("layer_1.T.dot(layer_2_delta)", layer_1.T.dot(layer_2_delta))
        show("alpha * (layer_1.T.dot(layer_2_delta))", alpha * (layer_1.T.dot(layer_2_delta)))
        synapse_1 = synapse_1 - alpha * (layer_1.T.dot(layer_2_delta))
        show("synapse_1", synapse_1)
        show("layer_0.T.dot(layer_1_delta)", layer_0.T.dot(layer_1_delta))
        show("alpha * (layer_0.T.dot(layer_1_delta))", alpha * (layer_0.T.dot(layer_1_delta)))
        synapse_0 = synapse_0 - alpha * (layer_0.T.dot(layer_1_delta))
        show("synapse_0", synapse_0)

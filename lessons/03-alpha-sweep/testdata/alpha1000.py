# The alpha-sweep notebook's network at alpha 1000: prints, for each step at
# which the four outputs change regime (all below 1e-5 "low", all above
# 1 - 1e-5 "high", otherwise "mid"), the step and the regime, then the
# largest output after 60,000 steps. TestAlpha1000 compares the lesson's run
# with this one when numpy is installed:
#   /usr/bin/python3 testdata/alpha1000.py
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(sigmoid_output):
    return sigmoid_output * (1 - sigmoid_output)


X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0], [1], [1], [0]])
alpha = 1000
np.random.seed(1)
synapse_0 = 2 * np.random.random((3, 4)) - 1
synapse_1 = 2 * np.random.random((4, 1)) - 1
last = None
for step in range(60000):
    layer_1 = sigmoid(np.dot(X, synapse_0))
    layer_2 = sigmoid(np.dot(layer_1, synapse_1))
    regime = "low" if layer_2.max() < 1e-5 else "high" if layer_2.min() > 1 - 1e-5 else "mid"
    if regime != last:
        print(step, regime)
        last = regime
    layer_2_delta = (layer_2 - y) * sigmoid_derivative(layer_2)
    layer_1_delta = layer_2_delta.dot(synapse_1.T) * sigmoid_derivative(layer_1)
    synapse_1 = synapse_1 - alpha * (layer_1.T.dot(layer_2_delta))
    synapse_0 = synapse_0 - alpha * (X.T.dot(layer_1_delta))
print("max", layer_2.max())

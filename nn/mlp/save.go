package mlp

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"nnscratch/nn"
)

// A fitted Classifier or Regressor is saved as an nn model file: the
// network (coefs_ and intercepts_ as the layers' weights and biases), the
// classes as the model's class names, and in its meta the estimator's name
// and the fitted numbers the network does not hold:
//
//	"meta": {"estimator": "MLPClassifier",
//	  "fitted": {"loss_": 0.32, "n_iter_": 200, "t_": 2200, "loss_curve_": […],
//	    "no_improvement_count_": 0}}
//
// A loaded estimator predicts as the saved one did, to the bit; its Params
// hold the hidden sizes and activation of the network, and Fit with
// WarmStart or PartialFit go on from its weights with a fresh optimiser.
type savedMeta struct {
	Estimator string      `json:"estimator"`
	Fitted    savedFitted `json:"fitted"`
}

type savedFitted struct {
	Loss      float64   `json:"loss_"`
	NIter     int       `json:"n_iter_"`
	T         int       `json:"t_"`
	LossCurve []float64 `json:"loss_curve_,omitempty"`
	NoImprove int       `json:"no_improvement_count_"` // the stopping rule's count, which a warm start goes on with
}

// Save writes the fitted classifier to the model file path (nn.Model.Save:
// a temporary file renamed into place). LoadClassifier reads it back. It
// returns an error before the first Fit.
func (c *Classifier[L]) Save(path string) error {
	names := make([]string, len(c.Classes))
	for i, l := range c.Classes {
		names[i] = fmt.Sprint(l)
	}
	return save(path, "MLPClassifier", &c.tr, names)
}

// Save writes the fitted regressor to the model file path; see
// Classifier.Save.
func (r *Regressor) Save(path string) error { return save(path, "MLPRegressor", &r.tr, nil) }

func save(path, est string, tr *trainer, classes []string) error {
	if tr.net == nil {
		return fmt.Errorf("mlp: save %s: %w", path, notFitted(est))
	}
	f := tr.f
	meta, err := json.Marshal(savedMeta{est, savedFitted{f.Loss, f.NIter, f.T, f.LossCurve, tr.noImprove}})
	if err != nil {
		return fmt.Errorf("mlp: save %s: %w", path, err)
	}
	return (&nn.Model{Network: tr.net, Classes: classes, Meta: meta}).Save(path)
}

// LoadClassifier reads a classifier saved by Classifier.Save with labels
// of type L (strings, or numbers parsed back). Its errors name the file.
func LoadClassifier[L cmp.Ordered](path string) (*Classifier[L], error) {
	m, meta, err := load(path, "MLPClassifier")
	if err != nil {
		return nil, err
	}
	c := &Classifier[L]{}
	for _, s := range m.Classes {
		l, err := parseLabel[L](s)
		if err != nil {
			return nil, fmt.Errorf("%s: class %q: %w", path, s, err)
		}
		c.Classes = append(c.Classes, l)
	}
	restore(&c.Params, &c.Fitted, &c.tr, m.Network, meta)
	return c, nil
}

// LoadRegressor reads a regressor saved by Regressor.Save.
func LoadRegressor(path string) (*Regressor, error) {
	m, meta, err := load(path, "MLPRegressor")
	if err != nil {
		return nil, err
	}
	r := &Regressor{}
	restore(&r.Params, &r.Fitted, &r.tr, m.Network, meta)
	return r, nil
}

func load(path, est string) (*nn.Model, *savedMeta, error) {
	m, err := nn.Load(path)
	if err != nil {
		return nil, nil, err
	}
	var meta savedMeta
	if err := json.Unmarshal(m.Meta, &meta); err != nil || meta.Estimator != est {
		return nil, nil, fmt.Errorf("%s: not a saved %s (meta %s)", path, est, m.Meta)
	}
	return m, &meta, nil
}

// restore makes the loaded network the estimator's, with the Fitted state
// it implies and the saved numbers.
func restore(p *Params, f *Fitted, tr *trainer, net *nn.Network, meta *savedMeta) {
	sizes := net.Sizes()
	p.HiddenLayerSizes = append([]int{}, sizes[1:len(sizes)-1]...)
	p.Activation = net.Layers[0].Act
	out := net.Layers[len(net.Layers)-1].Act
	*f = Fitted{Loss: meta.Fitted.Loss, NIter: meta.Fitted.NIter, T: meta.Fitted.T, LossCurve: meta.Fitted.LossCurve,
		NLayers: len(sizes), NOutputs: sizes[len(sizes)-1], OutActivation: out, NFeatures: sizes[0]}
	f.BestLoss, f.BestValidationScore = math.Inf(1), math.NaN()
	for _, v := range f.LossCurve {
		f.BestLoss = min(f.BestLoss, v)
	}
	for _, l := range net.Layers {
		f.Coefs, f.Intercepts = append(f.Coefs, l.W), append(f.Intercepts, l.B)
	}
	if len(net.Layers) == 1 { // no hidden layer: the first layer's activation is the output's
		p.Activation = nn.ReLU{}
	}
	*tr = trainer{f: f, net: net, noImprove: meta.Fitted.NoImprove}
}

// parseLabel reads a class label saved as text back into L.
func parseLabel[L cmp.Ordered](s string) (L, error) {
	var l L
	var err error
	switch p := any(&l).(type) {
	case *string:
		*p = s
	case *float64:
		*p, err = strconv.ParseFloat(s, 64)
	case *int:
		*p, err = strconv.Atoi(s)
	default:
		_, err = fmt.Sscan(s, &l)
	}
	return l, err
}

package mlp

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"nnscratch/matrix"
	"nnscratch/nn"
)

// An estimator is saved as an nn model file: the network (coefs_ and
// intercepts_ as each layer's weights and bias), the class labels as the
// model's class names, and in the model's meta the estimator's name, its
// parameters and the fitted numbers that are not in the network, under
// scikit-learn's names:
//
//	"meta": {"estimator": "MLPClassifier",
//	  "params": {"hidden_layer_sizes": [3], "activation": "logistic", …},
//	  "fitted": {"loss_": 0.32, "n_iter_": 200, "t_": 2200, "loss_curve_": […]}}
//
// best_loss_ and best_validation_score_ are not written: they are the best
// of loss_curve_ and validation_scores_. The optimiser's state (Adam's
// moments, SGD's velocities) is not saved either: PartialFit on a loaded
// estimator starts a fresh optimiser from the loaded weights.

// paramsJSON is Params under scikit-learn's names. It has Params' fields,
// so that each converts to the other; a field added to Params must be
// added here.
type paramsJSON struct {
	HiddenLayerSizes   []int      `json:"hidden_layer_sizes"`
	Activation         Activation `json:"activation"`
	Solver             Solver     `json:"solver"`
	Alpha              float64    `json:"alpha"`
	BatchSize          int        `json:"batch_size"` // 0: "auto"
	LearningRate       Schedule   `json:"learning_rate"`
	LearningRateInit   float64    `json:"learning_rate_init"`
	PowerT             float64    `json:"power_t"`
	MaxIter            int        `json:"max_iter"`
	Shuffle            bool       `json:"shuffle"`
	RandomState        int64      `json:"random_state"` // negative: None
	Tol                float64    `json:"tol"`
	Momentum           float64    `json:"momentum"`
	NesterovsMomentum  bool       `json:"nesterovs_momentum"`
	EarlyStopping      bool       `json:"early_stopping"`
	ValidationFraction float64    `json:"validation_fraction"`
	Beta1              float64    `json:"beta_1"`
	Beta2              float64    `json:"beta_2"`
	Epsilon            float64    `json:"epsilon"`
	NIterNoChange      int        `json:"n_iter_no_change"`
	MaxFun             int        `json:"max_fun"`
}

// fittedJSON is the part of Fitted that the network does not hold.
type fittedJSON struct {
	Loss               float64   `json:"loss_"`
	NIter              int       `json:"n_iter_"`
	T                  int       `json:"t_"`
	LossCurve          []float64 `json:"loss_curve_,omitempty"`
	ValidationScores   []float64 `json:"validation_scores_,omitempty"`
	ConvergenceWarning string    `json:"convergence_warning,omitempty"`
}

// metaJSON is what an estimator keeps in its model's meta.
type metaJSON struct {
	Estimator string     `json:"estimator"`
	Params    paramsJSON `json:"params"`
	Fitted    fittedJSON `json:"fitted"`
}

// nnActivation maps this package's activations to nn's.
var nnActivation = map[Activation]nn.Activation{
	Identity: nn.Identity{}, Logistic: nn.Sigmoid{}, Tanh: nn.Tanh{}, Relu: nn.ReLU{}, Softmax: nn.Softmax{},
}

// Model returns the fitted classifier as an nn.Model: its network, its
// classes as the model's class names and, in Meta, its parameters and
// fitted state. It returns an error if the classifier has not been fitted
// or holds a number a model file cannot (NaN or infinite).
func (c *Classifier[L]) Model() (*nn.Model, error) {
	names := make([]string, len(c.Classes))
	for i, l := range c.Classes {
		names[i] = labelString(l)
	}
	return model("MLPClassifier", &c.Params, &c.Fitted, names)
}

// Model returns the fitted regressor as an nn.Model; see Classifier.Model.
func (r *Regressor) Model() (*nn.Model, error) {
	return model("MLPRegressor", &r.Params, &r.Fitted, nil)
}

// Save writes the fitted classifier to the model file path with
// nn.Model.Save. LoadClassifier reads it back.
func (c *Classifier[L]) Save(path string) error {
	m, err := c.Model()
	if err != nil {
		return fmt.Errorf("mlp: save %s: %w", path, err)
	}
	return m.Save(path)
}

// Save writes the fitted regressor to the model file path with
// nn.Model.Save. LoadRegressor reads it back.
func (r *Regressor) Save(path string) error {
	m, err := r.Model()
	if err != nil {
		return fmt.Errorf("mlp: save %s: %w", path, err)
	}
	return m.Save(path)
}

// LoadClassifier reads a classifier saved by Classifier.Save, within nn's
// default limits; it predicts as the saved one did, to the bit. Its errors
// name the file. Use nn.Limits.Load and ClassifierFromModel for other
// limits.
func LoadClassifier[L cmp.Ordered](path string) (*Classifier[L], error) {
	m, err := nn.Load(path)
	if err != nil {
		return nil, err
	}
	c, err := ClassifierFromModel[L](m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// LoadRegressor reads a regressor saved by Regressor.Save; see
// LoadClassifier.
func LoadRegressor(path string) (*Regressor, error) {
	m, err := nn.Load(path)
	if err != nil {
		return nil, err
	}
	r, err := RegressorFromModel(m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// ClassifierFromModel returns the fitted classifier m holds (see
// Classifier.Model). It returns an error if m is not an MLPClassifier's
// model: no or another estimator's meta, parameters scikit-learn refuses,
// a network that does not follow from them, class names that are not
// labels of type L or are not in sorted order.
func ClassifierFromModel[L cmp.Ordered](m *nn.Model) (*Classifier[L], error) {
	c := &Classifier[L]{}
	for i, name := range m.Classes {
		l, err := parseLabel[L](name)
		if err != nil {
			return nil, fmt.Errorf("class %d: %w", i+1, err)
		}
		if i > 0 && !(c.Classes[i-1] < l) {
			return nil, fmt.Errorf("classes are not in the sorted order Fit leaves them in (%q before %q)", m.Classes[i-1], name)
		}
		c.Classes = append(c.Classes, l)
	}
	out := Softmax
	switch {
	case len(c.Classes) < 2:
		return nil, fmt.Errorf("an MLPClassifier's model names at least two classes, this one %d", len(c.Classes))
	case len(c.Classes) == 2:
		out = Logistic
	}
	if err := restore("MLPClassifier", m, out, &c.Params, &c.Fitted, &c.tr); err != nil {
		return nil, err
	}
	return c, nil
}

// RegressorFromModel returns the fitted regressor m holds; see
// ClassifierFromModel.
func RegressorFromModel(m *nn.Model) (*Regressor, error) {
	r := &Regressor{}
	if m.Classes != nil {
		return nil, errors.New("the model names classes: it is a classifier's, not an MLPRegressor's")
	}
	if err := restore("MLPRegressor", m, Identity, &r.Params, &r.Fitted, &r.tr); err != nil {
		return nil, err
	}
	return r, nil
}

// model builds the nn.Model of a fitted estimator.
func model(est string, p *Params, f *Fitted, classes []string) (*nn.Model, error) {
	if f.Coefs == nil {
		return nil, fmt.Errorf("the %s has not been fitted", est)
	}
	if err := p.Validate(est); err != nil {
		return nil, err
	}
	layers := make([]*nn.Layer, len(f.Coefs))
	for i, w := range f.Coefs {
		act := nnActivation[p.Activation]
		if i == len(f.Coefs)-1 {
			act = nnActivation[f.OutActivation]
		}
		b := matrix.FromSlice(1, len(f.Intercepts[i]), slices.Clone(f.Intercepts[i]))
		layers[i] = nn.NewLayer(w.Clone(), b, act)
	}
	meta := metaJSON{Estimator: est, Params: paramsJSON(*p), Fitted: fittedJSON{
		Loss: f.Loss, NIter: f.NIter, T: f.T, LossCurve: f.LossCurve,
		ValidationScores: f.ValidationScores, ConvergenceWarning: f.ConvergenceWarning,
	}}
	raw, err := metaText(meta)
	if err != nil {
		return nil, err
	}
	return &nn.Model{Network: nn.NewNetwork(layers...), Classes: classes, Meta: raw}, nil
}

// metaText writes meta with its three fields on three lines.
func metaText(meta metaJSON) ([]byte, error) {
	var b bytes.Buffer
	for i, part := range []any{meta.Estimator, meta.Params, meta.Fitted} {
		j, err := json.Marshal(part)
		if err != nil {
			var uv *json.UnsupportedValueError
			if errors.As(err, &uv) {
				return nil, fmt.Errorf("%s holds %s, which a model file cannot", []string{"estimator", "params", "fitted"}[i], uv.Str)
			}
			return nil, err
		}
		b.WriteString([]string{`{"estimator": `, ",\n  \"params\": ", ",\n  \"fitted\": "}[i])
		b.Write(j)
	}
	b.WriteString("}")
	return b.Bytes(), nil
}

// restore checks that m is a model of the estimator est with output
// activation out, and fills p, f and tr from it as Fit would have left
// them.
func restore(est string, m *nn.Model, out Activation, p *Params, f *Fitted, tr *trainer) error {
	if m.Network == nil || len(m.Network.Layers) == 0 {
		return errors.New("the model has no network")
	}
	meta, err := decodeMeta(m.Meta)
	if err != nil {
		return err
	}
	if meta.Estimator != est {
		return fmt.Errorf("the model is an %q's, not an %s's", meta.Estimator, est)
	}
	*p = Params(meta.Params)
	if err := p.Validate(est); err != nil {
		return fmt.Errorf("meta: %w", err)
	}
	if m.Scaler != nil {
		return fmt.Errorf("the model has an input scaler, which an %s does not apply", est)
	}
	sizes := m.Network.Sizes()
	if want := append(append([]int{sizes[0]}, p.HiddenLayerSizes...), sizes[len(sizes)-1]); !slices.Equal(sizes, want) {
		return fmt.Errorf("the network's sizes %v do not follow from hidden_layer_sizes %v", sizes, p.HiddenLayerSizes)
	}
	outputs := sizes[len(sizes)-1]
	if (out == Softmax && outputs != len(m.Classes)) || (out != Softmax && outputs != 1) {
		return fmt.Errorf("the network has %d outputs, want %d for its classes", outputs, max(len(m.Classes), 1))
	}
	n := len(m.Network.Layers)
	coefs, ints := make([]*matrix.Matrix, n), make([][]float64, n)
	for i, l := range m.Network.Layers {
		want := nnActivation[p.Activation]
		if i == n-1 {
			want = nnActivation[out]
		}
		if l.Act != want {
			return fmt.Errorf("layer %d: activation %s, want %s", i+1, l.Act.Name(), want.Name())
		}
		if l.B == nil {
			return fmt.Errorf("layer %d has no bias; an %s's layers all have intercepts", i+1, est)
		}
		coefs[i], ints[i] = l.W.Clone(), slices.Clone(l.B.Data)
	}
	fj := meta.Fitted
	if fj.NIter < 0 || fj.T < 0 {
		return fmt.Errorf("meta: fitted: n_iter_ %d and t_ %d, want them at least 0", fj.NIter, fj.T)
	}
	tr.f = f
	tr.net = &network{hidden: p.Activation, out: out, alpha: p.Alpha, coefs: coefs, ints: ints}
	for i, w := range coefs {
		tr.net.gCoefs = append(tr.net.gCoefs, matrix.New(w.Rows, w.Cols))
		tr.net.gInts = append(tr.net.gInts, make([]float64, len(ints[i])))
	}
	*f = Fitted{Loss: fj.Loss, NIter: fj.NIter, T: fj.T, Coefs: coefs, Intercepts: ints,
		NLayers: n + 1, NOutputs: outputs, OutActivation: out, NFeatures: sizes[0],
		ConvergenceWarning: fj.ConvergenceWarning, BestLoss: math.Inf(1), BestValidationScore: math.NaN()}
	// As train leaves them: curves empty rather than nil where the solver
	// keeps them, and the best values the best of the curves.
	if p.Solver != LBFGS {
		f.LossCurve = append([]float64{}, fj.LossCurve...)
		if p.EarlyStopping {
			f.ValidationScores = append([]float64{}, fj.ValidationScores...)
		}
	}
	if p.EarlyStopping && p.Solver != LBFGS {
		f.BestLoss, f.BestValidationScore = math.NaN(), math.Inf(-1)
		for _, s := range f.ValidationScores {
			f.BestValidationScore = max(f.BestValidationScore, s)
		}
	} else {
		for _, l := range f.LossCurve {
			f.BestLoss = min(f.BestLoss, l)
		}
	}
	return nil
}

// decodeMeta decodes an estimator's meta, refusing unknown fields, with
// errors in the file's terms.
func decodeMeta(raw json.RawMessage) (*metaJSON, error) {
	if raw == nil {
		return nil, errors.New("the model has no meta: it is not an estimator's")
	}
	var meta metaJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(&meta)
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typ):
		return nil, fmt.Errorf("meta: %s is a JSON %s, want %s", typ.Field, typ.Value, jsonKind(typ.Type))
	case err != nil && err != io.EOF:
		return nil, fmt.Errorf("meta: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return &meta, nil
}

// jsonKind names the JSON value a Go type is read from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number in range"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array"
	}
	return "an object"
}

// labelString writes a class label as a class name: a string as it is, a
// number in the shortest form that reads back to the same value.
func labelString[L cmp.Ordered](l L) string {
	v := reflect.ValueOf(l)
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Float32:
		return strconv.FormatFloat(v.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	}
	return strconv.FormatInt(v.Int(), 10)
}

// parseLabel reads a class name written by labelString back into a label.
func parseLabel[L cmp.Ordered](s string) (L, error) {
	var l L
	v := reflect.ValueOf(&l).Elem()
	var err error
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Float32, reflect.Float64:
		var x float64
		if x, err = strconv.ParseFloat(s, v.Type().Bits()); err == nil {
			v.SetFloat(x)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		var x uint64
		if x, err = strconv.ParseUint(s, 10, v.Type().Bits()); err == nil {
			v.SetUint(x)
		}
	default:
		var x int64
		if x, err = strconv.ParseInt(s, 10, v.Type().Bits()); err == nil {
			v.SetInt(x)
		}
	}
	if err != nil {
		return l, fmt.Errorf("%q is not a label of type %T", s, l)
	}
	return l, nil
}

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
// A MultiLabelClassifier is an MLPClassifier to scikit-learn; its meta's
// estimator is "MLPClassifier (multilabel)" so that each loader knows its
// own files, and its class names are its classes_, "0" … "k−1", one per
// logistic output unit.
//
// best_loss_ and best_validation_score_ are not written: they are the best
// of loss_curve_ and validation_scores_. The optimiser's state (Adam's
// moments, SGD's velocities) is not saved either: PartialFit on a loaded
// estimator starts a fresh optimiser from the loaded weights.

// paramsJSON is Params under scikit-learn's names and in scikit-learn's
// terms: every value spelled out (no zero meaning "the default"), the
// activation and the solver as scikit-learn's strings, random_state null
// for None. A field added to Params must be added here and to both
// conversions.
type paramsJSON struct {
	HiddenLayerSizes   []int   `json:"hidden_layer_sizes"`
	Activation         string  `json:"activation"`
	Solver             string  `json:"solver"`
	Alpha              float64 `json:"alpha"`
	BatchSize          int     `json:"batch_size"` // 0: "auto"
	LearningRate       string  `json:"learning_rate"`
	LearningRateInit   float64 `json:"learning_rate_init"`
	PowerT             float64 `json:"power_t"`
	MaxIter            int     `json:"max_iter"`
	Shuffle            bool    `json:"shuffle"`
	RandomState        *uint32 `json:"random_state"` // null: None
	Tol                float64 `json:"tol"`
	Momentum           float64 `json:"momentum"`
	NesterovsMomentum  bool    `json:"nesterovs_momentum"`
	EarlyStopping      bool    `json:"early_stopping"`
	ValidationFraction float64 `json:"validation_fraction"`
	Beta1              float64 `json:"beta_1"`
	Beta2              float64 `json:"beta_2"`
	Epsilon            float64 `json:"epsilon"`
	NIterNoChange      int     `json:"n_iter_no_change"`
	MaxFun             int     `json:"max_fun"`
	WarmStart          bool    `json:"warm_start"`
}

// toJSON returns p's values, defaults filled in, in scikit-learn's terms.
func toJSON(p Params) paramsJSON {
	p = p.withDefaults()
	return paramsJSON{
		HiddenLayerSizes: slices.Clone(p.HiddenLayerSizes), Activation: ActivationName(p.Activation),
		Solver: p.Solver, Alpha: p.Alpha, BatchSize: p.BatchSize, LearningRate: p.LearningRate,
		LearningRateInit: p.LearningRateInit, PowerT: p.PowerT, MaxIter: p.MaxIter, Shuffle: !p.NoShuffle,
		RandomState: p.RandomState, Tol: p.Tol, Momentum: p.Momentum, NesterovsMomentum: !p.ClassicalMomentum,
		EarlyStopping: p.EarlyStopping, ValidationFraction: p.ValidationFraction, Beta1: p.Beta1, Beta2: p.Beta2,
		Epsilon: p.Epsilon, NIterNoChange: p.NIterNoChange, MaxFun: p.MaxFun, WarmStart: p.WarmStart,
	}
}

// fromJSON returns the Params j spells out. It returns an error naming the
// first parameter scikit-learn would refuse, or whose value Params cannot
// hold as written (a zero where zero means "the default").
func fromJSON(j paramsJSON, est string) (Params, error) {
	act, err := ParseActivation(j.Activation)
	if err != nil {
		return Params{}, err
	}
	p := Params{
		HiddenLayerSizes: slices.Clone(j.HiddenLayerSizes), Activation: act, Solver: j.Solver,
		Alpha: j.Alpha, BatchSize: j.BatchSize, LearningRate: j.LearningRate,
		LearningRateInit: j.LearningRateInit, PowerT: j.PowerT, MaxIter: j.MaxIter, NoShuffle: !j.Shuffle,
		RandomState: j.RandomState, Tol: j.Tol, Momentum: j.Momentum, ClassicalMomentum: !j.NesterovsMomentum,
		EarlyStopping: j.EarlyStopping, ValidationFraction: j.ValidationFraction, Beta1: j.Beta1, Beta2: j.Beta2,
		Epsilon: j.Epsilon, NIterNoChange: j.NIterNoChange, MaxFun: j.MaxFun, WarmStart: j.WarmStart,
	}
	// Every value is written out: check them as they are, with
	// scikit-learn's messages, before any zero is read as "the default".
	if err := p.validate(est); err != nil {
		return Params{}, err
	}
	// Where Params' zero means the default, a negative value asks for 0.
	for _, v := range []*float64{&p.Alpha, &p.PowerT, &p.Tol, &p.Momentum} {
		if *v == 0 {
			*v = -1
		}
	}
	// A value that Validate accepts only because zero means the default
	// (learning_rate_init 0, say) does not come back as written: refuse it.
	back := reflect.ValueOf(toJSON(p))
	want := reflect.ValueOf(j)
	for i := 0; i < want.NumField(); i++ {
		if !reflect.DeepEqual(back.Field(i).Interface(), want.Field(i).Interface()) {
			name, _, _ := strings.Cut(want.Type().Field(i).Tag.Get("json"), ",")
			return Params{}, fmt.Errorf("%s %v is not a value an %s accepts", name, want.Field(i).Interface(), est)
		}
	}
	return p, nil
}

// fittedJSON is the part of Fitted that the network does not hold.
type fittedJSON struct {
	Loss               float64   `json:"loss_"`
	NIter              int       `json:"n_iter_"`
	T                  int       `json:"t_"`
	LossCurve          []float64 `json:"loss_curve_,omitempty"`
	ValidationScores   []float64 `json:"validation_scores_,omitempty"`
	ConvergenceWarning string    `json:"convergence_warning,omitempty"`
	// NoImprovement is the stopping rule's count of epochs without
	// improvement, which a warm start goes on with (scikit-learn's
	// _no_improvement_count).
	NoImprovement int `json:"_no_improvement_count,omitempty"`
}

// metaJSON is what an estimator keeps in its model's meta.
type metaJSON struct {
	Estimator string     `json:"estimator"`
	Params    paramsJSON `json:"params"`
	Fitted    fittedJSON `json:"fitted"`
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
	return model("MLPClassifier", &c.Params, &c.Fitted, c.tr.noImprove, names)
}

// multiLabel is a MultiLabelClassifier's estimator in its model's meta.
const multiLabel = "MLPClassifier (multilabel)"

// sklearnName returns the scikit-learn estimator an estimator of meta is.
func sklearnName(est string) string {
	name, _, _ := strings.Cut(est, " ")
	return name
}

// Model returns the fitted multilabel classifier as an nn.Model; see
// Classifier.Model. Its class names are "0" … "k−1".
func (c *MultiLabelClassifier) Model() (*nn.Model, error) {
	names := make([]string, len(c.Classes))
	for i, l := range c.Classes {
		names[i] = labelString(l)
	}
	return model(multiLabel, &c.Params, &c.Fitted, c.tr.noImprove, names)
}

// Model returns the fitted regressor as an nn.Model; see Classifier.Model.
func (r *Regressor) Model() (*nn.Model, error) {
	return model("MLPRegressor", &r.Params, &r.Fitted, r.tr.noImprove, nil)
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

// Save writes the fitted multilabel classifier to the model file path
// with nn.Model.Save. LoadMultiLabelClassifier reads it back.
func (c *MultiLabelClassifier) Save(path string) error {
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

// LoadMultiLabelClassifier reads a multilabel classifier saved by
// MultiLabelClassifier.Save; see LoadClassifier.
func LoadMultiLabelClassifier(path string) (*MultiLabelClassifier, error) {
	m, err := nn.Load(path)
	if err != nil {
		return nil, err
	}
	c, err := MultiLabelClassifierFromModel(m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
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
	var out nn.Activation = nn.Softmax{}
	var loss nn.Loss = &logLoss{}
	outputs := len(c.Classes)
	switch {
	case len(c.Classes) < 1:
		return nil, fmt.Errorf("an MLPClassifier's model names at least one class, this one none")
	case len(c.Classes) <= 2: // one class trains as two do, as in scikit-learn 1.2
		out, loss, outputs = nn.Sigmoid{}, &binaryLogLoss{}, 1
	}
	if err := restore("MLPClassifier", m, out, outputs, loss, &c.Params, &c.Fitted, &c.tr); err != nil {
		return nil, err
	}
	return c, nil
}

// MultiLabelClassifierFromModel returns the fitted multilabel classifier
// m holds (see MultiLabelClassifier.Model). Its errors are
// ClassifierFromModel's, and one for class names other than "0" … "k−1"
// with k at least 2.
func MultiLabelClassifierFromModel(m *nn.Model) (*MultiLabelClassifier, error) {
	c := &MultiLabelClassifier{}
	if err := restore(multiLabel, m, nn.Sigmoid{}, len(m.Classes), &binaryLogLoss{}, &c.Params, &c.Fitted, &c.tr); err != nil {
		return nil, err
	}
	if len(m.Classes) < 2 {
		return nil, fmt.Errorf("a multilabel MLPClassifier's model names at least two classes, this one %d", len(m.Classes))
	}
	c.Classes = make([]int, len(m.Classes))
	for i, name := range m.Classes {
		if want := strconv.Itoa(i); name != want {
			return nil, fmt.Errorf("class %d is named %q, want %q: a multilabel classifier's classes are its columns 0 … %d", i+1, name, want, len(m.Classes)-1)
		}
		c.Classes[i] = i
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
	if err := restore("MLPRegressor", m, nn.Identity{}, -1, &squaredLoss{}, &r.Params, &r.Fitted, &r.tr); err != nil {
		return nil, err
	}
	return r, nil
}

// model builds the nn.Model of a fitted estimator.
func model(est string, p *Params, f *Fitted, noImprove int, classes []string) (*nn.Model, error) {
	if f.Coefs == nil {
		return nil, fmt.Errorf("the %s has not been fitted", est)
	}
	if err := p.Validate(sklearnName(est)); err != nil {
		return nil, err
	}
	layers := make([]*nn.Layer, len(f.Coefs))
	q := p.withDefaults()
	for i, w := range f.Coefs {
		act := q.Activation
		if i == len(f.Coefs)-1 {
			act = f.OutActivation
		}
		layers[i] = nn.NewLayer(w.Clone(), f.Intercepts[i].Clone(), act)
	}
	meta := metaJSON{Estimator: est, Params: toJSON(*p), Fitted: fittedJSON{
		Loss: f.Loss, NIter: f.NIter, T: f.T, LossCurve: f.LossCurve,
		ValidationScores: f.ValidationScores, ConvergenceWarning: f.ConvergenceWarning, NoImprovement: noImprove,
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
// activation out and outputs output units (any number if outputs is
// negative), and fills p, f and tr (whose loss is loss) from it as Fit
// would have left them.
func restore(est string, m *nn.Model, out nn.Activation, outputs int, loss nn.Loss, p *Params, f *Fitted, tr *trainer) error {
	if m.Network == nil || len(m.Network.Layers) == 0 {
		return errors.New("the model has no network")
	}
	meta, err := decodeMeta(m.Meta)
	if err != nil {
		return err
	}
	switch {
	case meta.Estimator == multiLabel && est != multiLabel:
		return fmt.Errorf("the model is a multilabel MLPClassifier's (one logistic output per label), not an %s's", est)
	case est == multiLabel && meta.Estimator != multiLabel:
		return fmt.Errorf("the model is an %q's, not a multilabel MLPClassifier's", meta.Estimator)
	case meta.Estimator != est:
		return fmt.Errorf("the model is an %q's, not an %s's", meta.Estimator, est)
	}
	sk := sklearnName(est)
	if *p, err = fromJSON(meta.Params, sk); err != nil {
		return fmt.Errorf("meta: %w", err)
	}
	q := p.withDefaults()
	if m.Scaler != nil {
		return fmt.Errorf("the model has an input scaler, which an %s does not apply", sk)
	}
	sizes := m.Network.Sizes()
	if want := append(append([]int{sizes[0]}, q.HiddenLayerSizes...), sizes[len(sizes)-1]); !slices.Equal(sizes, want) {
		return fmt.Errorf("the network's sizes %v do not follow from hidden_layer_sizes %v", sizes, q.HiddenLayerSizes)
	}
	if got := sizes[len(sizes)-1]; outputs >= 0 && got != outputs {
		return fmt.Errorf("the network has %d outputs, want %d for its classes", got, outputs)
	}
	outputs = sizes[len(sizes)-1]
	n := len(m.Network.Layers)
	layers := make([]*nn.Layer, n)
	for i, l := range m.Network.Layers {
		want := q.Activation
		if i == n-1 {
			want = out
		}
		if l.Act != want {
			return fmt.Errorf("layer %d: activation %s, want %s", i+1, l.Act.Name(), want.Name())
		}
		if l.B == nil {
			return fmt.Errorf("layer %d has no bias; an %s's layers all have intercepts", i+1, sk)
		}
		layers[i] = nn.NewLayer(l.W.Clone(), l.B.Clone(), want)
	}
	fj := meta.Fitted
	if fj.NIter < 0 || fj.T < 0 {
		return fmt.Errorf("meta: fitted: n_iter_ %d and t_ %d, want them at least 0", fj.NIter, fj.T)
	}
	if fj.NoImprovement < 0 {
		return fmt.Errorf("meta: fitted: _no_improvement_count %d, want it at least 0", fj.NoImprovement)
	}
	*tr = trainer{f: f, net: nn.NewNetwork(layers...), loss: loss, noImprove: fj.NoImprovement}
	var coefs, intercepts []*matrix.Matrix
	for _, l := range tr.net.Layers {
		coefs, intercepts = append(coefs, l.W), append(intercepts, l.B)
	}
	*f = Fitted{Loss: fj.Loss, NIter: fj.NIter, T: fj.T, Coefs: coefs, Intercepts: intercepts,
		NLayers: n + 1, NOutputs: outputs, OutActivation: out, NFeatures: sizes[0],
		ConvergenceWarning: fj.ConvergenceWarning, BestLoss: math.Inf(1), BestValidationScore: math.NaN()}
	// As train leaves them: curves empty rather than nil where the solver
	// keeps them, and the best values the best of the curves.
	if q.Solver != solverLBFGS {
		f.LossCurve = append([]float64{}, fj.LossCurve...)
		if q.EarlyStopping {
			f.ValidationScores = append([]float64{}, fj.ValidationScores...)
		}
	}
	if q.EarlyStopping && q.Solver != solverLBFGS {
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

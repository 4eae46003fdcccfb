package main

import "fmt"

// Limits bounds what one session may ask for, so that no setting, however
// hostile, can make the engine allocate or compute without bound. Every
// size in a Setting is checked against them before anything is allocated.
// The server adds its own limits (sessions, request rate) beside these.
type Limits struct {
	MaxLayers  int // hidden layers per network
	MaxUnits   int // units per hidden layer
	MaxPoints  int // points of a generated data set
	MaxSteps   int // optimiser steps per call of Session.Step
	MaxHistory int // loss-history entries a session keeps (decimated beyond)
	Grid       int // side of the output heat map (Frame.Output is Grid×Grid)
	UnitGrid   int // side of each unit's heat map (Frame.Units[k] is UnitGrid×UnitGrid)
}

// DefaultLimits returns TensorFlow Playground's bounds (6 hidden layers of
// 8 units) with up to 2,000 points, 100,000 steps per call, 1,000 history
// entries, a 50×50 output map and 20×20 unit maps.
func DefaultLimits() Limits {
	return Limits{MaxLayers: 6, MaxUnits: 8, MaxPoints: 2000, MaxSteps: 100_000,
		MaxHistory: 1000, Grid: 50, UnitGrid: 20}
}

// check reports a limit that no session could work within, or a size so
// large that the buffers it implies are unreasonable.
func (lim Limits) check() error {
	for _, f := range []struct {
		name    string
		v, l, h int
	}{
		{"MaxLayers", lim.MaxLayers, 0, 16},
		{"MaxUnits", lim.MaxUnits, 1, 64},
		{"MaxPoints", lim.MaxPoints, 10, 100_000},
		{"MaxSteps", lim.MaxSteps, 1, 10_000_000},
		{"MaxHistory", lim.MaxHistory, 2, 100_000},
		{"Grid", lim.Grid, 2, 400},
		{"UnitGrid", lim.UnitGrid, 2, 100},
	} {
		if f.v < f.l || f.v > f.h {
			return fmt.Errorf("limits: %s is %d, want %d … %d", f.name, f.v, f.l, f.h)
		}
	}
	return nil
}

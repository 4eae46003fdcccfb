// Package plot draws the charts the lessons save: loss curves, tuning
// sweeps and galleries of images, using only the standard library's image
// packages.
//
// A LineChart draws one or more Series of (x, y) points on linear or
// logarithmic axes with "nice" tick values (steps of 1, 2 or 5 times a
// power of ten; decades on a logarithmic axis), grid lines, a title, axis
// labels and a legend. Lines are two pixels wide with smoothed edges and are
// clipped to the plot area; points that cannot be drawn (NaN, ±Inf, or
// values ≤ 0 on a logarithmic axis) break the line. An ImageGrid lays out
// grayscale pictures with a caption under each. Text is drawn with a small
// built-in bitmap font covering printable ASCII (DrawText, TextWidth).
// Save writes PNG or JPEG, chosen by the file extension, without ever
// leaving a half-written file.
//
// A loss curve on a logarithmic scale:
//
//	chart := &plot.LineChart{
//		Title:  "Training loss",
//		XLabel: "epoch",
//		YLabel: "loss",
//		LogY:   true,
//		Series: []plot.Series{
//			{Name: "alpha = 0.1", Y: lossA}, // x is 0, 1, 2, … when X is nil
//			{Name: "alpha = 1", Y: lossB},
//		},
//	}
//	if err := plot.Save("loss.png", chart.Render()); err != nil {
//		return err
//	}
//
// The tick rules are exported for reuse and testing:
//
//	plot.TickLabels(plot.NiceTicks(-0.07, 1.05, 6), false) // 0.0 0.2 … 1.0
//	plot.TickLabels(plot.LogTicks(0.0007, 1400, 10), true) // 0.001 0.01 … 1000
//
// To look at example pictures, run
//
//	PLOT_EXAMPLES=/tmp go test ./nn/plot -run WriteExamples
//
// which writes plot_alpha_sweep.png, plot_lr_sweep.png, plot_lr_sweep.jpg
// and plot_grid.png into /tmp.
package plot

// Package chart turns a run's trace into the charts beside the animation:
// units active and queued over time, percentiles of how long the units
// ran, and throughput; and it plots a parameter sweep. Every chart is a
// pure function of the trace (and, for the cursor, of t), drawn into a
// [view.Plan] like the animation, so it is tested natively and follows the
// page's colours.
//
// # Cost
//
// [New] reads the trace once and keeps a fixed number of samples
// (loadBuckets, pctSamples, rateBins), not one entry per event: a chart of
// a 10,000-item run weighs a few kilobytes and a frame draws a few hundred
// points as three paths.
package chart

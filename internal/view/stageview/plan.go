package stageview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Colours of the stage visual, by what they show.
const (
	roleDemand  = view.RoleDemand   // demand asked and not yet met
	roleSent    = view.RolePulled   // events sent, waiting
	roleInCall  = view.RoleRunning  // events in a call
	roleDone    = view.RoleOK       // events handled; a batch flushed full, or the last at the end
	roleTimeout = view.RoleTimedOut // a batch flushed on its timeout; the timeout clock
	roleCrash   = view.RoleCrashed  // a failed call
	roleDrop    = view.RoleAlert    // events the buffer dropped
)

// Plan draws s.
func (l Layout) Plan(s Scene) view.Plan {
	p := view.Plan{W: l.W, H: l.H}
	l.header(&p, s)
	l.producer(&p, s)
	for i := range s.Procs {
		l.channels(&p, i, l.band1, s.Procs[i].Up, s.Procs[i].Down, roleSent)
		l.processor(&p, i, s.Procs[i])
		l.channels(&p, i, l.band2, s.Procs[i].BUp, s.Procs[i].BDown, roleDone)
	}
	l.batcher(&p, s)
	// Two lines, so that a phone's width holds them.
	p.Text(view.Text{X: pad, Y: l.footY, Role: view.RoleText, Font: view.FontCaption, S: "made " + strconv.Itoa(s.Made) +
		" · dropped " + strconv.Itoa(s.Dropped) + " · in flight " + strconv.Itoa(s.InFlight)})
	p.Text(view.Text{X: pad, Y: l.footY + captionH, Role: view.RoleText, Font: view.FontCaption, S: "processed " +
		strconv.Itoa(s.Processed) + " · failed " + strconv.Itoa(s.Failed) + " · batched " + strconv.Itoa(s.Flushed)})
	return p
}

func (l Layout) header(p *view.Plan, s Scene) {
	status, role := view.Fit(l.W-2*pad, "running: "+strconv.Itoa(s.InFlight)+" in flight, "+strconv.Itoa(s.Owed)+" demand owed",
		strconv.Itoa(s.InFlight)+" in flight, "+strconv.Itoa(s.Owed)+" demand owed"), view.RoleMuted
	switch {
	case s.Halted && s.Reason != "":
		status, role = "pipeline stopped: "+s.Reason, view.RoleAlert
		if s.Discarded > 0 {
			status += " (" + view.Plural(s.Discarded, "event") + " discarded)"
		}
	case s.Halted:
		status = "pipeline done: " + strconv.Itoa(s.Processed) + " processed, " + strconv.Itoa(s.Dropped) + " dropped"
	case s.End == 0:
		status = "not run yet"
	}
	view.Header(p, pad, pad, s.T, s.End, status, role)
}

func (l Layout) producer(p *view.Plan, s Scene) {
	c := l.cfg
	how, brief := "producer (pulls on demand)", "producer (on demand)"
	if c.Rate > 0 {
		how, brief = "producer (pushes "+strconv.Itoa(c.Rate)+"/s)", "producer ("+strconv.Itoa(c.Rate)+"/s)"
	}
	made := ": made " + strconv.Itoa(s.Made) + " of " + strconv.Itoa(c.Items)
	p.Text(view.Text{X: pad, Y: l.prodCapY, Role: view.RoleText, Font: view.FontCaption,
		S: view.Fit(l.W-2*pad, how+made, brief+made)})
	b := l.buf
	p.Fill(view.RoleTrack, b)
	if c.BufferSize > 0 && s.Level > 0 {
		p.Fill(roleSent, view.Rect{X: b.X, Y: b.Y, W: max(b.W*min(float64(s.Level)/float64(c.BufferSize), 1), 2), H: b.H})
	}
	if c.BufferSize > 0 && s.MaxLevel > 0 { // the high-water mark
		x := b.X + b.W*min(float64(s.MaxLevel)/float64(c.BufferSize), 1)
		p.Fill(view.RoleMuted, view.Rect{X: min(x, b.X+b.W-2), Y: b.Y - 2, W: 2, H: b.H + 4})
	}
	if s.DropFresh { // the full end overflows
		p.Fill(roleDrop, view.Rect{X: b.X + b.W - 8, Y: b.Y, W: 8, H: b.H})
	}
	txt := "buffer: " + view.Ms(float64(s.Level)) + " of " + view.Ms(float64(c.BufferSize)) + ", most " + view.Ms(float64(s.MaxLevel))
	if c.BufferSize == 0 {
		txt = "no buffer: what no one asked for is dropped"
	}
	p.Text(view.Text{X: pad, Y: l.bufTextY, Role: view.RoleMuted, Font: view.FontCaption, S: txt})
	if s.Dropped > 0 {
		p.Text(view.Text{X: l.W - pad, Y: l.bufTextY, Role: roleDrop, Font: view.FontCaption, Align: view.AlignRight,
			S: strconv.Itoa(s.Dropped) + " dropped"})
	}
}

// channels draws processor i's two channels in band: demand going up on
// the left, events coming down (in role ev) on the right.
func (l Layout) channels(p *view.Plan, i int, band [2]float64, up, down []Pulse, ev view.Role) {
	dx, ex, pw := l.lanes(i)
	top, bot := band[0]+2, band[1]-2
	p.Fill(view.RoleTrack, view.Rect{X: dx - 0.5, Y: top, W: 1, H: bot - top})
	p.Fill(view.RoleTrack, view.Rect{X: ex - 0.5, Y: top, W: 1, H: bot - top})
	if l.colW >= 14 { // arrowheads: demand goes up, events come down
		p.Line(view.RoleMuted, []float64{dx - 3, top + 4, dx, top, dx + 3, top + 4})
		p.Line(view.RoleMuted, []float64{ex - 3, bot - 4, ex, bot, ex + 3, bot - 4})
	}
	const ph = 7.0
	span := bot - top - ph
	for _, u := range up {
		y := bot - ph - u.P*span
		p.Fill(roleDemand, view.Rect{X: dx - pw/2, Y: y, W: pw, H: ph})
		if l.colW >= pulseCol {
			p.Text(view.Text{X: dx - pw/2 - 2, Y: y + ph/2, S: "+" + strconv.Itoa(u.N), Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
		}
	}
	for _, d := range down {
		y := top + d.P*span
		p.Fill(ev, view.Rect{X: ex - pw/2, Y: y, W: pw, H: ph})
		if l.colW >= pulseCol {
			p.Text(view.Text{X: ex + pw/2 + 2, Y: y + ph/2, S: strconv.Itoa(d.N), Role: view.RoleMuted, Font: view.FontLabel})
		}
	}
}

// processor draws processor i: its gauge of max_demand (events in the call
// at the bottom, then events waiting, then demand owed), the re-ask line at
// min_demand, the call's progress and its counts.
func (l Layout) processor(p *view.Plan, i int, ps Proc) {
	cx := l.column(i)
	x := cx - l.gaugeW/2
	if l.colW >= labelCol {
		p.Text(view.Text{X: cx, Y: l.labelY, S: "P" + strconv.Itoa(i+1), Role: view.RoleText, Font: view.FontLabel, Align: view.AlignCenter})
	}
	top, h := l.gauge[0], l.gauge[1]
	p.Fill(view.RoleTrack, view.Rect{X: x, Y: top, W: l.gaugeW, H: h})
	unit := h / float64(max(l.cfg.MaxDemand, 1))
	y := top + h
	for _, seg := range []struct {
		n    int
		role view.Role
	}{{ps.InCall, roleInCall}, {ps.Waiting, roleSent}, {ps.Owed, roleDemand}} {
		sh := min(float64(seg.n)*unit, y-top)
		if sh > 0 {
			y -= sh
			p.Fill(seg.role, view.Rect{X: x, Y: y, W: l.gaugeW, H: sh})
		}
	}
	if l.cfg.MinDemand > 0 && l.colW >= 10 { // ask again once owed + waiting fall to here
		my := top + h - float64(l.cfg.MinDemand)*unit
		p.Fill(view.RoleMuted, view.Rect{X: x + l.gaugeW, Y: my - 0.5, W: min(4, l.colW/2-l.gaugeW/2), H: 1})
	}
	if ps.FailFresh {
		p.Fill(roleCrash, view.Rect{X: x, Y: top - 4, W: l.gaugeW, H: 3})
	}
	p.Fill(view.RoleTrack, view.Rect{X: x, Y: l.progY, W: l.gaugeW, H: 3})
	if ps.InCall > 0 {
		p.Fill(roleInCall, view.Rect{X: x, Y: l.progY, W: l.gaugeW * min(max(ps.Progress, 0), 1), H: 3})
	}
	if l.colW >= labelCol {
		p.Text(view.Text{X: cx, Y: l.countY, S: strconv.Itoa(ps.Done), Role: view.RoleText, Font: view.FontLabel, Align: view.AlignCenter})
		if ps.Failed > 0 {
			p.Text(view.Text{X: cx, Y: l.countY + 12, S: "✗" + strconv.Itoa(ps.Failed), Role: roleCrash, Font: view.FontLabel, Align: view.AlignCenter})
		}
	}
}

func (l Layout) batcher(p *view.Plan, s Scene) {
	c := l.cfg
	txt := "batcher: no batch flushed yet"
	if n := s.BatchesBy[FlushSize] + s.BatchesBy[FlushTimeout] + s.BatchesBy[FlushDrain]; n > 0 {
		by := strconv.Itoa(s.BatchesBy[FlushSize]) + " full, " + strconv.Itoa(s.BatchesBy[FlushTimeout]) + " timeout, " +
			strconv.Itoa(s.BatchesBy[FlushDrain]) + " end"
		txt = view.Fit(l.W-2*pad, "batcher: "+strconv.Itoa(n)+" flushed — "+by, "batches: "+by)
	}
	p.Text(view.Text{X: pad, Y: l.batchCapY, Role: view.RoleText, Font: view.FontCaption, S: txt})
	b := l.batch
	p.Fill(view.RoleTrack, b)
	if s.Batch > 0 {
		p.Fill(roleDone, view.Rect{X: b.X, Y: b.Y, W: b.W * min(float64(s.Batch)/float64(max(c.BatchSize, 1)), 1), H: b.H})
	}
	p.Text(view.Text{X: b.X + b.W - 4, Y: b.Y + b.H/2, Role: view.RoleText, Font: view.FontLabel, Align: view.AlignRight,
		S: strconv.Itoa(s.Batch) + " / " + strconv.Itoa(c.BatchSize)})
	tm := l.timer
	p.Fill(view.RoleTrack, tm)
	age := "no batch open"
	if s.BatchAge >= 0 {
		share := 1.0
		if c.BatchTimeout > 0 {
			share = min(s.BatchAge/c.BatchTimeout, 1)
		}
		p.Fill(roleTimeout, view.Rect{X: tm.X, Y: tm.Y, W: tm.W * share, H: tm.H})
		age = "batch open " + view.Ms(s.BatchAge) + " ms"
	}
	p.Text(view.Text{X: pad, Y: l.timerTextY, Role: view.RoleMuted, Font: view.FontCaption,
		S: view.Fit(l.W-2*pad, age+" of its "+view.Ms(c.BatchTimeout)+" ms timeout", age+" of "+view.Ms(c.BatchTimeout)+" ms", age)})
	// The latest batches, newest on the right, as tall as they were full.
	shown := s.Batches[max(len(s.Batches)-l.batchesShown(), 0):]
	st := l.strip
	for i, f := range shown {
		role := roleDone
		switch f.Reason {
		case FlushTimeout:
			role = roleTimeout
		}
		bh := max(st.H*min(float64(f.N)/float64(max(c.BatchSize, 1)), 1), 2)
		p.Fill(role, view.Rect{X: st.X + float64(i)*(batchW+2), Y: st.Y + st.H - bh, W: batchW, H: bh})
	}
}

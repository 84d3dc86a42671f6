package event

// Kinds of the demand-driven stages (package stage). Every stage of a
// pipeline has an ID, its creation order from 0. Kinds about an edge
// between two stages put the consumer in ID and the producer in Slot; kinds
// about one stage put it in ID and leave Slot at -1.
const (
	Subscribed       Kind = stageKinds + iota // a consumer subscribed to a producer; N = its max demand
	DemandAsked                               // a consumer asked a producer for N events
	EventsProduced                            // a producer made N events (its function returned them, or they were pushed)
	EventsDispatched                          // a producer sent N events to a consumer
	BufferLevel                               // a producer's buffer now holds N events beyond demand
	EventsDropped                             // a full buffer dropped its N oldest events
	EventsProcessed                           // a stage's function handled N events; Slot is their producer, -1 for a batch
	StageFailed                               // a stage's function failed on N events (0 for a producer); Err says why
	BatchFlushed                              // a batcher flushed a batch of N events; Err is the trigger: size, timeout or drain
	EventsDiscarded                           // a stage let go of N events it held: the pipeline stopped, a subscription was cancelled, or a producer lost its last subscriber
	StageDone                                 // a stage ended; Err is nil when it finished its work
	StageAbandoned                            // a stage ignored its cancellation past the shutdown time; N events were in its call; it reports nothing more
	PipelineHalted                            // the pipeline ended; Err says why when it did not finish its work
)

var _ = names(map[Kind]string{
	Subscribed:       "subscribed",
	DemandAsked:      "demand_asked",
	EventsProduced:   "events_produced",
	EventsDispatched: "events_dispatched",
	BufferLevel:      "buffer_level",
	EventsDropped:    "events_dropped",
	EventsProcessed:  "events_processed",
	StageFailed:      "stage_failed",
	BatchFlushed:     "batch_flushed",
	EventsDiscarded:  "events_discarded",
	StageDone:        "stage_done",
	StageAbandoned:   "stage_abandoned",
	PipelineHalted:   "pipeline_halted",
})

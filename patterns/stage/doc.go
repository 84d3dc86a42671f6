// Package stage connects producers and consumers with demand-driven
// backpressure, the Go counterpart of Elixir's GenStage (and of the
// batching half of Broadway).
//
// A consumer asks its producers for events; a producer sends no more than
// it was asked for. A slow consumer therefore slows its producers down
// instead of letting work pile up in memory.
//
//	pl, _ := stage.New()
//	src, _ := stage.NewProducer(pl, func(ctx context.Context, demand int) ([]Job, error) {
//		return queue.Fetch(ctx, demand) // up to demand jobs; io.EOF when there are no more
//	})
//	for range 4 {
//		c, _ := stage.NewConsumer(pl, handle, stage.MaxDemand(10))
//		c.SubscribeTo(src)
//	}
//	err := pl.Run(ctx)
//
// # Stages
//
//   - [Producer]: makes events, on demand ([NewProducer], GenStage's
//     handle_demand) or whenever they arrive ([NewPushProducer]).
//   - [Consumer]: handles events.
//   - [ProducerConsumer]: both; it works only while its own consumers have
//     demand, so demand flows upstream and events downstream.
//   - [Batcher]: a consumer that hands its function batches, like a
//     Broadway batcher.
//   - [Stream]: a consumer read with a range loop over [Stream.All]
//     (GenStage.stream); breaking out of the loop stops the pipeline.
//   - [ConsumerSupervisor]: a consumer that runs one supervised child per
//     event (GenStage's ConsumerSupervisor); see below.
//
// A [Pipeline] owns the stages and runs each on one goroutine; every
// goroutine has returned (or been reported abandoned) when
// [Pipeline.Wait] returns.
//
// # Demand (the defaults are GenStage's and Broadway's)
//
//   - A consumer first asks each producer for [MaxDemand] events (default
//     1000). It hands its function at most max - min events at a time, and
//     once the demand it has left falls to [MinDemand] (default max / 2) it
//     asks for enough to get back to max: with the defaults, 500 more after
//     every 500 handled. A consumer never holds more than max events per
//     producer.
//   - A producer's function is asked for the demand its consumers have
//     not yet been sent, never more. Events it makes beyond that (or pushes
//     nobody asked for) wait in its buffer, [BufferSize] (default 10 000);
//     when the buffer is full the oldest are dropped (GenStage's
//     buffer_keep: :last), or with [BufferKeep]([KeepFirst]) the newcomers
//     are, and either way reported to the hook and counted in the
//     producer's [Stats]. Memory is bounded by the demands plus the
//     buffers; a size is a limit, not an allocation.
//     [Producer.EstimateBufferedCount] says how many events wait
//     (GenStage.estimate_buffered_count).
//   - A consumer's function is called with what its inbox holds from one
//     producer, up to max - min events. Here Go differs from GenStage on
//     purpose: GenStage calls handle_events once for each message it
//     received (split to max - min), while a consumer here takes every
//     delivery that arrived while it was busy in one call. The bound and
//     the demand protocol are the same, and no GenStage consumer may rely
//     on the size of a call; merging means fewer calls, and so less cost
//     per event, exactly when a consumer falls behind.
//   - A pull function that returns no events and no error has nothing now:
//     it is called again only once its consumers ask for more, or after
//     [Producer.Wake]. It is never spun on.
//   - A producer made with [Demand]([Accumulate]), or switched with
//     [Producer.SetDemand], keeps the demand it is asked for without
//     acting on it until it is set to [Forward] (GenStage.demand/2).
//   - With several consumers, each batch of events goes to the consumer
//     owed the most demand (GenStage's DemandDispatcher). On a tie it goes
//     to the one whose demand changed longest ago: a consumer just served,
//     or that just asked, waits behind the others owed as much, as in
//     GenStage, so equal consumers share the work in turn.
//   - A batcher hands on a batch when it has [BatchSize] events (default
//     100) or when [BatchTimeout] (default 1 s) has passed since its first
//     event, measured on the pipeline's clock ([WithClock]).
//
// # Subscriptions and cancelling them
//
// [Consumer.SubscribeTo] (and the same method of the other consuming
// stages) takes a [Cancel] option, GenStage's cancel: subscription option,
// which says what the consumer does when the subscription ends, because
// its producer finished or because the subscription was cancelled with
// [Consumer.Cancel] (GenStage.cancel/2):
//
//   - [CancelPermanent], the default: the consumer ends too, normally if
//     the reason is normal (nil, or wrapping [ErrStopped]: GenStage's
//     :normal and :shutdown), else it fails with the reason, which stops
//     the pipeline. A consumer of several producers therefore ends with
//     the first that finishes, as in GenStage.
//   - [CancelTransient]: the consumer ends only for a reason that is not
//     normal. Broadway subscribes its stages so; it is the mode for a
//     consumer that drains several producers.
//   - [CancelTemporary]: the consumer never ends because of it. A consumer
//     left with no subscription ends normally.
//
// Once Cancel returns, the producer sends nothing more on the subscription
// and the consumer starts no call with its events: what it had received is
// discarded and counted; a call already running finishes (a batcher keeps
// the events already in its batch). [HandleCancel] (GenStage's
// handle_cancel) is then called on the consumer's goroutine, for every end
// of a subscription, before the mode decides.
//
// A consumer that ends leaves its other subscriptions. A producer whose
// every subscriber left finishes at once, discarding (and counting) its
// buffer; a push to it returns [ErrStopped]. Here Go differs from GenStage
// on purpose: a GenStage producer would live on waiting for a new
// subscriber, but no stage can subscribe once a pipeline runs, so it would
// only keep the pipeline from ending. A producer given [HandleCancel]
// hears of each consumer that leaves it; a producer cannot cancel a
// subscription itself.
//
// # Consumer supervisor
//
// [NewConsumerSupervisor] makes a consumer that starts child(ctx, event) on
// a goroutine of its own for every event, as ConsumerSupervisor starts a
// process per event. Its [MaxDemand] (default 1000) is the most children
// running at once for one producer: it asks each producer for that many
// events at first, counts the places of children that are gone for good,
// and asks for them again once there are [MinDemand] of them (default
// max / 2).
//
// A child returning nil exits normally; an error or a panic (recovered, a
// [task.ExitError]) is an abnormal exit, which never stops the pipeline. By
// [ChildRestart], children are [supervisor.Temporary] (run once) or
// [supervisor.Transient] (run again for their event after an abnormal exit,
// keeping their place). [supervisor.Permanent] is refused, as
// ConsumerSupervisor refuses it: a child per event is meant to end. GenStage
// takes the restart from the child's spec, whose default (:permanent) it
// then refuses, so every caller must choose; here the default is temporary,
// the usual choice. With [MaxRestarts] (default 3 within 5 s, as every OTP
// supervisor), one restart more fails the consumer supervisor, and the
// pipeline stops with an error wrapping [supervisor.ErrMaxIntensity] and the
// last child's exit.
//
// When the pipeline stops, every child's context is cancelled and the
// supervisor waits the [Shutdown] time for them; those still running are
// reported abandoned. [ConsumerSupervisor.Stats] count an event handled when
// its child exited normally, failed when it exited abnormally for good, and
// discarded when the pipeline stopped first. There is no start_child for a
// child outside demand: package supervisor does that.
//
// # Ending, failures and panics
//
// A pipeline finishes when its producers have: a pull producer's function
// returns io.EOF, or [Producer.Close] is called. Every event made, but
// those a full buffer dropped (or a cancel discarded), is then handled
// before Wait returns nil.
//
// A stage function's error or panic is a failure of that call. By default
// the first failure stops the pipeline and Wait returns it as an [*Error];
// a panic is a [task.ExitError] wrapping a [task.PanicError] with the
// stack. The caller never panics because of a stage. With [HandleFailed]
// a consumer's failure is handed to a function instead, and the stage goes
// on (Broadway's handle_failed).
//
// Cancelling the context given to [Pipeline.Start] stops the pipeline too,
// and Wait returns the context's error (wrapping its cause, if any).
// A stopping stage discards, and reports, the events it holds. Each stage
// has the [Shutdown] time (default 5 s) to return from its function; Go
// cannot kill a goroutine, so one still running then is reported abandoned
// and Wait returns without it.
//
// # Accounting
//
// Nothing a stage takes in is lost without a count. Each stage's Stats
// ([Producer.Stats], [Consumer.Stats], …) counts the events it made,
// received, sent, handled, failed on, dropped from a full buffer, and
// discarded when the pipeline stopped; once the pipeline has ended, what
// came in equals what went out. [Pipeline.Stats] sums them: a pipeline
// that ends with a nil error may still have dropped events, and its
// Dropped says how many.
//
// # Making a pipeline
//
// A [Pipeline] is made with [New] and each stage with its constructor; the
// zero values are not usable. The first call given or made on one panics
// with a message that names the constructor to use.
//
// # Observing
//
// [WithHook] reports every step as an [event.Event]: demand asked,
// events produced, dispatched, buffered, dropped, processed, failed,
// batches flushed, and how each stage and the pipeline ended. The kinds
// are listed in package event; ID is the stage (its creation order) and,
// for a step between two stages, Slot is the producer.
//
// # Cost and when not to use it
//
// Events move in slices, never one by one: a producer-to-consumer pipeline
// with the default demands moves an int in a few nanoseconds, over ten
// times less than a buffered channel that carries one value per send (see
// the benchmarks). The cost is per call of a stage's function, a few
// hundred nanoseconds, so it shrinks as calls grow: with a max demand of
// 10 (calls of 5 events) an event costs about as much as a channel send.
//
// A consumer supervisor costs a goroutine per event, about two
// microseconds an event on a small machine (BenchmarkConsumerSupervisor):
// worth it when each event is real work that may fail on its own; for
// small events, subscribe several consumers instead.
//
// For a handful of long tasks, a bounded parallel stream (package stream)
// or errgroup with SetLimit is simpler. A stage's function runs on one
// goroutine: for parallel work, subscribe several consumers to a producer.
// Use a push producer only where the source cannot be asked to wait (its
// buffer drops events when consumers fall behind); a pull producer is the
// one that gives backpressure.
//
// # Names shared with other packages
//
// [ErrStopped] is returned for a pipeline that was stopped; task and
// supervisor have sentinels of the same name for their own stops, so test
// with the package the value came from. The [Shutdown] pipeline option is
// the grace period of stages once cancelled, the same idea as the Shutdown
// options of task, stream and supervisor.
package stage

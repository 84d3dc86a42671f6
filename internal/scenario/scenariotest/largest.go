package scenariotest

// Largest are the runs that draw the most of each pattern: every count
// (items, slots, workers, children, processors, rates) at its maximum,
// work long or short, and the limits that make queues, crashes and
// timeouts pile up. The views' tests draw them natively, the browser tests
// on the demos' canvases.
var Largest = map[string][]map[string]string{
	"stream": {
		{"items": "20000", "max_concurrency": "1000", "work_ms_min": "1", "work_ms_max": "600000", "timeout": "infinity", "fail_rate": "0.1"},
		{"items": "20000", "max_concurrency": "1", "work_ms_min": "600000", "work_ms_max": "600000", "timeout": "3600000"},
		{"items": "20000", "max_concurrency": "50", "ordered": "false", "timeout": "250", "on_timeout": "kill_task"},
	},
	"tasks": {
		{"items": "2000", "interval_ms": "0", "fail_rate": "0.3"},
		{"items": "2000", "interval_ms": "60000", "work_ms_min": "600000", "work_ms_max": "600000", "max_children": "10000"},
		{"mode": "bare", "items": "2000", "interval_ms": "0", "fail_rate": "0.01"},
		{"items": "2000", "interval_ms": "1", "max_children": "3"},
	},
	"timeout": {
		{"items": "2000", "interval_ms": "0", "timeout": "1", "stubborn_rate": "1"},
		{"items": "2000", "interval_ms": "0", "stubborn_rate": "0.3", "fail_rate": "0.3"},
		{"items": "2000", "interval_ms": "60000", "timeout": "3600000", "work_ms_min": "600000", "work_ms_max": "600000"},
	},
	"stage": {
		{"items": "20000", "consumers": "64", "max_demand": "10000", "min_demand": "9999", "rate": "100000", "buffer_size": "100000", "batch_size": "10000"},
		{"items": "20000", "consumers": "64", "rate": "100000", "buffer_size": "0", "fail_rate": "0.5", "batch_size": "1"},
		{"items": "20000", "consumers": "1", "work_ms_min": "600000", "work_ms_max": "600000", "batch_timeout": "3600000"},
	},
	"limiter": {
		{"items": "20000", "rate": "100000", "max": "1000", "work_ms_max": "600000", "timeout": "3600000", "fail_rate": "0.1"},
		{"items": "20000", "rate": "1000", "max": "1", "timeout": "100"},
		{"items": "20000", "rate": "100000", "max": "3", "timeout": "infinity"},
	},
	"pool": {
		{"items": "20000", "rate": "100000", "size": "500", "max_overflow": "500", "fail_rate": "0.1"},
		{"items": "20000", "rate": "1000", "size": "1", "max_overflow": "0", "timeout": "100"},
		{"items": "20000", "rate": "100000", "size": "3", "max_overflow": "2", "timeout": "infinity"},
	},
	"supervisor": {
		{"children": "1000", "max_children": "1000", "fail_rate": "0.5", "work_ms_min": "0", "work_ms_max": "1000", "max_restarts": "100"},
		{"children": "1000", "max_children": "0", "fail_rate": "0.1", "stubborn_rate": "1", "duration_ms": "600000", "max_seconds": "3600"},
	},
	"consumer": {
		{"jobs": "2000", "max_demand": "64", "work_ms_min": "0", "work_ms_max": "600000", "fail_rate": "0.3"},
		{"jobs": "2000", "max_demand": "1", "work_ms_min": "0", "work_ms_max": "10"},
		{"jobs": "2000", "max_demand": "64", "restart": "transient", "fail_rate": "0.5", "max_restarts": "100", "max_seconds": "3600"},
	},
	"spawn": {
		{"mode": "unbounded", "rate": "2000", "duration_ms": "10000", "max": "1000", "work_ms_max": "60000", "memory_mb": "1024"},
		{"mode": "unbounded", "rate": "2000", "duration_ms": "10000", "db_capacity": "1"},
		{"mode": "bounded", "rate": "2000", "duration_ms": "10000", "max": "1000", "queue": "100000", "memory_mb": "1024"},
		{"mode": "bounded", "rate": "2000", "duration_ms": "10000", "max": "1"},
	},
}

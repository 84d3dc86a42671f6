# The concurrency-patterns playground. `make help` lists the targets.

SITE    ?= _site
PORT    ?= 8080
GOROOT  := $(shell go env GOROOT)
WASMDIR := $(GOROOT)/lib/wasm
WASMENV := GOOS=js GOARCH=wasm

.PHONY: help site pages wasm wasm-reviewer offline serve test test-native test-wasm test-e2e deps bench bench-hook measure clean

help: ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# The pages come first, then the WebAssembly build; last the service
# worker, which lists and hashes every file of the folder, and the
# compressed copies of every file. The folder is emptied first, so the
# site holds exactly what this build wrote.
site: ## build the whole static site into _site/, from scratch
	rm -rf $(SITE)
	$(MAKE) --no-print-directory offline SITE=$(SITE)

pages: ## render content/*.md and copy the static assets
	go run ./web -content content -out $(SITE)

# One build for every page (web/site/wasm.go names it): a reader downloads
# it once, and the browser and the service worker keep it across pages.
WASM = playground.wasm

wasm: pages ## compile the playground to WebAssembly, with the wasm_exec.js of the same Go
	@mkdir -p $(SITE)
	$(WASMENV) go build -trimpath -ldflags="-s -w" -o $(SITE)/$(WASM) ./wasm
	cp $(WASMDIR)/wasm_exec.js $(SITE)/wasm_exec.js

# The reviewer page has a build of its own (cmd/reviewwasm): it holds the
# type checker and the analyzers, which no pattern page needs.
wasm-reviewer: pages ## compile the reviewer page's checks to WebAssembly
	$(WASMENV) go build -trimpath -ldflags="-s -w" -o "$(SITE)/reviewer.wasm" ./cmd/reviewwasm

offline: wasm wasm-reviewer ## write the service worker, versioned by a hash of every file of the build, then gzip and brotli copies of every file
	go run ./web -out $(SITE) -finish

serve: site ## build, then serve the playground on http://localhost:8080 (PORT=… to change)
	go run ./serve -dir $(SITE) -port $(PORT)

test: deps test-native test-wasm test-e2e ## install what the tests need and run every test

test-native: ## library, builder and server tests, with the race detector
	go vet ./...
	go test -race -count=1 $$(go list ./... | grep -v /e2e)

# The library and the playground's scenarios and views run in the browser
# as js/wasm, so their tests run there too (node stands in for the
# browser).
WASMTEST = PATTERNS_FAULT_SEEDS=1 PATH="$$PATH:$(WASMDIR)" $(WASMENV) go test -count=1

test-wasm: ## the library, scenario, view and wasm tests, under node (js/wasm)
	$(WASMTEST) ./patterns/... ./internal/... ./wasm/...

# Twice: at the domain root, and under a sub-path as a GitHub Pages
# project site is served, where a URL that is not relative breaks. The
# second pass leaves out what does not depend on where the site is served:
# the build itself, the wasm sizes, the screenshots, and the offline tests,
# which serve the site on a host of their own. A pass takes some minutes,
# more on a busy machine: past go test's default of ten, it would stop.
E2E_BASE_FREE = Screens$$|^TestSiteBuild$$|^TestWasmSizeBudget$$|^TestTextBeforeWasm$$|^TestOffline$$|^TestServiceWorkerUpdates$$|^TestOfflineMessage$$|^TestTransferBudget$$|^TestFast3GBudget$$

test-e2e: site ## the playground in headless Chromium, at / and under /concurrency/
	PLAYGROUND_SITE=$(CURDIR)/$(SITE) go test -count=1 -timeout 30m -v -run . ./e2e/
	PLAYGROUND_SITE=$(CURDIR)/$(SITE) PLAYGROUND_BASE=/concurrency/ go test -count=1 -timeout 30m -v -run . -skip '$(E2E_BASE_FREE)' ./e2e/

deps: ## install headless Chromium, node and hugo (Debian's packages) when they are missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium (Debian package)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v node >/dev/null 2>&1 || { \
	  echo "installing node (Debian package)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; }
	@# Without its recommends, which would bring an older Go onto the PATH.
	@command -v hugo >/dev/null 2>&1 || { \
	  echo "installing hugo (Debian package), for the docs-site embedding test…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hugo >/dev/null; }

# Every family of benchmarks is one table, its first column the baseline:
# the hand-written floor for tasks, a plain channel for the pipeline and
# the pool, x/sync/semaphore for the limiter. The tasks table also has a
# lazy floor (floor-lazy): hand-written workers that, like the stream, read
# no input ahead of a free slot.
BENCHSTAT = cd bench && go tool benchstat -col /impl

bench: ## the patterns side by side with their peers, as benchstat tables (about 20 min)
	cd bench && go test -run '^$$' -bench . -benchmem -count 6 -timeout 90m . > $(CURDIR)/_bench.txt
	$(BENCHSTAT) -filter '.name:Tasks .unit:sec/task' $(CURDIR)/_bench.txt
	$(BENCHSTAT) -filter '.name:Tasks .unit:allocs/op' $(CURDIR)/_bench.txt
	$(BENCHSTAT) -filter '.name:Pipeline .unit:sec/event' $(CURDIR)/_bench.txt
	$(BENCHSTAT) -filter '.name:AcquireRelease .unit:sec/op' $(CURDIR)/_bench.txt
	$(BENCHSTAT) -filter '.name:CheckoutCheckin .unit:sec/op' $(CURDIR)/_bench.txt
	@$(MAKE) --no-print-directory bench-hook

bench-hook: ## what the no-op observer hook costs: the stream built with it and without it (-tags nohook), run in turn, each first as often
	cd bench && go test -c -o $(CURDIR)/_bench_nohook.test -tags nohook . && go test -c -o $(CURDIR)/_bench_hook.test .
	rm -f $(CURDIR)/_bench_nohook.txt $(CURDIR)/_bench_hook.txt
	for order in "nohook hook" "hook nohook" "nohook hook" "hook nohook" "nohook hook" \
	             "hook nohook" "nohook hook" "hook nohook" "nohook hook" "hook nohook"; do \
	  for b in $$order; do \
	    $(CURDIR)/_bench_$$b.test -test.run '^$$' -test.bench '$(HOOK_BENCH)' -test.count 1 >> $(CURDIR)/_bench_$$b.txt || exit 1; \
	  done; \
	done
	cd bench && go tool benchstat nohook=$(CURDIR)/_bench_nohook.txt hook=$(CURDIR)/_bench_hook.txt

HOOK_BENCH = Tasks/body=empty/conc=(1|8)/impl=stream

measure: site ## report the playground's ready time, frame rate and wasm size, and a scenario's native speed
	PLAYGROUND_MEASURE=1 PLAYGROUND_SITE=$(CURDIR)/$(SITE) go test -count=1 -v -run 'TestMeasure|TestWasmSizeBudget' ./e2e/ | grep -E 'ms|fps|bytes'
	PLAYGROUND_MEASURE=1 go test -count=1 -v -run Measure ./internal/scenario/ | grep -E 'per run'
	PLAYGROUND_MEASURE=1 go test -count=1 -v -run Measure ./internal/view/visuals/ | grep -E 'B/event'

clean: ## remove build output
	rm -rf $(SITE) _bench*.txt _bench*.test

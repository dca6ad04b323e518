# Thin wrapper over CMake/CTest. `make test` on a fresh machine installs what
# is missing, builds, and runs every test; see README.md.
BUILD ?= build
SAN_BUILD ?= build-san
JOBS ?= $(shell nproc)
CTEST_ARGS ?= --output-on-failure
LOCAL_DIR ?= $(CURDIR)/.local
# The unit tests are independent (loopback ports they pick, their own temp
# directories), so they run one per core.
UNIT_JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build generate charts test test-unit test-integration test-san \
        test-valgrind test-isolated bench fuzz testenv run-local stop-local install clean \
        images test-cluster

all: build

deps:
	@scripts/install-deps.sh
	@scripts/build-deps.sh >/dev/null || \
	    echo "make deps: the minimal libcurl could not be built; the build uses the system's libcurl" >&2

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

generate:
	python3 codegen/foremangen.py --root $(CURDIR)

charts: generate
	python3 codegen/foremangen.py --root $(CURDIR) --charts

testenv: deps
	tests/testenv/testenv build

test: build testenv
	cd $(BUILD) && ctest $(CTEST_ARGS) -j $(UNIT_JOBS) -L unit
	cd $(BUILD) && ctest $(CTEST_ARGS) -L integration

# The images, built here with buildah and no registry (scripts/build-images.sh).
images: build
	@scripts/install-deps.sh --cluster
	scripts/build-images.sh

# The chart on a real one-node cluster (tests/cluster/; needs root). Skipped,
# with the reason, where a kubelet cannot run; -V shows the steps (leader
# handover time, what uninstall leaves) and the reason for a skip.
test-cluster: build testenv
	@scripts/install-deps.sh --cluster
	tests/testenv/testenv build-node
	cd $(BUILD) && ctest $(CTEST_ARGS) -V -L cluster

test-unit: build
	cd $(BUILD) && ctest $(CTEST_ARGS) -j $(UNIT_JOBS) -L unit

test-integration: build testenv
	cd $(BUILD) && ctest $(CTEST_ARGS) -L integration

test-isolated: deps
	scripts/ci-isolated.sh

test-san: deps testenv
	scripts/ci-sanitize.sh asan-unit asan-integration

test-valgrind: deps
	scripts/ci-sanitize.sh valgrind

fuzz: deps
	scripts/fuzz.sh

bench: build testenv
	cd $(BUILD) && ctest $(CTEST_ARGS) -L bench -V

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD)

run-local: build testenv
	scripts/run-local.sh

stop-local:
	scripts/stop-local.sh

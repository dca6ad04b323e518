#!/usr/bin/env bash
# fuzz.sh - builds the libFuzzer targets (clang, ASan+UBSan) and runs each
# one over its corpus for a fixed time, one after the other.
#
#   scripts/fuzz.sh                  every target, FUZZ_SECONDS (60) each
#   FUZZ_SECONDS=600 scripts/fuzz.sh watchframe flags
#
# Environment:
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_BUILD    build directory (default build-fuzz, under the source root)
#   FUZZ_JOBS     parallel compile jobs (default 2)
#   FUZZ_RSS_MB   libFuzzer memory limit per target (default 2048)
#   CC            compiler (default clang; must be clang)
#
# Corpora live in the build tree (seeded from fuzz/corpus/<target>/ and
# tests/fixtures), so new inputs never dirty the source tree. A crash leaves
# its input in $FUZZ_BUILD/artifacts/<target>/ and makes the script exit 1
# after the remaining targets ran; reproduce it with
#   $FUZZ_BUILD/bin/fuzz_<target> <artifact>
# Exit status: 0 all clean, 1 a target crashed or failed, 2 build failure.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz}
JOBS=${FUZZ_JOBS:-2}
RSS=${FUZZ_RSS_MB:-2048}
export CC=${CC:-clang}
ALL=(decode watchframe kubeconfig execcred flags sse toolcalls)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi

# The root CMakeLists adds fuzz/ when it knows about it; until then the
# fuzz rules are included at the end of the top level by a deferred call
# (deferred calls may not add subdirectories, so the current directory
# variables are pointed at fuzz/ for the include).
extra=()
if ! grep -q 'add_subdirectory(fuzz' "$ROOT/CMakeLists.txt"; then
    mkdir -p "$BUILD"
    cat >"$BUILD/add-fuzz.cmake" <<'CM'
macro(foreman_add_fuzz_late)
  set(CMAKE_CURRENT_SOURCE_DIR ${CMAKE_SOURCE_DIR}/fuzz)
  set(CMAKE_CURRENT_BINARY_DIR ${CMAKE_BINARY_DIR}/fuzz)
  include(${CMAKE_SOURCE_DIR}/fuzz/CMakeLists.txt)
endmacro()
macro(foreman_add_fuzz_if_missing)
  if(NOT TARGET fuzz_decode)
    foreman_add_fuzz_late()
  endif()
endmacro()
if(FOREMAN_FUZZ)
  cmake_language(DEFER CALL foreman_add_fuzz_if_missing)
endif()
CM
    extra+=("-DCMAKE_PROJECT_foreman_INCLUDE=$BUILD/add-fuzz.cmake")
else
    extra+=("-UCMAKE_PROJECT_foreman_INCLUDE")
fi

t0=$(date +%s)
if ! cmake -S "$ROOT" -B "$BUILD" -G Ninja -DFOREMAN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >"$BUILD.configure.log" 2>&1; then
    cat "$BUILD.configure.log" >&2
    echo "fuzz.sh: configure failed" >&2
    exit 2
fi
if ! cmake --build "$BUILD" -j "$JOBS" --target $(printf 'fuzz_%s ' "${TARGETS[@]}"); then
    echo "fuzz.sh: build failed" >&2
    exit 2
fi
echo "fuzz.sh: build took $(( $(date +%s) - t0 )) s"

status=0
summary=()
for t in "${TARGETS[@]}"; do
    bin=$BUILD/bin/fuzz_$t
    corpus=$BUILD/fuzz/corpus_$t
    art=$BUILD/artifacts/$t
    mkdir -p "$corpus" "$art"
    dict=$ROOT/fuzz/corpus/$t.dict
    [ "$t" = decode ] && dict=$ROOT/fuzz/json.dict
    dictarg=()
    [ -f "$dict" ] && dictarg=("-dict=$dict")
    log=$BUILD/fuzz_$t.log
    echo "fuzz.sh: fuzz_$t for ${SECONDS_EACH}s (log $log)"
    ts=$(date +%s)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb="$RSS" -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$art/" "${dictarg[@]}" "$corpus" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    files=$(ls "$corpus" | wc -l)
    line="fuzz_$t: rc=$rc $(( $(date +%s) - ts ))s execs=${execs:-?} ${cov:-cov: ?} corpus=$files"
    if [ $rc -ne 0 ]; then
        status=1
        line="$line CRASH: $(ls -t "$art" | head -1)"
        grep -m1 -E 'ERROR: |runtime error|fuzz_[a-z]+: ' "$log" | sed 's/^/    /'
    fi
    summary+=("$line")
done
rm -rf /dev/shm/fm-fuzz-kubeconfig-* /tmp/fm-fuzz-kubeconfig-* 2>/dev/null
printf '%s\n' "${summary[@]}"
exit $status

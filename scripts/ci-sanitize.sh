#!/usr/bin/env bash
# ci-sanitize.sh - the memory-safety stages of CI:
#
#   asan-unit         build-san (CMAKE_BUILD_TYPE=Sanitize: ASan + UBSan),
#                     `ctest -L unit`
#   asan-integration  the same build, `ctest -L integration` (starts the
#                     control-plane fixture; needs tests/testenv binaries)
#   valgrind          build-vg (RelWithDebInfo, no sanitizer: valgrind and
#                     ASan do not mix), every unit test that is a C
#                     executable run under valgrind memcheck
#                     (--leak-check=full, definite leaks and every memory
#                     error fail the test); shell and Python tests are skipped
#
#   scripts/ci-sanitize.sh                     all three stages
#   scripts/ci-sanitize.sh asan-unit valgrind  just those
#
# Environment: JOBS (compile jobs, default 2), SAN_BUILD (default build-san),
# SAN_EXCLUDE (a regex of tests the sanitizer stages leave out),
# VG_BUILD (default build-vg), VG_TIMEOUT (seconds per test under valgrind,
# default 300), CTEST_ARGS (extra ctest arguments), VG_FILTER (a regex:
# only unit tests whose name matches run under valgrind).
# Prints the wall time of every stage, and for valgrind the verdict of each
# test with its first error. Exit status: 0 when every stage passed, else 1.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-2}
SAN=${SAN_BUILD:-$ROOT/build-san}
VG=${VG_BUILD:-$ROOT/build-vg}
VG_TIMEOUT=${VG_TIMEOUT:-300}
read -r -a CTEST_EXTRA <<<"${CTEST_ARGS:-}"
if [ $# -gt 0 ]; then STAGES=("$@"); else STAGES=(asan-unit asan-integration valgrind); fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
now() { date +%s; }

# build DIR TYPE: configure (once) and build everything.
build() {
    local dir=$1 type=$2
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" >"$dir.configure.log" 2>&1 ||
            { cat "$dir.configure.log" >&2; return 1; }
    fi
    cmake --build "$dir" -j "$JOBS"
}

stage_asan() {
    local label=$1 t0 rc
    t0=$(now)
    if ! build "$SAN" Sanitize; then
        summary+=("$label: BUILD FAILED ($(( $(now) - t0 )) s)")
        return 1
    fi
    local tb
    tb=$(( $(now) - t0 ))
    # unit.packaging.image_libs checks the shared libraries of the release
    # binaries against the container images; a sanitizer build links
    # libasan/libubsan, so that test only means something in a normal build.
    (cd "$SAN" && ctest --output-on-failure -L "^${label#asan-}\$" -E "^unit\.packaging\.image_libs\$${SAN_EXCLUDE:+|$SAN_EXCLUDE}" "${CTEST_EXTRA[@]}")
    rc=$?
    summary+=("$label: rc=$rc build ${tb} s, tests $(( $(now) - t0 - tb )) s")
    return $rc
}

# Lists "name<TAB>workdir<TAB>env(;-separated)<TAB>argv(\x1f-separated)" for
# every unit test whose command is an ELF executable.
unit_executables() {
    (cd "$VG" && ctest -L unit --show-only=json-v1) | python3 -c '
import json, sys
doc = json.load(sys.stdin)
for t in doc.get("tests", []):
    cmd = t.get("command") or []
    if not cmd:
        continue
    try:
        with open(cmd[0], "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
    except OSError:
        continue
    wd, env = "", []
    for p in t.get("properties", []):
        if p["name"] == "WORKING_DIRECTORY":
            wd = p["value"]
        elif p["name"] == "ENVIRONMENT":
            env = p["value"]
    print("\t".join([t["name"], wd, ";".join(env), "\x1f".join(cmd)]))
'
}

stage_valgrind() {
    local t0 tb
    t0=$(now)
    if ! command -v valgrind >/dev/null; then
        summary+=("valgrind: valgrind is not installed")
        return 1
    fi
    if ! build "$VG" RelWithDebInfo; then
        summary+=("valgrind: BUILD FAILED ($(( $(now) - t0 )) s)")
        return 1
    fi
    tb=$(( $(now) - t0 ))
    local logdir=$VG/valgrind
    rm -rf "$logdir"
    mkdir -p "$logdir"
    local clean=0 dirty=0 bad=()
    while IFS=$'\t' read -r name wd envs cmd; do
        [ -n "${VG_FILTER:-}" ] && ! [[ $name =~ $VG_FILTER ]] && continue
        local -a argv envv=()
        IFS=$'\x1f' read -r -a argv <<<"$cmd"
        [ -n "$envs" ] && IFS=';' read -r -a envv <<<"$envs"
        local log=$logdir/$name.log ts rc
        ts=$(now)
        # --fair-sched=yes: valgrind runs one thread at a time, and its
        # default hand-over can starve a writer behind busy readers forever
        # (test_store's reader/writer test hung for 900 s that way in CI).
        # FOREMAN_OBJALLOC=off: cached objects from malloc, which memcheck
        # watches, not from objalloc's slabs (runtime/core/objalloc.h).
        (cd "${wd:-$ROOT}" && env FOREMAN_OBJALLOC=off "${envv[@]}" timeout "$VG_TIMEOUT" valgrind -q --fair-sched=yes --error-exitcode=99 \
            --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
            --track-origins=yes --trace-children=no --log-file="$log.vg" "${argv[@]}" >"$log" 2>&1)
        rc=$?
        # Lines "--PID-- ..." are valgrind's own notes (e.g. "unhandled
        # syscall: 437", openat2, which valgrind 3.19 does not know; the code
        # then takes its no-openat2 path), not errors in the program.
        sed -i '/^--[0-9]*-- /d' "$log.vg" 2>/dev/null
        if [ $rc -eq 0 ] && [ ! -s "$log.vg" ]; then
            clean=$((clean + 1))
            printf 'valgrind: %-40s clean (%d s)\n' "$name" $(( $(now) - ts ))
        else
            dirty=$((dirty + 1))
            local why
            if [ -s "$log.vg" ]; then
                why=$(grep -m1 -E '== (Invalid|Conditional|Use of|Syscall|Mismatched|Source and|Argument|[0-9,]+ bytes in)' "$log.vg" |
                      sed 's/^==[0-9]*== //')
                local at
                at=$(grep -m1 -E '==[0-9]+==    (at|by) .*\((/work|[a-z_]+\.c)' "$log.vg" | sed 's/^==[0-9]*== *//')
                [ -n "$at" ] && why="$why [$at]"
            elif [ $rc -eq 124 ]; then
                why="timed out after $VG_TIMEOUT s"
            else
                why="test failed under valgrind (rc=$rc): $(grep -m1 -E 'CHECK|failed|FAIL' "$log")"
            fi
            printf 'valgrind: %-40s NOT CLEAN (%d s): %s\n' "$name" $(( $(now) - ts )) "$why"
            bad+=("$name: $why")
        fi
    done < <(unit_executables)
    summary+=("valgrind: $clean clean, $dirty not clean; build ${tb} s, tests $(( $(now) - t0 - tb )) s (logs in $logdir)")
    for b in "${bad[@]}"; do summary+=("    $b"); done
    [ $dirty -eq 0 ]
}

total0=$(now)
for s in "${STAGES[@]}"; do
    case $s in
        asan-unit | asan-integration) stage_asan "$s" || status=1 ;;
        valgrind) stage_valgrind || status=1 ;;
        *) echo "ci-sanitize.sh: unknown stage $s (asan-unit, asan-integration, valgrind)" >&2; exit 2 ;;
    esac
done
echo
echo "ci-sanitize.sh summary (total $(( $(now) - total0 )) s):"
printf '  %s\n' "${summary[@]}"
exit $status

#!/usr/bin/env bash
# test_probe_cmd.sh - runs the real foreman-agent binary's `probe` subcommand
# against meminfo fixtures and the fake NVML library, and checks its output
# and exit codes. Needs FOREMAN_BIN (the bin directory), FAKENVML_LIB and
# FOREMAN_SOURCE_DIR (set by CTest); python3 parses the JSON.
set -u

AGENT="${FOREMAN_BIN:?}/foreman-agent"
SRC="${FOREMAN_SOURCE_DIR:-.}"
FIX="$SRC/tests/fixtures/meminfo"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export FOREMAN_NVML_LIBRARY="${FAKENVML_LIB:?}"
export FOREMAN_MEMINFO_PATH="$FIX/normal"
export FAKENVML_MODE=two
unset FAKENVML_TRACE

passed=0
failed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

# run NAME WANT_RC ARGS... : runs the agent, keeps stdout/stderr in $TMP/NAME.{out,err}
run() {
    local name="$1" want="$2"
    shift 2
    "$AGENT" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name: exit $rc, want $want; stderr: $(cat "$TMP/$name.err")"
        return 1
    fi
    ok
}

# json NAME PYTHON-EXPR : the expression, over the parsed stdout `j`, is true
json() {
    local name="$1" expr="$2"
    if python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" \
        "$TMP/$name.out"; then ok; else fail "$name: not ($expr): $(cat "$TMP/$name.out")"; fi
}

contains() {  # contains NAME out|err TEXT
    if grep -qF -- "$3" "$TMP/$1.$2"; then ok; else fail "$1: $2 lacks \"$3\": $(cat "$TMP/$1.$2")"; fi
}

empty() {  # empty NAME out|err
    if [ ! -s "$TMP/$1.$2" ]; then ok; else fail "$1: $2 not empty: $(cat "$TMP/$1.$2")"; fi
}

lines() {  # lines NAME out|err N
    local n
    n=$(wc -l <"$TMP/$1.$2")
    if [ "$n" -eq "$3" ]; then ok; else fail "$1: $2 has $n lines, want $3"; fi
}

# Default: JSON with two fake GPUs.
run json 0 probe
json json 'j["capability"]["accelerator"] == "cuda"'
json json 'j["capability"]["totalRAMGB"] == 125 and j["capability"]["availableRAMGB"] == 115'
json json '[g["memoryMiB"] for g in j["capability"]["gpus"]] == [81559, 23034]'
json json 'j["capability"]["gpus"][0] == {"index": 0, "name": "NVIDIA H100 80GB HBM3", "memoryMiB": 81559, "freeMemoryMiB": 81079}'
json json 'j["os"] in ("linux", "darwin") and j["arch"] != "" and j["agentVersion"] != ""'
json json 'set(j) == {"capability", "agentVersion", "os", "arch"}'
json json '"installedModels" not in j["capability"] and "maxContextTokens" not in j["capability"]'
empty json err
lines json out 1

# Explicit -o json, Go flag spellings, capability flags.
run flags 0 probe -o=json --total-ram-gb 64 -accelerator=none --installed-models "a, b,," \
    --max-context-tokens=8192 --tokens-per-second 30
json flags 'j["capability"]["totalRAMGB"] == 64 and j["capability"]["availableRAMGB"] == 64'
json flags 'j["capability"]["accelerator"] == "none" and len(j["capability"]["gpus"]) == 2'
json flags 'j["capability"]["installedModels"] == ["a", "b"]'
json flags 'j["capability"]["maxContextTokens"] == 8192 and j["capability"]["tokensPerSecond"] == 30'

# Text output.
run text 0 probe -o text
contains text out "NVIDIA H100 80GB HBM3, 81559 MiB (81079 MiB free)"
contains text out "125 GiB"
contains text out "580.159.04 (CUDA 13.0)"

# No NVIDIA library: no GPUs, accelerator none, and nothing on stderr.
FOREMAN_NVML_LIBRARY=/nonexistent/libnvidia-ml.so.1 run nonvml 0 probe -v
json nonvml 'j["capability"]["accelerator"] == "none" and "gpus" not in j["capability"]'
empty nonvml err

# NVML init failure: quiet by default, a warning with -v.
FAKENVML_MODE=initfail run initfail 0 probe
json initfail '"gpus" not in j["capability"]'
empty initfail err
FAKENVML_MODE=initfail run initfail_v 0 probe -v
contains initfail_v err "nvmlInit_v2 failed: Driver Not Loaded"

# Broken meminfo: one line on stderr naming the file and field, exit 1.
FOREMAN_MEMINFO_PATH="$FIX/no_memavailable" run nomemavail 1 probe
contains nomemavail err "no_memavailable: no MemAvailable field"
lines nomemavail err 1
empty nomemavail out
FOREMAN_MEMINFO_PATH="$FIX/empty" run emptymem 1 probe -o text
contains emptymem err "no MemTotal field"
empty emptymem out
FOREMAN_MEMINFO_PATH="$TMP/missing" run missingmem 1 probe
contains missingmem err "cannot open"

# Bad flags and arguments: exit 2.
run badflag 2 probe --nope
contains badflag err "flag provided but not defined: -nope"
run badformat 2 probe -o yaml
contains badformat err "invalid value \"yaml\" for flag -o"
run badacc 2 probe --accelerator rocm
contains badacc err "invalid value \"rocm\" for flag -accelerator"
run badint 2 probe --total-ram-gb lots
contains badint err "invalid value \"lots\" for flag -total-ram-gb: parse error"
run needsarg 2 probe --total-ram-gb
contains needsarg err "flag needs an argument: -total-ram-gb"
run extra 2 probe extra
contains extra err "unexpected argument \"extra\""

# Help and version.
run help 0 probe --help
contains help out "-total-ram-gb int"
contains help out "output format: json or text (default \"json\")"
run version 0 --version
contains version out "foreman-agent "
run unknown 2 frobnicate

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# `make run-local`: the main job on one machine. Starts a local control plane
# (state kept in .local/, ignored by git), installs the CRDs, starts the
# operator and three agents with different capabilities, applies examples/,
# and shows the tasks moving through their phases until all are terminal.
# `make stop-local` stops everything it started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOCAL=${LOCAL_DIR:-$ROOT/.local}
BIN=${FOREMAN_BIN:-$ROOT/build/bin}
TESTENV=$ROOT/tests/testenv/testenv
mkdir -p "$LOCAL"

"$TESTENV" start "$LOCAL/cp"
. "$LOCAL/cp/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"

start_bg() { # name command...
    local name=$1
    shift
    if [ -f "$LOCAL/$name.pid" ] && kill -0 "$(cat "$LOCAL/$name.pid")" 2>/dev/null; then
        return 0
    fi
    "$@" >"$LOCAL/$name.log" 2>&1 </dev/null &
    echo $! >"$LOCAL/$name.pid"
}

# A fake /proc/meminfo per agent, so each advertises the RAM of the machine
# it stands for, and the test suite's fake NVML library for the GPU box.
meminfo() { # file total_gib available_gib
    printf 'MemTotal:       %d kB\nMemFree:        %d kB\nMemAvailable:   %d kB\n' \
        $(($2 * 1048576)) $(($3 * 1048576)) $(($3 * 1048576)) >"$1"
}
meminfo "$LOCAL/meminfo-gpu" 24 20
meminfo "$LOCAL/meminfo-mac" 128 110
meminfo "$LOCAL/meminfo-cpu" 8 6
FAKENVML=$(find "$ROOT/build" -name 'libfakenvml.so' 2>/dev/null | head -1 || true)

start_bg operator "$BIN/foreman-operator" --kubeconfig "$KUBECONFIG" \
    --metrics-bind-address 127.0.0.1:0 --health-probe-bind-address 127.0.0.1:0 \
    --node-stale-after 15s
common=(--kubeconfig "$KUBECONFIG" --heartbeat-interval 5s --agent-mode stub --stub-sleep 3s
        --task-namespace default --workspace-dir "$LOCAL/workspace")
FOREMAN_MEMINFO_PATH=$LOCAL/meminfo-gpu FOREMAN_NVML_LIBRARY=${FAKENVML:-libnvidia-ml.so.1} FAKENVML_MODE=two \
    start_bg agent-gpu "$BIN/foreman-agent" "${common[@]}" --fleet-node-name gpu-box \
    --installed-models qwen3-coder-30b,llama3-8b --max-context-tokens 131072 --tokens-per-second 90 \
    --node-labels site=home,gpu=rtx
FOREMAN_MEMINFO_PATH=$LOCAL/meminfo-mac start_bg agent-mac "$BIN/foreman-agent" "${common[@]}" \
    --fleet-node-name m4-max-studio --accelerator metal --installed-models qwen3-coder-30b \
    --max-context-tokens 262144 --tokens-per-second 60 --node-labels site=home,pool=laptops
FOREMAN_MEMINFO_PATH=$LOCAL/meminfo-cpu start_bg agent-cpu "$BIN/foreman-agent" "${common[@]}" \
    --fleet-node-name old-laptop --accelerator none --max-context-tokens 8192 --tokens-per-second 5

# Wait for the three FleetNodes to be Ready before submitting work.
for _ in $(seq 1 100); do
    n=$($K get fleetnodes -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' 2>/dev/null | grep -c '^Ready$' || true)
    [ "$n" -ge 3 ] && break
    sleep 0.2
done

# A second run starts the demo afresh: the examples and the tasks the
# Workload made last time go (this control plane runs no garbage collector).
$K delete agentictasks,workloads -l example.foreman.llmkube.dev/set=run-local --wait=false >/dev/null 2>&1 || true
$K delete agentictasks -l foreman.llmkube.dev/workload --wait=false >/dev/null 2>&1 || true
$K apply -f "$ROOT/examples/" >/dev/null
echo "Applied examples/. Watching until every task is terminal:"
start=$(date +%s)
while :; do
    echo
    echo "--- $(($(date +%s) - start))s"
    $K get fleetnodes,agentictasks,workloads 2>&1
    phases=$($K get agentictasks -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}')
    if [ -n "$phases" ] && ! grep -qvE '^(Succeeded|Failed)$' <<<"$phases"; then
        break
    fi
    if [ $(($(date +%s) - start)) -gt 120 ]; then
        echo "run-local: tasks still not terminal after 120 s; see $LOCAL/*.log" >&2
        exit 1
    fi
    sleep 2
done

cat <<MSG

All tasks are terminal. Look around with:
  export KUBECONFIG=$KUBECONFIG
  $KUBECTL get fleetnodes,agentictasks,workloads
  $KUBECTL get agentictask <name> -o yaml     # status.result holds the result envelope
Logs: $LOCAL/operator.log, $LOCAL/agent-*.log
Stop everything with: make stop-local
MSG

# agent_lib.sh - helpers shared by the foreman-agent integration tests
# (test_agent_*.sh). Sourced, not run: it is not a test by itself.
#
# Provides: K (kubectl as admin), AGENT (the binary), AGENT_KC (a kubeconfig
# for a minted user holding only the RBAC the chart grants the agent),
# ok/bad/check/summary, wait_until, start_agent/stop_agent (every agent
# started is killed on exit, even on failure), task helpers, and a cleanup
# trap that removes everything the test created.
set -uo pipefail
. "$TESTENV_DIR/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"
AGENT=$FOREMAN_BIN/foreman-agent
RUN_ID=${RUN_ID:-$$}
WORK=$(mktemp -d "/tmp/foreman-agent-it.$RUN_ID.XXXXXX")
pass=0
fail=0
AGENT_PIDS=()
CLEANUP_CMDS=()

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1" >&2; }
check() { # name command...
    local name=$1
    shift
    if "$@" >"$WORK/check.out" 2>&1; then ok "$name"; else bad "$name: $(tail -3 "$WORK/check.out")"; fi
}
summary() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}

# wait_until SECONDS command...: polls every 0.1 s; 0 when it became true.
wait_until() {
    local limit=$1 i
    shift
    for i in $(seq 1 $((limit * 10))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

now_ms() { date +%s%3N; }

cleanup() {
    local p c
    for p in "${AGENT_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done
    # The API server may have been paused by a test that failed mid-way.
    [ -f "$TESTENV_DIR/apiserver.pid" ] && kill -CONT "$(cat "$TESTENV_DIR/apiserver.pid")" 2>/dev/null
    for c in "${CLEANUP_CMDS[@]}"; do eval "$c" >/dev/null 2>&1; done
    if [ "$fail" -ne 0 ]; then
        for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -40 "$f" >&2; }; done
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
on_cleanup() { CLEANUP_CMDS+=("$1"); }

# setup_rbac: the agent's least-privilege identity (what the Helm chart
# grants it, with rbac.agentApiKeySecret=llm-api-key and
# rbac.agentGitTokenSecret=git-token) bound to a freshly
# minted user; sets AGENT_KC.
setup_rbac() {
    local user=agent-it-$RUN_ID
    $K apply -f - >/dev/null <<EOF
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: $user}
rules:
- apiGroups: [foreman.llmkube.dev]
  resources: [fleetnodes]
  verbs: [get, list, watch, create, update, patch]
- apiGroups: [foreman.llmkube.dev]
  resources: [fleetnodes/status]
  verbs: [get, update, patch]
- apiGroups: [foreman.llmkube.dev]
  resources: [agentictasks]
  verbs: [get, list, watch]
- apiGroups: [foreman.llmkube.dev]
  resources: [agentictasks/status]
  verbs: [patch]
- apiGroups: ["", events.k8s.io]
  resources: [events]
  verbs: [create, patch]
- apiGroups: [""]
  resources: [configmaps]
  verbs: [create]
- apiGroups: [foreman.llmkube.dev]
  resources: [agents, modelprofiles]
  verbs: [get]
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [llm-api-key, git-token]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: $user}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: $user}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: $user}
EOF
    on_cleanup "$K delete clusterrolebinding $user; $K delete clusterrole $user"
    AGENT_KC=$("$TESTENV" mint-cert "$TESTENV_DIR" "$user")
    # RBAC takes effect asynchronously: wait until the user can list tasks.
    wait_until 10 $KUBECTL --kubeconfig "$AGENT_KC" get agentictasks -A
}

# start_agent LOGFILE args...: starts the agent as the least-privilege user;
# sets AGENT_PID.
start_agent() {
    local log=$1
    shift
    "$AGENT" --kubeconfig "$AGENT_KC" "$@" >"$log" 2>&1 &
    AGENT_PID=$!
    AGENT_PIDS+=("$AGENT_PID")
}

# stop_agent [SIGNAL]: signals AGENT_PID and waits; sets STOP_RC and STOP_MS.
stop_agent() {
    local sig=${1:-TERM} t0 i
    t0=$(now_ms)
    kill -"$sig" "$AGENT_PID" 2>/dev/null
    for i in $(seq 1 150); do kill -0 "$AGENT_PID" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$AGENT_PID" 2>/dev/null; then
        STOP_RC=timeout
        kill -KILL "$AGENT_PID" 2>/dev/null
    fi
    wait "$AGENT_PID" 2>/dev/null
    local rc=$?
    [ "${STOP_RC:-}" = timeout ] || STOP_RC=$rc
    STOP_MS=$(($(now_ms) - t0))
}

fn_get() { $K get fleetnode "$1" -o jsonpath="$2" 2>/dev/null; }
task_get() { $K get agentictask "$2" -n "$1" -o jsonpath="$3" 2>/dev/null; }

# make_task NS NAME NODE [spec-json-extra]: creates a task labelled for NODE
# and then, as the operator would, sets it Scheduled there.
make_task() {
    local ns=$1 name=$2 node=$3 extra=${4:-}
    $K apply -n "$ns" -f - >/dev/null <<EOF
{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask",
 "metadata":{"name":"$name","labels":{"foreman.llmkube.dev/assigned-node":"$node"}},
 "spec":{"kind":"verify","modelRef":"qwen3:8b","payload":{"prompt":"${PROMPT:-hello}","repo":"acme/app"}$extra}}
EOF
    schedule_task "$ns" "$name" "$node"
}

schedule_task() { # ns name node
    $K patch agentictask "$2" -n "$1" --subresource status --type merge \
        -p "{\"status\":{\"phase\":\"Scheduled\",\"assignedNode\":\"$3\"}}" >/dev/null
}

phase_is() { [ "$(task_get "$1" "$2" '{.status.phase}')" = "$3" ]; }

# A namespace of this test, deleted at exit.
make_ns() {
    $K create namespace "$1" >/dev/null
    on_cleanup "$K delete namespace $1 --wait=false"
}

# Predicates re-evaluated on every poll of wait_until (a "$(...)" argument
# would be evaluated once, before the wait).
fn_is() { [ "$(fn_get "$1" "$2")" = "$3" ]; }         # node jsonpath value
fn_isnt() { [ "$(fn_get "$1" "$2")" != "$3" ]; }      # node jsonpath value
task_is() { [ "$(task_get "$1" "$2" "$3")" = "$4" ]; } # ns name jsonpath value
# True when PID is gone or a zombie waiting for init (a killed grandchild).
pid_gone() { ! kill -0 "$1" 2>/dev/null || grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

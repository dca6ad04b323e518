#!/usr/bin/env bash
# The Workload of tests/integration/test_workload_issues.sh (two issues on a
# local bare repository whose Python test fails; coder, verifier, reviewer,
# python gate) run by the real model: llama-server with SmolLM2-135M-Instruct
# (tests/llm/llmenv), started and stopped here, is the coder's server (the
# agent's flags) and the reviewer's cloud-proxy endpoint.
#
# A 135M model fixes nothing, so its verdicts may be anything. What must
# hold is that the run ends, and ends for reasons of the model, never ours:
#   - the Workload reaches a terminal phase with one rollup condition per
#     issue (True or False, not InProgress);
#   - every task reaches a terminal phase; a Failed task's reason is one
#     the model causes (budgets, NoToolCall, StuckLoop, its own ERROR, a
#     failing gate, an unfounded review) or UpstreamFailed; ModelError
#     (our client or what we send), ExecutorError, CloneFailed, PushFailed,
#     GateError, AgentNotFound and any other reason fail the test;
#   - every task that ran the model has a transcript (ConfigMap and file)
#     with its requests and end, server usage (not estimated), and at least
#     one tool call (turn 1 is tool_choice required).
# Bounded: 3 turns and 96 output tokens a turn per task, temperature 0.
# Exit 77 (skipped) only when the model server cannot be built here.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if ! paths=$("$HERE/llmenv" paths 2>/dev/null); then
    echo "test_workload_real: building llama-server and fetching the model (once; about 21 min on 2 cores)"
    if ! paths=$("$HERE/llmenv" build | tail -1); then
        echo "SKIP: llama-server could not be built (see the output above); the real-model test needs it"
        exit 77
    fi
fi
read -r SERVER MODEL TEMPLATE <<<"$paths"
. "$HERE/../integration/agent_lib.sh"

setup_rbac || { bad "rbac setup"; summary; exit 1; }
NS=wl-real-$RUN_ID
NODE=wl-real-$RUN_ID
WL=fix
make_ns "$NS"
on_cleanup "$K delete fleetnode $NODE"
G=foreman.llmkube.dev
$K delete agentictasks,workloads --all-namespaces --all --wait=false >/dev/null 2>&1

# ------------------------------------------------------------ the model server
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# -c 8192: a review's prompt carries the diff
"$SERVER" -m "$MODEL" --chat-template-file "$TEMPLATE" --jinja --host 127.0.0.1 --port "$PORT" -c 8192 -t 1 \
    >"$WORK/llama-server.log" 2>&1 &
SPID=$!
on_cleanup "kill $SPID"
server_up() { curl -sf "http://127.0.0.1:$PORT/health"; }
if ! wait_until 60 server_up; then
    bad "llama-server did not come up: $(tail -5 "$WORK/llama-server.log")"
    summary
    exit 1
fi
URL=http://127.0.0.1:$PORT

# ------------------------------------------------------------ the remote (as test_workload_issues)
SEED=$WORK/seed
REMOTE=$WORK/remote.git
mkdir -p "$SEED/issues"
cat >"$SEED/calc.py" <<'PY'
def add(a, b):
    return a - b


def mul(a, b):
    return a * b
PY
cat >"$SEED/test_calc.py" <<'PY'
import calc

assert calc.add(2, 3) == 5, "add(2, 3) should be 5, got %r" % calc.add(2, 3)
assert calc.mul(2, 3) == 6, "mul(2, 3) should be 6, got %r" % calc.mul(2, 3)
print("TESTS-PASS")
PY
printf '# add() subtracts\n\nadd(2, 3) returns -1; it must return 5.\n' >"$SEED/issues/1.md"
printf '# mul() for floats\n\nmul() should also work for floats.\n' >"$SEED/issues/2.md"
(cd "$SEED" && git init -q -b main && git add . &&
    git -c user.email=it@example -c user.name=it commit -qm "calc with a bug" &&
    git clone -q --bare "$SEED" "$REMOTE") || bad "remote setup"

LIMITS='maxTurns: 3, maxOutputTokens: 96, temperature: "0"'
$K apply -n "$NS" -f - >/dev/null <<YAML
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: coder}
spec: {role: coder, model: smollm2, tools: [read_file, str_replace, bash, submit_result], $LIMITS}
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: verifier}
spec: {role: verifier, model: none, tools: [bash]}
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: reviewer}
spec:
  role: reviewer
  provider: cloud-proxy
  providerConfig: {baseURL: "$URL", model: smollm2}
  tools: [read_file, submit_result]
  maxTurns: 3
  maxOutputTokens: 96
  temperature: "0"
YAML

"$FOREMAN_BIN/foreman-operator" --kubeconfig "$KUBECONFIG" --metrics-bind-address=0 \
    --health-probe-bind-address=0 --node-stale-after=30s >"$WORK/operator.log" 2>&1 &
OP_PID=$!
on_cleanup "kill -KILL $OP_PID"
$K create secret generic git-token -n "$NS" --from-literal=token=gt-secret-value >/dev/null
start_agent "$WORK/agent.log" --fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s \
    --workspace-dir "$WORK/ws" --agent-mode native --llm-base-url "$URL" \
    --llm-model smollm2 --llm-tool-choice required,auto --git-token-secret git-token
wait_until 10 fn_is "$NODE" '{.status.phase}' Ready
ag_valid() { [ "$($K get agent "$1" -n "$NS" -o jsonpath='{.status.conditions[?(@.type=="Validated")].status}')" = True ]; }
check "agents validated" wait_until 20 ag_valid reviewer

$K apply -n "$NS" -f - >/dev/null <<YAML
apiVersion: $G/v1alpha1
kind: Workload
metadata: {name: $WL}
spec:
  intent: "Fix the reported issues."
  repo: "$REMOTE"
  issues: [1, 2]
  coderAgentRef: {name: coder}
  verifierAgentRef: {name: verifier}
  reviewerAgentRefs: [{name: reviewer}]
  gateProfile:
    language: python
    commands: {build: "python3 -m py_compile calc.py", test: "python3 test_calc.py"}
YAML

wl() { $K get workload "$WL" -n "$NS" -o jsonpath="$1" 2>/dev/null; }
TASKS="issue-1 issue-1-verify issue-1-review issue-2 issue-2-verify issue-2-review"
terminal() { case "$1" in Succeeded | Failed) return 0 ;; esac; return 1; }
# the Workload turns Failed at its first failed task; the others still run
all_done() {
    terminal "$(wl '{.status.phase}')" || return 1
    local s
    for s in $TASKS; do terminal "$(task_get "$NS" "$WL-$s" '{.status.phase}')" || return 1; done
}
check "expanded: six tasks" wait_until 20 $K get agentictask -n "$NS" $(for s in $TASKS; do echo "$WL-$s"; done)
T0=$(date +%s)
# 4 model tasks at most, one at a time, 3 turns each
check "workload and its six tasks: terminal phases" wait_until 1800 all_done
echo "workload: $(wl '{.status.phase}') after $(($(date +%s) - T0)) s"

# ------------------------------------------------------------ every task
# Failed for a reason of the model's (or its upstream's); anything else is ours
MODEL_REASONS=" TurnBudget TokenBudget Timeout StuckLoop NoToolCall AgentError GateFailed UnfoundedReview UpstreamFailed "
ran_model=0
for s in $TASKS; do
    name=$WL-$s
    json=$($K get agentictask "$name" -n "$NS" -o json)
    line=$(printf '%s' "$json" | python3 -c '
import json, sys
t = json.load(sys.stdin); st = t.get("status", {})
c = [x for x in st.get("conditions", []) if x.get("type") == "Completed"]
c = c[0] if c else {}
r = st.get("result") or {}
r = json.loads(r) if isinstance(r, str) else r
ex = r.get("extra") or {}
u = ex.get("usage") or {}
msg = (c.get("message") or "").replace("\t", " ").replace("\n", " ")[:160]
print("\t".join(str(x) for x in [st.get("phase", ""), st.get("verdict", ""), c.get("reason", ""),
      ex.get("turns", 0), ex.get("toolCalls", 0), u.get("promptTokens", 0), u.get("estimated", False),
      st.get("transcriptRef", ""), msg]))')
    IFS=$'\t' read -r phase verdict reason turns calls ptok est tref msg <<<"$line"
    echo "task $name: $phase $verdict ${reason:-"-"} turns=$turns toolCalls=$calls promptTokens=$ptok estimated=$est: $msg"
    case "$phase" in
    Succeeded) ok "$s: Succeeded ($verdict)" ;;
    Failed)
        if [[ "$MODEL_REASONS" == *" $reason "* ]]; then ok "$s: Failed $reason (the model's)"
        else bad "$s: Failed $reason is an error of ours: $msg"; fi ;;
    *) bad "$s: not terminal (phase '$phase')" ;;
    esac
    [ "${turns:-0}" -gt 0 ] 2>/dev/null || continue
    # it ran the model
    ran_model=$((ran_model + 1))
    check "$s: usage from the server" test "$est/$([ "$ptok" -gt 0 ] && echo y)" = "False/y"
    check "$s: a tool call (turn 1 is required)" test "$calls" -ge 1
    check "$s: transcriptRef names a ConfigMap" test "${tref#configmaps/}" != "$tref"
    $K get configmap "${tref#configmaps/}" -n "$NS" -o jsonpath='{.data.transcript\.jsonl}' >"$WORK/tr-$s" 2>/dev/null
    check "$s: transcript holds requests, events and the end" bash -c \
        "grep -q '\"kind\":\"request\"' '$WORK/tr-$s' && grep -q '\"kind\":\"event\"' '$WORK/tr-$s' && grep -q '\"kind\":\"end\"' '$WORK/tr-$s'"
    check "$s: no HTTP error from the model server" bash -c "! grep -q '\"kind\":\"http-error\"' '$WORK/tr-$s'"
    # what the model answered, one line a request
    python3 - "$WORK/tr-$s" <<'PY'
import json, sys
turn, text, calls, fin = 0, "", {}, ""
def flush():
    global text, calls, fin
    if turn:
        what = "; ".join("%s %s" % (n, " ".join(a.split())[:100]) for n, a in calls.values()) or "text %r" % text[:60]
        print("    request %d: %s (%s)" % (turn, what, fin))
    text, calls, fin = "", {}, ""
for line in open(sys.argv[1]):
    try:
        l = json.loads(line)
    except ValueError:
        continue
    k, d = l.get("kind"), l.get("data")
    if k == "request":
        flush()
        turn += 1
    elif k == "event" and isinstance(d, dict):
        for c in d.get("choices") or []:
            fin = c.get("finish_reason") or fin
            dl = c.get("delta") or c.get("message") or {}
            text += dl.get("content") or ""
            for tc in dl.get("tool_calls") or []:
                e = calls.setdefault(tc.get("index", 0), ["", ""])
                f = tc.get("function") or {}
                e[0] += f.get("name") or ""
                e[1] += f.get("arguments") or ""
    elif k == "end":
        flush()
        turn = 0
        print("    end: %s" % json.dumps(d))
PY
done
check "the model ran (both fix tasks at least)" test "$ran_model" -ge 2
check "transcript files stay on the host, one per model task" test "$(ls "$WORK"/ws/*/transcript.jsonl 2>/dev/null | wc -l)" -ge "$ran_model"

# ------------------------------------------------------------ the rollup
for n in 1 2; do
    st=$(wl "{.status.conditions[?(@.type==\"Issue$n\")].status}")
    rs=$(wl "{.status.conditions[?(@.type==\"Issue$n\")].reason}")
    echo "rollup Issue$n: $st $rs $(wl "{.status.conditions[?(@.type==\"Issue$n\")].message}")"
    check "rollup: Issue$n decided" bash -c "[ '$st' = True ] || [ '$st' = False ]"
    check "rollup: Issue$n reason is not ours" bash -c "[[ ' Done $MODEL_REASONS' == *' $rs '* ]]"
done
check "workload: counts add up" test "$(($(wl '{.status.succeededTasks}') + $(wl '{.status.failedTasks}')))" = 6
check "no model-server error in the agent's log" bash -c "! grep -q 'ModelError' '$WORK/agent.log'"
check "git token: in no log or transcript" bash -c "! grep -rq gt-secret-value '$WORK/agent.log' '$WORK/ws'"

stop_agent TERM
check "agent exits 0" test "$STOP_RC" = 0
kill -TERM $OP_PID
summary

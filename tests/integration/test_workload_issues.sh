#!/usr/bin/env bash
# From a Workload of issues to reviewed, pushed branches, on the real
# control plane with real git: a local bare repository is the remote of a
# small Python project whose test fails, with two issue texts. A Workload
# names the two issues, a coder, a verifier and a reviewer Agent and a gate
# profile. The operator expands it into fix, verify and review tasks per
# issue; the agent (least privilege, native mode) runs them against two
# scripted model servers (the coder's on the agent's flags, the reviewer's
# as its cloud-proxy endpoint):
#   issue 1: the model fixes add(); the gate passes; the branch is pushed;
#            the verify task's gate passes (GATE-PASS); the review says GO
#            with a finding on a changed line;
#   issue 2: the model breaks mul(); the gate fails, the failure goes back
#            to the model, fails again: INCOMPLETE GateFailed with the
#            branch pushed; its verify and review fail UpstreamFailed.
# The Workload is Failed with conditions Issue1 (True, Done) and Issue2
# (False, GateFailed) naming branch, commit, gate and review. Every task's
# work tree and repository are gone afterwards; the transcripts stay.
. "$(dirname "$0")/agent_lib.sh"

setup_rbac || { bad "rbac setup"; summary; exit 1; }
NS=wl-issues-$RUN_ID
NODE=wl-issues-$RUN_ID
WL=fix
make_ns "$NS"
on_cleanup "$K delete fleetnode $NODE"
SCN=$FOREMAN_BIN/llm_scenario
G=foreman.llmkube.dev
# other tests' leftovers would take our node's slot
$K delete agentictasks,workloads --all-namespaces --all --wait=false >/dev/null 2>&1

# ------------------------------------------------------------ the remote
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

# ------------------------------------------------------------ the models
# the coder (flags' server): issue 1 is fixed; issue 2 is broken, twice
cat >"$WORK/coder" <<'EOF2'
tool str_replace {"path":"calc.py","old_str":"return a - b","new_str":"return a + b"}
tool submit_result {"verdict":"GO","summary":"add() adds","details":"calc.py: a - b -> a + b"}
tool str_replace {"path":"calc.py","old_str":"return a * b","new_str":"return a ** b"}
tool submit_result {"verdict":"GO","summary":"mul() for floats"}
tool submit_result {"verdict":"GO","summary":"mul() for floats, really"}
EOF2
# the reviewer (its Agent's cloud endpoint)
cat >"$WORK/reviewer" <<'EOF2'
tool submit_result {"verdict":"GO","summary":"the fix is right","details":"calc.py:2: now adds, as the issue asks"}
EOF2
"$SCN" "$WORK/coder" "$WORK/pc" &
on_cleanup "kill $!"
"$SCN" "$WORK/reviewer" "$WORK/pr" &
on_cleanup "kill $!"
wait_until 10 test -s "$WORK/pc"
wait_until 10 test -s "$WORK/pr"
PC=$(head -1 "$WORK/pc")
PR=$(head -1 "$WORK/pr")

$K apply -n "$NS" -f - >/dev/null <<YAML
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: coder}
spec: {role: coder, model: coder-model, tools: [read_file, str_replace, bash, submit_result]}
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
  providerConfig: {baseURL: "http://127.0.0.1:$PR", model: review-model}
  tools: [read_file, submit_result]
YAML

"$FOREMAN_BIN/foreman-operator" --kubeconfig "$KUBECONFIG" --metrics-bind-address=0 \
    --health-probe-bind-address=0 --node-stale-after=30s >"$WORK/operator.log" 2>&1 &
OP_PID=$!
on_cleanup "kill -KILL $OP_PID"
$K create secret generic git-token -n "$NS" --from-literal=token=gt-secret-value >/dev/null
start_agent "$WORK/agent.log" --fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s \
    --workspace-dir "$WORK/ws" --agent-mode native --llm-base-url "http://127.0.0.1:$PC" \
    --llm-model flag-model --llm-tool-choice required --git-token-secret git-token
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
wl_is() { [ "$(wl "$1")" = "$2" ]; }
issue() { wl "{.status.conditions[?(@.type==\"Issue$1\")].$2}"; }
t() { task_get "$NS" "$WL-$1" "$2"; }
tcond() { t "$1" "{.status.conditions[?(@.type==\"Completed\")].$2}"; }

check "expanded: six tasks" wait_until 20 $K get agentictask -n "$NS" $WL-issue-1 $WL-issue-1-verify $WL-issue-1-review \
    $WL-issue-2 $WL-issue-2-verify $WL-issue-2-review
check "expanded: the fix runs the coder with the gate" test "$(t issue-1 '{.spec.agentRef.name}/{.spec.gateProfile.commands.test}')" = "coder/python3 test_calc.py"
check "expanded: review after verify after fix" test "$(t issue-1-review '{.spec.dependsOn}')" = "[\"$WL-issue-1-verify\"]"
check "expanded: the branch named from workload and issue" test "$(t issue-2-verify '{.spec.payload.branch}')" = "foreman/$WL/issue-2"
check "workload: Failed in the end" wait_until 150 wl_is '{.status.phase}' Failed

# issue 1: fixed, gate passed, pushed, verified, reviewed GO
check "issue 1 fix: Succeeded GO" test "$(t issue-1 '{.status.phase}/{.status.verdict}')" = Succeeded/GO
B1=$(t issue-1 '{.status.branch}')
C1=$(t issue-1 '{.status.commitSHA}')
check "issue 1 fix: status.branch" test "$B1" = "foreman/$WL/issue-1"
check "issue 1 fix: status.commitSHA is the remote's branch" test "$(git --git-dir="$REMOTE" rev-parse "$B1" 2>&1)" = "$C1"
check "issue 1 fix: the commit holds the fix" bash -c "git --git-dir='$REMOTE' show '$C1':calc.py | grep -q 'return a + b'"
check "issue 1 fix: commit message from the model, signed off" bash -c \
    "git --git-dir='$REMOTE' log -1 --format=%B '$C1' | grep -q '^add() adds' && git --git-dir='$REMOTE' log -1 --format=%B '$C1' | grep -q '^Signed-off-by: '"
check "issue 1 fix: main untouched" bash -c "git --git-dir='$REMOTE' show main:calc.py | grep -q 'return a - b'"
check "issue 1 fix: the issue text reached the model" grep -q 'add(2, 3) returns -1' "$WORK/pc.requests"
check "issue 1 verify: GATE-PASS" test "$(t issue-1-verify '{.status.phase}/{.status.verdict}')" = Succeeded/GATE-PASS
check "issue 1 review: GO" test "$(t issue-1-review '{.status.phase}/{.status.verdict}')" = Succeeded/GO
check "issue 1 review: the diff reached the reviewer" grep -q '+    return a + b' "$WORK/pr.requests"
check "issue 1 review: its model" grep -q '"model":"review-model"' "$WORK/pr.requests"
check "issue 1 review: finding on a changed line" bash -c \
    "$K get agentictask $WL-issue-1-review -n $NS -o jsonpath='{.status.result}' | grep -q '\"onChangedLines\":1'"

# issue 2: the gate failed twice, INCOMPLETE GateFailed, branch pushed
check "issue 2 fix: Failed INCOMPLETE" test "$(t issue-2 '{.status.phase}/{.status.verdict}')" = Failed/INCOMPLETE
check "issue 2 fix: reason GateFailed" test "$(tcond issue-2 reason)" = GateFailed
check "issue 2 fix: the gate's failure went back to the model" grep -q 'Your GO was not accepted' "$WORK/pc.requests"
check "issue 2 fix: the edit tools stayed offered" bash -c "tail -1 '$WORK/pc.requests' | grep -q str_replace"
B2=$(t issue-2 '{.status.branch}')
C2=$(t issue-2 '{.status.commitSHA}')
check "issue 2 fix: branch pushed" test "$(git --git-dir="$REMOTE" rev-parse "foreman/$WL/issue-2" 2>&1)" = "$C2"
check "issue 2 fix: status.branch" test "$B2" = "foreman/$WL/issue-2"
check "issue 2 fix: WIP commit" bash -c "git --git-dir='$REMOTE' log -1 --format=%s '$C2' | grep -q '^WIP (gate failed)'"
check "issue 2 verify: UpstreamFailed" test "$(tcond issue-2-verify reason)" = UpstreamFailed
check "issue 2 review: UpstreamFailed" test "$(tcond issue-2-review reason)" = UpstreamFailed

# the rollup per issue
check "rollup: Issue1 True Done" test "$(issue 1 status)/$(issue 1 reason)" = True/Done
check "rollup: Issue1 names branch, commit, gate, review" test "$(issue 1 message)" = \
    "branch foreman/$WL/issue-1 commit ${C1:0:12} gate GATE-PASS review GO"
check "rollup: Issue2 False GateFailed" test "$(issue 2 status)/$(issue 2 reason)" = False/GateFailed
check "rollup: Issue2 names its pushed branch" test "$(issue 2 message)" = "branch foreman/$WL/issue-2 commit ${C2:0:12} gate - review -"
check "workload: counts" test "$(wl '{.status.succeededTasks}/{.status.failedTasks}')" = 3/3
check "the scripted coder was asked 5 times" test "$(wc -l <"$WORK/pc.requests")" = 5
check "workspaces reclaimed: no work tree or repository left" bash -c "! ls -d '$WORK'/ws/*/work '$WORK'/ws/*/git 2>/dev/null | grep -q ."
check "git token: in no log, transcript or request" bash -c "! grep -rq gt-secret-value '$WORK/agent.log' '$WORK/ws' '$WORK/pc.requests' '$WORK/pr.requests'"
check "git token: its file removed with the task" bash -c "! ls '$WORK'/ws/*/git-token 2>/dev/null | grep -q ."
check "workspaces reclaimed: the transcripts stay (fix, fix, review)" test "$(ls "$WORK"/ws/*/transcript.jsonl | wc -l)" = 3

stop_agent TERM
check "agent exits 0" test "$STOP_RC" = 0
kill -TERM $OP_PID
summary

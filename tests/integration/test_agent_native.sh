#!/usr/bin/env bash
# foreman-agent with --agent-mode native on the real control plane: a task
# on a local git repository whose scripted model (llm_scenario, a real HTTP
# server streaming SSE) edits a file, runs the repository's tests with bash
# in the sandbox and submits GO. Checks: the task Succeeded with verdict GO,
# the envelope's turns, usage and filesChanged, the edit in the workspace,
# the transcript ConfigMap owned by the task and named by transcriptRef,
# and that the API key reached the server but no log, transcript or tool.
# Then a model that never calls a tool: Failed, reason NoToolCall.
. "$(dirname "$0")/agent_lib.sh"

setup_rbac || { bad "rbac setup"; summary; exit 1; }
NS=agent-native-$RUN_ID
NODE=nativenode-$RUN_ID
make_ns "$NS"
on_cleanup "$K delete fleetnode $NODE"
SCN=$FOREMAN_BIN/llm_scenario

# the repository: a script and its test, which fails until add.sh is fixed
REPO=$WORK/repo
mkdir -p "$REPO"
(cd "$REPO" && git init -q && printf 'echo $((1+1))\n' >add.sh &&
    printf 'test "$(sh add.sh)" = 3 && echo TESTS-PASS || { echo TESTS-FAIL; exit 1; }\n' >test.sh &&
    git add . && git -c user.email=it@example -c user.name=it commit -qm init) || bad "repo setup"

cat >"$WORK/script" <<'EOF2'
tool list_files {}
tool read_file {"path":"add.sh"}
tool str_replace {"path":"add.sh","old_str":"1+1","new_str":"1+2"}
tool bash BASH_CALL
tool submit_result {"verdict":"GO","summary":"add.sh fixed; tests pass","details":"1+1 -> 1+2"}
reasoning hmm
text I am done.
text Really done.
text Still done.
text Done!
EOF2
# the bash turn: the repo's tests, then what it can see of the agent's secrets
sed -i "s|BASH_CALL|{\"command\":\"sh test.sh; echo KEY=\$(env \| grep -c sk-it-\$(echo secret)) KC=\$(cat $AGENT_KC \| grep -c client-key)\"}|" "$WORK/script"
"$SCN" "$WORK/script" "$WORK/port" &
SCN_PID=$!
on_cleanup "kill $SCN_PID"
wait_until 10 test -s "$WORK/port"
PORT=$(head -1 "$WORK/port")
echo sk-it-secret >"$WORK/key"

start_agent "$WORK/agent.log" --fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s \
    --workspace-dir "$WORK/ws" --agent-mode native --llm-base-url "http://127.0.0.1:$PORT" \
    --llm-model scripted --llm-api-key-file "$WORK/key" --llm-tool-choice required,auto --workspace-keep
wait_until 10 fn_is "$NODE" '{.status.phase}' Ready

cond() { task_get "$NS" "$1" "{.status.conditions[?(@.type==\"$2\")].$3}"; }
result_field() { task_get "$NS" "$1" '{.status.result}' | python3 -c "import json,sys; print(json.load(sys.stdin)$2)"; }

$K apply -n "$NS" -f - >/dev/null <<EOF
{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask",
 "metadata":{"name":"fix","labels":{"foreman.llmkube.dev/assigned-node":"$NODE"}},
 "spec":{"kind":"issue-fix","modelRef":"scripted","timeoutSeconds":120,
         "payload":{"prompt":"Make the tests pass.","repo":"$REPO"}}}
EOF
schedule_task "$NS" fix "$NODE"
check "native: Succeeded" wait_until 60 phase_is "$NS" fix Succeeded
check "native: verdict GO" test "$(task_get "$NS" fix '{.status.verdict}')" = GO
check "native: envelope kind native" test "$(result_field fix "['kind']")" = native
check "native: summary from submit_result" test "$(result_field fix "['summary']")" = "add.sh fixed; tests pass"
check "native: 5 turns" test "$(result_field fix "['extra']['turns']")" = 5
check "native: server usage summed" test "$(result_field fix "['extra']['usage']['promptTokens']")" = 500
check "native: files changed" test "$(result_field fix "['extra']['filesChanged']")" = "['add.sh']"
check "native: details" test "$(result_field fix "['extra']['details']")" = "1+1 -> 1+2"
WS_ADD=$(ls -d "$WORK"/ws/"$NS"-fix-*/work/add.sh 2>/dev/null | head -1)
check "native: the edit is in the workspace clone" grep -q '1+2' "$WS_ADD"
check "native: the repo's tests ran and passed in bash" grep -q 'TESTS-PASS' "$WORK/port.requests"
check "native: the key is not in bash's environment" grep -q 'KEY=0 ' "$WORK/port.requests"
check "native: the agent's kubeconfig is unreadable from bash" grep -q 'KC=0' "$WORK/port.requests"
check "native: progress condition written" test "$(cond fix Progress reason)" = Working
TR=$(task_get "$NS" fix '{.status.transcriptRef}')
check "native: transcriptRef names a ConfigMap" test "${TR#configmaps/}" != "$TR"
CM=${TR#configmaps/}
check "native: ConfigMap owned by the task" test "$($K get configmap "$CM" -n "$NS" -o jsonpath='{.metadata.ownerReferences[0].name}')" = fix
$K get configmap "$CM" -n "$NS" -o jsonpath='{.data.transcript\.jsonl}' >"$WORK/transcript" 2>/dev/null
check "native: transcript holds requests and tool results" grep -q '"kind":"tool"' "$WORK/transcript"
check "native: transcript ends with the verdict" grep -q '"verdict":"GO"' "$WORK/transcript"
check "native: the key is in no transcript" bash -c "! grep -q sk-it-secret '$WORK/transcript'"
check "native: the key is in no log" bash -c "! grep -q sk-it-secret '$WORK/agent.log'"
FULL=$($K get configmap "$CM" -n "$NS" -o jsonpath='{.data.path}')
check "native: the whole transcript stays on the host" test -s "$FULL"

# a model that only talks: nudged, then Failed with NoToolCall
$K apply -n "$NS" -f - >/dev/null <<EOF
{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask",
 "metadata":{"name":"talk","labels":{"foreman.llmkube.dev/assigned-node":"$NODE"}},
 "spec":{"kind":"freeform","modelRef":"scripted","payload":{"prompt":"Say hi."}}}
EOF
schedule_task "$NS" talk "$NODE"
check "native talk: Failed" wait_until 60 phase_is "$NS" talk Failed
check "native talk: reason NoToolCall" test "$(cond talk Completed reason)" = NoToolCall
check "native talk: verdict INCOMPLETE" test "$(task_get "$NS" talk '{.status.verdict}')" = INCOMPLETE

stop_agent TERM
check "agent exits 0" test "$STOP_RC" = 0
summary

#!/usr/bin/env bash
# foreman-agent running AgenticTasks with no operator: the test plays the
# operator (label + status Scheduled) and checks claim, run and terminal
# status for the stub and exec executors (success, failure, timeout, huge
# output, result file with NO-GO), cancellation on delete, return to Pending
# on shutdown and on restart recovery, and a claim that conflicts with a
# concurrent change (re-read, never overwrite) or with a claim whose answer
# was lost (given back). The agent runs as a user
# with only the agent's RBAC.
. "$(dirname "$0")/agent_lib.sh"

setup_rbac || { bad "rbac setup"; summary; exit 1; }
NS=agent-tasks-$RUN_ID
NODE=tasknode-$RUN_ID
make_ns "$NS"
on_cleanup "$K delete fleetnode $NODE"
COMMON=(--fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s)

# Direct reads with curl (fast enough to time the claim).
CURL=(curl -sf --cacert "$TESTENV_DIR/pki/ca.crt" --cert "$TESTENV_DIR/pki/admin.crt" --key "$TESTENV_DIR/pki/admin.key")
raw_phase() {
    "${CURL[@]}" "$TESTENV_SERVER/apis/foreman.llmkube.dev/v1alpha1/namespaces/$NS/agentictasks/$1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",{}).get("phase",""))'
}
label_of() { task_get "$NS" "$1" '{.metadata.labels.foreman\.llmkube\.dev/assigned-node}'; }
cond() { # task type field
    task_get "$NS" "$1" "{.status.conditions[?(@.type==\"$2\")].$3}"
}
result_field() { # task field
    task_get "$NS" "$1" '{.status.result}' | python3 -c "import json,sys; print(json.load(sys.stdin)$2)"
}

# ---- 1. stub: claim, run, Succeeded GO with the envelope
start_agent "$WORK/stub.log" "${COMMON[@]}" --stub-sleep 2s
wait_until 10 grep -q 'FleetNode created\|FleetNode up to date' "$WORK/stub.log"
wait_until 10 fn_is "$NODE" '{.status.phase}' Ready
$K apply -n "$NS" -f - >/dev/null <<EOF
{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask",
 "metadata":{"name":"s1","labels":{"foreman.llmkube.dev/assigned-node":"$NODE"}},
 "spec":{"kind":"verify","modelRef":"qwen3:8b","payload":{"prompt":"hi"}}}
EOF
sleep 1 # the agent has seen the task (not Scheduled yet) by now
t0=$(now_ms)
schedule_task "$NS" s1 "$NODE"
while [ "$(raw_phase s1)" != Running ] && [ $(($(now_ms) - t0)) -lt 10000 ]; do sleep 0.01; done
claim_ms=$(($(now_ms) - t0))
echo "# Scheduled -> Running observed after ${claim_ms} ms (includes the patch and the polling)"
check "stub: claimed (Running)" test "$(task_get "$NS" s1 '{.status.phase}')" = Running
check "stub: claimed quickly (${claim_ms} ms)" test "$claim_ms" -lt 1500
check "stub: claimedAt and startedAt set" test -n "$(task_get "$NS" s1 '{.status.claimedAt}')" -a -n "$(task_get "$NS" s1 '{.status.startedAt}')"
check "stub: condition Running/Claimed" test "$(cond s1 Running reason)" = Claimed
check "stub: FleetNode currentTask shows the task" wait_until 3 fn_is "$NODE" '{.status.currentTask}' s1
check "stub: Succeeded" wait_until 10 phase_is "$NS" s1 Succeeded
check "stub: verdict GO" test "$(task_get "$NS" s1 '{.status.verdict}')" = GO
check "stub: envelope schemaVersion" test "$(result_field s1 '["schemaVersion"]')" = foreman.v1
check "stub: envelope kind" test "$(result_field s1 '["kind"]')" = stub
check "stub: envelope verdict" test "$(result_field s1 '["verdict"]')" = GO
check "stub: extra agentName/taskKind/modelRef" test "$(task_get "$NS" s1 '{.status.result.extra.agentName}/{.status.result.extra.taskKind}/{.status.result.extra.modelRef}')" = "$NODE/verify/qwen3:8b"
check "stub: elapsedSec about the stub sleep" python3 -c "import sys; v=float('$(task_get "$NS" s1 '{.status.result.elapsedSec}')'); sys.exit(0 if 1.9 <= v < 10 else 1)"
check "stub: finishedAt set" test -n "$(task_get "$NS" s1 '{.status.finishedAt}')"
check "stub: condition Completed True" test "$(cond s1 Completed status)" = True
check "stub: FleetNode idle again" wait_until 3 fn_is "$NODE" '{.status.currentTask}' ""

# ---- 2. deleted while running: cancelled; a timeout fails the task
stop_agent TERM
start_agent "$WORK/stub60.log" "${COMMON[@]}" --stub-sleep 60s
make_task "$NS" s2 "$NODE"
check "delete: task running" wait_until 10 phase_is "$NS" s2 Running
$K delete agentictask s2 -n "$NS" >/dev/null
check "delete: running task cancelled" wait_until 5 grep -q 'task deleted or taken away while running; cancelling.*task=s2' "$WORK/stub60.log"
check "delete: slot freed (FleetNode idle)" wait_until 5 fn_is "$NODE" '{.status.currentTask}' ""
make_task "$NS" s3 "$NODE" ',"timeoutSeconds":1'
check "timeout: task claimed after the cancelled one" wait_until 10 phase_is "$NS" s3 Running
check "timeout: Failed" wait_until 10 phase_is "$NS" s3 Failed
check "timeout: verdict INCOMPLETE" test "$(task_get "$NS" s3 '{.status.verdict}')" = INCOMPLETE
check "timeout: Completed False reason Timeout" test "$(cond s3 Completed status)/$(cond s3 Completed reason)" = False/Timeout
check "timeout: message names the timeout" sh -c "$K get at s3 -n $NS -o jsonpath='{.status.conditions[?(@.type==\"Completed\")].message}' | grep -q 'timeout of 1s'"

# ---- 3. shutdown gives a running task back (Pending; the routing label is
# the operator's to remove, and no operator runs here)
make_task "$NS" s4 "$NODE"
check "shutdown: task running" wait_until 10 phase_is "$NS" s4 Running
stop_agent TERM
check "shutdown: exit 0 within 6 s (${STOP_MS} ms)" test "$STOP_RC" = 0 -a "$STOP_MS" -lt 6000
check "shutdown: task back to Pending" phase_is "$NS" s4 Pending
check "shutdown: reason AgentShutdown" test "$(cond s4 Running reason)" = AgentShutdown
check "shutdown: assignedNode cleared" test -z "$(task_get "$NS" s4 '{.status.assignedNode}')"
check "shutdown: claimedAt cleared" test -z "$(task_get "$NS" s4 '{.status.claimedAt}')"
check "shutdown: the agent did not write the label (no patch on tasks)" test "$(label_of s4)" = "$NODE"
check "shutdown: FleetNode Draining" test "$(fn_get "$NODE" '{.status.phase}')" = Draining

# ---- 4. restart recovery: a task this node left Running goes back to Pending
make_task "$NS" s5 "$NODE"
$K patch at s5 -n "$NS" --subresource status --type merge -p \
    '{"status":{"phase":"Running","claimedAt":"2024-01-01T00:00:00Z","startedAt":"2024-01-01T00:00:00Z"}}' >/dev/null
make_task "$NS" s6 "$NODE"
$K patch at s6 -n "$NS" --subresource status --type merge -p \
    "{\"status\":{\"phase\":\"Running\",\"assignedNode\":\"other-node\",\"claimedAt\":\"2024-01-01T00:00:00Z\"}}" >/dev/null
start_agent "$WORK/recover.log" "${COMMON[@]}" --stub-sleep 60s
check "recovery: orphaned task back to Pending" wait_until 10 phase_is "$NS" s5 Pending
check "recovery: reason AgentRestartRecovery" test "$(cond s5 Running reason)" = AgentRestartRecovery
check "recovery: assignedNode cleared" test -z "$(task_get "$NS" s5 '{.status.assignedNode}')"
check "recovery: another node's task untouched" test "$(task_get "$NS" s6 '{.status.phase}/{.status.assignedNode}')" = Running/other-node
stop_agent TERM

# ---- 5. a concurrent change makes the claim re-read, never overwrite
export FOREMAN_AGENT_TEST_CLAIM_DELAY=2s
start_agent "$WORK/conflict.log" "${COMMON[@]}" --stub-sleep 1s
unset FOREMAN_AGENT_TEST_CLAIM_DELAY
wait_until 10 grep -q 'FleetNode up to date' "$WORK/conflict.log"
make_task "$NS" c1 "$NODE"
sleep 0.7 # the agent has read the task and waits before patching
$K patch at c1 -n "$NS" --subresource status --type merge -p \
    '{"status":{"conditions":[{"type":"Scheduled","status":"True","reason":"FleetNodeAssigned","message":"by the operator","lastTransitionTime":"2024-01-01T00:00:00Z"}]}}' >/dev/null
check "conflict: claim re-read and succeeded" wait_until 10 grep -q 'task claimed" task=c1' "$WORK/conflict.log"
check "conflict: task completed" wait_until 15 phase_is "$NS" c1 Succeeded
check "conflict: the concurrent change was kept" test "$(cond c1 Scheduled reason)" = FleetNodeAssigned
check "conflict: 409 seen and handled" grep -q 'claim conflicted; reading the task again" task=c1' "$WORK/conflict.log"
make_task "$NS" c2 "$NODE"
sleep 0.7
$K patch at c2 -n "$NS" --subresource status --type merge -p '{"status":{"assignedNode":"elsewhere"}}' >/dev/null
sleep 4
check "conflict: task moved elsewhere is not claimed" test "$(task_get "$NS" c2 '{.status.phase}/{.status.assignedNode}')" = Scheduled/elsewhere
check "conflict: moved task re-read, not claimed" test "$(grep -c 'task claimed" task=c2' "$WORK/conflict.log")" = 0
check "conflict: the moved task was re-read after a 409" grep -q 'claim conflicted; reading the task again" task=c2' "$WORK/conflict.log"
# A claim applied by the server whose answer the agent lost (an API server
# killed mid-request) looks to the agent exactly like this: Running here,
# claimed by nobody it knows. It must go back to Pending, and nothing but
# the task's own update can tell the agent so.
make_task "$NS" c3 "$NODE"
sleep 0.7
$K patch at c3 -n "$NS" --subresource status --type merge -p \
    '{"status":{"phase":"Running","claimedAt":"2024-01-01T00:00:00Z","startedAt":"2024-01-01T00:00:00Z"}}' >/dev/null
check "lost claim: re-read after a 409" wait_until 10 grep -q 'claim conflicted; reading the task again" task=c3' "$WORK/conflict.log"
check "lost claim: task back to Pending" wait_until 10 phase_is "$NS" c3 Pending
check "lost claim: reason ClaimLost" test "$(cond c3 Running reason)" = ClaimLost
check "lost claim: not run here" test "$(grep -c 'task claimed" task=c3' "$WORK/conflict.log")" = 0
stop_agent TERM

# ---- 6. exec executor
# Commands may run in their own PID namespace, where $$ is not the pid seen
# here: the sleeping one is found by a command line of its own. A finished
# task's directory is emptied, so stdin is kept outside it.
SLEEPARG=$((3000 + $$ % 5000))
sleep_gone() { ! pgrep -f "^sleep $SLEEPARG\$" >/dev/null; }
cat >"$WORK/task.sh" <<EOF
case "\$FOREMAN_TASK_PROMPT" in
ok) echo "hello from \$FOREMAN_TASK_NAME in \$FOREMAN_TASK_NAMESPACE kind=\$FOREMAN_TASK_KIND repo=\$FOREMAN_TASK_REPO"; cat > "$WORK/stdin.json" ;;
fail) i=0; while [ \$i -lt 3000 ]; do echo "noise-\$i"; i=\$((i+1)); done; echo boom-output; exit 3 ;;
sleep) echo \$\$ > "$WORK/sleep.pid"; exec sleep $SLEEPARG ;;
huge) head -c 3000000 /dev/zero | tr '\\0' y; echo; echo tail-marker ;;
nogo) echo '{"verdict":"NO-GO","summary":"found problems","extra":{"issues":3}}' > "\$FOREMAN_RESULT_FILE" ;;
esac
EOF
start_agent "$WORK/exec.log" "${COMMON[@]}" --agent-mode exec --task-command "sh $WORK/task.sh" \
    --workspace-dir "$WORK/ws" --kill-grace 1s
PROMPT=ok make_task "$NS" e-ok "$NODE"
check "exec ok: Succeeded" wait_until 15 phase_is "$NS" e-ok Succeeded
check "exec ok: verdict GO" test "$(task_get "$NS" e-ok '{.status.verdict}')" = GO
check "exec ok: envelope kind exec" test "$(task_get "$NS" e-ok '{.status.result.kind}')" = exec
tr=$(task_get "$NS" e-ok '{.status.transcriptRef}')
check "exec ok: transcriptRef in the workspace" test "${tr#"$WORK/ws/"}" != "$tr" -a -f "$tr"
check "exec ok: transcript holds the output and env" grep -q "hello from e-ok in $NS kind=verify repo=acme/app" "$tr"
check "exec ok: task JSON on stdin" grep -q '"name":"e-ok"' "$WORK/stdin.json"

PROMPT=fail make_task "$NS" e-fail "$NODE"
check "exec fail: Failed" wait_until 15 phase_is "$NS" e-fail Failed
check "exec fail: verdict INCOMPLETE" test "$(task_get "$NS" e-fail '{.status.verdict}')" = INCOMPLETE
check "exec fail: reason CommandFailed" test "$(cond e-fail Completed reason)" = CommandFailed
msg=$(cond e-fail Completed message)
check "exec fail: message has the exit status" grep -q 'exited with status 3' <<<"$msg"
# The output stays in the transcript: conditions are for anyone who can
# read tasks (issue #17).
check "exec fail: message leaves the output out" sh -c "! printf '%s' \"\$1\" | grep -q boom-output" _ "$msg"
check "exec fail: message points at the transcript" grep -q 'output in .*transcript.log on the node' <<<"$msg"
check "exec fail: message is short" test "${#msg}" -lt 600

PROMPT=sleep make_task "$NS" e-timeout "$NODE" ',"timeoutSeconds":2'
check "exec timeout: Failed" wait_until 20 phase_is "$NS" e-timeout Failed
check "exec timeout: reason Timeout" test "$(cond e-timeout Completed reason)" = Timeout
check "exec timeout: process killed" wait_until 3 sleep_gone

PROMPT=huge make_task "$NS" e-huge "$NODE"
check "exec huge: Succeeded" wait_until 20 phase_is "$NS" e-huge Succeeded
tr=$(task_get "$NS" e-huge '{.status.transcriptRef}')
check "exec huge: transcript capped at 1 MiB" test "$(stat -c %s "$tr")" -le 1048576
check "exec huge: output bytes counted" test "$(task_get "$NS" e-huge '{.status.result.extra.outputBytes}')" = 3000013

PROMPT=nogo make_task "$NS" e-nogo "$NODE"
check "exec NO-GO: Succeeded" wait_until 15 phase_is "$NS" e-nogo Succeeded
check "exec NO-GO: verdict from the result file" test "$(task_get "$NS" e-nogo '{.status.verdict}')" = NO-GO
check "exec NO-GO: summary and extra" test "$(task_get "$NS" e-nogo '{.status.result.summary}/{.status.result.extra.issues}')" = "found problems/3"

rm -f "$WORK/sleep.pid"
PROMPT=sleep make_task "$NS" e-cancel "$NODE"
check "exec cancel: running" wait_until 15 test -s "$WORK/sleep.pid"
$K delete at e-cancel -n "$NS" >/dev/null
check "exec cancel: process stopped after delete" wait_until 5 sleep_gone
check "no write errors in the logs" sh -c "! grep -h 'level=error' $WORK/*.log"
stop_agent TERM
check "exec agent: exit 0" test "$STOP_RC" = 0

# ---- 7. --max-concurrent-tasks 2 and the metrics endpoint
start_agent "$WORK/conc.log" "${COMMON[@]}" --stub-sleep 6s --max-concurrent-tasks 2 \
    --metrics-bind-address 127.0.0.1:0
wait_until 10 grep -q 'serving metrics' "$WORK/conc.log"
PORT=$(sed -n 's/.*msg="serving metrics".* port=\([0-9]*\).*/\1/p' "$WORK/conc.log")
for n in m1 m2 m3; do make_task "$NS" "$n" "$NODE"; done
count_phase() { $K get at m1 m2 m3 -n "$NS" -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' | grep -c "^$1\$"; }
running() { [ "$(count_phase Running)" = "$1" ]; }
check "concurrency: two tasks run at once" wait_until 10 running 2
check "concurrency: the third waits" test "$(count_phase Scheduled)" = 1
check "concurrency: FleetNode spec.maxConcurrentTasks" test "$(fn_get "$NODE" '{.spec.maxConcurrentTasks}')" = 2
check "concurrency: all three succeed" wait_until 30 sh -c "test \"\$($K get at m1 m2 m3 -n $NS -o jsonpath='{.items[*].status.phase}')\" = 'Succeeded Succeeded Succeeded'"
metrics=$(curl -sf "http://127.0.0.1:$PORT/metrics")
check "metrics: tasks by verdict" grep -q '^foreman_agent_tasks_total{verdict="GO"} 3' <<<"$metrics"
check "metrics: heartbeats ok" grep -Eq '^foreman_agent_heartbeats_total\{result="ok"\} [1-9]' <<<"$metrics"
check "metrics: last heartbeat time" grep -Eq '^foreman_agent_last_heartbeat_timestamp_seconds [1-9]' <<<"$metrics"
check "metrics: client-go rest_client_requests_total" grep -Eq '^rest_client_requests_total\{code="200",method="PATCH",host="[^"]+"\} [1-9]' <<<"$metrics"
check "metrics: client-go rest_client_request_duration_seconds" grep -Eq '^rest_client_request_duration_seconds_count\{verb="GET",host="[^"]+"\} [1-9]' <<<"$metrics"
check "metrics: no rate limiter family without a limit" bash -c '! grep -q rest_client_rate_limiter <<<"$1"' _ "$metrics"
stop_agent TERM
summary

#!/usr/bin/env bash
# FleetNode health, claim expiry and the timeout backstop, against the real
# control plane: a SIGKILLed agent's node goes NotReady and its running task
# is released and finished elsewhere; staleness is detected at the deadline
# and undone by the next heartbeat; unclaimed tasks leave a Draining node;
# the third expiry fails a task; silent Draining nodes are reaped; a Running
# task past timeoutSeconds + 60 s is failed with reason Timeout exactly at
# its deadline. Some nodes are played by the test itself (status patches),
# so it controls their heartbeats.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

# The routing label is forced on so its write and removal stay covered.
# /metrics on a free port, with a client-side limit set so the rate
# limiter's family is exported too.
MPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_operator operator --draining-reap-after=6s --assigned-node-label=true \
    --metrics-bind-address=127.0.0.1:$MPORT --kube-api-qps=1000; OP=$LAST

now_rfc() { date -u -d "@$(($(date +%s) + ${1:-0}))" +%Y-%m-%dT%H:%M:%SZ; }

# fake_node NAME LABEL: a FleetNode the test owns; heartbeats come from
# hb_loop, whose phase is read from $WORK/NAME.phase ("stop" = silent).
fake_node() {
    NODES="$NODES $1"
    $K apply -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: FleetNode
metadata: {name: $1, labels: {fake: "$2"}}
spec: {nodeName: $1, maxConcurrentTasks: 2}
EOF
    echo Ready >"$WORK/$1.phase"
    (
        while :; do
            ph=$(cat "$WORK/$1.phase")
            if [ "$ph" != stop ]; then
                $K patch fleetnode "$1" --subresource=status --type=merge -p \
                    "{\"status\":{\"phase\":\"$ph\",\"lastHeartbeatTime\":\"$(now_rfc)\",\"capability\":{\"accelerator\":\"none\",\"availableRAMGB\":8}}}" >/dev/null 2>&1
            fi
            sleep 1
        done
    ) &
    track $!
    wait_for 10 sh -c "[ \"\$($K get fleetnode $1 -o jsonpath='{.status.phase}')\" = Ready ]"
}
node_phase() { $K get fleetnode "$1" -o jsonpath='{.status.phase}' 2>/dev/null; }
node_phase_is() { [ "$(node_phase "$1")" = "$2" ]; }

# ---------------------------------------------------------------- 1. SIGKILL mid-task
NS=op-kill-$RUN
new_ns "$NS"
record_transitions "$NS" "$WORK/kill.tr"; W=$LAST
start_agent "kill-a-$RUN" "$NS" --stub-sleep=8s; A=$LAST
task "$NS" k1
check "kill: running on a" wait_for 30 sh -c "[ \"\$($K get agentictask -n $NS k1 -o jsonpath='{.status.phase}/{.status.assignedNode}')\" = Running/kill-a-$RUN ]"
start_agent "kill-b-$RUN" "$NS" --stub-sleep=1s; B=$LAST
wait_for 10 node_phase_is "kill-b-$RUN" Ready
stop_pid "$A" KILL
check "kill: node a NotReady" wait_for 15 node_phase_is "kill-a-$RUN" NotReady
check "kill: reason HeartbeatStale" test "$($K get fleetnode kill-a-$RUN -o jsonpath='{.status.conditions[?(@.type=="Ready")].reason}')" = HeartbeatStale
check "kill: task Succeeded elsewhere" wait_for 40 phase_is "$NS" k1 Succeeded
check "kill: finished on b" test "$(field_of "$NS" k1 '{.status.assignedNode}')" = "kill-b-$RUN"
check "kill: result from agent b" test "$(field_of "$NS" k1 '{.status.result.extra.agentName}')" = "kill-b-$RUN"
check "kill: claim-expiries 1" test "$(field_of "$NS" k1 '{.metadata.annotations.foreman\.llmkube\.dev/claim-expiries}')" = 1
check "kill: ClaimExpired condition" test "$(field_of "$NS" k1 '{.status.conditions[?(@.type=="ClaimExpired")].status}')" = True
sleep 0.5
seq=$(awk '$3 == "k1" { s = $4 "@" $5; if (s != prev) printf "%s ", s; prev = s }' "$WORK/kill.tr")
check "kill: released before running again ($seq)" sh -c "echo '$seq' | grep -q 'Running@kill-a-$RUN Pending@- .*Running@kill-b-$RUN Succeeded@kill-b-$RUN'"
check "kill: never Running on b while held by a" sh -c "! echo '$seq' | grep -q 'Running@kill-a-$RUN [A-Za-z]*@kill-b'"
stop_pid "$B"
stop_pid "$W"
end_ns "$NS"

# ---------------------------------------------------------------- 2. staleness timing
fake_node "stale-$RUN" stale-$RUN
echo stop >"$WORK/stale-$RUN.phase"
sleep 1.2
hb=$($K get fleetnode "stale-$RUN" -o jsonpath='{.status.lastHeartbeatTime}')
hb_s=$(date -u -d "$hb" +%s)
wait_for 20 node_phase_is "stale-$RUN" NotReady
seen=$(date +%s)
lt=$($K get fleetnode "stale-$RUN" -o jsonpath='{.status.conditions[?(@.type=="Ready")].lastTransitionTime}')
lt_s=$(date -u -d "$lt" +%s)
check "stale: NotReady at the deadline (heartbeat $hb_s, marked $lt_s)" test $((lt_s - hb_s)) -ge 5 -a $((lt_s - hb_s)) -le 7
echo Ready >"$WORK/stale-$RUN.phase"
check "stale: heartbeat makes it Ready again" wait_for 10 node_phase_is "stale-$RUN" Ready
check "stale: Ready condition back to True" wait_for 10 sh -c "[ \"\$($K get fleetnode stale-$RUN -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}')\" = True ]"
echo stop >"$WORK/stale-$RUN.phase"
end_ns "$NS"

# ---------------------------------------------------------------- 3. draining, expiry limit
NS=op-drain-$RUN
new_ns "$NS"
fake_node "drain-$RUN" drain-$RUN
task "$NS" d1 "requiredCapability: {nodeSelector: {fake: drain-$RUN}}"
check "drain: d1 Scheduled on the fake node" wait_for 20 phase_is "$NS" d1 Scheduled
check "drain: routing label set" test "$(field_of "$NS" d1 '{.metadata.labels.foreman\.llmkube\.dev/assigned-node}')" = "drain-$RUN"
echo Draining >"$WORK/drain-$RUN.phase"
check "drain: unclaimed task released to Pending" wait_for 20 phase_is "$NS" d1 Pending
check "drain: reason FleetNodeDraining" test "$(field_of "$NS" d1 '{.status.conditions[?(@.type=="ClaimExpired")].reason}')" = FleetNodeDraining
check "drain: label removed" wait_for 10 test -z "$(field_of "$NS" d1 '{.metadata.labels.foreman\.llmkube\.dev/assigned-node}')"
check "drain: counter 1" test "$(field_of "$NS" d1 '{.metadata.annotations.foreman\.llmkube\.dev/claim-expiries}')" = 1
check "drain: stays Pending while the node drains" sh -c "sleep 2; [ \"\$($K get agentictask -n $NS d1 -o jsonpath='{.status.phase}')\" = Pending ]"
# third expiry: the counter says 2, the node comes back, then drains again
$K annotate agentictask -n "$NS" d1 --overwrite foreman.llmkube.dev/claim-expiries=2 >/dev/null
echo Ready >"$WORK/drain-$RUN.phase"
check "expiry limit: placed again" wait_for 20 phase_is "$NS" d1 Scheduled
echo Draining >"$WORK/drain-$RUN.phase"
check "expiry limit: third expiry fails it" wait_for 20 phase_is "$NS" d1 Failed
check "expiry limit: reason ClaimExpiryLimitReached" test "$(field_of "$NS" d1 '{.status.conditions[?(@.type=="Completed")].reason}')" = ClaimExpiryLimitReached
check "expiry limit: verdict INCOMPLETE" test "$(field_of "$NS" d1 '{.status.verdict}')" = INCOMPLETE
end_ns "$NS"

# ---------------------------------------------------------------- 4. reaping
echo stop >"$WORK/drain-$RUN.phase"
check "reap: silent Draining node deleted" wait_for 30 sh -c "! $K get fleetnode drain-$RUN >/dev/null 2>&1"
check "reap: NotReady nodes are kept" $K get fleetnode "stale-$RUN"
end_ns "$NS"

# ---------------------------------------------------------------- 5. timeout backstop
NS=op-timeout-$RUN
new_ns "$NS"
fake_node "tmo-$RUN" tmo-$RUN
task "$NS" late "timeoutSeconds: 1" "requiredCapability: {nodeSelector: {fake: tmo-$RUN}}"
task "$NS" soon "timeoutSeconds: 1" "requiredCapability: {nodeSelector: {fake: tmo-$RUN}}"
wait_for 20 phase_is "$NS" late Scheduled
wait_for 20 phase_is "$NS" soon Scheduled
# The test plays the agent: it claims both, one long ago, one 58 s ago
# (deadline = start + 1 s + 60 s grace = 3 s from now).
$K patch agentictask -n "$NS" late --subresource=status --type=merge -p \
    "{\"status\":{\"phase\":\"Running\",\"claimedAt\":\"$(now_rfc -300)\",\"startedAt\":\"$(now_rfc -300)\"}}" >/dev/null
start=$(now_rfc -58)
$K patch agentictask -n "$NS" soon --subresource=status --type=merge -p \
    "{\"status\":{\"phase\":\"Running\",\"claimedAt\":\"$start\",\"startedAt\":\"$start\"}}" >/dev/null
t0=$(date +%s)
check "timeout: long overdue task Failed" wait_for 10 phase_is "$NS" late Failed
check "timeout: reason Timeout" test "$(field_of "$NS" late '{.status.conditions[?(@.type=="Completed")].reason}')" = Timeout
check "timeout: verdict INCOMPLETE" test "$(field_of "$NS" late '{.status.verdict}')" = INCOMPLETE
check "timeout: not failed before its deadline" phase_is "$NS" soon Running
check "timeout: failed at its deadline" wait_for 10 phase_is "$NS" soon Failed
dt=$(($(date +%s) - t0))
check "timeout: within 2..6 s (took $dt s)" test $dt -ge 1 -a $dt -le 6
echo stop >"$WORK/tmo-$RUN.phase"

# client-go's REST client families, with live values (docs/operations.md)
metrics=$(curl -sf "http://127.0.0.1:$MPORT/metrics")
HOSTL=${TESTENV_SERVER#https://}
HOSTL=${HOSTL%%/*}
check "metrics: rest_client_requests_total for GETs" grep -Eq "^rest_client_requests_total\{code=\"200\",method=\"GET\",host=\"$HOSTL\"\} [1-9]" <<<"$metrics"
check "metrics: rest_client_requests_total for PATCHes" grep -Eq "^rest_client_requests_total\{code=\"200\",method=\"PATCH\",host=\"$HOSTL\"\} [1-9]" <<<"$metrics"
check "metrics: request duration with client-go's first bucket" grep -Eq "^rest_client_request_duration_seconds_bucket\{verb=\"PATCH\",host=\"$HOSTL\",le=\"0.005\"\} [0-9]" <<<"$metrics"
check "metrics: request duration with client-go's last bucket" grep -Eq "^rest_client_request_duration_seconds_bucket\{verb=\"GET\",host=\"$HOSTL\",le=\"60\"\} [1-9]" <<<"$metrics"
check "metrics: request duration count" grep -Eq "^rest_client_request_duration_seconds_count\{verb=\"GET\",host=\"$HOSTL\"\} [1-9]" <<<"$metrics"
check "metrics: rate limiter latency" grep -Eq "^rest_client_rate_limiter_duration_seconds_count\{verb=\"(GET|PATCH)\",host=\"$HOSTL\"\} [1-9]" <<<"$metrics"

check "operator still running" kill -0 "$OP"
stop_pid "$OP"
summary

#!/usr/bin/env bash
# A property test of issue #17: AgenticTasks generated from the CRD's own
# OpenAPI schema (hostile/genobjects.py: values on the schema's edges and,
# now and then, beyond them; free-form status.result nested up to 1000
# deep), created and status-patched on the real API server while the
# operator keeps scheduling canary tasks in another namespace. Whatever
# the server accepts, the operator must keep scheduling (every canary
# Succeeds), stay ready, report what it cannot decode, and become ready
# again after a restart with all of it stored.
#
# HOSTILE_COUNT (default 60) objects from seed HOSTILE_SEED (default: the
# pid; printed, so a failure can be replayed).
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$
SRC=${FOREMAN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
COUNT=${HOSTILE_COUNT:-60}
SEED=${HOSTILE_SEED:-$RUN}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

NH=hp-h-$RUN
NC=hp-c-$RUN
new_ns "$NH"
new_ns "$NC"
MP=$(free_port)
HP=$(free_port)
start_operator prop --metrics-bind-address=127.0.0.1:$MP --health-probe-bind-address=127.0.0.1:$HP; OP=$LAST
start_agent "hp-$RUN" "$NC" --stub-sleep=200ms --max-concurrent-tasks=2; AG=$LAST
check "property: agent Ready" wait_for 30 node_ready "hp-$RUN"
check "property: operator ready" wait_for 30 curl -sf "http://127.0.0.1:$HP/readyz"

python3 "$SRC/tests/integration/hostile/genobjects.py" "$SRC/generated/crds/foreman.llmkube.dev_agentictasks.yaml" \
    "$NH" "$COUNT" "$SEED" "$WORK/gen" >/dev/null
echo "seed $SEED, $COUNT objects (replay: HOSTILE_SEED=$SEED)"

# Canaries: a task every 0.5 s while the hostile objects go in.
touch "$WORK/canaries.on"
(
    i=0
    while [ -e "$WORK/canaries.on" ]; do
        i=$((i + 1))
        task "$NC" "c$i"
        echo "$i" >"$WORK/canaries.n"
        sleep 0.5
    done
) &
CAN=$!
track $CAN

created=0 refused=0 st_ok=0 st_refused=0
for i in $(seq 0 $((COUNT - 1))); do
    if $K create -f "$WORK/gen/$i.spec.json" >/dev/null 2>>"$WORK/refused.log"; then
        created=$((created + 1))
        if $K patch agentictask -n "$NH" "gen-$i" --subresource=status --type=merge \
            --patch-file="$WORK/gen/$i.status.json" >/dev/null 2>>"$WORK/refused.log"; then
            st_ok=$((st_ok + 1))
        else
            st_refused=$((st_refused + 1))
        fi
    else
        refused=$((refused + 1))
    fi
done
rm -f "$WORK/canaries.on"
wait "$CAN" 2>/dev/null
ncan=$(cat "$WORK/canaries.n" 2>/dev/null || echo 0)
echo "created $created (status accepted $st_ok, refused $st_refused), refused $refused; $ncan canaries"
check "property: the server accepted some of them" test "$created" -gt 0
check "property: every canary Succeeds ($ncan)" wait_for 90 all_phase "$NC" Succeeded "$ncan"
check "property: operator still running" kill -0 "$OP"
check "property: operator still ready" curl -sf "http://127.0.0.1:$HP/readyz"
undecodable=$(grep -c "object does not decode" "$WORK/prop.log")
metric=$(curl -sf "http://127.0.0.1:$MP/metrics" | awk '$1 == "foreman_decode_errors_total{kind=\"AgenticTask\"}" {print $2}')
echo "operator: $undecodable decode reports, foreman_decode_errors_total{kind=\"AgenticTask\"} ${metric:-absent}"
check "property: the metric counts every report" test "${metric:-0}" -ge "$undecodable"
# A restart with all of it stored: ready again, and scheduling.
stop_pid "$OP"
start_operator prop2 --health-probe-bind-address=127.0.0.1:$HP; OP=$LAST
check "property: a restarted operator becomes ready" wait_for 30 curl -sf "http://127.0.0.1:$HP/readyz"
task "$NC" after-restart
check "property: ... and schedules" wait_for 30 phase_is "$NC" after-restart Succeeded
stop_pid "$AG"
stop_pid "$OP"
end_ns "$NH"
end_ns "$NC"
summary

#!/usr/bin/env bash
# Fault injection 5 of 5: one agent reaches the API server only through a
# loopback proxy (faults/stallproxy.py) that stalls all its connections,
# open and new, without closing them. During a run of FAULT_TASKS stub
# tasks over five agents: a 15 s stall then resume, later a 15 s stall
# then every connection reset. The operator must mark the cut-off node
# NotReady and give its tasks to others; the agent must come back Ready,
# and whatever it wrote late must not override the new owners. The
# invariant checker (faults/checker.py) must find nothing wrong.
set -uo pipefail
# Two 15 s stalls and the recoveries between them must fall inside the run:
# at full speed five agents finish 500 stub tasks before the second one.
FAULT_TASKS=${FAULT_TASKS:-1500}
. "$(dirname "$0")/faults/lib.sh"

fault_begin partition || exit 1
python3 "$FAULTS_DIR/stallproxy.py" "$WORK/proxy.port" 127.0.0.1 "${TESTENV_SERVER##*:}" >"$WORK/proxy.log" 2>&1 &
track $!; PROXY=$LAST
wait_for 10 test -s "$WORK/proxy.port" || { bad "partition: proxy did not start"; exit 1; }
sed "s#server: .*#server: https://127.0.0.1:$(cat "$WORK/proxy.port")#" "$KUBECONFIG" >"$WORK/proxy.kubeconfig"
start_operator partition-operator; FAULT_OPS=$LAST
fault_agent 0 --kubeconfig="$WORK/proxy.kubeconfig"
fault_fleet || exit 1
# Created in the background: the fleet keeps pace with `kubectl create`
# now, so a run created first would be over before the first stall.
fault_tasks &
CREATOR=$!
N0=$NS-a0
# holds_task: the cut-off agent's node has a task Scheduled or Running.
holds_task() {
    $K get agentictasks -n "$NS" --field-selector "status.assignedNode=$N0" \
        -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' | grep -qE '^(Scheduled|Running)$'
}
released() { grep -c "claim expired.*node=$N0 " "$WORK/partition-operator.log"; }
for k in 1 2; do
    # Stall 1 at 15 % of the run; stall 2 once the agent has worked again
    # for a few seconds (each stall lasts ~100 tasks at full speed).
    wait_progress 15 300 || bad "partition: run stalled before stall $k"
    [ $k = 2 ] && sleep 3
    [ "$(terminal_count)" -lt "$FAULT_TASKS" ] || bad "partition: run over before stall $k (FAULT_TASKS=$FAULT_TASKS is too few)"
    # Cut it off while it holds a task, so the stall strands a claim.
    wait_for 20 holds_task >/dev/null || echo "partition: $N0 held no task before stall $k"
    kill -USR1 "$PROXY"
    t0=$(now_s)
    check "partition: cut-off node NotReady (stall $k)" wait_for 14 sh -c "[ \"\$($K get fleetnode $N0 -o jsonpath='{.status.phase}')\" = NotReady ]"
    sleep "$(python3 -c "print(max(0, 15 - ($(now_s) - $t0)))")"
    check "partition: the operator released the cut-off node's claim (stall $k)" test "$(released)" -ge $k
    if [ $k = 1 ]; then kill -USR2 "$PROXY"; how=resume; else kill -HUP "$PROXY"; how=reset; fi
    t1=$SECONDS
    check "partition: node Ready again after $how" wait_for 60 node_ready "$N0"
    echo "partition: stall $k ($how): Ready again $((SECONDS - t1))s after the proxy came back"
done
wait "$CREATOR" || bad "$FAULT: creating tasks failed (see $WORK/$FAULT.create.err)"
fault_end ""
check "partition: the cut-off agent survived" kill -0 "${AGENT_PID[0]}"
echo "partition: cut-off agent: $(grep -c 'task claimed' "$WORK/partition-agent0.log") claims, $(grep -c 'result not written' "$WORK/partition-agent0.log") late results fenced off"
sed 's/^/partition: proxy: /' "$WORK/proxy.log"
fault_stop_all
summary

# faults/lib.sh - the fault-injection suite's shared part (sourced by
# tests/integration/test_faults_*.sh, not a test itself).
#
# One fault run: a namespace of its own, a recorder watch (checker.py
# watch), operator(s), five stub agents of capacity 1 or 2 whose FleetNodes
# carry a label only this run's tasks select, FAULT_TASKS tasks (default
# 500), the fault (a function the test passes in, run while tasks flow),
# then the invariant check (checker.py check) over the stream, the final
# list and the agents' logs. Processes are killed and the control plane is
# brought back to health on exit, even on failure.
#
# Needs what test_operator_lib.sh.inc needs (TESTENV_DIR, FOREMAN_BIN,
# python3), plus TESTENV (the testenv script) for restarts and compaction.

FAULTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$FAULTS_DIR/../test_operator_lib.sh.inc"
TESTENV=${TESTENV:-$FAULTS_DIR/../../testenv/testenv}
CHECKER="python3 $FAULTS_DIR/checker.py"
FAULT_TASKS=${FAULT_TASKS:-500}
FAULT_TIMEOUT=${FAULT_TIMEOUT:-420}
# Agent i's capacity (--max-concurrent-tasks): 1 or 2, 8 slots in all.
FAULT_CAPS=(1 2 1 2 2)
AGENT_PID=()
AGENT_FLAGS=()

# The control plane must be healthy when this test ends, whatever happened:
# restart whatever a fault left dead (same ports and certificates).
cp_alive() {
    kill -0 "$(cat "$TESTENV_DIR/apiserver.pid" 2>/dev/null)" 2>/dev/null &&
        kill -0 "$(cat "$TESTENV_DIR/etcd.pid" 2>/dev/null)" 2>/dev/null
}
cp_ensure() {
    cp_alive && return 0
    echo "faults: restarting the control plane" >&2
    "$TESTENV" start "$TESTENV_DIR" >>"$WORK/testenv.log" 2>&1
}
fault_exit() {
    local rc=$?
    cp_ensure || rc=1
    cleanup
    exit "$rc"
}
trap fault_exit EXIT

now_s() { date +%s.%N | cut -c1-14; }

# fault_begin NAME: namespace, recorder, names; sets NS, FAULT, LBL.
fault_begin() {
    FAULT=$1
    NS=fault-$1-$$
    LBL=$NS
    FAULT_T0=$(now_s)
    new_ns "$NS"
    # shellcheck disable=SC2086
    $CHECKER watch --namespace "$NS" --out "$WORK/$FAULT.events" 2>"$WORK/$FAULT.watch.err" &
    track $!
    FAULT_WATCH=$LAST
    wait_for 30 grep -q '"meta":"ready"' "$WORK/$FAULT.events" >/dev/null ||
        { bad "$FAULT: recorder watch never became ready"; return 1; }
    seq -f "t%04g" 1 "$FAULT_TASKS" >"$WORK/$FAULT.names"
}

# fault_agent I [extra flags]: starts (or restarts) agent I of this run,
# appending to its log; its pid in AGENT_PID[I]. Extra flags are kept for
# restarts.
fault_agent() {
    local i=$1 node=$NS-a$1
    shift
    [ $# -gt 0 ] && AGENT_FLAGS[$i]="$*"
    case " $NODES " in *" $node "*) ;; *) NODES="$NODES $node" ;; esac
    # shellcheck disable=SC2086
    "$BIN/foreman-agent" --fleet-node-name="$node" --task-namespace="$NS" \
        --heartbeat-interval=1s --stub-sleep=200ms --accelerator=none --total-ram-gb=16 \
        --max-context-tokens=8192 --max-concurrent-tasks="${FAULT_CAPS[$i]}" \
        --node-labels="faultrun=$LBL" ${AGENT_FLAGS[$i]:-} >>"$WORK/$FAULT-agent$i.log" 2>&1 &
    track $!
    AGENT_PID[$i]=$LAST
}

# fault_fleet: the five agents, all Ready.
fault_fleet() {
    local i
    for i in 0 1 2 3 4; do
        [ -n "${AGENT_PID[$i]:-}" ] || fault_agent "$i"
    done
    for i in 0 1 2 3 4; do
        wait_for 30 node_ready "$NS-a$i" >/dev/null || { bad "$FAULT: node $NS-a$i never Ready"; return 1; }
    done
}

# fault_tasks [FIRST [LAST]]: creates the run's tasks (all, or t FIRST to t LAST),
# placeable only on this run's nodes.
fault_tasks() {
    local i
    for i in $(seq "${1:-1}" "${2:-$FAULT_TASKS}"); do
        printf 'apiVersion: foreman.llmkube.dev/v1alpha1\nkind: AgenticTask\nmetadata: {name: t%04d, namespace: %s}\nspec: {kind: freeform, payload: {prompt: fault}, priority: %d, requiredCapability: {nodeSelector: {faultrun: %s}}}\n---\n' \
            "$i" "$NS" $((i % 5)) "$LBL"
    done >"$WORK/$FAULT.tasks.yaml"
    $K create -f "$WORK/$FAULT.tasks.yaml" >/dev/null 2>"$WORK/$FAULT.create.err" || {
        bad "$FAULT: creating tasks failed: $(tail -1 "$WORK/$FAULT.create.err")"
        return 1
    }
}

# terminal_count: how many of the run's tasks are Succeeded or Failed now
# (-1 when the API server does not answer).
terminal_count() {
    local out
    out=$($K get agentictasks -n "$NS" -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' \
        --request-timeout=10s 2>/dev/null) || { echo -1; return; }
    printf '%s\n' "$out" | grep -cE '^(Succeeded|Failed)$'
}

# wait_progress FRACTION_PERCENT SECONDS: until that share of the tasks is
# terminal. Returns 1 on timeout.
wait_progress() {
    local want=$(($1 * FAULT_TASKS / 100)) deadline=$((SECONDS + $2)) n
    while [ $SECONDS -lt $deadline ]; do
        n=$(terminal_count)
        [ "$n" -ge "$want" ] && return 0
        sleep 0.5
    done
    return 1
}

# fault_end ALLOWED_FAILED_REASONS: waits for every task to end, stops the
# recorder after a settle delay, and runs the invariant checker.
fault_end() {
    local allowed=${1:-}
    if ! wait_progress 100 "$FAULT_TIMEOUT"; then
        bad "$FAULT: only $(terminal_count) of $FAULT_TASKS tasks terminal after ${FAULT_TIMEOUT}s"
    fi
    local wall
    wall=$(python3 -c "print('%.1f' % ($(now_s) - $FAULT_T0))")
    sleep 2 # the recorder sees the last writes
    stop_pid "$FAULT_WATCH"
    $K get agentictasks -n "$NS" -o json >"$WORK/$FAULT.final.json"
    local caps="" i
    for i in 0 1 2 3 4; do caps="$caps${caps:+,}$NS-a$i=${FAULT_CAPS[$i]}"; done
    # shellcheck disable=SC2086
    if $CHECKER check --fault "$FAULT" --wall "$wall" --events "$WORK/$FAULT.events" \
        --final "$WORK/$FAULT.final.json" --names "$WORK/$FAULT.names" --capacity "$caps" \
        --allow-failed "$allowed" --logs "$WORK/$FAULT"-agent*.log >"$WORK/$FAULT.check" 2>&1; then
        ok "$FAULT: invariants hold"
    else
        bad "$FAULT: $(grep -m1 VIOLATION "$WORK/$FAULT.check" || tail -1 "$WORK/$FAULT.check")"
    fi
    cat "$WORK/$FAULT.check"
    echo "$(head -1 "$WORK/$FAULT.check")" >>"${FAULT_SUMMARY:-/dev/null}"
}

# fault_stop_all: every agent and operator of this run, then its objects.
fault_stop_all() {
    local i
    # (stderr off: bash reports every SIGKILLed job)
    {
        for i in 0 1 2 3 4; do [ -n "${AGENT_PID[$i]:-}" ] && stop_pid "${AGENT_PID[$i]}" KILL; done
        for i in ${FAULT_OPS:-}; do stop_pid "$i" KILL; done
    } 2>/dev/null
    AGENT_PID=()
    end_ns "$NS"
    for i in 0 1 2 3 4; do $K delete fleetnode "$NS-a$i" --wait=false >/dev/null 2>&1; done
}

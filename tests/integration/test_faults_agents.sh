#!/usr/bin/env bash
# Fault injection 3 of 5: agents die and restart during a run of
# FAULT_TASKS stub tasks over five agents:
#   a. an agent running a task is SIGKILLed and stays dead: the operator
#      must see its FleetNode go stale and release its tasks to others;
#   b. another agent gets SIGTERM (drain: its running task back to Pending)
#      and is started again;
#   c. a third agent running a task is SIGKILLed and started again at
#      once: the new life must return the orphaned Running task itself.
# The invariant checker (faults/checker.py) must find nothing wrong.
set -uo pipefail
. "$(dirname "$0")/faults/lib.sh"

# running_agent EXCEPT...: index of an agent with a Running task (none of EXCEPT).
running_agent() {
    local n i
    for n in $($K get agentictasks -n "$NS" -o jsonpath='{range .items[?(@.status.phase=="Running")]}{.status.assignedNode}{"\n"}{end}' 2>/dev/null | sort -u); do
        i=${n##*-a}
        case " $* " in *" $i "*) continue ;; esac
        echo "$i"
        return 0
    done
    return 1
}
# has_running I: the API shows a task Running on agent I's node.
has_running() {
    $K get agentictasks -n "$NS" -o jsonpath='{range .items[?(@.status.phase=="Running")]}{.status.assignedNode}{"\n"}{end}' 2>/dev/null |
        grep -qx "$NS-a$1"
}

# kill_running VAR EXCEPT...: SIGKILLs an agent (none of EXCEPT) while the
# API shows it running a task, and sets VAR to its index. Stub tasks last
# 200 ms, so the agent is frozen (SIGSTOP) before the second look: a frozen
# agent cannot finish the task between the look and the kill.
kill_running() {
    local var=$1 deadline=$((SECONDS + 30)) r
    shift
    while [ $SECONDS -lt $deadline ]; do
        if r=$(running_agent "$@"); then
            kill -STOP "${AGENT_PID[$r]}"
            sleep 0.3 # a write already on the wire lands
            if has_running "$r"; then
                kill -9 "${AGENT_PID[$r]}"
                kill -CONT "${AGENT_PID[$r]}" 2>/dev/null
                eval "$var=$r"
                return 0
            fi
            kill -CONT "${AGENT_PID[$r]}"
        fi
        sleep 0.1
    done
    return 1
}

fault_begin agents || exit 1
start_operator agents-operator; FAULT_OPS=$LAST
fault_fleet || exit 1
# Half the tasks now, half before the second kill: however fast the first
# phases go, that kill still finds tasks running. Each half is created in
# the background, because the fleet keeps pace with `kubectl create`: a
# half created first would be finished before the kill looks.
fault_tasks 1 $((FAULT_TASKS / 2)) &
CREATOR=$!

wait_progress 15 300 || bad "agents: run stalled before the first kill"
kill_running A || { bad "agents: no agent with a Running task"; A=0; kill -9 "${AGENT_PID[$A]}"; }
echo "agents: SIGKILLed agent $A mid-task (stays dead)"
check "agents: killed node $A goes NotReady" wait_for 30 sh -c "[ \"\$($K get fleetnode $NS-a$A -o jsonpath='{.status.phase}')\" = NotReady ]"

wait_progress 40 300 || bad "agents: run stalled before the restart"
B=$(( (A + 1) % 5 ))
stop_pid "${AGENT_PID[$B]}" TERM
echo "agents: SIGTERMed agent $B, starting it again"
fault_agent "$B"
check "agents: restarted node $B Ready" wait_for 30 node_ready "$NS-a$B"

wait "$CREATOR" || bad "$FAULT: creating tasks failed (see $WORK/$FAULT.create.err)"
fault_tasks $((FAULT_TASKS / 2 + 1)) "$FAULT_TASKS" &
CREATOR=$!
wait_progress 65 300 || bad "agents: run stalled before the second kill"
kill_running C "$A" || { bad "agents: no other agent with a Running task"; C=$(( (A + 2) % 5 )); kill -9 "${AGENT_PID[$C]}"; }
fault_agent "$C"
echo "agents: SIGKILLed agent $C mid-task and started it again at once"

wait "$CREATOR" || bad "$FAULT: creating tasks failed (see $WORK/$FAULT.create.err)"
fault_end ""
grep -q 'AgentShutdown\|task returned to Pending' "$WORK/agents-agent$B.log" && echo "agents: agent $B drained a running task on SIGTERM"
check "agents: restarted agent $C recovered its orphaned task" grep -q 'AgentRestartRecovery' "$WORK/agents-agent$C.log"
check "agents: operator survived" kill -0 "$FAULT_OPS"
fault_stop_all
summary

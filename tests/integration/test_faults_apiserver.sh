#!/usr/bin/env bash
# Fault injection 1 of 5: the kube-apiserver SIGKILLed twice in the middle
# of a run of FAULT_TASKS stub tasks over five agents, each time down for
# ~3 s and then restarted on the same port. Everyone must reconnect and
# finish the run; the invariant checker (faults/checker.py) must find
# nothing wrong. The control plane is restarted on exit whatever happens.
set -uo pipefail
. "$(dirname "$0")/faults/lib.sh"

fault_begin apiserver || exit 1
start_operator apiserver-operator; FAULT_OPS=$LAST
fault_fleet || exit 1
fault_tasks
for k in 1 2; do
    wait_progress $((k * 30)) 300 || bad "apiserver: run stalled before kill $k"
    kill -9 "$(cat "$TESTENV_DIR/apiserver.pid")"
    sleep 3
    t0=$SECONDS
    check "apiserver: restart $k" cp_ensure
    echo "apiserver: kill $k at $(terminal_count) terminal tasks, back after $((SECONDS - t0 + 3))s"
done
fault_end ""
check "apiserver: operator survived" kill -0 "$FAULT_OPS"
for i in 0 1 2 3 4; do check "apiserver: agent $i survived" kill -0 "${AGENT_PID[$i]}"; done
fault_stop_all
summary

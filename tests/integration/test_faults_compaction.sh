#!/usr/bin/env bash
# Fault injection 2 of 5: etcd compacted again and again (every 2 s) while
# the operator's, the agents' and the recorder's watches are open, during a
# run of FAULT_TASKS stub tasks over five agents. The invariant checker
# (faults/checker.py) must find nothing wrong.
set -uo pipefail
. "$(dirname "$0")/faults/lib.sh"

fault_begin compaction || exit 1
start_operator compaction-operator; FAULT_OPS=$LAST
fault_fleet || exit 1
# Created in the background, so the compactions overlap the run however
# fast the fleet keeps pace with the creates.
fault_tasks &
CREATOR=$!
# The compactor: every 2 s until stopped, one line per compaction done.
(
    while sleep 2; do
        "$TESTENV" compact "$TESTENV_DIR" >>"$WORK/compactions" 2>>"$WORK/compact.err"
    done
) &
track $!; COMPACTOR=$LAST
wait "$CREATOR" || bad "$FAULT: creating tasks failed (see $WORK/$FAULT.create.err)"
wait_progress 100 "$FAULT_TIMEOUT"
stop_pid "$COMPACTOR" KILL 2>/dev/null
n=$(wc -l <"$WORK/compactions")
check "compaction: at least 3 compactions while tasks ran (did $n)" test $n -ge 3
fault_end ""
check "compaction: operator survived" kill -0 "$FAULT_OPS"
fault_stop_all
summary

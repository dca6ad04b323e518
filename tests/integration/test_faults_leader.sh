#!/usr/bin/env bash
# Fault injection 4 of 5: two operators with --leader-elect and short lease
# timings; during a run of FAULT_TASKS stub tasks over five agents the
# leader is SIGKILLed, the killed one comes back as the standby, and later
# the new leader is SIGKILLed too: two handovers. The invariant checker
# (faults/checker.py) must find nothing wrong.
set -uo pipefail
. "$(dirname "$0")/faults/lib.sh"

LEASE=foreman-operator.llmkube.dev
holder() { $K get lease -n "$NS" "$LEASE" -o jsonpath='{.spec.holderIdentity}' 2>/dev/null; }
declare -A OPPID
start_op() { # id
    # shellcheck disable=SC2086
    start_operator "leader-$1" --leader-elect --leader-election-namespace="$NS" \
        --leader-elect-lease-duration=4s --leader-elect-renew-deadline=3s \
        --leader-elect-retry-period=500ms --leader-election-id="$1"
    OPPID[$1]=$LAST
    FAULT_OPS="${FAULT_OPS:-} $LAST"
}

fault_begin leader || exit 1
start_op op1
start_op op2
check "leader: a leader is elected" wait_for 30 sh -c "[ -n \"\$($K get lease -n $NS $LEASE -o jsonpath='{.spec.holderIdentity}')\" ]"
fault_fleet || exit 1
fault_tasks
next=3
for k in 1 2; do
    wait_progress $((k * 30)) 300 || bad "leader: run stalled before kill $k"
    h=$(holder)
    kill -9 "${OPPID[$h]}"
    t0=$SECONDS
    start_op op$next
    next=$((next + 1))
    check "leader: handover $k (killed $h)" wait_for 30 sh -c "h=\$($K get lease -n $NS $LEASE -o jsonpath='{.spec.holderIdentity}'); [ -n \"\$h\" ] && [ \"\$h\" != $h ]"
    echo "leader: kill $k of $h; $(holder) leads after $((SECONDS - t0))s"
done
fault_end ""
fault_stop_all
summary

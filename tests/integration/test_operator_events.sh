#!/usr/bin/env bash
# The operator's Kubernetes Events keep to their rate, against the real
# control plane:
#   1. with --event-qps=0.5 --event-burst=1, eight placements made at once
#      get their Scheduled Events one every two seconds: right after the
#      eight are placed most Events are still queued, and all eight arrive
#      later (queued, not dropped);
#   2. --event-qps=0 (no limit) sends all eight at once;
#   3. bad values of -event-qps and -event-burst are refused with exit 2
#      and one line naming the flag.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

placed() { # ns: how many tasks have a node
    $K get agentictasks -n "$1" -o jsonpath='{range .items[*]}{.status.assignedNode}{"\n"}{end}' 2>/dev/null | grep -c .
}
scheduled_events() { # ns
    $K get events -n "$1" --field-selector reason=Scheduled -o name 2>/dev/null | grep -c .
}

# One node serving both parts' namespaces, with room for all their tasks.
NS1=op-ev1-$RUN
NS2=op-ev2-$RUN
new_ns "$NS1"
new_ns "$NS2"
start_agent "ev-$RUN" "$NS1,$NS2" --max-concurrent-tasks=16 --stub-sleep=200ms; AG=$LAST
check "agent Ready" wait_for 30 node_ready "ev-$RUN"

# ---------------------------------------------------------------- 1. limited
start_operator events-op1 --event-qps=0.5 --event-burst=1; OP=$LAST
NS=$NS1
for i in $(seq 1 8); do task "$NS" "e$i"; done
check "limited: 8 tasks placed" wait_for 30 sh -c "[ \$($K get agentictasks -n $NS -o jsonpath='{range .items[*]}{.status.assignedNode}{\"\\n\"}{end}' | grep -c .) -eq 8 ]"
first=$(scheduled_events "$NS")
# 8 Events at 1 + 0.5/s take at least 14 s; a look within a few seconds of
# the placements sees most of them still queued.
check "limited: right after placing, Events still queued ($first of 8 sent)" test "$first" -lt 8
check "limited: all 8 Events arrive later" wait_for 60 sh -c "[ \$($K get events -n $NS --field-selector reason=Scheduled -o name | grep -c .) -eq 8 ]"
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 2. unlimited
start_operator events-op2 --event-qps=0; OP=$LAST
NS=$NS2
for i in $(seq 1 8); do task "$NS" "u$i"; done
check "unlimited: 8 tasks placed" wait_for 30 sh -c "[ \$($K get agentictasks -n $NS -o jsonpath='{range .items[*]}{.status.assignedNode}{\"\\n\"}{end}' | grep -c .) -eq 8 ]"
check "unlimited: all 8 Events within 10 s" wait_for 10 sh -c "[ \$($K get events -n $NS --field-selector reason=Scheduled -o name | grep -c .) -eq 8 ]"
stop_pid "$OP"
end_ns "$NS"
stop_pid "$AG"

# ---------------------------------------------------------------- 3. bad flags
for bad in "--event-qps=-1" "--event-qps=fast" "--event-burst=0"; do
    out=$("$BIN/foreman-operator" "$bad" 2>&1)
    rc=$?
    flag=${bad%%=*}
    check "flags: $bad exits 2 (got $rc)" test "$rc" -eq 2
    check "flags: $bad: one line naming ${flag#--}" sh -c "[ \$(printf '%s\n' \"\$1\" | wc -l) -eq 1 ] && printf '%s' \"\$1\" | grep -q -- \"${flag#--}\"" _ "$out"
done

summary

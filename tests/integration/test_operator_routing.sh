#!/usr/bin/env bash
# How agents find the tasks placed on their node, against the real control
# plane:
#   1. the operator in its default --assigned-node-label=auto and agents in
#      their default -task-selector=auto both find that this API server
#      selects on status.assignedNode: one write per placement, every task
#      Succeeds and none carries the routing label;
#   2. the CRD serves the field selector: kubectl lists a node's tasks by it;
#   3. an operator with --assigned-node-label=true, one agent on
#      -task-selector=label and one on field: both get work, and every task
#      Succeeds with the label on;
#   4. -task-selector=field is accepted, a bad value is refused in one line.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$
LABEL=foreman.llmkube.dev/assigned-node

# ---------------------------------------------------------------- 1. no label
start_operator routing-op1; OP=$LAST
NS=op-route-$RUN
new_ns "$NS"
start_agent "rt-$RUN-a" "$NS" --stub-sleep=200ms --max-concurrent-tasks=2; A=$LAST
start_agent "rt-$RUN-b" "$NS" --stub-sleep=200ms --max-concurrent-tasks=2; B=$LAST
check "nolabel: agents Ready" wait_for 30 sh -c "[ \"\$($K get fleetnode rt-$RUN-a -o jsonpath='{.status.phase}')\" = Ready ] && [ \"\$($K get fleetnode rt-$RUN-b -o jsonpath='{.status.phase}')\" = Ready ]"
for i in $(seq 1 12); do task "$NS" "n$i"; done
check "nolabel: 12 tasks Succeeded" wait_for 90 all_phase "$NS" Succeeded 12
check "nolabel: no task carries the routing label" test "$($K get agentictasks -n "$NS" -l "$LABEL" -o name | wc -l)" -eq 0
check "nolabel: agent a watches by field" grep -q 'by="field status.assignedNode"' "$WORK/agent-rt-$RUN-a.log"
check "nolabel: the operator chose no label" grep -q 'no routing label' "$WORK/routing-op1.log"
check "nolabel: both agents ran tasks" sh -c "grep -q 'task claimed' '$WORK/agent-rt-$RUN-a.log' && grep -q 'task claimed' '$WORK/agent-rt-$RUN-b.log'"

# ---------------------------------------------------------------- 2. kubectl
n=$($K get agentictasks -n "$NS" --field-selector "status.assignedNode=rt-$RUN-a" -o name | wc -l)
m=$($K get agentictasks -n "$NS" --field-selector "status.assignedNode=rt-$RUN-b" -o name | wc -l)
check "field selector: a's and b's tasks add up to 12 (got $n + $m)" test $((n + m)) -eq 12
stop_pid "$A"
stop_pid "$B"
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 3. label and field agents together
start_operator routing-op2 --assigned-node-label=true; OP=$LAST
NS=op-route2-$RUN
new_ns "$NS"
start_agent "rt-$RUN-l" "$NS" --stub-sleep=200ms --task-selector=label; L=$LAST
start_agent "rt-$RUN-f" "$NS" --stub-sleep=200ms --task-selector=field; F=$LAST
check "mixed: agents Ready" wait_for 30 sh -c "[ \"\$($K get fleetnode rt-$RUN-l -o jsonpath='{.status.phase}')\" = Ready ] && [ \"\$($K get fleetnode rt-$RUN-f -o jsonpath='{.status.phase}')\" = Ready ]"
for i in $(seq 1 8); do task "$NS" "m$i"; done
check "mixed: 8 tasks Succeeded" wait_for 90 all_phase "$NS" Succeeded 8
check "mixed: label agent watches by label" grep -q "by=label" "$WORK/agent-rt-$RUN-l.log"
check "mixed: label agent ran tasks" grep -q 'task claimed' "$WORK/agent-rt-$RUN-l.log"
check "mixed: field agent ran tasks" grep -q 'task claimed' "$WORK/agent-rt-$RUN-f.log"
# The label agent can only have seen its tasks through the label (a field
# agent may claim a task before the label lands, and then it is not needed).
ran_l=$($K get agentictasks -n "$NS" --field-selector "status.assignedNode=rt-$RUN-l" -o name | sort)
lab_l=$($K get agentictasks -n "$NS" -l "$LABEL=rt-$RUN-l" -o name | sort)
check "mixed: every task the label agent ran carries its label" sh -c "[ -n \"$ran_l\" ] && [ \"$ran_l\" = \"$lab_l\" ]"
stop_pid "$L"
stop_pid "$F"
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 4. flag checking
out=$("$BIN/foreman-operator" --assigned-node-label=maybe 2>&1)
rc=$?
check "bad -assigned-node-label refused (rc $rc)" test "$rc" -eq 2
check "bad -assigned-node-label: one line naming the flag" sh -c "[ \$(printf '%s\n' \"$out\" | wc -l) -eq 1 ] && printf '%s' \"$out\" | grep -q 'assigned-node-label'"
out=$("$BIN/foreman-agent" --fleet-node-name=x --task-selector=fields 2>&1)
rc=$?
check "bad -task-selector refused (rc $rc)" test "$rc" -eq 2
check "bad -task-selector: one line naming the flag" sh -c "[ \$(printf '%s\n' \"$out\" | wc -l) -eq 1 ] && printf '%s' \"$out\" | grep -q 'task-selector'"

summary

#!/usr/bin/env bash
# Scheduler end to end, against the real control plane with real
# foreman-agent processes in stub mode: the full life of a task, priority
# order, spread, capacity 1 and 3, 200 tasks over 10 agents never above
# capacity (checked from a watch of every transition), and dependencies
# (chain, cascade failure, cycles). Every scenario has its own namespace
# and nodes; every process started is killed on exit.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

start_operator operator; OP=$LAST

# ---------------------------------------------------------------- 1. end to end
NS=op-e2e-$RUN
new_ns "$NS"
record_transitions "$NS" "$WORK/e2e.tr"; W=$LAST
start_agent "e2e-$RUN" "$NS"; A=$LAST
task "$NS" t1
check "e2e: task Succeeded" wait_for 60 phase_is "$NS" t1 Succeeded
check "e2e: verdict GO" test "$(field_of "$NS" t1 '{.status.verdict}')" = GO
check "e2e: stub envelope" test "$(field_of "$NS" t1 '{.status.result.kind}')/$(field_of "$NS" t1 '{.status.result.schemaVersion}')" = "stub/foreman.v1"
check "e2e: ran on the agent" test "$(field_of "$NS" t1 '{.status.assignedNode}')" = "e2e-$RUN"
check "e2e: Scheduled condition" test "$(field_of "$NS" t1 '{.status.conditions[?(@.type=="Scheduled")].reason}')" = FleetNodeAssigned
check "e2e: scheduling Event" sh -c "$K get events -n $NS --field-selector involvedObject.name=t1,reason=Scheduled -o name | grep -q ."
sleep 0.5
check "e2e: phases Pending Scheduled Running Succeeded" test "$(phases_seen "$WORK/e2e.tr" t1)" = "- Pending Scheduled Running Succeeded "
stop_pid "$A"
stop_pid "$W"
end_ns "$NS"

# ---------------------------------------------------------------- 2. priority
NS=op-prio-$RUN
new_ns "$NS"
record_transitions "$NS" "$WORK/prio.tr"; W=$LAST
# No node yet: all three wait Pending, then one node of capacity 1 takes
# them one at a time, highest priority first.
task "$NS" low "priority: 1"
task "$NS" high "priority: 50"
task "$NS" mid "priority: 10"
check "priority: all Pending without nodes" wait_for 20 all_phase "$NS" Pending 3
start_agent "prio-$RUN" "$NS" --stub-sleep=500ms; A=$LAST
check "priority: all Succeeded" wait_for 60 all_phase "$NS" Succeeded 3
order=$(awk '$4 == "Scheduled" && !seen[$3]++ { printf "%s ", $3 }' "$WORK/prio.tr")
check "priority: order high mid low (got: $order)" test "$order" = "high mid low "
stop_pid "$A"
stop_pid "$W"
end_ns "$NS"

# ---------------------------------------------------------------- 3. spread
NS=op-spread-$RUN
new_ns "$NS"
start_agent "spread-a-$RUN" "$NS" --max-concurrent-tasks=3 --stub-sleep=20s; A1=$LAST
start_agent "spread-b-$RUN" "$NS" --max-concurrent-tasks=3 --stub-sleep=20s; A2=$LAST
start_agent "spread-c-$RUN" "$NS" --max-concurrent-tasks=3 --stub-sleep=20s; A3=$LAST
wait_for 20 sh -c "$K get fleetnode spread-a-$RUN spread-b-$RUN spread-c-$RUN -o jsonpath='{.items[*].status.phase}' | grep -qx 'Ready Ready Ready'"
for i in 1 2 3; do task "$NS" s$i; done
check "spread: three Scheduled or Running" wait_for 30 sh -c "[ \$($K get agentictasks -n $NS -o jsonpath='{.items[*].status.assignedNode}' | wc -w) -eq 3 ]"
nodes=$($K get agentictasks -n "$NS" -o jsonpath='{range .items[*]}{.status.assignedNode}{"\n"}{end}' | sort -u | wc -l)
check "spread: one task per node (distinct nodes: $nodes)" test "$nodes" -eq 3
stop_pid "$A1" KILL
stop_pid "$A2" KILL
stop_pid "$A3" KILL
$K delete fleetnode "spread-a-$RUN" "spread-b-$RUN" "spread-c-$RUN" >/dev/null 2>&1
end_ns "$NS"

# ---------------------------------------------------------------- 4. capacity 1 and 3
for cap in 1 3; do
    NS=op-cap$cap-$RUN
    new_ns "$NS"
    record_transitions "$NS" "$WORK/cap$cap.tr"; W=$LAST
    for i in $(seq 1 8); do task "$NS" c$i; done
    start_agent "cap$cap-$RUN" "$NS" --max-concurrent-tasks=$cap --stub-sleep=700ms; A=$LAST
    check "capacity $cap: all 8 Succeeded" wait_for 90 all_phase "$NS" Succeeded 8
    sleep 0.5
    m=$(max_concurrency "$WORK/cap$cap.tr" "cap$cap-$RUN")
    check "capacity $cap: never above capacity (max seen $m)" test "$m" -le $cap
    check "capacity $cap: capacity used (max seen $m)" test "$m" -eq $cap
    stop_pid "$A"
    stop_pid "$W"
    end_ns "$NS"
done
end_ns "$NS"

# ---------------------------------------------------------------- 5. 200 tasks, 10 agents
NS=op-many-$RUN
new_ns "$NS"
record_transitions "$NS" "$WORK/many.tr"; W=$LAST
AG=""
for i in $(seq 0 9); do
    cap=$((i % 3 + 1))
    start_agent "many$i-$RUN" "$NS" --max-concurrent-tasks=$cap --stub-sleep=200ms
    AG="$AG $LAST"
done
for i in $(seq 0 9); do wait_for 30 node_ready "many$i-$RUN"; done
{
    for i in $(seq 1 200); do
        printf 'apiVersion: foreman.llmkube.dev/v1alpha1\nkind: AgenticTask\nmetadata: {name: m%03d, namespace: %s}\nspec: {kind: freeform, payload: {prompt: many}, priority: %d}\n---\n' "$i" "$NS" $((i % 7))
    done
} | $K apply -f - >/dev/null
check "200 tasks: all Succeeded" wait_for 400 all_phase "$NS" Succeeded 200
sleep 1
over=""
for i in $(seq 0 9); do
    cap=$((i % 3 + 1))
    m=$(max_concurrency "$WORK/many.tr" "many$i-$RUN")
    [ "$m" -le $cap ] || over="$over many$i:$m>$cap"
done
check "200 tasks: no node above capacity$over" test -z "$over"
used=$(awk '$4 == "Succeeded" { print $5 }' "$WORK/many.tr" | sort -u | wc -l)
check "200 tasks: work spread over all 10 nodes (used $used)" test "$used" -eq 10
for a in $AG; do stop_pid "$a"; done
stop_pid "$W"
end_ns "$NS"

# ---------------------------------------------------------------- 6. dependencies
NS=op-deps-$RUN
new_ns "$NS"
record_transitions "$NS" "$WORK/deps.tr"; W=$LAST
start_agent "deps-$RUN" "$NS" --max-concurrent-tasks=3 --stub-sleep=300ms; A=$LAST
# chain c <- b <- a, created in reverse so dependents exist first
task "$NS" c "dependsOn: [b]"
task "$NS" b "dependsOn: [a]"
check "deps: dependents wait Pending" wait_for 10 all_phase "$NS" Pending 2
task "$NS" a
check "deps: chain all Succeeded" wait_for 60 all_phase "$NS" Succeeded 3
order=$(awk '$4 == "Running" && !seen[$3]++ { printf "%s ", $3 }' "$WORK/deps.tr")
check "deps: ran in order a b c (got: $order)" test "$order" = "a b c "
# cascade: up can never be placed (selector), is failed by hand, and its
# dependents fail with UpstreamFailed, transitively
task "$NS" up "requiredCapability: {nodeSelector: {never: here}}"
task "$NS" mid "dependsOn: [up]"
task "$NS" down "dependsOn: [mid]"
wait_for 10 phase_is "$NS" up Pending
$K patch agentictask -n "$NS" up --subresource=status --type=merge \
    -p '{"status":{"phase":"Failed","verdict":"INCOMPLETE"}}' >/dev/null
check "cascade: mid Failed" wait_for 20 phase_is "$NS" mid Failed
check "cascade: down Failed" wait_for 20 phase_is "$NS" down Failed
check "cascade: reason UpstreamFailed" test "$(field_of "$NS" down '{.status.conditions[?(@.type=="Completed")].reason}')" = UpstreamFailed
check "cascade: message names the dependency" sh -c "$K get agentictask -n $NS down -o jsonpath='{.status.conditions[?(@.type==\"Completed\")].message}' | grep -q mid"
check "cascade: verdict INCOMPLETE" test "$(field_of "$NS" mid '{.status.verdict}')" = INCOMPLETE
# cycles
task "$NS" self "dependsOn: [self]"
task "$NS" p "dependsOn: [q]"
task "$NS" q "dependsOn: [p]"
for t in self p q; do
    check "cycle: $t Failed" wait_for 20 phase_is "$NS" $t Failed
    check "cycle: $t reason DependencyCycle" test "$(field_of "$NS" $t '{.status.conditions[?(@.type=="Completed")].reason}')" = DependencyCycle
done
stop_pid "$A"
stop_pid "$W"

check "operator still running" kill -0 "$OP"
stop_pid "$OP"
summary

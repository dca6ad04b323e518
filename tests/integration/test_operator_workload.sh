#!/usr/bin/env bash
# Workload pipelines against the real control plane with a stub agent: a
# pipeline becomes `<workload>-<step>` tasks owned by the Workload and runs
# to Completed; a failing step fails the Workload; maxTasks truncates;
# intent-only Workloads fail with NoPlannerOrPipeline; the tasks carry a
# correct controller ownerReference (this control plane runs no garbage
# collector, so deletion itself is the cluster's job).
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

start_operator operator; OP=$LAST
NS=op-wl-$RUN
new_ns "$NS"
start_agent "wl-$RUN" "$NS" --max-concurrent-tasks=2 --stub-sleep=500ms; A=$LAST

wl_field() { $K get workload -n "$NS" "$1" -o jsonpath="$2" 2>/dev/null; }
wl_phase_is() { [ "$(wl_field "$1" '{.status.phase}')" = "$2" ]; }

# ---------------------------------------------------------------- 1. pipeline to Completed
$K apply -n "$NS" -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: ship}
spec:
  intent: "fix and verify"
  repo: acme/app
  pipeline:
  - {name: fix, kind: issue-fix, payload: {issue: 7}}
  - {name: test, kind: verify, dependsOn: [fix]}
  - {name: docs, kind: freeform, dependsOn: [fix]}
  - {name: release, kind: freeform, dependsOn: [test, docs]}
EOF
check "pipeline: tasks created" wait_for 20 $K get agentictask -n "$NS" ship-fix ship-test ship-docs ship-release
check "pipeline: dependsOn rewritten" test "$(field_of "$NS" ship-release '{.spec.dependsOn}')" = '["ship-test","ship-docs"]'
check "pipeline: workload label" test "$(field_of "$NS" ship-test '{.metadata.labels.foreman\.llmkube\.dev/workload}')" = ship
uid=$(wl_field ship '{.metadata.uid}')
check "pipeline: controller ownerReference" test "$(field_of "$NS" ship-fix '{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}/{.metadata.ownerReferences[0].uid}/{.metadata.ownerReferences[0].controller}')" = "Workload/ship/$uid/true"
check "pipeline: repo defaulted from the workload" test "$(field_of "$NS" ship-fix '{.spec.payload.repo}')" = acme/app
check "pipeline: Completed" wait_for 90 wl_phase_is ship Completed
check "pipeline: succeededTasks 4" test "$(wl_field ship '{.status.succeededTasks}')" = 4
check "pipeline: failedTasks 0" test "$(wl_field ship '{.status.failedTasks}')" = 0
check "pipeline: 4 task references" test "$(wl_field ship '{.status.tasks[*].name}' | wc -w)" -eq 4
check "pipeline: Completed condition" test "$(wl_field ship '{.status.conditions[?(@.type=="Completed")].reason}')" = AllTasksSucceeded
# idempotent: a reconcile of a finished workload (an annotation change
# triggers one) creates no new tasks
$K annotate workload -n "$NS" ship poke=1 >/dev/null
sleep 2
check "pipeline: idempotent (still 4 tasks)" test "$($K get agentictasks -n "$NS" -l foreman.llmkube.dev/workload=ship -o name | wc -l)" -eq 4

# ---------------------------------------------------------------- 2. failing step
$K apply -n "$NS" -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: broken}
spec:
  intent: "this fails"
  pipeline:
  - {name: first, kind: freeform, requiredCapability: {nodeSelector: {never: here}}}
  - {name: second, kind: verify, dependsOn: [first]}
EOF
check "failing: tasks created" wait_for 20 phase_is "$NS" broken-first Pending
check "failing: Planned while nothing runs" wait_for 20 wl_phase_is broken Planned
$K patch agentictask -n "$NS" broken-first --subresource=status --type=merge \
    -p '{"status":{"phase":"Failed","verdict":"INCOMPLETE"}}' >/dev/null
check "failing: workload Failed" wait_for 20 wl_phase_is broken Failed
check "failing: dependent step UpstreamFailed" wait_for 20 phase_is "$NS" broken-second Failed
check "failing: failedTasks 2" wait_for 20 sh -c "[ \"\$($K get workload -n $NS broken -o jsonpath='{.status.failedTasks}')\" = 2 ]"

# ---------------------------------------------------------------- 3. maxTasks
$K apply -n "$NS" -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: capped}
spec:
  intent: "only two"
  maxTasks: 2
  pipeline:
  - {name: a}
  - {name: b}
  - {name: c}
EOF
check "maxTasks: Completed with 2 tasks" wait_for 60 wl_phase_is capped Completed
check "maxTasks: third step not created" sh -c "! $K get agentictask -n $NS capped-c >/dev/null 2>&1"
check "maxTasks: Truncated condition" test "$(wl_field capped '{.status.conditions[?(@.type=="Truncated")].status}')" = True

# ---------------------------------------------------------------- 4. intent only
$K apply -n "$NS" -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: dream}
spec: {intent: "make it faster", repo: acme/app}
EOF
check "intent-only: Failed" wait_for 20 wl_phase_is dream Failed
check "intent-only: reason NoPlannerOrPipeline" test "$(wl_field dream '{.status.conditions[?(@.type=="Planned")].reason}')" = NoPlannerOrPipeline
check "intent-only: message asks for a pipeline" sh -c "$K get workload -n $NS dream -o jsonpath='{.status.conditions[?(@.type==\"Planned\")].message}' | grep -q 'pipeline is required'"
check "intent-only: no tasks" test "$($K get agentictasks -n "$NS" -l foreman.llmkube.dev/workload=dream -o name | wc -l)" -eq 0

# ---------------------------------------------------------------- 5. deletion
# Without a garbage collector the API server keeps the tasks; what the
# operator owes is a correct controller reference with blockOwnerDeletion.
$K delete workload -n "$NS" ship >/dev/null
check "delete: workload gone" sh -c "! $K get workload -n $NS ship >/dev/null 2>&1"
check "delete: tasks point at the deleted owner's uid (GC would remove them)" test "$(field_of "$NS" ship-docs '{.metadata.ownerReferences[0].uid}/{.metadata.ownerReferences[0].blockOwnerDeletion}')" = "$uid/true"

check "operator still running" kill -0 "$OP"
stop_pid "$A"
stop_pid "$OP"
summary

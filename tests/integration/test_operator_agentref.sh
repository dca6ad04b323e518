#!/usr/bin/env bash
# A task created directly with spec.agentRef is placed with its Agent's
# requiredCapability joined in (scheduler.c view_agent_requirement): an
# Agent that requires cuda keeps the task off a cpu node (Unschedulable
# AcceleratorMismatch) and it goes to a cuda node once one is Ready.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

start_operator operator; OP=$LAST
NS=op-agentref-$RUN
new_ns "$NS"
$K apply -n "$NS" -f - >/dev/null <<YAML
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Agent
metadata: {name: gpu-coder}
spec: {role: coder, model: m, tools: [bash], requiredCapability: {accelerator: cuda}}
YAML
start_agent "cpu-$RUN" "$NS"; A1=$LAST
wait_for 20 node_ready "cpu-$RUN"
task "$NS" direct "agentRef: {name: gpu-coder}"
cond_reason() { field_of "$NS" direct '{.status.conditions[?(@.type=="Scheduled")].reason}'; }
unsched() { [ "$(cond_reason)" = Unschedulable ]; }
check "agentRef: Unschedulable with only a cpu node" wait_for 20 unsched
check "agentRef: the message says AcceleratorMismatch" sh -c "$K get agentictask direct -n $NS -o jsonpath='{.status.conditions[?(@.type==\"Scheduled\")].message}' | grep -q AcceleratorMismatch"
check "agentRef: not placed on the cpu node" test -z "$(field_of "$NS" direct '{.status.assignedNode}')"
start_agent "cuda-$RUN" "$NS" --accelerator=cuda; A2=$LAST
assigned_cuda() { [ "$(field_of "$NS" direct '{.status.assignedNode}')" = "cuda-$RUN" ]; }
check "agentRef: placed on the cuda node" wait_for 30 assigned_cuda
stop_pid "$A1"
stop_pid "$A2"
end_ns "$NS"
$K delete agents -n "$NS" --all --wait=false >/dev/null 2>&1
summary

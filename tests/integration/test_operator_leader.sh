#!/usr/bin/env bash
# Two operator replicas with --leader-elect against the real control plane:
# only the Lease holder schedules; SIGKILLing it hands over to the other
# after the lease expires, and no task is ever placed twice (checked from a
# watch of every transition).
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$
NS=op-leader-$RUN
new_ns "$NS"
LEASE=foreman-operator.llmkube.dev
LE="--leader-elect --leader-election-namespace=$NS --leader-elect-lease-duration=4s --leader-elect-renew-deadline=3s --leader-elect-retry-period=500ms"

holder() { $K get lease -n "$NS" "$LEASE" -o jsonpath='{.spec.holderIdentity}' 2>/dev/null; }
record_transitions "$NS" "$WORK/leader.tr"; W=$LAST
# shellcheck disable=SC2086
start_operator op1 $LE --leader-election-id=op1-$RUN; P1=$LAST
# shellcheck disable=SC2086
start_operator op2 $LE --leader-election-id=op2-$RUN; P2=$LAST
check "a leader is elected" wait_for 30 sh -c "[ -n \"\$($K get lease -n $NS $LEASE -o jsonpath='{.spec.holderIdentity}')\" ]"
first=$(holder)
if [ "$first" = "op1-$RUN" ]; then LP=$P1 LL=op1 FP=$P2 FL=op2; else LP=$P2 LL=op2 FP=$P1 FL=op1; fi
start_agent "leader-$RUN" "$NS" --max-concurrent-tasks=2 --stub-sleep=300ms; A=$LAST
for i in $(seq 1 10); do task "$NS" a$i; done
check "leader: first batch Succeeded" wait_for 90 all_phase "$NS" Succeeded 10
check "leader: only the leader placed tasks" test "$(grep -c 'msg="scheduled"' "$WORK/$FL.log")" -eq 0
check "leader: the leader placed all 10" test "$(grep -c 'msg="scheduled"' "$WORK/$LL.log")" -eq 10

stop_pid "$LP" KILL
for i in $(seq 1 10); do task "$NS" b$i; done
check "handover: the other replica takes the lease" wait_for 30 sh -c "[ \"\$($K get lease -n $NS $LEASE -o jsonpath='{.spec.holderIdentity}')\" = $FL-$RUN ]"
check "handover: second batch Succeeded" wait_for 90 all_phase "$NS" Succeeded 20
check "handover: the new leader placed the second batch" test "$(grep -c 'msg="scheduled"' "$WORK/$FL.log")" -eq 10
sleep 0.5
dups=$(awk '$4 == "Scheduled" && prev[$3] != "Scheduled" { n[$3]++ } { prev[$3] = $4 } END { for (t in n) if (n[t] > 1) printf "%s ", t }' "$WORK/leader.tr")
check "no task placed twice ($dups)" test -z "$dups"
check "surviving replica still running" kill -0 "$FP"
stop_pid "$A"
stop_pid "$FP"
stop_pid "$W"
summary

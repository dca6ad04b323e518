#!/usr/bin/env bash
# The chart on a real one-node cluster (CTest label `cluster`, `make
# test-cluster`): `testenv cluster` starts the control plane plus
# kube-scheduler, kube-controller-manager, containerd, runc, the CNI bridge
# and a kubelet on this machine; the images are built here
# (scripts/build-images.sh, buildah, no registry) and imported into the
# node's containerd. Then, as docs/operations.md tells an operator:
#   1. a namespace enforcing Pod Security `restricted`; a privileged pod is
#      refused there, the chart's pods are admitted;
#   2. helm install with two operator replicas and one agent pod; the
#      operator Deployment becomes Available; the operator runs on in-cluster
#      configuration (no kubeconfig anywhere in its pod);
#   3. deleting the leader pod hands the Lease to the standby within the
#      lease timing; after SIGKILL of the leader's process a live replica
#      renews the Lease within leaseDuration plus a retry period; a frozen
#      leader (SIGSTOP) loses it to the standby on expiry and steps down
#      when it wakes;
#   4. an agent on the host (token of the chart's agent ServiceAccount) and
#      the agent pod both run tasks to Succeeded;
#   5. helm upgrade with a changed value while tasks run: none is lost;
#   6. helm uninstall: what remains (CRDs, tasks, FleetNodes, the Lease);
#   7. testenv stop leaves no process, mount, network device, iptables rule
#      or cgroup behind.
# Exits 77 (CTest: skipped, never passed) with the reason when this machine
# cannot run a node.
set -uo pipefail
ROOT=${FOREMAN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${FOREMAN_BINARY_DIR:-$ROOT/build}
TESTENV=$ROOT/tests/testenv/testenv
CHART=$ROOT/charts/foreman
DIR=$(mktemp -d /tmp/foreman-cluster.XXXXXX)
NS=foreman-system
REL=foreman
HOST_NODE=host-agent-$$
pass=0
fail=0
AGENT_PID=
STOPPED=0
T0=$(date +%s)

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1" >&2; }
check() { # name command...
    local name=$1
    shift
    if "$@" >"$DIR/check.out" 2>&1; then ok "$name"; else bad "$name: $(tail -5 "$DIR/check.out")"; return 1; fi
}
# must: a check the rest of the test cannot do without; stop at its failure.
must() {
    check "$@" && return 0
    echo "$pass passed, $fail failed (stopped at: $1)"
    exit 1
}
step() { echo "--- $(($(date +%s) - T0))s $*"; }
skip() {
    echo "SKIP: $*"
    $TESTENV stop "$DIR" >/dev/null 2>&1
    rm -rf "$DIR"
    exit 77
}
wait_until() { # seconds command...
    local limit=$1 i
    shift
    for i in $(seq 1 $((limit * 2))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    return 1
}
cleanup() {
    [ -n "$AGENT_PID" ] && kill -TERM "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null
    if [ "$STOPPED" = 0 ]; then
        if [ "$fail" -gt 0 ]; then
            echo "--- node logs (kept in $DIR)" >&2
            for f in "$DIR"/node/kubelet.log "$DIR"/node/containerd.log; do
                [ -f "$f" ] && { echo "--- $f" >&2; grep -E '^E|level=error' "$f" | tail -15 >&2; }
            done
            $K get pods -A -o wide >&2 2>/dev/null
            $K -n "$NS" describe pods 2>/dev/null | tail -40 >&2
        fi
        $TESTENV stop "$DIR" >/dev/null 2>&1
    fi
    [ "$fail" -eq 0 ] && rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

why=$($TESTENV node-check) || skip "this machine cannot run a node: $why"

# What the host looks like before, to prove stop puts it back.
chains_before=$({ iptables-save; ip6tables-save; } 2>/dev/null | grep -c '^:')
sysctl_before=$(sysctl -n kernel.panic kernel.panic_on_oops vm.overcommit_memory | tr '\n' ' ')

step "images"
if ! OUT=$BUILD/images BUILD=$BUILD "$ROOT/scripts/build-images.sh" dev >"$DIR/images.log" 2>&1; then
    cat "$DIR/images.log" >&2
    bad "make images"
    exit 1
fi
ok "images built with buildah, no registry: $(awk '{printf "%s %.1f MB; ", $1, $2/1048576}' "$DIR/images.log")"

step "cluster"
if ! $TESTENV cluster "$DIR" >"$DIR/cluster.log" 2>&1; then
    tail -25 "$DIR/cluster.log"
    skip "the node did not start: $(grep 'testenv:' "$DIR/cluster.log" | tail -1)"
fi
. "$DIR/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"
H="$HELM --kubeconfig $KUBECONFIG"
ok "node $TESTENV_NODE Ready ($($K get node "$TESTENV_NODE" -o jsonpath='{.status.nodeInfo.kubeletVersion} {.status.nodeInfo.containerRuntimeVersion}'))"
for img in foreman-operator foreman-agent; do
    check "image $img imported into the node" $TESTENV load-image "$DIR" "$BUILD/images/$img.tar"
done

step "namespace with Pod Security restricted"
$K create namespace "$NS" >/dev/null
$K label namespace "$NS" pod-security.kubernetes.io/enforce=restricted \
    pod-security.kubernetes.io/enforce-version=latest >/dev/null
refused() {
    ! $K -n "$NS" apply -f - >"$DIR/pss.out" 2>&1 <<EOF
apiVersion: v1
kind: Pod
metadata: {name: privileged-probe}
spec:
  containers:
  - {name: c, image: localhost/foreman/pause:3.10, securityContext: {privileged: true}}
EOF
    grep -q 'violates PodSecurity "restricted' "$DIR/pss.out"
}
check "a privileged pod is refused in the restricted namespace" refused

step "helm install"
VALUES=(--set operator.image.repository=localhost/foreman/foreman-operator --set operator.image.tag=dev
    --set agentDefaults.image.repository=localhost/foreman/foreman-agent --set agentDefaults.image.tag=dev
    --set operator.replicas=2
    --set agentDefaults.stubSleep=3s --set agentDefaults.heartbeatInterval=5s
    --set agents.pool.replicas=1 --set agents.pool.labels.where=pod)
must "helm install" $H install "$REL" "$CHART" -n "$NS" "${VALUES[@]}"
must "operator Deployment Available" $K -n "$NS" wait --for=condition=Available --timeout=180s deploy/foreman-operator
must "agent Deployment Available" $K -n "$NS" wait --for=condition=Available --timeout=120s deploy/foreman-agent-pool
running=$($K -n "$NS" get pods --field-selector=status.phase=Running -o name | wc -l)
check "the restricted namespace admitted all 3 pods (2 operator, 1 agent)" test "$running" -eq 3
secure() {
    $K -n "$NS" get pods -o json | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
assert len(items) >= 3, f"{len(items)} pods"
for p in items:
    ps = p["spec"].get("securityContext", {})
    for c in p["spec"]["containers"]:
        s = c.get("securityContext", {})
        assert ps.get("runAsNonRoot") or s.get("runAsNonRoot"), p["metadata"]["name"]
        assert s.get("readOnlyRootFilesystem") is True, p["metadata"]["name"]
        assert s.get("allowPrivilegeEscalation") is False, p["metadata"]["name"]
        assert s.get("capabilities", {}).get("drop") == ["ALL"], p["metadata"]["name"]
'
}
check "pods: non-root, read-only root fs, no privilege escalation, capabilities dropped" secure
# Every process of every container on the node (the pause sandboxes too)
# runs as a non-zero uid.
no_root() {
    local pid uid n=0
    for pid in $($TESTENV_CTR tasks ls | awk 'NR>1{print $2}'); do
        uid=$(awk '/^Uid:/{print $2}' "/proc/$pid/status")
        [ "$uid" != 0 ] || { echo "pid $pid runs as root"; return 1; }
        n=$((n + 1))
    done
    echo "$n container processes checked"
    [ "$n" -ge 6 ]
}
check "no container process on the node runs as root (uid of each)" no_root
first_op=$($K -n "$NS" get pods -l app.kubernetes.io/component=operator -o jsonpath='{.items[0].metadata.name}')

# In-cluster configuration: no --kubeconfig, no KUBECONFIG, no kubeconfig
# file mounted; the operator says it talks to the kubernetes Service.
no_kubeconfig() {
    $K -n "$NS" get deploy/foreman-operator -o json | python3 -c '
import json, sys
d = json.load(sys.stdin)["spec"]["template"]["spec"]
for c in d["containers"]:
    assert not any("kubeconfig" in a for a in c.get("args", []) + c.get("command", [])), c.get("args")
    assert not any(e["name"] == "KUBECONFIG" for e in c.get("env", [])), c.get("env")
    assert not any("kube" in m["mountPath"] and "serviceaccount" not in m["mountPath"] for m in c.get("volumeMounts", []))
' && $K -n "$NS" logs "$first_op" | grep 'starting foreman-operator' | grep -q 'server=https://10.0.0.1:443'
}
check "the operator uses in-cluster configuration (no kubeconfig; server https://10.0.0.1:443)" no_kubeconfig

step "leader election"
holder() { $K -n "$NS" get lease foreman-operator.llmkube.dev -o jsonpath='{.spec.holderIdentity}' 2>/dev/null; }
has_holder() { [ -n "$(holder)" ]; }
check "one replica holds the Lease" wait_until 60 has_holder
leader=$(holder)
leader_pod=${leader%_*}
lease_s=$($K -n "$NS" get lease foreman-operator.llmkube.dev -o jsonpath='{.spec.leaseDurationSeconds}')
echo "    leader $leader (pod $leader_pod), lease ${lease_s}s"
t_del=$(date +%s%3N)
$K -n "$NS" delete pod "$leader_pod" --wait=false >/dev/null
new_leader=
for i in $(seq 1 120); do
    h=$(holder)
    if [ -n "$h" ] && [ "$h" != "$leader" ]; then new_leader=$h; break; fi
    sleep 0.25
done
t_new=$(date +%s%3N)
handover_ms=$((t_new - t_del))
if [ -n "$new_leader" ] && [ "$handover_ms" -le $(( (lease_s + 5) * 1000 )) ]; then
    ok "deleting the leader pod hands over to ${new_leader%_*} in ${handover_ms} ms (lease ${lease_s}s)"
else
    bad "leader handover: new holder '$new_leader' after ${handover_ms} ms (lease ${lease_s}s)"
fi
check "operator Deployment Available again (2 replicas)" $K -n "$NS" wait --for=condition=Available --timeout=120s deploy/foreman-operator

# A crashed leader releases nothing: SIGKILL its process on the node. The
# Lease changes hands (to the standby, or to the restarted container, which
# comes back under a new random identity <pod>_<hex>) once it expires:
# within leaseDuration plus a retry period.
renew() { $K -n "$NS" get lease foreman-operator.llmkube.dev -o jsonpath='{.spec.renewTime}' 2>/dev/null; }
wait_until 30 has_holder
leader=$(holder)
leader_pod=${leader%_*}
cid=$($K -n "$NS" get pod "$leader_pod" -o jsonpath='{.status.containerStatuses[0].containerID}')
cid=${cid#containerd://}
pid=$($TESTENV_CTR tasks ls | awk -v id="$cid" '$1 == id {print $2}')
if [ -n "$pid" ]; then
    t_kill=$(date +%s%3N)
    kill -KILL "$pid"
    r0=$(renew)
    for i in $(seq 1 160); do
        r=$(renew)
        [ -n "$r" ] && [ "$r" != "$r0" ] && break
        sleep 0.25
    done
    t_new=$(date +%s%3N)
    crash_ms=$((t_new - t_kill))
    after=$(holder)
    who="the standby ${after%_*}"
    [ "$after" = "$leader" ] && who="the restarted leader container (same identity $leader)"
    if [ "$r" != "$r0" ] && [ "$crash_ms" -le $(( (lease_s + 2 + 5) * 1000 )) ]; then
        ok "after SIGKILL of the leader the Lease is renewed by $who in ${crash_ms} ms (lease ${lease_s}s)"
    else
        bad "leader crash: Lease not renewed by a live replica after ${crash_ms} ms (lease ${lease_s}s)"
    fi
else
    bad "leader crash: no process found for container $cid of $leader_pod"
fi
check "operator Deployment Available after the crash" $K -n "$NS" wait --for=condition=Available --timeout=120s deploy/foreman-operator

# A leader that stops renewing without dying (SIGSTOP: a hung process, a
# node cut off) keeps nothing: the standby takes the Lease once it expires,
# not before the lease duration; when the old leader wakes up (SIGCONT) it
# finds the Lease gone and steps down, so two leaders never act at once.
wait_until 30 has_holder
leader=$(holder)
leader_pod=${leader%_*}
cid=$($K -n "$NS" get pod "$leader_pod" -o jsonpath='{.status.containerStatuses[0].containerID}')
cid=${cid#containerd://}
pid=$($TESTENV_CTR tasks ls | awk -v id="$cid" '$1 == id {print $2}')
restarts0=$($K -n "$NS" get pod "$leader_pod" -o jsonpath='{.status.containerStatuses[0].restartCount}')
if [ -n "$pid" ]; then
    t_stop=$(date +%s%3N)
    kill -STOP "$pid"
    after=
    for i in $(seq 1 160); do
        h=$(holder)
        if [ -n "$h" ] && [ "$h" != "$leader" ]; then after=$h; break; fi
        sleep 0.25
    done
    t_new=$(date +%s%3N)
    kill -CONT "$pid"
    hang_ms=$((t_new - t_stop))
    if [ -n "$after" ] && [ "$hang_ms" -ge $(( (lease_s - 2) * 1000 )) ] &&
       [ "$hang_ms" -le $(( (lease_s + 2 + 5) * 1000 )) ]; then
        ok "a frozen leader (SIGSTOP) loses the Lease to ${after%_*} after ${hang_ms} ms, on expiry (lease ${lease_s}s)"
    else
        bad "frozen leader: holder '$after' after ${hang_ms} ms (lease ${lease_s}s)"
    fi
    stepped_down() {
        [ "$(holder)" = "$after" ] &&
        { [ "$($K -n "$NS" get pod "$leader_pod" -o jsonpath='{.status.containerStatuses[0].restartCount}')" -gt "$restarts0" ] ||
          $K -n "$NS" logs "$leader_pod" | grep -q 'leader election lost'; }
    }
    check "the woken old leader steps down (leader election lost) and ${after%_*} keeps the Lease" wait_until 30 stepped_down
else
    bad "frozen leader: no process found for container $cid of $leader_pod"
fi
check "operator Deployment Available after the freeze" $K -n "$NS" wait --for=condition=Available --timeout=120s deploy/foreman-operator

step "host agent and agent pod run tasks"
TOKEN=$($K -n "$NS" create token foreman-agent --duration=1h)
cat >"$DIR/host-agent.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: fleet
  cluster: {server: $TESTENV_SERVER, certificate-authority: $DIR/pki/ca.crt}
users:
- name: foreman-agent
  user: {token: $TOKEN}
contexts:
- name: fleet
  context: {cluster: fleet, user: foreman-agent}
current-context: fleet
EOF
"$BUILD/bin/foreman-agent" --kubeconfig "$DIR/host-agent.kubeconfig" --fleet-node-name "$HOST_NODE" \
    --node-labels where=host --task-namespace "$NS" --stub-sleep 3s --heartbeat-interval 5s \
    >"$DIR/host-agent.log" 2>&1 &
AGENT_PID=$!
agent_pod=$($K -n "$NS" get pods -l app.kubernetes.io/component=agent -o jsonpath='{.items[0].metadata.name}')
fn_ready() { [ "$($K get fleetnode "$1" -o jsonpath='{.status.phase}')" = Ready ]; }
check "FleetNode $HOST_NODE (host agent) Ready" wait_until 30 fn_ready "$HOST_NODE"
check "FleetNode $agent_pod (agent pod) Ready" wait_until 30 fn_ready "$agent_pod"

task() { # name where
    cat <<EOF
---
apiVersion: foreman.llmkube.dev/v1alpha1
kind: AgenticTask
metadata: {name: $1}
spec:
  kind: freeform
  payload: {prompt: "cluster test $1"}
  requiredCapability: {nodeSelector: {where: $2}}
EOF
}
phase() { $K -n "$NS" get at "$1" -o jsonpath='{.status.phase}'; }
all_succeeded() { # names...
    local t
    for t in "$@"; do [ "$(phase "$t")" = Succeeded ] || return 1; done
}
{ task on-pod-1 pod; task on-host-1 host; } | $K -n "$NS" apply -f - >/dev/null
check "tasks on the agent pod and on the host agent Succeeded" wait_until 90 all_succeeded on-pod-1 on-host-1
check "on-pod-1 ran on the agent pod" test "$($K -n "$NS" get at on-pod-1 -o jsonpath='{.status.assignedNode}')" = "$agent_pod"
check "on-host-1 ran on the host agent" test "$($K -n "$NS" get at on-host-1 -o jsonpath='{.status.assignedNode}')" = "$HOST_NODE"

step "helm upgrade with tasks in flight"
UP=()
for i in 1 2 3; do UP+=(up-pod-$i up-host-$i); done
{ for i in 1 2 3; do task "up-pod-$i" pod; task "up-host-$i" host; done; } | $K -n "$NS" apply -f - >/dev/null
sleep 1
in_flight=0
for t in "${UP[@]}"; do [ "$(phase "$t")" = Succeeded ] || in_flight=$((in_flight + 1)); done
check "tasks in flight when the upgrade starts ($in_flight of 6 not yet Succeeded)" test "$in_flight" -ge 3
old_rs=$($K -n "$NS" get deploy/foreman-operator -o jsonpath='{.metadata.generation}')
check "helm upgrade --reuse-values --set operator.logLevel=debug" \
    $H upgrade "$REL" "$CHART" -n "$NS" --reuse-values --set operator.logLevel=debug
check "operator rolled out after the upgrade" $K -n "$NS" rollout status deploy/foreman-operator --timeout=180s
check "the new operator pods run with the changed value" sh -c \
    "$K -n $NS get deploy/foreman-operator -o jsonpath='{.spec.template.spec.containers[0].args}' | grep -q debug && [ \$($K -n $NS get deploy/foreman-operator -o jsonpath='{.metadata.generation}') -gt $old_rs ]"
check "no task lost across the upgrade: all 6 Succeeded" wait_until 120 all_succeeded "${UP[@]}"

step "helm uninstall"
check "helm uninstall" $H uninstall "$REL" -n "$NS" --wait --timeout 120s
no_workloads() { [ -z "$($K -n "$NS" get deploy,rs,pods,svc -o name 2>/dev/null)" ]; }
check "the release's Deployments, pods and Services are gone" wait_until 60 no_workloads
echo "    what remains after helm uninstall:"
$K get crd -o name | grep foreman | sed 's/^/      /'
$K -n "$NS" get all,lease,serviceaccount,configmap -o name 2>/dev/null | sed 's/^/      /'
$K get fleetnodes -o custom-columns=NAME:.metadata.name,PHASE:.status.phase --no-headers | sed 's/^/      fleetnode /'
echo "      $($K -n "$NS" get at --no-headers | wc -l) AgenticTasks in $NS"
# Every CRD the chart ships (one per kind) is still there.
crds_kept() { [ "$($K get crd -o name | grep -c 'foreman.llmkube.dev')" -eq "$(ls "$CHART"/templates/crds/*.yaml | wc -l)" ]; }
check "CRDs kept (helm.sh/resource-policy: keep)" crds_kept
check "tasks kept with their results" all_succeeded on-pod-1 on-host-1 "${UP[@]}"
no_rbac() { [ -z "$($K get clusterrole,clusterrolebinding -l app.kubernetes.io/instance=$REL -o name; $K -n "$NS" get sa,role,rolebinding -l app.kubernetes.io/instance=$REL -o name)" ]; }
check "the release's ServiceAccounts and RBAC are gone" no_rbac

step "stop"
kill -TERM "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null
AGENT_PID=
$TESTENV stop "$DIR" >"$DIR/stop.log" 2>&1
check "testenv stop" test $? -eq 0
STOPPED=1
no_process() { ! pgrep -af -- "$DIR"; }
check "no process left" no_process
check "no mount left under $DIR" sh -c "! grep -qF '$DIR' /proc/self/mountinfo"
check "no bridge or veth left" sh -c "! ip link show fmcni0 >/dev/null 2>&1"
check "no iptables rule or chain left" sh -c "! iptables-save -t nat | grep -qF '$DIR' && [ \$({ iptables-save; ip6tables-save; } 2>/dev/null | grep -c '^:') -eq $chains_before ]"
check "kernel settings restored" test "$(sysctl -n kernel.panic kernel.panic_on_oops vm.overcommit_memory | tr '\n' ' ')" = "$sysctl_before"
no_cni_cache() { ! ls /var/lib/cni/results/foreman-testenv-* 2>/dev/null; }
check "no CNI result cache left" no_cni_cache
check "no kubepods cgroup left" sh -c '! ls -d /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods 2>/dev/null | grep -q .'

step "done"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

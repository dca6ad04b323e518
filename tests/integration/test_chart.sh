#!/usr/bin/env bash
# Checks the Helm chart charts/foreman against the real control plane of the
# `controlplane` fixture:
#   1. helm lint (defaults and the multi-pool values);
#   2. helm template renders what the values ask for (defaults and
#      tests/integration/chart/values-multipool.yaml);
#   3. values.schema.json and the template guards reject bad values with a
#      message naming the value;
#   4. the rendered manifests are accepted by the API server (server-side
#      apply; the CRDs with --dry-run=server so the shared CRDs stay as the
#      fixture installed them) - nothing runs, there is no controller-manager;
#   5. `kubectl auth can-i` as each ServiceAccount: yes for every verb the
#      component uses, no for secrets, pods, CRDs and verbs it must not have;
#   6. helm install, upgrade and uninstall of a release work for real;
#   7. the chart's CRDs are what `make charts` generates (nothing stale).
# Everything lives in unique namespaces and is deleted on exit.
set -uo pipefail
. "$TESTENV_DIR/env"
ROOT=${FOREMAN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
CHART=$ROOT/charts/foreman
K="$KUBECTL --kubeconfig $KUBECONFIG"
# testenv builds helm as helm's release does, so it knows its Kubernetes
# version; the checks below still name it so they do not depend on that.
KV=--kube-version=1.34.4
ID=$$
NS=chart-$ID            # release namespace of the default install
NS2=chart-mp-$ID        # release namespace of the multi-pool install
TASKNS=chart-tasks-$ID  # task namespace of the multi-pool "runner" pool
REL=ch$ID
REL2=mp$ID
TMP=$(mktemp -d)
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1" >&2; }
check() { # name command...
    local name=$1
    shift
    if "$@" >"$TMP/out" 2>&1; then ok "$name"; else bad "$name: $(tail -5 "$TMP/out")"; fi
}
cleanup() {
    $K delete namespace "$NS" "$NS2" "$TASKNS" --wait=false >/dev/null 2>&1
    $K delete namespace "chart-helm-$ID" --wait=false >/dev/null 2>&1
    $K delete clusterrole,clusterrolebinding -l "app.kubernetes.io/instance in ($REL,$REL2,hr$ID)" >/dev/null 2>&1
    rm -rf "$TMP"
}
trap cleanup EXIT

# Prints "kind namespace name" of every object in a multi-document YAML file.
objects() {
    python3 - "$1" <<'EOF'
import sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if d:
        print(d["kind"], d["metadata"].get("namespace", "-"), d["metadata"]["name"])
EOF
}

# Evaluates a Python expression over the rendered objects of a file: `docs`
# is the list of objects, `by(kind, name)` finds one, `args(name)` gives the
# container args of a Deployment. Succeeds when the expression is true.
expect() { # file expression
    python3 - "$1" "$2" <<'EOF'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
def by(kind, name):
    for d in docs:
        if d["kind"] == kind and d["metadata"]["name"] == name:
            return d
    raise SystemExit(f"no {kind} {name}")
def pod(name):
    return by("Deployment", name)["spec"]["template"]["spec"]
def args(name):
    return pod(name)["containers"][0]["args"]
ok = eval(sys.argv[2])
if not ok:
    raise SystemExit(f"false: {sys.argv[2]}")
EOF
}

# ------------------------------------------------------------------ 1. lint
sed "s/TASKNS/$TASKNS/; s/RELNS/$NS2/" "$ROOT/tests/integration/chart/values-multipool.yaml" >"$TMP/multipool.yaml"
# helm as a user has it: its own version, and a chart with kubeVersion
# >=1.27 rendered with no --kube-version at all.
check "helm version is the pinned release" test "$($HELM version --template '{{.Version}}')" = v3.19.5
check "helm template with no --kube-version" sh -c "$HELM template x '$CHART' | grep -q '^kind: Deployment'"
check "helm lint --strict (defaults)" $HELM lint --strict "$CHART" $KV
check "helm lint --strict (multi-pool)" $HELM lint --strict "$CHART" $KV -f "$TMP/multipool.yaml"

# ------------------------------------------------------------------ 2. template
if ! $HELM template "$REL" "$CHART" -n "$NS" $KV >"$TMP/default.yaml" 2>"$TMP/err"; then
    bad "helm template (defaults): $(cat "$TMP/err")"
fi
if ! $HELM template "$REL2" "$CHART" -n "$NS2" $KV -f "$TMP/multipool.yaml" >"$TMP/multipool-out.yaml" 2>"$TMP/err"; then
    bad "helm template (multi-pool): $(cat "$TMP/err")"
fi
D=$TMP/default.yaml
M=$TMP/multipool-out.yaml
OP=$REL-foreman-operator
OP2=$REL2-foreman-operator

check "defaults: the six CRDs" expect "$D" 'sorted(d["metadata"]["name"] for d in docs if d["kind"]=="CustomResourceDefinition")==["agentictasks.foreman.llmkube.dev","agentreleases.foreman.llmkube.dev","agents.foreman.llmkube.dev","fleetnodes.foreman.llmkube.dev","modelprofiles.foreman.llmkube.dev","workloads.foreman.llmkube.dev"]'
check "defaults: operator Deployment, 1 replica" expect "$D" 'by("Deployment","'$OP'")["spec"]["replicas"]==1'
check "defaults: no agent pools" expect "$D" '[d["metadata"]["name"] for d in docs if d["kind"]=="Deployment"]==["'$OP'"]'
check "defaults: no leader election with 1 replica" expect "$D" '"--leader-elect" not in args("'$OP'")'
check "defaults: operator args from values" expect "$D" 'args("'$OP'")[:2]==["--metrics-bind-address=:8081","--health-probe-bind-address=:8082"] and "--placement=spread" in args("'$OP'") and "--node-stale-after=90s" in args("'$OP'") and "--draining-reap-after=10m" in args("'$OP'") and "--zap-log-level=info" in args("'$OP'") and "--log-format=logfmt" in args("'$OP'")'
check "defaults: probes on the health port" expect "$D" 'pod("'$OP'")["containers"][0]["livenessProbe"]["httpGet"]=={"path":"/healthz","port":"health"} and pod("'$OP'")["containers"][0]["readinessProbe"]["httpGet"]=={"path":"/readyz","port":"health"}'
check "defaults: hardened container" expect "$D" 'all(pod("'$OP'")["containers"][0]["securityContext"].get(k)==v for k,v in [("runAsNonRoot",True),("readOnlyRootFilesystem",True),("allowPrivilegeEscalation",False),("capabilities",{"drop":["ALL"]}),("seccompProfile",{"type":"RuntimeDefault"})])'
check "defaults: pod runs as 65532" expect "$D" 'pod("'$OP'")["securityContext"]["runAsUser"]==65532'
check "defaults: metrics Service" expect "$D" 'by("Service","'$OP'-metrics")["spec"]["ports"][0]["targetPort"]=="metrics"'
check "defaults: no ServiceMonitor, no NetworkPolicy" expect "$D" 'not [d for d in docs if d["kind"] in ("ServiceMonitor","NetworkPolicy")]'
check "defaults: lease Role limited to its Lease" expect "$D" 'any(r.get("resourceNames")==["foreman-operator.llmkube.dev"] and r["verbs"]==["get","update"] for r in by("Role","'$OP'-leader-election")["rules"])'
check "numeric log level becomes --v" sh -c "$HELM template x '$CHART' $KV --set operator.logLevel=3 | grep -q -- '- --v=3'"
check "named log level becomes --zap-log-level" sh -c "$HELM template x '$CHART' $KV --set operator.logLevel=warn | grep -q -- '- --zap-log-level=warn'"
check "crds.install=false renders no CRD" sh -c "$HELM template x '$CHART' $KV --set crds.install=false | grep -c 'kind: CustomResourceDefinition' | grep -qx 0"
check "chart CRDs equal generated/crds" python3 - "$D" "$ROOT/generated/crds" <<'EOF'
import os, sys, yaml
docs = {d["metadata"]["name"]: d for d in yaml.safe_load_all(open(sys.argv[1]))
        if d and d["kind"] == "CustomResourceDefinition"}
gen = {}
for f in os.listdir(sys.argv[2]):
    for d in yaml.safe_load_all(open(os.path.join(sys.argv[2], f))):
        if d:
            gen[d["metadata"]["name"]] = d
# The rendered copies differ in one place: Helm keeps them on uninstall.
for d in docs.values():
    assert d["metadata"].pop("annotations") == {"helm.sh/resource-policy": "keep"}, d["metadata"]["name"]
assert docs == gen, sorted(set(docs) ^ set(gen)) or "bodies differ"
EOF

check "multi-pool: leader election forced on by replicas 2" expect "$M" 'by("Deployment","'$OP2'")["spec"]["replicas"]==2 and "--leader-elect" in args("'$OP2'") and "--leader-election-namespace='$NS2'" in args("'$OP2'")'
check "multi-pool: operator args" expect "$M" 'all(a in args("'$OP2'") for a in ["--placement=binpack","--node-stale-after=2m","--draining-reap-after=15m","--log-format=json","--zap-log-level=debug","--kube-api-qps=40","--kube-api-burst=80"])'
check "multi-pool: rolling update keeps one leader candidate up" expect "$M" 'by("Deployment","'$OP2'")["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"]==0'
check "multi-pool: three agent Deployments" expect "$M" 'sorted(d["metadata"]["name"] for d in docs if d["kind"]=="Deployment" and d["metadata"]["labels"]["app.kubernetes.io/component"]=="agent")==["'$REL2'-foreman-agent-cpu","'$REL2'-foreman-agent-gpu","'$REL2'-foreman-agent-runner"]'
A=$REL2-foreman-agent
check "multi-pool: cpu pool names FleetNodes after pods" expect "$M" '"--fleet-node-name=$(POD_NAME)" in args("'$A'-cpu") and any(e["name"]=="POD_NAME" and e["valueFrom"]["fieldRef"]["fieldPath"]=="metadata.name" for e in pod("'$A'-cpu")["containers"][0]["env"]) and by("Deployment","'$A'-cpu")["spec"]["replicas"]==3'
check "multi-pool: cpu pool roles and defaults" expect "$M" 'all(a in args("'$A'-cpu") for a in ["--roles=worker,verifier","--accelerator=none","--agent-mode=stub","--stub-sleep=10s","--max-concurrent-tasks=2","--heartbeat-interval=15s","--task-namespace='$NS2'","--node-labels=fleet=test"])'
check "multi-pool: gpu pool flags" expect "$M" 'all(a in args("'$A'-gpu") for a in ["--fleet-node-name=gpu-box-1","--accelerator=cuda","--total-ram-gb=80","--max-context-tokens=131072","--tokens-per-second=95","--installed-models=qwen2.5-coder-32b,llama-3.1-8b","--node-labels=fleet=test,gpu=h100,zone=lab-a"])'
check "multi-pool: gpu pool image tag override keeps repository" expect "$M" 'pod("'$A'-gpu")["containers"][0]["image"]=="ghcr.io/example/foreman-agent:0.1.0-cuda"'
check "multi-pool: fixed node name means Recreate" expect "$M" 'by("Deployment","'$A'-gpu")["spec"]["strategy"]["type"]=="Recreate"'
check "multi-pool: gpu pool nodeSelector" expect "$M" 'pod("'$A'-gpu")["nodeSelector"]=={"nvidia.com/gpu.present":"true"}'
check "multi-pool: runner pool exec mode, two task namespaces" expect "$M" 'all(a in args("'$A'-runner") for a in ["--agent-mode=exec","--task-command=/usr/local/bin/run-task --verbose","--task-namespace='$TASKNS','$NS2'"]) and not any(a.startswith("--stub-sleep") for a in args("'$A'-runner")) and by("Deployment","'$A'-runner")["spec"]["replicas"]==0'
check "multi-pool: accelerator left to detection when unset" expect "$M" 'not any(a.startswith("--accelerator") for a in args("'$A'-runner"))'
check "multi-pool: agents hardened, writable workspace only" expect "$M" 'all(pod(n)["containers"][0]["securityContext"]["readOnlyRootFilesystem"] and {m["mountPath"] for m in pod(n)["containers"][0]["volumeMounts"]}=={"/var/lib/foreman","/tmp"} for n in ["'$A'-cpu","'$A'-gpu","'$A'-runner"])'
check "multi-pool: task RoleBindings in both task namespaces" expect "$M" 'sorted(d["metadata"]["namespace"] for d in docs if d["kind"]=="RoleBinding" and d["metadata"]["name"]=="'$A'-tasks")==sorted(["'$NS2'","'$TASKNS'"]) and not [d for d in docs if d["kind"]=="ClusterRoleBinding" and d["metadata"]["name"]=="'$A'-tasks"]'
check "multi-pool: NetworkPolicy" expect "$M" 'by("NetworkPolicy","'$OP2'")["spec"]["policyTypes"]==["Ingress","Egress"]'
check "ServiceMonitor when enabled" sh -c "$HELM template x '$CHART' $KV --set operator.metrics.serviceMonitor.enabled=true --set operator.metrics.serviceMonitor.labels.release=prom | grep -A12 '^kind: ServiceMonitor' | grep -q 'release: prom'"

# ------------------------------------------------------------------ 3. rejections
reject() { # name expected-message-regex helm-args...
    local name=$1 want=$2 out
    shift 2
    if out=$($HELM template x "$CHART" $KV "$@" 2>&1); then
        bad "rejects $name: helm template succeeded"
    elif grep -Eq -- "$want" <<<"$out"; then
        ok "rejects $name"
    else
        bad "rejects $name: unclear message: $out"
    fi
}
reject "placement not in enum" "/operator/placement': value must be one of 'spread', 'binpack', 'first-fit'" --set operator.placement=random
reject "replicas < 1" "/operator/replicas': minimum: got 0, want 1" --set operator.replicas=0
reject "duration without unit" "/operator/nodeStaleAfter'" --set operator.nodeStaleAfter=90
reject "duration garbage" "/operator/drainingReapAfter': .*pattern" --set operator.drainingReapAfter=soon
reject "unknown log level" "/operator/logLevel': 'anyOf' failed" --set operator.logLevel=verbose
reject "unknown log format" "/operator/logFormat': value must be one of 'logfmt', 'json'" --set operator.logFormat=xml
reject "port out of range" "/operator/metrics/port': maximum" --set operator.metrics.port=70000
reject "misspelt operator key" "additional properties 'replica' not allowed" --set operator.replica=2
reject "misspelt top-level key" "additional properties 'operatr' not allowed" --set operatr.replicas=2
reject "root container" "/operator/securityContext/runAsNonRoot': value must be true" --set operator.securityContext.runAsNonRoot=false
reject "privilege escalation" "/agentDefaults/securityContext/allowPrivilegeEscalation': value must be false" --set agentDefaults.securityContext.allowPrivilegeEscalation=true
reject "agent accelerator tpu" "/agents/gpu/accelerator': value must be one of '', 'metal', 'cuda', 'none'" --set agents.gpu.accelerator=tpu
reject "agent mode unknown" "/agents/gpu/mode': value must be one of 'stub', 'exec'" --set agents.gpu.mode=docker
reject "agent pool name not a DNS label" "'Bad_Pool' does not match pattern" --set agents.Bad_Pool.replicas=1
reject "agent negative replicas" "/agents/gpu/replicas': minimum: got -1, want 0" --set agents.gpu.replicas=-1
reject "agent misspelt key" "/agents/gpu': additional properties 'acclerator' not allowed" --set agents.gpu.acclerator=cuda
reject "agent fixed name with replicas 2" "agents.gpu: nodeName \"box\" is fixed, so replicas must be 0 or 1" --set agents.gpu.nodeName=box --set agents.gpu.replicas=2
reject "exec mode without command" "agents.gpu: mode exec needs taskCommand" --set agents.gpu.mode=exec
reject "ServiceMonitor without Service" "serviceMonitor.enabled needs operator.metrics.service.enabled" --set operator.metrics.serviceMonitor.enabled=true --set operator.metrics.service.enabled=false

# ------------------------------------------------------------------ 4. apply
$K create namespace "$NS" >/dev/null
$K create namespace "$NS2" >/dev/null
$K create namespace "$TASKNS" >/dev/null
# Splits a rendering into CRDs (validated only) and everything else (applied).
split() { # in crds-out rest-out
    python3 - "$@" <<'EOF'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
crds = [d for d in docs if d["kind"] == "CustomResourceDefinition"]
rest = [d for d in docs if d["kind"] != "CustomResourceDefinition"]
yaml.safe_dump_all(crds, open(sys.argv[2], "w"))
yaml.safe_dump_all(rest, open(sys.argv[3], "w"))
EOF
}
split "$D" "$TMP/d-crds.yaml" "$TMP/d-rest.yaml"
split "$M" "$TMP/m-crds.yaml" "$TMP/m-rest.yaml"
check "server accepts chart CRDs (dry run)" $K apply --server-side --dry-run=server --field-manager=chart-test -f "$TMP/d-crds.yaml"
check "server-side apply (defaults)" $K apply --server-side --field-manager=chart-test -f "$TMP/d-rest.yaml"
check "server-side apply (multi-pool)" $K apply --server-side --field-manager=chart-test -f "$TMP/m-rest.yaml"
check "server-side apply is idempotent" $K apply --server-side --field-manager=chart-test -f "$TMP/m-rest.yaml"
for obj in $(objects "$TMP/m-rest.yaml" | awk '{print $1"/"$2"/"$3}'); do
    IFS=/ read -r kind ns name <<<"$obj"
    if [ "$ns" = - ]; then
        check "exists: $kind $name" $K get "$kind" "$name"
    else
        check "exists: $kind $ns/$name" $K get "$kind" "$name" -n "$ns"
    fi
done
check "operator Deployment stored with 2 replicas" test "$($K get deploy "$OP2" -n "$NS2" -o jsonpath='{.spec.replicas}')" = 2

# ------------------------------------------------------------------ 5. RBAC
G=foreman.llmkube.dev
can() { # expect(yes|no) sa-namespace sa verb resource [kubectl args...]
    local want=$1 sns=$2 sa=$3 verb=$4 res=$5 got
    shift 5
    got=$($K auth can-i "$verb" "$res" --as="system:serviceaccount:$sns:$sa" "$@" 2>/dev/null)
    if [ "$got" = "$want" ]; then ok "$sa $verb $res $* = $want"; else bad "$sa $verb $res $*: want $want, got '$got'"; fi
}

# The operator of the default install.
OSA=$REL-foreman-operator
for v in get list watch update patch delete; do can yes "$NS" "$OSA" $v fleetnodes.$G; done
for v in get update patch; do can yes "$NS" "$OSA" $v fleetnodes.$G --subresource=status; done
for v in get list watch create update patch; do can yes "$NS" "$OSA" $v agentictasks.$G -n default; done
for v in get update patch; do can yes "$NS" "$OSA" $v agentictasks.$G --subresource=status -n "$TASKNS"; done
for v in get list watch update patch; do can yes "$NS" "$OSA" $v workloads.$G -n default; done
for v in get update patch; do can yes "$NS" "$OSA" $v workloads.$G --subresource=status -n default; done
for v in create patch; do can yes "$NS" "$OSA" $v events -n default; can yes "$NS" "$OSA" $v events -n "$NS"; done
can yes "$NS" "$OSA" create leases.coordination.k8s.io -n "$NS"
for v in get update; do can yes "$NS" "$OSA" $v leases.coordination.k8s.io/foreman-operator.llmkube.dev -n "$NS"; done
# ... and what it must not do.
can no "$NS" "$OSA" get leases.coordination.k8s.io/kube-scheduler -n "$NS"
can no "$NS" "$OSA" create leases.coordination.k8s.io -n default
can no "$NS" "$OSA" delete leases.coordination.k8s.io/foreman-operator.llmkube.dev -n "$NS"
for v in get list watch; do can no "$NS" "$OSA" $v secrets -n "$NS"; can no "$NS" "$OSA" $v secrets -A; done
for v in get list create delete; do can no "$NS" "$OSA" $v pods -n "$NS"; done
for v in create update patch delete; do can no "$NS" "$OSA" $v customresourcedefinitions.apiextensions.k8s.io; done
can no "$NS" "$OSA" create fleetnodes.$G
can no "$NS" "$OSA" delete agentictasks.$G -n default
can no "$NS" "$OSA" create workloads.$G -n default
can no "$NS" "$OSA" delete workloads.$G -n default
can no "$NS" "$OSA" create clusterrolebindings.rbac.authorization.k8s.io
# Agent definitions: checked, with their ModelProfile; no writes to either.
for v in get list watch; do can yes "$NS" "$OSA" $v agents.$G -n default; done
for v in get update patch; do can yes "$NS" "$OSA" $v agents.$G --subresource=status -n default; done
can yes "$NS" "$OSA" get modelprofiles.$G
for v in create update delete; do can no "$NS" "$OSA" $v agents.$G -n default; done
can no "$NS" "$OSA" list modelprofiles.$G

# The agent of the default install (cluster-wide task access).
ASA=$REL-foreman-agent
for v in get list watch create update patch; do can yes "$NS" "$ASA" $v fleetnodes.$G; done
for v in get update patch; do can yes "$NS" "$ASA" $v fleetnodes.$G --subresource=status; done
for v in get list watch; do can yes "$NS" "$ASA" $v agentictasks.$G -n default; done
can yes "$NS" "$ASA" patch agentictasks.$G --subresource=status -n default
# Only the status subresource: never a task's spec, labels or annotations
# (issue #17: an agent could rewrite any task's command), never a PUT.
for v in patch update; do can no "$NS" "$ASA" $v agentictasks.$G -n default; done
for v in update get; do can no "$NS" "$ASA" $v agentictasks.$G --subresource=status -n default; done
for v in create patch; do can yes "$NS" "$ASA" $v events -n default; done
can no "$NS" "$ASA" delete fleetnodes.$G
can no "$NS" "$ASA" create agentictasks.$G -n default
can no "$NS" "$ASA" delete agentictasks.$G -n default
for v in get list update patch; do can no "$NS" "$ASA" $v workloads.$G -n default; done
can no "$NS" "$ASA" create leases.coordination.k8s.io -n "$NS"
for v in get list; do can no "$NS" "$ASA" $v secrets -n "$NS"; can no "$NS" "$ASA" $v secrets -A; done
for v in get list create; do can no "$NS" "$ASA" $v pods -n "$NS"; done
for v in create delete; do can no "$NS" "$ASA" $v customresourcedefinitions.apiextensions.k8s.io; done
# A task's Agent and its ModelProfile: get only; no Secret without
# rbac.agentApiKeySecret.
can yes "$NS" "$ASA" get agents.$G -n default
can yes "$NS" "$ASA" get modelprofiles.$G
for v in list watch update patch; do can no "$NS" "$ASA" $v agents.$G -n default; done
for v in list update; do can no "$NS" "$ASA" $v modelprofiles.$G; done
can no "$NS" "$ASA" get secrets/llm-api-key -n default

# The agent of the multi-pool install: tasks only in the pools' namespaces.
ASA2=$REL2-foreman-agent
for n in "$NS2" "$TASKNS"; do
    for v in get list watch; do can yes "$NS2" "$ASA2" $v agentictasks.$G -n "$n"; done
    can no "$NS2" "$ASA2" patch agentictasks.$G -n "$n"
    can yes "$NS2" "$ASA2" patch agentictasks.$G --subresource=status -n "$n"
done
can no "$NS2" "$ASA2" list agentictasks.$G -n default
can no "$NS2" "$ASA2" patch agentictasks.$G --subresource=status -n default
can no "$NS2" "$ASA2" list agentictasks.$G -A
can yes "$NS2" "$ASA2" patch fleetnodes.$G --subresource=status
# rbac.agentApiKeySecret: that one Secret, by name, where the pools' tasks are.
can yes "$NS2" "$ASA2" get agents.$G -n "$TASKNS"
can no "$NS2" "$ASA2" get agents.$G -n default
can yes "$NS2" "$ASA2" get secrets/llm-api-key -n "$TASKNS"
can no "$NS2" "$ASA2" get secrets/llm-api-key -n default
can no "$NS2" "$ASA2" get secrets/other -n "$TASKNS"
can yes "$NS2" "$ASA2" get secrets/git-token -n "$TASKNS"
can no "$NS2" "$OP2" get secrets/git-token -n "$TASKNS"
for v in list watch; do can no "$NS2" "$ASA2" $v secrets -n "$TASKNS"; done
can yes "$NS2" "$OP2" get secrets/llm-api-key -n "$TASKNS"
can no "$NS2" "$OP2" get secrets/other -n "$TASKNS"
can no "$NS2" "$OP2" list secrets -n "$TASKNS"
# The multi-pool operator with leader election.
can yes "$NS2" "$OP2" update leases.coordination.k8s.io/foreman-operator.llmkube.dev -n "$NS2"
can no "$NS2" "$OP2" update leases.coordination.k8s.io/foreman-operator.llmkube.dev -n "$NS"
# One component's identity grants nothing in the other's namespace.
can no "$NS2" "$OP2" get leases.coordination.k8s.io/foreman-operator.llmkube.dev -n "$NS"

# ------------------------------------------------------------------ 6. helm itself
# A real install, upgrade and uninstall through Helm (CRDs left to the
# fixture: a release may not adopt CRDs it did not create).
NS3=chart-helm-$ID
REL3=hr$ID
$K create namespace "$NS3" >/dev/null
if $HELM install "$REL3" "$CHART" -n "$NS3" --set crds.install=false >"$TMP/install" 2>&1; then
    ok "helm install"
    check "NOTES name the release" grep -q "installed as release $REL3 in namespace $NS3" "$TMP/install"
else
    bad "helm install: $(tail -5 "$TMP/install")"
fi
if $HELM upgrade "$REL3" "$CHART" -n "$NS3" --reuse-values --set operator.replicas=2 \
        --set agents.edge.replicas=1 --set agents.edge.accelerator=metal >"$TMP/upgrade" 2>&1; then
    ok "helm upgrade"
    check "upgrade scaled the operator to 2 with leader election" test \
        "$($K get deploy "$REL3-foreman-operator" -n "$NS3" -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].args}' | grep -o '^2 .*--leader-elect"' | cut -c1)" = 2
    check "upgrade added agent pool edge" $K get deploy "$REL3-foreman-agent-edge" -n "$NS3"
    check "agent pool edge carries its flags" sh -c "$K get deploy $REL3-foreman-agent-edge -n $NS3 -o jsonpath='{.spec.template.spec.containers[0].args}' | grep -q -- '--accelerator=metal'"
else
    bad "helm upgrade: $(tail -5 "$TMP/upgrade")"
fi
check "helm uninstall" $HELM uninstall "$REL3" -n "$NS3"
check "uninstall removed the cluster roles" test -z "$($K get clusterrole -l app.kubernetes.io/instance=$REL3 -o name)"
check "uninstall left the CRDs" $K get crd agentictasks.foreman.llmkube.dev
$K delete namespace "$NS3" --wait=false >/dev/null 2>&1

# ------------------------------------------------------------------ 7. codegen
# What `make charts` would write, rendered into a scratch tree and compared
# with charts/ (the same as `make charts && git diff --exit-code charts/`,
# without touching the checkout).
if python3 "$ROOT/codegen/foremangen.py" --root "$ROOT" --charts --out "$TMP/gen" 2>"$TMP/err"; then
    check "make charts leaves charts/ unchanged" diff -r "$TMP/gen/charts/foreman/templates/crds" "$CHART/templates/crds"
else
    bad "make charts: $(cat "$TMP/err")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

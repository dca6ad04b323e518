#!/usr/bin/env bash
# The schema language against a real API server (issue #22): the CRD of the
# fixture kind Gadget (tests/codegen/good/every_construct.yaml, generated
# into generated/fixtures/crds/), which uses every construct, is accepted
# and established; a valid object is accepted, survives the C codec
# unchanged (every_construct_echo) and a replace of that re-encoding;
# kubectl shows the filtered Ready column, the category, the scale
# subresource and the deprecated second version; each invalid object is
# rejected with its rule's message. Runs against the control plane of the
# `controlplane` fixture; removes its CRD at the end.
set -uo pipefail
. "$TESTENV_DIR/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"
ROOT=${FOREMAN_SOURCE_DIR:-$(pwd)}
ECHO=${FOREMAN_BIN:-$ROOT/build/bin}/every_construct_echo
FM_ECHO=${FOREMAN_BIN:-$ROOT/build/bin}/fm_echo
CRD=$ROOT/generated/fixtures/crds/every.example.dev_gadgets.yaml
NS=schema-$$
TMP=$(mktemp -d)
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1" >&2; }
check() { # name command...
    local name=$1
    shift
    if "$@" >"$TMP/out" 2>&1; then ok "$name"; else bad "$name: $(tail -3 "$TMP/out")"; fi
}
cleanup() {
    $K delete namespace "$NS" --wait=false >/dev/null 2>&1
    $K delete modelprofiles,agentreleases,fleetnodes -l schema-test=$$ --wait=false >/dev/null 2>&1
    $K delete -f "$CRD" --wait=false >/dev/null 2>&1
    rm -rf "$TMP"
}
trap cleanup EXIT

# 1. The CRD is accepted (structural schema, CEL rules compile) and established.
check "crd accepted" $K apply --server-side -f "$CRD"
check "crd established" $K wait --for condition=established --timeout=60s crd/gadgets.every.example.dev
$K create namespace "$NS" >/dev/null

# 2. A valid object with every construct.
valid=$(python3 - "$ROOT/tests/fixtures/gadget.json" "$NS" <<'EOF'
import json, sys
o = json.load(open(sys.argv[1]))
o["metadata"] = {"name": "g1", "namespace": sys.argv[2]}
del o["status"]
print(json.dumps(o))
EOF
)
check "valid object accepted" $K create -f - <<<"$valid"
status=$(python3 -c 'import json,sys; print(json.dumps({"status": json.load(open(sys.argv[1]))["status"]}))' \
    "$ROOT/tests/fixtures/gadget.json")
check "status written" $K patch gadget g1 -n "$NS" --subresource status --type merge -p "$status"

# 3. What the server stores survives the C codec unchanged, and the
#    re-encoding is accepted back as is.
$K get gadget g1 -n "$NS" -o json >"$TMP/server.json"
same() { python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if a == b else 1)' "$@"; }
if "$ECHO" <"$TMP/server.json" >"$TMP/echo.json"; then
    check "C decode+encode keeps the server's object" same "$TMP/server.json" "$TMP/echo.json"
    check "server accepts the C re-encoding" $K replace -f "$TMP/echo.json"
    $K get gadget g1 -n "$NS" -o json >"$TMP/server2.json"
    check "replace changed nothing but resourceVersion" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for o in (a, b):
    o["metadata"].pop("resourceVersion", None); o["metadata"].pop("managedFields", None)
sys.exit(0 if a == b else 1)' "$TMP/server.json" "$TMP/server2.json"
else
    bad "every_construct_echo failed: $(cat "$TMP/echo.json")"
fi
$K get gadgets -n "$NS" -o json >"$TMP/list.json"
check "C decodes the list" sh -c "'$ECHO' --list <'$TMP/list.json' >/dev/null"
check "numbers kept as Go writes them" grep -q '"scores":{"a":1e-7,"b":3e+21}' "$TMP/echo.json"
check "int-or-string kept its spelling" grep -q '"ports":\[80,"https"\]' "$TMP/echo.json"

# 4. kubectl: the filtered Ready column, priority columns, category, scale, versions.
check "header" test "$($K get gadgets -n "$NS" | head -1 | tr -s ' ')" = "NAME READY REPLICAS AGE"
check "ready column shows the Ready condition" test "$($K get gadget g1 -n "$NS" --no-headers | awk '{print $2}')" = True
check "wide shows priority columns" sh -c "$K get gadgets -n $NS -o wide | head -1 | grep -q 'TEMP.*FIRST TOOL'"
check "wide shows the first tool" sh -c "$K get gadgets -n $NS -o wide --no-headers | grep -q grep"
check "category lists it" sh -c "$K get every -n $NS --no-headers | grep -q g1"
check "kubectl get foreman covers every Foreman kind" sh -c "$K api-resources --categories=foreman -o name | sort | tr '\\n' ' ' | grep -q 'agentictasks.*fleetnodes.*workloads'"
check "short name" sh -c "$K get gd -n $NS --no-headers | grep -q g1"
check "scale subresource" $K scale gadget g1 -n "$NS" --replicas=3
check "scale wrote spec.replicas" test "$($K get gadget g1 -n "$NS" -o jsonpath='{.spec.replicas}')" = 3
check "storage version v1" test "$($K get crd gadgets.every.example.dev -o jsonpath='{.status.storedVersions}')" = '["v1"]'
check "v1beta1 served" sh -c "$K get gadgets.v1beta1.every.example.dev -n $NS --no-headers 2>&1 | grep -q g1"
check "v1beta1 deprecated" sh -c "$K get gadgets.v1beta1.every.example.dev -n $NS 2>&1 | grep -q 'is deprecated'"
echo '{"apiVersion":"every.example.dev/v1","kind":"Gadget","metadata":{"name":"g2"},"spec":{"tools":[{"name":"a"}]}}' >"$TMP/g2.json"
check "int-or-string default" test "$($K create -n "$NS" -o jsonpath='{.spec.port}' -f "$TMP/g2.json")" = http

# 5. Each invalid object is rejected with its rule's message.
spec() { # JSON members merged into a minimal valid spec
    python3 -c 'import json,sys; s={"tools":[{"name":"a"}]}; s.update(json.loads(sys.argv[2])); print(json.dumps({"apiVersion":"every.example.dev/v1","kind":"Gadget","metadata":{"name":sys.argv[1]},"spec":s}))' "$@"
}
reject() { # name object message
    local out
    out=$($K create -n "$NS" -f - 2>&1 <<<"$2")
    if [ $? -ne 0 ] && grep -qF -- "$3" <<<"$out"; then ok "rejects $1"; else bad "rejects $1: want '$3', got: $out"; fi
}
reject "end before start (struct CEL rule, fieldPath)" "$(spec b1 '{"window":{"start":5,"end":1}}')" "spec.window.end: Invalid value"
reject "end before start message" "$(spec b1 '{"window":{"start":5,"end":1}}')" "end must not be before start"
reject "replicas above max (messageExpression)" "$(spec b2 '{"replicas":20,"maxReplicas":2}')" "replicas far above maxReplicas"
reject "long name (kind-level rule)" "$(spec gadget-with-a-name-that-is-much-longer-than-forty '{}')" "gadget names are at most 40 characters"
reject "empty tool list (minItems)" "$(spec b4 '{"tools":[]}')" "spec.tools"
reject "temperature 2 (exclusiveMaximum)" "$(spec b5 '{"temperature":2}')" "spec.temperature"
reject "ratio 0.25 (exclusiveMinimum, float bound)" "$(spec b6 '{"ratio":0.25}')" "spec.ratio"
reject "cpu and gpu (oneOf)" "$(spec b7 '{"limits":{"cpu":1,"gpu":1,"memory":"1Gi"}}')" "spec.limits"
reject "neither memory nor disk (anyOf)" "$(spec b8 '{"limits":{"gpu":1}}')" "spec.limits"
reject "port pattern (int-or-string)" "$(spec b9 '{"port":"HTTP!"}')" "spec.port"
reject "port is a bool (int-or-string)" "$(spec b10 '{"port":true}')" "spec.port"
reject "inline enum" "$(spec b11 '{"phase":"Sleeping"}')" 'Unsupported value: "Sleeping"'
reject "weights with 5 keys (maxProperties)" "$(spec b12 '{"weights":{"a":1,"b":2,"c":3,"d":4,"e":5}}')" "spec.weights"
reject "empty kwargs (minProperties)" "$(spec b13 '{"chatTemplateKwargs":{}}')" "spec.chatTemplateKwargs"
reject "matrix too long (maxItems)" "$(spec b14 '{"matrix":[[1],[2],[3],[4],[5]]}')" "spec.matrix"
reject "matrix of strings (list of lists)" "$(spec b15 '{"matrix":[["x"]]}')" "spec.matrix[0][0]"
reject "scores value a string (map<string,number>)" "$(spec b16 '{"scores":{"a":"x"}}')" "spec.scores.a"
reject "quantity pattern" "$(spec b21 '{"requests":{"cpu":"lots"}}')" "spec.requests.cpu"
reject "settings value not an object (map<string,json>)" "$(spec b22 '{"settings":{"a":1}}')" "spec.settings.a"
reject "duration format" "$(spec b17 '{"schedule":"soon"}')" "spec.schedule"
reject "count above maximum (Go int)" "$(spec b18 '{"count":1000001}')" "spec.count"
reject "embedded resource without kind" "$(spec b19 '{"template":{"apiVersion":"v1"}}')" "spec.template"
reject "mode grid value (enum in a list of lists)" "$(spec b20 '{"modeGrid":[["medium"]]}')" 'Unsupported value: "medium"'
out=$($K patch gadget g1 -n "$NS" --type merge -p '{"spec":{"setOnce":"second"}}' 2>&1)
if [ $? -ne 0 ] && grep -qF "setOnce cannot change once set" <<<"$out" && grep -qF "Forbidden" <<<"$out"; then
    ok "rejects change of setOnce (optionalOldSelf, reason Forbidden)"
else
    bad "setOnce: $out"
fi
check "setOnce may be set on a gadget without one" $K patch gadget g2 -n "$NS" --type merge -p '{"spec":{"setOnce":"late"}}'
out=$($K patch gadget g1 -n "$NS" --type merge -p '{"spec":{"immutableName":"changed"}}' 2>&1)
if [ $? -ne 0 ] && grep -qF "immutableName is immutable" <<<"$out"; then ok "rejects change of immutableName (transition rule)"; else bad "immutable: $out"; fi

# 6. Objects of every kind as the Go project writes them (its current CRDs):
#    the server accepts them, and what it stores survives the C codec with
#    nothing left unmodelled.
for f in "$ROOT"/tests/fixtures/head-objects/*.json; do
    name=$(basename "$f" .json)
    read -r kind objname namespaced < <(python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))
print(o["kind"], o["metadata"]["name"], "namespace" in o["metadata"])' "$f")
    python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))
o["metadata"].setdefault("labels", {})["schema-test"] = sys.argv[3]
if "namespace" in o["metadata"]:
    o["metadata"]["namespace"] = sys.argv[2]
o.pop("status", None)
json.dump(o, sys.stdout)' "$f" "$NS" "$$" >"$TMP/$name.in"
    status=$(python3 -c 'import json,sys; print(json.dumps({"status": json.load(open(sys.argv[1]))["status"]}))' "$f")
    nsarg=()
    [ "$namespaced" = True ] && nsarg=(-n "$NS")
    check "$kind: Go-written object accepted" $K create -f "$TMP/$name.in"
    check "$kind: status accepted" $K patch "${name}s.foreman.llmkube.dev" "$objname" "${nsarg[@]}" \
        --subresource status --type merge -p "$status"
    $K get "${name}s.foreman.llmkube.dev" "$objname" "${nsarg[@]}" -o json >"$TMP/$name.server"
    if "$FM_ECHO" "$kind" --strict <"$TMP/$name.server" >"$TMP/$name.echo" 2>"$TMP/$name.err"; then
        check "$kind: C codec keeps the server's object" same "$TMP/$name.server" "$TMP/$name.echo"
    else
        bad "$kind: fm_echo: $(cat "$TMP/$name.err")"
    fi
done
check "Agent's Validated column (filtered JSONPath)" \
    test "$($K get agents -n "$NS" --no-headers | awk '{print $5}')" = True

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

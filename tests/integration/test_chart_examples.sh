#!/usr/bin/env bash
# The manifests in examples/ (what `make run-local` applies) are valid
# against the real CRDs: each passes `kubectl apply --dry-run=server`, and
# applied for real they come back with the fields the docs describe. A
# deliberately broken copy is rejected, so the dry run is known to validate.
set -uo pipefail
. "$TESTENV_DIR/env"
ROOT=${FOREMAN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
K="$KUBECTL --kubeconfig $KUBECONFIG"
NS=examples-$$
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
cleanup() { $K delete agentictasks,workloads -n "$NS" --all --wait=false >/dev/null 2>&1; $K delete namespace "$NS" --wait=false >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT

$K create namespace "$NS" >/dev/null
files=("$ROOT"/examples/*.yaml)
check "examples exist" test "${#files[@]}" -ge 5
for f in "${files[@]}"; do
    check "dry-run=server $(basename "$f")" $K apply --dry-run=server -n "$NS" -f "$f"
done
for f in "${files[@]}"; do
    check "apply $(basename "$f")" $K apply --server-side --field-manager=examples-test -n "$NS" -f "$f"
done

field() { $K get -n "$NS" "$1" -o jsonpath="$2"; }
check "three requirement shapes: cuda" test "$(field at/fix-flaky-cache-test '{.spec.requiredCapability.accelerator}/{.spec.requiredCapability.minRAMGB}')" = cuda/16
check "three requirement shapes: metal" test "$(field at/summarize-release-notes '{.spec.requiredCapability.accelerator}')" = metal
check "three requirement shapes: any" test "$(field at/lint-docs '{.spec.requiredCapability.accelerator}')" = any
check "priorities differ" test "$(field at/fix-flaky-cache-test '{.spec.priority}')/$(field at/summarize-release-notes '{.spec.priority}')" = 100/50
check "dependency" test "$(field at/verify-cache-fix '{.spec.dependsOn[0]}')" = fix-flaky-cache-test
check "pipeline steps" test "$(field wl/add-rate-limiter '{.spec.pipeline[*].name}')" = "plan implement docs verify"
check "pipeline step dependsOn" test "$(field wl/add-rate-limiter '{.spec.pipeline[?(@.name=="verify")].dependsOn[0]}')" = implement
check "pipeline step requirement" test "$(field wl/add-rate-limiter '{.spec.pipeline[?(@.name=="implement")].requiredCapability.minRAMGB}')" = 16

# The dry run validates: a broken copy of an example must be refused.
sed 's/accelerator: cuda/accelerator: tpu/' "$ROOT/examples/task-cuda-large.yaml" >"$TMP/broken.yaml"
if $K apply --dry-run=server -n "$NS" -f "$TMP/broken.yaml" >"$TMP/refused" 2>&1; then
    bad "dry-run refuses accelerator tpu: accepted"
else
    check "dry-run refuses accelerator tpu" grep -q 'Unsupported value: "tpu"' "$TMP/refused"
fi
sed 's/- name: implement/- name: Implement_Step/' "$ROOT/examples/workload-pipeline.yaml" >"$TMP/broken2.yaml"
if $K apply --dry-run=server -n "$NS" -f "$TMP/broken2.yaml" >"$TMP/out" 2>&1; then
    bad "dry-run refuses a step name that is not a DNS label: accepted"
else
    ok "dry-run refuses a step name that is not a DNS label"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# Agent definitions on the real control plane:
#   1. the operator checks each Agent and writes condition Validated: True
#      for a good one (its ModelProfile and API-key Secret present), False
#      with UnknownTool, SecretKeyMissing, ModelProfileNotFound otherwise;
#   2. the agent (least privilege: tests/integration/agent_lib.sh, as the
#      chart with rbac.agentApiKeySecret=llm-api-key) resolves a task's
#      spec.agentRef: a local Agent's model, prompt and its ModelProfile's
#      addendum reach the flags' model server; a cloud-proxy Agent's
#      endpoint, model and Secret key replace the flags (the key in no log or
#      transcript); a missing Agent fails with AgentNotFound, a missing key
#      with AuthUnavailable; the profile's toolChoice replaces
#      --llm-tool-choice and only the Agent's tools are offered;
#   3. `kubectl auth can-i` as the agent: get agents, modelprofiles and the
#      one Secret; nothing more.
. "$(dirname "$0")/agent_lib.sh"

setup_rbac || { bad "rbac setup"; summary; exit 1; }
NS=agentref-$RUN_ID
NODE=agentref-$RUN_ID
MP=mp-agentref-$RUN_ID
make_ns "$NS"
on_cleanup "$K delete fleetnode $NODE"
on_cleanup "$K delete modelprofile $MP"
SCN=$FOREMAN_BIN/llm_scenario
G=foreman.llmkube.dev

# two model servers: the agent's flags name S1, the cloud Agent names S2
printf '%s\n' 'tool submit_result {"verdict":"GO","summary":"local agent done"}' >"$WORK/s1"
printf '%s\n' 'tool submit_result {"verdict":"NO-GO","summary":"cloud agent done"}' >"$WORK/s2"
"$SCN" "$WORK/s1" "$WORK/p1" &
on_cleanup "kill $!"
"$SCN" "$WORK/s2" "$WORK/p2" &
on_cleanup "kill $!"
wait_until 10 test -s "$WORK/p1"
wait_until 10 test -s "$WORK/p2"
P1=$(head -1 "$WORK/p1")
P2=$(head -1 "$WORK/p2")

$K apply -f - >/dev/null <<YAML
apiVersion: $G/v1alpha1
kind: ModelProfile
metadata: {name: $MP}
spec: {systemPromptAddendum: "ADDENDUM-FROM-PROFILE", stuckLoopDetection: {repeatedToolThreshold: 4},
       toolChoice: "auto", textToolCallFormat: hermes}
YAML
check "modelprofile: a toolChoice outside the policy is refused" bash -c "! $K apply -f - >/dev/null 2>&1 <<YAML
apiVersion: $G/v1alpha1
kind: ModelProfile
metadata: {name: $MP-bad}
spec: {toolChoice: sometimes}
YAML"
$K create secret generic llm-api-key -n "$NS" --from-literal=token=sk-agentref-secret >/dev/null
$K apply -n "$NS" -f - >/dev/null <<YAML
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: coder}
spec: {role: coder, model: agent-model, modelProfileRef: $MP, systemPrompt: "PROMPT-FROM-AGENT",
       maxTurns: 5, tools: [bash, read_file, submit_result]}
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: cloud}
spec:
  role: reviewer
  provider: cloud-proxy
  providerConfig: {baseURL: "http://127.0.0.1:$P2", model: cloud-model,
                   apiKeySecretRef: {name: llm-api-key, key: token}}
  tools: [read_file, submit_result]
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: badtool}
spec: {role: coder, model: m, tools: [bash, teleport]}
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: nokey}
spec:
  role: coder
  provider: cloud-proxy
  providerConfig: {baseURL: "http://127.0.0.1:$P2", model: m, apiKeySecretRef: {name: llm-api-key, key: missing}}
  tools: [bash]
---
apiVersion: $G/v1alpha1
kind: Agent
metadata: {name: noprofile}
spec: {role: coder, model: m, modelProfileRef: no-such-profile-$RUN_ID, tools: [bash]}
YAML

# ---------------------------------------------------------------- 1. Validated
"$FOREMAN_BIN/foreman-operator" --kubeconfig "$KUBECONFIG" --metrics-bind-address=0 \
    --health-probe-bind-address=0 >"$WORK/operator.log" 2>&1 &
OP_PID=$!
on_cleanup "kill -KILL $OP_PID"
ag_cond() { $K get agent "$1" -n "$NS" -o jsonpath="{.status.conditions[?(@.type==\"Validated\")].$2}" 2>/dev/null; }
ag_cond_is() { [ "$(ag_cond "$1" "$2")" = "$3" ]; }
check "validated: coder True" wait_until 30 ag_cond_is coder status True
check "validated: coder reason Valid" test "$(ag_cond coder reason)" = Valid
check "validated: cloud True (Secret and key present)" wait_until 10 ag_cond_is cloud status True
check "validated: badtool False" wait_until 10 ag_cond_is badtool status False
check "validated: badtool UnknownTool" test "$(ag_cond badtool reason)" = UnknownTool
check "validated: the message names the tool" bash -c "$K get agent badtool -n $NS -o yaml | grep -q 'unknown tool .*teleport'"
check "validated: nokey SecretKeyMissing" wait_until 10 ag_cond_is nokey reason SecretKeyMissing
check "validated: noprofile ModelProfileNotFound" wait_until 10 ag_cond_is noprofile reason ModelProfileNotFound
check "validated: observedGeneration" test "$($K get agent coder -n "$NS" -o jsonpath='{.status.observedGeneration}')" = 1
# fixed: the tool list is corrected and the condition follows
$K patch agent badtool -n "$NS" --type merge -p '{"spec":{"tools":["bash"]}}' >/dev/null
check "validated: badtool True after the fix" wait_until 10 ag_cond_is badtool status True
check "validated: the Secret's value is in no operator log" bash -c "! grep -q sk-agentref-secret '$WORK/operator.log'"
kill -TERM $OP_PID
wait $OP_PID 2>/dev/null

# ---------------------------------------------------------------- 2. tasks
start_agent "$WORK/agent.log" --fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s \
    --workspace-dir "$WORK/ws" --agent-mode native --llm-base-url "http://127.0.0.1:$P1" \
    --llm-model flag-model --llm-tool-choice required
wait_until 10 fn_is "$NODE" '{.status.phase}' Ready
cond() { task_get "$NS" "$1" "{.status.conditions[?(@.type==\"$2\")].$3}"; }
reftask() { # name agent
    $K apply -n "$NS" -f - >/dev/null <<JSON
{"apiVersion":"$G/v1alpha1","kind":"AgenticTask",
 "metadata":{"name":"$1","labels":{"$G/assigned-node":"$NODE"}},
 "spec":{"kind":"freeform","modelRef":"task-model","timeoutSeconds":60,"agentRef":{"name":"$2"},
         "payload":{"prompt":"Do it."}}}
JSON
    schedule_task "$NS" "$1" "$NODE"
}

reftask t-local coder
check "local agent: Succeeded" wait_until 30 phase_is "$NS" t-local Succeeded
check "local agent: the Agent's model is asked for" grep -q '"model":"agent-model"' "$WORK/p1.requests"
check "local agent: the Agent's prompt" grep -q 'PROMPT-FROM-AGENT' "$WORK/p1.requests"
check "local agent: the profile's addendum" grep -q 'ADDENDUM-FROM-PROFILE' "$WORK/p1.requests"
check "local agent: not the flag's model" bash -c "! grep -q flag-model '$WORK/p1.requests'"
check "local agent: the profile's toolChoice over the flag" grep -q '"tool_choice":"auto"' "$WORK/p1.requests"
check "local agent: only the Agent's tools offered" bash -c "grep -q '\"name\":\"bash\"' '$WORK/p1.requests' && ! grep -q '\"name\":\"write_file\"' '$WORK/p1.requests'"

reftask t-cloud cloud
check "cloud agent: Succeeded" wait_until 30 phase_is "$NS" t-cloud Succeeded
check "cloud agent: verdict from its endpoint" test "$(task_get "$NS" t-cloud '{.status.verdict}')" = NO-GO
check "cloud agent: its endpoint and model" grep -q '"model":"cloud-model"' "$WORK/p2.requests"
check "cloud agent: no profile, the flag's toolChoice" grep -q '"tool_choice":"required"' "$WORK/p2.requests"
check "cloud agent: the flags' server not asked" test "$(wc -l <"$WORK/p1.requests")" = 1
check "cloud agent: key in no agent log" bash -c "! grep -q sk-agentref-secret '$WORK/agent.log'"
check "cloud agent: key in no transcript" bash -c "! grep -rq sk-agentref-secret '$WORK/ws'"
check "cloud agent: key in no request body" bash -c "! grep -q sk-agentref-secret '$WORK/p2.requests'"

reftask t-missing no-such-agent
check "missing agent: Failed" wait_until 30 phase_is "$NS" t-missing Failed
check "missing agent: AgentNotFound" test "$(cond t-missing Completed reason)" = AgentNotFound
reftask t-nokey nokey
check "missing key: Failed" wait_until 30 phase_is "$NS" t-nokey Failed
check "missing key: AuthUnavailable" test "$(cond t-nokey Completed reason)" = AuthUnavailable
stop_agent TERM
check "agent exits 0" test "$STOP_RC" = 0

# ---------------------------------------------------------------- 3. RBAC
can() { # yes|no verb resource [args]
    local want=$1 got
    shift
    got=$($KUBECTL --kubeconfig "$AGENT_KC" auth can-i "$@" 2>/dev/null)
    if [ "$got" = "$want" ]; then ok "agent can-i $* = $want"; else bad "agent can-i $*: want $want, got '$got'"; fi
}
can yes get agents.$G -n "$NS"
can yes get modelprofiles.$G
can yes get secrets/llm-api-key -n "$NS"
for v in list watch create update patch delete; do can no $v agents.$G -n "$NS"; done
for v in list create update delete; do can no $v modelprofiles.$G; done
can no get secrets/other -n "$NS"
for v in list watch create update; do can no $v secrets -n "$NS"; done
summary

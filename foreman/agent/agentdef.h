/*
 * agentdef.h - Agent definitions (kind Agent, with its ModelProfile): what
 * the operator checks before it calls one Validated, and how the agent turns
 * one into the settings of the native loop for a task that names it in
 * spec.agentRef.
 *
 * Pure functions over decoded objects: no API calls, no logging. The
 * callers fetch the Agent, its ModelProfile and the API key's Secret.
 */
#ifndef FOREMAN_AGENTDEF_H
#define FOREMAN_AGENTDEF_H

#include <stdbool.h>
#include <stddef.h>

#include "executor.h"
#include "foreman_v1alpha1.h"

#ifdef __cplusplus
extern "C" {
#endif

/* True when name is a tool of the native loop (agent_tools.h): read_file,
 * write_file, str_replace, list_files, grep, bash, submit_result. */
bool fm_agentdef_tool_known(const char *name);

/*
 * Checks what an Agent's spec alone can tell: an endpoint (provider
 * cloud-proxy: providerConfig.baseURL and model; local: spec.model or
 * inferenceServiceRef, the model then served by the node's
 * --llm-base-url), at least one tool and every tool known, a temperature
 * that parses. Returns NULL when valid; otherwise the reason
 * (NoEndpoint, UnknownTool, NoTools, InvalidTemperature; static) with
 * a one-line explanation in msg (size n).
 */
const char *fm_agentdef_check(const fm_agent *ag, char *msg, size_t n);

/* The Secret an Agent's API key comes from (providerConfig.apiKeySecretRef),
 * or NULL when it names none. */
const fm_secret_key_selector *fm_agentdef_key_ref(const fm_agent *ag);

/* A native configuration resolved for one task: `native` points into the
 * owned strings below. Clear with fm_agentdef_resolved_clear. */
typedef struct fm_agentdef_resolved {
    fm_executor_native_config native;
    char *base_url, *model, *system_prompt, *addendum, *api_key, *git_token;
    char *tool_choice, *text_call_format;
} fm_agentdef_resolved;

/*
 * Resolves the settings of a task run by Agent ag (and ModelProfile mp, may
 * be NULL): starts from base (the agent's --llm-* flags) and overrides
 * what the Agent sets: endpoint and model (cloud-proxy: providerConfig),
 * maxTurns, maxOutputTokens, temperature, systemPrompt (with the
 * profile's systemPromptAddendum after it), the stuck-loop thresholds
 * (the Agent's over the profile's), the profile's toolChoice (over
 * --llm-tool-choice) and textToolCallFormat, the tools the loop offers
 * (spec.tools, submit_result always) and the API key (api_key, may be
 * NULL: the flag's file stays). The Agent has no tool-choice or text-call
 * fields, so for those the profile's word is the last. Returns 0 or
 * FM_ENOMEM.
 */
int fm_agentdef_resolve(fm_agentdef_resolved *out, const fm_executor_native_config *base, const fm_agent *ag,
                     const fm_model_profile *mp, const char *api_key);

/*
 * Joins the capability an Agent requires (add) into a task's (dst): the
 * larger minRAMGB and minContextTokens, add's accelerator where dst says
 * any, every nodeSelector label and role of add (dst's value kept on a
 * conflicting label), requiresModelInstalled when either asks. Returns 0
 * or FM_ENOMEM.
 */
int fm_agentdef_join_capability(fm_required_capability *dst, const fm_required_capability *add);

/* Frees the strings (the key wiped first) and zeroes *r. Accepts NULL. */
void fm_agentdef_resolved_clear(fm_agentdef_resolved *r);

#ifdef __cplusplus
}
#endif
#endif

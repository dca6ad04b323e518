/*
 * agentdef.c - checking an Agent definition and resolving it, with its
 * ModelProfile, into the native loop's settings (agentdef.h).
 */
#include "agentdef.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent_tools.h"
#include "error.h"

bool fm_agentdef_tool_known(const char *name) { return fm_tools_bit(name) != 0; }

static bool nonempty(const char *s) { return s && s[0]; }

static bool cloud(const fm_agent *ag) { return ag->spec.provider && !strcmp(ag->spec.provider, "cloud-proxy"); }

/* Parses a temperature "0".."2" with an optional fraction; false when it
 * is not one. */
static bool parse_temperature(const char *s, double *out)
{
    char *end = NULL;
    double v = strtod(s, &end);
    if (end == s || *end || v < 0 || v > 2) return false;
    *out = v;
    return true;
}

const char *fm_agentdef_check(const fm_agent *ag, char *msg, size_t n)
{
    const fm_agent_spec *s = &ag->spec;
    if (cloud(ag)) {
        if (!fm_agent_spec_has_provider_config(s) || !nonempty(s->provider_config.base_url)) {
            snprintf(msg, n, "provider cloud-proxy needs providerConfig.baseURL");
            return "NoEndpoint";
        }
        if (!nonempty(s->provider_config.model) && !nonempty(s->model)) {
            snprintf(msg, n, "provider cloud-proxy needs providerConfig.model (or spec.model)");
            return "NoEndpoint";
        }
    } else if (!nonempty(s->model) && !nonempty(s->inference_service_ref.name)) {
        snprintf(msg, n, "no endpoint: set spec.model (served by the node's --llm-base-url) or "
                         "spec.inferenceServiceRef");
        return "NoEndpoint";
    }
    if (s->tools.len == 0) {
        snprintf(msg, n, "spec.tools is empty");
        return "NoTools";
    }
    for (size_t i = 0; i < s->tools.len; i++) {
        if (fm_agentdef_tool_known(s->tools.items[i])) continue;
        snprintf(msg, n, "unknown tool \"%.64s\" (known: read_file, write_file, str_replace, list_files, "
                         "grep, bash, submit_result)", s->tools.items[i] ? s->tools.items[i] : "");
        return "UnknownTool";
    }
    double t;
    if (nonempty(s->temperature) && !parse_temperature(s->temperature, &t)) {
        snprintf(msg, n, "temperature \"%.32s\" is not a number from 0 to 2", s->temperature);
        return "InvalidTemperature";
    }
    snprintf(msg, n, "endpoint, tools and settings are valid");
    return NULL;
}

const fm_secret_key_selector *fm_agentdef_key_ref(const fm_agent *ag)
{
    const fm_agent_spec *s = &ag->spec;
    if (!fm_agent_spec_has_provider_config(s) || !fm_provider_config_has_api_key_secret_ref(&s->provider_config))
        return NULL;
    const fm_secret_key_selector *k = &s->provider_config.api_key_secret_ref;
    return nonempty(k->name) ? k : NULL;
}

void fm_agentdef_resolved_clear(fm_agentdef_resolved *r)
{
    if (!r) return;
    if (r->api_key) memset(r->api_key, 0, strlen(r->api_key));
    free(r->api_key);
    if (r->git_token) memset(r->git_token, 0, strlen(r->git_token));
    free(r->git_token);
    free(r->base_url);
    free(r->model);
    free(r->system_prompt);
    free(r->addendum);
    free(r->tool_choice);
    free(r->text_call_format);
    memset(r, 0, sizeof *r);
}

/* The stuck-loop thresholds of d into *repeat / *turns where set. */
static void stuck_from(const fm_stuck_loop_detection *d, int *repeat, int *turns)
{
    if (fm_stuck_loop_detection_has_repeated_tool_threshold(d) && d->repeated_tool_threshold > 0)
        *repeat = d->repeated_tool_threshold;
    if (fm_stuck_loop_detection_has_edit_free_turns_limit(d) && d->edit_free_turns_limit > 0)
        *turns = d->edit_free_turns_limit;
}

int fm_agentdef_resolve(fm_agentdef_resolved *out, const fm_executor_native_config *base, const fm_agent *ag,
                     const fm_model_profile *mp, const char *api_key)
{
    memset(out, 0, sizeof *out);
    out->native = *base;
    const fm_agent_spec *s = &ag->spec;
    fm_executor_native_config *nc = &out->native;
    int e = 0;
    if (cloud(ag) && fm_agent_spec_has_provider_config(s)) {
        if (nonempty(s->provider_config.base_url)) e |= fm_strset(&out->base_url, s->provider_config.base_url);
        if (nonempty(s->provider_config.model)) e |= fm_strset(&out->model, s->provider_config.model);
    }
    if (!out->model && nonempty(s->model)) e |= fm_strset(&out->model, s->model);
    if (fm_agent_spec_has_max_turns(s) && s->max_turns > 0) nc->max_turns = s->max_turns;
    if (fm_agent_spec_has_max_output_tokens(s) && s->max_output_tokens > 0) nc->max_output_tokens = s->max_output_tokens;
    double t;
    if (nonempty(s->temperature) && parse_temperature(s->temperature, &t)) {
        nc->has_temperature = true;
        nc->temperature = t;
    }
    if (fm_agent_spec_has_request_turn_timeout_seconds(s) && s->request_turn_timeout_seconds > 0)
        nc->first_byte_timeout_ns = (int64_t)s->request_turn_timeout_seconds * INT64_C(1000000000);
    /* the Agent's prompt replaces the flag's file; the profile's addendum
     * goes after whichever prompt the run ends up with */
    if (nonempty(s->system_prompt)) e |= fm_strset(&out->system_prompt, s->system_prompt);
    if (mp && nonempty(mp->spec.system_prompt_addendum))
        e |= fm_strset(&out->addendum, mp->spec.system_prompt_addendum);
    /* the model's tool-choice policy and text-call family go with its
     * profile; the Agent has no such fields to override them */
    if (mp && nonempty(mp->spec.tool_choice)) e |= fm_strset(&out->tool_choice, mp->spec.tool_choice);
    if (mp && nonempty(mp->spec.text_tool_call_format))
        e |= fm_strset(&out->text_call_format, mp->spec.text_tool_call_format);
    int repeat = nc->stuck_repeat, turns = nc->stuck_turns;
    if (mp && fm_model_profile_spec_has_stuck_loop_detection(&mp->spec)) stuck_from(&mp->spec.stuck_loop_detection, &repeat, &turns);
    if (fm_agent_spec_has_stuck_loop_detection(s)) stuck_from(&s->stuck_loop_detection, &repeat, &turns);
    nc->stuck_repeat = repeat;
    nc->stuck_turns = turns;
    /* only the Agent's tools (validation refused unknown names; one that
     * slips through counts for nothing); submit_result always */
    uint32_t allowed = TOOL_SUBMIT_RESULT;
    for (size_t i = 0; i < s->tools.len; i++) allowed |= fm_tools_bit(s->tools.items[i]);
    if (s->tools.len > 0) nc->tools_allowed = allowed;
    if (api_key) e |= fm_strset(&out->api_key, api_key);
    if (e) {
        fm_agentdef_resolved_clear(out);
        return fm_error_set(FM_ENOMEM, "agent %s: out of memory", ag->metadata.name ? ag->metadata.name : "");
    }
    if (out->base_url) nc->base_url = out->base_url;
    if (out->model) nc->model = out->model;
    if (out->system_prompt) {
        nc->system_prompt = out->system_prompt;
        nc->system_prompt_file = NULL;
    }
    if (out->addendum) nc->system_prompt_addendum = out->addendum;
    if (out->tool_choice) nc->tool_choice = out->tool_choice;
    if (out->text_call_format) nc->text_call_format = out->text_call_format;
    if (out->api_key) {
        nc->api_key = out->api_key;
        nc->api_key_file = NULL;
    }
    return 0;
}

int fm_agentdef_join_capability(fm_required_capability *dst, const fm_required_capability *add)
{
    if (fm_required_capability_has_min_ram_gb(add) &&
        (!fm_required_capability_has_min_ram_gb(dst) || add->min_ram_gb > dst->min_ram_gb))
        fm_required_capability_set_min_ram_gb(dst, add->min_ram_gb);
    if (fm_required_capability_has_min_context_tokens(add) &&
        (!fm_required_capability_has_min_context_tokens(dst) || add->min_context_tokens > dst->min_context_tokens))
        fm_required_capability_set_min_context_tokens(dst, add->min_context_tokens);
    if ((dst->accelerator == FM_REQUIRED_ACCELERATOR_UNSET || dst->accelerator == FM_REQUIRED_ACCELERATOR_ANY) &&
        add->accelerator != FM_REQUIRED_ACCELERATOR_UNSET)
        dst->accelerator = add->accelerator;
    if (fm_required_capability_has_requires_model_installed(add) && add->requires_model_installed)
        fm_required_capability_set_requires_model_installed(dst, true);
    for (size_t i = 0; i < add->node_selector.len; i++) {
        const fm_strpair *kv = &add->node_selector.items[i];
        bool have = false;
        for (size_t j = 0; j < dst->node_selector.len && !have; j++)
            have = !strcmp(dst->node_selector.items[j].key, kv->key);
        if (have) continue;
        if (fm_strmap_set(&dst->node_selector, kv->key, kv->value)) return fm_error_set(FM_ENOMEM, "capability: out of memory");
        fm_required_capability_set_node_selector_present(dst, true);
    }
    for (size_t i = 0; i < add->roles.len; i++) {
        bool have = false;
        for (size_t j = 0; j < dst->roles.len && !have; j++) have = !strcmp(dst->roles.items[j], add->roles.items[i]);
        if (have) continue;
        if (fm_strlist_push((fm_list *)&dst->roles, add->roles.items[i]))
            return fm_error_set(FM_ENOMEM, "capability: out of memory");
        fm_required_capability_set_roles_present(dst, true);
    }
    return 0;
}

/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * test_generated_roundtrip.c - per-kind round-trip test (the MAVLink idea):
 * for every kind and kind list, build an object with EVERY field set (once
 * with zero values: "", 0, false, empty lists and maps; once with rich values:
 * escapes, UTF-8, extreme integers, fractional times), encode it, decode the
 * text, and require equality, an identical re-encoding, an equal deep copy,
 * an equal packed copy (fm_codec_pack) and an empty merge patch. Also checks
 * enum name/parse tables and the shape of every descriptor table.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "k8s_core.h"
#include "foreman_v1alpha1.h"
#include "error.h"
#include "test.h"

static void *tcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* A string value for field `name`: "" for seed 0, else one that needs
 * escaping (quote, backslash, newline, tab, UTF-8, slash). */
static char *tstr(const char *name, int seed)
{
    if (seed == 0)
        return fm_strdup("");
    char buf[256];
    snprintf(buf, sizeof buf, "%s-%d \"q\" \\ \xc3\xa9 \n\t/", name, seed);
    return fm_strdup(buf);
}

/* Raw JSON of an arbitrary value (compact, as the codec keeps it). */
static char *tjson(int seed)
{
    return fm_strdup(seed == 0 ? "{}" : "{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":\"d\"}}");
}

static fm_time ttime(int seed)
{
    fm_time t = { 0, 0 };
    if (seed != 0) {
        t.sec = INT64_C(1767225600) + seed;     /* 2026-01-01T00:00:0xZ */
        t.nsec = 123456000;                     /* micro-time precision */
    }
    return t;
}

static void tmap(fm_strmap *m, int seed)
{
    if (seed == 0)
        return;
    char v[32];
    snprintf(v, sizeof v, "v%d", seed);
    if (fm_strmap_set(m, "app.kubernetes.io/name", v) < 0 || fm_strmap_set(m, "b", "\"x\"") < 0) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
}

/* An int-or-string: the number for even seeds, a string for odd ones, so
 * both spellings travel. */
__attribute__((unused)) static void tintstr(fm_int_or_string *v, int seed)
{
    if (seed % 2) {
        v->is_str = true;
        v->str = tstr("ios", seed);
    } else {
        v->num = seed ? -INT64_C(9007199254740993) - seed : 0;
    }
}

/* A map key: "k0", "k1", ... (one needs escaping for seed > 0). */
__attribute__((unused)) static char *tkey(size_t i, int seed)
{
    char buf[32];
    snprintf(buf, sizeof buf, i && seed ? "k%zu \"/\\" : "k%zu", i);
    return fm_strdup(buf);
}

static void fill_fm_k8s_owner_reference(fm_k8s_owner_reference *p, int seed);
static void fill_fm_k8s_object_meta(fm_k8s_object_meta *p, int seed);
static void fill_fm_k8s_config_map(fm_k8s_config_map *p, int seed);
static void fill_fm_k8s_list_meta(fm_k8s_list_meta *p, int seed);
static void fill_fm_k8s_config_map_list(fm_k8s_config_map_list *p, int seed);
static void fill_fm_k8s_object_reference(fm_k8s_object_reference *p, int seed);
static void fill_fm_k8s_event_source(fm_k8s_event_source *p, int seed);
static void fill_fm_k8s_event(fm_k8s_event *p, int seed);
static void fill_fm_k8s_event_list(fm_k8s_event_list *p, int seed);
static void fill_fm_k8s_lease_spec(fm_k8s_lease_spec *p, int seed);
static void fill_fm_k8s_lease(fm_k8s_lease *p, int seed);
static void fill_fm_k8s_lease_list(fm_k8s_lease_list *p, int seed);
static void fill_fm_k8s_secret(fm_k8s_secret *p, int seed);
static void fill_fm_k8s_secret_list(fm_k8s_secret_list *p, int seed);
static void fill_fm_k8s_status_cause(fm_k8s_status_cause *p, int seed);
static void fill_fm_k8s_status_details(fm_k8s_status_details *p, int seed);
static void fill_fm_k8s_status(fm_k8s_status *p, int seed);
static void fill_fm_resource_claim(fm_resource_claim *p, int seed);
static void fill_fm_resource_requirements(fm_resource_requirements *p, int seed);
static void fill_fm_agent_execution(fm_agent_execution *p, int seed);
static void fill_fm_local_object_reference(fm_local_object_reference *p, int seed);
static void fill_fm_secret_key_selector(fm_secret_key_selector *p, int seed);
static void fill_fm_mcp_header(fm_mcp_header *p, int seed);
static void fill_fm_mcp_server(fm_mcp_server *p, int seed);
static void fill_fm_mcp_settings(fm_mcp_settings *p, int seed);
static void fill_fm_provider_config(fm_provider_config *p, int seed);
static void fill_fm_required_capability(fm_required_capability *p, int seed);
static void fill_fm_stuck_loop_detection(fm_stuck_loop_detection *p, int seed);
static void fill_fm_vision_settings(fm_vision_settings *p, int seed);
static void fill_fm_agent_spec(fm_agent_spec *p, int seed);
static void fill_fm_k8s_condition(fm_k8s_condition *p, int seed);
static void fill_fm_agent_status(fm_agent_status *p, int seed);
static void fill_fm_agent(fm_agent *p, int seed);
static void fill_fm_agent_list(fm_agent_list *p, int seed);
static void fill_fm_release_artifact(fm_release_artifact *p, int seed);
static void fill_fm_health_gate(fm_health_gate *p, int seed);
static void fill_fm_label_selector_requirement(fm_label_selector_requirement *p, int seed);
static void fill_fm_label_selector(fm_label_selector *p, int seed);
static void fill_fm_agent_release_spec(fm_agent_release_spec *p, int seed);
static void fill_fm_node_update_status(fm_node_update_status *p, int seed);
static void fill_fm_agent_release_status(fm_agent_release_status *p, int seed);
static void fill_fm_agent_release(fm_agent_release *p, int seed);
static void fill_fm_agent_release_list(fm_agent_release_list *p, int seed);
static void fill_fm_gate_advisory(fm_gate_advisory *p, int seed);
static void fill_fm_shared_identifier(fm_shared_identifier *p, int seed);
static void fill_fm_slice(fm_slice *p, int seed);
static void fill_fm_task_payload(fm_task_payload *p, int seed);
static void fill_fm_gate_commands(fm_gate_commands *p, int seed);
static void fill_fm_test_layout(fm_test_layout *p, int seed);
static void fill_fm_gate_profile(fm_gate_profile *p, int seed);
static void fill_fm_verdict_policy(fm_verdict_policy *p, int seed);
static void fill_fm_agentic_task_spec(fm_agentic_task_spec *p, int seed);
static void fill_fm_agentic_task_status(fm_agentic_task_status *p, int seed);
static void fill_fm_agentic_task(fm_agentic_task *p, int seed);
static void fill_fm_agentic_task_list(fm_agentic_task_list *p, int seed);
static void fill_fm_fleet_node_spec(fm_fleet_node_spec *p, int seed);
static void fill_fm_gpu_info(fm_gpu_info *p, int seed);
static void fill_fm_capability(fm_capability *p, int seed);
static void fill_fm_update_request(fm_update_request *p, int seed);
static void fill_fm_fleet_node_status(fm_fleet_node_status *p, int seed);
static void fill_fm_fleet_node(fm_fleet_node *p, int seed);
static void fill_fm_fleet_node_list(fm_fleet_node_list *p, int seed);
static void fill_fm_model_profile_spec(fm_model_profile_spec *p, int seed);
static void fill_fm_model_profile_status(fm_model_profile_status *p, int seed);
static void fill_fm_model_profile(fm_model_profile *p, int seed);
static void fill_fm_model_profile_list(fm_model_profile_list *p, int seed);
static void fill_fm_pipeline_step(fm_pipeline_step *p, int seed);
static void fill_fm_workload_spec(fm_workload_spec *p, int seed);
static void fill_fm_workload_status(fm_workload_status *p, int seed);
static void fill_fm_workload(fm_workload *p, int seed);
static void fill_fm_workload_list(fm_workload_list *p, int seed);

/* Sets every field of fm_k8s_owner_reference. */
static void fill_fm_k8s_owner_reference(fm_k8s_owner_reference *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    p->name = tstr("name", seed);
    p->uid = tstr("uid", seed);
    p->controller = (seed) != 0;
    fm_codec_set_present(p, 0, true);
    p->block_owner_deletion = (seed) != 0;
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_object_meta. */
static void fill_fm_k8s_object_meta(fm_k8s_object_meta *p, int seed)
{
    p->name = tstr("name", seed);
    p->generate_name = tstr("generateName", seed);
    p->namespace = tstr("namespace", seed);
    p->uid = tstr("uid", seed);
    p->resource_version = tstr("resourceVersion", seed);
    p->generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->creation_timestamp = ttime(seed);
    fm_codec_set_present(p, 1, true);
    p->deletion_timestamp = ttime(seed);
    fm_codec_set_present(p, 2, true);
    p->deletion_grace_period_seconds = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 3, true);
    tmap(&p->labels, seed);
    fm_codec_set_present(p, 4, true);
    tmap(&p->annotations, seed);
    fm_codec_set_present(p, 5, true);
    p->owner_references.len = (seed) ? 2 : 0;
    p->owner_references.items = (seed) ? tcalloc(2, sizeof *p->owner_references.items) : NULL;
    for (size_t i0 = 0; i0 < p->owner_references.len; i0++) {
        fill_fm_k8s_owner_reference(&p->owner_references.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 6, true);
    p->finalizers.len = (seed) ? 2 : 0;
    p->finalizers.items = (seed) ? tcalloc(2, sizeof *p->finalizers.items) : NULL;
    for (size_t i0 = 0; i0 < p->finalizers.len; i0++) {
        p->finalizers.items[i0] = tstr("finalizers", seed + (int)i0);
    }
    fm_codec_set_present(p, 7, true);
}

/* Sets every field of fm_k8s_config_map. */
static void fill_fm_k8s_config_map(fm_k8s_config_map *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    tmap(&p->data, seed);
    fm_codec_set_present(p, 1, true);
    tmap(&p->binary_data, seed);
    fm_codec_set_present(p, 2, true);
    p->immutable = (seed) != 0;
    fm_codec_set_present(p, 3, true);
}

/* Sets every field of fm_k8s_list_meta. */
static void fill_fm_k8s_list_meta(fm_k8s_list_meta *p, int seed)
{
    p->resource_version = tstr("resourceVersion", seed);
    p->continue_ = tstr("continue", seed);
    p->remaining_item_count = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_k8s_config_map_list. */
static void fill_fm_k8s_config_map_list(fm_k8s_config_map_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_k8s_config_map(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_object_reference. */
static void fill_fm_k8s_object_reference(fm_k8s_object_reference *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    p->name = tstr("name", seed);
    p->namespace = tstr("namespace", seed);
    p->uid = tstr("uid", seed);
    p->resource_version = tstr("resourceVersion", seed);
    p->field_path = tstr("fieldPath", seed);
}

/* Sets every field of fm_k8s_event_source. */
static void fill_fm_k8s_event_source(fm_k8s_event_source *p, int seed)
{
    p->component = tstr("component", seed);
    p->host = tstr("host", seed);
}

/* Sets every field of fm_k8s_event. */
static void fill_fm_k8s_event(fm_k8s_event *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_k8s_object_reference(&p->involved_object, seed);
    fm_codec_set_present(p, 1, true);
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
    fill_fm_k8s_event_source(&p->source, seed);
    fm_codec_set_present(p, 2, true);
    p->first_timestamp = ttime(seed);
    fm_codec_set_present(p, 3, true);
    p->last_timestamp = ttime(seed);
    fm_codec_set_present(p, 4, true);
    p->count = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 5, true);
    p->type = tstr("type", seed);
    p->event_time = ttime(seed);
    fm_codec_set_present(p, 6, true);
    p->action = tstr("action", seed);
    p->reporting_component = tstr("reportingComponent", seed);
    p->reporting_instance = tstr("reportingInstance", seed);
}

/* Sets every field of fm_k8s_event_list. */
static void fill_fm_k8s_event_list(fm_k8s_event_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_k8s_event(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_lease_spec. */
static void fill_fm_k8s_lease_spec(fm_k8s_lease_spec *p, int seed)
{
    p->holder_identity = tstr("holderIdentity", seed);
    p->lease_duration_seconds = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->acquire_time = ttime(seed);
    fm_codec_set_present(p, 1, true);
    p->renew_time = ttime(seed);
    fm_codec_set_present(p, 2, true);
    p->lease_transitions = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 3, true);
}

/* Sets every field of fm_k8s_lease. */
static void fill_fm_k8s_lease(fm_k8s_lease *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_k8s_lease_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_lease_list. */
static void fill_fm_k8s_lease_list(fm_k8s_lease_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_k8s_lease(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_secret. */
static void fill_fm_k8s_secret(fm_k8s_secret *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    tmap(&p->data, seed);
    fm_codec_set_present(p, 1, true);
    tmap(&p->string_data, seed);
    fm_codec_set_present(p, 2, true);
    p->type = tstr("type", seed);
    p->immutable = (seed) != 0;
    fm_codec_set_present(p, 3, true);
}

/* Sets every field of fm_k8s_secret_list. */
static void fill_fm_k8s_secret_list(fm_k8s_secret_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_k8s_secret(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_status_cause. */
static void fill_fm_k8s_status_cause(fm_k8s_status_cause *p, int seed)
{
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
    p->field = tstr("field", seed);
}

/* Sets every field of fm_k8s_status_details. */
static void fill_fm_k8s_status_details(fm_k8s_status_details *p, int seed)
{
    p->name = tstr("name", seed);
    p->group = tstr("group", seed);
    p->kind = tstr("kind", seed);
    p->uid = tstr("uid", seed);
    p->causes.len = (seed) ? 2 : 0;
    p->causes.items = (seed) ? tcalloc(2, sizeof *p->causes.items) : NULL;
    for (size_t i0 = 0; i0 < p->causes.len; i0++) {
        fill_fm_k8s_status_cause(&p->causes.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->retry_after_seconds = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_k8s_status. */
static void fill_fm_k8s_status(fm_k8s_status *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->status = tstr("status", seed);
    p->message = tstr("message", seed);
    p->reason = tstr("reason", seed);
    fill_fm_k8s_status_details(&p->details, seed);
    fm_codec_set_present(p, 1, true);
    p->code = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_resource_claim. */
static void fill_fm_resource_claim(fm_resource_claim *p, int seed)
{
    p->name = tstr("name", seed);
    p->request = tstr("request", seed);
}

/* Sets every field of fm_resource_requirements. */
static void fill_fm_resource_requirements(fm_resource_requirements *p, int seed)
{
    p->claims.len = (seed) ? 2 : 0;
    p->claims.items = (seed) ? tcalloc(2, sizeof *p->claims.items) : NULL;
    for (size_t i0 = 0; i0 < p->claims.len; i0++) {
        fill_fm_resource_claim(&p->claims.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->limits.len = (seed) ? 2 : 0;
    p->limits.keys = (seed) ? tcalloc(2, sizeof(char *)) : NULL;
    p->limits.values = (seed) ? tcalloc(2, sizeof *p->limits.values) : NULL;
    for (size_t i0 = 0; i0 < p->limits.len; i0++) {
        p->limits.keys[i0] = tkey(i0, seed);
        tintstr(&p->limits.values[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->requests.len = (seed) ? 2 : 0;
    p->requests.keys = (seed) ? tcalloc(2, sizeof(char *)) : NULL;
    p->requests.values = (seed) ? tcalloc(2, sizeof *p->requests.values) : NULL;
    for (size_t i0 = 0; i0 < p->requests.len; i0++) {
        p->requests.keys[i0] = tkey(i0, seed);
        tintstr(&p->requests.values[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_agent_execution. */
static void fill_fm_agent_execution(fm_agent_execution *p, int seed)
{
    p->active_deadline_seconds = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->image = tstr("image", seed);
    p->mode = tstr("mode", seed);
    fill_fm_resource_requirements(&p->resources, seed);
    fm_codec_set_present(p, 1, true);
    p->service_account_name = tstr("serviceAccountName", seed);
}

/* Sets every field of fm_local_object_reference. */
static void fill_fm_local_object_reference(fm_local_object_reference *p, int seed)
{
    p->name = tstr("name", seed);
}

/* Sets every field of fm_secret_key_selector. */
static void fill_fm_secret_key_selector(fm_secret_key_selector *p, int seed)
{
    p->key = tstr("key", seed);
    p->name = tstr("name", seed);
    p->optional = (seed) != 0;
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_mcp_header. */
static void fill_fm_mcp_header(fm_mcp_header *p, int seed)
{
    p->name = tstr("name", seed);
    fill_fm_secret_key_selector(&p->value_from, seed);
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_mcp_server. */
static void fill_fm_mcp_server(fm_mcp_server *p, int seed)
{
    p->allowed_tools.len = (seed) ? 2 : 0;
    p->allowed_tools.items = (seed) ? tcalloc(2, sizeof *p->allowed_tools.items) : NULL;
    for (size_t i0 = 0; i0 < p->allowed_tools.len; i0++) {
        p->allowed_tools.items[i0] = tstr("allowedTools", seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->headers.len = (seed) ? 2 : 0;
    p->headers.items = (seed) ? tcalloc(2, sizeof *p->headers.items) : NULL;
    for (size_t i0 = 0; i0 < p->headers.len; i0++) {
        fill_fm_mcp_header(&p->headers.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->name = tstr("name", seed);
    p->transport = tstr("transport", seed);
    p->url = tstr("url", seed);
}

/* Sets every field of fm_mcp_settings. */
static void fill_fm_mcp_settings(fm_mcp_settings *p, int seed)
{
    p->call_timeout = tstr("callTimeout", seed);
    p->enabled = (seed) != 0;
    fm_codec_set_present(p, 0, true);
    p->max_result_bytes = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->servers.len = (seed) ? 2 : 0;
    p->servers.items = (seed) ? tcalloc(2, sizeof *p->servers.items) : NULL;
    for (size_t i0 = 0; i0 < p->servers.len; i0++) {
        fill_fm_mcp_server(&p->servers.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_provider_config. */
static void fill_fm_provider_config(fm_provider_config *p, int seed)
{
    fill_fm_secret_key_selector(&p->api_key_secret_ref, seed);
    fm_codec_set_present(p, 0, true);
    p->base_url = tstr("baseURL", seed);
    p->model = tstr("model", seed);
}

/* Sets every field of fm_required_capability. */
static void fill_fm_required_capability(fm_required_capability *p, int seed)
{
    p->accelerator = (seed) ? 4 : 1;
    p->min_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->min_context_tokens = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 1, true);
    tmap(&p->node_selector, seed);
    fm_codec_set_present(p, 2, true);
    p->requires_model_installed = (seed) != 0;
    fm_codec_set_present(p, 3, true);
    p->roles.len = (seed) ? 2 : 0;
    p->roles.items = (seed) ? tcalloc(2, sizeof *p->roles.items) : NULL;
    for (size_t i0 = 0; i0 < p->roles.len; i0++) {
        p->roles.items[i0] = tstr("roles", seed + (int)i0);
    }
    fm_codec_set_present(p, 4, true);
}

/* Sets every field of fm_stuck_loop_detection. */
static void fill_fm_stuck_loop_detection(fm_stuck_loop_detection *p, int seed)
{
    p->context_hard_cap = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->context_soft_cap = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->edit_free_turns_limit = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
    p->repeated_tool_threshold = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 3, true);
}

/* Sets every field of fm_vision_settings. */
static void fill_fm_vision_settings(fm_vision_settings *p, int seed)
{
    p->enabled = (seed) != 0;
    fm_codec_set_present(p, 0, true);
    p->max_image_bytes = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->max_images = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_agent_spec. */
static void fill_fm_agent_spec(fm_agent_spec *p, int seed)
{
    p->bash_timeout_seconds = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 0, true);
    p->chat_template_kwargs.len = (seed) ? 2 : 0;
    p->chat_template_kwargs.keys = (seed) ? tcalloc(2, sizeof(char *)) : NULL;
    p->chat_template_kwargs.values = (seed) ? tcalloc(2, sizeof *p->chat_template_kwargs.values) : NULL;
    for (size_t i0 = 0; i0 < p->chat_template_kwargs.len; i0++) {
        p->chat_template_kwargs.keys[i0] = tkey(i0, seed);
        p->chat_template_kwargs.values[i0] = tjson(seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->context_strategy = tstr("contextStrategy", seed);
    p->context_window_tokens = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
    fill_fm_agent_execution(&p->execution, seed);
    fm_codec_set_present(p, 3, true);
    fill_fm_local_object_reference(&p->inference_service_ref, seed);
    fm_codec_set_present(p, 4, true);
    p->max_concurrent_tasks = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 5, true);
    p->max_envtest_iterations = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 6, true);
    p->max_output_tokens = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 7, true);
    p->max_retries = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 8, true);
    p->max_turns = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 9, true);
    fill_fm_mcp_settings(&p->mcp, seed);
    fm_codec_set_present(p, 10, true);
    p->model = tstr("model", seed);
    p->model_profile_ref = tstr("modelProfileRef", seed);
    p->observation_window_turns = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 11, true);
    p->provider = tstr("provider", seed);
    fill_fm_provider_config(&p->provider_config, seed);
    fm_codec_set_present(p, 12, true);
    p->request_timeout_seconds = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 13, true);
    p->request_turn_timeout_seconds = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 14, true);
    fill_fm_required_capability(&p->required_capability, seed);
    fm_codec_set_present(p, 15, true);
    p->role = (seed) ? 4 : 1;
    fill_fm_stuck_loop_detection(&p->stuck_loop_detection, seed);
    fm_codec_set_present(p, 16, true);
    p->system_prompt = tstr("systemPrompt", seed);
    p->temperature = tstr("temperature", seed);
    p->tools.len = (seed) ? 2 : 0;
    p->tools.items = (seed) ? tcalloc(2, sizeof *p->tools.items) : NULL;
    for (size_t i0 = 0; i0 < p->tools.len; i0++) {
        p->tools.items[i0] = tstr("tools", seed + (int)i0);
    }
    fm_codec_set_present(p, 17, true);
    fill_fm_vision_settings(&p->vision, seed);
    fm_codec_set_present(p, 18, true);
}

/* Sets every field of fm_k8s_condition. */
static void fill_fm_k8s_condition(fm_k8s_condition *p, int seed)
{
    p->type = tstr("type", seed);
    p->status = (seed) ? 3 : 1;
    p->observed_generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->last_transition_time = ttime(seed);
    fm_codec_set_present(p, 1, true);
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
}

/* Sets every field of fm_agent_status. */
static void fill_fm_agent_status(fm_agent_status *p, int seed)
{
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->observed_generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_agent. */
static void fill_fm_agent(fm_agent *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_agent_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_agent_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_agent_list. */
static void fill_fm_agent_list(fm_agent_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_agent(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_release_artifact. */
static void fill_fm_release_artifact(fm_release_artifact *p, int seed)
{
    p->arch = tstr("arch", seed);
    p->os = tstr("os", seed);
    p->sha256 = tstr("sha256", seed);
    p->url = tstr("url", seed);
}

/* Sets every field of fm_health_gate. */
static void fill_fm_health_gate(fm_health_gate *p, int seed)
{
    p->min_healthy_seconds = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->timeout_seconds = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_label_selector_requirement. */
static void fill_fm_label_selector_requirement(fm_label_selector_requirement *p, int seed)
{
    p->key = tstr("key", seed);
    p->operator = tstr("operator", seed);
    p->values.len = (seed) ? 2 : 0;
    p->values.items = (seed) ? tcalloc(2, sizeof *p->values.items) : NULL;
    for (size_t i0 = 0; i0 < p->values.len; i0++) {
        p->values.items[i0] = tstr("values", seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_label_selector. */
static void fill_fm_label_selector(fm_label_selector *p, int seed)
{
    p->match_expressions.len = (seed) ? 2 : 0;
    p->match_expressions.items = (seed) ? tcalloc(2, sizeof *p->match_expressions.items) : NULL;
    for (size_t i0 = 0; i0 < p->match_expressions.len; i0++) {
        fill_fm_label_selector_requirement(&p->match_expressions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    tmap(&p->match_labels, seed);
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_agent_release_spec. */
static void fill_fm_agent_release_spec(fm_agent_release_spec *p, int seed)
{
    p->agent_kind = (seed) ? 2 : 1;
    p->approved = (seed) != 0;
    fm_codec_set_present(p, 0, true);
    p->artifacts.len = (seed) ? 2 : 0;
    p->artifacts.items = (seed) ? tcalloc(2, sizeof *p->artifacts.items) : NULL;
    for (size_t i0 = 0; i0 < p->artifacts.len; i0++) {
        fill_fm_release_artifact(&p->artifacts.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->concurrency = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 2, true);
    fill_fm_health_gate(&p->health_gate, seed);
    fm_codec_set_present(p, 3, true);
    p->paused = (seed) != 0;
    fm_codec_set_present(p, 4, true);
    fill_fm_label_selector(&p->selector, seed);
    fm_codec_set_present(p, 5, true);
    p->version = tstr("version", seed);
}

/* Sets every field of fm_node_update_status. */
static void fill_fm_node_update_status(fm_node_update_status *p, int seed)
{
    p->dispatched_at = ttime(seed);
    fm_codec_set_present(p, 0, true);
    p->last_transition_time = ttime(seed);
    fm_codec_set_present(p, 1, true);
    p->message = tstr("message", seed);
    p->name = tstr("name", seed);
    p->observed_version = tstr("observedVersion", seed);
    p->phase = (seed) ? 4 : 1;
    p->reason = tstr("reason", seed);
}

/* Sets every field of fm_agent_release_status. */
static void fill_fm_agent_release_status(fm_agent_release_status *p, int seed)
{
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->desired_version = tstr("desiredVersion", seed);
    p->in_flight_nodes.len = (seed) ? 2 : 0;
    p->in_flight_nodes.items = (seed) ? tcalloc(2, sizeof *p->in_flight_nodes.items) : NULL;
    for (size_t i0 = 0; i0 < p->in_flight_nodes.len; i0++) {
        p->in_flight_nodes.items[i0] = tstr("inFlightNodes", seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->node_statuses.len = (seed) ? 2 : 0;
    p->node_statuses.items = (seed) ? tcalloc(2, sizeof *p->node_statuses.items) : NULL;
    for (size_t i0 = 0; i0 < p->node_statuses.len; i0++) {
        fill_fm_node_update_status(&p->node_statuses.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
    p->observed_generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 3, true);
    p->phase = (seed) ? 6 : 1;
    p->target_nodes = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 4, true);
    p->updated_nodes = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 5, true);
}

/* Sets every field of fm_agent_release. */
static void fill_fm_agent_release(fm_agent_release *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_agent_release_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_agent_release_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_agent_release_list. */
static void fill_fm_agent_release_list(fm_agent_release_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_agent_release(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_gate_advisory. */
static void fill_fm_gate_advisory(fm_gate_advisory *p, int seed)
{
    p->check = tstr("check", seed);
    p->detail = tstr("detail", seed);
}

/* Sets every field of fm_shared_identifier. */
static void fill_fm_shared_identifier(fm_shared_identifier *p, int seed)
{
    p->id = tstr("id", seed);
    p->defined_by = tstr("definedBy", seed);
    p->referenced_by.len = (seed) ? 2 : 0;
    p->referenced_by.items = (seed) ? tcalloc(2, sizeof *p->referenced_by.items) : NULL;
    for (size_t i0 = 0; i0 < p->referenced_by.len; i0++) {
        p->referenced_by.items[i0] = tstr("referencedBy", seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_slice. */
static void fill_fm_slice(fm_slice *p, int seed)
{
    p->name = tstr("name", seed);
    p->branch = tstr("branch", seed);
    p->files.len = (seed) ? 2 : 0;
    p->files.items = (seed) ? tcalloc(2, sizeof *p->files.items) : NULL;
    for (size_t i0 = 0; i0 < p->files.len; i0++) {
        p->files.items[i0] = tstr("files", seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_task_payload. */
static void fill_fm_task_payload(fm_task_payload *p, int seed)
{
    p->repo = tstr("repo", seed);
    p->issue = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 0, true);
    p->branch = tstr("branch", seed);
    p->branch_prefix = tstr("branchPrefix", seed);
    p->agent = tstr("agent", seed);
    p->prompt = tstr("prompt", seed);
    p->allow_overwrite = (seed) != 0;
    fm_codec_set_present(p, 1, true);
    p->base_branch = tstr("baseBranch", seed);
    p->branch_strategy = (seed) ? 2 : 1;
    p->contract = tstr("contract", seed);
    p->gate_advisories.len = (seed) ? 2 : 0;
    p->gate_advisories.items = (seed) ? tcalloc(2, sizeof *p->gate_advisories.items) : NULL;
    for (size_t i0 = 0; i0 < p->gate_advisories.len; i0++) {
        fill_fm_gate_advisory(&p->gate_advisories.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
    p->images.len = (seed) ? 2 : 0;
    p->images.items = (seed) ? tcalloc(2, sizeof *p->images.items) : NULL;
    for (size_t i0 = 0; i0 < p->images.len; i0++) {
        p->images.items[i0] = tstr("images", seed + (int)i0);
    }
    fm_codec_set_present(p, 3, true);
    p->open_pull_request = (seed) != 0;
    fm_codec_set_present(p, 4, true);
    p->prompt_prefix = tstr("promptPrefix", seed);
    p->revise_from_branch = tstr("reviseFromBranch", seed);
    p->shared_identifiers.len = (seed) ? 2 : 0;
    p->shared_identifiers.items = (seed) ? tcalloc(2, sizeof *p->shared_identifiers.items) : NULL;
    for (size_t i0 = 0; i0 < p->shared_identifiers.len; i0++) {
        fill_fm_shared_identifier(&p->shared_identifiers.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 5, true);
    p->slices.len = (seed) ? 2 : 0;
    p->slices.items = (seed) ? tcalloc(2, sizeof *p->slices.items) : NULL;
    for (size_t i0 = 0; i0 < p->slices.len; i0++) {
        fill_fm_slice(&p->slices.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 6, true);
}

/* Sets every field of fm_gate_commands. */
static void fill_fm_gate_commands(fm_gate_commands *p, int seed)
{
    p->build = tstr("build", seed);
    p->codegen_check = tstr("codegenCheck", seed);
    p->format = tstr("format", seed);
    p->lint = tstr("lint", seed);
    p->test = tstr("test", seed);
}

/* Sets every field of fm_test_layout. */
static void fill_fm_test_layout(fm_test_layout *p, int seed)
{
    p->source_root = tstr("sourceRoot", seed);
    p->test_root = tstr("testRoot", seed);
}

/* Sets every field of fm_gate_profile. */
static void fill_fm_gate_profile(fm_gate_profile *p, int seed)
{
    fill_fm_gate_commands(&p->commands, seed);
    fm_codec_set_present(p, 0, true);
    p->image = tstr("image", seed);
    p->language = (seed) ? 6 : 1;
    p->source_extensions.len = (seed) ? 2 : 0;
    p->source_extensions.items = (seed) ? tcalloc(2, sizeof *p->source_extensions.items) : NULL;
    for (size_t i0 = 0; i0 < p->source_extensions.len; i0++) {
        p->source_extensions.items[i0] = tstr("sourceExtensions", seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    fill_fm_test_layout(&p->test_layout, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_verdict_policy. */
static void fill_fm_verdict_policy(fm_verdict_policy *p, int seed)
{
    p->self_go.len = (seed) ? 2 : 0;
    p->self_go.items = (seed) ? tcalloc(2, sizeof *p->self_go.items) : NULL;
    for (size_t i0 = 0; i0 < p->self_go.len; i0++) {
        p->self_go.items[i0] = (seed + (int)i0) ? 6 : 1;
    }
    fm_codec_set_present(p, 0, true);
}

/* Sets every field of fm_agentic_task_spec. */
static void fill_fm_agentic_task_spec(fm_agentic_task_spec *p, int seed)
{
    p->kind = (seed) ? 6 : 1;
    p->model_ref = tstr("modelRef", seed);
    fill_fm_task_payload(&p->payload, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_required_capability(&p->required_capability, seed);
    fm_codec_set_present(p, 1, true);
    p->depends_on.len = (seed) ? 2 : 0;
    p->depends_on.items = (seed) ? tcalloc(2, sizeof *p->depends_on.items) : NULL;
    for (size_t i0 = 0; i0 < p->depends_on.len; i0++) {
        p->depends_on.items[i0] = tstr("dependsOn", seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
    p->priority = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 3, true);
    p->timeout_seconds = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 4, true);
    fill_fm_local_object_reference(&p->agent_ref, seed);
    fm_codec_set_present(p, 5, true);
    fill_fm_gate_profile(&p->gate_profile, seed);
    fm_codec_set_present(p, 6, true);
    p->mcp_enabled = (seed) != 0;
    fm_codec_set_present(p, 7, true);
    fill_fm_verdict_policy(&p->verdict_policy, seed);
    fm_codec_set_present(p, 8, true);
}

/* Sets every field of fm_agentic_task_status. */
static void fill_fm_agentic_task_status(fm_agentic_task_status *p, int seed)
{
    p->phase = (seed) ? 6 : 1;
    p->assigned_node = tstr("assignedNode", seed);
    p->claimed_at = ttime(seed);
    fm_codec_set_present(p, 0, true);
    p->started_at = ttime(seed);
    fm_codec_set_present(p, 1, true);
    p->finished_at = ttime(seed);
    fm_codec_set_present(p, 2, true);
    p->verdict = (seed) ? 7 : 1;
    p->branch = tstr("branch", seed);
    p->commit_sha = tstr("commitSHA", seed);
    p->transcript_ref = tstr("transcriptRef", seed);
    p->result = tjson(seed);
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 3, true);
    p->failure_reason = (seed) ? 14 : 1;
    p->job_name = tstr("jobName", seed);
}

/* Sets every field of fm_agentic_task. */
static void fill_fm_agentic_task(fm_agentic_task *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_agentic_task_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_agentic_task_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_agentic_task_list. */
static void fill_fm_agentic_task_list(fm_agentic_task_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_agentic_task(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_fleet_node_spec. */
static void fill_fm_fleet_node_spec(fm_fleet_node_spec *p, int seed)
{
    p->node_name = tstr("nodeName", seed);
    p->tailscale_addr = tstr("tailscaleAddr", seed);
    p->roles.len = (seed) ? 2 : 0;
    p->roles.items = (seed) ? tcalloc(2, sizeof *p->roles.items) : NULL;
    for (size_t i0 = 0; i0 < p->roles.len; i0++) {
        p->roles.items[i0] = tstr("roles", seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->max_concurrent_tasks = (seed) ? INT32_MAX - (seed) : 1;
    fm_codec_set_present(p, 1, true);
    p->task_namespaces.len = (seed) ? 2 : 0;
    p->task_namespaces.items = (seed) ? tcalloc(2, sizeof *p->task_namespaces.items) : NULL;
    for (size_t i0 = 0; i0 < p->task_namespaces.len; i0++) {
        p->task_namespaces.items[i0] = tstr("taskNamespaces", seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_gpu_info. */
static void fill_fm_gpu_info(fm_gpu_info *p, int seed)
{
    p->index = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->name = tstr("name", seed);
    p->memory_mib = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->free_memory_mib = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_capability. */
static void fill_fm_capability(fm_capability *p, int seed)
{
    p->accelerator = (seed) ? 4 : 1;
    p->total_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->available_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->max_context_tokens = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
    p->tokens_per_second = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 3, true);
    p->installed_models.len = (seed) ? 2 : 0;
    p->installed_models.items = (seed) ? tcalloc(2, sizeof *p->installed_models.items) : NULL;
    for (size_t i0 = 0; i0 < p->installed_models.len; i0++) {
        p->installed_models.items[i0] = tstr("installedModels", seed + (int)i0);
    }
    fm_codec_set_present(p, 4, true);
    p->gpus.len = (seed) ? 2 : 0;
    p->gpus.items = (seed) ? tcalloc(2, sizeof *p->gpus.items) : NULL;
    for (size_t i0 = 0; i0 < p->gpus.len; i0++) {
        fill_fm_gpu_info(&p->gpus.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 5, true);
}

/* Sets every field of fm_update_request. */
static void fill_fm_update_request(fm_update_request *p, int seed)
{
    p->target_version = tstr("targetVersion", seed);
    p->url = tstr("url", seed);
    p->sha256 = tstr("sha256", seed);
}

/* Sets every field of fm_fleet_node_status. */
static void fill_fm_fleet_node_status(fm_fleet_node_status *p, int seed)
{
    p->phase = (seed) ? 4 : 1;
    p->last_heartbeat_time = ttime(seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_capability(&p->capability, seed);
    fm_codec_set_present(p, 1, true);
    p->current_task = tstr("currentTask", seed);
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
    p->agent_version = tstr("agentVersion", seed);
    p->os = tstr("os", seed);
    p->arch = tstr("arch", seed);
    p->agent_kind = (seed) ? 2 : 1;
    fill_fm_update_request(&p->update_request, seed);
    fm_codec_set_present(p, 3, true);
    p->agent_instance = tstr("agentInstance", seed);
}

/* Sets every field of fm_fleet_node. */
static void fill_fm_fleet_node(fm_fleet_node *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_fleet_node_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_fleet_node_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_fleet_node_list. */
static void fill_fm_fleet_node_list(fm_fleet_node_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_fleet_node(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_model_profile_spec. */
static void fill_fm_model_profile_spec(fm_model_profile_spec *p, int seed)
{
    p->restrict_reads_in_forcing_phase = (seed) != 0;
    fm_codec_set_present(p, 0, true);
    fill_fm_stuck_loop_detection(&p->stuck_loop_detection, seed);
    fm_codec_set_present(p, 1, true);
    p->system_prompt_addendum = tstr("systemPromptAddendum", seed);
    p->text_tool_call_format = tstr("textToolCallFormat", seed);
    p->tool_choice = tstr("toolChoice", seed);
}

/* Sets every field of fm_model_profile_status. */
static void fill_fm_model_profile_status(fm_model_profile_status *p, int seed)
{
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->observed_generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_model_profile. */
static void fill_fm_model_profile(fm_model_profile *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_model_profile_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_model_profile_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_model_profile_list. */
static void fill_fm_model_profile_list(fm_model_profile_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_model_profile(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* Sets every field of fm_pipeline_step. */
static void fill_fm_pipeline_step(fm_pipeline_step *p, int seed)
{
    p->name = tstr("name", seed);
    p->kind = (seed) ? 6 : 1;
    fill_fm_task_payload(&p->payload, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_required_capability(&p->required_capability, seed);
    fm_codec_set_present(p, 1, true);
    p->depends_on.len = (seed) ? 2 : 0;
    p->depends_on.items = (seed) ? tcalloc(2, sizeof *p->depends_on.items) : NULL;
    for (size_t i0 = 0; i0 < p->depends_on.len; i0++) {
        p->depends_on.items[i0] = tstr("dependsOn", seed + (int)i0);
    }
    fm_codec_set_present(p, 2, true);
    p->timeout_seconds = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 3, true);
    p->priority = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 4, true);
    fill_fm_local_object_reference(&p->agent_ref, seed);
    fm_codec_set_present(p, 5, true);
    fill_fm_gate_profile(&p->gate_profile, seed);
    fm_codec_set_present(p, 6, true);
}

/* Sets every field of fm_workload_spec. */
static void fill_fm_workload_spec(fm_workload_spec *p, int seed)
{
    p->intent = tstr("intent", seed);
    p->repo = tstr("repo", seed);
    p->planner_model = tstr("plannerModel", seed);
    p->max_tasks = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 0, true);
    p->pipeline.len = (seed) ? 2 : 0;
    p->pipeline.items = (seed) ? tcalloc(2, sizeof *p->pipeline.items) : NULL;
    for (size_t i0 = 0; i0 < p->pipeline.len; i0++) {
        fill_fm_pipeline_step(&p->pipeline.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
    p->allow_cloud_reviewers = (seed) != 0;
    fm_codec_set_present(p, 2, true);
    p->allow_overwrite = (seed) != 0;
    fm_codec_set_present(p, 3, true);
    fill_fm_local_object_reference(&p->coder_agent_ref, seed);
    fm_codec_set_present(p, 4, true);
    p->escalate_on_failure = (seed) != 0;
    fm_codec_set_present(p, 5, true);
    fill_fm_local_object_reference(&p->escalation_coder_agent_ref, seed);
    fm_codec_set_present(p, 6, true);
    p->escalation_reviewer_agent_refs.len = (seed) ? 2 : 0;
    p->escalation_reviewer_agent_refs.items = (seed) ? tcalloc(2, sizeof *p->escalation_reviewer_agent_refs.items) : NULL;
    for (size_t i0 = 0; i0 < p->escalation_reviewer_agent_refs.len; i0++) {
        fill_fm_local_object_reference(&p->escalation_reviewer_agent_refs.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 7, true);
    fill_fm_gate_profile(&p->gate_profile, seed);
    fm_codec_set_present(p, 8, true);
    p->issues.len = (seed) ? 2 : 0;
    p->issues.items = (seed) ? tcalloc(2, sizeof *p->issues.items) : NULL;
    for (size_t i0 = 0; i0 < p->issues.len; i0++) {
        p->issues.items[i0] = (seed + (int)i0) ? INT32_MAX - (seed + (int)i0) : 0;
    }
    fm_codec_set_present(p, 9, true);
    p->max_review_iterations = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 10, true);
    p->mcp_enabled = (seed) != 0;
    fm_codec_set_present(p, 11, true);
    p->open_pull_request = (seed) != 0;
    fm_codec_set_present(p, 12, true);
    p->reviewer_agent_refs.len = (seed) ? 2 : 0;
    p->reviewer_agent_refs.items = (seed) ? tcalloc(2, sizeof *p->reviewer_agent_refs.items) : NULL;
    for (size_t i0 = 0; i0 < p->reviewer_agent_refs.len; i0++) {
        fill_fm_local_object_reference(&p->reviewer_agent_refs.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 13, true);
    fill_fm_local_object_reference(&p->revision_coder_agent_ref, seed);
    fm_codec_set_present(p, 14, true);
    fill_fm_verdict_policy(&p->verdict_policy, seed);
    fm_codec_set_present(p, 15, true);
    fill_fm_local_object_reference(&p->verifier_agent_ref, seed);
    fm_codec_set_present(p, 16, true);
}

/* Sets every field of fm_workload_status. */
static void fill_fm_workload_status(fm_workload_status *p, int seed)
{
    p->phase = (seed) ? 5 : 1;
    p->planner_model = tstr("plannerModel", seed);
    p->tasks.len = (seed) ? 2 : 0;
    p->tasks.items = (seed) ? tcalloc(2, sizeof *p->tasks.items) : NULL;
    for (size_t i0 = 0; i0 < p->tasks.len; i0++) {
        fill_fm_k8s_object_reference(&p->tasks.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 0, true);
    p->succeeded_tasks = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 1, true);
    p->failed_tasks = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 2, true);
    p->conditions.len = (seed) ? 2 : 0;
    p->conditions.items = (seed) ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i0 = 0; i0 < p->conditions.len; i0++) {
        fill_fm_k8s_condition(&p->conditions.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 3, true);
    p->incomplete_tasks = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 4, true);
    p->review_iterations = (seed) ? INT32_MAX - (seed) : 0;
    fm_codec_set_present(p, 5, true);
}

/* Sets every field of fm_workload. */
static void fill_fm_workload(fm_workload *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_object_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    fill_fm_workload_spec(&p->spec, seed);
    fm_codec_set_present(p, 1, true);
    fill_fm_workload_status(&p->status, seed);
    fm_codec_set_present(p, 2, true);
}

/* Sets every field of fm_workload_list. */
static void fill_fm_workload_list(fm_workload_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_fm_k8s_list_meta(&p->metadata, seed);
    fm_codec_set_present(p, 0, true);
    p->items.len = (seed) ? 2 : 0;
    p->items.items = (seed) ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i0 = 0; i0 < p->items.len; i0++) {
        fill_fm_workload(&p->items.items[i0], seed + (int)i0);
    }
    fm_codec_set_present(p, 1, true);
}

/* ------------------------------------------------------------ round trips */

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_config_map(int seed)
{
    fm_k8s_config_map *obj = tcalloc(1, sizeof *obj);
    fm_k8s_config_map *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_config_map_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_config_map(obj, seed);
    CHECK_INT(fm_k8s_config_map_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_config_map_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_config_map_equal(obj, back));
        CHECK_INT(fm_k8s_config_map_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_config_map_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_config_map_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_config_map_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_config_map *packed = fm_codec_pack(obj, &fm_k8s_config_map_desc);
    CHECK(packed != NULL && fm_k8s_config_map_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_config_map *again = NULL;
        CHECK_INT(fm_k8s_config_map_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_config_map_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_config_map_equal(obj, again));
        fm_k8s_config_map_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_config_map_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"binaryData\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"data\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"immutable\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_config_map_free(obj);
    fm_k8s_config_map_free(back);
    fm_k8s_config_map_free(copy);
    fm_k8s_config_map_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_config_map_zero_values) { roundtrip_fm_k8s_config_map(0); }
TEST(test_fm_k8s_config_map_full_values) { roundtrip_fm_k8s_config_map(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_config_map_list(int seed)
{
    fm_k8s_config_map_list *obj = tcalloc(1, sizeof *obj);
    fm_k8s_config_map_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_config_map_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_config_map_list(obj, seed);
    CHECK_INT(fm_k8s_config_map_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_config_map_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_config_map_list_equal(obj, back));
        CHECK_INT(fm_k8s_config_map_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_config_map_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_config_map_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_config_map_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_config_map_list *packed = fm_codec_pack(obj, &fm_k8s_config_map_list_desc);
    CHECK(packed != NULL && fm_k8s_config_map_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_config_map_list *again = NULL;
        CHECK_INT(fm_k8s_config_map_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_config_map_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_config_map_list_equal(obj, again));
        fm_k8s_config_map_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_config_map_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"binaryData\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"data\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"immutable\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_config_map_list_free(obj);
    fm_k8s_config_map_list_free(back);
    fm_k8s_config_map_list_free(copy);
    fm_k8s_config_map_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_config_map_list_zero_values) { roundtrip_fm_k8s_config_map_list(0); }
TEST(test_fm_k8s_config_map_list_full_values) { roundtrip_fm_k8s_config_map_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_event(int seed)
{
    fm_k8s_event *obj = tcalloc(1, sizeof *obj);
    fm_k8s_event *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_event_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_event(obj, seed);
    CHECK_INT(fm_k8s_event_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_event_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_event_equal(obj, back));
        CHECK_INT(fm_k8s_event_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_event_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_event_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_event_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_event *packed = fm_codec_pack(obj, &fm_k8s_event_desc);
    CHECK(packed != NULL && fm_k8s_event_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_event *again = NULL;
        CHECK_INT(fm_k8s_event_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_event_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_event_equal(obj, again));
        fm_k8s_event_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_event_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"action\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"component\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"count\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"eventTime\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"firstTimestamp\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"host\":");
        CHECK_CONTAINS(a.data, "\"involvedObject\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTimestamp\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"reportingComponent\":");
        CHECK_CONTAINS(a.data, "\"reportingInstance\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"source\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_event_free(obj);
    fm_k8s_event_free(back);
    fm_k8s_event_free(copy);
    fm_k8s_event_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_event_zero_values) { roundtrip_fm_k8s_event(0); }
TEST(test_fm_k8s_event_full_values) { roundtrip_fm_k8s_event(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_event_list(int seed)
{
    fm_k8s_event_list *obj = tcalloc(1, sizeof *obj);
    fm_k8s_event_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_event_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_event_list(obj, seed);
    CHECK_INT(fm_k8s_event_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_event_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_event_list_equal(obj, back));
        CHECK_INT(fm_k8s_event_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_event_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_event_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_event_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_event_list *packed = fm_codec_pack(obj, &fm_k8s_event_list_desc);
    CHECK(packed != NULL && fm_k8s_event_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_event_list *again = NULL;
        CHECK_INT(fm_k8s_event_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_event_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_event_list_equal(obj, again));
        fm_k8s_event_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_event_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"action\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"component\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"count\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"eventTime\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"firstTimestamp\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"host\":");
        CHECK_CONTAINS(a.data, "\"involvedObject\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTimestamp\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"reportingComponent\":");
        CHECK_CONTAINS(a.data, "\"reportingInstance\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"source\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_event_list_free(obj);
    fm_k8s_event_list_free(back);
    fm_k8s_event_list_free(copy);
    fm_k8s_event_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_event_list_zero_values) { roundtrip_fm_k8s_event_list(0); }
TEST(test_fm_k8s_event_list_full_values) { roundtrip_fm_k8s_event_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_lease(int seed)
{
    fm_k8s_lease *obj = tcalloc(1, sizeof *obj);
    fm_k8s_lease *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_lease_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_lease(obj, seed);
    CHECK_INT(fm_k8s_lease_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_lease_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_lease_equal(obj, back));
        CHECK_INT(fm_k8s_lease_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_lease_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_lease_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_lease_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_lease *packed = fm_codec_pack(obj, &fm_k8s_lease_desc);
    CHECK(packed != NULL && fm_k8s_lease_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_lease *again = NULL;
        CHECK_INT(fm_k8s_lease_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_lease_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_lease_equal(obj, again));
        fm_k8s_lease_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_lease_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"acquireTime\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"holderIdentity\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"leaseDurationSeconds\":");
        CHECK_CONTAINS(a.data, "\"leaseTransitions\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"renewTime\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_lease_free(obj);
    fm_k8s_lease_free(back);
    fm_k8s_lease_free(copy);
    fm_k8s_lease_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_lease_zero_values) { roundtrip_fm_k8s_lease(0); }
TEST(test_fm_k8s_lease_full_values) { roundtrip_fm_k8s_lease(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_lease_list(int seed)
{
    fm_k8s_lease_list *obj = tcalloc(1, sizeof *obj);
    fm_k8s_lease_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_lease_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_lease_list(obj, seed);
    CHECK_INT(fm_k8s_lease_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_lease_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_lease_list_equal(obj, back));
        CHECK_INT(fm_k8s_lease_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_lease_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_lease_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_lease_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_lease_list *packed = fm_codec_pack(obj, &fm_k8s_lease_list_desc);
    CHECK(packed != NULL && fm_k8s_lease_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_lease_list *again = NULL;
        CHECK_INT(fm_k8s_lease_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_lease_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_lease_list_equal(obj, again));
        fm_k8s_lease_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_lease_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"acquireTime\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"holderIdentity\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"leaseDurationSeconds\":");
        CHECK_CONTAINS(a.data, "\"leaseTransitions\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"renewTime\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_lease_list_free(obj);
    fm_k8s_lease_list_free(back);
    fm_k8s_lease_list_free(copy);
    fm_k8s_lease_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_lease_list_zero_values) { roundtrip_fm_k8s_lease_list(0); }
TEST(test_fm_k8s_lease_list_full_values) { roundtrip_fm_k8s_lease_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_secret(int seed)
{
    fm_k8s_secret *obj = tcalloc(1, sizeof *obj);
    fm_k8s_secret *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_secret_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_secret(obj, seed);
    CHECK_INT(fm_k8s_secret_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_secret_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_secret_equal(obj, back));
        CHECK_INT(fm_k8s_secret_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_secret_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_secret_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_secret_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_secret *packed = fm_codec_pack(obj, &fm_k8s_secret_desc);
    CHECK(packed != NULL && fm_k8s_secret_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_secret *again = NULL;
        CHECK_INT(fm_k8s_secret_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_secret_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_secret_equal(obj, again));
        fm_k8s_secret_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_secret_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"data\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"immutable\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"stringData\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_secret_free(obj);
    fm_k8s_secret_free(back);
    fm_k8s_secret_free(copy);
    fm_k8s_secret_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_secret_zero_values) { roundtrip_fm_k8s_secret(0); }
TEST(test_fm_k8s_secret_full_values) { roundtrip_fm_k8s_secret(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_secret_list(int seed)
{
    fm_k8s_secret_list *obj = tcalloc(1, sizeof *obj);
    fm_k8s_secret_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_secret_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_secret_list(obj, seed);
    CHECK_INT(fm_k8s_secret_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_secret_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_secret_list_equal(obj, back));
        CHECK_INT(fm_k8s_secret_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_secret_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_secret_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_secret_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_secret_list *packed = fm_codec_pack(obj, &fm_k8s_secret_list_desc);
    CHECK(packed != NULL && fm_k8s_secret_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_secret_list *again = NULL;
        CHECK_INT(fm_k8s_secret_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_secret_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_secret_list_equal(obj, again));
        fm_k8s_secret_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_secret_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"data\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"immutable\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"stringData\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_secret_list_free(obj);
    fm_k8s_secret_list_free(back);
    fm_k8s_secret_list_free(copy);
    fm_k8s_secret_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_secret_list_zero_values) { roundtrip_fm_k8s_secret_list(0); }
TEST(test_fm_k8s_secret_list_full_values) { roundtrip_fm_k8s_secret_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_k8s_status(int seed)
{
    fm_k8s_status *obj = tcalloc(1, sizeof *obj);
    fm_k8s_status *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_k8s_status_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_k8s_status(obj, seed);
    CHECK_INT(fm_k8s_status_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_k8s_status_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_k8s_status_equal(obj, back));
        CHECK_INT(fm_k8s_status_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_k8s_status_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_k8s_status_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_k8s_status_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_k8s_status *packed = fm_codec_pack(obj, &fm_k8s_status_desc);
    CHECK(packed != NULL && fm_k8s_status_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_k8s_status *again = NULL;
        CHECK_INT(fm_k8s_status_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_k8s_status_copy(&again, packed), 0);
        CHECK(again != NULL && fm_k8s_status_equal(obj, again));
        fm_k8s_status_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_k8s_status_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"causes\":");
        CHECK_CONTAINS(a.data, "\"code\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"details\":");
        CHECK_CONTAINS(a.data, "\"field\":");
        CHECK_CONTAINS(a.data, "\"group\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"retryAfterSeconds\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_k8s_status_free(obj);
    fm_k8s_status_free(back);
    fm_k8s_status_free(copy);
    fm_k8s_status_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_k8s_status_zero_values) { roundtrip_fm_k8s_status(0); }
TEST(test_fm_k8s_status_full_values) { roundtrip_fm_k8s_status(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agent(int seed)
{
    fm_agent *obj = tcalloc(1, sizeof *obj);
    fm_agent *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agent_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agent(obj, seed);
    CHECK_INT(fm_agent_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agent_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agent_equal(obj, back));
        CHECK_INT(fm_agent_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agent_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agent_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agent_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agent *packed = fm_codec_pack(obj, &fm_agent_desc);
    CHECK(packed != NULL && fm_agent_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agent *again = NULL;
        CHECK_INT(fm_agent_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agent_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agent_equal(obj, again));
        fm_agent_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agent_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"activeDeadlineSeconds\":");
        CHECK_CONTAINS(a.data, "\"allowedTools\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiKeySecretRef\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"baseURL\":");
        CHECK_CONTAINS(a.data, "\"bashTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"callTimeout\":");
        CHECK_CONTAINS(a.data, "\"chatTemplateKwargs\":");
        CHECK_CONTAINS(a.data, "\"claims\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contextHardCap\":");
        CHECK_CONTAINS(a.data, "\"contextSoftCap\":");
        CHECK_CONTAINS(a.data, "\"contextStrategy\":");
        CHECK_CONTAINS(a.data, "\"contextWindowTokens\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"editFreeTurnsLimit\":");
        CHECK_CONTAINS(a.data, "\"enabled\":");
        CHECK_CONTAINS(a.data, "\"execution\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"headers\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"inferenceServiceRef\":");
        CHECK_CONTAINS(a.data, "\"key\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"limits\":");
        CHECK_CONTAINS(a.data, "\"maxConcurrentTasks\":");
        CHECK_CONTAINS(a.data, "\"maxEnvtestIterations\":");
        CHECK_CONTAINS(a.data, "\"maxImageBytes\":");
        CHECK_CONTAINS(a.data, "\"maxImages\":");
        CHECK_CONTAINS(a.data, "\"maxOutputTokens\":");
        CHECK_CONTAINS(a.data, "\"maxResultBytes\":");
        CHECK_CONTAINS(a.data, "\"maxRetries\":");
        CHECK_CONTAINS(a.data, "\"maxTurns\":");
        CHECK_CONTAINS(a.data, "\"mcp\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"mode\":");
        CHECK_CONTAINS(a.data, "\"model\":");
        CHECK_CONTAINS(a.data, "\"modelProfileRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observationWindowTurns\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"optional\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"provider\":");
        CHECK_CONTAINS(a.data, "\"providerConfig\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"repeatedToolThreshold\":");
        CHECK_CONTAINS(a.data, "\"request\":");
        CHECK_CONTAINS(a.data, "\"requestTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"requestTurnTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"requests\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"resources\":");
        CHECK_CONTAINS(a.data, "\"role\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"servers\":");
        CHECK_CONTAINS(a.data, "\"serviceAccountName\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"stuckLoopDetection\":");
        CHECK_CONTAINS(a.data, "\"systemPrompt\":");
        CHECK_CONTAINS(a.data, "\"temperature\":");
        CHECK_CONTAINS(a.data, "\"tools\":");
        CHECK_CONTAINS(a.data, "\"transport\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"url\":");
        CHECK_CONTAINS(a.data, "\"valueFrom\":");
        CHECK_CONTAINS(a.data, "\"vision\":");
    }
    fm_agent_free(obj);
    fm_agent_free(back);
    fm_agent_free(copy);
    fm_agent_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agent_zero_values) { roundtrip_fm_agent(0); }
TEST(test_fm_agent_full_values) { roundtrip_fm_agent(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agent_list(int seed)
{
    fm_agent_list *obj = tcalloc(1, sizeof *obj);
    fm_agent_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agent_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agent_list(obj, seed);
    CHECK_INT(fm_agent_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agent_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agent_list_equal(obj, back));
        CHECK_INT(fm_agent_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agent_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agent_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agent_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agent_list *packed = fm_codec_pack(obj, &fm_agent_list_desc);
    CHECK(packed != NULL && fm_agent_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agent_list *again = NULL;
        CHECK_INT(fm_agent_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agent_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agent_list_equal(obj, again));
        fm_agent_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agent_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"activeDeadlineSeconds\":");
        CHECK_CONTAINS(a.data, "\"allowedTools\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiKeySecretRef\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"baseURL\":");
        CHECK_CONTAINS(a.data, "\"bashTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"callTimeout\":");
        CHECK_CONTAINS(a.data, "\"chatTemplateKwargs\":");
        CHECK_CONTAINS(a.data, "\"claims\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contextHardCap\":");
        CHECK_CONTAINS(a.data, "\"contextSoftCap\":");
        CHECK_CONTAINS(a.data, "\"contextStrategy\":");
        CHECK_CONTAINS(a.data, "\"contextWindowTokens\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"editFreeTurnsLimit\":");
        CHECK_CONTAINS(a.data, "\"enabled\":");
        CHECK_CONTAINS(a.data, "\"execution\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"headers\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"inferenceServiceRef\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"key\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"limits\":");
        CHECK_CONTAINS(a.data, "\"maxConcurrentTasks\":");
        CHECK_CONTAINS(a.data, "\"maxEnvtestIterations\":");
        CHECK_CONTAINS(a.data, "\"maxImageBytes\":");
        CHECK_CONTAINS(a.data, "\"maxImages\":");
        CHECK_CONTAINS(a.data, "\"maxOutputTokens\":");
        CHECK_CONTAINS(a.data, "\"maxResultBytes\":");
        CHECK_CONTAINS(a.data, "\"maxRetries\":");
        CHECK_CONTAINS(a.data, "\"maxTurns\":");
        CHECK_CONTAINS(a.data, "\"mcp\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"mode\":");
        CHECK_CONTAINS(a.data, "\"model\":");
        CHECK_CONTAINS(a.data, "\"modelProfileRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observationWindowTurns\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"optional\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"provider\":");
        CHECK_CONTAINS(a.data, "\"providerConfig\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repeatedToolThreshold\":");
        CHECK_CONTAINS(a.data, "\"request\":");
        CHECK_CONTAINS(a.data, "\"requestTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"requestTurnTimeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"requests\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"resources\":");
        CHECK_CONTAINS(a.data, "\"role\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"servers\":");
        CHECK_CONTAINS(a.data, "\"serviceAccountName\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"stuckLoopDetection\":");
        CHECK_CONTAINS(a.data, "\"systemPrompt\":");
        CHECK_CONTAINS(a.data, "\"temperature\":");
        CHECK_CONTAINS(a.data, "\"tools\":");
        CHECK_CONTAINS(a.data, "\"transport\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"url\":");
        CHECK_CONTAINS(a.data, "\"valueFrom\":");
        CHECK_CONTAINS(a.data, "\"vision\":");
    }
    fm_agent_list_free(obj);
    fm_agent_list_free(back);
    fm_agent_list_free(copy);
    fm_agent_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agent_list_zero_values) { roundtrip_fm_agent_list(0); }
TEST(test_fm_agent_list_full_values) { roundtrip_fm_agent_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agent_release(int seed)
{
    fm_agent_release *obj = tcalloc(1, sizeof *obj);
    fm_agent_release *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agent_release_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agent_release(obj, seed);
    CHECK_INT(fm_agent_release_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agent_release_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agent_release_equal(obj, back));
        CHECK_INT(fm_agent_release_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agent_release_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agent_release_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agent_release_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agent_release *packed = fm_codec_pack(obj, &fm_agent_release_desc);
    CHECK(packed != NULL && fm_agent_release_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agent_release *again = NULL;
        CHECK_INT(fm_agent_release_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agent_release_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agent_release_equal(obj, again));
        fm_agent_release_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agent_release_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"agentKind\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"approved\":");
        CHECK_CONTAINS(a.data, "\"arch\":");
        CHECK_CONTAINS(a.data, "\"artifacts\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"concurrency\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"desiredVersion\":");
        CHECK_CONTAINS(a.data, "\"dispatchedAt\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"healthGate\":");
        CHECK_CONTAINS(a.data, "\"inFlightNodes\":");
        CHECK_CONTAINS(a.data, "\"key\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"matchExpressions\":");
        CHECK_CONTAINS(a.data, "\"matchLabels\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minHealthySeconds\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeStatuses\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"observedVersion\":");
        CHECK_CONTAINS(a.data, "\"operator\":");
        CHECK_CONTAINS(a.data, "\"os\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"paused\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"selector\":");
        CHECK_CONTAINS(a.data, "\"sha256\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"targetNodes\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"updatedNodes\":");
        CHECK_CONTAINS(a.data, "\"url\":");
        CHECK_CONTAINS(a.data, "\"values\":");
        CHECK_CONTAINS(a.data, "\"version\":");
    }
    fm_agent_release_free(obj);
    fm_agent_release_free(back);
    fm_agent_release_free(copy);
    fm_agent_release_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agent_release_zero_values) { roundtrip_fm_agent_release(0); }
TEST(test_fm_agent_release_full_values) { roundtrip_fm_agent_release(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agent_release_list(int seed)
{
    fm_agent_release_list *obj = tcalloc(1, sizeof *obj);
    fm_agent_release_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agent_release_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agent_release_list(obj, seed);
    CHECK_INT(fm_agent_release_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agent_release_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agent_release_list_equal(obj, back));
        CHECK_INT(fm_agent_release_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agent_release_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agent_release_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agent_release_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agent_release_list *packed = fm_codec_pack(obj, &fm_agent_release_list_desc);
    CHECK(packed != NULL && fm_agent_release_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agent_release_list *again = NULL;
        CHECK_INT(fm_agent_release_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agent_release_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agent_release_list_equal(obj, again));
        fm_agent_release_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agent_release_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"agentKind\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"approved\":");
        CHECK_CONTAINS(a.data, "\"arch\":");
        CHECK_CONTAINS(a.data, "\"artifacts\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"concurrency\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"desiredVersion\":");
        CHECK_CONTAINS(a.data, "\"dispatchedAt\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"healthGate\":");
        CHECK_CONTAINS(a.data, "\"inFlightNodes\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"key\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"matchExpressions\":");
        CHECK_CONTAINS(a.data, "\"matchLabels\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minHealthySeconds\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeStatuses\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"observedVersion\":");
        CHECK_CONTAINS(a.data, "\"operator\":");
        CHECK_CONTAINS(a.data, "\"os\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"paused\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"selector\":");
        CHECK_CONTAINS(a.data, "\"sha256\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"targetNodes\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"updatedNodes\":");
        CHECK_CONTAINS(a.data, "\"url\":");
        CHECK_CONTAINS(a.data, "\"values\":");
        CHECK_CONTAINS(a.data, "\"version\":");
    }
    fm_agent_release_list_free(obj);
    fm_agent_release_list_free(back);
    fm_agent_release_list_free(copy);
    fm_agent_release_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agent_release_list_zero_values) { roundtrip_fm_agent_release_list(0); }
TEST(test_fm_agent_release_list_full_values) { roundtrip_fm_agent_release_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agentic_task(int seed)
{
    fm_agentic_task *obj = tcalloc(1, sizeof *obj);
    fm_agentic_task *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agentic_task_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agentic_task(obj, seed);
    CHECK_INT(fm_agentic_task_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agentic_task_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agentic_task_equal(obj, back));
        CHECK_INT(fm_agentic_task_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agentic_task_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agentic_task_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agentic_task_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agentic_task *packed = fm_codec_pack(obj, &fm_agentic_task_desc);
    CHECK(packed != NULL && fm_agentic_task_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agentic_task *again = NULL;
        CHECK_INT(fm_agentic_task_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agentic_task_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agentic_task_equal(obj, again));
        fm_agentic_task_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agentic_task_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"agentRef\":");
        CHECK_CONTAINS(a.data, "\"allowOverwrite\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"assignedNode\":");
        CHECK_CONTAINS(a.data, "\"baseBranch\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"branchStrategy\":");
        CHECK_CONTAINS(a.data, "\"build\":");
        CHECK_CONTAINS(a.data, "\"check\":");
        CHECK_CONTAINS(a.data, "\"claimedAt\":");
        CHECK_CONTAINS(a.data, "\"codegenCheck\":");
        CHECK_CONTAINS(a.data, "\"commands\":");
        CHECK_CONTAINS(a.data, "\"commitSHA\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contract\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"definedBy\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"detail\":");
        CHECK_CONTAINS(a.data, "\"failureReason\":");
        CHECK_CONTAINS(a.data, "\"files\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"finishedAt\":");
        CHECK_CONTAINS(a.data, "\"format\":");
        CHECK_CONTAINS(a.data, "\"gateAdvisories\":");
        CHECK_CONTAINS(a.data, "\"gateProfile\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"id\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"images\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"jobName\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"language\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"lint\":");
        CHECK_CONTAINS(a.data, "\"mcpEnabled\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"modelRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"openPullRequest\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"promptPrefix\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"referencedBy\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"result\":");
        CHECK_CONTAINS(a.data, "\"reviseFromBranch\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"selfGO\":");
        CHECK_CONTAINS(a.data, "\"sharedIdentifiers\":");
        CHECK_CONTAINS(a.data, "\"slices\":");
        CHECK_CONTAINS(a.data, "\"sourceExtensions\":");
        CHECK_CONTAINS(a.data, "\"sourceRoot\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"startedAt\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"test\":");
        CHECK_CONTAINS(a.data, "\"testLayout\":");
        CHECK_CONTAINS(a.data, "\"testRoot\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"transcriptRef\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdict\":");
        CHECK_CONTAINS(a.data, "\"verdictPolicy\":");
    }
    fm_agentic_task_free(obj);
    fm_agentic_task_free(back);
    fm_agentic_task_free(copy);
    fm_agentic_task_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agentic_task_zero_values) { roundtrip_fm_agentic_task(0); }
TEST(test_fm_agentic_task_full_values) { roundtrip_fm_agentic_task(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_agentic_task_list(int seed)
{
    fm_agentic_task_list *obj = tcalloc(1, sizeof *obj);
    fm_agentic_task_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_agentic_task_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_agentic_task_list(obj, seed);
    CHECK_INT(fm_agentic_task_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_agentic_task_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_agentic_task_list_equal(obj, back));
        CHECK_INT(fm_agentic_task_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_agentic_task_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_agentic_task_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_agentic_task_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_agentic_task_list *packed = fm_codec_pack(obj, &fm_agentic_task_list_desc);
    CHECK(packed != NULL && fm_agentic_task_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_agentic_task_list *again = NULL;
        CHECK_INT(fm_agentic_task_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_agentic_task_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_agentic_task_list_equal(obj, again));
        fm_agentic_task_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_agentic_task_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"agentRef\":");
        CHECK_CONTAINS(a.data, "\"allowOverwrite\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"assignedNode\":");
        CHECK_CONTAINS(a.data, "\"baseBranch\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"branchStrategy\":");
        CHECK_CONTAINS(a.data, "\"build\":");
        CHECK_CONTAINS(a.data, "\"check\":");
        CHECK_CONTAINS(a.data, "\"claimedAt\":");
        CHECK_CONTAINS(a.data, "\"codegenCheck\":");
        CHECK_CONTAINS(a.data, "\"commands\":");
        CHECK_CONTAINS(a.data, "\"commitSHA\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"contract\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"definedBy\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"detail\":");
        CHECK_CONTAINS(a.data, "\"failureReason\":");
        CHECK_CONTAINS(a.data, "\"files\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"finishedAt\":");
        CHECK_CONTAINS(a.data, "\"format\":");
        CHECK_CONTAINS(a.data, "\"gateAdvisories\":");
        CHECK_CONTAINS(a.data, "\"gateProfile\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"id\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"images\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"jobName\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"language\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"lint\":");
        CHECK_CONTAINS(a.data, "\"mcpEnabled\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"modelRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"openPullRequest\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"promptPrefix\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"referencedBy\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"result\":");
        CHECK_CONTAINS(a.data, "\"reviseFromBranch\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"selfGO\":");
        CHECK_CONTAINS(a.data, "\"sharedIdentifiers\":");
        CHECK_CONTAINS(a.data, "\"slices\":");
        CHECK_CONTAINS(a.data, "\"sourceExtensions\":");
        CHECK_CONTAINS(a.data, "\"sourceRoot\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"startedAt\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"test\":");
        CHECK_CONTAINS(a.data, "\"testLayout\":");
        CHECK_CONTAINS(a.data, "\"testRoot\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"transcriptRef\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdict\":");
        CHECK_CONTAINS(a.data, "\"verdictPolicy\":");
    }
    fm_agentic_task_list_free(obj);
    fm_agentic_task_list_free(back);
    fm_agentic_task_list_free(copy);
    fm_agentic_task_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_agentic_task_list_zero_values) { roundtrip_fm_agentic_task_list(0); }
TEST(test_fm_agentic_task_list_full_values) { roundtrip_fm_agentic_task_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_fleet_node(int seed)
{
    fm_fleet_node *obj = tcalloc(1, sizeof *obj);
    fm_fleet_node *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_fleet_node_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_fleet_node(obj, seed);
    CHECK_INT(fm_fleet_node_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_fleet_node_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_fleet_node_equal(obj, back));
        CHECK_INT(fm_fleet_node_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_fleet_node_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_fleet_node_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_fleet_node_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_fleet_node *packed = fm_codec_pack(obj, &fm_fleet_node_desc);
    CHECK(packed != NULL && fm_fleet_node_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_fleet_node *again = NULL;
        CHECK_INT(fm_fleet_node_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_fleet_node_copy(&again, packed), 0);
        CHECK(again != NULL && fm_fleet_node_equal(obj, again));
        fm_fleet_node_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_fleet_node_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agentInstance\":");
        CHECK_CONTAINS(a.data, "\"agentKind\":");
        CHECK_CONTAINS(a.data, "\"agentVersion\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"arch\":");
        CHECK_CONTAINS(a.data, "\"availableRAMGB\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"capability\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"currentTask\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"freeMemoryMiB\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"gpus\":");
        CHECK_CONTAINS(a.data, "\"index\":");
        CHECK_CONTAINS(a.data, "\"installedModels\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastHeartbeatTime\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"maxConcurrentTasks\":");
        CHECK_CONTAINS(a.data, "\"maxContextTokens\":");
        CHECK_CONTAINS(a.data, "\"memoryMiB\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeName\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"os\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"sha256\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"tailscaleAddr\":");
        CHECK_CONTAINS(a.data, "\"targetVersion\":");
        CHECK_CONTAINS(a.data, "\"taskNamespaces\":");
        CHECK_CONTAINS(a.data, "\"tokensPerSecond\":");
        CHECK_CONTAINS(a.data, "\"totalRAMGB\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"updateRequest\":");
        CHECK_CONTAINS(a.data, "\"url\":");
    }
    fm_fleet_node_free(obj);
    fm_fleet_node_free(back);
    fm_fleet_node_free(copy);
    fm_fleet_node_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_fleet_node_zero_values) { roundtrip_fm_fleet_node(0); }
TEST(test_fm_fleet_node_full_values) { roundtrip_fm_fleet_node(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_fleet_node_list(int seed)
{
    fm_fleet_node_list *obj = tcalloc(1, sizeof *obj);
    fm_fleet_node_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_fleet_node_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_fleet_node_list(obj, seed);
    CHECK_INT(fm_fleet_node_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_fleet_node_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_fleet_node_list_equal(obj, back));
        CHECK_INT(fm_fleet_node_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_fleet_node_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_fleet_node_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_fleet_node_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_fleet_node_list *packed = fm_codec_pack(obj, &fm_fleet_node_list_desc);
    CHECK(packed != NULL && fm_fleet_node_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_fleet_node_list *again = NULL;
        CHECK_INT(fm_fleet_node_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_fleet_node_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_fleet_node_list_equal(obj, again));
        fm_fleet_node_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_fleet_node_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agentInstance\":");
        CHECK_CONTAINS(a.data, "\"agentKind\":");
        CHECK_CONTAINS(a.data, "\"agentVersion\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"arch\":");
        CHECK_CONTAINS(a.data, "\"availableRAMGB\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"capability\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"currentTask\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"freeMemoryMiB\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"gpus\":");
        CHECK_CONTAINS(a.data, "\"index\":");
        CHECK_CONTAINS(a.data, "\"installedModels\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastHeartbeatTime\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"maxConcurrentTasks\":");
        CHECK_CONTAINS(a.data, "\"maxContextTokens\":");
        CHECK_CONTAINS(a.data, "\"memoryMiB\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeName\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"os\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"sha256\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"tailscaleAddr\":");
        CHECK_CONTAINS(a.data, "\"targetVersion\":");
        CHECK_CONTAINS(a.data, "\"taskNamespaces\":");
        CHECK_CONTAINS(a.data, "\"tokensPerSecond\":");
        CHECK_CONTAINS(a.data, "\"totalRAMGB\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"updateRequest\":");
        CHECK_CONTAINS(a.data, "\"url\":");
    }
    fm_fleet_node_list_free(obj);
    fm_fleet_node_list_free(back);
    fm_fleet_node_list_free(copy);
    fm_fleet_node_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_fleet_node_list_zero_values) { roundtrip_fm_fleet_node_list(0); }
TEST(test_fm_fleet_node_list_full_values) { roundtrip_fm_fleet_node_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_model_profile(int seed)
{
    fm_model_profile *obj = tcalloc(1, sizeof *obj);
    fm_model_profile *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_model_profile_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_model_profile(obj, seed);
    CHECK_INT(fm_model_profile_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_model_profile_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_model_profile_equal(obj, back));
        CHECK_INT(fm_model_profile_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_model_profile_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_model_profile_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_model_profile_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_model_profile *packed = fm_codec_pack(obj, &fm_model_profile_desc);
    CHECK(packed != NULL && fm_model_profile_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_model_profile *again = NULL;
        CHECK_INT(fm_model_profile_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_model_profile_copy(&again, packed), 0);
        CHECK(again != NULL && fm_model_profile_equal(obj, again));
        fm_model_profile_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_model_profile_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contextHardCap\":");
        CHECK_CONTAINS(a.data, "\"contextSoftCap\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"editFreeTurnsLimit\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"repeatedToolThreshold\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"restrictReadsInForcingPhase\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"stuckLoopDetection\":");
        CHECK_CONTAINS(a.data, "\"systemPromptAddendum\":");
        CHECK_CONTAINS(a.data, "\"textToolCallFormat\":");
        CHECK_CONTAINS(a.data, "\"toolChoice\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_model_profile_free(obj);
    fm_model_profile_free(back);
    fm_model_profile_free(copy);
    fm_model_profile_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_model_profile_zero_values) { roundtrip_fm_model_profile(0); }
TEST(test_fm_model_profile_full_values) { roundtrip_fm_model_profile(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_model_profile_list(int seed)
{
    fm_model_profile_list *obj = tcalloc(1, sizeof *obj);
    fm_model_profile_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_model_profile_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_model_profile_list(obj, seed);
    CHECK_INT(fm_model_profile_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_model_profile_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_model_profile_list_equal(obj, back));
        CHECK_INT(fm_model_profile_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_model_profile_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_model_profile_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_model_profile_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_model_profile_list *packed = fm_codec_pack(obj, &fm_model_profile_list_desc);
    CHECK(packed != NULL && fm_model_profile_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_model_profile_list *again = NULL;
        CHECK_INT(fm_model_profile_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_model_profile_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_model_profile_list_equal(obj, again));
        fm_model_profile_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_model_profile_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contextHardCap\":");
        CHECK_CONTAINS(a.data, "\"contextSoftCap\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"editFreeTurnsLimit\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repeatedToolThreshold\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"restrictReadsInForcingPhase\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"stuckLoopDetection\":");
        CHECK_CONTAINS(a.data, "\"systemPromptAddendum\":");
        CHECK_CONTAINS(a.data, "\"textToolCallFormat\":");
        CHECK_CONTAINS(a.data, "\"toolChoice\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
    }
    fm_model_profile_list_free(obj);
    fm_model_profile_list_free(back);
    fm_model_profile_list_free(copy);
    fm_model_profile_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_model_profile_list_zero_values) { roundtrip_fm_model_profile_list(0); }
TEST(test_fm_model_profile_list_full_values) { roundtrip_fm_model_profile_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_workload(int seed)
{
    fm_workload *obj = tcalloc(1, sizeof *obj);
    fm_workload *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_workload_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_workload(obj, seed);
    CHECK_INT(fm_workload_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_workload_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_workload_equal(obj, back));
        CHECK_INT(fm_workload_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_workload_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_workload_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_workload_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_workload *packed = fm_codec_pack(obj, &fm_workload_desc);
    CHECK(packed != NULL && fm_workload_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_workload *again = NULL;
        CHECK_INT(fm_workload_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_workload_copy(&again, packed), 0);
        CHECK(again != NULL && fm_workload_equal(obj, again));
        fm_workload_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_workload_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"agentRef\":");
        CHECK_CONTAINS(a.data, "\"allowCloudReviewers\":");
        CHECK_CONTAINS(a.data, "\"allowOverwrite\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"baseBranch\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"branchStrategy\":");
        CHECK_CONTAINS(a.data, "\"build\":");
        CHECK_CONTAINS(a.data, "\"check\":");
        CHECK_CONTAINS(a.data, "\"codegenCheck\":");
        CHECK_CONTAINS(a.data, "\"coderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"commands\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"contract\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"definedBy\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"detail\":");
        CHECK_CONTAINS(a.data, "\"escalateOnFailure\":");
        CHECK_CONTAINS(a.data, "\"escalationCoderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"escalationReviewerAgentRefs\":");
        CHECK_CONTAINS(a.data, "\"failedTasks\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"files\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"format\":");
        CHECK_CONTAINS(a.data, "\"gateAdvisories\":");
        CHECK_CONTAINS(a.data, "\"gateProfile\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"id\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"images\":");
        CHECK_CONTAINS(a.data, "\"incompleteTasks\":");
        CHECK_CONTAINS(a.data, "\"intent\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"issues\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"language\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"lint\":");
        CHECK_CONTAINS(a.data, "\"maxReviewIterations\":");
        CHECK_CONTAINS(a.data, "\"maxTasks\":");
        CHECK_CONTAINS(a.data, "\"mcpEnabled\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"openPullRequest\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"pipeline\":");
        CHECK_CONTAINS(a.data, "\"plannerModel\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"promptPrefix\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"referencedBy\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"reviewIterations\":");
        CHECK_CONTAINS(a.data, "\"reviewerAgentRefs\":");
        CHECK_CONTAINS(a.data, "\"reviseFromBranch\":");
        CHECK_CONTAINS(a.data, "\"revisionCoderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"selfGO\":");
        CHECK_CONTAINS(a.data, "\"sharedIdentifiers\":");
        CHECK_CONTAINS(a.data, "\"slices\":");
        CHECK_CONTAINS(a.data, "\"sourceExtensions\":");
        CHECK_CONTAINS(a.data, "\"sourceRoot\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"succeededTasks\":");
        CHECK_CONTAINS(a.data, "\"tasks\":");
        CHECK_CONTAINS(a.data, "\"test\":");
        CHECK_CONTAINS(a.data, "\"testLayout\":");
        CHECK_CONTAINS(a.data, "\"testRoot\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdictPolicy\":");
        CHECK_CONTAINS(a.data, "\"verifierAgentRef\":");
    }
    fm_workload_free(obj);
    fm_workload_free(back);
    fm_workload_free(copy);
    fm_workload_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_workload_zero_values) { roundtrip_fm_workload(0); }
TEST(test_fm_workload_full_values) { roundtrip_fm_workload(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_fm_workload_list(int seed)
{
    fm_workload_list *obj = tcalloc(1, sizeof *obj);
    fm_workload_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(fm_workload_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_fm_workload_list(obj, seed);
    CHECK_INT(fm_workload_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = fm_workload_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(fm_workload_list_equal(obj, back));
        CHECK_INT(fm_workload_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(fm_workload_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && fm_workload_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(fm_workload_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
    /* Packed into one block (fm_codec_pack, as the informers cache objects):
     * equal, the same encoding, a deep copy of it equal, and freed whole
     * by fm_codec_object_free (valgrind and ASan see a stray free). */
    fm_workload_list *packed = fm_codec_pack(obj, &fm_workload_list_desc);
    CHECK(packed != NULL && fm_workload_list_equal(obj, packed));
    if (packed) {
        fm_buf c = FM_BUF_INIT;
        fm_workload_list *again = NULL;
        CHECK_INT(fm_workload_list_encode(&c, packed), 0);
        CHECK_STR(c.data, a.data);
        CHECK_INT(fm_workload_list_copy(&again, packed), 0);
        CHECK(again != NULL && fm_workload_list_equal(obj, again));
        fm_workload_list_free(again);
        fm_buf_free(&c);
    }
    fm_codec_object_free(packed, &fm_workload_list_desc);
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"agentRef\":");
        CHECK_CONTAINS(a.data, "\"allowCloudReviewers\":");
        CHECK_CONTAINS(a.data, "\"allowOverwrite\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"baseBranch\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"branchStrategy\":");
        CHECK_CONTAINS(a.data, "\"build\":");
        CHECK_CONTAINS(a.data, "\"check\":");
        CHECK_CONTAINS(a.data, "\"codegenCheck\":");
        CHECK_CONTAINS(a.data, "\"coderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"commands\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"contract\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"definedBy\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"detail\":");
        CHECK_CONTAINS(a.data, "\"escalateOnFailure\":");
        CHECK_CONTAINS(a.data, "\"escalationCoderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"escalationReviewerAgentRefs\":");
        CHECK_CONTAINS(a.data, "\"failedTasks\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"files\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"format\":");
        CHECK_CONTAINS(a.data, "\"gateAdvisories\":");
        CHECK_CONTAINS(a.data, "\"gateProfile\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"id\":");
        CHECK_CONTAINS(a.data, "\"image\":");
        CHECK_CONTAINS(a.data, "\"images\":");
        CHECK_CONTAINS(a.data, "\"incompleteTasks\":");
        CHECK_CONTAINS(a.data, "\"intent\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"issues\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"language\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"lint\":");
        CHECK_CONTAINS(a.data, "\"maxReviewIterations\":");
        CHECK_CONTAINS(a.data, "\"maxTasks\":");
        CHECK_CONTAINS(a.data, "\"mcpEnabled\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"openPullRequest\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"pipeline\":");
        CHECK_CONTAINS(a.data, "\"plannerModel\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"promptPrefix\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"referencedBy\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"requiresModelInstalled\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"reviewIterations\":");
        CHECK_CONTAINS(a.data, "\"reviewerAgentRefs\":");
        CHECK_CONTAINS(a.data, "\"reviseFromBranch\":");
        CHECK_CONTAINS(a.data, "\"revisionCoderAgentRef\":");
        CHECK_CONTAINS(a.data, "\"roles\":");
        CHECK_CONTAINS(a.data, "\"selfGO\":");
        CHECK_CONTAINS(a.data, "\"sharedIdentifiers\":");
        CHECK_CONTAINS(a.data, "\"slices\":");
        CHECK_CONTAINS(a.data, "\"sourceExtensions\":");
        CHECK_CONTAINS(a.data, "\"sourceRoot\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"succeededTasks\":");
        CHECK_CONTAINS(a.data, "\"tasks\":");
        CHECK_CONTAINS(a.data, "\"test\":");
        CHECK_CONTAINS(a.data, "\"testLayout\":");
        CHECK_CONTAINS(a.data, "\"testRoot\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdictPolicy\":");
        CHECK_CONTAINS(a.data, "\"verifierAgentRef\":");
    }
    fm_workload_list_free(obj);
    fm_workload_list_free(back);
    fm_workload_list_free(copy);
    fm_workload_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_fm_workload_list_zero_values) { roundtrip_fm_workload_list(0); }
TEST(test_fm_workload_list_full_values) { roundtrip_fm_workload_list(1); }

/* ------------------------------------------------------------------ enums */

TEST(test_enum_tables)
{
    CHECK_STR(fm_k8s_condition_status_name(FM_K8S_CONDITION_STATUS_TRUE), "True");
    CHECK_INT(fm_k8s_condition_status_parse("True"), FM_K8S_CONDITION_STATUS_TRUE);
    CHECK_STR(fm_k8s_condition_status_name(FM_K8S_CONDITION_STATUS_FALSE), "False");
    CHECK_INT(fm_k8s_condition_status_parse("False"), FM_K8S_CONDITION_STATUS_FALSE);
    CHECK_STR(fm_k8s_condition_status_name(FM_K8S_CONDITION_STATUS_UNKNOWN), "Unknown");
    CHECK_INT(fm_k8s_condition_status_parse("Unknown"), FM_K8S_CONDITION_STATUS_UNKNOWN);
    CHECK(fm_k8s_condition_status_name(FM_K8S_CONDITION_STATUS_UNSET) == NULL);
    CHECK_INT(fm_k8s_condition_status_parse("no such value"), FM_K8S_CONDITION_STATUS_UNSET);
    CHECK_INT(fm_k8s_condition_status_parse(NULL), FM_K8S_CONDITION_STATUS_UNSET);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_ISSUE_FIX), "issue-fix");
    CHECK_INT(fm_task_kind_parse("issue-fix"), FM_TASK_KIND_ISSUE_FIX);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_VERIFY), "verify");
    CHECK_INT(fm_task_kind_parse("verify"), FM_TASK_KIND_VERIFY);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_FREEFORM), "freeform");
    CHECK_INT(fm_task_kind_parse("freeform"), FM_TASK_KIND_FREEFORM);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_REVIEW), "review");
    CHECK_INT(fm_task_kind_parse("review"), FM_TASK_KIND_REVIEW);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_INTEGRATE), "integrate");
    CHECK_INT(fm_task_kind_parse("integrate"), FM_TASK_KIND_INTEGRATE);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_RECONCILE), "reconcile");
    CHECK_INT(fm_task_kind_parse("reconcile"), FM_TASK_KIND_RECONCILE);
    CHECK(fm_task_kind_name(FM_TASK_KIND_UNSET) == NULL);
    CHECK_INT(fm_task_kind_parse("no such value"), FM_TASK_KIND_UNSET);
    CHECK_INT(fm_task_kind_parse(NULL), FM_TASK_KIND_UNSET);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_PENDING), "Pending");
    CHECK_INT(fm_task_phase_parse("Pending"), FM_TASK_PHASE_PENDING);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_SCHEDULED), "Scheduled");
    CHECK_INT(fm_task_phase_parse("Scheduled"), FM_TASK_PHASE_SCHEDULED);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_RUNNING), "Running");
    CHECK_INT(fm_task_phase_parse("Running"), FM_TASK_PHASE_RUNNING);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_VERIFYING), "Verifying");
    CHECK_INT(fm_task_phase_parse("Verifying"), FM_TASK_PHASE_VERIFYING);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_SUCCEEDED), "Succeeded");
    CHECK_INT(fm_task_phase_parse("Succeeded"), FM_TASK_PHASE_SUCCEEDED);
    CHECK_STR(fm_task_phase_name(FM_TASK_PHASE_FAILED), "Failed");
    CHECK_INT(fm_task_phase_parse("Failed"), FM_TASK_PHASE_FAILED);
    CHECK(fm_task_phase_name(FM_TASK_PHASE_UNSET) == NULL);
    CHECK_INT(fm_task_phase_parse("no such value"), FM_TASK_PHASE_UNSET);
    CHECK_INT(fm_task_phase_parse(NULL), FM_TASK_PHASE_UNSET);
    CHECK_STR(fm_verdict_name(FM_VERDICT_GO), "GO");
    CHECK_INT(fm_verdict_parse("GO"), FM_VERDICT_GO);
    CHECK_STR(fm_verdict_name(FM_VERDICT_NO_GO), "NO-GO");
    CHECK_INT(fm_verdict_parse("NO-GO"), FM_VERDICT_NO_GO);
    CHECK_STR(fm_verdict_name(FM_VERDICT_INCOMPLETE), "INCOMPLETE");
    CHECK_INT(fm_verdict_parse("INCOMPLETE"), FM_VERDICT_INCOMPLETE);
    CHECK_STR(fm_verdict_name(FM_VERDICT_GATE_PASS), "GATE-PASS");
    CHECK_INT(fm_verdict_parse("GATE-PASS"), FM_VERDICT_GATE_PASS);
    CHECK_STR(fm_verdict_name(FM_VERDICT_GATE_FAIL), "GATE-FAIL");
    CHECK_INT(fm_verdict_parse("GATE-FAIL"), FM_VERDICT_GATE_FAIL);
    CHECK_STR(fm_verdict_name(FM_VERDICT_GATE_ERROR), "GATE-ERROR");
    CHECK_INT(fm_verdict_parse("GATE-ERROR"), FM_VERDICT_GATE_ERROR);
    CHECK_STR(fm_verdict_name(FM_VERDICT_SKIPPED), "Skipped");
    CHECK_INT(fm_verdict_parse("Skipped"), FM_VERDICT_SKIPPED);
    CHECK(fm_verdict_name(FM_VERDICT_UNSET) == NULL);
    CHECK_INT(fm_verdict_parse("no such value"), FM_VERDICT_UNSET);
    CHECK_INT(fm_verdict_parse(NULL), FM_VERDICT_UNSET);
    CHECK_STR(fm_node_phase_name(FM_NODE_PHASE_READY), "Ready");
    CHECK_INT(fm_node_phase_parse("Ready"), FM_NODE_PHASE_READY);
    CHECK_STR(fm_node_phase_name(FM_NODE_PHASE_DRAINING), "Draining");
    CHECK_INT(fm_node_phase_parse("Draining"), FM_NODE_PHASE_DRAINING);
    CHECK_STR(fm_node_phase_name(FM_NODE_PHASE_NOT_READY), "NotReady");
    CHECK_INT(fm_node_phase_parse("NotReady"), FM_NODE_PHASE_NOT_READY);
    CHECK_STR(fm_node_phase_name(FM_NODE_PHASE_UNKNOWN), "Unknown");
    CHECK_INT(fm_node_phase_parse("Unknown"), FM_NODE_PHASE_UNKNOWN);
    CHECK(fm_node_phase_name(FM_NODE_PHASE_UNSET) == NULL);
    CHECK_INT(fm_node_phase_parse("no such value"), FM_NODE_PHASE_UNSET);
    CHECK_INT(fm_node_phase_parse(NULL), FM_NODE_PHASE_UNSET);
    CHECK_STR(fm_accelerator_name(FM_ACCELERATOR_METAL), "metal");
    CHECK_INT(fm_accelerator_parse("metal"), FM_ACCELERATOR_METAL);
    CHECK_STR(fm_accelerator_name(FM_ACCELERATOR_CUDA), "cuda");
    CHECK_INT(fm_accelerator_parse("cuda"), FM_ACCELERATOR_CUDA);
    CHECK_STR(fm_accelerator_name(FM_ACCELERATOR_NONE), "none");
    CHECK_INT(fm_accelerator_parse("none"), FM_ACCELERATOR_NONE);
    CHECK_STR(fm_accelerator_name(FM_ACCELERATOR_VULKAN), "vulkan");
    CHECK_INT(fm_accelerator_parse("vulkan"), FM_ACCELERATOR_VULKAN);
    CHECK(fm_accelerator_name(FM_ACCELERATOR_UNSET) == NULL);
    CHECK_INT(fm_accelerator_parse("no such value"), FM_ACCELERATOR_UNSET);
    CHECK_INT(fm_accelerator_parse(NULL), FM_ACCELERATOR_UNSET);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_METAL), "metal");
    CHECK_INT(fm_required_accelerator_parse("metal"), FM_REQUIRED_ACCELERATOR_METAL);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_CUDA), "cuda");
    CHECK_INT(fm_required_accelerator_parse("cuda"), FM_REQUIRED_ACCELERATOR_CUDA);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_ANY), "any");
    CHECK_INT(fm_required_accelerator_parse("any"), FM_REQUIRED_ACCELERATOR_ANY);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_VULKAN), "vulkan");
    CHECK_INT(fm_required_accelerator_parse("vulkan"), FM_REQUIRED_ACCELERATOR_VULKAN);
    CHECK(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_UNSET) == NULL);
    CHECK_INT(fm_required_accelerator_parse("no such value"), FM_REQUIRED_ACCELERATOR_UNSET);
    CHECK_INT(fm_required_accelerator_parse(NULL), FM_REQUIRED_ACCELERATOR_UNSET);
    CHECK_STR(fm_workload_phase_name(FM_WORKLOAD_PHASE_PLANNING), "Planning");
    CHECK_INT(fm_workload_phase_parse("Planning"), FM_WORKLOAD_PHASE_PLANNING);
    CHECK_STR(fm_workload_phase_name(FM_WORKLOAD_PHASE_PLANNED), "Planned");
    CHECK_INT(fm_workload_phase_parse("Planned"), FM_WORKLOAD_PHASE_PLANNED);
    CHECK_STR(fm_workload_phase_name(FM_WORKLOAD_PHASE_DISPATCHED), "Dispatched");
    CHECK_INT(fm_workload_phase_parse("Dispatched"), FM_WORKLOAD_PHASE_DISPATCHED);
    CHECK_STR(fm_workload_phase_name(FM_WORKLOAD_PHASE_COMPLETED), "Completed");
    CHECK_INT(fm_workload_phase_parse("Completed"), FM_WORKLOAD_PHASE_COMPLETED);
    CHECK_STR(fm_workload_phase_name(FM_WORKLOAD_PHASE_FAILED), "Failed");
    CHECK_INT(fm_workload_phase_parse("Failed"), FM_WORKLOAD_PHASE_FAILED);
    CHECK(fm_workload_phase_name(FM_WORKLOAD_PHASE_UNSET) == NULL);
    CHECK_INT(fm_workload_phase_parse("no such value"), FM_WORKLOAD_PHASE_UNSET);
    CHECK_INT(fm_workload_phase_parse(NULL), FM_WORKLOAD_PHASE_UNSET);
    CHECK_STR(fm_agent_program_name(FM_AGENT_PROGRAM_FOREMAN_AGENT), "foreman-agent");
    CHECK_INT(fm_agent_program_parse("foreman-agent"), FM_AGENT_PROGRAM_FOREMAN_AGENT);
    CHECK_STR(fm_agent_program_name(FM_AGENT_PROGRAM_METAL_AGENT), "metal-agent");
    CHECK_INT(fm_agent_program_parse("metal-agent"), FM_AGENT_PROGRAM_METAL_AGENT);
    CHECK(fm_agent_program_name(FM_AGENT_PROGRAM_UNSET) == NULL);
    CHECK_INT(fm_agent_program_parse("no such value"), FM_AGENT_PROGRAM_UNSET);
    CHECK_INT(fm_agent_program_parse(NULL), FM_AGENT_PROGRAM_UNSET);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_AGENT_NOT_FOUND), "AgentNotFound");
    CHECK_INT(fm_failure_reason_parse("AgentNotFound"), FM_FAILURE_REASON_AGENT_NOT_FOUND);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_INFERENCE_SERVICE_UNAVAILABLE), "InferenceServiceUnavailable");
    CHECK_INT(fm_failure_reason_parse("InferenceServiceUnavailable"), FM_FAILURE_REASON_INFERENCE_SERVICE_UNAVAILABLE);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_AUTH_UNAVAILABLE), "AuthUnavailable");
    CHECK_INT(fm_failure_reason_parse("AuthUnavailable"), FM_FAILURE_REASON_AUTH_UNAVAILABLE);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_GIT_REMOTE_NOT_CONFIGURED), "GitRemoteNotConfigured");
    CHECK_INT(fm_failure_reason_parse("GitRemoteNotConfigured"), FM_FAILURE_REASON_GIT_REMOTE_NOT_CONFIGURED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_CLONE_FAILED), "CloneFailed");
    CHECK_INT(fm_failure_reason_parse("CloneFailed"), FM_FAILURE_REASON_CLONE_FAILED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_MODEL_MISUNDERSTOOD), "ModelMisunderstood");
    CHECK_INT(fm_failure_reason_parse("ModelMisunderstood"), FM_FAILURE_REASON_MODEL_MISUNDERSTOOD);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_TOOL_FAILED), "ToolFailed");
    CHECK_INT(fm_failure_reason_parse("ToolFailed"), FM_FAILURE_REASON_TOOL_FAILED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_MAX_TURNS_EXHAUSTED), "MaxTurnsExhausted");
    CHECK_INT(fm_failure_reason_parse("MaxTurnsExhausted"), FM_FAILURE_REASON_MAX_TURNS_EXHAUSTED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_CONSTRAINT_VIOLATED), "ConstraintViolated");
    CHECK_INT(fm_failure_reason_parse("ConstraintViolated"), FM_FAILURE_REASON_CONSTRAINT_VIOLATED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_TIMEOUT), "Timeout");
    CHECK_INT(fm_failure_reason_parse("Timeout"), FM_FAILURE_REASON_TIMEOUT);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_INFRASTRUCTURE_ERROR), "InfrastructureError");
    CHECK_INT(fm_failure_reason_parse("InfrastructureError"), FM_FAILURE_REASON_INFRASTRUCTURE_ERROR);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_GATE_FAILED), "GateFailed");
    CHECK_INT(fm_failure_reason_parse("GateFailed"), FM_FAILURE_REASON_GATE_FAILED);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_GATE_ERROR), "GateError");
    CHECK_INT(fm_failure_reason_parse("GateError"), FM_FAILURE_REASON_GATE_ERROR);
    CHECK_STR(fm_failure_reason_name(FM_FAILURE_REASON_MODEL_REPORTED_ERROR), "ModelReportedError");
    CHECK_INT(fm_failure_reason_parse("ModelReportedError"), FM_FAILURE_REASON_MODEL_REPORTED_ERROR);
    CHECK(fm_failure_reason_name(FM_FAILURE_REASON_UNSET) == NULL);
    CHECK_INT(fm_failure_reason_parse("no such value"), FM_FAILURE_REASON_UNSET);
    CHECK_INT(fm_failure_reason_parse(NULL), FM_FAILURE_REASON_UNSET);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_GO), "go");
    CHECK_INT(fm_gate_language_parse("go"), FM_GATE_LANGUAGE_GO);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_PYTHON), "python");
    CHECK_INT(fm_gate_language_parse("python"), FM_GATE_LANGUAGE_PYTHON);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_RUST), "rust");
    CHECK_INT(fm_gate_language_parse("rust"), FM_GATE_LANGUAGE_RUST);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_NODE), "node");
    CHECK_INT(fm_gate_language_parse("node"), FM_GATE_LANGUAGE_NODE);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_GENERIC), "generic");
    CHECK_INT(fm_gate_language_parse("generic"), FM_GATE_LANGUAGE_GENERIC);
    CHECK_STR(fm_gate_language_name(FM_GATE_LANGUAGE_C_CMAKE), "c-cmake");
    CHECK_INT(fm_gate_language_parse("c-cmake"), FM_GATE_LANGUAGE_C_CMAKE);
    CHECK(fm_gate_language_name(FM_GATE_LANGUAGE_UNSET) == NULL);
    CHECK_INT(fm_gate_language_parse("no such value"), FM_GATE_LANGUAGE_UNSET);
    CHECK_INT(fm_gate_language_parse(NULL), FM_GATE_LANGUAGE_UNSET);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_CODE_FIX), "code-fix");
    CHECK_INT(fm_change_class_parse("code-fix"), FM_CHANGE_CLASS_CODE_FIX);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_DOCS), "docs");
    CHECK_INT(fm_change_class_parse("docs"), FM_CHANGE_CLASS_DOCS);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_PACKAGING), "packaging");
    CHECK_INT(fm_change_class_parse("packaging"), FM_CHANGE_CLASS_PACKAGING);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_CONFIG), "config");
    CHECK_INT(fm_change_class_parse("config"), FM_CHANGE_CLASS_CONFIG);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_CI_POLICY), "ci-policy");
    CHECK_INT(fm_change_class_parse("ci-policy"), FM_CHANGE_CLASS_CI_POLICY);
    CHECK_STR(fm_change_class_name(FM_CHANGE_CLASS_RELEASE_POLICY), "release-policy");
    CHECK_INT(fm_change_class_parse("release-policy"), FM_CHANGE_CLASS_RELEASE_POLICY);
    CHECK(fm_change_class_name(FM_CHANGE_CLASS_UNSET) == NULL);
    CHECK_INT(fm_change_class_parse("no such value"), FM_CHANGE_CLASS_UNSET);
    CHECK_INT(fm_change_class_parse(NULL), FM_CHANGE_CLASS_UNSET);
    CHECK_STR(fm_branch_strategy_name(FM_BRANCH_STRATEGY_RESET), "reset");
    CHECK_INT(fm_branch_strategy_parse("reset"), FM_BRANCH_STRATEGY_RESET);
    CHECK_STR(fm_branch_strategy_name(FM_BRANCH_STRATEGY_REBASE), "rebase");
    CHECK_INT(fm_branch_strategy_parse("rebase"), FM_BRANCH_STRATEGY_REBASE);
    CHECK(fm_branch_strategy_name(FM_BRANCH_STRATEGY_UNSET) == NULL);
    CHECK_INT(fm_branch_strategy_parse("no such value"), FM_BRANCH_STRATEGY_UNSET);
    CHECK_INT(fm_branch_strategy_parse(NULL), FM_BRANCH_STRATEGY_UNSET);
    CHECK_STR(fm_agent_role_name(FM_AGENT_ROLE_CODER), "coder");
    CHECK_INT(fm_agent_role_parse("coder"), FM_AGENT_ROLE_CODER);
    CHECK_STR(fm_agent_role_name(FM_AGENT_ROLE_VERIFIER), "verifier");
    CHECK_INT(fm_agent_role_parse("verifier"), FM_AGENT_ROLE_VERIFIER);
    CHECK_STR(fm_agent_role_name(FM_AGENT_ROLE_REVIEWER), "reviewer");
    CHECK_INT(fm_agent_role_parse("reviewer"), FM_AGENT_ROLE_REVIEWER);
    CHECK_STR(fm_agent_role_name(FM_AGENT_ROLE_PLANNER), "planner");
    CHECK_INT(fm_agent_role_parse("planner"), FM_AGENT_ROLE_PLANNER);
    CHECK(fm_agent_role_name(FM_AGENT_ROLE_UNSET) == NULL);
    CHECK_INT(fm_agent_role_parse("no such value"), FM_AGENT_ROLE_UNSET);
    CHECK_INT(fm_agent_role_parse(NULL), FM_AGENT_ROLE_UNSET);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_PENDING), "Pending");
    CHECK_INT(fm_release_phase_parse("Pending"), FM_RELEASE_PHASE_PENDING);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_AWAITING_APPROVAL), "AwaitingApproval");
    CHECK_INT(fm_release_phase_parse("AwaitingApproval"), FM_RELEASE_PHASE_AWAITING_APPROVAL);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_IN_PROGRESS), "InProgress");
    CHECK_INT(fm_release_phase_parse("InProgress"), FM_RELEASE_PHASE_IN_PROGRESS);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_PAUSED), "Paused");
    CHECK_INT(fm_release_phase_parse("Paused"), FM_RELEASE_PHASE_PAUSED);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_SUCCEEDED), "Succeeded");
    CHECK_INT(fm_release_phase_parse("Succeeded"), FM_RELEASE_PHASE_SUCCEEDED);
    CHECK_STR(fm_release_phase_name(FM_RELEASE_PHASE_FAILED), "Failed");
    CHECK_INT(fm_release_phase_parse("Failed"), FM_RELEASE_PHASE_FAILED);
    CHECK(fm_release_phase_name(FM_RELEASE_PHASE_UNSET) == NULL);
    CHECK_INT(fm_release_phase_parse("no such value"), FM_RELEASE_PHASE_UNSET);
    CHECK_INT(fm_release_phase_parse(NULL), FM_RELEASE_PHASE_UNSET);
    CHECK_STR(fm_node_update_phase_name(FM_NODE_UPDATE_PHASE_PENDING), "Pending");
    CHECK_INT(fm_node_update_phase_parse("Pending"), FM_NODE_UPDATE_PHASE_PENDING);
    CHECK_STR(fm_node_update_phase_name(FM_NODE_UPDATE_PHASE_UPDATING), "Updating");
    CHECK_INT(fm_node_update_phase_parse("Updating"), FM_NODE_UPDATE_PHASE_UPDATING);
    CHECK_STR(fm_node_update_phase_name(FM_NODE_UPDATE_PHASE_UPDATED), "Updated");
    CHECK_INT(fm_node_update_phase_parse("Updated"), FM_NODE_UPDATE_PHASE_UPDATED);
    CHECK_STR(fm_node_update_phase_name(FM_NODE_UPDATE_PHASE_FAILED), "Failed");
    CHECK_INT(fm_node_update_phase_parse("Failed"), FM_NODE_UPDATE_PHASE_FAILED);
    CHECK(fm_node_update_phase_name(FM_NODE_UPDATE_PHASE_UNSET) == NULL);
    CHECK_INT(fm_node_update_phase_parse("no such value"), FM_NODE_UPDATE_PHASE_UNSET);
    CHECK_INT(fm_node_update_phase_parse(NULL), FM_NODE_UPDATE_PHASE_UNSET);
}

/* -------------------------------------------------------------- tables */

/* by_name is a permutation of the fields sorted by JSON name bytes, and
 * every nested descriptor is well formed too. */
static void check_desc(const fm_struct_desc *d, int depth)
{
    CHECK_FATAL(depth < 16);
    CHECK(d->n_fields > 0 && d->by_name != NULL);
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        CHECK_INT(strlen(f->json_name), f->json_name_len);
        CHECK(f->offset < d->unknown_offset);
        if (i + 1 < d->n_fields) {
            const fm_field_desc *x = &d->fields[d->by_name[i]], *y = &d->fields[d->by_name[i + 1]];
            size_t n = x->json_name_len < y->json_name_len ? x->json_name_len : y->json_name_len;
            int c = memcmp(x->json_name, y->json_name, n);
            CHECK(c < 0 || (c == 0 && x->json_name_len < y->json_name_len));
        }
        if (f->sub)
            check_desc(f->sub, depth + 1);
    }
    CHECK_INT(d->unknown_offset + sizeof(char *), d->size);
}

TEST(test_descriptor_tables)
{
    check_desc(&fm_k8s_config_map_desc, 0);
    check_desc(&fm_k8s_config_map_list_desc, 0);
    check_desc(&fm_k8s_event_desc, 0);
    check_desc(&fm_k8s_event_list_desc, 0);
    check_desc(&fm_k8s_lease_desc, 0);
    check_desc(&fm_k8s_lease_list_desc, 0);
    check_desc(&fm_k8s_secret_desc, 0);
    check_desc(&fm_k8s_secret_list_desc, 0);
    check_desc(&fm_k8s_status_desc, 0);
    check_desc(&fm_agent_desc, 0);
    check_desc(&fm_agent_list_desc, 0);
    check_desc(&fm_agent_release_desc, 0);
    check_desc(&fm_agent_release_list_desc, 0);
    check_desc(&fm_agentic_task_desc, 0);
    check_desc(&fm_agentic_task_list_desc, 0);
    check_desc(&fm_fleet_node_desc, 0);
    check_desc(&fm_fleet_node_list_desc, 0);
    check_desc(&fm_model_profile_desc, 0);
    check_desc(&fm_model_profile_list_desc, 0);
    check_desc(&fm_workload_desc, 0);
    check_desc(&fm_workload_list_desc, 0);
    CHECK_INT(fm_k8s_all_kinds_count, 4);
    for (size_t i = 0; i < fm_k8s_all_kinds_count; i++) {
        const fm_kind_desc *k = fm_k8s_all_kinds[i];
        CHECK(k->object != NULL && k->list != NULL && k->plural != NULL);
        if (i > 0)
            CHECK(strcmp(fm_k8s_all_kinds[i - 1]->kind, k->kind) < 0);
    }
    CHECK_INT(fm_all_kinds_count, 6);
    for (size_t i = 0; i < fm_all_kinds_count; i++) {
        const fm_kind_desc *k = fm_all_kinds[i];
        CHECK(k->object != NULL && k->list != NULL && k->plural != NULL);
        if (i > 0)
            CHECK(strcmp(fm_all_kinds[i - 1]->kind, k->kind) < 0);
    }
}

int main(void)
{
    RUN(test_fm_k8s_config_map_zero_values);
    RUN(test_fm_k8s_config_map_full_values);
    RUN(test_fm_k8s_config_map_list_zero_values);
    RUN(test_fm_k8s_config_map_list_full_values);
    RUN(test_fm_k8s_event_zero_values);
    RUN(test_fm_k8s_event_full_values);
    RUN(test_fm_k8s_event_list_zero_values);
    RUN(test_fm_k8s_event_list_full_values);
    RUN(test_fm_k8s_lease_zero_values);
    RUN(test_fm_k8s_lease_full_values);
    RUN(test_fm_k8s_lease_list_zero_values);
    RUN(test_fm_k8s_lease_list_full_values);
    RUN(test_fm_k8s_secret_zero_values);
    RUN(test_fm_k8s_secret_full_values);
    RUN(test_fm_k8s_secret_list_zero_values);
    RUN(test_fm_k8s_secret_list_full_values);
    RUN(test_fm_k8s_status_zero_values);
    RUN(test_fm_k8s_status_full_values);
    RUN(test_fm_agent_zero_values);
    RUN(test_fm_agent_full_values);
    RUN(test_fm_agent_list_zero_values);
    RUN(test_fm_agent_list_full_values);
    RUN(test_fm_agent_release_zero_values);
    RUN(test_fm_agent_release_full_values);
    RUN(test_fm_agent_release_list_zero_values);
    RUN(test_fm_agent_release_list_full_values);
    RUN(test_fm_agentic_task_zero_values);
    RUN(test_fm_agentic_task_full_values);
    RUN(test_fm_agentic_task_list_zero_values);
    RUN(test_fm_agentic_task_list_full_values);
    RUN(test_fm_fleet_node_zero_values);
    RUN(test_fm_fleet_node_full_values);
    RUN(test_fm_fleet_node_list_zero_values);
    RUN(test_fm_fleet_node_list_full_values);
    RUN(test_fm_model_profile_zero_values);
    RUN(test_fm_model_profile_full_values);
    RUN(test_fm_model_profile_list_zero_values);
    RUN(test_fm_model_profile_list_full_values);
    RUN(test_fm_workload_zero_values);
    RUN(test_fm_workload_full_values);
    RUN(test_fm_workload_list_zero_values);
    RUN(test_fm_workload_list_full_values);
    RUN(test_enum_tables);
    RUN(test_descriptor_tables);
    return test_summary();
}

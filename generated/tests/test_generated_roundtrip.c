/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * test_generated_roundtrip.c - per-kind round-trip test (the MAVLink idea):
 * for every kind and kind list, build an object with EVERY field set (once
 * with zero values: "", 0, false, empty lists and maps; once with rich values:
 * escapes, UTF-8, extreme integers, fractional times), encode it, decode the
 * text, and require equality, an identical re-encoding, an equal deep copy and
 * an empty merge patch. Also checks enum name/parse tables and the shape of
 * every descriptor table.
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

static void fill_k8s_owner_reference(k8s_owner_reference *p, int seed);
static void fill_k8s_object_meta(k8s_object_meta *p, int seed);
static void fill_k8s_config_map(k8s_config_map *p, int seed);
static void fill_k8s_list_meta(k8s_list_meta *p, int seed);
static void fill_k8s_config_map_list(k8s_config_map_list *p, int seed);
static void fill_k8s_object_reference(k8s_object_reference *p, int seed);
static void fill_k8s_event_source(k8s_event_source *p, int seed);
static void fill_k8s_event(k8s_event *p, int seed);
static void fill_k8s_event_list(k8s_event_list *p, int seed);
static void fill_k8s_lease_spec(k8s_lease_spec *p, int seed);
static void fill_k8s_lease(k8s_lease *p, int seed);
static void fill_k8s_lease_list(k8s_lease_list *p, int seed);
static void fill_k8s_status_cause(k8s_status_cause *p, int seed);
static void fill_k8s_status_details(k8s_status_details *p, int seed);
static void fill_k8s_status(k8s_status *p, int seed);
static void fill_fm_task_payload(fm_task_payload *p, int seed);
static void fill_fm_required_capability(fm_required_capability *p, int seed);
static void fill_fm_agentic_task_spec(fm_agentic_task_spec *p, int seed);
static void fill_k8s_condition(k8s_condition *p, int seed);
static void fill_fm_agentic_task_status(fm_agentic_task_status *p, int seed);
static void fill_fm_agentic_task(fm_agentic_task *p, int seed);
static void fill_fm_agentic_task_list(fm_agentic_task_list *p, int seed);
static void fill_fm_fleet_node_spec(fm_fleet_node_spec *p, int seed);
static void fill_fm_gpu_info(fm_gpu_info *p, int seed);
static void fill_fm_capability(fm_capability *p, int seed);
static void fill_fm_fleet_node_status(fm_fleet_node_status *p, int seed);
static void fill_fm_fleet_node(fm_fleet_node *p, int seed);
static void fill_fm_fleet_node_list(fm_fleet_node_list *p, int seed);
static void fill_fm_pipeline_step(fm_pipeline_step *p, int seed);
static void fill_fm_workload_spec(fm_workload_spec *p, int seed);
static void fill_fm_workload_status(fm_workload_status *p, int seed);
static void fill_fm_workload(fm_workload *p, int seed);
static void fill_fm_workload_list(fm_workload_list *p, int seed);

/* Sets every field of k8s_owner_reference. */
static void fill_k8s_owner_reference(k8s_owner_reference *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    p->name = tstr("name", seed);
    p->uid = tstr("uid", seed);
    p->controller = (seed) != 0;
    codec_set_present(p, 0, true);
    p->block_owner_deletion = (seed) != 0;
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_object_meta. */
static void fill_k8s_object_meta(k8s_object_meta *p, int seed)
{
    p->name = tstr("name", seed);
    p->generate_name = tstr("generateName", seed);
    p->namespace = tstr("namespace", seed);
    p->uid = tstr("uid", seed);
    p->resource_version = tstr("resourceVersion", seed);
    p->generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 0, true);
    p->creation_timestamp = ttime(seed);
    codec_set_present(p, 1, true);
    p->deletion_timestamp = ttime(seed);
    codec_set_present(p, 2, true);
    p->deletion_grace_period_seconds = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 3, true);
    tmap(&p->labels, seed);
    codec_set_present(p, 4, true);
    tmap(&p->annotations, seed);
    codec_set_present(p, 5, true);
    p->owner_references.len = seed ? 2 : 0;
    p->owner_references.items = seed ? tcalloc(2, sizeof *p->owner_references.items) : NULL;
    for (size_t i = 0; i < p->owner_references.len; i++) {
        fill_k8s_owner_reference(&p->owner_references.items[i], seed + (int)i);
    }
    codec_set_present(p, 6, true);
    p->finalizers.len = seed ? 2 : 0;
    p->finalizers.items = seed ? tcalloc(2, sizeof *p->finalizers.items) : NULL;
    for (size_t i = 0; i < p->finalizers.len; i++) {
        p->finalizers.items[i] = tstr("finalizers", seed + (int)i);
    }
    codec_set_present(p, 7, true);
}

/* Sets every field of k8s_config_map. */
static void fill_k8s_config_map(k8s_config_map *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    tmap(&p->data, seed);
    codec_set_present(p, 1, true);
    tmap(&p->binary_data, seed);
    codec_set_present(p, 2, true);
    p->immutable = (seed) != 0;
    codec_set_present(p, 3, true);
}

/* Sets every field of k8s_list_meta. */
static void fill_k8s_list_meta(k8s_list_meta *p, int seed)
{
    p->resource_version = tstr("resourceVersion", seed);
    p->continue_ = tstr("continue", seed);
    p->remaining_item_count = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 0, true);
}

/* Sets every field of k8s_config_map_list. */
static void fill_k8s_config_map_list(k8s_config_map_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_k8s_config_map(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_object_reference. */
static void fill_k8s_object_reference(k8s_object_reference *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    p->name = tstr("name", seed);
    p->namespace = tstr("namespace", seed);
    p->uid = tstr("uid", seed);
    p->resource_version = tstr("resourceVersion", seed);
    p->field_path = tstr("fieldPath", seed);
}

/* Sets every field of k8s_event_source. */
static void fill_k8s_event_source(k8s_event_source *p, int seed)
{
    p->component = tstr("component", seed);
    p->host = tstr("host", seed);
}

/* Sets every field of k8s_event. */
static void fill_k8s_event(k8s_event *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    fill_k8s_object_reference(&p->involved_object, seed);
    codec_set_present(p, 1, true);
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
    fill_k8s_event_source(&p->source, seed);
    codec_set_present(p, 2, true);
    p->first_timestamp = ttime(seed);
    codec_set_present(p, 3, true);
    p->last_timestamp = ttime(seed);
    codec_set_present(p, 4, true);
    p->count = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 5, true);
    p->type = tstr("type", seed);
    p->event_time = ttime(seed);
    codec_set_present(p, 6, true);
    p->action = tstr("action", seed);
    p->reporting_component = tstr("reportingComponent", seed);
    p->reporting_instance = tstr("reportingInstance", seed);
}

/* Sets every field of k8s_event_list. */
static void fill_k8s_event_list(k8s_event_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_k8s_event(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_lease_spec. */
static void fill_k8s_lease_spec(k8s_lease_spec *p, int seed)
{
    p->holder_identity = tstr("holderIdentity", seed);
    p->lease_duration_seconds = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 0, true);
    p->acquire_time = ttime(seed);
    codec_set_present(p, 1, true);
    p->renew_time = ttime(seed);
    codec_set_present(p, 2, true);
    p->lease_transitions = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 3, true);
}

/* Sets every field of k8s_lease. */
static void fill_k8s_lease(k8s_lease *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    fill_k8s_lease_spec(&p->spec, seed);
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_lease_list. */
static void fill_k8s_lease_list(k8s_lease_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_k8s_lease(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_status_cause. */
static void fill_k8s_status_cause(k8s_status_cause *p, int seed)
{
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
    p->field = tstr("field", seed);
}

/* Sets every field of k8s_status_details. */
static void fill_k8s_status_details(k8s_status_details *p, int seed)
{
    p->name = tstr("name", seed);
    p->group = tstr("group", seed);
    p->kind = tstr("kind", seed);
    p->uid = tstr("uid", seed);
    p->causes.len = seed ? 2 : 0;
    p->causes.items = seed ? tcalloc(2, sizeof *p->causes.items) : NULL;
    for (size_t i = 0; i < p->causes.len; i++) {
        fill_k8s_status_cause(&p->causes.items[i], seed + (int)i);
    }
    codec_set_present(p, 0, true);
    p->retry_after_seconds = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 1, true);
}

/* Sets every field of k8s_status. */
static void fill_k8s_status(k8s_status *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->status = tstr("status", seed);
    p->message = tstr("message", seed);
    p->reason = tstr("reason", seed);
    fill_k8s_status_details(&p->details, seed);
    codec_set_present(p, 1, true);
    p->code = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_task_payload. */
static void fill_fm_task_payload(fm_task_payload *p, int seed)
{
    p->repo = tstr("repo", seed);
    p->issue = (seed) ? INT32_MAX - (seed) : 1;
    codec_set_present(p, 0, true);
    p->branch = tstr("branch", seed);
    p->branch_prefix = tstr("branchPrefix", seed);
    p->agent = tstr("agent", seed);
    p->prompt = tstr("prompt", seed);
}

/* Sets every field of fm_required_capability. */
static void fill_fm_required_capability(fm_required_capability *p, int seed)
{
    p->accelerator = (seed) ? 3 : 1;
    p->min_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 0, true);
    p->min_context_tokens = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 1, true);
    tmap(&p->node_selector, seed);
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_agentic_task_spec. */
static void fill_fm_agentic_task_spec(fm_agentic_task_spec *p, int seed)
{
    p->kind = (seed) ? 3 : 1;
    p->model_ref = tstr("modelRef", seed);
    fill_fm_task_payload(&p->payload, seed);
    codec_set_present(p, 0, true);
    fill_fm_required_capability(&p->required_capability, seed);
    codec_set_present(p, 1, true);
    p->depends_on.len = seed ? 2 : 0;
    p->depends_on.items = seed ? tcalloc(2, sizeof *p->depends_on.items) : NULL;
    for (size_t i = 0; i < p->depends_on.len; i++) {
        p->depends_on.items[i] = tstr("dependsOn", seed + (int)i);
    }
    codec_set_present(p, 2, true);
    p->priority = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 3, true);
    p->timeout_seconds = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 4, true);
}

/* Sets every field of k8s_condition. */
static void fill_k8s_condition(k8s_condition *p, int seed)
{
    p->type = tstr("type", seed);
    p->status = (seed) ? 3 : 1;
    p->observed_generation = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 0, true);
    p->last_transition_time = ttime(seed);
    codec_set_present(p, 1, true);
    p->reason = tstr("reason", seed);
    p->message = tstr("message", seed);
}

/* Sets every field of fm_agentic_task_status. */
static void fill_fm_agentic_task_status(fm_agentic_task_status *p, int seed)
{
    p->phase = (seed) ? 6 : 1;
    p->assigned_node = tstr("assignedNode", seed);
    p->claimed_at = ttime(seed);
    codec_set_present(p, 0, true);
    p->started_at = ttime(seed);
    codec_set_present(p, 1, true);
    p->finished_at = ttime(seed);
    codec_set_present(p, 2, true);
    p->verdict = (seed) ? 6 : 1;
    p->branch = tstr("branch", seed);
    p->commit_sha = tstr("commitSHA", seed);
    p->transcript_ref = tstr("transcriptRef", seed);
    p->result = tjson(seed);
    p->conditions.len = seed ? 2 : 0;
    p->conditions.items = seed ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i = 0; i < p->conditions.len; i++) {
        fill_k8s_condition(&p->conditions.items[i], seed + (int)i);
    }
    codec_set_present(p, 3, true);
}

/* Sets every field of fm_agentic_task. */
static void fill_fm_agentic_task(fm_agentic_task *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    fill_fm_agentic_task_spec(&p->spec, seed);
    codec_set_present(p, 1, true);
    fill_fm_agentic_task_status(&p->status, seed);
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_agentic_task_list. */
static void fill_fm_agentic_task_list(fm_agentic_task_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_fm_agentic_task(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of fm_fleet_node_spec. */
static void fill_fm_fleet_node_spec(fm_fleet_node_spec *p, int seed)
{
    p->node_name = tstr("nodeName", seed);
    p->tailscale_addr = tstr("tailscaleAddr", seed);
    p->roles.len = seed ? 2 : 0;
    p->roles.items = seed ? tcalloc(2, sizeof *p->roles.items) : NULL;
    for (size_t i = 0; i < p->roles.len; i++) {
        p->roles.items[i] = tstr("roles", seed + (int)i);
    }
    codec_set_present(p, 0, true);
    p->max_concurrent_tasks = (seed) ? INT32_MAX - (seed) : 1;
    codec_set_present(p, 1, true);
    p->task_namespaces.len = seed ? 2 : 0;
    p->task_namespaces.items = seed ? tcalloc(2, sizeof *p->task_namespaces.items) : NULL;
    for (size_t i = 0; i < p->task_namespaces.len; i++) {
        p->task_namespaces.items[i] = tstr("taskNamespaces", seed + (int)i);
    }
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_gpu_info. */
static void fill_fm_gpu_info(fm_gpu_info *p, int seed)
{
    p->index = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 0, true);
    p->name = tstr("name", seed);
    p->memory_mib = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 1, true);
    p->free_memory_mib = (seed) ? INT64_C(9007199254740993) + (seed) : 0;
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_capability. */
static void fill_fm_capability(fm_capability *p, int seed)
{
    p->accelerator = (seed) ? 3 : 1;
    p->total_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 0, true);
    p->available_ram_gb = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 1, true);
    p->max_context_tokens = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 2, true);
    p->tokens_per_second = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 3, true);
    p->installed_models.len = seed ? 2 : 0;
    p->installed_models.items = seed ? tcalloc(2, sizeof *p->installed_models.items) : NULL;
    for (size_t i = 0; i < p->installed_models.len; i++) {
        p->installed_models.items[i] = tstr("installedModels", seed + (int)i);
    }
    codec_set_present(p, 4, true);
    p->gpus.len = seed ? 2 : 0;
    p->gpus.items = seed ? tcalloc(2, sizeof *p->gpus.items) : NULL;
    for (size_t i = 0; i < p->gpus.len; i++) {
        fill_fm_gpu_info(&p->gpus.items[i], seed + (int)i);
    }
    codec_set_present(p, 5, true);
}

/* Sets every field of fm_fleet_node_status. */
static void fill_fm_fleet_node_status(fm_fleet_node_status *p, int seed)
{
    p->phase = (seed) ? 4 : 1;
    p->last_heartbeat_time = ttime(seed);
    codec_set_present(p, 0, true);
    fill_fm_capability(&p->capability, seed);
    codec_set_present(p, 1, true);
    p->current_task = tstr("currentTask", seed);
    p->conditions.len = seed ? 2 : 0;
    p->conditions.items = seed ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i = 0; i < p->conditions.len; i++) {
        fill_k8s_condition(&p->conditions.items[i], seed + (int)i);
    }
    codec_set_present(p, 2, true);
    p->agent_version = tstr("agentVersion", seed);
    p->os = tstr("os", seed);
    p->arch = tstr("arch", seed);
    p->agent_instance = tstr("agentInstance", seed);
}

/* Sets every field of fm_fleet_node. */
static void fill_fm_fleet_node(fm_fleet_node *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    fill_fm_fleet_node_spec(&p->spec, seed);
    codec_set_present(p, 1, true);
    fill_fm_fleet_node_status(&p->status, seed);
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_fleet_node_list. */
static void fill_fm_fleet_node_list(fm_fleet_node_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_fm_fleet_node(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of fm_pipeline_step. */
static void fill_fm_pipeline_step(fm_pipeline_step *p, int seed)
{
    p->name = tstr("name", seed);
    p->kind = (seed) ? 3 : 1;
    fill_fm_task_payload(&p->payload, seed);
    codec_set_present(p, 0, true);
    fill_fm_required_capability(&p->required_capability, seed);
    codec_set_present(p, 1, true);
    p->depends_on.len = seed ? 2 : 0;
    p->depends_on.items = seed ? tcalloc(2, sizeof *p->depends_on.items) : NULL;
    for (size_t i = 0; i < p->depends_on.len; i++) {
        p->depends_on.items[i] = tstr("dependsOn", seed + (int)i);
    }
    codec_set_present(p, 2, true);
    p->timeout_seconds = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 3, true);
    p->priority = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 4, true);
}

/* Sets every field of fm_workload_spec. */
static void fill_fm_workload_spec(fm_workload_spec *p, int seed)
{
    p->intent = tstr("intent", seed);
    p->repo = tstr("repo", seed);
    p->planner_model = tstr("plannerModel", seed);
    p->max_tasks = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 0, true);
    p->pipeline.len = seed ? 2 : 0;
    p->pipeline.items = seed ? tcalloc(2, sizeof *p->pipeline.items) : NULL;
    for (size_t i = 0; i < p->pipeline.len; i++) {
        fill_fm_pipeline_step(&p->pipeline.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* Sets every field of fm_workload_status. */
static void fill_fm_workload_status(fm_workload_status *p, int seed)
{
    p->phase = (seed) ? 5 : 1;
    p->planner_model = tstr("plannerModel", seed);
    p->tasks.len = seed ? 2 : 0;
    p->tasks.items = seed ? tcalloc(2, sizeof *p->tasks.items) : NULL;
    for (size_t i = 0; i < p->tasks.len; i++) {
        fill_k8s_object_reference(&p->tasks.items[i], seed + (int)i);
    }
    codec_set_present(p, 0, true);
    p->succeeded_tasks = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 1, true);
    p->failed_tasks = (seed) ? INT32_MAX - (seed) : 0;
    codec_set_present(p, 2, true);
    p->conditions.len = seed ? 2 : 0;
    p->conditions.items = seed ? tcalloc(2, sizeof *p->conditions.items) : NULL;
    for (size_t i = 0; i < p->conditions.len; i++) {
        fill_k8s_condition(&p->conditions.items[i], seed + (int)i);
    }
    codec_set_present(p, 3, true);
}

/* Sets every field of fm_workload. */
static void fill_fm_workload(fm_workload *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_object_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    fill_fm_workload_spec(&p->spec, seed);
    codec_set_present(p, 1, true);
    fill_fm_workload_status(&p->status, seed);
    codec_set_present(p, 2, true);
}

/* Sets every field of fm_workload_list. */
static void fill_fm_workload_list(fm_workload_list *p, int seed)
{
    p->api_version = tstr("apiVersion", seed);
    p->kind = tstr("kind", seed);
    fill_k8s_list_meta(&p->metadata, seed);
    codec_set_present(p, 0, true);
    p->items.len = seed ? 2 : 0;
    p->items.items = seed ? tcalloc(2, sizeof *p->items.items) : NULL;
    for (size_t i = 0; i < p->items.len; i++) {
        fill_fm_workload(&p->items.items[i], seed + (int)i);
    }
    codec_set_present(p, 1, true);
}

/* ------------------------------------------------------------ round trips */

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_config_map(int seed)
{
    k8s_config_map *obj = tcalloc(1, sizeof *obj);
    k8s_config_map *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_config_map_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_config_map(obj, seed);
    CHECK_INT(k8s_config_map_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_config_map_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_config_map_equal(obj, back));
        CHECK_INT(k8s_config_map_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_config_map_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_config_map_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_config_map_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_config_map_free(obj);
    k8s_config_map_free(back);
    k8s_config_map_free(copy);
    k8s_config_map_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_config_map_zero_values) { roundtrip_k8s_config_map(0); }
TEST(test_k8s_config_map_full_values) { roundtrip_k8s_config_map(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_config_map_list(int seed)
{
    k8s_config_map_list *obj = tcalloc(1, sizeof *obj);
    k8s_config_map_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_config_map_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_config_map_list(obj, seed);
    CHECK_INT(k8s_config_map_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_config_map_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_config_map_list_equal(obj, back));
        CHECK_INT(k8s_config_map_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_config_map_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_config_map_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_config_map_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_config_map_list_free(obj);
    k8s_config_map_list_free(back);
    k8s_config_map_list_free(copy);
    k8s_config_map_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_config_map_list_zero_values) { roundtrip_k8s_config_map_list(0); }
TEST(test_k8s_config_map_list_full_values) { roundtrip_k8s_config_map_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_event(int seed)
{
    k8s_event *obj = tcalloc(1, sizeof *obj);
    k8s_event *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_event_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_event(obj, seed);
    CHECK_INT(k8s_event_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_event_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_event_equal(obj, back));
        CHECK_INT(k8s_event_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_event_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_event_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_event_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_event_free(obj);
    k8s_event_free(back);
    k8s_event_free(copy);
    k8s_event_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_event_zero_values) { roundtrip_k8s_event(0); }
TEST(test_k8s_event_full_values) { roundtrip_k8s_event(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_event_list(int seed)
{
    k8s_event_list *obj = tcalloc(1, sizeof *obj);
    k8s_event_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_event_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_event_list(obj, seed);
    CHECK_INT(k8s_event_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_event_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_event_list_equal(obj, back));
        CHECK_INT(k8s_event_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_event_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_event_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_event_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_event_list_free(obj);
    k8s_event_list_free(back);
    k8s_event_list_free(copy);
    k8s_event_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_event_list_zero_values) { roundtrip_k8s_event_list(0); }
TEST(test_k8s_event_list_full_values) { roundtrip_k8s_event_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_lease(int seed)
{
    k8s_lease *obj = tcalloc(1, sizeof *obj);
    k8s_lease *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_lease_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_lease(obj, seed);
    CHECK_INT(k8s_lease_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_lease_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_lease_equal(obj, back));
        CHECK_INT(k8s_lease_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_lease_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_lease_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_lease_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_lease_free(obj);
    k8s_lease_free(back);
    k8s_lease_free(copy);
    k8s_lease_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_lease_zero_values) { roundtrip_k8s_lease(0); }
TEST(test_k8s_lease_full_values) { roundtrip_k8s_lease(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_lease_list(int seed)
{
    k8s_lease_list *obj = tcalloc(1, sizeof *obj);
    k8s_lease_list *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_lease_list_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_lease_list(obj, seed);
    CHECK_INT(k8s_lease_list_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_lease_list_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_lease_list_equal(obj, back));
        CHECK_INT(k8s_lease_list_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_lease_list_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_lease_list_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_lease_list_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_lease_list_free(obj);
    k8s_lease_list_free(back);
    k8s_lease_list_free(copy);
    k8s_lease_list_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_lease_list_zero_values) { roundtrip_k8s_lease_list(0); }
TEST(test_k8s_lease_list_full_values) { roundtrip_k8s_lease_list(1); }

/* Encode -> decode -> equal, re-encode identical, copy equal, empty patch. */
static void roundtrip_k8s_status(int seed)
{
    k8s_status *obj = tcalloc(1, sizeof *obj);
    k8s_status *back = NULL, *copy = NULL;
    fm_buf a = FM_BUF_INIT, b = FM_BUF_INIT, patch = FM_BUF_INIT;

    CHECK_INT(k8s_status_encode(&a, obj), 0);
    CHECK_STR(a.data, "{}");
    fm_buf_reset(&a);

    fill_k8s_status(obj, seed);
    CHECK_INT(k8s_status_encode(&a, obj), 0);
    CHECK_FATAL(a.data != NULL);
    int rc = k8s_status_decode(&back, a.data, a.len);
    if (rc != 0)
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(back != NULL);
    if (back) {
        CHECK(k8s_status_equal(obj, back));
        CHECK_INT(k8s_status_encode(&b, back), 0);
        CHECK_STR(b.data, a.data);
    }
    CHECK_INT(k8s_status_copy(&copy, obj), 0);
    CHECK(copy != NULL && k8s_status_equal(obj, copy));
    if (copy) {
        CHECK_INT(k8s_status_merge_patch(&patch, obj, copy, NULL), 0);
        CHECK_STR(patch.data, "{}");
    }
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
    k8s_status_free(obj);
    k8s_status_free(back);
    k8s_status_free(copy);
    k8s_status_free(NULL);
    fm_buf_free(&a);
    fm_buf_free(&b);
    fm_buf_free(&patch);
}

TEST(test_k8s_status_zero_values) { roundtrip_k8s_status(0); }
TEST(test_k8s_status_full_values) { roundtrip_k8s_status(1); }

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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"assignedNode\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"claimedAt\":");
        CHECK_CONTAINS(a.data, "\"commitSHA\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"finishedAt\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"modelRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"result\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"startedAt\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"transcriptRef\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdict\":");
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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"assignedNode\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"claimedAt\":");
        CHECK_CONTAINS(a.data, "\"commitSHA\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"finishedAt\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"modelRef\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"result\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"startedAt\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"transcriptRef\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
        CHECK_CONTAINS(a.data, "\"verdict\":");
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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agentInstance\":");
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
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"tailscaleAddr\":");
        CHECK_CONTAINS(a.data, "\"taskNamespaces\":");
        CHECK_CONTAINS(a.data, "\"tokensPerSecond\":");
        CHECK_CONTAINS(a.data, "\"totalRAMGB\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agentInstance\":");
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
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"tailscaleAddr\":");
        CHECK_CONTAINS(a.data, "\"taskNamespaces\":");
        CHECK_CONTAINS(a.data, "\"tokensPerSecond\":");
        CHECK_CONTAINS(a.data, "\"totalRAMGB\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"failedTasks\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"intent\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"maxTasks\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"pipeline\":");
        CHECK_CONTAINS(a.data, "\"plannerModel\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"succeededTasks\":");
        CHECK_CONTAINS(a.data, "\"tasks\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
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
    if (seed != 0) {
        CHECK_CONTAINS(a.data, "\"accelerator\":");
        CHECK_CONTAINS(a.data, "\"agent\":");
        CHECK_CONTAINS(a.data, "\"annotations\":");
        CHECK_CONTAINS(a.data, "\"apiVersion\":");
        CHECK_CONTAINS(a.data, "\"blockOwnerDeletion\":");
        CHECK_CONTAINS(a.data, "\"branch\":");
        CHECK_CONTAINS(a.data, "\"branchPrefix\":");
        CHECK_CONTAINS(a.data, "\"conditions\":");
        CHECK_CONTAINS(a.data, "\"continue\":");
        CHECK_CONTAINS(a.data, "\"controller\":");
        CHECK_CONTAINS(a.data, "\"creationTimestamp\":");
        CHECK_CONTAINS(a.data, "\"deletionGracePeriodSeconds\":");
        CHECK_CONTAINS(a.data, "\"deletionTimestamp\":");
        CHECK_CONTAINS(a.data, "\"dependsOn\":");
        CHECK_CONTAINS(a.data, "\"failedTasks\":");
        CHECK_CONTAINS(a.data, "\"fieldPath\":");
        CHECK_CONTAINS(a.data, "\"finalizers\":");
        CHECK_CONTAINS(a.data, "\"generateName\":");
        CHECK_CONTAINS(a.data, "\"generation\":");
        CHECK_CONTAINS(a.data, "\"intent\":");
        CHECK_CONTAINS(a.data, "\"issue\":");
        CHECK_CONTAINS(a.data, "\"items\":");
        CHECK_CONTAINS(a.data, "\"kind\":");
        CHECK_CONTAINS(a.data, "\"labels\":");
        CHECK_CONTAINS(a.data, "\"lastTransitionTime\":");
        CHECK_CONTAINS(a.data, "\"maxTasks\":");
        CHECK_CONTAINS(a.data, "\"message\":");
        CHECK_CONTAINS(a.data, "\"metadata\":");
        CHECK_CONTAINS(a.data, "\"minContextTokens\":");
        CHECK_CONTAINS(a.data, "\"minRAMGB\":");
        CHECK_CONTAINS(a.data, "\"name\":");
        CHECK_CONTAINS(a.data, "\"namespace\":");
        CHECK_CONTAINS(a.data, "\"nodeSelector\":");
        CHECK_CONTAINS(a.data, "\"observedGeneration\":");
        CHECK_CONTAINS(a.data, "\"ownerReferences\":");
        CHECK_CONTAINS(a.data, "\"payload\":");
        CHECK_CONTAINS(a.data, "\"phase\":");
        CHECK_CONTAINS(a.data, "\"pipeline\":");
        CHECK_CONTAINS(a.data, "\"plannerModel\":");
        CHECK_CONTAINS(a.data, "\"priority\":");
        CHECK_CONTAINS(a.data, "\"prompt\":");
        CHECK_CONTAINS(a.data, "\"reason\":");
        CHECK_CONTAINS(a.data, "\"remainingItemCount\":");
        CHECK_CONTAINS(a.data, "\"repo\":");
        CHECK_CONTAINS(a.data, "\"requiredCapability\":");
        CHECK_CONTAINS(a.data, "\"resourceVersion\":");
        CHECK_CONTAINS(a.data, "\"spec\":");
        CHECK_CONTAINS(a.data, "\"status\":");
        CHECK_CONTAINS(a.data, "\"succeededTasks\":");
        CHECK_CONTAINS(a.data, "\"tasks\":");
        CHECK_CONTAINS(a.data, "\"timeoutSeconds\":");
        CHECK_CONTAINS(a.data, "\"type\":");
        CHECK_CONTAINS(a.data, "\"uid\":");
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
    CHECK_STR(k8s_condition_status_name(K8S_CONDITION_STATUS_TRUE), "True");
    CHECK_INT(k8s_condition_status_parse("True"), K8S_CONDITION_STATUS_TRUE);
    CHECK_STR(k8s_condition_status_name(K8S_CONDITION_STATUS_FALSE), "False");
    CHECK_INT(k8s_condition_status_parse("False"), K8S_CONDITION_STATUS_FALSE);
    CHECK_STR(k8s_condition_status_name(K8S_CONDITION_STATUS_UNKNOWN), "Unknown");
    CHECK_INT(k8s_condition_status_parse("Unknown"), K8S_CONDITION_STATUS_UNKNOWN);
    CHECK(k8s_condition_status_name(K8S_CONDITION_STATUS_UNSET) == NULL);
    CHECK_INT(k8s_condition_status_parse("no such value"), K8S_CONDITION_STATUS_UNSET);
    CHECK_INT(k8s_condition_status_parse(NULL), K8S_CONDITION_STATUS_UNSET);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_ISSUE_FIX), "issue-fix");
    CHECK_INT(fm_task_kind_parse("issue-fix"), FM_TASK_KIND_ISSUE_FIX);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_VERIFY), "verify");
    CHECK_INT(fm_task_kind_parse("verify"), FM_TASK_KIND_VERIFY);
    CHECK_STR(fm_task_kind_name(FM_TASK_KIND_FREEFORM), "freeform");
    CHECK_INT(fm_task_kind_parse("freeform"), FM_TASK_KIND_FREEFORM);
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
    CHECK(fm_accelerator_name(FM_ACCELERATOR_UNSET) == NULL);
    CHECK_INT(fm_accelerator_parse("no such value"), FM_ACCELERATOR_UNSET);
    CHECK_INT(fm_accelerator_parse(NULL), FM_ACCELERATOR_UNSET);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_METAL), "metal");
    CHECK_INT(fm_required_accelerator_parse("metal"), FM_REQUIRED_ACCELERATOR_METAL);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_CUDA), "cuda");
    CHECK_INT(fm_required_accelerator_parse("cuda"), FM_REQUIRED_ACCELERATOR_CUDA);
    CHECK_STR(fm_required_accelerator_name(FM_REQUIRED_ACCELERATOR_ANY), "any");
    CHECK_INT(fm_required_accelerator_parse("any"), FM_REQUIRED_ACCELERATOR_ANY);
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
    check_desc(&k8s_config_map_desc, 0);
    check_desc(&k8s_config_map_list_desc, 0);
    check_desc(&k8s_event_desc, 0);
    check_desc(&k8s_event_list_desc, 0);
    check_desc(&k8s_lease_desc, 0);
    check_desc(&k8s_lease_list_desc, 0);
    check_desc(&k8s_status_desc, 0);
    check_desc(&fm_agentic_task_desc, 0);
    check_desc(&fm_agentic_task_list_desc, 0);
    check_desc(&fm_fleet_node_desc, 0);
    check_desc(&fm_fleet_node_list_desc, 0);
    check_desc(&fm_workload_desc, 0);
    check_desc(&fm_workload_list_desc, 0);
    CHECK_INT(k8s_all_kinds_count, 3);
    for (size_t i = 0; i < k8s_all_kinds_count; i++) {
        const fm_kind_desc *k = k8s_all_kinds[i];
        CHECK(k->object != NULL && k->list != NULL && k->plural != NULL);
        if (i > 0)
            CHECK(strcmp(k8s_all_kinds[i - 1]->kind, k->kind) < 0);
    }
    CHECK_INT(fm_all_kinds_count, 3);
    for (size_t i = 0; i < fm_all_kinds_count; i++) {
        const fm_kind_desc *k = fm_all_kinds[i];
        CHECK(k->object != NULL && k->list != NULL && k->plural != NULL);
        if (i > 0)
            CHECK(strcmp(fm_all_kinds[i - 1]->kind, k->kind) < 0);
    }
}

int main(void)
{
    RUN(test_k8s_config_map_zero_values);
    RUN(test_k8s_config_map_full_values);
    RUN(test_k8s_config_map_list_zero_values);
    RUN(test_k8s_config_map_list_full_values);
    RUN(test_k8s_event_zero_values);
    RUN(test_k8s_event_full_values);
    RUN(test_k8s_event_list_zero_values);
    RUN(test_k8s_event_list_full_values);
    RUN(test_k8s_lease_zero_values);
    RUN(test_k8s_lease_full_values);
    RUN(test_k8s_lease_list_zero_values);
    RUN(test_k8s_lease_list_full_values);
    RUN(test_k8s_status_zero_values);
    RUN(test_k8s_status_full_values);
    RUN(test_fm_agentic_task_zero_values);
    RUN(test_fm_agentic_task_full_values);
    RUN(test_fm_agentic_task_list_zero_values);
    RUN(test_fm_agentic_task_list_full_values);
    RUN(test_fm_fleet_node_zero_values);
    RUN(test_fm_fleet_node_full_values);
    RUN(test_fm_fleet_node_list_zero_values);
    RUN(test_fm_fleet_node_list_full_values);
    RUN(test_fm_workload_zero_values);
    RUN(test_fm_workload_full_values);
    RUN(test_fm_workload_list_zero_values);
    RUN(test_fm_workload_list_full_values);
    RUN(test_enum_tables);
    RUN(test_descriptor_tables);
    return test_summary();
}

/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * foreman_v1alpha1.c - descriptor tables of foreman.llmkube.dev/v1alpha1 and the one-line
 * typed wrappers over the codec engine (runtime/codec.h). This file is data:
 * one fm_field_desc row per schema field, in schema (encode) order, and a
 * by_name index per struct for the decoder's binary search.
 */
#include "foreman_v1alpha1.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

/* ------------------------------------------------------------------ enums */

static const char *const fm_task_kind_values[] = {
    "issue-fix",
    "verify",
    "freeform",
};
const fm_enum_desc fm_task_kind_desc = { "fm_task_kind", 3, fm_task_kind_values };

const char *fm_task_kind_name(fm_task_kind v)
{
    return codec_enum_name(&fm_task_kind_desc, v);
}

fm_task_kind fm_task_kind_parse(const char *s)
{
    return s ? codec_enum_value(&fm_task_kind_desc, s, strlen(s)) : 0;
}

static const char *const fm_task_phase_values[] = {
    "Pending",
    "Scheduled",
    "Running",
    "Verifying",
    "Succeeded",
    "Failed",
};
const fm_enum_desc fm_task_phase_desc = { "fm_task_phase", 6, fm_task_phase_values };

const char *fm_task_phase_name(fm_task_phase v)
{
    return codec_enum_name(&fm_task_phase_desc, v);
}

fm_task_phase fm_task_phase_parse(const char *s)
{
    return s ? codec_enum_value(&fm_task_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_verdict_values[] = {
    "GO",
    "NO-GO",
    "INCOMPLETE",
    "GATE-PASS",
    "GATE-FAIL",
    "GATE-ERROR",
};
const fm_enum_desc fm_verdict_desc = { "fm_verdict", 6, fm_verdict_values };

const char *fm_verdict_name(fm_verdict v)
{
    return codec_enum_name(&fm_verdict_desc, v);
}

fm_verdict fm_verdict_parse(const char *s)
{
    return s ? codec_enum_value(&fm_verdict_desc, s, strlen(s)) : 0;
}

static const char *const fm_node_phase_values[] = {
    "Ready",
    "Draining",
    "NotReady",
    "Unknown",
};
const fm_enum_desc fm_node_phase_desc = { "fm_node_phase", 4, fm_node_phase_values };

const char *fm_node_phase_name(fm_node_phase v)
{
    return codec_enum_name(&fm_node_phase_desc, v);
}

fm_node_phase fm_node_phase_parse(const char *s)
{
    return s ? codec_enum_value(&fm_node_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_accelerator_values[] = {
    "metal",
    "cuda",
    "none",
};
const fm_enum_desc fm_accelerator_desc = { "fm_accelerator", 3, fm_accelerator_values };

const char *fm_accelerator_name(fm_accelerator v)
{
    return codec_enum_name(&fm_accelerator_desc, v);
}

fm_accelerator fm_accelerator_parse(const char *s)
{
    return s ? codec_enum_value(&fm_accelerator_desc, s, strlen(s)) : 0;
}

static const char *const fm_required_accelerator_values[] = {
    "metal",
    "cuda",
    "any",
};
const fm_enum_desc fm_required_accelerator_desc = { "fm_required_accelerator", 3, fm_required_accelerator_values };

const char *fm_required_accelerator_name(fm_required_accelerator v)
{
    return codec_enum_name(&fm_required_accelerator_desc, v);
}

fm_required_accelerator fm_required_accelerator_parse(const char *s)
{
    return s ? codec_enum_value(&fm_required_accelerator_desc, s, strlen(s)) : 0;
}

static const char *const fm_workload_phase_values[] = {
    "Planning",
    "Planned",
    "Dispatched",
    "Completed",
    "Failed",
};
const fm_enum_desc fm_workload_phase_desc = { "fm_workload_phase", 5, fm_workload_phase_values };

const char *fm_workload_phase_name(fm_workload_phase v)
{
    return codec_enum_name(&fm_workload_phase_desc, v);
}

fm_workload_phase fm_workload_phase_parse(const char *s)
{
    return s ? codec_enum_value(&fm_workload_phase_desc, s, strlen(s)) : 0;
}

/* ---------------------------------------------------------------- structs */

/* fm_fleet_node_spec */
static const fm_validation fm_fleet_node_spec_v_max_concurrent_tasks = {
    FM_V_MIN | FM_V_MAX, INT64_C(1), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_fleet_node_spec_fields[5] = {
    { .json_name = "nodeName", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_fleet_node_spec, node_name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "tailscaleAddr", .json_name_len = 13, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_spec, tailscale_addr), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "roles", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_fleet_node_spec, roles), .presence_bit = 0, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxConcurrentTasks", .json_name_len = 18, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_spec, max_concurrent_tasks), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_fleet_node_spec_v_max_concurrent_tasks, .list_map_keys = NULL },
    { .json_name = "taskNamespaces", .json_name_len = 14, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_fleet_node_spec, task_namespaces), .presence_bit = 2, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: maxConcurrentTasks nodeName roles tailscaleAddr taskNamespaces */
static const uint16_t fm_fleet_node_spec_by_name[5] = { 3, 0, 2, 1, 4 };
const fm_struct_desc fm_fleet_node_spec_desc = {
    "fm_fleet_node_spec", sizeof(fm_fleet_node_spec), offsetof(fm_fleet_node_spec, _unknown),
    5, fm_fleet_node_spec_fields, fm_fleet_node_spec_by_name,
};

/* fm_gpu_info */
static const fm_validation fm_gpu_info_v_index = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_gpu_info_v_memory_mib = {
    FM_V_MIN, INT64_C(0), 0, 0, 0,
    NULL,
};
static const fm_validation fm_gpu_info_v_free_memory_mib = {
    FM_V_MIN, INT64_C(0), 0, 0, 0,
    NULL,
};
static const fm_field_desc fm_gpu_info_fields[4] = {
    { .json_name = "index", .json_name_len = 5, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gpu_info, index), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_gpu_info_v_index, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gpu_info, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "memoryMiB", .json_name_len = 9, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gpu_info, memory_mib), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_gpu_info_v_memory_mib, .list_map_keys = NULL },
    { .json_name = "freeMemoryMiB", .json_name_len = 13, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gpu_info, free_memory_mib), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_gpu_info_v_free_memory_mib, .list_map_keys = NULL },
};
/* by JSON name: freeMemoryMiB index memoryMiB name */
static const uint16_t fm_gpu_info_by_name[4] = { 3, 0, 2, 1 };
const fm_struct_desc fm_gpu_info_desc = {
    "fm_gpu_info", sizeof(fm_gpu_info), offsetof(fm_gpu_info, _unknown),
    4, fm_gpu_info_fields, fm_gpu_info_by_name,
};

/* fm_capability */
static const fm_validation fm_capability_v_total_ram_gb = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_capability_v_available_ram_gb = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_capability_v_max_context_tokens = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_capability_v_tokens_per_second = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_capability_fields[7] = {
    { .json_name = "accelerator", .json_name_len = 11, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_capability, accelerator), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_accelerator_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "totalRAMGB", .json_name_len = 10, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_capability, total_ram_gb), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_capability_v_total_ram_gb, .list_map_keys = NULL },
    { .json_name = "availableRAMGB", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_capability, available_ram_gb), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_capability_v_available_ram_gb, .list_map_keys = NULL },
    { .json_name = "maxContextTokens", .json_name_len = 16, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_capability, max_context_tokens), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_capability_v_max_context_tokens, .list_map_keys = NULL },
    { .json_name = "tokensPerSecond", .json_name_len = 15, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_capability, tokens_per_second), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_capability_v_tokens_per_second, .list_map_keys = NULL },
    { .json_name = "installedModels", .json_name_len = 15, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_capability, installed_models), .presence_bit = 4, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "gpus", .json_name_len = 4, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_capability, gpus), .presence_bit = 5, .elem_size = sizeof(fm_gpu_info),
      .sub = &fm_gpu_info_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: accelerator availableRAMGB gpus installedModels maxContextTokens tokensPerSecond totalRAMGB */
static const uint16_t fm_capability_by_name[7] = { 0, 2, 6, 5, 3, 4, 1 };
const fm_struct_desc fm_capability_desc = {
    "fm_capability", sizeof(fm_capability), offsetof(fm_capability, _unknown),
    7, fm_capability_fields, fm_capability_by_name,
};

/* fm_fleet_node_status */
static const char *const fm_fleet_node_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_fleet_node_status_fields[9] = {
    { .json_name = "phase", .json_name_len = 5, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, phase), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_node_phase_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "lastHeartbeatTime", .json_name_len = 17, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, last_heartbeat_time), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "capability", .json_name_len = 10, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, capability), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_capability_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "currentTask", .json_name_len = 11, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, current_task), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, conditions), .presence_bit = 2, .elem_size = sizeof(k8s_condition),
      .sub = &k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_fleet_node_status_keys_conditions },
    { .json_name = "agentVersion", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, agent_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "os", .json_name_len = 2, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, os), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "arch", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, arch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "agentInstance", .json_name_len = 13, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, agent_instance), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agentInstance agentVersion arch capability conditions currentTask lastHeartbeatTime os phase */
static const uint16_t fm_fleet_node_status_by_name[9] = { 8, 5, 7, 2, 4, 3, 1, 6, 0 };
const fm_struct_desc fm_fleet_node_status_desc = {
    "fm_fleet_node_status", sizeof(fm_fleet_node_status), offsetof(fm_fleet_node_status, _unknown),
    9, fm_fleet_node_status_fields, fm_fleet_node_status_by_name,
};

/* fm_task_payload */
static const fm_validation fm_task_payload_v_issue = {
    FM_V_MIN | FM_V_MAX, INT64_C(1), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_task_payload_fields[6] = {
    { .json_name = "repo", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, repo), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "issue", .json_name_len = 5, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, issue), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_task_payload_v_issue, .list_map_keys = NULL },
    { .json_name = "branch", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, branch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "branchPrefix", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, branch_prefix), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "agent", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, agent), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "prompt", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, prompt), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agent branch branchPrefix issue prompt repo */
static const uint16_t fm_task_payload_by_name[6] = { 4, 2, 3, 1, 5, 0 };
const fm_struct_desc fm_task_payload_desc = {
    "fm_task_payload", sizeof(fm_task_payload), offsetof(fm_task_payload, _unknown),
    6, fm_task_payload_fields, fm_task_payload_by_name,
};

/* fm_required_capability */
static const fm_validation fm_required_capability_v_min_ram_gb = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_required_capability_v_min_context_tokens = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_required_capability_fields[4] = {
    { .json_name = "accelerator", .json_name_len = 11, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_required_capability, accelerator), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_required_accelerator_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "minRAMGB", .json_name_len = 8, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_required_capability, min_ram_gb), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_required_capability_v_min_ram_gb, .list_map_keys = NULL },
    { .json_name = "minContextTokens", .json_name_len = 16, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_required_capability, min_context_tokens), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_required_capability_v_min_context_tokens, .list_map_keys = NULL },
    { .json_name = "nodeSelector", .json_name_len = 12, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_required_capability, node_selector), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: accelerator minContextTokens minRAMGB nodeSelector */
static const uint16_t fm_required_capability_by_name[4] = { 0, 2, 1, 3 };
const fm_struct_desc fm_required_capability_desc = {
    "fm_required_capability", sizeof(fm_required_capability), offsetof(fm_required_capability, _unknown),
    4, fm_required_capability_fields, fm_required_capability_by_name,
};

/* fm_agentic_task_spec */
static const fm_validation fm_agentic_task_spec_v_priority = {
    FM_V_MIN | FM_V_MAX, INT64_C(-2147483648), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_agentic_task_spec_v_timeout_seconds = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_agentic_task_spec_fields[7] = {
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_ENUM,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agentic_task_spec, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_task_kind_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "modelRef", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, model_ref), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "payload", .json_name_len = 7, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agentic_task_spec, payload), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_task_payload_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "requiredCapability", .json_name_len = 18, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, required_capability), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_required_capability_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "dependsOn", .json_name_len = 9, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, depends_on), .presence_bit = 2, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "priority", .json_name_len = 8, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, priority), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agentic_task_spec_v_priority, .list_map_keys = NULL },
    { .json_name = "timeoutSeconds", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, timeout_seconds), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agentic_task_spec_v_timeout_seconds, .list_map_keys = NULL },
};
/* by JSON name: dependsOn kind modelRef payload priority requiredCapability timeoutSeconds */
static const uint16_t fm_agentic_task_spec_by_name[7] = { 4, 0, 1, 2, 5, 3, 6 };
const fm_struct_desc fm_agentic_task_spec_desc = {
    "fm_agentic_task_spec", sizeof(fm_agentic_task_spec), offsetof(fm_agentic_task_spec, _unknown),
    7, fm_agentic_task_spec_fields, fm_agentic_task_spec_by_name,
};

/* fm_agentic_task_status */
static const char *const fm_agentic_task_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_agentic_task_status_fields[11] = {
    { .json_name = "phase", .json_name_len = 5, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, phase), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_task_phase_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "assignedNode", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, assigned_node), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "claimedAt", .json_name_len = 9, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, claimed_at), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "startedAt", .json_name_len = 9, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, started_at), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "finishedAt", .json_name_len = 10, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, finished_at), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "verdict", .json_name_len = 7, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, verdict), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_verdict_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "branch", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, branch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "commitSHA", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, commit_sha), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "transcriptRef", .json_name_len = 13, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, transcript_ref), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "result", .json_name_len = 6, .type = FM_T_JSON,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, result), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, conditions), .presence_bit = 3, .elem_size = sizeof(k8s_condition),
      .sub = &k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_agentic_task_status_keys_conditions },
};
/* by JSON name: assignedNode branch claimedAt commitSHA conditions finishedAt phase result startedAt transcriptRef verdict */
static const uint16_t fm_agentic_task_status_by_name[11] = { 1, 6, 2, 7, 10, 4, 0, 9, 3, 8, 5 };
const fm_struct_desc fm_agentic_task_status_desc = {
    "fm_agentic_task_status", sizeof(fm_agentic_task_status), offsetof(fm_agentic_task_status, _unknown),
    11, fm_agentic_task_status_fields, fm_agentic_task_status_by_name,
};

/* fm_pipeline_step */
static const fm_validation fm_pipeline_step_v_name = {
    FM_V_MINLEN | FM_V_MAXLEN | FM_V_PATTERN, 0, 0, INT64_C(1), INT64_C(63),
    "^[a-z0-9]([-a-z0-9]*[a-z0-9])\?$",
};
static const fm_validation fm_pipeline_step_v_timeout_seconds = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_pipeline_step_v_priority = {
    FM_V_MIN | FM_V_MAX, INT64_C(-2147483648), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_field_desc fm_pipeline_step_fields[7] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_pipeline_step, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_pipeline_step_v_name, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_task_kind_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "payload", .json_name_len = 7, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, payload), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_task_payload_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "requiredCapability", .json_name_len = 18, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, required_capability), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_required_capability_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "dependsOn", .json_name_len = 9, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_pipeline_step, depends_on), .presence_bit = 2, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "timeoutSeconds", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, timeout_seconds), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_pipeline_step_v_timeout_seconds, .list_map_keys = NULL },
    { .json_name = "priority", .json_name_len = 8, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, priority), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_pipeline_step_v_priority, .list_map_keys = NULL },
};
/* by JSON name: dependsOn kind name payload priority requiredCapability timeoutSeconds */
static const uint16_t fm_pipeline_step_by_name[7] = { 4, 1, 0, 2, 6, 3, 5 };
const fm_struct_desc fm_pipeline_step_desc = {
    "fm_pipeline_step", sizeof(fm_pipeline_step), offsetof(fm_pipeline_step, _unknown),
    7, fm_pipeline_step_fields, fm_pipeline_step_by_name,
};

/* fm_workload_spec */
static const fm_validation fm_workload_spec_v_intent = {
    FM_V_MINLEN, 0, 0, INT64_C(1), 0,
    NULL,
};
static const fm_validation fm_workload_spec_v_max_tasks = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const char *const fm_workload_spec_keys_pipeline[] = { "name", NULL };
static const fm_field_desc fm_workload_spec_fields[5] = {
    { .json_name = "intent", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_workload_spec, intent), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_workload_spec_v_intent, .list_map_keys = NULL },
    { .json_name = "repo", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, repo), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "plannerModel", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, planner_model), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxTasks", .json_name_len = 8, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, max_tasks), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_workload_spec_v_max_tasks, .list_map_keys = NULL },
    { .json_name = "pipeline", .json_name_len = 8, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_workload_spec, pipeline), .presence_bit = 1, .elem_size = sizeof(fm_pipeline_step),
      .sub = &fm_pipeline_step_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_workload_spec_keys_pipeline },
};
/* by JSON name: intent maxTasks pipeline plannerModel repo */
static const uint16_t fm_workload_spec_by_name[5] = { 0, 3, 4, 2, 1 };
const fm_struct_desc fm_workload_spec_desc = {
    "fm_workload_spec", sizeof(fm_workload_spec), offsetof(fm_workload_spec, _unknown),
    5, fm_workload_spec_fields, fm_workload_spec_by_name,
};

/* fm_workload_status */
static const fm_validation fm_workload_status_v_succeeded_tasks = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const fm_validation fm_workload_status_v_failed_tasks = {
    FM_V_MIN | FM_V_MAX, INT64_C(0), INT64_C(2147483647), 0, 0,
    NULL,
};
static const char *const fm_workload_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_workload_status_fields[6] = {
    { .json_name = "phase", .json_name_len = 5, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, phase), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_workload_phase_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "plannerModel", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, planner_model), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "tasks", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_workload_status, tasks), .presence_bit = 0, .elem_size = sizeof(k8s_object_reference),
      .sub = &k8s_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "succeededTasks", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, succeeded_tasks), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_workload_status_v_succeeded_tasks, .list_map_keys = NULL },
    { .json_name = "failedTasks", .json_name_len = 11, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, failed_tasks), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_workload_status_v_failed_tasks, .list_map_keys = NULL },
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_workload_status, conditions), .presence_bit = 3, .elem_size = sizeof(k8s_condition),
      .sub = &k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_workload_status_keys_conditions },
};
/* by JSON name: conditions failedTasks phase plannerModel succeededTasks tasks */
static const uint16_t fm_workload_status_by_name[6] = { 5, 4, 0, 1, 3, 2 };
const fm_struct_desc fm_workload_status_desc = {
    "fm_workload_status", sizeof(fm_workload_status), offsetof(fm_workload_status, _unknown),
    6, fm_workload_status_fields, fm_workload_status_by_name,
};

/* fm_fleet_node */
static const fm_field_desc fm_fleet_node_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_fleet_node, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_fleet_node_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_fleet_node_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_fleet_node_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_fleet_node_desc = {
    "fm_fleet_node", sizeof(fm_fleet_node), offsetof(fm_fleet_node, _unknown),
    5, fm_fleet_node_fields, fm_fleet_node_by_name,
};

/* fm_fleet_node_list */
static const fm_field_desc fm_fleet_node_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_fleet_node_list, items), .presence_bit = 1, .elem_size = sizeof(fm_fleet_node),
      .sub = &fm_fleet_node_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_fleet_node_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_fleet_node_list_desc = {
    "fm_fleet_node_list", sizeof(fm_fleet_node_list), offsetof(fm_fleet_node_list, _unknown),
    4, fm_fleet_node_list_fields, fm_fleet_node_list_by_name,
};

/* fm_agentic_task */
static const fm_field_desc fm_agentic_task_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agentic_task, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_agentic_task_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_agentic_task_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_agentic_task_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_agentic_task_desc = {
    "fm_agentic_task", sizeof(fm_agentic_task), offsetof(fm_agentic_task, _unknown),
    5, fm_agentic_task_fields, fm_agentic_task_by_name,
};

/* fm_agentic_task_list */
static const fm_field_desc fm_agentic_task_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agentic_task_list, items), .presence_bit = 1, .elem_size = sizeof(fm_agentic_task),
      .sub = &fm_agentic_task_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_agentic_task_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_agentic_task_list_desc = {
    "fm_agentic_task_list", sizeof(fm_agentic_task_list), offsetof(fm_agentic_task_list, _unknown),
    4, fm_agentic_task_list_fields, fm_agentic_task_list_by_name,
};

/* fm_workload */
static const fm_field_desc fm_workload_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_workload, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_workload_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_workload_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_workload_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_workload_desc = {
    "fm_workload", sizeof(fm_workload), offsetof(fm_workload, _unknown),
    5, fm_workload_fields, fm_workload_by_name,
};

/* fm_workload_list */
static const fm_field_desc fm_workload_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_workload_list, items), .presence_bit = 1, .elem_size = sizeof(fm_workload),
      .sub = &fm_workload_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_workload_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_workload_list_desc = {
    "fm_workload_list", sizeof(fm_workload_list), offsetof(fm_workload_list, _unknown),
    4, fm_workload_list_fields, fm_workload_list_by_name,
};

/* ------------------------------------------------------------------ kinds */

static const fm_printer_column fm_agentic_task_columns[] = {
    { "Phase", "string", ".status.phase", 0 },
    { "Kind", "string", ".spec.kind", 0 },
    { "Node", "string", ".status.assignedNode", 0 },
    { "Verdict", "string", ".status.verdict", 0 },
    { "Age", "date", ".metadata.creationTimestamp", 0 },
};
const fm_kind_desc fm_agentic_task_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "AgenticTask",
    .list_kind = "AgenticTaskList",
    .plural = "agentictasks",
    .singular = "agentictask",
    .namespaced = true,
    .has_status = true,
    .object = &fm_agentic_task_desc,
    .list = &fm_agentic_task_list_desc,
    .n_columns = 5,
    .columns = fm_agentic_task_columns,
};

static const fm_printer_column fm_fleet_node_columns[] = {
    { "Phase", "string", ".status.phase", 0 },
    { "Accelerator", "string", ".status.capability.accelerator", 0 },
    { "RAM", "integer", ".status.capability.availableRAMGB", 0 },
    { "Current Task", "string", ".status.currentTask", 0 },
    { "Heartbeat", "date", ".status.lastHeartbeatTime", 0 },
    { "Age", "date", ".metadata.creationTimestamp", 0 },
};
const fm_kind_desc fm_fleet_node_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "FleetNode",
    .list_kind = "FleetNodeList",
    .plural = "fleetnodes",
    .singular = "fleetnode",
    .namespaced = false,
    .has_status = true,
    .object = &fm_fleet_node_desc,
    .list = &fm_fleet_node_list_desc,
    .n_columns = 6,
    .columns = fm_fleet_node_columns,
};

static const fm_printer_column fm_workload_columns[] = {
    { "Phase", "string", ".status.phase", 0 },
    { "Repo", "string", ".spec.repo", 0 },
    { "Tasks", "integer", ".status.succeededTasks", 0 },
    { "Failed", "integer", ".status.failedTasks", 0 },
    { "Age", "date", ".metadata.creationTimestamp", 0 },
};
const fm_kind_desc fm_workload_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "Workload",
    .list_kind = "WorkloadList",
    .plural = "workloads",
    .singular = "workload",
    .namespaced = true,
    .has_status = true,
    .object = &fm_workload_desc,
    .list = &fm_workload_list_desc,
    .n_columns = 5,
    .columns = fm_workload_columns,
};

const fm_kind_desc *const fm_all_kinds[FM_ALL_KINDS_COUNT] = {
    &fm_agentic_task_kind,
    &fm_fleet_node_kind,
    &fm_workload_kind,
};
const size_t fm_all_kinds_count = FM_ALL_KINDS_COUNT;

/* -------------------------------------------------------- typed wrappers */

/*
 * Allocates a zeroed object of d and decodes buf[0..len) into it. On success
 * *out owns the object; on failure the partial object is released, *out is
 * NULL and the codec's error stays recorded. Returns 0 or a negative FM_E*.
 */
static int decode_new(void **out, const fm_struct_desc *d, const char *buf, size_t len)
{
    *out = NULL;
    void *obj = calloc(1, d->size);
    if (!obj)
        return fm_error_set(FM_ENOMEM, "%s: out of memory", d->name);
    int rc = codec_decode(obj, d, buf, len);
    if (rc < 0) {
        codec_clear(obj, d);
        free(obj);
        return rc;
    }
    *out = obj;
    return 0;
}

/* Allocates a deep copy of src (of d) in *out; NULL and an error on failure. */
static int copy_new(void **out, const void *src, const fm_struct_desc *d)
{
    *out = NULL;
    void *obj = calloc(1, d->size);
    if (!obj)
        return fm_error_set(FM_ENOMEM, "%s: out of memory", d->name);
    int rc = codec_copy(obj, src, d);
    if (rc < 0) {
        codec_clear(obj, d);
        free(obj);
        return rc;
    }
    *out = obj;
    return 0;
}

/* Releases obj (of d) and everything it owns; NULL is fine. */
static void free_obj(void *obj, const fm_struct_desc *d)
{
    if (!obj)
        return;
    codec_clear(obj, d);
    free(obj);
}

int fm_agentic_task_decode(fm_agentic_task **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agentic_task_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agentic_task_encode(fm_buf *out, const fm_agentic_task *obj)
{
    return codec_encode(out, obj, &fm_agentic_task_desc);
}

int fm_agentic_task_copy(fm_agentic_task **out, const fm_agentic_task *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agentic_task_desc);
    *out = p;
    return rc;
}

void fm_agentic_task_free(fm_agentic_task *obj)
{
    free_obj(obj, &fm_agentic_task_desc);
}

bool fm_agentic_task_equal(const fm_agentic_task *a, const fm_agentic_task *b)
{
    return codec_equal(a, b, &fm_agentic_task_desc);
}

int fm_agentic_task_merge_patch(fm_buf *out, const fm_agentic_task *old_obj, const fm_agentic_task *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_agentic_task_desc, resource_version);
}

int fm_agentic_task_list_decode(fm_agentic_task_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agentic_task_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agentic_task_list_encode(fm_buf *out, const fm_agentic_task_list *obj)
{
    return codec_encode(out, obj, &fm_agentic_task_list_desc);
}

int fm_agentic_task_list_copy(fm_agentic_task_list **out, const fm_agentic_task_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agentic_task_list_desc);
    *out = p;
    return rc;
}

void fm_agentic_task_list_free(fm_agentic_task_list *obj)
{
    free_obj(obj, &fm_agentic_task_list_desc);
}

bool fm_agentic_task_list_equal(const fm_agentic_task_list *a, const fm_agentic_task_list *b)
{
    return codec_equal(a, b, &fm_agentic_task_list_desc);
}

int fm_agentic_task_list_merge_patch(fm_buf *out, const fm_agentic_task_list *old_obj, const fm_agentic_task_list *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_agentic_task_list_desc, resource_version);
}

int fm_fleet_node_decode(fm_fleet_node **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_fleet_node_desc, buf, len);
    *out = p;
    return rc;
}

int fm_fleet_node_encode(fm_buf *out, const fm_fleet_node *obj)
{
    return codec_encode(out, obj, &fm_fleet_node_desc);
}

int fm_fleet_node_copy(fm_fleet_node **out, const fm_fleet_node *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_fleet_node_desc);
    *out = p;
    return rc;
}

void fm_fleet_node_free(fm_fleet_node *obj)
{
    free_obj(obj, &fm_fleet_node_desc);
}

bool fm_fleet_node_equal(const fm_fleet_node *a, const fm_fleet_node *b)
{
    return codec_equal(a, b, &fm_fleet_node_desc);
}

int fm_fleet_node_merge_patch(fm_buf *out, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_fleet_node_desc, resource_version);
}

int fm_fleet_node_list_decode(fm_fleet_node_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_fleet_node_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_fleet_node_list_encode(fm_buf *out, const fm_fleet_node_list *obj)
{
    return codec_encode(out, obj, &fm_fleet_node_list_desc);
}

int fm_fleet_node_list_copy(fm_fleet_node_list **out, const fm_fleet_node_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_fleet_node_list_desc);
    *out = p;
    return rc;
}

void fm_fleet_node_list_free(fm_fleet_node_list *obj)
{
    free_obj(obj, &fm_fleet_node_list_desc);
}

bool fm_fleet_node_list_equal(const fm_fleet_node_list *a, const fm_fleet_node_list *b)
{
    return codec_equal(a, b, &fm_fleet_node_list_desc);
}

int fm_fleet_node_list_merge_patch(fm_buf *out, const fm_fleet_node_list *old_obj, const fm_fleet_node_list *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_fleet_node_list_desc, resource_version);
}

int fm_workload_decode(fm_workload **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_workload_desc, buf, len);
    *out = p;
    return rc;
}

int fm_workload_encode(fm_buf *out, const fm_workload *obj)
{
    return codec_encode(out, obj, &fm_workload_desc);
}

int fm_workload_copy(fm_workload **out, const fm_workload *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_workload_desc);
    *out = p;
    return rc;
}

void fm_workload_free(fm_workload *obj)
{
    free_obj(obj, &fm_workload_desc);
}

bool fm_workload_equal(const fm_workload *a, const fm_workload *b)
{
    return codec_equal(a, b, &fm_workload_desc);
}

int fm_workload_merge_patch(fm_buf *out, const fm_workload *old_obj, const fm_workload *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_workload_desc, resource_version);
}

int fm_workload_list_decode(fm_workload_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_workload_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_workload_list_encode(fm_buf *out, const fm_workload_list *obj)
{
    return codec_encode(out, obj, &fm_workload_list_desc);
}

int fm_workload_list_copy(fm_workload_list **out, const fm_workload_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_workload_list_desc);
    *out = p;
    return rc;
}

void fm_workload_list_free(fm_workload_list *obj)
{
    free_obj(obj, &fm_workload_list_desc);
}

bool fm_workload_list_equal(const fm_workload_list *a, const fm_workload_list *b)
{
    return codec_equal(a, b, &fm_workload_list_desc);
}

int fm_workload_list_merge_patch(fm_buf *out, const fm_workload_list *old_obj, const fm_workload_list *new_obj,
        const char *resource_version)
{
    return codec_merge_patch(out, old_obj, new_obj, &fm_workload_list_desc, resource_version);
}

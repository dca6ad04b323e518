/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * foreman_v1alpha1.c - descriptor tables of foreman.llmkube.dev/v1alpha1 and the one-line
 * typed wrappers over the codec engine (runtime/codec/codec.h). This file is data:
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
    "review",
    "integrate",
    "reconcile",
};
const fm_enum_desc fm_task_kind_desc = { "fm_task_kind", 6, fm_task_kind_values };

const char *fm_task_kind_name(fm_task_kind v)
{
    return fm_codec_enum_name(&fm_task_kind_desc, v);
}

fm_task_kind fm_task_kind_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_task_kind_desc, s, strlen(s)) : 0;
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
    return fm_codec_enum_name(&fm_task_phase_desc, v);
}

fm_task_phase fm_task_phase_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_task_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_verdict_values[] = {
    "GO",
    "NO-GO",
    "INCOMPLETE",
    "GATE-PASS",
    "GATE-FAIL",
    "GATE-ERROR",
    "Skipped",
};
const fm_enum_desc fm_verdict_desc = { "fm_verdict", 7, fm_verdict_values };

const char *fm_verdict_name(fm_verdict v)
{
    return fm_codec_enum_name(&fm_verdict_desc, v);
}

fm_verdict fm_verdict_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_verdict_desc, s, strlen(s)) : 0;
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
    return fm_codec_enum_name(&fm_node_phase_desc, v);
}

fm_node_phase fm_node_phase_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_node_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_accelerator_values[] = {
    "metal",
    "cuda",
    "none",
    "vulkan",
};
const fm_enum_desc fm_accelerator_desc = { "fm_accelerator", 4, fm_accelerator_values };

const char *fm_accelerator_name(fm_accelerator v)
{
    return fm_codec_enum_name(&fm_accelerator_desc, v);
}

fm_accelerator fm_accelerator_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_accelerator_desc, s, strlen(s)) : 0;
}

static const char *const fm_required_accelerator_values[] = {
    "metal",
    "cuda",
    "any",
    "vulkan",
};
const fm_enum_desc fm_required_accelerator_desc = { "fm_required_accelerator", 4, fm_required_accelerator_values };

const char *fm_required_accelerator_name(fm_required_accelerator v)
{
    return fm_codec_enum_name(&fm_required_accelerator_desc, v);
}

fm_required_accelerator fm_required_accelerator_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_required_accelerator_desc, s, strlen(s)) : 0;
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
    return fm_codec_enum_name(&fm_workload_phase_desc, v);
}

fm_workload_phase fm_workload_phase_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_workload_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_agent_program_values[] = {
    "foreman-agent",
    "metal-agent",
};
const fm_enum_desc fm_agent_program_desc = { "fm_agent_program", 2, fm_agent_program_values };

const char *fm_agent_program_name(fm_agent_program v)
{
    return fm_codec_enum_name(&fm_agent_program_desc, v);
}

fm_agent_program fm_agent_program_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_agent_program_desc, s, strlen(s)) : 0;
}

static const char *const fm_failure_reason_values[] = {
    "AgentNotFound",
    "InferenceServiceUnavailable",
    "AuthUnavailable",
    "GitRemoteNotConfigured",
    "CloneFailed",
    "ModelMisunderstood",
    "ToolFailed",
    "MaxTurnsExhausted",
    "ConstraintViolated",
    "Timeout",
    "InfrastructureError",
    "GateFailed",
    "GateError",
    "ModelReportedError",
};
const fm_enum_desc fm_failure_reason_desc = { "fm_failure_reason", 14, fm_failure_reason_values };

const char *fm_failure_reason_name(fm_failure_reason v)
{
    return fm_codec_enum_name(&fm_failure_reason_desc, v);
}

fm_failure_reason fm_failure_reason_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_failure_reason_desc, s, strlen(s)) : 0;
}

static const char *const fm_gate_language_values[] = {
    "go",
    "python",
    "rust",
    "node",
    "generic",
    "c-cmake",
};
const fm_enum_desc fm_gate_language_desc = { "fm_gate_language", 6, fm_gate_language_values };

const char *fm_gate_language_name(fm_gate_language v)
{
    return fm_codec_enum_name(&fm_gate_language_desc, v);
}

fm_gate_language fm_gate_language_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_gate_language_desc, s, strlen(s)) : 0;
}

static const char *const fm_change_class_values[] = {
    "code-fix",
    "docs",
    "packaging",
    "config",
    "ci-policy",
    "release-policy",
};
const fm_enum_desc fm_change_class_desc = { "fm_change_class", 6, fm_change_class_values };

const char *fm_change_class_name(fm_change_class v)
{
    return fm_codec_enum_name(&fm_change_class_desc, v);
}

fm_change_class fm_change_class_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_change_class_desc, s, strlen(s)) : 0;
}

static const char *const fm_branch_strategy_values[] = {
    "reset",
    "rebase",
};
const fm_enum_desc fm_branch_strategy_desc = { "fm_branch_strategy", 2, fm_branch_strategy_values };

const char *fm_branch_strategy_name(fm_branch_strategy v)
{
    return fm_codec_enum_name(&fm_branch_strategy_desc, v);
}

fm_branch_strategy fm_branch_strategy_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_branch_strategy_desc, s, strlen(s)) : 0;
}

static const char *const fm_agent_role_values[] = {
    "coder",
    "verifier",
    "reviewer",
    "planner",
};
const fm_enum_desc fm_agent_role_desc = { "fm_agent_role", 4, fm_agent_role_values };

const char *fm_agent_role_name(fm_agent_role v)
{
    return fm_codec_enum_name(&fm_agent_role_desc, v);
}

fm_agent_role fm_agent_role_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_agent_role_desc, s, strlen(s)) : 0;
}

static const char *const fm_release_phase_values[] = {
    "Pending",
    "AwaitingApproval",
    "InProgress",
    "Paused",
    "Succeeded",
    "Failed",
};
const fm_enum_desc fm_release_phase_desc = { "fm_release_phase", 6, fm_release_phase_values };

const char *fm_release_phase_name(fm_release_phase v)
{
    return fm_codec_enum_name(&fm_release_phase_desc, v);
}

fm_release_phase fm_release_phase_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_release_phase_desc, s, strlen(s)) : 0;
}

static const char *const fm_node_update_phase_values[] = {
    "Pending",
    "Updating",
    "Updated",
    "Failed",
};
const fm_enum_desc fm_node_update_phase_desc = { "fm_node_update_phase", 4, fm_node_update_phase_values };

const char *fm_node_update_phase_name(fm_node_update_phase v)
{
    return fm_codec_enum_name(&fm_node_update_phase_desc, v);
}

fm_node_update_phase fm_node_update_phase_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_node_update_phase_desc, s, strlen(s)) : 0;
}

/* ---------------------------------------------------------------- structs */

/* fm_fleet_node_spec */
static const fm_validation fm_fleet_node_spec_v_max_concurrent_tasks = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(1), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
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
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_gpu_info_v_memory_mib = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_gpu_info_v_free_memory_mib = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
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
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_capability_v_available_ram_gb = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_capability_v_max_context_tokens = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_capability_v_tokens_per_second = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
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

/* fm_update_request */
static const fm_validation fm_update_request_v_sha256 = {
    .has = FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = "^[0-9a-f]{64}$",
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_update_request_fields[3] = {
    { .json_name = "targetVersion", .json_name_len = 13, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_update_request, target_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "url", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_update_request, url), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "sha256", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_update_request, sha256), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_update_request_v_sha256, .list_map_keys = NULL },
};
/* by JSON name: sha256 targetVersion url */
static const uint16_t fm_update_request_by_name[3] = { 2, 0, 1 };
const fm_struct_desc fm_update_request_desc = {
    "fm_update_request", sizeof(fm_update_request), offsetof(fm_update_request, _unknown),
    3, fm_update_request_fields, fm_update_request_by_name,
};

/* fm_fleet_node_status */
static const char *const fm_fleet_node_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_fleet_node_status_fields[11] = {
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
      .offset = offsetof(fm_fleet_node_status, conditions), .presence_bit = 2, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
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
    { .json_name = "agentKind", .json_name_len = 9, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, agent_kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_agent_program_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "updateRequest", .json_name_len = 13, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, update_request), .presence_bit = 3, .elem_size = 0,
      .sub = &fm_update_request_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "agentInstance", .json_name_len = 13, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_fleet_node_status, agent_instance), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agentInstance agentKind agentVersion arch capability conditions currentTask lastHeartbeatTime os phase updateRequest */
static const uint16_t fm_fleet_node_status_by_name[11] = { 10, 8, 5, 7, 2, 4, 3, 1, 6, 0, 9 };
const fm_struct_desc fm_fleet_node_status_desc = {
    "fm_fleet_node_status", sizeof(fm_fleet_node_status), offsetof(fm_fleet_node_status, _unknown),
    11, fm_fleet_node_status_fields, fm_fleet_node_status_by_name,
};

/* fm_task_payload */
static const fm_validation fm_task_payload_v_issue = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(1), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_task_payload_fields[17] = {
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
    { .json_name = "allowOverwrite", .json_name_len = 14, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, allow_overwrite), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "baseBranch", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, base_branch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "branchStrategy", .json_name_len = 14, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, branch_strategy), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_branch_strategy_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "contract", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, contract), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "gateAdvisories", .json_name_len = 14, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_task_payload, gate_advisories), .presence_bit = 2, .elem_size = sizeof(fm_gate_advisory),
      .sub = &fm_gate_advisory_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "images", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_task_payload, images), .presence_bit = 3, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "openPullRequest", .json_name_len = 15, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, open_pull_request), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "promptPrefix", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, prompt_prefix), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reviseFromBranch", .json_name_len = 16, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_task_payload, revise_from_branch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "sharedIdentifiers", .json_name_len = 17, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_task_payload, shared_identifiers), .presence_bit = 5, .elem_size = sizeof(fm_shared_identifier),
      .sub = &fm_shared_identifier_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "slices", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_task_payload, slices), .presence_bit = 6, .elem_size = sizeof(fm_slice),
      .sub = &fm_slice_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agent allowOverwrite baseBranch branch branchPrefix branchStrategy contract gateAdvisories images issue openPullRequest prompt promptPrefix repo reviseFromBranch sharedIdentifiers slices */
static const uint16_t fm_task_payload_by_name[17] = { 4, 6, 7, 2, 3, 8, 9, 10, 11, 1, 12, 5, 13, 0, 14, 15, 16 };
const fm_struct_desc fm_task_payload_desc = {
    "fm_task_payload", sizeof(fm_task_payload), offsetof(fm_task_payload, _unknown),
    17, fm_task_payload_fields, fm_task_payload_by_name,
};

/* fm_gate_advisory */
static const fm_field_desc fm_gate_advisory_fields[2] = {
    { .json_name = "check", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_advisory, check), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "detail", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_advisory, detail), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: check detail */
static const uint16_t fm_gate_advisory_by_name[2] = { 0, 1 };
const fm_struct_desc fm_gate_advisory_desc = {
    "fm_gate_advisory", sizeof(fm_gate_advisory), offsetof(fm_gate_advisory, _unknown),
    2, fm_gate_advisory_fields, fm_gate_advisory_by_name,
};

/* fm_shared_identifier */
static const fm_validation fm_shared_identifier_v_id = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_shared_identifier_v_defined_by = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_shared_identifier_fields[3] = {
    { .json_name = "id", .json_name_len = 2, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_shared_identifier, id), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_shared_identifier_v_id, .list_map_keys = NULL },
    { .json_name = "definedBy", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_shared_identifier, defined_by), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_shared_identifier_v_defined_by, .list_map_keys = NULL },
    { .json_name = "referencedBy", .json_name_len = 12, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_shared_identifier, referenced_by), .presence_bit = 0, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: definedBy id referencedBy */
static const uint16_t fm_shared_identifier_by_name[3] = { 1, 0, 2 };
const fm_struct_desc fm_shared_identifier_desc = {
    "fm_shared_identifier", sizeof(fm_shared_identifier), offsetof(fm_shared_identifier, _unknown),
    3, fm_shared_identifier_fields, fm_shared_identifier_by_name,
};

/* fm_slice */
static const fm_validation fm_slice_v_name = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_slice_fields[3] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_slice, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_slice_v_name, .list_map_keys = NULL },
    { .json_name = "branch", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_slice, branch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "files", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_slice, files), .presence_bit = 0, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: branch files name */
static const uint16_t fm_slice_by_name[3] = { 1, 2, 0 };
const fm_struct_desc fm_slice_desc = {
    "fm_slice", sizeof(fm_slice), offsetof(fm_slice, _unknown),
    3, fm_slice_fields, fm_slice_by_name,
};

/* fm_local_object_reference */
static const fm_field_desc fm_local_object_reference_fields[1] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_local_object_reference, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: name */
static const uint16_t fm_local_object_reference_by_name[1] = { 0 };
const fm_struct_desc fm_local_object_reference_desc = {
    "fm_local_object_reference", sizeof(fm_local_object_reference), offsetof(fm_local_object_reference, _unknown),
    1, fm_local_object_reference_fields, fm_local_object_reference_by_name,
};

/* fm_gate_commands */
static const fm_field_desc fm_gate_commands_fields[5] = {
    { .json_name = "build", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_commands, build), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "codegenCheck", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_commands, codegen_check), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "format", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_commands, format), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "lint", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_commands, lint), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "test", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_commands, test), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: build codegenCheck format lint test */
static const uint16_t fm_gate_commands_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_gate_commands_desc = {
    "fm_gate_commands", sizeof(fm_gate_commands), offsetof(fm_gate_commands, _unknown),
    5, fm_gate_commands_fields, fm_gate_commands_by_name,
};

/* fm_test_layout */
static const fm_field_desc fm_test_layout_fields[2] = {
    { .json_name = "sourceRoot", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_test_layout, source_root), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "testRoot", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_test_layout, test_root), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: sourceRoot testRoot */
static const uint16_t fm_test_layout_by_name[2] = { 0, 1 };
const fm_struct_desc fm_test_layout_desc = {
    "fm_test_layout", sizeof(fm_test_layout), offsetof(fm_test_layout, _unknown),
    2, fm_test_layout_fields, fm_test_layout_by_name,
};

/* fm_gate_profile */
static const fm_field_desc fm_gate_profile_fields[5] = {
    { .json_name = "commands", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_profile, commands), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_gate_commands_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "image", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_profile, image), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "language", .json_name_len = 8, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_profile, language), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_gate_language_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "sourceExtensions", .json_name_len = 16, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_gate_profile, source_extensions), .presence_bit = 1, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "testLayout", .json_name_len = 10, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_gate_profile, test_layout), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_test_layout_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: commands image language sourceExtensions testLayout */
static const uint16_t fm_gate_profile_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_gate_profile_desc = {
    "fm_gate_profile", sizeof(fm_gate_profile), offsetof(fm_gate_profile, _unknown),
    5, fm_gate_profile_fields, fm_gate_profile_by_name,
};

/* fm_verdict_policy */
static const fm_field_desc fm_verdict_policy_fields[1] = {
    { .json_name = "selfGO", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_ENUM, .flags = 0,
      .offset = offsetof(fm_verdict_policy, self_go), .presence_bit = 0, .elem_size = sizeof(fm_change_class),
      .sub = NULL, .enm = &fm_change_class_desc,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: selfGO */
static const uint16_t fm_verdict_policy_by_name[1] = { 0 };
const fm_struct_desc fm_verdict_policy_desc = {
    "fm_verdict_policy", sizeof(fm_verdict_policy), offsetof(fm_verdict_policy, _unknown),
    1, fm_verdict_policy_fields, fm_verdict_policy_by_name,
};

/* fm_required_capability */
static const fm_validation fm_required_capability_v_min_ram_gb = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_required_capability_v_min_context_tokens = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_required_capability_fields[6] = {
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
    { .json_name = "requiresModelInstalled", .json_name_len = 22, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_required_capability, requires_model_installed), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "roles", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_required_capability, roles), .presence_bit = 4, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: accelerator minContextTokens minRAMGB nodeSelector requiresModelInstalled roles */
static const uint16_t fm_required_capability_by_name[6] = { 0, 2, 1, 3, 4, 5 };
const fm_struct_desc fm_required_capability_desc = {
    "fm_required_capability", sizeof(fm_required_capability), offsetof(fm_required_capability, _unknown),
    6, fm_required_capability_fields, fm_required_capability_by_name,
};

/* fm_agentic_task_spec */
static const fm_validation fm_agentic_task_spec_v_priority = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(-2147483648), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agentic_task_spec_v_timeout_seconds = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_agentic_task_spec_fields[11] = {
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
    { .json_name = "agentRef", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, agent_ref), .presence_bit = 5, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "gateProfile", .json_name_len = 11, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, gate_profile), .presence_bit = 6, .elem_size = 0,
      .sub = &fm_gate_profile_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "mcpEnabled", .json_name_len = 10, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, mcp_enabled), .presence_bit = 7, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "verdictPolicy", .json_name_len = 13, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_spec, verdict_policy), .presence_bit = 8, .elem_size = 0,
      .sub = &fm_verdict_policy_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agentRef dependsOn gateProfile kind mcpEnabled modelRef payload priority requiredCapability timeoutSeconds verdictPolicy */
static const uint16_t fm_agentic_task_spec_by_name[11] = { 7, 4, 8, 0, 9, 1, 2, 5, 3, 6, 10 };
const fm_struct_desc fm_agentic_task_spec_desc = {
    "fm_agentic_task_spec", sizeof(fm_agentic_task_spec), offsetof(fm_agentic_task_spec, _unknown),
    11, fm_agentic_task_spec_fields, fm_agentic_task_spec_by_name,
};

/* fm_agentic_task_status */
static const char *const fm_agentic_task_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_agentic_task_status_fields[13] = {
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
      .offset = offsetof(fm_agentic_task_status, conditions), .presence_bit = 3, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_agentic_task_status_keys_conditions },
    { .json_name = "failureReason", .json_name_len = 13, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, failure_reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_failure_reason_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "jobName", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agentic_task_status, job_name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: assignedNode branch claimedAt commitSHA conditions failureReason finishedAt jobName phase result startedAt transcriptRef verdict */
static const uint16_t fm_agentic_task_status_by_name[13] = { 1, 6, 2, 7, 10, 11, 4, 12, 0, 9, 3, 8, 5 };
const fm_struct_desc fm_agentic_task_status_desc = {
    "fm_agentic_task_status", sizeof(fm_agentic_task_status), offsetof(fm_agentic_task_status, _unknown),
    13, fm_agentic_task_status_fields, fm_agentic_task_status_by_name,
};

/* fm_pipeline_step */
static const fm_validation fm_pipeline_step_v_name = {
    .has = FM_V_MINLEN | FM_V_MAXLEN | FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = INT64_C(63), .pattern = "^[a-z0-9][a-z0-9-]*$",
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_pipeline_step_v_timeout_seconds = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_pipeline_step_v_priority = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(-2147483648), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_pipeline_step_fields[9] = {
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
    { .json_name = "agentRef", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, agent_ref), .presence_bit = 5, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "gateProfile", .json_name_len = 11, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_pipeline_step, gate_profile), .presence_bit = 6, .elem_size = 0,
      .sub = &fm_gate_profile_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agentRef dependsOn gateProfile kind name payload priority requiredCapability timeoutSeconds */
static const uint16_t fm_pipeline_step_by_name[9] = { 7, 4, 8, 1, 0, 2, 6, 3, 5 };
const fm_struct_desc fm_pipeline_step_desc = {
    "fm_pipeline_step", sizeof(fm_pipeline_step), offsetof(fm_pipeline_step, _unknown),
    9, fm_pipeline_step_fields, fm_pipeline_step_by_name,
};

/* fm_workload_spec */
static const fm_validation fm_workload_spec_v_intent = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_workload_spec_v_max_tasks = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_workload_spec_v_max_review_iterations = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const char *const fm_workload_spec_keys_pipeline[] = { "name", NULL };
static const fm_field_desc fm_workload_spec_fields[20] = {
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
    { .json_name = "allowCloudReviewers", .json_name_len = 19, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, allow_cloud_reviewers), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "allowOverwrite", .json_name_len = 14, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, allow_overwrite), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "coderAgentRef", .json_name_len = 13, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, coder_agent_ref), .presence_bit = 4, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "escalateOnFailure", .json_name_len = 17, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, escalate_on_failure), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "escalationCoderAgentRef", .json_name_len = 23, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, escalation_coder_agent_ref), .presence_bit = 6, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "escalationReviewerAgentRefs", .json_name_len = 27, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_workload_spec, escalation_reviewer_agent_refs), .presence_bit = 7, .elem_size = sizeof(fm_local_object_reference),
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "gateProfile", .json_name_len = 11, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, gate_profile), .presence_bit = 8, .elem_size = 0,
      .sub = &fm_gate_profile_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "issues", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_INT32, .flags = 0,
      .offset = offsetof(fm_workload_spec, issues), .presence_bit = 9, .elem_size = sizeof(int32_t),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxReviewIterations", .json_name_len = 19, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, max_review_iterations), .presence_bit = 10, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_workload_spec_v_max_review_iterations, .list_map_keys = NULL },
    { .json_name = "mcpEnabled", .json_name_len = 10, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, mcp_enabled), .presence_bit = 11, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "openPullRequest", .json_name_len = 15, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, open_pull_request), .presence_bit = 12, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reviewerAgentRefs", .json_name_len = 17, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_workload_spec, reviewer_agent_refs), .presence_bit = 13, .elem_size = sizeof(fm_local_object_reference),
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "revisionCoderAgentRef", .json_name_len = 21, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, revision_coder_agent_ref), .presence_bit = 14, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "verdictPolicy", .json_name_len = 13, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, verdict_policy), .presence_bit = 15, .elem_size = 0,
      .sub = &fm_verdict_policy_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "verifierAgentRef", .json_name_len = 16, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_spec, verifier_agent_ref), .presence_bit = 16, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: allowCloudReviewers allowOverwrite coderAgentRef escalateOnFailure escalationCoderAgentRef escalationReviewerAgentRefs gateProfile intent issues maxReviewIterations maxTasks mcpEnabled openPullRequest pipeline plannerModel repo reviewerAgentRefs revisionCoderAgentRef verdictPolicy verifierAgentRef */
static const uint16_t fm_workload_spec_by_name[20] = { 5, 6, 7, 8, 9, 10, 11, 0, 12, 13, 3, 14, 15, 4, 2, 1, 16, 17, 18, 19 };
const fm_struct_desc fm_workload_spec_desc = {
    "fm_workload_spec", sizeof(fm_workload_spec), offsetof(fm_workload_spec, _unknown),
    20, fm_workload_spec_fields, fm_workload_spec_by_name,
};

/* fm_workload_status */
static const fm_validation fm_workload_status_v_succeeded_tasks = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_workload_status_v_failed_tasks = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(2147483647),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const char *const fm_workload_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_workload_status_fields[8] = {
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
      .offset = offsetof(fm_workload_status, tasks), .presence_bit = 0, .elem_size = sizeof(fm_k8s_object_reference),
      .sub = &fm_k8s_object_reference_desc, .enm = NULL,
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
      .offset = offsetof(fm_workload_status, conditions), .presence_bit = 3, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_workload_status_keys_conditions },
    { .json_name = "incompleteTasks", .json_name_len = 15, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, incomplete_tasks), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reviewIterations", .json_name_len = 16, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_workload_status, review_iterations), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: conditions failedTasks incompleteTasks phase plannerModel reviewIterations succeededTasks tasks */
static const uint16_t fm_workload_status_by_name[8] = { 5, 4, 6, 0, 1, 7, 3, 2 };
const fm_struct_desc fm_workload_status_desc = {
    "fm_workload_status", sizeof(fm_workload_status), offsetof(fm_workload_status, _unknown),
    8, fm_workload_status_fields, fm_workload_status_by_name,
};

/* fm_resource_claim */
static const fm_field_desc fm_resource_claim_fields[2] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_resource_claim, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "request", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_resource_claim, request), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: name request */
static const uint16_t fm_resource_claim_by_name[2] = { 0, 1 };
const fm_struct_desc fm_resource_claim_desc = {
    "fm_resource_claim", sizeof(fm_resource_claim), offsetof(fm_resource_claim, _unknown),
    2, fm_resource_claim_fields, fm_resource_claim_by_name,
};

/* fm_resource_requirements */
static const char *const fm_resource_requirements_keys_claims[] = { "name", NULL };
static const fm_field_desc fm_resource_requirements_fields[3] = {
    { .json_name = "claims", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_resource_requirements, claims), .presence_bit = 0, .elem_size = sizeof(fm_resource_claim),
      .sub = &fm_resource_claim_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_resource_requirements_keys_claims },
    { .json_name = "limits", .json_name_len = 6, .type = FM_T_MAPV,
      .elem_type = FM_T_INTORSTR, .flags = 0,
      .offset = offsetof(fm_resource_requirements, limits), .presence_bit = 1, .elem_size = sizeof(fm_int_or_string),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "requests", .json_name_len = 8, .type = FM_T_MAPV,
      .elem_type = FM_T_INTORSTR, .flags = 0,
      .offset = offsetof(fm_resource_requirements, requests), .presence_bit = 2, .elem_size = sizeof(fm_int_or_string),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: claims limits requests */
static const uint16_t fm_resource_requirements_by_name[3] = { 0, 1, 2 };
const fm_struct_desc fm_resource_requirements_desc = {
    "fm_resource_requirements", sizeof(fm_resource_requirements), offsetof(fm_resource_requirements, _unknown),
    3, fm_resource_requirements_fields, fm_resource_requirements_by_name,
};

/* fm_agent_execution */
static const fm_field_desc fm_agent_execution_fields[5] = {
    { .json_name = "activeDeadlineSeconds", .json_name_len = 21, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_execution, active_deadline_seconds), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "image", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_execution, image), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "mode", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_execution, mode), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "resources", .json_name_len = 9, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_execution, resources), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_resource_requirements_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "serviceAccountName", .json_name_len = 18, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_execution, service_account_name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: activeDeadlineSeconds image mode resources serviceAccountName */
static const uint16_t fm_agent_execution_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_agent_execution_desc = {
    "fm_agent_execution", sizeof(fm_agent_execution), offsetof(fm_agent_execution, _unknown),
    5, fm_agent_execution_fields, fm_agent_execution_by_name,
};

/* fm_secret_key_selector */
static const fm_field_desc fm_secret_key_selector_fields[3] = {
    { .json_name = "key", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_secret_key_selector, key), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_secret_key_selector, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "optional", .json_name_len = 8, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_secret_key_selector, optional), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: key name optional */
static const uint16_t fm_secret_key_selector_by_name[3] = { 0, 1, 2 };
const fm_struct_desc fm_secret_key_selector_desc = {
    "fm_secret_key_selector", sizeof(fm_secret_key_selector), offsetof(fm_secret_key_selector, _unknown),
    3, fm_secret_key_selector_fields, fm_secret_key_selector_by_name,
};

/* fm_mcp_header */
static const fm_field_desc fm_mcp_header_fields[2] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_mcp_header, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "valueFrom", .json_name_len = 9, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_mcp_header, value_from), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_secret_key_selector_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: name valueFrom */
static const uint16_t fm_mcp_header_by_name[2] = { 0, 1 };
const fm_struct_desc fm_mcp_header_desc = {
    "fm_mcp_header", sizeof(fm_mcp_header), offsetof(fm_mcp_header, _unknown),
    2, fm_mcp_header_fields, fm_mcp_header_by_name,
};

/* fm_mcp_server */
static const fm_field_desc fm_mcp_server_fields[5] = {
    { .json_name = "allowedTools", .json_name_len = 12, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_mcp_server, allowed_tools), .presence_bit = 0, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "headers", .json_name_len = 7, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_mcp_server, headers), .presence_bit = 1, .elem_size = sizeof(fm_mcp_header),
      .sub = &fm_mcp_header_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_mcp_server, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "transport", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_mcp_server, transport), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "url", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_mcp_server, url), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: allowedTools headers name transport url */
static const uint16_t fm_mcp_server_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_mcp_server_desc = {
    "fm_mcp_server", sizeof(fm_mcp_server), offsetof(fm_mcp_server, _unknown),
    5, fm_mcp_server_fields, fm_mcp_server_by_name,
};

/* fm_mcp_settings */
static const fm_field_desc fm_mcp_settings_fields[4] = {
    { .json_name = "callTimeout", .json_name_len = 11, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_mcp_settings, call_timeout), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "enabled", .json_name_len = 7, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_mcp_settings, enabled), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxResultBytes", .json_name_len = 14, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_mcp_settings, max_result_bytes), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "servers", .json_name_len = 7, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_mcp_settings, servers), .presence_bit = 2, .elem_size = sizeof(fm_mcp_server),
      .sub = &fm_mcp_server_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: callTimeout enabled maxResultBytes servers */
static const uint16_t fm_mcp_settings_by_name[4] = { 0, 1, 2, 3 };
const fm_struct_desc fm_mcp_settings_desc = {
    "fm_mcp_settings", sizeof(fm_mcp_settings), offsetof(fm_mcp_settings, _unknown),
    4, fm_mcp_settings_fields, fm_mcp_settings_by_name,
};

/* fm_provider_config */
static const fm_validation fm_provider_config_v_base_url = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_provider_config_v_model = {
    .has = FM_V_MINLEN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_provider_config_fields[3] = {
    { .json_name = "apiKeySecretRef", .json_name_len = 15, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_provider_config, api_key_secret_ref), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_secret_key_selector_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "baseURL", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_provider_config, base_url), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_provider_config_v_base_url, .list_map_keys = NULL },
    { .json_name = "model", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_provider_config, model), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_provider_config_v_model, .list_map_keys = NULL },
};
/* by JSON name: apiKeySecretRef baseURL model */
static const uint16_t fm_provider_config_by_name[3] = { 0, 1, 2 };
const fm_struct_desc fm_provider_config_desc = {
    "fm_provider_config", sizeof(fm_provider_config), offsetof(fm_provider_config, _unknown),
    3, fm_provider_config_fields, fm_provider_config_by_name,
};

/* fm_stuck_loop_detection */
static const fm_validation fm_stuck_loop_detection_v_context_hard_cap = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_stuck_loop_detection_v_context_soft_cap = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_stuck_loop_detection_v_edit_free_turns_limit = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(200),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_stuck_loop_detection_v_repeated_tool_threshold = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(100),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_stuck_loop_detection_fields[4] = {
    { .json_name = "contextHardCap", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_stuck_loop_detection, context_hard_cap), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_stuck_loop_detection_v_context_hard_cap, .list_map_keys = NULL },
    { .json_name = "contextSoftCap", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_stuck_loop_detection, context_soft_cap), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_stuck_loop_detection_v_context_soft_cap, .list_map_keys = NULL },
    { .json_name = "editFreeTurnsLimit", .json_name_len = 18, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_stuck_loop_detection, edit_free_turns_limit), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_stuck_loop_detection_v_edit_free_turns_limit, .list_map_keys = NULL },
    { .json_name = "repeatedToolThreshold", .json_name_len = 21, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_stuck_loop_detection, repeated_tool_threshold), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_stuck_loop_detection_v_repeated_tool_threshold, .list_map_keys = NULL },
};
/* by JSON name: contextHardCap contextSoftCap editFreeTurnsLimit repeatedToolThreshold */
static const uint16_t fm_stuck_loop_detection_by_name[4] = { 0, 1, 2, 3 };
const fm_struct_desc fm_stuck_loop_detection_desc = {
    "fm_stuck_loop_detection", sizeof(fm_stuck_loop_detection), offsetof(fm_stuck_loop_detection, _unknown),
    4, fm_stuck_loop_detection_fields, fm_stuck_loop_detection_by_name,
};

/* fm_vision_settings */
static const fm_field_desc fm_vision_settings_fields[3] = {
    { .json_name = "enabled", .json_name_len = 7, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_vision_settings, enabled), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxImageBytes", .json_name_len = 13, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_vision_settings, max_image_bytes), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxImages", .json_name_len = 9, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_vision_settings, max_images), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: enabled maxImageBytes maxImages */
static const uint16_t fm_vision_settings_by_name[3] = { 0, 1, 2 };
const fm_struct_desc fm_vision_settings_desc = {
    "fm_vision_settings", sizeof(fm_vision_settings), offsetof(fm_vision_settings, _unknown),
    3, fm_vision_settings_fields, fm_vision_settings_by_name,
};

/* fm_agent_spec */
static const fm_validation fm_agent_spec_v_bash_timeout_seconds = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_context_window_tokens = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_max_concurrent_tasks = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_max_envtest_iterations = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_max_output_tokens = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_max_retries = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(20),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_max_turns = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(1), .maximum = INT64_C(500),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_observation_window_turns = {
    .has = FM_V_MIN | FM_V_MAX,
    .minimum = INT64_C(0), .maximum = INT64_C(50),
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_request_timeout_seconds = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_request_turn_timeout_seconds = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_temperature = {
    .has = FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = "^[0-2](\\.[0-9]+)\?$",
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_agent_spec_v_tools = {
    .has = FM_V_MINITEMS,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = INT64_C(1), .max_items = 0,
};
static const fm_field_desc fm_agent_spec_fields[26] = {
    { .json_name = "bashTimeoutSeconds", .json_name_len = 18, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, bash_timeout_seconds), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_bash_timeout_seconds, .list_map_keys = NULL },
    { .json_name = "chatTemplateKwargs", .json_name_len = 18, .type = FM_T_MAPV,
      .elem_type = FM_T_JSON, .flags = 0,
      .offset = offsetof(fm_agent_spec, chat_template_kwargs), .presence_bit = 1, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "contextStrategy", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, context_strategy), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "contextWindowTokens", .json_name_len = 19, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, context_window_tokens), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_context_window_tokens, .list_map_keys = NULL },
    { .json_name = "execution", .json_name_len = 9, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, execution), .presence_bit = 3, .elem_size = 0,
      .sub = &fm_agent_execution_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "inferenceServiceRef", .json_name_len = 19, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, inference_service_ref), .presence_bit = 4, .elem_size = 0,
      .sub = &fm_local_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "maxConcurrentTasks", .json_name_len = 18, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, max_concurrent_tasks), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_max_concurrent_tasks, .list_map_keys = NULL },
    { .json_name = "maxEnvtestIterations", .json_name_len = 20, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, max_envtest_iterations), .presence_bit = 6, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_max_envtest_iterations, .list_map_keys = NULL },
    { .json_name = "maxOutputTokens", .json_name_len = 15, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, max_output_tokens), .presence_bit = 7, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_max_output_tokens, .list_map_keys = NULL },
    { .json_name = "maxRetries", .json_name_len = 10, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, max_retries), .presence_bit = 8, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_max_retries, .list_map_keys = NULL },
    { .json_name = "maxTurns", .json_name_len = 8, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, max_turns), .presence_bit = 9, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_max_turns, .list_map_keys = NULL },
    { .json_name = "mcp", .json_name_len = 3, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, mcp), .presence_bit = 10, .elem_size = 0,
      .sub = &fm_mcp_settings_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "model", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, model), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "modelProfileRef", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, model_profile_ref), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "observationWindowTurns", .json_name_len = 22, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, observation_window_turns), .presence_bit = 11, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_observation_window_turns, .list_map_keys = NULL },
    { .json_name = "provider", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, provider), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "providerConfig", .json_name_len = 14, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, provider_config), .presence_bit = 12, .elem_size = 0,
      .sub = &fm_provider_config_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "requestTimeoutSeconds", .json_name_len = 21, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, request_timeout_seconds), .presence_bit = 13, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_request_timeout_seconds, .list_map_keys = NULL },
    { .json_name = "requestTurnTimeoutSeconds", .json_name_len = 25, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, request_turn_timeout_seconds), .presence_bit = 14, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_request_turn_timeout_seconds, .list_map_keys = NULL },
    { .json_name = "requiredCapability", .json_name_len = 18, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, required_capability), .presence_bit = 15, .elem_size = 0,
      .sub = &fm_required_capability_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "role", .json_name_len = 4, .type = FM_T_ENUM,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_spec, role), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_agent_role_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "stuckLoopDetection", .json_name_len = 18, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, stuck_loop_detection), .presence_bit = 16, .elem_size = 0,
      .sub = &fm_stuck_loop_detection_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "systemPrompt", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, system_prompt), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "temperature", .json_name_len = 11, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, temperature), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_temperature, .list_map_keys = NULL },
    { .json_name = "tools", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_spec, tools), .presence_bit = 17, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_spec_v_tools, .list_map_keys = NULL },
    { .json_name = "vision", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_spec, vision), .presence_bit = 18, .elem_size = 0,
      .sub = &fm_vision_settings_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: bashTimeoutSeconds chatTemplateKwargs contextStrategy contextWindowTokens execution inferenceServiceRef maxConcurrentTasks maxEnvtestIterations maxOutputTokens maxRetries maxTurns mcp model modelProfileRef observationWindowTurns provider providerConfig requestTimeoutSeconds requestTurnTimeoutSeconds requiredCapability role stuckLoopDetection systemPrompt temperature tools vision */
static const uint16_t fm_agent_spec_by_name[26] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 };
const fm_struct_desc fm_agent_spec_desc = {
    "fm_agent_spec", sizeof(fm_agent_spec), offsetof(fm_agent_spec, _unknown),
    26, fm_agent_spec_fields, fm_agent_spec_by_name,
};

/* fm_agent_status */
static const char *const fm_agent_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_agent_status_fields[2] = {
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_agent_status, conditions), .presence_bit = 0, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_agent_status_keys_conditions },
    { .json_name = "observedGeneration", .json_name_len = 18, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_status, observed_generation), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: conditions observedGeneration */
static const uint16_t fm_agent_status_by_name[2] = { 0, 1 };
const fm_struct_desc fm_agent_status_desc = {
    "fm_agent_status", sizeof(fm_agent_status), offsetof(fm_agent_status, _unknown),
    2, fm_agent_status_fields, fm_agent_status_by_name,
};

/* fm_model_profile_spec */
static const fm_validation fm_model_profile_spec_v_tool_choice = {
    .has = FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = "^(auto|required|none)(,(auto|required|none))*$",
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_model_profile_spec_fields[5] = {
    { .json_name = "restrictReadsInForcingPhase", .json_name_len = 27, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_spec, restrict_reads_in_forcing_phase), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "stuckLoopDetection", .json_name_len = 18, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_spec, stuck_loop_detection), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_stuck_loop_detection_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "systemPromptAddendum", .json_name_len = 20, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_spec, system_prompt_addendum), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "textToolCallFormat", .json_name_len = 18, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_spec, text_tool_call_format), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "toolChoice", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_spec, tool_choice), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_model_profile_spec_v_tool_choice, .list_map_keys = NULL },
};
/* by JSON name: restrictReadsInForcingPhase stuckLoopDetection systemPromptAddendum textToolCallFormat toolChoice */
static const uint16_t fm_model_profile_spec_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_model_profile_spec_desc = {
    "fm_model_profile_spec", sizeof(fm_model_profile_spec), offsetof(fm_model_profile_spec, _unknown),
    5, fm_model_profile_spec_fields, fm_model_profile_spec_by_name,
};

/* fm_model_profile_status */
static const fm_field_desc fm_model_profile_status_fields[2] = {
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_model_profile_status, conditions), .presence_bit = 0, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "observedGeneration", .json_name_len = 18, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_status, observed_generation), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: conditions observedGeneration */
static const uint16_t fm_model_profile_status_by_name[2] = { 0, 1 };
const fm_struct_desc fm_model_profile_status_desc = {
    "fm_model_profile_status", sizeof(fm_model_profile_status), offsetof(fm_model_profile_status, _unknown),
    2, fm_model_profile_status_fields, fm_model_profile_status_by_name,
};

/* fm_release_artifact */
static const fm_validation fm_release_artifact_v_sha256 = {
    .has = FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = "^[0-9a-f]{64}$",
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_release_artifact_fields[4] = {
    { .json_name = "arch", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_release_artifact, arch), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "os", .json_name_len = 2, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_release_artifact, os), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "sha256", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_release_artifact, sha256), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_release_artifact_v_sha256, .list_map_keys = NULL },
    { .json_name = "url", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_release_artifact, url), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: arch os sha256 url */
static const uint16_t fm_release_artifact_by_name[4] = { 0, 1, 2, 3 };
const fm_struct_desc fm_release_artifact_desc = {
    "fm_release_artifact", sizeof(fm_release_artifact), offsetof(fm_release_artifact, _unknown),
    4, fm_release_artifact_fields, fm_release_artifact_by_name,
};

/* fm_health_gate */
static const fm_validation fm_health_gate_v_min_healthy_seconds = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_health_gate_v_timeout_seconds = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_health_gate_fields[2] = {
    { .json_name = "minHealthySeconds", .json_name_len = 17, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_health_gate, min_healthy_seconds), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_health_gate_v_min_healthy_seconds, .list_map_keys = NULL },
    { .json_name = "timeoutSeconds", .json_name_len = 14, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_health_gate, timeout_seconds), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_health_gate_v_timeout_seconds, .list_map_keys = NULL },
};
/* by JSON name: minHealthySeconds timeoutSeconds */
static const uint16_t fm_health_gate_by_name[2] = { 0, 1 };
const fm_struct_desc fm_health_gate_desc = {
    "fm_health_gate", sizeof(fm_health_gate), offsetof(fm_health_gate, _unknown),
    2, fm_health_gate_fields, fm_health_gate_by_name,
};

/* fm_label_selector_requirement */
static const fm_field_desc fm_label_selector_requirement_fields[3] = {
    { .json_name = "key", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_label_selector_requirement, key), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "operator", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_label_selector_requirement, operator), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "values", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_label_selector_requirement, values), .presence_bit = 0, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: key operator values */
static const uint16_t fm_label_selector_requirement_by_name[3] = { 0, 1, 2 };
const fm_struct_desc fm_label_selector_requirement_desc = {
    "fm_label_selector_requirement", sizeof(fm_label_selector_requirement), offsetof(fm_label_selector_requirement, _unknown),
    3, fm_label_selector_requirement_fields, fm_label_selector_requirement_by_name,
};

/* fm_label_selector */
static const fm_field_desc fm_label_selector_fields[2] = {
    { .json_name = "matchExpressions", .json_name_len = 16, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_label_selector, match_expressions), .presence_bit = 0, .elem_size = sizeof(fm_label_selector_requirement),
      .sub = &fm_label_selector_requirement_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "matchLabels", .json_name_len = 11, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_label_selector, match_labels), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: matchExpressions matchLabels */
static const uint16_t fm_label_selector_by_name[2] = { 0, 1 };
const fm_struct_desc fm_label_selector_desc = {
    "fm_label_selector", sizeof(fm_label_selector), offsetof(fm_label_selector, _unknown),
    2, fm_label_selector_fields, fm_label_selector_by_name,
};

/* fm_agent_release_spec */
static const fm_validation fm_agent_release_spec_v_concurrency = {
    .has = FM_V_MIN,
    .minimum = INT64_C(1), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_agent_release_spec_fields[8] = {
    { .json_name = "agentKind", .json_name_len = 9, .type = FM_T_ENUM,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_release_spec, agent_kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_agent_program_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "approved", .json_name_len = 8, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, approved), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "artifacts", .json_name_len = 9, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, artifacts), .presence_bit = 1, .elem_size = sizeof(fm_release_artifact),
      .sub = &fm_release_artifact_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "concurrency", .json_name_len = 11, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, concurrency), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_agent_release_spec_v_concurrency, .list_map_keys = NULL },
    { .json_name = "healthGate", .json_name_len = 10, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, health_gate), .presence_bit = 3, .elem_size = 0,
      .sub = &fm_health_gate_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "paused", .json_name_len = 6, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, paused), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "selector", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_spec, selector), .presence_bit = 5, .elem_size = 0,
      .sub = &fm_label_selector_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "version", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_release_spec, version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: agentKind approved artifacts concurrency healthGate paused selector version */
static const uint16_t fm_agent_release_spec_by_name[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
const fm_struct_desc fm_agent_release_spec_desc = {
    "fm_agent_release_spec", sizeof(fm_agent_release_spec), offsetof(fm_agent_release_spec, _unknown),
    8, fm_agent_release_spec_fields, fm_agent_release_spec_by_name,
};

/* fm_node_update_status */
static const fm_field_desc fm_node_update_status_fields[7] = {
    { .json_name = "dispatchedAt", .json_name_len = 12, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, dispatched_at), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "lastTransitionTime", .json_name_len = 18, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, last_transition_time), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "message", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, message), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_node_update_status, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "observedVersion", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, observed_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "phase", .json_name_len = 5, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, phase), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_node_update_phase_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reason", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_node_update_status, reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: dispatchedAt lastTransitionTime message name observedVersion phase reason */
static const uint16_t fm_node_update_status_by_name[7] = { 0, 1, 2, 3, 4, 5, 6 };
const fm_struct_desc fm_node_update_status_desc = {
    "fm_node_update_status", sizeof(fm_node_update_status), offsetof(fm_node_update_status, _unknown),
    7, fm_node_update_status_fields, fm_node_update_status_by_name,
};

/* fm_agent_release_status */
static const char *const fm_agent_release_status_keys_conditions[] = { "type", NULL };
static const fm_field_desc fm_agent_release_status_fields[8] = {
    { .json_name = "conditions", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_agent_release_status, conditions), .presence_bit = 0, .elem_size = sizeof(fm_k8s_condition),
      .sub = &fm_k8s_condition_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_agent_release_status_keys_conditions },
    { .json_name = "desiredVersion", .json_name_len = 14, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_status, desired_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "inFlightNodes", .json_name_len = 13, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_agent_release_status, in_flight_nodes), .presence_bit = 1, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "nodeStatuses", .json_name_len = 12, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_agent_release_status, node_statuses), .presence_bit = 2, .elem_size = sizeof(fm_node_update_status),
      .sub = &fm_node_update_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "observedGeneration", .json_name_len = 18, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_status, observed_generation), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "phase", .json_name_len = 5, .type = FM_T_ENUM,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_status, phase), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_release_phase_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "targetNodes", .json_name_len = 11, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_status, target_nodes), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "updatedNodes", .json_name_len = 12, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_status, updated_nodes), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: conditions desiredVersion inFlightNodes nodeStatuses observedGeneration phase targetNodes updatedNodes */
static const uint16_t fm_agent_release_status_by_name[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
const fm_struct_desc fm_agent_release_status_desc = {
    "fm_agent_release_status", sizeof(fm_agent_release_status), offsetof(fm_agent_release_status, _unknown),
    8, fm_agent_release_status_fields, fm_agent_release_status_by_name,
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
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
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
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
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
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
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
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
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
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
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
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
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

/* fm_agent */
static const fm_field_desc fm_agent_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_agent_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_agent_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_agent_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_agent_desc = {
    "fm_agent", sizeof(fm_agent), offsetof(fm_agent, _unknown),
    5, fm_agent_fields, fm_agent_by_name,
};

/* fm_agent_list */
static const fm_field_desc fm_agent_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_list, items), .presence_bit = 1, .elem_size = sizeof(fm_agent),
      .sub = &fm_agent_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_agent_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_agent_list_desc = {
    "fm_agent_list", sizeof(fm_agent_list), offsetof(fm_agent_list, _unknown),
    4, fm_agent_list_fields, fm_agent_list_by_name,
};

/* fm_model_profile */
static const fm_field_desc fm_model_profile_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_model_profile, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_model_profile_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_model_profile_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_model_profile_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_model_profile_desc = {
    "fm_model_profile", sizeof(fm_model_profile), offsetof(fm_model_profile, _unknown),
    5, fm_model_profile_fields, fm_model_profile_by_name,
};

/* fm_model_profile_list */
static const fm_field_desc fm_model_profile_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_model_profile_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_model_profile_list, items), .presence_bit = 1, .elem_size = sizeof(fm_model_profile),
      .sub = &fm_model_profile_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_model_profile_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_model_profile_list_desc = {
    "fm_model_profile_list", sizeof(fm_model_profile_list), offsetof(fm_model_profile_list, _unknown),
    4, fm_model_profile_list_fields, fm_model_profile_list_by_name,
};

/* fm_agent_release */
static const fm_field_desc fm_agent_release_fields[5] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_release, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_agent_release_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release, status), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_agent_release_status_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec status */
static const uint16_t fm_agent_release_by_name[5] = { 0, 1, 2, 3, 4 };
const fm_struct_desc fm_agent_release_desc = {
    "fm_agent_release", sizeof(fm_agent_release), offsetof(fm_agent_release, _unknown),
    5, fm_agent_release_fields, fm_agent_release_by_name,
};

/* fm_agent_release_list */
static const fm_field_desc fm_agent_release_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_agent_release_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_agent_release_list, items), .presence_bit = 1, .elem_size = sizeof(fm_agent_release),
      .sub = &fm_agent_release_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_agent_release_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_agent_release_list_desc = {
    "fm_agent_release_list", sizeof(fm_agent_release_list), offsetof(fm_agent_release_list, _unknown),
    4, fm_agent_release_list_fields, fm_agent_release_list_by_name,
};

/* ------------------------------------------------------------------ kinds */

static const fm_printer_column fm_agent_columns[] = {
    { "Role", "string", ".spec.role", 0, NULL },
    { "Model", "string", ".spec.model", 0, NULL },
    { "InferenceService", "string", ".spec.inferenceServiceRef.name", 0, NULL },
    { "Validated", "string", ".status.conditions[\?(@.type==\"Validated\")].status", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
};
const fm_kind_desc fm_agent_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "Agent",
    .list_kind = "AgentList",
    .plural = "agents",
    .singular = "agent",
    .namespaced = true,
    .has_status = true,
    .object = &fm_agent_desc,
    .list = &fm_agent_list_desc,
    .n_columns = 5,
    .columns = fm_agent_columns,
};

static const fm_printer_column fm_agent_release_columns[] = {
    { "Phase", "string", ".status.phase", 0, NULL },
    { "Version", "string", ".spec.version", 0, NULL },
    { "Approved", "boolean", ".spec.approved", 0, NULL },
    { "Updated", "integer", ".status.updatedNodes", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
};
const fm_kind_desc fm_agent_release_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "AgentRelease",
    .list_kind = "AgentReleaseList",
    .plural = "agentreleases",
    .singular = "agentrelease",
    .namespaced = false,
    .has_status = true,
    .object = &fm_agent_release_desc,
    .list = &fm_agent_release_list_desc,
    .n_columns = 5,
    .columns = fm_agent_release_columns,
};

static const fm_printer_column fm_agentic_task_columns[] = {
    { "Phase", "string", ".status.phase", 0, NULL },
    { "Kind", "string", ".spec.kind", 0, NULL },
    { "Node", "string", ".status.assignedNode", 0, NULL },
    { "Verdict", "string", ".status.verdict", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
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
    { "Phase", "string", ".status.phase", 0, NULL },
    { "Version", "string", ".status.agentVersion", 0, NULL },
    { "Accelerator", "string", ".status.capability.accelerator", 0, NULL },
    { "RAM", "integer", ".status.capability.availableRAMGB", 0, NULL },
    { "Current Task", "string", ".status.currentTask", 0, NULL },
    { "Heartbeat", "date", ".status.lastHeartbeatTime", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
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
    .n_columns = 7,
    .columns = fm_fleet_node_columns,
};

static const fm_printer_column fm_model_profile_columns[] = {
    { "Reads-Restricted", "boolean", ".spec.restrictReadsInForcingPhase", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
};
const fm_kind_desc fm_model_profile_kind = {
    .group = "foreman.llmkube.dev",
    .version = "v1alpha1",
    .api_version = "foreman.llmkube.dev/v1alpha1",
    .kind = "ModelProfile",
    .list_kind = "ModelProfileList",
    .plural = "modelprofiles",
    .singular = "modelprofile",
    .namespaced = false,
    .has_status = true,
    .object = &fm_model_profile_desc,
    .list = &fm_model_profile_list_desc,
    .n_columns = 2,
    .columns = fm_model_profile_columns,
};

static const fm_printer_column fm_workload_columns[] = {
    { "Phase", "string", ".status.phase", 0, NULL },
    { "Repo", "string", ".spec.repo", 0, NULL },
    { "Tasks", "integer", ".status.succeededTasks", 0, NULL },
    { "Failed", "integer", ".status.failedTasks", 0, NULL },
    { "Age", "date", ".metadata.creationTimestamp", 0, NULL },
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
    &fm_agent_kind,
    &fm_agent_release_kind,
    &fm_agentic_task_kind,
    &fm_fleet_node_kind,
    &fm_model_profile_kind,
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
    int rc = fm_codec_decode(obj, d, buf, len);
    if (rc < 0) {
        fm_codec_clear(obj, d);
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
    int rc = fm_codec_copy(obj, src, d);
    if (rc < 0) {
        fm_codec_clear(obj, d);
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
    fm_codec_clear(obj, d);
    free(obj);
}

int fm_agent_decode(fm_agent **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agent_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agent_encode(fm_buf *out, const fm_agent *obj)
{
    return fm_codec_encode(out, obj, &fm_agent_desc);
}

int fm_agent_copy(fm_agent **out, const fm_agent *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agent_desc);
    *out = p;
    return rc;
}

void fm_agent_free(fm_agent *obj)
{
    free_obj(obj, &fm_agent_desc);
}

bool fm_agent_equal(const fm_agent *a, const fm_agent *b)
{
    return fm_codec_equal(a, b, &fm_agent_desc);
}

int fm_agent_merge_patch(fm_buf *out, const fm_agent *old_obj, const fm_agent *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agent_desc, resource_version);
}

int fm_agent_list_decode(fm_agent_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agent_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agent_list_encode(fm_buf *out, const fm_agent_list *obj)
{
    return fm_codec_encode(out, obj, &fm_agent_list_desc);
}

int fm_agent_list_copy(fm_agent_list **out, const fm_agent_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agent_list_desc);
    *out = p;
    return rc;
}

void fm_agent_list_free(fm_agent_list *obj)
{
    free_obj(obj, &fm_agent_list_desc);
}

bool fm_agent_list_equal(const fm_agent_list *a, const fm_agent_list *b)
{
    return fm_codec_equal(a, b, &fm_agent_list_desc);
}

int fm_agent_list_merge_patch(fm_buf *out, const fm_agent_list *old_obj, const fm_agent_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agent_list_desc, resource_version);
}

int fm_agent_release_decode(fm_agent_release **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agent_release_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agent_release_encode(fm_buf *out, const fm_agent_release *obj)
{
    return fm_codec_encode(out, obj, &fm_agent_release_desc);
}

int fm_agent_release_copy(fm_agent_release **out, const fm_agent_release *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agent_release_desc);
    *out = p;
    return rc;
}

void fm_agent_release_free(fm_agent_release *obj)
{
    free_obj(obj, &fm_agent_release_desc);
}

bool fm_agent_release_equal(const fm_agent_release *a, const fm_agent_release *b)
{
    return fm_codec_equal(a, b, &fm_agent_release_desc);
}

int fm_agent_release_merge_patch(fm_buf *out, const fm_agent_release *old_obj, const fm_agent_release *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agent_release_desc, resource_version);
}

int fm_agent_release_list_decode(fm_agent_release_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_agent_release_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_agent_release_list_encode(fm_buf *out, const fm_agent_release_list *obj)
{
    return fm_codec_encode(out, obj, &fm_agent_release_list_desc);
}

int fm_agent_release_list_copy(fm_agent_release_list **out, const fm_agent_release_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_agent_release_list_desc);
    *out = p;
    return rc;
}

void fm_agent_release_list_free(fm_agent_release_list *obj)
{
    free_obj(obj, &fm_agent_release_list_desc);
}

bool fm_agent_release_list_equal(const fm_agent_release_list *a, const fm_agent_release_list *b)
{
    return fm_codec_equal(a, b, &fm_agent_release_list_desc);
}

int fm_agent_release_list_merge_patch(fm_buf *out, const fm_agent_release_list *old_obj, const fm_agent_release_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agent_release_list_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_agentic_task_desc);
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
    return fm_codec_equal(a, b, &fm_agentic_task_desc);
}

int fm_agentic_task_merge_patch(fm_buf *out, const fm_agentic_task *old_obj, const fm_agentic_task *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agentic_task_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_agentic_task_list_desc);
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
    return fm_codec_equal(a, b, &fm_agentic_task_list_desc);
}

int fm_agentic_task_list_merge_patch(fm_buf *out, const fm_agentic_task_list *old_obj, const fm_agentic_task_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_agentic_task_list_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_fleet_node_desc);
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
    return fm_codec_equal(a, b, &fm_fleet_node_desc);
}

int fm_fleet_node_merge_patch(fm_buf *out, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_fleet_node_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_fleet_node_list_desc);
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
    return fm_codec_equal(a, b, &fm_fleet_node_list_desc);
}

int fm_fleet_node_list_merge_patch(fm_buf *out, const fm_fleet_node_list *old_obj, const fm_fleet_node_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_fleet_node_list_desc, resource_version);
}

int fm_model_profile_decode(fm_model_profile **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_model_profile_desc, buf, len);
    *out = p;
    return rc;
}

int fm_model_profile_encode(fm_buf *out, const fm_model_profile *obj)
{
    return fm_codec_encode(out, obj, &fm_model_profile_desc);
}

int fm_model_profile_copy(fm_model_profile **out, const fm_model_profile *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_model_profile_desc);
    *out = p;
    return rc;
}

void fm_model_profile_free(fm_model_profile *obj)
{
    free_obj(obj, &fm_model_profile_desc);
}

bool fm_model_profile_equal(const fm_model_profile *a, const fm_model_profile *b)
{
    return fm_codec_equal(a, b, &fm_model_profile_desc);
}

int fm_model_profile_merge_patch(fm_buf *out, const fm_model_profile *old_obj, const fm_model_profile *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_model_profile_desc, resource_version);
}

int fm_model_profile_list_decode(fm_model_profile_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_model_profile_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_model_profile_list_encode(fm_buf *out, const fm_model_profile_list *obj)
{
    return fm_codec_encode(out, obj, &fm_model_profile_list_desc);
}

int fm_model_profile_list_copy(fm_model_profile_list **out, const fm_model_profile_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_model_profile_list_desc);
    *out = p;
    return rc;
}

void fm_model_profile_list_free(fm_model_profile_list *obj)
{
    free_obj(obj, &fm_model_profile_list_desc);
}

bool fm_model_profile_list_equal(const fm_model_profile_list *a, const fm_model_profile_list *b)
{
    return fm_codec_equal(a, b, &fm_model_profile_list_desc);
}

int fm_model_profile_list_merge_patch(fm_buf *out, const fm_model_profile_list *old_obj, const fm_model_profile_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_model_profile_list_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_workload_desc);
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
    return fm_codec_equal(a, b, &fm_workload_desc);
}

int fm_workload_merge_patch(fm_buf *out, const fm_workload *old_obj, const fm_workload *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_workload_desc, resource_version);
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
    return fm_codec_encode(out, obj, &fm_workload_list_desc);
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
    return fm_codec_equal(a, b, &fm_workload_list_desc);
}

int fm_workload_list_merge_patch(fm_buf *out, const fm_workload_list *old_obj, const fm_workload_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_workload_list_desc, resource_version);
}

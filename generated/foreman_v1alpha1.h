/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * foreman_v1alpha1.h - C types of foreman.llmkube.dev/v1alpha1: one struct per schema type,
 * the descriptor tables the codec engine (runtime/codec/codec.h) walks, typed
 * wrappers per kind, presence accessors per optional field (hand-written
 * code uses these, never a bit number, so a schema edit that renumbers the
 * bits changes nothing and one that renames a field fails to compile) and
 * the schema's named constants.
 *
 * Layout rules are those of runtime/codec/codec.h: every struct starts with a
 * presence bitmap and ends with the bag of unknown JSON members; strings are
 * char * (NULL = absent), enums int32_t (0 = absent), lists {items, len}.
 */
#ifndef FOREMAN_GENERATED_FOREMAN_V1ALPHA1_H
#define FOREMAN_GENERATED_FOREMAN_V1ALPHA1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "codec.h"
#include "k8s_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* -------------------------------------------------------------- constants */

/*
 * Label the operator puts on a placed task (with --assigned-node-label),
 * naming its node; agents that cannot select tasks by status.assignedNode
 * watch by it.
 */
#define FM_LABEL_ASSIGNED_NODE "foreman.llmkube.dev/assigned-node"

/* Label on each task a Workload created, naming the Workload. */
#define FM_LABEL_WORKLOAD "foreman.llmkube.dev/workload"

/* Label on a transcript ConfigMap, naming the task it belongs to. */
#define FM_LABEL_TASK "foreman.llmkube.dev/task"

/*
 * Annotation on a FleetNode listing (comma-separated) the label keys its agent
 * set from --node-labels, so a later run can drop the ones it no longer sets.
 */
#define FM_ANNOTATION_AGENT_LABELS "foreman.llmkube.dev/agent-labels"

/*
 * Annotation on a task counting how often a placement expired unclaimed (the
 * operator gives up placing it after a limit).
 */
#define FM_ANNOTATION_CLAIM_EXPIRIES "foreman.llmkube.dev/claim-expiries"

/* ------------------------------------------------------------------ enums */

/* What sort of work an agentic task asks for. */
typedef int32_t fm_task_kind;
enum fm_task_kind_value {
    FM_TASK_KIND_UNSET = 0,
    FM_TASK_KIND_ISSUE_FIX = 1, /* issue-fix */
    FM_TASK_KIND_VERIFY = 2, /* verify */
    FM_TASK_KIND_FREEFORM = 3, /* freeform */
    FM_TASK_KIND_REVIEW = 4, /* review */
    FM_TASK_KIND_INTEGRATE = 5, /* integrate */
    FM_TASK_KIND_RECONCILE = 6, /* reconcile */
};
extern const fm_enum_desc fm_task_kind_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_task_kind_name(fm_task_kind v);
/* Value of a JSON spelling; FM_TASK_KIND_UNSET (0) when s is NULL or unknown. */
fm_task_kind fm_task_kind_parse(const char *s);

/*
 * Where an agentic task is in its life. The operator moves it from no phase to
 * Pending and Scheduled; the agent on the assigned node moves it on to Running
 * and a terminal phase.
 */
typedef int32_t fm_task_phase;
enum fm_task_phase_value {
    FM_TASK_PHASE_UNSET = 0,
    FM_TASK_PHASE_PENDING = 1, /* Pending */
    FM_TASK_PHASE_SCHEDULED = 2, /* Scheduled */
    FM_TASK_PHASE_RUNNING = 3, /* Running */
    FM_TASK_PHASE_VERIFYING = 4, /* Verifying */
    FM_TASK_PHASE_SUCCEEDED = 5, /* Succeeded */
    FM_TASK_PHASE_FAILED = 6, /* Failed */
};
extern const fm_enum_desc fm_task_phase_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_task_phase_name(fm_task_phase v);
/* Value of a JSON spelling; FM_TASK_PHASE_UNSET (0) when s is NULL or unknown. */
fm_task_phase fm_task_phase_parse(const char *s);

/* The outcome an executor reports for a finished task. */
typedef int32_t fm_verdict;
enum fm_verdict_value {
    FM_VERDICT_UNSET = 0,
    FM_VERDICT_GO = 1, /* GO */
    FM_VERDICT_NO_GO = 2, /* NO-GO */
    FM_VERDICT_INCOMPLETE = 3, /* INCOMPLETE */
    FM_VERDICT_GATE_PASS = 4, /* GATE-PASS */
    FM_VERDICT_GATE_FAIL = 5, /* GATE-FAIL */
    FM_VERDICT_GATE_ERROR = 6, /* GATE-ERROR */
    FM_VERDICT_SKIPPED = 7, /* Skipped */
};
extern const fm_enum_desc fm_verdict_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_verdict_name(fm_verdict v);
/* Value of a JSON spelling; FM_VERDICT_UNSET (0) when s is NULL or unknown. */
fm_verdict fm_verdict_parse(const char *s);

/* Health of a fleet node as seen from its heartbeats. */
typedef int32_t fm_node_phase;
enum fm_node_phase_value {
    FM_NODE_PHASE_UNSET = 0,
    FM_NODE_PHASE_READY = 1, /* Ready */
    FM_NODE_PHASE_DRAINING = 2, /* Draining */
    FM_NODE_PHASE_NOT_READY = 3, /* NotReady */
    FM_NODE_PHASE_UNKNOWN = 4, /* Unknown */
};
extern const fm_enum_desc fm_node_phase_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_node_phase_name(fm_node_phase v);
/* Value of a JSON spelling; FM_NODE_PHASE_UNSET (0) when s is NULL or unknown. */
fm_node_phase fm_node_phase_parse(const char *s);

/* The compute accelerator a node offers to model runtimes. */
typedef int32_t fm_accelerator;
enum fm_accelerator_value {
    FM_ACCELERATOR_UNSET = 0,
    FM_ACCELERATOR_METAL = 1, /* metal */
    FM_ACCELERATOR_CUDA = 2, /* cuda */
    FM_ACCELERATOR_NONE = 3, /* none */
    FM_ACCELERATOR_VULKAN = 4, /* vulkan */
};
extern const fm_enum_desc fm_accelerator_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_accelerator_name(fm_accelerator v);
/* Value of a JSON spelling; FM_ACCELERATOR_UNSET (0) when s is NULL or unknown. */
fm_accelerator fm_accelerator_parse(const char *s);

/* The accelerator a task needs; `any` accepts every node. */
typedef int32_t fm_required_accelerator;
enum fm_required_accelerator_value {
    FM_REQUIRED_ACCELERATOR_UNSET = 0,
    FM_REQUIRED_ACCELERATOR_METAL = 1, /* metal */
    FM_REQUIRED_ACCELERATOR_CUDA = 2, /* cuda */
    FM_REQUIRED_ACCELERATOR_ANY = 3, /* any */
    FM_REQUIRED_ACCELERATOR_VULKAN = 4, /* vulkan */
};
extern const fm_enum_desc fm_required_accelerator_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_required_accelerator_name(fm_required_accelerator v);
/* Value of a JSON spelling; FM_REQUIRED_ACCELERATOR_UNSET (0) when s is NULL or unknown. */
fm_required_accelerator fm_required_accelerator_parse(const char *s);

/* Progress of a workload from planning to completion. */
typedef int32_t fm_workload_phase;
enum fm_workload_phase_value {
    FM_WORKLOAD_PHASE_UNSET = 0,
    FM_WORKLOAD_PHASE_PLANNING = 1, /* Planning */
    FM_WORKLOAD_PHASE_PLANNED = 2, /* Planned */
    FM_WORKLOAD_PHASE_DISPATCHED = 3, /* Dispatched */
    FM_WORKLOAD_PHASE_COMPLETED = 4, /* Completed */
    FM_WORKLOAD_PHASE_FAILED = 5, /* Failed */
};
extern const fm_enum_desc fm_workload_phase_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_workload_phase_name(fm_workload_phase v);
/* Value of a JSON spelling; FM_WORKLOAD_PHASE_UNSET (0) when s is NULL or unknown. */
fm_workload_phase fm_workload_phase_parse(const char *s);

/* Which agent program runs on a host or is being released. */
typedef int32_t fm_agent_program;
enum fm_agent_program_value {
    FM_AGENT_PROGRAM_UNSET = 0,
    FM_AGENT_PROGRAM_FOREMAN_AGENT = 1, /* foreman-agent */
    FM_AGENT_PROGRAM_METAL_AGENT = 2, /* metal-agent */
};
extern const fm_enum_desc fm_agent_program_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_agent_program_name(fm_agent_program v);
/* Value of a JSON spelling; FM_AGENT_PROGRAM_UNSET (0) when s is NULL or unknown. */
fm_agent_program fm_agent_program_parse(const char *s);

/* Why a task failed, in one machine-readable word. */
typedef int32_t fm_failure_reason;
enum fm_failure_reason_value {
    FM_FAILURE_REASON_UNSET = 0,
    FM_FAILURE_REASON_AGENT_NOT_FOUND = 1, /* AgentNotFound */
    FM_FAILURE_REASON_INFERENCE_SERVICE_UNAVAILABLE = 2, /* InferenceServiceUnavailable */
    FM_FAILURE_REASON_AUTH_UNAVAILABLE = 3, /* AuthUnavailable */
    FM_FAILURE_REASON_GIT_REMOTE_NOT_CONFIGURED = 4, /* GitRemoteNotConfigured */
    FM_FAILURE_REASON_CLONE_FAILED = 5, /* CloneFailed */
    FM_FAILURE_REASON_MODEL_MISUNDERSTOOD = 6, /* ModelMisunderstood */
    FM_FAILURE_REASON_TOOL_FAILED = 7, /* ToolFailed */
    FM_FAILURE_REASON_MAX_TURNS_EXHAUSTED = 8, /* MaxTurnsExhausted */
    FM_FAILURE_REASON_CONSTRAINT_VIOLATED = 9, /* ConstraintViolated */
    FM_FAILURE_REASON_TIMEOUT = 10, /* Timeout */
    FM_FAILURE_REASON_INFRASTRUCTURE_ERROR = 11, /* InfrastructureError */
    FM_FAILURE_REASON_GATE_FAILED = 12, /* GateFailed */
    FM_FAILURE_REASON_GATE_ERROR = 13, /* GateError */
    FM_FAILURE_REASON_MODEL_REPORTED_ERROR = 14, /* ModelReportedError */
};
extern const fm_enum_desc fm_failure_reason_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_failure_reason_name(fm_failure_reason v);
/* Value of a JSON spelling; FM_FAILURE_REASON_UNSET (0) when s is NULL or unknown. */
fm_failure_reason fm_failure_reason_parse(const char *s);

/* Toolchain family whose build, lint and test commands a gate runs. */
typedef int32_t fm_gate_language;
enum fm_gate_language_value {
    FM_GATE_LANGUAGE_UNSET = 0,
    FM_GATE_LANGUAGE_GO = 1, /* go */
    FM_GATE_LANGUAGE_PYTHON = 2, /* python */
    FM_GATE_LANGUAGE_RUST = 3, /* rust */
    FM_GATE_LANGUAGE_NODE = 4, /* node */
    FM_GATE_LANGUAGE_GENERIC = 5, /* generic */
    FM_GATE_LANGUAGE_C_CMAKE = 6, /* c-cmake */
};
extern const fm_enum_desc fm_gate_language_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_gate_language_name(fm_gate_language v);
/* Value of a JSON spelling; FM_GATE_LANGUAGE_UNSET (0) when s is NULL or unknown. */
fm_gate_language fm_gate_language_parse(const char *s);

/* A class of change a reviewer may approve on its own. */
typedef int32_t fm_change_class;
enum fm_change_class_value {
    FM_CHANGE_CLASS_UNSET = 0,
    FM_CHANGE_CLASS_CODE_FIX = 1, /* code-fix */
    FM_CHANGE_CLASS_DOCS = 2, /* docs */
    FM_CHANGE_CLASS_PACKAGING = 3, /* packaging */
    FM_CHANGE_CLASS_CONFIG = 4, /* config */
    FM_CHANGE_CLASS_CI_POLICY = 5, /* ci-policy */
    FM_CHANGE_CLASS_RELEASE_POLICY = 6, /* release-policy */
};
extern const fm_enum_desc fm_change_class_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_change_class_name(fm_change_class v);
/* Value of a JSON spelling; FM_CHANGE_CLASS_UNSET (0) when s is NULL or unknown. */
fm_change_class fm_change_class_parse(const char *s);

/* How an executor treats a work branch that already exists. */
typedef int32_t fm_branch_strategy;
enum fm_branch_strategy_value {
    FM_BRANCH_STRATEGY_UNSET = 0,
    FM_BRANCH_STRATEGY_RESET = 1, /* reset */
    FM_BRANCH_STRATEGY_REBASE = 2, /* rebase */
};
extern const fm_enum_desc fm_branch_strategy_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_branch_strategy_name(fm_branch_strategy v);
/* Value of a JSON spelling; FM_BRANCH_STRATEGY_UNSET (0) when s is NULL or unknown. */
fm_branch_strategy fm_branch_strategy_parse(const char *s);

/* The job an Agent definition does in a pipeline. */
typedef int32_t fm_agent_role;
enum fm_agent_role_value {
    FM_AGENT_ROLE_UNSET = 0,
    FM_AGENT_ROLE_CODER = 1, /* coder */
    FM_AGENT_ROLE_VERIFIER = 2, /* verifier */
    FM_AGENT_ROLE_REVIEWER = 3, /* reviewer */
    FM_AGENT_ROLE_PLANNER = 4, /* planner */
};
extern const fm_enum_desc fm_agent_role_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_agent_role_name(fm_agent_role v);
/* Value of a JSON spelling; FM_AGENT_ROLE_UNSET (0) when s is NULL or unknown. */
fm_agent_role fm_agent_role_parse(const char *s);

/* Progress of an agent release across the fleet. */
typedef int32_t fm_release_phase;
enum fm_release_phase_value {
    FM_RELEASE_PHASE_UNSET = 0,
    FM_RELEASE_PHASE_PENDING = 1, /* Pending */
    FM_RELEASE_PHASE_AWAITING_APPROVAL = 2, /* AwaitingApproval */
    FM_RELEASE_PHASE_IN_PROGRESS = 3, /* InProgress */
    FM_RELEASE_PHASE_PAUSED = 4, /* Paused */
    FM_RELEASE_PHASE_SUCCEEDED = 5, /* Succeeded */
    FM_RELEASE_PHASE_FAILED = 6, /* Failed */
};
extern const fm_enum_desc fm_release_phase_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_release_phase_name(fm_release_phase v);
/* Value of a JSON spelling; FM_RELEASE_PHASE_UNSET (0) when s is NULL or unknown. */
fm_release_phase fm_release_phase_parse(const char *s);

/* Progress of one node's agent update within a release. */
typedef int32_t fm_node_update_phase;
enum fm_node_update_phase_value {
    FM_NODE_UPDATE_PHASE_UNSET = 0,
    FM_NODE_UPDATE_PHASE_PENDING = 1, /* Pending */
    FM_NODE_UPDATE_PHASE_UPDATING = 2, /* Updating */
    FM_NODE_UPDATE_PHASE_UPDATED = 3, /* Updated */
    FM_NODE_UPDATE_PHASE_FAILED = 4, /* Failed */
};
extern const fm_enum_desc fm_node_update_phase_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_node_update_phase_name(fm_node_update_phase v);
/* Value of a JSON spelling; FM_NODE_UPDATE_PHASE_UNSET (0) when s is NULL or unknown. */
fm_node_update_phase fm_node_update_phase_parse(const char *s);

/* ------------------------------------------------------ forward typedefs */
typedef struct fm_fleet_node_spec fm_fleet_node_spec;
typedef struct fm_gpu_info fm_gpu_info;
typedef struct fm_capability fm_capability;
typedef struct fm_update_request fm_update_request;
typedef struct fm_fleet_node_status fm_fleet_node_status;
typedef struct fm_task_payload fm_task_payload;
typedef struct fm_gate_advisory fm_gate_advisory;
typedef struct fm_shared_identifier fm_shared_identifier;
typedef struct fm_slice fm_slice;
typedef struct fm_local_object_reference fm_local_object_reference;
typedef struct fm_gate_commands fm_gate_commands;
typedef struct fm_test_layout fm_test_layout;
typedef struct fm_gate_profile fm_gate_profile;
typedef struct fm_verdict_policy fm_verdict_policy;
typedef struct fm_required_capability fm_required_capability;
typedef struct fm_agentic_task_spec fm_agentic_task_spec;
typedef struct fm_agentic_task_status fm_agentic_task_status;
typedef struct fm_pipeline_step fm_pipeline_step;
typedef struct fm_workload_spec fm_workload_spec;
typedef struct fm_workload_status fm_workload_status;
typedef struct fm_resource_claim fm_resource_claim;
typedef struct fm_resource_requirements fm_resource_requirements;
typedef struct fm_agent_execution fm_agent_execution;
typedef struct fm_secret_key_selector fm_secret_key_selector;
typedef struct fm_mcp_header fm_mcp_header;
typedef struct fm_mcp_server fm_mcp_server;
typedef struct fm_mcp_settings fm_mcp_settings;
typedef struct fm_provider_config fm_provider_config;
typedef struct fm_stuck_loop_detection fm_stuck_loop_detection;
typedef struct fm_vision_settings fm_vision_settings;
typedef struct fm_agent_spec fm_agent_spec;
typedef struct fm_agent_status fm_agent_status;
typedef struct fm_model_profile_spec fm_model_profile_spec;
typedef struct fm_model_profile_status fm_model_profile_status;
typedef struct fm_release_artifact fm_release_artifact;
typedef struct fm_health_gate fm_health_gate;
typedef struct fm_label_selector_requirement fm_label_selector_requirement;
typedef struct fm_label_selector fm_label_selector;
typedef struct fm_agent_release_spec fm_agent_release_spec;
typedef struct fm_node_update_status fm_node_update_status;
typedef struct fm_agent_release_status fm_agent_release_status;
typedef struct fm_fleet_node fm_fleet_node;
typedef struct fm_fleet_node_list fm_fleet_node_list;
typedef struct fm_agentic_task fm_agentic_task;
typedef struct fm_agentic_task_list fm_agentic_task_list;
typedef struct fm_workload fm_workload;
typedef struct fm_workload_list fm_workload_list;
typedef struct fm_agent fm_agent;
typedef struct fm_agent_list fm_agent_list;
typedef struct fm_model_profile fm_model_profile;
typedef struct fm_model_profile_list fm_model_profile_list;
typedef struct fm_agent_release fm_agent_release;
typedef struct fm_agent_release_list fm_agent_release_list;

/* ------------------------------------------------------------ list types */
typedef struct fm_int32_list {
    int32_t *items;
    size_t len;
} fm_int32_list;
typedef struct fm_string_list {
    char **items;
    size_t len;
} fm_string_list;
typedef struct fm_change_class_list {
    fm_change_class *items;
    size_t len;
} fm_change_class_list;
typedef struct fm_gpu_info_list {
    fm_gpu_info *items;
    size_t len;
} fm_gpu_info_list;
typedef struct fm_gate_advisory_list {
    fm_gate_advisory *items;
    size_t len;
} fm_gate_advisory_list;
typedef struct fm_shared_identifier_list {
    fm_shared_identifier *items;
    size_t len;
} fm_shared_identifier_list;
typedef struct fm_slice_list {
    fm_slice *items;
    size_t len;
} fm_slice_list;
typedef struct fm_local_object_reference_list {
    fm_local_object_reference *items;
    size_t len;
} fm_local_object_reference_list;
typedef struct fm_pipeline_step_list {
    fm_pipeline_step *items;
    size_t len;
} fm_pipeline_step_list;
typedef struct fm_resource_claim_list {
    fm_resource_claim *items;
    size_t len;
} fm_resource_claim_list;
typedef struct fm_mcp_header_list {
    fm_mcp_header *items;
    size_t len;
} fm_mcp_header_list;
typedef struct fm_mcp_server_list {
    fm_mcp_server *items;
    size_t len;
} fm_mcp_server_list;
typedef struct fm_release_artifact_list {
    fm_release_artifact *items;
    size_t len;
} fm_release_artifact_list;
typedef struct fm_label_selector_requirement_list {
    fm_label_selector_requirement *items;
    size_t len;
} fm_label_selector_requirement_list;
typedef struct fm_node_update_status_list {
    fm_node_update_status *items;
    size_t len;
} fm_node_update_status_list;
typedef struct fm_fleet_node_items {
    fm_fleet_node *items;
    size_t len;
} fm_fleet_node_items;
typedef struct fm_agentic_task_items {
    fm_agentic_task *items;
    size_t len;
} fm_agentic_task_items;
typedef struct fm_workload_items {
    fm_workload *items;
    size_t len;
} fm_workload_items;
typedef struct fm_agent_items {
    fm_agent *items;
    size_t len;
} fm_agent_items;
typedef struct fm_model_profile_items {
    fm_model_profile *items;
    size_t len;
} fm_model_profile_items;
typedef struct fm_agent_release_items {
    fm_agent_release *items;
    size_t len;
} fm_agent_release_items;

/* Lists of lists and maps of non-strings (fm_list / fm_map layouts). */
typedef struct fm_any_map fm_any_map;
typedef struct fm_quantity_map fm_quantity_map;
struct fm_any_map {
    char **keys;
    char **values;
    size_t len;
};
struct fm_quantity_map {
    char **keys;
    fm_int_or_string *values;
    size_t len;
};

/* ---------------------------------------------------------------- structs */

/*
 * How a host presents itself to the fleet. Written by the foreman-agent
 * running on the host from its command-line flags.
 */
struct fm_fleet_node_spec {
    uint32_t _present[1];
    char *node_name; /* required: Name of the node; the agent writes its FleetNode name (the sanitized host nam... */
    char *tailscale_addr; /* Address at which the host is reachable over the tailnet. */
    fm_string_list roles; /* bit 0: Jobs this host accepts, such as worker or planner. */
    int32_t max_concurrent_tasks; /* bit 1, addition: How many tasks the scheduler may place on this node at once. */
    fm_string_list task_namespaces; /* bit 2, addition: Namespaces whose AgenticTasks the agent on this host watches. The sche... */
    char *_unknown;
};
extern const fm_struct_desc fm_fleet_node_spec_desc;

/* One GPU found on the host by the agent's hardware probe. */
struct fm_gpu_info {
    uint32_t _present[1];
    int32_t index; /* bit 0: Position of the device in the driver's enumeration. */
    char *name; /* Marketing name of the device as the driver reports it. */
    int64_t memory_mib; /* bit 1: Total device memory in MiB. */
    int64_t free_memory_mib; /* bit 2: Device memory not in use at the last heartbeat, in MiB. */
    char *_unknown;
};
extern const fm_struct_desc fm_gpu_info_desc;

/* What a node can run, as measured or declared by its agent. */
struct fm_capability {
    uint32_t _present[1];
    fm_accelerator accelerator; /* fm_accelerator: Accelerator family available for inference. */
    int32_t total_ram_gb; /* bit 0: Installed memory in GiB. */
    int32_t available_ram_gb; /* bit 1: Memory free for new work at the last heartbeat, in GiB. */
    int32_t max_context_tokens; /* bit 2: Largest context window the local runtime supports. */
    int32_t tokens_per_second; /* bit 3: Measured or declared generation speed. */
    fm_string_list installed_models; /* bit 4: Model names ready to serve without a download. */
    fm_gpu_info_list gpus; /* bit 5, addition: GPUs discovered by probing the host; empty on hosts without one. */
    char *_unknown;
};
extern const fm_struct_desc fm_capability_desc;

/* The agent build a host should switch to, and how to check the download. */
struct fm_update_request {
    uint32_t _present[1];
    char *target_version; /* required: Version the agent should run after the update. */
    char *url; /* required: Where the agent downloads the new binary. */
    char *sha256; /* required: Hex SHA-256 of the download, checked before the switch. */
    char *_unknown;
};
extern const fm_struct_desc fm_update_request_desc;

/* Live state of a node, refreshed by its agent on every heartbeat. */
struct fm_fleet_node_status {
    uint32_t _present[1];
    fm_node_phase phase; /* fm_node_phase: Health derived from heartbeats and the agent's own reports. */
    fm_time last_heartbeat_time; /* bit 0: When the agent last reported in. */
    fm_capability capability; /* bit 1: Resources the node offers at present. */
    char *current_task; /* Name of the task the node is busy with, empty when idle. */
    fm_k8s_condition_list conditions; /* bit 2: Detailed observations about the node, one per condition type. */
    char *agent_version; /* addition: Version of the foreman-agent binary reporting this status. */
    char *os; /* addition: Operating system of the host (linux, darwin). */
    char *arch; /* addition: CPU architecture of the host (amd64, arm64). */
    fm_agent_program agent_kind; /* fm_agent_program: Which agent program reports for this host. */
    fm_update_request update_request; /* bit 3: An agent update an AgentRelease asks this host to install. */
    char *agent_instance; /* addition: Identity of the foreman-agent process that heartbeats this node (host, proces... */
    char *_unknown;
};
extern const fm_struct_desc fm_fleet_node_status_desc;

/* The inputs an executor needs to carry out a task. */
struct fm_task_payload {
    uint32_t _present[1];
    char *repo; /* Repository the task works on, as owner/name or a clone URL. */
    int32_t issue; /* bit 0: Issue number the task addresses. */
    char *branch; /* Existing branch to work on. */
    char *branch_prefix; /* Prefix for a new branch the executor creates. */
    char *agent; /* Name of the coding agent to run. */
    char *prompt; /* Free-form instructions handed to the agent. */
    bool allow_overwrite; /* bit 1: Lets the executor force-push over a branch that already has commits. */
    char *base_branch; /* Branch the work starts from and a pull request targets. */
    fm_branch_strategy branch_strategy; /* fm_branch_strategy: What to do when the work branch already exists. */
    char *contract; /* Interface the change must keep, stated for the agent and the gate. */
    fm_gate_advisory_list gate_advisories; /* bit 2: Gate findings from an earlier attempt that the agent should address. */
    fm_string_list images; /* bit 3: Images (URLs or data URIs) shown to a vision-capable model. */
    bool open_pull_request; /* bit 4: Open a pull request when the work is pushed. */
    char *prompt_prefix; /* Text put in front of the generated prompt. */
    char *revise_from_branch; /* Branch with an earlier attempt that this run revises. */
    fm_shared_identifier_list shared_identifiers; /* bit 5: Names several slices of a change must agree on. */
    fm_slice_list slices; /* bit 6: Parts of a larger change, each on its own branch. */
    char *_unknown;
};
extern const fm_struct_desc fm_task_payload_desc;

/* One finding of a quality gate. */
struct fm_gate_advisory {
    uint32_t _present[1];
    char *check; /* Gate check that reported it (build, lint, test, ...). */
    char *detail; /* What the check found. */
    char *_unknown;
};
extern const fm_struct_desc fm_gate_advisory_desc;

/* An identifier one slice defines and others use. */
struct fm_shared_identifier {
    uint32_t _present[1];
    char *id; /* required: The identifier. */
    char *defined_by; /* required: Slice that defines it. */
    fm_string_list referenced_by; /* bit 0: Slices that use it. */
    char *_unknown;
};
extern const fm_struct_desc fm_shared_identifier_desc;

/* A part of a change with its own files and branch. */
struct fm_slice {
    uint32_t _present[1];
    char *name; /* required: Name of the slice. */
    char *branch; /* Branch the slice is pushed to. */
    fm_string_list files; /* bit 0: Files the slice may touch. */
    char *_unknown;
};
extern const fm_struct_desc fm_slice_desc;

/* The name of another object in the same namespace (or of a cluster object). */
struct fm_local_object_reference {
    uint32_t _present[1];
    char *name; /* Name of the object; empty means none. */
    char *_unknown;
};
extern const fm_struct_desc fm_local_object_reference_desc;

/* Shell commands a quality gate runs; an empty one is skipped. */
struct fm_gate_commands {
    uint32_t _present[1];
    char *build; /* Builds the project. */
    char *codegen_check; /* Fails when generated files are stale. */
    char *format; /* Fails when the code is not formatted. */
    char *lint; /* Runs the linters. */
    char *test; /* Runs the tests. */
    char *_unknown;
};
extern const fm_struct_desc fm_gate_commands_desc;

/* Where sources and tests live, so the gate can pair them. */
struct fm_test_layout {
    uint32_t _present[1];
    char *source_root; /* Directory of the sources. */
    char *test_root; /* Directory of the tests. */
    char *_unknown;
};
extern const fm_struct_desc fm_test_layout_desc;

/* How to check an executor's work before it counts as done. */
struct fm_gate_profile {
    uint32_t _present[1];
    fm_gate_commands commands; /* bit 0: Commands to run; missing ones come from the language's defaults. */
    char *image; /* Container image the gate runs in. */
    fm_gate_language language; /* fm_gate_language: Toolchain whose default commands apply. */
    fm_string_list source_extensions; /* bit 1: File extensions that count as source code. */
    fm_test_layout test_layout; /* bit 2: Where sources and tests live. */
    char *_unknown;
};
extern const fm_struct_desc fm_gate_profile_desc;

/* Which verdicts may stand without a second reviewer. */
struct fm_verdict_policy {
    uint32_t _present[1];
    fm_change_class_list self_go; /* bit 0, list of fm_change_class: Classes of change an executor's own GO verdict is enoug... */
    char *_unknown;
};
extern const fm_struct_desc fm_verdict_policy_desc;

/* Conditions a node must meet before the scheduler assigns a task to it. */
struct fm_required_capability {
    uint32_t _present[1];
    fm_required_accelerator accelerator; /* fm_required_accelerator: Accelerator the node must have; any matches all nodes. */
    int32_t min_ram_gb; /* bit 0: Least available memory, in GiB, the node must report. */
    int32_t min_context_tokens; /* bit 1: Smallest context window the node must support. */
    fm_strmap node_selector; /* bit 2: Labels the FleetNode object must carry, all with equal values. */
    bool requires_model_installed; /* bit 3: Only nodes that already have the task's model installed qualify. */
    fm_string_list roles; /* bit 4: Roles the node must offer (FleetNode spec.roles). */
    char *_unknown;
};
extern const fm_struct_desc fm_required_capability_desc;

/* The work a task describes and where it may run. */
struct fm_agentic_task_spec {
    uint32_t _present[1];
    fm_task_kind kind; /* fm_task_kind, required: Sort of work to do. */
    char *model_ref; /* Model the executor should use. */
    fm_task_payload payload; /* bit 0, required: Inputs for the executor. */
    fm_required_capability required_capability; /* bit 1: Constraints on the node that may run the task. */
    fm_string_list depends_on; /* bit 2: Tasks in the same namespace that must succeed before this one is scheduled. */
    int32_t priority; /* bit 3: Higher values are scheduled first among pending tasks. */
    int32_t timeout_seconds; /* bit 4: Longest run time before the task fails; 0 means the default of 2700 seconds. */
    fm_local_object_reference agent_ref; /* bit 5: Agent definition (kind Agent) that runs the task. */
    fm_gate_profile gate_profile; /* bit 6: Quality gate the result must pass. */
    bool mcp_enabled; /* bit 7: Give the agent the MCP tool servers of its Agent definition. */
    fm_verdict_policy verdict_policy; /* bit 8: Which GO verdicts need no further review. */
    char *_unknown;
};
extern const fm_struct_desc fm_agentic_task_spec_desc;

/* Progress and outcome of a task. */
struct fm_agentic_task_status {
    uint32_t _present[1];
    fm_task_phase phase; /* fm_task_phase: Current step in the task's life. The API server fills in Pending on a ne... */
    char *assigned_node; /* FleetNode the scheduler chose. */
    fm_time claimed_at; /* bit 0: When the agent on the assigned node took the task. */
    fm_time started_at; /* bit 1: When execution began. */
    fm_time finished_at; /* bit 2: When the task reached a terminal phase. */
    fm_verdict verdict; /* fm_verdict: Outcome reported by the executor. */
    char *branch; /* Branch the executor pushed its work to. */
    char *commit_sha; /* Commit the executor produced. */
    char *transcript_ref; /* Where the full agent transcript is stored. */
    char *result; /* raw JSON: The executor's result envelope (schemaVersion, kind, verdict, summary, extra,... */
    fm_k8s_condition_list conditions; /* bit 3: Detailed observations about the task, one per condition type. */
    fm_failure_reason failure_reason; /* fm_failure_reason: Why the task failed, when it did. */
    char *job_name; /* Kubernetes Job that runs the task when its Agent executes in Job mode. */
    char *_unknown;
};
extern const fm_struct_desc fm_agentic_task_status_desc;

/*
 * One task of an explicit pipeline. The operator creates an AgenticTask per
 * step, named after the workload and the step.
 */
struct fm_pipeline_step {
    uint32_t _present[1];
    char *name; /* required: Step name, unique in the pipeline; lower-case letters, digits and dashes. */
    fm_task_kind kind; /* fm_task_kind: Sort of work the step's task does. */
    fm_task_payload payload; /* bit 0: Inputs for the step's executor. */
    fm_required_capability required_capability; /* bit 1: Constraints on the node that may run the step. */
    fm_string_list depends_on; /* bit 2: Names of steps that must succeed before this one starts. */
    int32_t timeout_seconds; /* bit 3: Longest run time of the step's task; 0 means the default. */
    int32_t priority; /* bit 4: Scheduling priority of the step's task. */
    fm_local_object_reference agent_ref; /* bit 5: Agent definition that runs the step's task. */
    fm_gate_profile gate_profile; /* bit 6: Quality gate of the step's task. */
    char *_unknown;
};
extern const fm_struct_desc fm_pipeline_step_desc;

/* A goal to be broken down into agentic tasks. */
struct fm_workload_spec {
    uint32_t _present[1];
    char *intent; /* required: What the workload should achieve, in plain language. */
    char *repo; /* Repository the workload's tasks act on. */
    char *planner_model; /* Model used to plan the workload into tasks. */
    int32_t max_tasks; /* bit 0: Upper bound on the number of tasks planning may create. */
    fm_pipeline_step_list pipeline; /* bit 1, addition: Explicit steps to run instead of asking a planner model. */
    bool allow_cloud_reviewers; /* bit 2: Reviewers may be Agents whose provider is a cloud proxy. */
    bool allow_overwrite; /* bit 3: Tasks may force-push over existing branches. */
    fm_local_object_reference coder_agent_ref; /* bit 4: Agent that writes the code. */
    bool escalate_on_failure; /* bit 5: Retry a failed coding task with the escalation agents. */
    fm_local_object_reference escalation_coder_agent_ref; /* bit 6: Stronger coder used when escalating. */
    fm_local_object_reference_list escalation_reviewer_agent_refs; /* bit 7: Reviewers used when escalating. */
    fm_gate_profile gate_profile; /* bit 8: Quality gate every coding task must pass. */
    fm_int32_list issues; /* bit 9: Issue numbers the workload addresses. */
    int32_t max_review_iterations; /* bit 10: Rounds of review and revision before the workload gives up. */
    bool mcp_enabled; /* bit 11: Give the workload's agents their MCP tool servers. */
    bool open_pull_request; /* bit 12: Open a pull request for the finished work. */
    fm_local_object_reference_list reviewer_agent_refs; /* bit 13: Agents that review the coder's work. */
    fm_local_object_reference revision_coder_agent_ref; /* bit 14: Agent that revises the work after a review asks for changes. */
    fm_verdict_policy verdict_policy; /* bit 15: Which GO verdicts need no further review. */
    fm_local_object_reference verifier_agent_ref; /* bit 16: Agent that verifies the result. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_spec_desc;

/* Progress of a workload and the tasks it created. */
struct fm_workload_status {
    uint32_t _present[1];
    fm_workload_phase phase; /* fm_workload_phase: Current step of the workload. */
    char *planner_model; /* Model that actually planned the workload. */
    fm_k8s_object_reference_list tasks; /* bit 0: The AgenticTasks created for this workload. */
    int32_t succeeded_tasks; /* bit 1: Number of tasks that finished successfully. */
    int32_t failed_tasks; /* bit 2: Number of tasks that failed. */
    fm_k8s_condition_list conditions; /* bit 3: Detailed observations about the workload, one per condition type. */
    int32_t incomplete_tasks; /* bit 4: Number of tasks that ended with an INCOMPLETE verdict. */
    int32_t review_iterations; /* bit 5: Review rounds done so far. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_status_desc;

/* One dynamic resource claim a container uses. */
struct fm_resource_claim {
    uint32_t _present[1];
    char *name; /* required: Name of the claim in the pod's resourceClaims. */
    char *request; /* Request within that claim, when it has several. */
    char *_unknown;
};
extern const fm_struct_desc fm_resource_claim_desc;

/* Compute resources of a container (Kubernetes ResourceRequirements). */
struct fm_resource_requirements {
    uint32_t _present[1];
    fm_resource_claim_list claims; /* bit 0: Dynamic resource claims the container uses. */
    fm_quantity_map limits; /* bit 1: Most of each resource the container may use. */
    fm_quantity_map requests; /* bit 2: Resources reserved for the container. */
    char *_unknown;
};
extern const fm_struct_desc fm_resource_requirements_desc;

/* Where an agent's tasks run. */
struct fm_agent_execution {
    uint32_t _present[1];
    int64_t active_deadline_seconds; /* bit 0: Longest life of a task's Job, in seconds. */
    char *image; /* Container image of the Job. */
    char *mode; /* InProcess runs tasks inside the node's agent; Job runs each in a Kubernetes Job. */
    fm_resource_requirements resources; /* bit 1: Resources of the Job's container. */
    char *service_account_name; /* Service account the Job runs as. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_execution_desc;

/* One key of a Secret in the object's namespace. */
struct fm_secret_key_selector {
    uint32_t _present[1];
    char *key; /* required: Key within the Secret. */
    char *name; /* Name of the Secret. */
    bool optional; /* bit 0: Whether a missing Secret or key is acceptable. */
    char *_unknown;
};
extern const fm_struct_desc fm_secret_key_selector_desc;

/* An HTTP header sent to an MCP server, its value read from a Secret. */
struct fm_mcp_header {
    uint32_t _present[1];
    char *name; /* required: Header name. */
    fm_secret_key_selector value_from; /* bit 0: Secret key holding the header value. */
    char *_unknown;
};
extern const fm_struct_desc fm_mcp_header_desc;

/* A Model Context Protocol server an agent may call tools on. */
struct fm_mcp_server {
    uint32_t _present[1];
    fm_string_list allowed_tools; /* bit 0: Tools the agent may call; absent allows all. */
    fm_mcp_header_list headers; /* bit 1: Headers sent with every request. */
    char *name; /* required: Name of the server, used as the tools' prefix. */
    char *transport; /* required: Protocol transport. */
    char *url; /* required: Endpoint of the server. */
    char *_unknown;
};
extern const fm_struct_desc fm_mcp_server_desc;

/* Tool servers an agent may use over the Model Context Protocol. */
struct fm_mcp_settings {
    uint32_t _present[1];
    char *call_timeout; /* Longest wait for one tool call (Go duration). */
    bool enabled; /* bit 0: Turns MCP tools on. */
    int64_t max_result_bytes; /* bit 1: Largest tool result passed to the model, in bytes. */
    fm_mcp_server_list servers; /* bit 2: The servers. */
    char *_unknown;
};
extern const fm_struct_desc fm_mcp_settings_desc;

/* How to reach a cloud model when the provider is cloud-proxy. */
struct fm_provider_config {
    uint32_t _present[1];
    fm_secret_key_selector api_key_secret_ref; /* bit 0: Secret key with the API key. */
    char *base_url; /* Base URL of the OpenAI-compatible endpoint. */
    char *model; /* Model name at that endpoint. */
    char *_unknown;
};
extern const fm_struct_desc fm_provider_config_desc;

/* Limits that stop an agent that goes round in circles. */
struct fm_stuck_loop_detection {
    uint32_t _present[1];
    int32_t context_hard_cap; /* bit 0: Context tokens at which the run is stopped. */
    int32_t context_soft_cap; /* bit 1: Context tokens at which the agent is told to wrap up. */
    int32_t edit_free_turns_limit; /* bit 2: Turns in a row without an edit before the agent is nudged. */
    int32_t repeated_tool_threshold; /* bit 3: Identical tool calls in a row that count as a loop. */
    char *_unknown;
};
extern const fm_struct_desc fm_stuck_loop_detection_desc;

/* Image input for models that can see. */
struct fm_vision_settings {
    uint32_t _present[1];
    bool enabled; /* bit 0: Pass images to the model. */
    int64_t max_image_bytes; /* bit 1: Largest image passed, in bytes. */
    int32_t max_images; /* bit 2: Most images passed in one request. */
    char *_unknown;
};
extern const fm_struct_desc fm_vision_settings_desc;

/* The model, prompt, tools and limits of an agent definition. */
struct fm_agent_spec {
    uint32_t _present[1];
    int32_t bash_timeout_seconds; /* bit 0: Longest run of one shell command, in seconds. */
    fm_any_map chat_template_kwargs; /* bit 1: Extra arguments for the model server's chat template (enable_thinking, ...). */
    char *context_strategy; /* Whether the conversation is trimmed to a window or kept whole for the session. */
    int32_t context_window_tokens; /* bit 2: Context window of the model, in tokens; 0 asks the server. */
    fm_agent_execution execution; /* bit 3: Where the agent's tasks run. */
    fm_local_object_reference inference_service_ref; /* bit 4: LLMKube InferenceService that serves the model. */
    int32_t max_concurrent_tasks; /* bit 5: Most tasks this agent runs at once. */
    int32_t max_envtest_iterations; /* bit 6: Most rounds of the environment test loop. */
    int32_t max_output_tokens; /* bit 7: Most tokens the model may produce per turn. */
    int32_t max_retries; /* bit 8: Retries of a failed model request. */
    int32_t max_turns; /* bit 9: Most model turns per task. */
    fm_mcp_settings mcp; /* bit 10: Model Context Protocol tool servers. */
    char *model; /* Model name the agent asks for. */
    char *model_profile_ref; /* ModelProfile with model-specific tuning. */
    int32_t observation_window_turns; /* bit 11: Recent turns whose tool output stays in full in the context. */
    char *provider; /* Whether the model is served in the fleet or by a cloud API. */
    fm_provider_config provider_config; /* bit 12: Cloud endpoint settings for the cloud-proxy provider. */
    int32_t request_timeout_seconds; /* bit 13: Longest whole task run against the model, in seconds. */
    int32_t request_turn_timeout_seconds; /* bit 14: Longest single model request, in seconds. */
    fm_required_capability required_capability; /* bit 15: Conditions a node must meet to run this agent's tasks. */
    fm_agent_role role; /* fm_agent_role, required: The agent's job in a pipeline. */
    fm_stuck_loop_detection stuck_loop_detection; /* bit 16: Limits that stop a looping agent. */
    char *system_prompt; /* System prompt of the model. */
    char *temperature; /* Sampling temperature between 0 and 2, as a decimal string. */
    fm_string_list tools; /* bit 17, required: Tools the agent may use. */
    fm_vision_settings vision; /* bit 18: Image input settings. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_spec_desc;

/* What the operator found when it checked an agent definition. */
struct fm_agent_status {
    uint32_t _present[1];
    fm_k8s_condition_list conditions; /* bit 0: Observations such as Validated. */
    int64_t observed_generation; /* bit 1: Generation of the spec these conditions are about. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_status_desc;

/* Tuning for one model family, shared by the agents that use it. */
struct fm_model_profile_spec {
    uint32_t _present[1];
    bool restrict_reads_in_forcing_phase; /* bit 0: Forbid file reads once the agent is told to produce its edit. */
    fm_stuck_loop_detection stuck_loop_detection; /* bit 1: Loop limits for this model. */
    char *system_prompt_addendum; /* Text appended to every agent's system prompt for this model. */
    char *text_tool_call_format; /* addition: Which family of tool calls written as text the native loop parses when the se... */
    char *tool_choice; /* addition: tool_choice policy of the native loop for this model (as --llm-tool-choice):... */
    char *_unknown;
};
extern const fm_struct_desc fm_model_profile_spec_desc;

/* What the operator found when it checked a model profile. */
struct fm_model_profile_status {
    uint32_t _present[1];
    fm_k8s_condition_list conditions; /* bit 0: Observations about the profile. */
    int64_t observed_generation; /* bit 1: Generation of the spec these conditions are about. */
    char *_unknown;
};
extern const fm_struct_desc fm_model_profile_status_desc;

/* One downloadable agent build. */
struct fm_release_artifact {
    uint32_t _present[1];
    char *arch; /* required: CPU architecture of the build. */
    char *os; /* required: Operating system of the build. */
    char *sha256; /* required: Hex SHA-256 of the download. */
    char *url; /* required: Where to download it. */
    char *_unknown;
};
extern const fm_struct_desc fm_release_artifact_desc;

/* When an updated node counts as healthy. */
struct fm_health_gate {
    uint32_t _present[1];
    int32_t min_healthy_seconds; /* bit 0: Seconds a node must stay Ready on the new version. */
    int32_t timeout_seconds; /* bit 1: Seconds after which an update that has not become healthy fails. */
    char *_unknown;
};
extern const fm_struct_desc fm_health_gate_desc;

/* One label test of a selector (Kubernetes LabelSelectorRequirement). */
struct fm_label_selector_requirement {
    uint32_t _present[1];
    char *key; /* required: Label key. */
    char *operator; /* required: In, NotIn, Exists or DoesNotExist. */
    fm_string_list values; /* bit 0: Values for In and NotIn. */
    char *_unknown;
};
extern const fm_struct_desc fm_label_selector_requirement_desc;

/* A label query over objects (Kubernetes LabelSelector). */
struct fm_label_selector {
    uint32_t _present[1];
    fm_label_selector_requirement_list match_expressions; /* bit 0: Label tests, all of which must hold. */
    fm_strmap match_labels; /* bit 1: Labels that must be present with these values. */
    char *_unknown;
};
extern const fm_struct_desc fm_label_selector_desc;

/* An agent version to roll out to the matching fleet nodes. */
struct fm_agent_release_spec {
    uint32_t _present[1];
    fm_agent_program agent_kind; /* fm_agent_program, required: Which agent program this release updates. */
    bool approved; /* bit 0: A person has approved the rollout. */
    fm_release_artifact_list artifacts; /* bit 1: Builds per operating system and architecture. */
    int32_t concurrency; /* bit 2: Nodes updated at the same time. */
    fm_health_gate health_gate; /* bit 3: When an updated node counts as healthy. */
    bool paused; /* bit 4: Stop starting new node updates. */
    fm_label_selector selector; /* bit 5: FleetNodes the release applies to; empty selects all. */
    char *version; /* required: Version to install. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_release_spec_desc;

/* Progress of one node's update. */
struct fm_node_update_status {
    uint32_t _present[1];
    fm_time dispatched_at; /* bit 0: When the update request was written to the node. */
    fm_time last_transition_time; /* bit 1: When the phase last changed. */
    char *message; /* Details for people. */
    char *name; /* required: FleetNode name. */
    char *observed_version; /* Agent version the node reports. */
    fm_node_update_phase phase; /* fm_node_update_phase: Where the node's update stands. */
    char *reason; /* Why the update failed. */
    char *_unknown;
};
extern const fm_struct_desc fm_node_update_status_desc;

/* Rollout progress of an agent release. */
struct fm_agent_release_status {
    uint32_t _present[1];
    fm_k8s_condition_list conditions; /* bit 0: Observations about the rollout. */
    char *desired_version; /* Version being rolled out. */
    fm_string_list in_flight_nodes; /* bit 1: Nodes updating now. */
    fm_node_update_status_list node_statuses; /* bit 2: Per-node progress. */
    int64_t observed_generation; /* bit 3: Generation of the spec this status is about. */
    fm_release_phase phase; /* fm_release_phase: Where the rollout stands. */
    int32_t target_nodes; /* bit 4: Nodes the release applies to. */
    int32_t updated_nodes; /* bit 5: Nodes running the new version. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_release_status_desc;

/*
 * A host in the fleet that can run agentic tasks. Each foreman-agent creates
 * and maintains the FleetNode for its own host.
 */
struct fm_fleet_node {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: FleetNode. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_fleet_node_spec spec; /* bit 1, required: Identity and declared roles of the host. */
    fm_fleet_node_status status; /* bit 2: Health and capability reported by the agent. */
    char *_unknown;
};
extern const fm_struct_desc fm_fleet_node_desc;

/* A page of FleetNode objects as returned by a list call. */
struct fm_fleet_node_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always FleetNodeList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_fleet_node_items items; /* bit 1, required: The FleetNode objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_fleet_node_list_desc;

/*
 * A unit of work for a coding agent. The operator schedules it onto a
 * FleetNode; the agent on that node runs it and records the outcome.
 */
struct fm_agentic_task {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: AgenticTask. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_agentic_task_spec spec; /* bit 1, required: What to do and where it may run. */
    fm_agentic_task_status status; /* bit 2: Progress and result. */
    char *_unknown;
};
extern const fm_struct_desc fm_agentic_task_desc;

/* A page of AgenticTask objects as returned by a list call. */
struct fm_agentic_task_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always AgenticTaskList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_agentic_task_items items; /* bit 1, required: The AgenticTask objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_agentic_task_list_desc;

/*
 * A larger goal that is planned into AgenticTasks and tracked until they all
 * finish.
 */
struct fm_workload {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: Workload. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_workload_spec spec; /* bit 1, required: The goal and planning limits. */
    fm_workload_status status; /* bit 2: Planning and execution progress. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_desc;

/* A page of Workload objects as returned by a list call. */
struct fm_workload_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always WorkloadList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_workload_items items; /* bit 1, required: The Workload objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_list_desc;

/*
 * A reusable agent definition: model, prompt, tools and limits. Tasks and
 * workloads name one in agentRef.
 */
struct fm_agent {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: Agent. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_agent_spec spec; /* bit 1, required: The agent's settings. */
    fm_agent_status status; /* bit 2: Validation results. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_desc;

/* A page of Agent objects as returned by a list call. */
struct fm_agent_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always AgentList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_agent_items items; /* bit 1, required: The Agent objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_list_desc;

/* Model-specific tuning that Agents refer to by name. */
struct fm_model_profile {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: ModelProfile. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_model_profile_spec spec; /* bit 1, required: The tuning. */
    fm_model_profile_status status; /* bit 2: Validation results. */
    char *_unknown;
};
extern const fm_struct_desc fm_model_profile_desc;

/* A page of ModelProfile objects as returned by a list call. */
struct fm_model_profile_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always ModelProfileList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_model_profile_items items; /* bit 1, required: The ModelProfile objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_model_profile_list_desc;

/*
 * A rollout of a new agent version to the fleet. Schema only in this
 * implementation: its controller runs in the Go operator.
 */
struct fm_agent_release {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: AgentRelease. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_agent_release_spec spec; /* bit 1, required: What to roll out and how. */
    fm_agent_release_status status; /* bit 2: Rollout progress. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_release_desc;

/* A page of AgentRelease objects as returned by a list call. */
struct fm_agent_release_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Always AgentReleaseList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_agent_release_items items; /* bit 1, required: The AgentRelease objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_agent_release_list_desc;

/* ------------------------------------------------------------------ kinds */
extern const fm_kind_desc fm_agent_kind;
extern const fm_kind_desc fm_agent_release_kind;
extern const fm_kind_desc fm_agentic_task_kind;
extern const fm_kind_desc fm_fleet_node_kind;
extern const fm_kind_desc fm_model_profile_kind;
extern const fm_kind_desc fm_workload_kind;
#define FM_ALL_KINDS_COUNT 6
/* Every resource kind of this file, sorted by kind name. */
extern const fm_kind_desc *const fm_all_kinds[FM_ALL_KINDS_COUNT];
extern const size_t fm_all_kinds_count;

/* -------------------------------------------------------- typed wrappers */

/* fm_agent: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agent_decode(fm_agent **out, const char *buf, size_t len);
int fm_agent_encode(fm_buf *out, const fm_agent *obj);
int fm_agent_copy(fm_agent **out, const fm_agent *src);
void fm_agent_free(fm_agent *obj);
bool fm_agent_equal(const fm_agent *a, const fm_agent *b);
int fm_agent_merge_patch(fm_buf *out, const fm_agent *old_obj, const fm_agent *new_obj,
        const char *resource_version);

/* fm_agent_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agent_list_decode(fm_agent_list **out, const char *buf, size_t len);
int fm_agent_list_encode(fm_buf *out, const fm_agent_list *obj);
int fm_agent_list_copy(fm_agent_list **out, const fm_agent_list *src);
void fm_agent_list_free(fm_agent_list *obj);
bool fm_agent_list_equal(const fm_agent_list *a, const fm_agent_list *b);
int fm_agent_list_merge_patch(fm_buf *out, const fm_agent_list *old_obj, const fm_agent_list *new_obj,
        const char *resource_version);

/* fm_agent_release: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agent_release_decode(fm_agent_release **out, const char *buf, size_t len);
int fm_agent_release_encode(fm_buf *out, const fm_agent_release *obj);
int fm_agent_release_copy(fm_agent_release **out, const fm_agent_release *src);
void fm_agent_release_free(fm_agent_release *obj);
bool fm_agent_release_equal(const fm_agent_release *a, const fm_agent_release *b);
int fm_agent_release_merge_patch(fm_buf *out, const fm_agent_release *old_obj, const fm_agent_release *new_obj,
        const char *resource_version);

/* fm_agent_release_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agent_release_list_decode(fm_agent_release_list **out, const char *buf, size_t len);
int fm_agent_release_list_encode(fm_buf *out, const fm_agent_release_list *obj);
int fm_agent_release_list_copy(fm_agent_release_list **out, const fm_agent_release_list *src);
void fm_agent_release_list_free(fm_agent_release_list *obj);
bool fm_agent_release_list_equal(const fm_agent_release_list *a, const fm_agent_release_list *b);
int fm_agent_release_list_merge_patch(fm_buf *out, const fm_agent_release_list *old_obj, const fm_agent_release_list *new_obj,
        const char *resource_version);

/* fm_agentic_task: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agentic_task_decode(fm_agentic_task **out, const char *buf, size_t len);
int fm_agentic_task_encode(fm_buf *out, const fm_agentic_task *obj);
int fm_agentic_task_copy(fm_agentic_task **out, const fm_agentic_task *src);
void fm_agentic_task_free(fm_agentic_task *obj);
bool fm_agentic_task_equal(const fm_agentic_task *a, const fm_agentic_task *b);
int fm_agentic_task_merge_patch(fm_buf *out, const fm_agentic_task *old_obj, const fm_agentic_task *new_obj,
        const char *resource_version);

/* fm_agentic_task_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agentic_task_list_decode(fm_agentic_task_list **out, const char *buf, size_t len);
int fm_agentic_task_list_encode(fm_buf *out, const fm_agentic_task_list *obj);
int fm_agentic_task_list_copy(fm_agentic_task_list **out, const fm_agentic_task_list *src);
void fm_agentic_task_list_free(fm_agentic_task_list *obj);
bool fm_agentic_task_list_equal(const fm_agentic_task_list *a, const fm_agentic_task_list *b);
int fm_agentic_task_list_merge_patch(fm_buf *out, const fm_agentic_task_list *old_obj, const fm_agentic_task_list *new_obj,
        const char *resource_version);

/* fm_fleet_node: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_fleet_node_decode(fm_fleet_node **out, const char *buf, size_t len);
int fm_fleet_node_encode(fm_buf *out, const fm_fleet_node *obj);
int fm_fleet_node_copy(fm_fleet_node **out, const fm_fleet_node *src);
void fm_fleet_node_free(fm_fleet_node *obj);
bool fm_fleet_node_equal(const fm_fleet_node *a, const fm_fleet_node *b);
int fm_fleet_node_merge_patch(fm_buf *out, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
        const char *resource_version);

/* fm_fleet_node_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_fleet_node_list_decode(fm_fleet_node_list **out, const char *buf, size_t len);
int fm_fleet_node_list_encode(fm_buf *out, const fm_fleet_node_list *obj);
int fm_fleet_node_list_copy(fm_fleet_node_list **out, const fm_fleet_node_list *src);
void fm_fleet_node_list_free(fm_fleet_node_list *obj);
bool fm_fleet_node_list_equal(const fm_fleet_node_list *a, const fm_fleet_node_list *b);
int fm_fleet_node_list_merge_patch(fm_buf *out, const fm_fleet_node_list *old_obj, const fm_fleet_node_list *new_obj,
        const char *resource_version);

/* fm_model_profile: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_model_profile_decode(fm_model_profile **out, const char *buf, size_t len);
int fm_model_profile_encode(fm_buf *out, const fm_model_profile *obj);
int fm_model_profile_copy(fm_model_profile **out, const fm_model_profile *src);
void fm_model_profile_free(fm_model_profile *obj);
bool fm_model_profile_equal(const fm_model_profile *a, const fm_model_profile *b);
int fm_model_profile_merge_patch(fm_buf *out, const fm_model_profile *old_obj, const fm_model_profile *new_obj,
        const char *resource_version);

/* fm_model_profile_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_model_profile_list_decode(fm_model_profile_list **out, const char *buf, size_t len);
int fm_model_profile_list_encode(fm_buf *out, const fm_model_profile_list *obj);
int fm_model_profile_list_copy(fm_model_profile_list **out, const fm_model_profile_list *src);
void fm_model_profile_list_free(fm_model_profile_list *obj);
bool fm_model_profile_list_equal(const fm_model_profile_list *a, const fm_model_profile_list *b);
int fm_model_profile_list_merge_patch(fm_buf *out, const fm_model_profile_list *old_obj, const fm_model_profile_list *new_obj,
        const char *resource_version);

/* fm_workload: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_workload_decode(fm_workload **out, const char *buf, size_t len);
int fm_workload_encode(fm_buf *out, const fm_workload *obj);
int fm_workload_copy(fm_workload **out, const fm_workload *src);
void fm_workload_free(fm_workload *obj);
bool fm_workload_equal(const fm_workload *a, const fm_workload *b);
int fm_workload_merge_patch(fm_buf *out, const fm_workload *old_obj, const fm_workload *new_obj,
        const char *resource_version);

/* fm_workload_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_workload_list_decode(fm_workload_list **out, const char *buf, size_t len);
int fm_workload_list_encode(fm_buf *out, const fm_workload_list *obj);
int fm_workload_list_copy(fm_workload_list **out, const fm_workload_list *src);
void fm_workload_list_free(fm_workload_list *obj);
bool fm_workload_list_equal(const fm_workload_list *a, const fm_workload_list *b);
int fm_workload_list_merge_patch(fm_buf *out, const fm_workload_list *old_obj, const fm_workload_list *new_obj,
        const char *resource_version);

/* ------------------------------------------------------ presence accessors */

/* fm_fleet_node_spec */
static inline bool fm_fleet_node_spec_has_roles(const fm_fleet_node_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_fleet_node_spec_set_roles_present(fm_fleet_node_spec *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_spec_has_max_concurrent_tasks(const fm_fleet_node_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_fleet_node_spec_set_max_concurrent_tasks(fm_fleet_node_spec *p, int32_t v) { p->max_concurrent_tasks = v; fm_codec_set_present(p, 1, true); }
static inline void fm_fleet_node_spec_clear_max_concurrent_tasks(fm_fleet_node_spec *p) { memset(&p->max_concurrent_tasks, 0, sizeof p->max_concurrent_tasks); fm_codec_set_present(p, 1, false); }
static inline bool fm_fleet_node_spec_has_task_namespaces(const fm_fleet_node_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_fleet_node_spec_set_task_namespaces_present(fm_fleet_node_spec *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_gpu_info */
static inline bool fm_gpu_info_has_index(const fm_gpu_info *p) { return fm_codec_has(p, 0); }
static inline void fm_gpu_info_set_index(fm_gpu_info *p, int32_t v) { p->index = v; fm_codec_set_present(p, 0, true); }
static inline void fm_gpu_info_clear_index(fm_gpu_info *p) { memset(&p->index, 0, sizeof p->index); fm_codec_set_present(p, 0, false); }
static inline bool fm_gpu_info_has_memory_mib(const fm_gpu_info *p) { return fm_codec_has(p, 1); }
static inline void fm_gpu_info_set_memory_mib(fm_gpu_info *p, int64_t v) { p->memory_mib = v; fm_codec_set_present(p, 1, true); }
static inline void fm_gpu_info_clear_memory_mib(fm_gpu_info *p) { memset(&p->memory_mib, 0, sizeof p->memory_mib); fm_codec_set_present(p, 1, false); }
static inline bool fm_gpu_info_has_free_memory_mib(const fm_gpu_info *p) { return fm_codec_has(p, 2); }
static inline void fm_gpu_info_set_free_memory_mib(fm_gpu_info *p, int64_t v) { p->free_memory_mib = v; fm_codec_set_present(p, 2, true); }
static inline void fm_gpu_info_clear_free_memory_mib(fm_gpu_info *p) { memset(&p->free_memory_mib, 0, sizeof p->free_memory_mib); fm_codec_set_present(p, 2, false); }

/* fm_capability */
static inline bool fm_capability_has_total_ram_gb(const fm_capability *p) { return fm_codec_has(p, 0); }
static inline void fm_capability_set_total_ram_gb(fm_capability *p, int32_t v) { p->total_ram_gb = v; fm_codec_set_present(p, 0, true); }
static inline void fm_capability_clear_total_ram_gb(fm_capability *p) { memset(&p->total_ram_gb, 0, sizeof p->total_ram_gb); fm_codec_set_present(p, 0, false); }
static inline bool fm_capability_has_available_ram_gb(const fm_capability *p) { return fm_codec_has(p, 1); }
static inline void fm_capability_set_available_ram_gb(fm_capability *p, int32_t v) { p->available_ram_gb = v; fm_codec_set_present(p, 1, true); }
static inline void fm_capability_clear_available_ram_gb(fm_capability *p) { memset(&p->available_ram_gb, 0, sizeof p->available_ram_gb); fm_codec_set_present(p, 1, false); }
static inline bool fm_capability_has_max_context_tokens(const fm_capability *p) { return fm_codec_has(p, 2); }
static inline void fm_capability_set_max_context_tokens(fm_capability *p, int32_t v) { p->max_context_tokens = v; fm_codec_set_present(p, 2, true); }
static inline void fm_capability_clear_max_context_tokens(fm_capability *p) { memset(&p->max_context_tokens, 0, sizeof p->max_context_tokens); fm_codec_set_present(p, 2, false); }
static inline bool fm_capability_has_tokens_per_second(const fm_capability *p) { return fm_codec_has(p, 3); }
static inline void fm_capability_set_tokens_per_second(fm_capability *p, int32_t v) { p->tokens_per_second = v; fm_codec_set_present(p, 3, true); }
static inline void fm_capability_clear_tokens_per_second(fm_capability *p) { memset(&p->tokens_per_second, 0, sizeof p->tokens_per_second); fm_codec_set_present(p, 3, false); }
static inline bool fm_capability_has_installed_models(const fm_capability *p) { return fm_codec_has(p, 4); }
static inline void fm_capability_set_installed_models_present(fm_capability *p, bool on) { fm_codec_set_present(p, 4, on); }
static inline bool fm_capability_has_gpus(const fm_capability *p) { return fm_codec_has(p, 5); }
static inline void fm_capability_set_gpus_present(fm_capability *p, bool on) { fm_codec_set_present(p, 5, on); }

/* fm_fleet_node_status */
static inline bool fm_fleet_node_status_has_last_heartbeat_time(const fm_fleet_node_status *p) { return fm_codec_has(p, 0); }
static inline void fm_fleet_node_status_set_last_heartbeat_time(fm_fleet_node_status *p, fm_time v) { p->last_heartbeat_time = v; fm_codec_set_present(p, 0, true); }
static inline void fm_fleet_node_status_clear_last_heartbeat_time(fm_fleet_node_status *p) { memset(&p->last_heartbeat_time, 0, sizeof p->last_heartbeat_time); fm_codec_set_present(p, 0, false); }
static inline bool fm_fleet_node_status_has_capability(const fm_fleet_node_status *p) { return fm_codec_has(p, 1); }
static inline void fm_fleet_node_status_set_capability_present(fm_fleet_node_status *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_fleet_node_status_has_conditions(const fm_fleet_node_status *p) { return fm_codec_has(p, 2); }
static inline void fm_fleet_node_status_set_conditions_present(fm_fleet_node_status *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_fleet_node_status_has_update_request(const fm_fleet_node_status *p) { return fm_codec_has(p, 3); }
static inline void fm_fleet_node_status_set_update_request_present(fm_fleet_node_status *p, bool on) { fm_codec_set_present(p, 3, on); }

/* fm_task_payload */
static inline bool fm_task_payload_has_issue(const fm_task_payload *p) { return fm_codec_has(p, 0); }
static inline void fm_task_payload_set_issue(fm_task_payload *p, int32_t v) { p->issue = v; fm_codec_set_present(p, 0, true); }
static inline void fm_task_payload_clear_issue(fm_task_payload *p) { memset(&p->issue, 0, sizeof p->issue); fm_codec_set_present(p, 0, false); }
static inline bool fm_task_payload_has_allow_overwrite(const fm_task_payload *p) { return fm_codec_has(p, 1); }
static inline void fm_task_payload_set_allow_overwrite(fm_task_payload *p, bool v) { p->allow_overwrite = v; fm_codec_set_present(p, 1, true); }
static inline void fm_task_payload_clear_allow_overwrite(fm_task_payload *p) { memset(&p->allow_overwrite, 0, sizeof p->allow_overwrite); fm_codec_set_present(p, 1, false); }
static inline bool fm_task_payload_has_gate_advisories(const fm_task_payload *p) { return fm_codec_has(p, 2); }
static inline void fm_task_payload_set_gate_advisories_present(fm_task_payload *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_task_payload_has_images(const fm_task_payload *p) { return fm_codec_has(p, 3); }
static inline void fm_task_payload_set_images_present(fm_task_payload *p, bool on) { fm_codec_set_present(p, 3, on); }
static inline bool fm_task_payload_has_open_pull_request(const fm_task_payload *p) { return fm_codec_has(p, 4); }
static inline void fm_task_payload_set_open_pull_request(fm_task_payload *p, bool v) { p->open_pull_request = v; fm_codec_set_present(p, 4, true); }
static inline void fm_task_payload_clear_open_pull_request(fm_task_payload *p) { memset(&p->open_pull_request, 0, sizeof p->open_pull_request); fm_codec_set_present(p, 4, false); }
static inline bool fm_task_payload_has_shared_identifiers(const fm_task_payload *p) { return fm_codec_has(p, 5); }
static inline void fm_task_payload_set_shared_identifiers_present(fm_task_payload *p, bool on) { fm_codec_set_present(p, 5, on); }
static inline bool fm_task_payload_has_slices(const fm_task_payload *p) { return fm_codec_has(p, 6); }
static inline void fm_task_payload_set_slices_present(fm_task_payload *p, bool on) { fm_codec_set_present(p, 6, on); }

/* fm_shared_identifier */
static inline bool fm_shared_identifier_has_referenced_by(const fm_shared_identifier *p) { return fm_codec_has(p, 0); }
static inline void fm_shared_identifier_set_referenced_by_present(fm_shared_identifier *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_slice */
static inline bool fm_slice_has_files(const fm_slice *p) { return fm_codec_has(p, 0); }
static inline void fm_slice_set_files_present(fm_slice *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_gate_profile */
static inline bool fm_gate_profile_has_commands(const fm_gate_profile *p) { return fm_codec_has(p, 0); }
static inline void fm_gate_profile_set_commands_present(fm_gate_profile *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_gate_profile_has_source_extensions(const fm_gate_profile *p) { return fm_codec_has(p, 1); }
static inline void fm_gate_profile_set_source_extensions_present(fm_gate_profile *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_gate_profile_has_test_layout(const fm_gate_profile *p) { return fm_codec_has(p, 2); }
static inline void fm_gate_profile_set_test_layout_present(fm_gate_profile *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_verdict_policy */
static inline bool fm_verdict_policy_has_self_go(const fm_verdict_policy *p) { return fm_codec_has(p, 0); }
static inline void fm_verdict_policy_set_self_go_present(fm_verdict_policy *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_required_capability */
static inline bool fm_required_capability_has_min_ram_gb(const fm_required_capability *p) { return fm_codec_has(p, 0); }
static inline void fm_required_capability_set_min_ram_gb(fm_required_capability *p, int32_t v) { p->min_ram_gb = v; fm_codec_set_present(p, 0, true); }
static inline void fm_required_capability_clear_min_ram_gb(fm_required_capability *p) { memset(&p->min_ram_gb, 0, sizeof p->min_ram_gb); fm_codec_set_present(p, 0, false); }
static inline bool fm_required_capability_has_min_context_tokens(const fm_required_capability *p) { return fm_codec_has(p, 1); }
static inline void fm_required_capability_set_min_context_tokens(fm_required_capability *p, int32_t v) { p->min_context_tokens = v; fm_codec_set_present(p, 1, true); }
static inline void fm_required_capability_clear_min_context_tokens(fm_required_capability *p) { memset(&p->min_context_tokens, 0, sizeof p->min_context_tokens); fm_codec_set_present(p, 1, false); }
static inline bool fm_required_capability_has_node_selector(const fm_required_capability *p) { return fm_codec_has(p, 2); }
static inline void fm_required_capability_set_node_selector_present(fm_required_capability *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_required_capability_has_requires_model_installed(const fm_required_capability *p) { return fm_codec_has(p, 3); }
static inline void fm_required_capability_set_requires_model_installed(fm_required_capability *p, bool v) { p->requires_model_installed = v; fm_codec_set_present(p, 3, true); }
static inline void fm_required_capability_clear_requires_model_installed(fm_required_capability *p) { memset(&p->requires_model_installed, 0, sizeof p->requires_model_installed); fm_codec_set_present(p, 3, false); }
static inline bool fm_required_capability_has_roles(const fm_required_capability *p) { return fm_codec_has(p, 4); }
static inline void fm_required_capability_set_roles_present(fm_required_capability *p, bool on) { fm_codec_set_present(p, 4, on); }

/* fm_agentic_task_spec */
static inline bool fm_agentic_task_spec_has_payload(const fm_agentic_task_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_agentic_task_spec_set_payload_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_spec_has_required_capability(const fm_agentic_task_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_agentic_task_spec_set_required_capability_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agentic_task_spec_has_depends_on(const fm_agentic_task_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_agentic_task_spec_set_depends_on_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_agentic_task_spec_has_priority(const fm_agentic_task_spec *p) { return fm_codec_has(p, 3); }
static inline void fm_agentic_task_spec_set_priority(fm_agentic_task_spec *p, int32_t v) { p->priority = v; fm_codec_set_present(p, 3, true); }
static inline void fm_agentic_task_spec_clear_priority(fm_agentic_task_spec *p) { memset(&p->priority, 0, sizeof p->priority); fm_codec_set_present(p, 3, false); }
static inline bool fm_agentic_task_spec_has_timeout_seconds(const fm_agentic_task_spec *p) { return fm_codec_has(p, 4); }
static inline void fm_agentic_task_spec_set_timeout_seconds(fm_agentic_task_spec *p, int32_t v) { p->timeout_seconds = v; fm_codec_set_present(p, 4, true); }
static inline void fm_agentic_task_spec_clear_timeout_seconds(fm_agentic_task_spec *p) { memset(&p->timeout_seconds, 0, sizeof p->timeout_seconds); fm_codec_set_present(p, 4, false); }
static inline bool fm_agentic_task_spec_has_agent_ref(const fm_agentic_task_spec *p) { return fm_codec_has(p, 5); }
static inline void fm_agentic_task_spec_set_agent_ref_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 5, on); }
static inline bool fm_agentic_task_spec_has_gate_profile(const fm_agentic_task_spec *p) { return fm_codec_has(p, 6); }
static inline void fm_agentic_task_spec_set_gate_profile_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 6, on); }
static inline bool fm_agentic_task_spec_has_mcp_enabled(const fm_agentic_task_spec *p) { return fm_codec_has(p, 7); }
static inline void fm_agentic_task_spec_set_mcp_enabled(fm_agentic_task_spec *p, bool v) { p->mcp_enabled = v; fm_codec_set_present(p, 7, true); }
static inline void fm_agentic_task_spec_clear_mcp_enabled(fm_agentic_task_spec *p) { memset(&p->mcp_enabled, 0, sizeof p->mcp_enabled); fm_codec_set_present(p, 7, false); }
static inline bool fm_agentic_task_spec_has_verdict_policy(const fm_agentic_task_spec *p) { return fm_codec_has(p, 8); }
static inline void fm_agentic_task_spec_set_verdict_policy_present(fm_agentic_task_spec *p, bool on) { fm_codec_set_present(p, 8, on); }

/* fm_agentic_task_status */
static inline bool fm_agentic_task_status_has_claimed_at(const fm_agentic_task_status *p) { return fm_codec_has(p, 0); }
static inline void fm_agentic_task_status_set_claimed_at(fm_agentic_task_status *p, fm_time v) { p->claimed_at = v; fm_codec_set_present(p, 0, true); }
static inline void fm_agentic_task_status_clear_claimed_at(fm_agentic_task_status *p) { memset(&p->claimed_at, 0, sizeof p->claimed_at); fm_codec_set_present(p, 0, false); }
static inline bool fm_agentic_task_status_has_started_at(const fm_agentic_task_status *p) { return fm_codec_has(p, 1); }
static inline void fm_agentic_task_status_set_started_at(fm_agentic_task_status *p, fm_time v) { p->started_at = v; fm_codec_set_present(p, 1, true); }
static inline void fm_agentic_task_status_clear_started_at(fm_agentic_task_status *p) { memset(&p->started_at, 0, sizeof p->started_at); fm_codec_set_present(p, 1, false); }
static inline bool fm_agentic_task_status_has_finished_at(const fm_agentic_task_status *p) { return fm_codec_has(p, 2); }
static inline void fm_agentic_task_status_set_finished_at(fm_agentic_task_status *p, fm_time v) { p->finished_at = v; fm_codec_set_present(p, 2, true); }
static inline void fm_agentic_task_status_clear_finished_at(fm_agentic_task_status *p) { memset(&p->finished_at, 0, sizeof p->finished_at); fm_codec_set_present(p, 2, false); }
static inline bool fm_agentic_task_status_has_conditions(const fm_agentic_task_status *p) { return fm_codec_has(p, 3); }
static inline void fm_agentic_task_status_set_conditions_present(fm_agentic_task_status *p, bool on) { fm_codec_set_present(p, 3, on); }

/* fm_pipeline_step */
static inline bool fm_pipeline_step_has_payload(const fm_pipeline_step *p) { return fm_codec_has(p, 0); }
static inline void fm_pipeline_step_set_payload_present(fm_pipeline_step *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_pipeline_step_has_required_capability(const fm_pipeline_step *p) { return fm_codec_has(p, 1); }
static inline void fm_pipeline_step_set_required_capability_present(fm_pipeline_step *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_pipeline_step_has_depends_on(const fm_pipeline_step *p) { return fm_codec_has(p, 2); }
static inline void fm_pipeline_step_set_depends_on_present(fm_pipeline_step *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_pipeline_step_has_timeout_seconds(const fm_pipeline_step *p) { return fm_codec_has(p, 3); }
static inline void fm_pipeline_step_set_timeout_seconds(fm_pipeline_step *p, int32_t v) { p->timeout_seconds = v; fm_codec_set_present(p, 3, true); }
static inline void fm_pipeline_step_clear_timeout_seconds(fm_pipeline_step *p) { memset(&p->timeout_seconds, 0, sizeof p->timeout_seconds); fm_codec_set_present(p, 3, false); }
static inline bool fm_pipeline_step_has_priority(const fm_pipeline_step *p) { return fm_codec_has(p, 4); }
static inline void fm_pipeline_step_set_priority(fm_pipeline_step *p, int32_t v) { p->priority = v; fm_codec_set_present(p, 4, true); }
static inline void fm_pipeline_step_clear_priority(fm_pipeline_step *p) { memset(&p->priority, 0, sizeof p->priority); fm_codec_set_present(p, 4, false); }
static inline bool fm_pipeline_step_has_agent_ref(const fm_pipeline_step *p) { return fm_codec_has(p, 5); }
static inline void fm_pipeline_step_set_agent_ref_present(fm_pipeline_step *p, bool on) { fm_codec_set_present(p, 5, on); }
static inline bool fm_pipeline_step_has_gate_profile(const fm_pipeline_step *p) { return fm_codec_has(p, 6); }
static inline void fm_pipeline_step_set_gate_profile_present(fm_pipeline_step *p, bool on) { fm_codec_set_present(p, 6, on); }

/* fm_workload_spec */
static inline bool fm_workload_spec_has_max_tasks(const fm_workload_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_workload_spec_set_max_tasks(fm_workload_spec *p, int32_t v) { p->max_tasks = v; fm_codec_set_present(p, 0, true); }
static inline void fm_workload_spec_clear_max_tasks(fm_workload_spec *p) { memset(&p->max_tasks, 0, sizeof p->max_tasks); fm_codec_set_present(p, 0, false); }
static inline bool fm_workload_spec_has_pipeline(const fm_workload_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_workload_spec_set_pipeline_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_workload_spec_has_allow_cloud_reviewers(const fm_workload_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_workload_spec_set_allow_cloud_reviewers(fm_workload_spec *p, bool v) { p->allow_cloud_reviewers = v; fm_codec_set_present(p, 2, true); }
static inline void fm_workload_spec_clear_allow_cloud_reviewers(fm_workload_spec *p) { memset(&p->allow_cloud_reviewers, 0, sizeof p->allow_cloud_reviewers); fm_codec_set_present(p, 2, false); }
static inline bool fm_workload_spec_has_allow_overwrite(const fm_workload_spec *p) { return fm_codec_has(p, 3); }
static inline void fm_workload_spec_set_allow_overwrite(fm_workload_spec *p, bool v) { p->allow_overwrite = v; fm_codec_set_present(p, 3, true); }
static inline void fm_workload_spec_clear_allow_overwrite(fm_workload_spec *p) { memset(&p->allow_overwrite, 0, sizeof p->allow_overwrite); fm_codec_set_present(p, 3, false); }
static inline bool fm_workload_spec_has_coder_agent_ref(const fm_workload_spec *p) { return fm_codec_has(p, 4); }
static inline void fm_workload_spec_set_coder_agent_ref_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 4, on); }
static inline bool fm_workload_spec_has_escalate_on_failure(const fm_workload_spec *p) { return fm_codec_has(p, 5); }
static inline void fm_workload_spec_set_escalate_on_failure(fm_workload_spec *p, bool v) { p->escalate_on_failure = v; fm_codec_set_present(p, 5, true); }
static inline void fm_workload_spec_clear_escalate_on_failure(fm_workload_spec *p) { memset(&p->escalate_on_failure, 0, sizeof p->escalate_on_failure); fm_codec_set_present(p, 5, false); }
static inline bool fm_workload_spec_has_escalation_coder_agent_ref(const fm_workload_spec *p) { return fm_codec_has(p, 6); }
static inline void fm_workload_spec_set_escalation_coder_agent_ref_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 6, on); }
static inline bool fm_workload_spec_has_escalation_reviewer_agent_refs(const fm_workload_spec *p) { return fm_codec_has(p, 7); }
static inline void fm_workload_spec_set_escalation_reviewer_agent_refs_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 7, on); }
static inline bool fm_workload_spec_has_gate_profile(const fm_workload_spec *p) { return fm_codec_has(p, 8); }
static inline void fm_workload_spec_set_gate_profile_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 8, on); }
static inline bool fm_workload_spec_has_issues(const fm_workload_spec *p) { return fm_codec_has(p, 9); }
static inline void fm_workload_spec_set_issues_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 9, on); }
static inline bool fm_workload_spec_has_max_review_iterations(const fm_workload_spec *p) { return fm_codec_has(p, 10); }
static inline void fm_workload_spec_set_max_review_iterations(fm_workload_spec *p, int32_t v) { p->max_review_iterations = v; fm_codec_set_present(p, 10, true); }
static inline void fm_workload_spec_clear_max_review_iterations(fm_workload_spec *p) { memset(&p->max_review_iterations, 0, sizeof p->max_review_iterations); fm_codec_set_present(p, 10, false); }
static inline bool fm_workload_spec_has_mcp_enabled(const fm_workload_spec *p) { return fm_codec_has(p, 11); }
static inline void fm_workload_spec_set_mcp_enabled(fm_workload_spec *p, bool v) { p->mcp_enabled = v; fm_codec_set_present(p, 11, true); }
static inline void fm_workload_spec_clear_mcp_enabled(fm_workload_spec *p) { memset(&p->mcp_enabled, 0, sizeof p->mcp_enabled); fm_codec_set_present(p, 11, false); }
static inline bool fm_workload_spec_has_open_pull_request(const fm_workload_spec *p) { return fm_codec_has(p, 12); }
static inline void fm_workload_spec_set_open_pull_request(fm_workload_spec *p, bool v) { p->open_pull_request = v; fm_codec_set_present(p, 12, true); }
static inline void fm_workload_spec_clear_open_pull_request(fm_workload_spec *p) { memset(&p->open_pull_request, 0, sizeof p->open_pull_request); fm_codec_set_present(p, 12, false); }
static inline bool fm_workload_spec_has_reviewer_agent_refs(const fm_workload_spec *p) { return fm_codec_has(p, 13); }
static inline void fm_workload_spec_set_reviewer_agent_refs_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 13, on); }
static inline bool fm_workload_spec_has_revision_coder_agent_ref(const fm_workload_spec *p) { return fm_codec_has(p, 14); }
static inline void fm_workload_spec_set_revision_coder_agent_ref_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 14, on); }
static inline bool fm_workload_spec_has_verdict_policy(const fm_workload_spec *p) { return fm_codec_has(p, 15); }
static inline void fm_workload_spec_set_verdict_policy_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 15, on); }
static inline bool fm_workload_spec_has_verifier_agent_ref(const fm_workload_spec *p) { return fm_codec_has(p, 16); }
static inline void fm_workload_spec_set_verifier_agent_ref_present(fm_workload_spec *p, bool on) { fm_codec_set_present(p, 16, on); }

/* fm_workload_status */
static inline bool fm_workload_status_has_tasks(const fm_workload_status *p) { return fm_codec_has(p, 0); }
static inline void fm_workload_status_set_tasks_present(fm_workload_status *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_workload_status_has_succeeded_tasks(const fm_workload_status *p) { return fm_codec_has(p, 1); }
static inline void fm_workload_status_set_succeeded_tasks(fm_workload_status *p, int32_t v) { p->succeeded_tasks = v; fm_codec_set_present(p, 1, true); }
static inline void fm_workload_status_clear_succeeded_tasks(fm_workload_status *p) { memset(&p->succeeded_tasks, 0, sizeof p->succeeded_tasks); fm_codec_set_present(p, 1, false); }
static inline bool fm_workload_status_has_failed_tasks(const fm_workload_status *p) { return fm_codec_has(p, 2); }
static inline void fm_workload_status_set_failed_tasks(fm_workload_status *p, int32_t v) { p->failed_tasks = v; fm_codec_set_present(p, 2, true); }
static inline void fm_workload_status_clear_failed_tasks(fm_workload_status *p) { memset(&p->failed_tasks, 0, sizeof p->failed_tasks); fm_codec_set_present(p, 2, false); }
static inline bool fm_workload_status_has_conditions(const fm_workload_status *p) { return fm_codec_has(p, 3); }
static inline void fm_workload_status_set_conditions_present(fm_workload_status *p, bool on) { fm_codec_set_present(p, 3, on); }
static inline bool fm_workload_status_has_incomplete_tasks(const fm_workload_status *p) { return fm_codec_has(p, 4); }
static inline void fm_workload_status_set_incomplete_tasks(fm_workload_status *p, int32_t v) { p->incomplete_tasks = v; fm_codec_set_present(p, 4, true); }
static inline void fm_workload_status_clear_incomplete_tasks(fm_workload_status *p) { memset(&p->incomplete_tasks, 0, sizeof p->incomplete_tasks); fm_codec_set_present(p, 4, false); }
static inline bool fm_workload_status_has_review_iterations(const fm_workload_status *p) { return fm_codec_has(p, 5); }
static inline void fm_workload_status_set_review_iterations(fm_workload_status *p, int32_t v) { p->review_iterations = v; fm_codec_set_present(p, 5, true); }
static inline void fm_workload_status_clear_review_iterations(fm_workload_status *p) { memset(&p->review_iterations, 0, sizeof p->review_iterations); fm_codec_set_present(p, 5, false); }

/* fm_resource_requirements */
static inline bool fm_resource_requirements_has_claims(const fm_resource_requirements *p) { return fm_codec_has(p, 0); }
static inline void fm_resource_requirements_set_claims_present(fm_resource_requirements *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_resource_requirements_has_limits(const fm_resource_requirements *p) { return fm_codec_has(p, 1); }
static inline void fm_resource_requirements_set_limits_present(fm_resource_requirements *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_resource_requirements_has_requests(const fm_resource_requirements *p) { return fm_codec_has(p, 2); }
static inline void fm_resource_requirements_set_requests_present(fm_resource_requirements *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_agent_execution */
static inline bool fm_agent_execution_has_active_deadline_seconds(const fm_agent_execution *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_execution_set_active_deadline_seconds(fm_agent_execution *p, int64_t v) { p->active_deadline_seconds = v; fm_codec_set_present(p, 0, true); }
static inline void fm_agent_execution_clear_active_deadline_seconds(fm_agent_execution *p) { memset(&p->active_deadline_seconds, 0, sizeof p->active_deadline_seconds); fm_codec_set_present(p, 0, false); }
static inline bool fm_agent_execution_has_resources(const fm_agent_execution *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_execution_set_resources_present(fm_agent_execution *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_secret_key_selector */
static inline bool fm_secret_key_selector_has_optional(const fm_secret_key_selector *p) { return fm_codec_has(p, 0); }
static inline void fm_secret_key_selector_set_optional(fm_secret_key_selector *p, bool v) { p->optional = v; fm_codec_set_present(p, 0, true); }
static inline void fm_secret_key_selector_clear_optional(fm_secret_key_selector *p) { memset(&p->optional, 0, sizeof p->optional); fm_codec_set_present(p, 0, false); }

/* fm_mcp_header */
static inline bool fm_mcp_header_has_value_from(const fm_mcp_header *p) { return fm_codec_has(p, 0); }
static inline void fm_mcp_header_set_value_from_present(fm_mcp_header *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_mcp_server */
static inline bool fm_mcp_server_has_allowed_tools(const fm_mcp_server *p) { return fm_codec_has(p, 0); }
static inline void fm_mcp_server_set_allowed_tools_present(fm_mcp_server *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_mcp_server_has_headers(const fm_mcp_server *p) { return fm_codec_has(p, 1); }
static inline void fm_mcp_server_set_headers_present(fm_mcp_server *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_mcp_settings */
static inline bool fm_mcp_settings_has_enabled(const fm_mcp_settings *p) { return fm_codec_has(p, 0); }
static inline void fm_mcp_settings_set_enabled(fm_mcp_settings *p, bool v) { p->enabled = v; fm_codec_set_present(p, 0, true); }
static inline void fm_mcp_settings_clear_enabled(fm_mcp_settings *p) { memset(&p->enabled, 0, sizeof p->enabled); fm_codec_set_present(p, 0, false); }
static inline bool fm_mcp_settings_has_max_result_bytes(const fm_mcp_settings *p) { return fm_codec_has(p, 1); }
static inline void fm_mcp_settings_set_max_result_bytes(fm_mcp_settings *p, int64_t v) { p->max_result_bytes = v; fm_codec_set_present(p, 1, true); }
static inline void fm_mcp_settings_clear_max_result_bytes(fm_mcp_settings *p) { memset(&p->max_result_bytes, 0, sizeof p->max_result_bytes); fm_codec_set_present(p, 1, false); }
static inline bool fm_mcp_settings_has_servers(const fm_mcp_settings *p) { return fm_codec_has(p, 2); }
static inline void fm_mcp_settings_set_servers_present(fm_mcp_settings *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_provider_config */
static inline bool fm_provider_config_has_api_key_secret_ref(const fm_provider_config *p) { return fm_codec_has(p, 0); }
static inline void fm_provider_config_set_api_key_secret_ref_present(fm_provider_config *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_stuck_loop_detection */
static inline bool fm_stuck_loop_detection_has_context_hard_cap(const fm_stuck_loop_detection *p) { return fm_codec_has(p, 0); }
static inline void fm_stuck_loop_detection_set_context_hard_cap(fm_stuck_loop_detection *p, int32_t v) { p->context_hard_cap = v; fm_codec_set_present(p, 0, true); }
static inline void fm_stuck_loop_detection_clear_context_hard_cap(fm_stuck_loop_detection *p) { memset(&p->context_hard_cap, 0, sizeof p->context_hard_cap); fm_codec_set_present(p, 0, false); }
static inline bool fm_stuck_loop_detection_has_context_soft_cap(const fm_stuck_loop_detection *p) { return fm_codec_has(p, 1); }
static inline void fm_stuck_loop_detection_set_context_soft_cap(fm_stuck_loop_detection *p, int32_t v) { p->context_soft_cap = v; fm_codec_set_present(p, 1, true); }
static inline void fm_stuck_loop_detection_clear_context_soft_cap(fm_stuck_loop_detection *p) { memset(&p->context_soft_cap, 0, sizeof p->context_soft_cap); fm_codec_set_present(p, 1, false); }
static inline bool fm_stuck_loop_detection_has_edit_free_turns_limit(const fm_stuck_loop_detection *p) { return fm_codec_has(p, 2); }
static inline void fm_stuck_loop_detection_set_edit_free_turns_limit(fm_stuck_loop_detection *p, int32_t v) { p->edit_free_turns_limit = v; fm_codec_set_present(p, 2, true); }
static inline void fm_stuck_loop_detection_clear_edit_free_turns_limit(fm_stuck_loop_detection *p) { memset(&p->edit_free_turns_limit, 0, sizeof p->edit_free_turns_limit); fm_codec_set_present(p, 2, false); }
static inline bool fm_stuck_loop_detection_has_repeated_tool_threshold(const fm_stuck_loop_detection *p) { return fm_codec_has(p, 3); }
static inline void fm_stuck_loop_detection_set_repeated_tool_threshold(fm_stuck_loop_detection *p, int32_t v) { p->repeated_tool_threshold = v; fm_codec_set_present(p, 3, true); }
static inline void fm_stuck_loop_detection_clear_repeated_tool_threshold(fm_stuck_loop_detection *p) { memset(&p->repeated_tool_threshold, 0, sizeof p->repeated_tool_threshold); fm_codec_set_present(p, 3, false); }

/* fm_vision_settings */
static inline bool fm_vision_settings_has_enabled(const fm_vision_settings *p) { return fm_codec_has(p, 0); }
static inline void fm_vision_settings_set_enabled(fm_vision_settings *p, bool v) { p->enabled = v; fm_codec_set_present(p, 0, true); }
static inline void fm_vision_settings_clear_enabled(fm_vision_settings *p) { memset(&p->enabled, 0, sizeof p->enabled); fm_codec_set_present(p, 0, false); }
static inline bool fm_vision_settings_has_max_image_bytes(const fm_vision_settings *p) { return fm_codec_has(p, 1); }
static inline void fm_vision_settings_set_max_image_bytes(fm_vision_settings *p, int64_t v) { p->max_image_bytes = v; fm_codec_set_present(p, 1, true); }
static inline void fm_vision_settings_clear_max_image_bytes(fm_vision_settings *p) { memset(&p->max_image_bytes, 0, sizeof p->max_image_bytes); fm_codec_set_present(p, 1, false); }
static inline bool fm_vision_settings_has_max_images(const fm_vision_settings *p) { return fm_codec_has(p, 2); }
static inline void fm_vision_settings_set_max_images(fm_vision_settings *p, int32_t v) { p->max_images = v; fm_codec_set_present(p, 2, true); }
static inline void fm_vision_settings_clear_max_images(fm_vision_settings *p) { memset(&p->max_images, 0, sizeof p->max_images); fm_codec_set_present(p, 2, false); }

/* fm_agent_spec */
static inline bool fm_agent_spec_has_bash_timeout_seconds(const fm_agent_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_spec_set_bash_timeout_seconds(fm_agent_spec *p, int32_t v) { p->bash_timeout_seconds = v; fm_codec_set_present(p, 0, true); }
static inline void fm_agent_spec_clear_bash_timeout_seconds(fm_agent_spec *p) { memset(&p->bash_timeout_seconds, 0, sizeof p->bash_timeout_seconds); fm_codec_set_present(p, 0, false); }
static inline bool fm_agent_spec_has_chat_template_kwargs(const fm_agent_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_spec_set_chat_template_kwargs_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agent_spec_has_context_window_tokens(const fm_agent_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_agent_spec_set_context_window_tokens(fm_agent_spec *p, int32_t v) { p->context_window_tokens = v; fm_codec_set_present(p, 2, true); }
static inline void fm_agent_spec_clear_context_window_tokens(fm_agent_spec *p) { memset(&p->context_window_tokens, 0, sizeof p->context_window_tokens); fm_codec_set_present(p, 2, false); }
static inline bool fm_agent_spec_has_execution(const fm_agent_spec *p) { return fm_codec_has(p, 3); }
static inline void fm_agent_spec_set_execution_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 3, on); }
static inline bool fm_agent_spec_has_inference_service_ref(const fm_agent_spec *p) { return fm_codec_has(p, 4); }
static inline void fm_agent_spec_set_inference_service_ref_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 4, on); }
static inline bool fm_agent_spec_has_max_concurrent_tasks(const fm_agent_spec *p) { return fm_codec_has(p, 5); }
static inline void fm_agent_spec_set_max_concurrent_tasks(fm_agent_spec *p, int32_t v) { p->max_concurrent_tasks = v; fm_codec_set_present(p, 5, true); }
static inline void fm_agent_spec_clear_max_concurrent_tasks(fm_agent_spec *p) { memset(&p->max_concurrent_tasks, 0, sizeof p->max_concurrent_tasks); fm_codec_set_present(p, 5, false); }
static inline bool fm_agent_spec_has_max_envtest_iterations(const fm_agent_spec *p) { return fm_codec_has(p, 6); }
static inline void fm_agent_spec_set_max_envtest_iterations(fm_agent_spec *p, int32_t v) { p->max_envtest_iterations = v; fm_codec_set_present(p, 6, true); }
static inline void fm_agent_spec_clear_max_envtest_iterations(fm_agent_spec *p) { memset(&p->max_envtest_iterations, 0, sizeof p->max_envtest_iterations); fm_codec_set_present(p, 6, false); }
static inline bool fm_agent_spec_has_max_output_tokens(const fm_agent_spec *p) { return fm_codec_has(p, 7); }
static inline void fm_agent_spec_set_max_output_tokens(fm_agent_spec *p, int32_t v) { p->max_output_tokens = v; fm_codec_set_present(p, 7, true); }
static inline void fm_agent_spec_clear_max_output_tokens(fm_agent_spec *p) { memset(&p->max_output_tokens, 0, sizeof p->max_output_tokens); fm_codec_set_present(p, 7, false); }
static inline bool fm_agent_spec_has_max_retries(const fm_agent_spec *p) { return fm_codec_has(p, 8); }
static inline void fm_agent_spec_set_max_retries(fm_agent_spec *p, int32_t v) { p->max_retries = v; fm_codec_set_present(p, 8, true); }
static inline void fm_agent_spec_clear_max_retries(fm_agent_spec *p) { memset(&p->max_retries, 0, sizeof p->max_retries); fm_codec_set_present(p, 8, false); }
static inline bool fm_agent_spec_has_max_turns(const fm_agent_spec *p) { return fm_codec_has(p, 9); }
static inline void fm_agent_spec_set_max_turns(fm_agent_spec *p, int32_t v) { p->max_turns = v; fm_codec_set_present(p, 9, true); }
static inline void fm_agent_spec_clear_max_turns(fm_agent_spec *p) { memset(&p->max_turns, 0, sizeof p->max_turns); fm_codec_set_present(p, 9, false); }
static inline bool fm_agent_spec_has_mcp(const fm_agent_spec *p) { return fm_codec_has(p, 10); }
static inline void fm_agent_spec_set_mcp_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 10, on); }
static inline bool fm_agent_spec_has_observation_window_turns(const fm_agent_spec *p) { return fm_codec_has(p, 11); }
static inline void fm_agent_spec_set_observation_window_turns(fm_agent_spec *p, int32_t v) { p->observation_window_turns = v; fm_codec_set_present(p, 11, true); }
static inline void fm_agent_spec_clear_observation_window_turns(fm_agent_spec *p) { memset(&p->observation_window_turns, 0, sizeof p->observation_window_turns); fm_codec_set_present(p, 11, false); }
static inline bool fm_agent_spec_has_provider_config(const fm_agent_spec *p) { return fm_codec_has(p, 12); }
static inline void fm_agent_spec_set_provider_config_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 12, on); }
static inline bool fm_agent_spec_has_request_timeout_seconds(const fm_agent_spec *p) { return fm_codec_has(p, 13); }
static inline void fm_agent_spec_set_request_timeout_seconds(fm_agent_spec *p, int32_t v) { p->request_timeout_seconds = v; fm_codec_set_present(p, 13, true); }
static inline void fm_agent_spec_clear_request_timeout_seconds(fm_agent_spec *p) { memset(&p->request_timeout_seconds, 0, sizeof p->request_timeout_seconds); fm_codec_set_present(p, 13, false); }
static inline bool fm_agent_spec_has_request_turn_timeout_seconds(const fm_agent_spec *p) { return fm_codec_has(p, 14); }
static inline void fm_agent_spec_set_request_turn_timeout_seconds(fm_agent_spec *p, int32_t v) { p->request_turn_timeout_seconds = v; fm_codec_set_present(p, 14, true); }
static inline void fm_agent_spec_clear_request_turn_timeout_seconds(fm_agent_spec *p) { memset(&p->request_turn_timeout_seconds, 0, sizeof p->request_turn_timeout_seconds); fm_codec_set_present(p, 14, false); }
static inline bool fm_agent_spec_has_required_capability(const fm_agent_spec *p) { return fm_codec_has(p, 15); }
static inline void fm_agent_spec_set_required_capability_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 15, on); }
static inline bool fm_agent_spec_has_stuck_loop_detection(const fm_agent_spec *p) { return fm_codec_has(p, 16); }
static inline void fm_agent_spec_set_stuck_loop_detection_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 16, on); }
static inline bool fm_agent_spec_has_tools(const fm_agent_spec *p) { return fm_codec_has(p, 17); }
static inline void fm_agent_spec_set_tools_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 17, on); }
static inline bool fm_agent_spec_has_vision(const fm_agent_spec *p) { return fm_codec_has(p, 18); }
static inline void fm_agent_spec_set_vision_present(fm_agent_spec *p, bool on) { fm_codec_set_present(p, 18, on); }

/* fm_agent_status */
static inline bool fm_agent_status_has_conditions(const fm_agent_status *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_status_set_conditions_present(fm_agent_status *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_status_has_observed_generation(const fm_agent_status *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_status_set_observed_generation(fm_agent_status *p, int64_t v) { p->observed_generation = v; fm_codec_set_present(p, 1, true); }
static inline void fm_agent_status_clear_observed_generation(fm_agent_status *p) { memset(&p->observed_generation, 0, sizeof p->observed_generation); fm_codec_set_present(p, 1, false); }

/* fm_model_profile_spec */
static inline bool fm_model_profile_spec_has_restrict_reads_in_forcing_phase(const fm_model_profile_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_model_profile_spec_set_restrict_reads_in_forcing_phase(fm_model_profile_spec *p, bool v) { p->restrict_reads_in_forcing_phase = v; fm_codec_set_present(p, 0, true); }
static inline void fm_model_profile_spec_clear_restrict_reads_in_forcing_phase(fm_model_profile_spec *p) { memset(&p->restrict_reads_in_forcing_phase, 0, sizeof p->restrict_reads_in_forcing_phase); fm_codec_set_present(p, 0, false); }
static inline bool fm_model_profile_spec_has_stuck_loop_detection(const fm_model_profile_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_model_profile_spec_set_stuck_loop_detection_present(fm_model_profile_spec *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_model_profile_status */
static inline bool fm_model_profile_status_has_conditions(const fm_model_profile_status *p) { return fm_codec_has(p, 0); }
static inline void fm_model_profile_status_set_conditions_present(fm_model_profile_status *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_model_profile_status_has_observed_generation(const fm_model_profile_status *p) { return fm_codec_has(p, 1); }
static inline void fm_model_profile_status_set_observed_generation(fm_model_profile_status *p, int64_t v) { p->observed_generation = v; fm_codec_set_present(p, 1, true); }
static inline void fm_model_profile_status_clear_observed_generation(fm_model_profile_status *p) { memset(&p->observed_generation, 0, sizeof p->observed_generation); fm_codec_set_present(p, 1, false); }

/* fm_health_gate */
static inline bool fm_health_gate_has_min_healthy_seconds(const fm_health_gate *p) { return fm_codec_has(p, 0); }
static inline void fm_health_gate_set_min_healthy_seconds(fm_health_gate *p, int32_t v) { p->min_healthy_seconds = v; fm_codec_set_present(p, 0, true); }
static inline void fm_health_gate_clear_min_healthy_seconds(fm_health_gate *p) { memset(&p->min_healthy_seconds, 0, sizeof p->min_healthy_seconds); fm_codec_set_present(p, 0, false); }
static inline bool fm_health_gate_has_timeout_seconds(const fm_health_gate *p) { return fm_codec_has(p, 1); }
static inline void fm_health_gate_set_timeout_seconds(fm_health_gate *p, int32_t v) { p->timeout_seconds = v; fm_codec_set_present(p, 1, true); }
static inline void fm_health_gate_clear_timeout_seconds(fm_health_gate *p) { memset(&p->timeout_seconds, 0, sizeof p->timeout_seconds); fm_codec_set_present(p, 1, false); }

/* fm_label_selector_requirement */
static inline bool fm_label_selector_requirement_has_values(const fm_label_selector_requirement *p) { return fm_codec_has(p, 0); }
static inline void fm_label_selector_requirement_set_values_present(fm_label_selector_requirement *p, bool on) { fm_codec_set_present(p, 0, on); }

/* fm_label_selector */
static inline bool fm_label_selector_has_match_expressions(const fm_label_selector *p) { return fm_codec_has(p, 0); }
static inline void fm_label_selector_set_match_expressions_present(fm_label_selector *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_label_selector_has_match_labels(const fm_label_selector *p) { return fm_codec_has(p, 1); }
static inline void fm_label_selector_set_match_labels_present(fm_label_selector *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_agent_release_spec */
static inline bool fm_agent_release_spec_has_approved(const fm_agent_release_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_release_spec_set_approved(fm_agent_release_spec *p, bool v) { p->approved = v; fm_codec_set_present(p, 0, true); }
static inline void fm_agent_release_spec_clear_approved(fm_agent_release_spec *p) { memset(&p->approved, 0, sizeof p->approved); fm_codec_set_present(p, 0, false); }
static inline bool fm_agent_release_spec_has_artifacts(const fm_agent_release_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_release_spec_set_artifacts_present(fm_agent_release_spec *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agent_release_spec_has_concurrency(const fm_agent_release_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_agent_release_spec_set_concurrency(fm_agent_release_spec *p, int32_t v) { p->concurrency = v; fm_codec_set_present(p, 2, true); }
static inline void fm_agent_release_spec_clear_concurrency(fm_agent_release_spec *p) { memset(&p->concurrency, 0, sizeof p->concurrency); fm_codec_set_present(p, 2, false); }
static inline bool fm_agent_release_spec_has_health_gate(const fm_agent_release_spec *p) { return fm_codec_has(p, 3); }
static inline void fm_agent_release_spec_set_health_gate_present(fm_agent_release_spec *p, bool on) { fm_codec_set_present(p, 3, on); }
static inline bool fm_agent_release_spec_has_paused(const fm_agent_release_spec *p) { return fm_codec_has(p, 4); }
static inline void fm_agent_release_spec_set_paused(fm_agent_release_spec *p, bool v) { p->paused = v; fm_codec_set_present(p, 4, true); }
static inline void fm_agent_release_spec_clear_paused(fm_agent_release_spec *p) { memset(&p->paused, 0, sizeof p->paused); fm_codec_set_present(p, 4, false); }
static inline bool fm_agent_release_spec_has_selector(const fm_agent_release_spec *p) { return fm_codec_has(p, 5); }
static inline void fm_agent_release_spec_set_selector_present(fm_agent_release_spec *p, bool on) { fm_codec_set_present(p, 5, on); }

/* fm_node_update_status */
static inline bool fm_node_update_status_has_dispatched_at(const fm_node_update_status *p) { return fm_codec_has(p, 0); }
static inline void fm_node_update_status_set_dispatched_at(fm_node_update_status *p, fm_time v) { p->dispatched_at = v; fm_codec_set_present(p, 0, true); }
static inline void fm_node_update_status_clear_dispatched_at(fm_node_update_status *p) { memset(&p->dispatched_at, 0, sizeof p->dispatched_at); fm_codec_set_present(p, 0, false); }
static inline bool fm_node_update_status_has_last_transition_time(const fm_node_update_status *p) { return fm_codec_has(p, 1); }
static inline void fm_node_update_status_set_last_transition_time(fm_node_update_status *p, fm_time v) { p->last_transition_time = v; fm_codec_set_present(p, 1, true); }
static inline void fm_node_update_status_clear_last_transition_time(fm_node_update_status *p) { memset(&p->last_transition_time, 0, sizeof p->last_transition_time); fm_codec_set_present(p, 1, false); }

/* fm_agent_release_status */
static inline bool fm_agent_release_status_has_conditions(const fm_agent_release_status *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_release_status_set_conditions_present(fm_agent_release_status *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_release_status_has_in_flight_nodes(const fm_agent_release_status *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_release_status_set_in_flight_nodes_present(fm_agent_release_status *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agent_release_status_has_node_statuses(const fm_agent_release_status *p) { return fm_codec_has(p, 2); }
static inline void fm_agent_release_status_set_node_statuses_present(fm_agent_release_status *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_agent_release_status_has_observed_generation(const fm_agent_release_status *p) { return fm_codec_has(p, 3); }
static inline void fm_agent_release_status_set_observed_generation(fm_agent_release_status *p, int64_t v) { p->observed_generation = v; fm_codec_set_present(p, 3, true); }
static inline void fm_agent_release_status_clear_observed_generation(fm_agent_release_status *p) { memset(&p->observed_generation, 0, sizeof p->observed_generation); fm_codec_set_present(p, 3, false); }
static inline bool fm_agent_release_status_has_target_nodes(const fm_agent_release_status *p) { return fm_codec_has(p, 4); }
static inline void fm_agent_release_status_set_target_nodes(fm_agent_release_status *p, int32_t v) { p->target_nodes = v; fm_codec_set_present(p, 4, true); }
static inline void fm_agent_release_status_clear_target_nodes(fm_agent_release_status *p) { memset(&p->target_nodes, 0, sizeof p->target_nodes); fm_codec_set_present(p, 4, false); }
static inline bool fm_agent_release_status_has_updated_nodes(const fm_agent_release_status *p) { return fm_codec_has(p, 5); }
static inline void fm_agent_release_status_set_updated_nodes(fm_agent_release_status *p, int32_t v) { p->updated_nodes = v; fm_codec_set_present(p, 5, true); }
static inline void fm_agent_release_status_clear_updated_nodes(fm_agent_release_status *p) { memset(&p->updated_nodes, 0, sizeof p->updated_nodes); fm_codec_set_present(p, 5, false); }

/* fm_fleet_node */
static inline bool fm_fleet_node_has_metadata(const fm_fleet_node *p) { return fm_codec_has(p, 0); }
static inline void fm_fleet_node_set_metadata_present(fm_fleet_node *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_has_spec(const fm_fleet_node *p) { return fm_codec_has(p, 1); }
static inline void fm_fleet_node_set_spec_present(fm_fleet_node *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_fleet_node_has_status(const fm_fleet_node *p) { return fm_codec_has(p, 2); }
static inline void fm_fleet_node_set_status_present(fm_fleet_node *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_fleet_node_list */
static inline bool fm_fleet_node_list_has_metadata(const fm_fleet_node_list *p) { return fm_codec_has(p, 0); }
static inline void fm_fleet_node_list_set_metadata_present(fm_fleet_node_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_list_has_items(const fm_fleet_node_list *p) { return fm_codec_has(p, 1); }
static inline void fm_fleet_node_list_set_items_present(fm_fleet_node_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_agentic_task */
static inline bool fm_agentic_task_has_metadata(const fm_agentic_task *p) { return fm_codec_has(p, 0); }
static inline void fm_agentic_task_set_metadata_present(fm_agentic_task *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_has_spec(const fm_agentic_task *p) { return fm_codec_has(p, 1); }
static inline void fm_agentic_task_set_spec_present(fm_agentic_task *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agentic_task_has_status(const fm_agentic_task *p) { return fm_codec_has(p, 2); }
static inline void fm_agentic_task_set_status_present(fm_agentic_task *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_agentic_task_list */
static inline bool fm_agentic_task_list_has_metadata(const fm_agentic_task_list *p) { return fm_codec_has(p, 0); }
static inline void fm_agentic_task_list_set_metadata_present(fm_agentic_task_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_list_has_items(const fm_agentic_task_list *p) { return fm_codec_has(p, 1); }
static inline void fm_agentic_task_list_set_items_present(fm_agentic_task_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_workload */
static inline bool fm_workload_has_metadata(const fm_workload *p) { return fm_codec_has(p, 0); }
static inline void fm_workload_set_metadata_present(fm_workload *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_workload_has_spec(const fm_workload *p) { return fm_codec_has(p, 1); }
static inline void fm_workload_set_spec_present(fm_workload *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_workload_has_status(const fm_workload *p) { return fm_codec_has(p, 2); }
static inline void fm_workload_set_status_present(fm_workload *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_workload_list */
static inline bool fm_workload_list_has_metadata(const fm_workload_list *p) { return fm_codec_has(p, 0); }
static inline void fm_workload_list_set_metadata_present(fm_workload_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_workload_list_has_items(const fm_workload_list *p) { return fm_codec_has(p, 1); }
static inline void fm_workload_list_set_items_present(fm_workload_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_agent */
static inline bool fm_agent_has_metadata(const fm_agent *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_set_metadata_present(fm_agent *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_has_spec(const fm_agent *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_set_spec_present(fm_agent *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agent_has_status(const fm_agent *p) { return fm_codec_has(p, 2); }
static inline void fm_agent_set_status_present(fm_agent *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_agent_list */
static inline bool fm_agent_list_has_metadata(const fm_agent_list *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_list_set_metadata_present(fm_agent_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_list_has_items(const fm_agent_list *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_list_set_items_present(fm_agent_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_model_profile */
static inline bool fm_model_profile_has_metadata(const fm_model_profile *p) { return fm_codec_has(p, 0); }
static inline void fm_model_profile_set_metadata_present(fm_model_profile *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_model_profile_has_spec(const fm_model_profile *p) { return fm_codec_has(p, 1); }
static inline void fm_model_profile_set_spec_present(fm_model_profile *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_model_profile_has_status(const fm_model_profile *p) { return fm_codec_has(p, 2); }
static inline void fm_model_profile_set_status_present(fm_model_profile *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_model_profile_list */
static inline bool fm_model_profile_list_has_metadata(const fm_model_profile_list *p) { return fm_codec_has(p, 0); }
static inline void fm_model_profile_list_set_metadata_present(fm_model_profile_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_model_profile_list_has_items(const fm_model_profile_list *p) { return fm_codec_has(p, 1); }
static inline void fm_model_profile_list_set_items_present(fm_model_profile_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_agent_release */
static inline bool fm_agent_release_has_metadata(const fm_agent_release *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_release_set_metadata_present(fm_agent_release *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_release_has_spec(const fm_agent_release *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_release_set_spec_present(fm_agent_release *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_agent_release_has_status(const fm_agent_release *p) { return fm_codec_has(p, 2); }
static inline void fm_agent_release_set_status_present(fm_agent_release *p, bool on) { fm_codec_set_present(p, 2, on); }

/* fm_agent_release_list */
static inline bool fm_agent_release_list_has_metadata(const fm_agent_release_list *p) { return fm_codec_has(p, 0); }
static inline void fm_agent_release_list_set_metadata_present(fm_agent_release_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_agent_release_list_has_items(const fm_agent_release_list *p) { return fm_codec_has(p, 1); }
static inline void fm_agent_release_list_set_items_present(fm_agent_release_list *p, bool on) { fm_codec_set_present(p, 1, on); }

#ifdef __cplusplus
}
#endif
#endif

/* Generated from schema/foreman.v1alpha1.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * foreman_v1alpha1.h - C types of foreman.llmkube.dev/v1alpha1: one struct per schema type,
 * the descriptor tables the codec engine (runtime/codec.h) walks, typed
 * wrappers per kind and presence accessors per optional field.
 *
 * Layout rules are those of runtime/codec.h: every struct starts with a
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

/* ------------------------------------------------------------------ enums */

/* What sort of work an agentic task asks for. */
typedef int32_t fm_task_kind;
enum fm_task_kind_value {
    FM_TASK_KIND_UNSET = 0,
    FM_TASK_KIND_ISSUE_FIX = 1, /* issue-fix */
    FM_TASK_KIND_VERIFY = 2, /* verify */
    FM_TASK_KIND_FREEFORM = 3, /* freeform */
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

/* ------------------------------------------------------ forward typedefs */
typedef struct fm_fleet_node_spec fm_fleet_node_spec;
typedef struct fm_gpu_info fm_gpu_info;
typedef struct fm_capability fm_capability;
typedef struct fm_fleet_node_status fm_fleet_node_status;
typedef struct fm_task_payload fm_task_payload;
typedef struct fm_required_capability fm_required_capability;
typedef struct fm_agentic_task_spec fm_agentic_task_spec;
typedef struct fm_agentic_task_status fm_agentic_task_status;
typedef struct fm_pipeline_step fm_pipeline_step;
typedef struct fm_workload_spec fm_workload_spec;
typedef struct fm_workload_status fm_workload_status;
typedef struct fm_fleet_node fm_fleet_node;
typedef struct fm_fleet_node_list fm_fleet_node_list;
typedef struct fm_agentic_task fm_agentic_task;
typedef struct fm_agentic_task_list fm_agentic_task_list;
typedef struct fm_workload fm_workload;
typedef struct fm_workload_list fm_workload_list;

/* ------------------------------------------------------------ list types */
typedef struct fm_string_list {
    char **items;
    size_t len;
} fm_string_list;
typedef struct fm_gpu_info_list {
    fm_gpu_info *items;
    size_t len;
} fm_gpu_info_list;
typedef struct fm_pipeline_step_list {
    fm_pipeline_step *items;
    size_t len;
} fm_pipeline_step_list;
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

/* ---------------------------------------------------------------- structs */

/*
 * How a host presents itself to the fleet. Written by the foreman-agent
 * running on the host from its command-line flags.
 */
struct fm_fleet_node_spec {
    uint32_t _present[1];
    char *node_name; /* required: Host name of the machine the agent runs on. */
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

/* Live state of a node, refreshed by its agent on every heartbeat. */
struct fm_fleet_node_status {
    uint32_t _present[1];
    fm_node_phase phase; /* fm_node_phase: Health derived from heartbeats and the agent's own reports. */
    fm_time last_heartbeat_time; /* bit 0: When the agent last reported in. */
    fm_capability capability; /* bit 1: Resources the node offers at present. */
    char *current_task; /* Name of the task the node is busy with, empty when idle. */
    k8s_condition_list conditions; /* bit 2: Detailed observations about the node, one per condition type. */
    char *agent_version; /* addition: Version of the foreman-agent binary reporting this status. */
    char *os; /* addition: Operating system of the host (linux, darwin). */
    char *arch; /* addition: CPU architecture of the host (amd64, arm64). */
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
    char *_unknown;
};
extern const fm_struct_desc fm_task_payload_desc;

/* Conditions a node must meet before the scheduler assigns a task to it. */
struct fm_required_capability {
    uint32_t _present[1];
    fm_required_accelerator accelerator; /* fm_required_accelerator: Accelerator the node must have; any matches all nodes. */
    int32_t min_ram_gb; /* bit 0: Least available memory, in GiB, the node must report. */
    int32_t min_context_tokens; /* bit 1: Smallest context window the node must support. */
    fm_strmap node_selector; /* bit 2: Labels the FleetNode object must carry, all with equal values. */
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
    k8s_condition_list conditions; /* bit 3: Detailed observations about the task, one per condition type. */
    char *_unknown;
};
extern const fm_struct_desc fm_agentic_task_status_desc;

/*
 * One task of an explicit pipeline. The operator creates an AgenticTask per
 * step, named after the workload and the step.
 */
struct fm_pipeline_step {
    uint32_t _present[1];
    char *name; /* required: Step name, unique in the pipeline; a DNS label. */
    fm_task_kind kind; /* fm_task_kind: Sort of work the step's task does. */
    fm_task_payload payload; /* bit 0: Inputs for the step's executor. */
    fm_required_capability required_capability; /* bit 1: Constraints on the node that may run the step. */
    fm_string_list depends_on; /* bit 2: Names of steps that must succeed before this one starts. */
    int32_t timeout_seconds; /* bit 3: Longest run time of the step's task; 0 means the default. */
    int32_t priority; /* bit 4: Scheduling priority of the step's task. */
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
    char *_unknown;
};
extern const fm_struct_desc fm_workload_spec_desc;

/* Progress of a workload and the tasks it created. */
struct fm_workload_status {
    uint32_t _present[1];
    fm_workload_phase phase; /* fm_workload_phase: Current step of the workload. */
    char *planner_model; /* Model that actually planned the workload. */
    k8s_object_reference_list tasks; /* bit 0: The AgenticTasks created for this workload. */
    int32_t succeeded_tasks; /* bit 1: Number of tasks that finished successfully. */
    int32_t failed_tasks; /* bit 2: Number of tasks that failed. */
    k8s_condition_list conditions; /* bit 3: Detailed observations about the workload, one per condition type. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_status_desc;

/*
 * A host in the fleet that can run agentic tasks. Each foreman-agent creates
 * and maintains the FleetNode for its own host.
 */
struct fm_fleet_node {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: foreman.llmkube.dev/v1alpha1. */
    char *kind; /* Kind of this object: FleetNode. */
    k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
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
    k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
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
    k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
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
    k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
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
    k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
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
    k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_workload_items items; /* bit 1, required: The Workload objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_workload_list_desc;

/* ------------------------------------------------------------------ kinds */
extern const fm_kind_desc fm_agentic_task_kind;
extern const fm_kind_desc fm_fleet_node_kind;
extern const fm_kind_desc fm_workload_kind;
#define FM_ALL_KINDS_COUNT 3
/* Every resource kind of this file, sorted by kind name. */
extern const fm_kind_desc *const fm_all_kinds[FM_ALL_KINDS_COUNT];
extern const size_t fm_all_kinds_count;

/* -------------------------------------------------------- typed wrappers */

/* fm_agentic_task: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agentic_task_decode(fm_agentic_task **out, const char *buf, size_t len);
int fm_agentic_task_encode(fm_buf *out, const fm_agentic_task *obj);
int fm_agentic_task_copy(fm_agentic_task **out, const fm_agentic_task *src);
void fm_agentic_task_free(fm_agentic_task *obj);
bool fm_agentic_task_equal(const fm_agentic_task *a, const fm_agentic_task *b);
int fm_agentic_task_merge_patch(fm_buf *out, const fm_agentic_task *old_obj, const fm_agentic_task *new_obj,
        const char *resource_version);

/* fm_agentic_task_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_agentic_task_list_decode(fm_agentic_task_list **out, const char *buf, size_t len);
int fm_agentic_task_list_encode(fm_buf *out, const fm_agentic_task_list *obj);
int fm_agentic_task_list_copy(fm_agentic_task_list **out, const fm_agentic_task_list *src);
void fm_agentic_task_list_free(fm_agentic_task_list *obj);
bool fm_agentic_task_list_equal(const fm_agentic_task_list *a, const fm_agentic_task_list *b);
int fm_agentic_task_list_merge_patch(fm_buf *out, const fm_agentic_task_list *old_obj, const fm_agentic_task_list *new_obj,
        const char *resource_version);

/* fm_fleet_node: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_fleet_node_decode(fm_fleet_node **out, const char *buf, size_t len);
int fm_fleet_node_encode(fm_buf *out, const fm_fleet_node *obj);
int fm_fleet_node_copy(fm_fleet_node **out, const fm_fleet_node *src);
void fm_fleet_node_free(fm_fleet_node *obj);
bool fm_fleet_node_equal(const fm_fleet_node *a, const fm_fleet_node *b);
int fm_fleet_node_merge_patch(fm_buf *out, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
        const char *resource_version);

/* fm_fleet_node_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_fleet_node_list_decode(fm_fleet_node_list **out, const char *buf, size_t len);
int fm_fleet_node_list_encode(fm_buf *out, const fm_fleet_node_list *obj);
int fm_fleet_node_list_copy(fm_fleet_node_list **out, const fm_fleet_node_list *src);
void fm_fleet_node_list_free(fm_fleet_node_list *obj);
bool fm_fleet_node_list_equal(const fm_fleet_node_list *a, const fm_fleet_node_list *b);
int fm_fleet_node_list_merge_patch(fm_buf *out, const fm_fleet_node_list *old_obj, const fm_fleet_node_list *new_obj,
        const char *resource_version);

/* fm_workload: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_workload_decode(fm_workload **out, const char *buf, size_t len);
int fm_workload_encode(fm_buf *out, const fm_workload *obj);
int fm_workload_copy(fm_workload **out, const fm_workload *src);
void fm_workload_free(fm_workload *obj);
bool fm_workload_equal(const fm_workload *a, const fm_workload *b);
int fm_workload_merge_patch(fm_buf *out, const fm_workload *old_obj, const fm_workload *new_obj,
        const char *resource_version);

/* fm_workload_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_workload_list_decode(fm_workload_list **out, const char *buf, size_t len);
int fm_workload_list_encode(fm_buf *out, const fm_workload_list *obj);
int fm_workload_list_copy(fm_workload_list **out, const fm_workload_list *src);
void fm_workload_list_free(fm_workload_list *obj);
bool fm_workload_list_equal(const fm_workload_list *a, const fm_workload_list *b);
int fm_workload_list_merge_patch(fm_buf *out, const fm_workload_list *old_obj, const fm_workload_list *new_obj,
        const char *resource_version);

/* ------------------------------------------------------ presence accessors */

/* fm_fleet_node_spec */
static inline bool fm_fleet_node_spec_has_roles(const fm_fleet_node_spec *p) { return codec_has(p, 0); }
static inline void fm_fleet_node_spec_set_roles_present(fm_fleet_node_spec *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_spec_has_max_concurrent_tasks(const fm_fleet_node_spec *p) { return codec_has(p, 1); }
static inline void fm_fleet_node_spec_set_max_concurrent_tasks(fm_fleet_node_spec *p, int32_t v) { p->max_concurrent_tasks = v; codec_set_present(p, 1, true); }
static inline void fm_fleet_node_spec_clear_max_concurrent_tasks(fm_fleet_node_spec *p) { memset(&p->max_concurrent_tasks, 0, sizeof p->max_concurrent_tasks); codec_set_present(p, 1, false); }
static inline bool fm_fleet_node_spec_has_task_namespaces(const fm_fleet_node_spec *p) { return codec_has(p, 2); }
static inline void fm_fleet_node_spec_set_task_namespaces_present(fm_fleet_node_spec *p, bool on) { codec_set_present(p, 2, on); }

/* fm_gpu_info */
static inline bool fm_gpu_info_has_index(const fm_gpu_info *p) { return codec_has(p, 0); }
static inline void fm_gpu_info_set_index(fm_gpu_info *p, int32_t v) { p->index = v; codec_set_present(p, 0, true); }
static inline void fm_gpu_info_clear_index(fm_gpu_info *p) { memset(&p->index, 0, sizeof p->index); codec_set_present(p, 0, false); }
static inline bool fm_gpu_info_has_memory_mib(const fm_gpu_info *p) { return codec_has(p, 1); }
static inline void fm_gpu_info_set_memory_mib(fm_gpu_info *p, int64_t v) { p->memory_mib = v; codec_set_present(p, 1, true); }
static inline void fm_gpu_info_clear_memory_mib(fm_gpu_info *p) { memset(&p->memory_mib, 0, sizeof p->memory_mib); codec_set_present(p, 1, false); }
static inline bool fm_gpu_info_has_free_memory_mib(const fm_gpu_info *p) { return codec_has(p, 2); }
static inline void fm_gpu_info_set_free_memory_mib(fm_gpu_info *p, int64_t v) { p->free_memory_mib = v; codec_set_present(p, 2, true); }
static inline void fm_gpu_info_clear_free_memory_mib(fm_gpu_info *p) { memset(&p->free_memory_mib, 0, sizeof p->free_memory_mib); codec_set_present(p, 2, false); }

/* fm_capability */
static inline bool fm_capability_has_total_ram_gb(const fm_capability *p) { return codec_has(p, 0); }
static inline void fm_capability_set_total_ram_gb(fm_capability *p, int32_t v) { p->total_ram_gb = v; codec_set_present(p, 0, true); }
static inline void fm_capability_clear_total_ram_gb(fm_capability *p) { memset(&p->total_ram_gb, 0, sizeof p->total_ram_gb); codec_set_present(p, 0, false); }
static inline bool fm_capability_has_available_ram_gb(const fm_capability *p) { return codec_has(p, 1); }
static inline void fm_capability_set_available_ram_gb(fm_capability *p, int32_t v) { p->available_ram_gb = v; codec_set_present(p, 1, true); }
static inline void fm_capability_clear_available_ram_gb(fm_capability *p) { memset(&p->available_ram_gb, 0, sizeof p->available_ram_gb); codec_set_present(p, 1, false); }
static inline bool fm_capability_has_max_context_tokens(const fm_capability *p) { return codec_has(p, 2); }
static inline void fm_capability_set_max_context_tokens(fm_capability *p, int32_t v) { p->max_context_tokens = v; codec_set_present(p, 2, true); }
static inline void fm_capability_clear_max_context_tokens(fm_capability *p) { memset(&p->max_context_tokens, 0, sizeof p->max_context_tokens); codec_set_present(p, 2, false); }
static inline bool fm_capability_has_tokens_per_second(const fm_capability *p) { return codec_has(p, 3); }
static inline void fm_capability_set_tokens_per_second(fm_capability *p, int32_t v) { p->tokens_per_second = v; codec_set_present(p, 3, true); }
static inline void fm_capability_clear_tokens_per_second(fm_capability *p) { memset(&p->tokens_per_second, 0, sizeof p->tokens_per_second); codec_set_present(p, 3, false); }
static inline bool fm_capability_has_installed_models(const fm_capability *p) { return codec_has(p, 4); }
static inline void fm_capability_set_installed_models_present(fm_capability *p, bool on) { codec_set_present(p, 4, on); }
static inline bool fm_capability_has_gpus(const fm_capability *p) { return codec_has(p, 5); }
static inline void fm_capability_set_gpus_present(fm_capability *p, bool on) { codec_set_present(p, 5, on); }

/* fm_fleet_node_status */
static inline bool fm_fleet_node_status_has_last_heartbeat_time(const fm_fleet_node_status *p) { return codec_has(p, 0); }
static inline void fm_fleet_node_status_set_last_heartbeat_time(fm_fleet_node_status *p, fm_time v) { p->last_heartbeat_time = v; codec_set_present(p, 0, true); }
static inline void fm_fleet_node_status_clear_last_heartbeat_time(fm_fleet_node_status *p) { memset(&p->last_heartbeat_time, 0, sizeof p->last_heartbeat_time); codec_set_present(p, 0, false); }
static inline bool fm_fleet_node_status_has_capability(const fm_fleet_node_status *p) { return codec_has(p, 1); }
static inline void fm_fleet_node_status_set_capability_present(fm_fleet_node_status *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_fleet_node_status_has_conditions(const fm_fleet_node_status *p) { return codec_has(p, 2); }
static inline void fm_fleet_node_status_set_conditions_present(fm_fleet_node_status *p, bool on) { codec_set_present(p, 2, on); }

/* fm_task_payload */
static inline bool fm_task_payload_has_issue(const fm_task_payload *p) { return codec_has(p, 0); }
static inline void fm_task_payload_set_issue(fm_task_payload *p, int32_t v) { p->issue = v; codec_set_present(p, 0, true); }
static inline void fm_task_payload_clear_issue(fm_task_payload *p) { memset(&p->issue, 0, sizeof p->issue); codec_set_present(p, 0, false); }

/* fm_required_capability */
static inline bool fm_required_capability_has_min_ram_gb(const fm_required_capability *p) { return codec_has(p, 0); }
static inline void fm_required_capability_set_min_ram_gb(fm_required_capability *p, int32_t v) { p->min_ram_gb = v; codec_set_present(p, 0, true); }
static inline void fm_required_capability_clear_min_ram_gb(fm_required_capability *p) { memset(&p->min_ram_gb, 0, sizeof p->min_ram_gb); codec_set_present(p, 0, false); }
static inline bool fm_required_capability_has_min_context_tokens(const fm_required_capability *p) { return codec_has(p, 1); }
static inline void fm_required_capability_set_min_context_tokens(fm_required_capability *p, int32_t v) { p->min_context_tokens = v; codec_set_present(p, 1, true); }
static inline void fm_required_capability_clear_min_context_tokens(fm_required_capability *p) { memset(&p->min_context_tokens, 0, sizeof p->min_context_tokens); codec_set_present(p, 1, false); }
static inline bool fm_required_capability_has_node_selector(const fm_required_capability *p) { return codec_has(p, 2); }
static inline void fm_required_capability_set_node_selector_present(fm_required_capability *p, bool on) { codec_set_present(p, 2, on); }

/* fm_agentic_task_spec */
static inline bool fm_agentic_task_spec_has_payload(const fm_agentic_task_spec *p) { return codec_has(p, 0); }
static inline void fm_agentic_task_spec_set_payload_present(fm_agentic_task_spec *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_spec_has_required_capability(const fm_agentic_task_spec *p) { return codec_has(p, 1); }
static inline void fm_agentic_task_spec_set_required_capability_present(fm_agentic_task_spec *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_agentic_task_spec_has_depends_on(const fm_agentic_task_spec *p) { return codec_has(p, 2); }
static inline void fm_agentic_task_spec_set_depends_on_present(fm_agentic_task_spec *p, bool on) { codec_set_present(p, 2, on); }
static inline bool fm_agentic_task_spec_has_priority(const fm_agentic_task_spec *p) { return codec_has(p, 3); }
static inline void fm_agentic_task_spec_set_priority(fm_agentic_task_spec *p, int32_t v) { p->priority = v; codec_set_present(p, 3, true); }
static inline void fm_agentic_task_spec_clear_priority(fm_agentic_task_spec *p) { memset(&p->priority, 0, sizeof p->priority); codec_set_present(p, 3, false); }
static inline bool fm_agentic_task_spec_has_timeout_seconds(const fm_agentic_task_spec *p) { return codec_has(p, 4); }
static inline void fm_agentic_task_spec_set_timeout_seconds(fm_agentic_task_spec *p, int32_t v) { p->timeout_seconds = v; codec_set_present(p, 4, true); }
static inline void fm_agentic_task_spec_clear_timeout_seconds(fm_agentic_task_spec *p) { memset(&p->timeout_seconds, 0, sizeof p->timeout_seconds); codec_set_present(p, 4, false); }

/* fm_agentic_task_status */
static inline bool fm_agentic_task_status_has_claimed_at(const fm_agentic_task_status *p) { return codec_has(p, 0); }
static inline void fm_agentic_task_status_set_claimed_at(fm_agentic_task_status *p, fm_time v) { p->claimed_at = v; codec_set_present(p, 0, true); }
static inline void fm_agentic_task_status_clear_claimed_at(fm_agentic_task_status *p) { memset(&p->claimed_at, 0, sizeof p->claimed_at); codec_set_present(p, 0, false); }
static inline bool fm_agentic_task_status_has_started_at(const fm_agentic_task_status *p) { return codec_has(p, 1); }
static inline void fm_agentic_task_status_set_started_at(fm_agentic_task_status *p, fm_time v) { p->started_at = v; codec_set_present(p, 1, true); }
static inline void fm_agentic_task_status_clear_started_at(fm_agentic_task_status *p) { memset(&p->started_at, 0, sizeof p->started_at); codec_set_present(p, 1, false); }
static inline bool fm_agentic_task_status_has_finished_at(const fm_agentic_task_status *p) { return codec_has(p, 2); }
static inline void fm_agentic_task_status_set_finished_at(fm_agentic_task_status *p, fm_time v) { p->finished_at = v; codec_set_present(p, 2, true); }
static inline void fm_agentic_task_status_clear_finished_at(fm_agentic_task_status *p) { memset(&p->finished_at, 0, sizeof p->finished_at); codec_set_present(p, 2, false); }
static inline bool fm_agentic_task_status_has_conditions(const fm_agentic_task_status *p) { return codec_has(p, 3); }
static inline void fm_agentic_task_status_set_conditions_present(fm_agentic_task_status *p, bool on) { codec_set_present(p, 3, on); }

/* fm_pipeline_step */
static inline bool fm_pipeline_step_has_payload(const fm_pipeline_step *p) { return codec_has(p, 0); }
static inline void fm_pipeline_step_set_payload_present(fm_pipeline_step *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_pipeline_step_has_required_capability(const fm_pipeline_step *p) { return codec_has(p, 1); }
static inline void fm_pipeline_step_set_required_capability_present(fm_pipeline_step *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_pipeline_step_has_depends_on(const fm_pipeline_step *p) { return codec_has(p, 2); }
static inline void fm_pipeline_step_set_depends_on_present(fm_pipeline_step *p, bool on) { codec_set_present(p, 2, on); }
static inline bool fm_pipeline_step_has_timeout_seconds(const fm_pipeline_step *p) { return codec_has(p, 3); }
static inline void fm_pipeline_step_set_timeout_seconds(fm_pipeline_step *p, int32_t v) { p->timeout_seconds = v; codec_set_present(p, 3, true); }
static inline void fm_pipeline_step_clear_timeout_seconds(fm_pipeline_step *p) { memset(&p->timeout_seconds, 0, sizeof p->timeout_seconds); codec_set_present(p, 3, false); }
static inline bool fm_pipeline_step_has_priority(const fm_pipeline_step *p) { return codec_has(p, 4); }
static inline void fm_pipeline_step_set_priority(fm_pipeline_step *p, int32_t v) { p->priority = v; codec_set_present(p, 4, true); }
static inline void fm_pipeline_step_clear_priority(fm_pipeline_step *p) { memset(&p->priority, 0, sizeof p->priority); codec_set_present(p, 4, false); }

/* fm_workload_spec */
static inline bool fm_workload_spec_has_max_tasks(const fm_workload_spec *p) { return codec_has(p, 0); }
static inline void fm_workload_spec_set_max_tasks(fm_workload_spec *p, int32_t v) { p->max_tasks = v; codec_set_present(p, 0, true); }
static inline void fm_workload_spec_clear_max_tasks(fm_workload_spec *p) { memset(&p->max_tasks, 0, sizeof p->max_tasks); codec_set_present(p, 0, false); }
static inline bool fm_workload_spec_has_pipeline(const fm_workload_spec *p) { return codec_has(p, 1); }
static inline void fm_workload_spec_set_pipeline_present(fm_workload_spec *p, bool on) { codec_set_present(p, 1, on); }

/* fm_workload_status */
static inline bool fm_workload_status_has_tasks(const fm_workload_status *p) { return codec_has(p, 0); }
static inline void fm_workload_status_set_tasks_present(fm_workload_status *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_workload_status_has_succeeded_tasks(const fm_workload_status *p) { return codec_has(p, 1); }
static inline void fm_workload_status_set_succeeded_tasks(fm_workload_status *p, int32_t v) { p->succeeded_tasks = v; codec_set_present(p, 1, true); }
static inline void fm_workload_status_clear_succeeded_tasks(fm_workload_status *p) { memset(&p->succeeded_tasks, 0, sizeof p->succeeded_tasks); codec_set_present(p, 1, false); }
static inline bool fm_workload_status_has_failed_tasks(const fm_workload_status *p) { return codec_has(p, 2); }
static inline void fm_workload_status_set_failed_tasks(fm_workload_status *p, int32_t v) { p->failed_tasks = v; codec_set_present(p, 2, true); }
static inline void fm_workload_status_clear_failed_tasks(fm_workload_status *p) { memset(&p->failed_tasks, 0, sizeof p->failed_tasks); codec_set_present(p, 2, false); }
static inline bool fm_workload_status_has_conditions(const fm_workload_status *p) { return codec_has(p, 3); }
static inline void fm_workload_status_set_conditions_present(fm_workload_status *p, bool on) { codec_set_present(p, 3, on); }

/* fm_fleet_node */
static inline bool fm_fleet_node_has_metadata(const fm_fleet_node *p) { return codec_has(p, 0); }
static inline void fm_fleet_node_set_metadata_present(fm_fleet_node *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_has_spec(const fm_fleet_node *p) { return codec_has(p, 1); }
static inline void fm_fleet_node_set_spec_present(fm_fleet_node *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_fleet_node_has_status(const fm_fleet_node *p) { return codec_has(p, 2); }
static inline void fm_fleet_node_set_status_present(fm_fleet_node *p, bool on) { codec_set_present(p, 2, on); }

/* fm_fleet_node_list */
static inline bool fm_fleet_node_list_has_metadata(const fm_fleet_node_list *p) { return codec_has(p, 0); }
static inline void fm_fleet_node_list_set_metadata_present(fm_fleet_node_list *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_fleet_node_list_has_items(const fm_fleet_node_list *p) { return codec_has(p, 1); }
static inline void fm_fleet_node_list_set_items_present(fm_fleet_node_list *p, bool on) { codec_set_present(p, 1, on); }

/* fm_agentic_task */
static inline bool fm_agentic_task_has_metadata(const fm_agentic_task *p) { return codec_has(p, 0); }
static inline void fm_agentic_task_set_metadata_present(fm_agentic_task *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_has_spec(const fm_agentic_task *p) { return codec_has(p, 1); }
static inline void fm_agentic_task_set_spec_present(fm_agentic_task *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_agentic_task_has_status(const fm_agentic_task *p) { return codec_has(p, 2); }
static inline void fm_agentic_task_set_status_present(fm_agentic_task *p, bool on) { codec_set_present(p, 2, on); }

/* fm_agentic_task_list */
static inline bool fm_agentic_task_list_has_metadata(const fm_agentic_task_list *p) { return codec_has(p, 0); }
static inline void fm_agentic_task_list_set_metadata_present(fm_agentic_task_list *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_agentic_task_list_has_items(const fm_agentic_task_list *p) { return codec_has(p, 1); }
static inline void fm_agentic_task_list_set_items_present(fm_agentic_task_list *p, bool on) { codec_set_present(p, 1, on); }

/* fm_workload */
static inline bool fm_workload_has_metadata(const fm_workload *p) { return codec_has(p, 0); }
static inline void fm_workload_set_metadata_present(fm_workload *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_workload_has_spec(const fm_workload *p) { return codec_has(p, 1); }
static inline void fm_workload_set_spec_present(fm_workload *p, bool on) { codec_set_present(p, 1, on); }
static inline bool fm_workload_has_status(const fm_workload *p) { return codec_has(p, 2); }
static inline void fm_workload_set_status_present(fm_workload *p, bool on) { codec_set_present(p, 2, on); }

/* fm_workload_list */
static inline bool fm_workload_list_has_metadata(const fm_workload_list *p) { return codec_has(p, 0); }
static inline void fm_workload_list_set_metadata_present(fm_workload_list *p, bool on) { codec_set_present(p, 0, on); }
static inline bool fm_workload_list_has_items(const fm_workload_list *p) { return codec_has(p, 1); }
static inline void fm_workload_list_set_items_present(fm_workload_list *p, bool on) { codec_set_present(p, 1, on); }

#ifdef __cplusplus
}
#endif
#endif

/*
 * agent.h - the parts of foreman-agent and what they share.
 *
 *   main.c       flags, start-up, the signal wait and the shutdown sequence
 *   config.c     the flag table, validation and the agent_config it yields
 *   node.c       the FleetNode: registration, the heartbeat thread, the
 *                Draining patch
 *   tasks.c      AgenticTasks: one informer per task namespace, the
 *                dispatcher thread that claims Scheduled tasks, a runner
 *                thread per task, terminal status and restart recovery
 *
 * Threads: main (waits for signals), heartbeat, dispatcher, one informer per
 * namespace, one runner per running task (plus the executor's own thread).
 * Shared state lives in struct agent behind a.mu; the heartbeat and the
 * dispatcher sleep on their own condition variables and are woken when
 * something they care about changes.
 */
#ifndef FOREMAN_AGENT_AGENT_H
#define FOREMAN_AGENT_AGENT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "agentcore.h"
#include "codec.h"
#include "executor.h"
#include "flags.h"
#include "foreman_v1alpha1.h"
#include "informer.h"
#include "kube.h"
#include "metrics.h"
#include "probe_status.h"

#ifndef FOREMAN_VERSION
#define FOREMAN_VERSION "0.0.0-dev"
#endif

/* The label the operator puts on a task it placed, naming the node (the
 * schema's constant; this name stays for tasks.c until it moves). */
#define AGENT_ASSIGNED_LABEL FM_LABEL_ASSIGNED_NODE
/* Default task timeout when spec.timeoutSeconds is 0. */
#define AGENT_DEFAULT_TASK_TIMEOUT_S 2700
/* Grace between SIGTERM and SIGKILL when a task times out or is cancelled. */
#define AGENT_KILL_GRACE_NS (10 * INT64_C(1000000000))
/* The whole shutdown must end within this (the reference: 5 s patch). */
#define AGENT_DRAIN_TIMEOUT_NS (5 * INT64_C(1000000000))
#define AGENT_MAX_NAMESPACES 64

/* Everything the flags decide. Strings are borrowed from argv or the flag
 * table, lists owned by the flag set. */
typedef struct agent_config {
    char name[64];               /* FleetNode name (sanitized) */
    char host[256];              /* raw host name: the default FleetNode name */
    const char *tailscale_addr;
    fm_list roles;               /* char *; absent = none */
    fm_probe_capability_flags cap;
    int64_t heartbeat_ns;
    const char *kubeconfig;
    const char *kube_context;
    const char *workspace_dir;
    fm_list node_labels;         /* raw "k=v" entries */
    fm_strmap labels;            /* parsed node labels (owned) */
    fm_list task_namespaces;     /* absent = all namespaces */
    const char *agent_mode;
    const fm_executor_ops *executor;
    int64_t stub_sleep_ns;
    const char *task_command;
    fm_executor_native_config native; /* --llm-*, --agent-*, --tool-network */
    int32_t max_concurrent;
    const char *metrics_bind;
    const char *log_format;
    int64_t verbosity;
    int64_t kill_grace_ns;
    const char *task_selector;   /* auto, field or label */
    fm_list task_env;            /* char *: extra variables exec commands see */
    const char *git_token_secret; /* NAME[/KEY]: git token Secret in each task's namespace */
} agent_config;

/* One task this agent has claimed and is running. */
typedef struct agent_slot {
    char *key;                   /* "ns/name" */
    char *ns;
    char *name;
    fm_time claimed_at;
    fm_executor_run *run;           /* NULL until the executor started */
    fm_executor_stop_reason stop_pending; /* a stop asked before run existed */
    pthread_t thread;
    bool finished;               /* runner done: joinable */
    struct agent_slot *next;
} agent_slot;

typedef struct agent {
    agent_config cfg;
    fm_kube_client *kc;

    pthread_mutex_t mu;
    atomic_int draining;         /* set on the first signal: no new claims */

    /* heartbeat (node.c) */
    pthread_t hb_thread;
    bool hb_started;
    bool hb_exited;
    pthread_cond_t hb_cond;
    bool hb_wake;
    fm_fleet_node_status server_status; /* agent-owned fields as the server has them */
    fm_capability last_capability;      /* the last good probe */
    char instance[160];          /* this process's status.agentInstance */
    char *server_rv;             /* the FleetNode's resourceVersion as last written or read */
    atomic_int duplicate;        /* another live agent holds this FleetNode */
    bool have_capability;
    bool no_gpus;                /* NVML absent: do not try on every beat */

    /* tasks (tasks.c); core: the claim and status writes (agentcore.h) */
    fm_agentcore core;
    fm_informer *informers[AGENT_MAX_NAMESPACES];
    size_t n_informers;
    pthread_t disp_thread;
    bool disp_started;
    bool disp_exited;
    pthread_cond_t disp_cond;
    bool disp_wake;
    agent_slot *slots;
    size_t n_running;
    char label_selector[128];
    char field_selector[192];
    bool by_field;               /* tasks found by status.assignedNode */

    /* metrics (main.c) */
    fm_series *m_hb_ok;
    fm_series *m_hb_failed;
    fm_series *m_last_hb;
    fm_series *m_running;
    fm_metric *m_tasks;
} agent;

/* ---- config.c */

/* Flag storage and table; config_parse fills cfg. */
typedef struct agent_flags agent_flags;

/*
 * Parses argv (argv[0] is the program) into cfg. Returns 0, FLAGS_HELP
 * (usage printed to stdout), or FM_EINVAL with a one-line message (the main
 * prints it and exits 2). *fs_out is the flag set to free with
 * config_free (also on failure).
 */
int config_parse(agent_config *cfg, agent_flags **fs_out, int argc, char **argv);

/* Prints the help: a short description and every flag with its default. */
void config_usage(FILE *out, const agent_flags *f);

/* Frees what config_parse allocated. Accepts NULL. */
void config_free(agent_config *cfg, agent_flags *fs);

/* Parses "k=v,k2=v2" entries into labels. Returns 0 or FM_EINVAL naming the
 * bad entry. */
int config_parse_labels(fm_strmap *out, const fm_list *entries);

/* ---- node.c */

/*
 * Creates the FleetNode or brings its spec and owned labels up to date
 * (no write when they already match). Retries until it succeeds or the
 * agent is shutting down. Returns 0 or FM_ECANCELED.
 */
int node_register(agent *a);

/* Starts the heartbeat thread (first beat at once). Returns 0 or FM_ERROR. */
int node_heartbeat_start(agent *a);

/* Asks for a heartbeat now (currentTask changed). */
void node_heartbeat_kick(agent *a);

/* Patches phase Draining; blocks at most deadline (monotonic ns).
 * Returns 0 or a negative FM_E*. */
int node_patch_draining(agent *a, int64_t deadline_ns);

/* Frees heartbeat state (after the thread exited). */
void node_cleanup(agent *a);

/* Sets a->instance: "<host>/<pid>/<boot id>/<random>", unique per process. */
void node_make_instance(agent *a);

/* ---- tasks.c */

/* Lists the tasks assigned to this node, returns the ones this node left
 * Running in an earlier life to Pending, then starts the informers and the
 * dispatcher. Returns 0 or a negative FM_E*. */
int tasks_start(agent *a);

/* The name of a running task for FleetNode status.currentTask, copied into
 * buf ("" when idle). */
void tasks_current(agent *a, char *buf, size_t cap);

/* Stops every running task with EXECUTOR_STOP_SHUTDOWN (its runner puts it
 * back to Pending) and wakes the dispatcher so it exits. */
void tasks_shutdown(agent *a);

/* True when every runner and the dispatcher have finished. */
bool tasks_all_done(agent *a);
/* Waits until tasks_all_done or the monotonic clock reaches deadline_ns;
 * returns tasks_all_done. */
bool tasks_wait_done(agent *a, int64_t deadline_ns);

/* Stops the informers, joins finished threads and frees. Only when
 * tasks_all_done(). */
void tasks_cleanup(agent *a);

/* ---- agentref.c */

struct fm_agentdef_resolved;

/*
 * Resolves the Agent task t names in spec.agentRef (with its ModelProfile
 * and API-key Secret) over the --llm-* settings into *out (agentdef.h;
 * the caller clears it). *used is false when the task names no Agent.
 * Returns 0, or a negative FM_E* with *reason the task's failure reason
 * (AgentNotFound: no such or invalid Agent, or no ModelProfile;
 * AuthUnavailable: its Secret or key is missing).
 */
int agent_task_resolve(struct fm_agentdef_resolved *out, bool *used, const char **reason, agent *a,
                       const fm_agentic_task *t);

/*
 * With --git-token-secret and a task on a cloneable repository: reads the
 * token from that Secret in the task's namespace into out->git_token (and
 * out->native, copied from the flags when *used is false; *used set).
 * Returns 0, or a negative FM_E* with *reason AuthUnavailable.
 */
int agent_task_git_token(struct fm_agentdef_resolved *out, bool *used, const char **reason, agent *a,
                         const fm_agentic_task *t);

/* ---- main.c */

/* Records a finished task in the metrics. */
void agent_count_task(agent *a, const char *verdict);

#endif

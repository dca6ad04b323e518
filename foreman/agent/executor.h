/*
 * executor.h - what runs an AgenticTask on the agent's host, behind one small
 * interface so that a future native LLM executor plugs in beside the two we
 * have:
 *
 *   stub   sleeps for a configured time, then reports verdict GO with kind
 *          "stub" and extra {taskKind, agentName, modelRef};
 *   exec   runs a shell command (/bin/sh -c) in a fresh per-task directory
 *          under the workspace, in its own process group, with the task JSON
 *          on stdin and the FOREMAN_TASK_* variables in its environment; its
 *          output goes to a transcript file capped at 1 MiB;
 *   native the tool-calling loop of agent_loop.h against an OpenAI-compatible
 *          model server, in a fresh per-task directory (the task's repository
 *          cloned there when spec.payload.repo is a local path or URL), bash
 *          in the sandbox of agent_sandbox.h; a JSON-lines transcript.
 *
 * Life of a run (every call is thread-safe; the agent starts a run from its
 * task thread and may stop it from its watch thread or the signal handler
 * thread):
 *
 *     fm_executor_start(&run, ops, &cfg, &task);     work starts in its own thread
 *     fm_executor_wait(run, deadline_ns);            1 finished, 0 deadline passed
 *     fm_executor_stop(run, EXECUTOR_STOP_TIMEOUT, grace);   asks it to end
 *     fm_executor_result(&res, run);                 what happened (after finish)
 *     fm_executor_free(run);                         joins the thread
 *
 * Stopping is asynchronous: the run ends as soon as the work notices
 * (the stub at once; exec after SIGTERM to the process group, or SIGKILL when
 * the grace period runs out), and its result says it was stopped and why.
 *
 * An implementation is one fm_executor_ops row: a name and a function that
 * does the whole job in the run's thread, using the executor_run_* helpers
 * below to notice a stop request.
 */
#ifndef FOREMAN_EXECUTOR_H
#define FOREMAN_EXECUTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "codec.h"
#include "foreman_v1alpha1.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schemaVersion of every result envelope. */
#define EXECUTOR_SCHEMA_VERSION "foreman.v1"
/* Defaults of fm_executor_config. */
#define EXECUTOR_TRANSCRIPT_MAX_DEFAULT (1024u * 1024u)
#define EXECUTOR_TAIL_MAX_DEFAULT 4096u
#define EXECUTOR_WORKSPACE_DEFAULT "/tmp/foreman-workspace"

/* What an executor needs to know about the task (all strings borrowed by
 * fm_executor_start, which copies them; NULL = absent). */
typedef struct fm_executor_task {
    const char *name;
    const char *namespace_;
    const char *uid;
    const char *kind;        /* spec.kind spelling: "issue-fix", "verify", "freeform" */
    const char *model_ref;
    const char *prompt;
    const char *repo;
    const char *branch;
    bool has_issue;
    int32_t issue;
    const char *json;        /* the whole task object as JSON (exec: stdin) */
    size_t json_len;
} fm_executor_task;

/* The native executor's settings (--llm-*, --agent-*, --tool-network). */
typedef struct fm_executor_native_config {
    const char *base_url;           /* --llm-base-url */
    const char *model;              /* --llm-model (NULL: the task's modelRef) */
    const char *api_key_file;       /* --llm-api-key-file: read per run, never logged */
    int64_t max_output_tokens;      /* --llm-max-output-tokens: per request */
    bool has_temperature;
    double temperature;             /* --llm-temperature */
    const char *tool_choice;        /* --llm-tool-choice policy (or the ModelProfile's) */
    const char *text_call_format;   /* the ModelProfile's textToolCallFormat; NULL -> auto */
    int64_t connect_timeout_ns;     /* --llm-connect-timeout */
    int64_t first_byte_timeout_ns;  /* --llm-first-byte-timeout */
    int64_t idle_timeout_ns;        /* --llm-idle-timeout */
    int max_turns;                  /* --agent-max-turns */
    int64_t run_output_tokens;      /* --agent-max-output-tokens: whole run */
    const char *system_prompt_file; /* --agent-system-prompt-file */
    bool tool_network;              /* --tool-network */
    bool sandbox_off;               /* tests only: no namespaces/landlock/seccomp */
    const char *deny_read[6];       /* paths bash may not read (kubeconfig, tokens) */
    /* Set per task from its Agent (agentdef.h); NULL / 0 from the flags: */
    const char *system_prompt;      /* prompt text, replaces the file and the built-in */
    const char *system_prompt_addendum; /* appended to the prompt (ModelProfile) */
    const char *api_key;            /* key text (from a Secret), replaces the file */
    int stuck_repeat;               /* same call N times -> nudge; 0 -> loop default */
    int stuck_turns;                /* turns without progress -> nudge; 0 -> default */
    uint32_t tools_allowed;         /* the Agent's spec.tools as TOOL_* bits (agent_tools.h);
                                       0 -> every tool */
    const char *git_token_file;     /* --git-token-file: HTTPS token (GIT_ASKPASS) */
    const char *git_user;           /* --git-user */
    const char *git_ssh_key_file;   /* --git-ssh-key-file */
    const char *git_token;          /* token text (from --git-token-secret), replaces the file */
    int gate_rounds;                /* gate failures that end a run (GateFailed); 0 -> 2 */
    bool workspace_keep;            /* --workspace-keep: leave work/ and git/ after a task */
    int64_t workspace_max_mib;      /* --workspace-max-mib: cap of the workspace (0: none) */
} fm_executor_native_config;

/* How the executors behave; copied by fm_executor_start. */
typedef struct fm_executor_config {
    const char *agent_name;     /* FleetNode name (stub extra.agentName) */
    int64_t stub_sleep_ns;      /* stub: how long to "work" */
    const char *command;        /* exec: shell command, run with /bin/sh -c */
    const char *workspace_dir;  /* exec: parent of the per-task directories;
                                   NULL -> EXECUTOR_WORKSPACE_DEFAULT */
    size_t transcript_max;      /* exec: transcript cap; 0 -> 1 MiB */
    size_t tail_max;            /* exec: output kept for a failure message; 0 -> 4 KiB */
    int64_t exit_linger_ns;     /* exec: after the shell exits, how long to
                                   wait for stragglers holding its output
                                   open before killing its group; 0 -> 500 ms */
    const fm_executor_native_config *native; /* native: borrowed, outlives runs */
    int64_t timeout_ns;         /* the task's time budget (native plans by it) */
    /* native: progress at most every 10 s (turns, tokens, last tool,
     * elapsed) as one line; called from the run's thread. */
    void (*progress)(void *ctx, const char *message);
    void *progress_ctx;
    /* exec: names of variables of the agent's environment the command may
     * see besides the fixed allow-list (fm_executor_env_allowed); NULL-terminated
     * or NULL. Cluster credentials are never passed, listed or not. */
    const char *const *env_allow;
    /* exec: files and directories (the agent's kubeconfig, its token
     * directory) hidden from the command: in a private user and mount
     * namespace a directory becomes an empty tmpfs and a file /dev/null.
     * Non-NULL (even an empty list) also runs the command in its own PID
     * namespace, so nothing it starts outlives it (setsid included).
     * Best effort: see fm_executor_exec_isolation(). NULL-terminated, or NULL
     * for no namespaces at all. */
    const char *const *hide_paths;
} fm_executor_config;

/*
 * True when the exec executor may pass the agent's environment variable
 * `name` to a task command: the fixed allow-list (PATH, HOME, USER,
 * LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ, TMPDIR, TERM, the proxy
 * variables, SSL_CERT_FILE, SSL_CERT_DIR) or a name in allow; never
 * KUBECONFIG, KUBERNETES_*, CREDENTIALS_DIRECTORY, or a name that looks
 * like a credential of the agent's own (FOREMAN_* other than the task's).
 * name may end at '=' (an environ entry).
 */
bool fm_executor_env_allowed(const char *name, const char *const *allow);

/*
 * Whether this process can run exec commands in a private user and mount
 * namespace (so that hide_paths are hidden). Forks a child once and
 * caches the answer. Returns 1 when it can, 0 when not (the message
 * of fm_error_last() says why: user namespaces off, seccomp, ...).
 */
int fm_executor_exec_isolation(void);

/* Why a run was asked to stop. */
typedef enum fm_executor_stop_reason {
    EXECUTOR_STOP_NONE = 0,
    EXECUTOR_STOP_TIMEOUT,   /* the task ran past its timeout */
    EXECUTOR_STOP_CANCEL,    /* the task was deleted or taken away */
    EXECUTOR_STOP_SHUTDOWN,  /* the agent is shutting down */
} fm_executor_stop_reason;

/* The outcome of a finished run; strings are owned (fm_executor_result_clear). */
typedef struct fm_executor_result {
    const char *kind;          /* the executor's name ("stub", "exec"); static */
    fm_verdict verdict;        /* GO, NO-GO, ...; INCOMPLETE when failed */
    bool failed;               /* the task fails (phase Failed) */
    const char *reason;        /* when failed, a CamelCase reason: Timeout,
                                  Cancelled, AgentShutdown, CommandFailed,
                                  InvalidResult, ExecutorError; native:
                                  TurnBudget, TokenBudget, StuckLoop,
                                  NoToolCall, ModelError, AgentError; static */
    char *message;             /* when failed: what happened (may hold the
                                  output's last lines, so several lines) */
    char *summary;             /* one line */
    char *extra;               /* JSON object text, never NULL after a run */
    double elapsed_sec;
    char *transcript_ref;      /* exec: transcript path; NULL otherwise */
    char *workdir;             /* exec: the per-task directory; NULL otherwise */
    fm_executor_stop_reason stopped; /* why it was stopped, NONE when it ended itself */
    int exit_code;             /* exec: exit status, or -signal; 0 otherwise */
    char *branch;              /* native: the branch pushed (status.branch), or NULL */
    char *commit_sha;          /* native: its commit (status.commitSHA), or NULL */
} fm_executor_result;

typedef struct fm_executor_run fm_executor_run;

/* One executor implementation. run() does the whole job in the run's own
 * thread and fills res (kind, extra and elapsed are filled in afterwards
 * when left empty). */
typedef struct fm_executor_ops {
    const char *kind;
    void (*run)(fm_executor_run *r, const fm_executor_config *cfg, const fm_executor_task *t,
                fm_executor_result *res);
} fm_executor_ops;

extern const fm_executor_ops fm_executor_stub_ops;
extern const fm_executor_ops fm_executor_exec_ops;
extern const fm_executor_ops fm_executor_native_ops;

/* Creates dir and its missing parents (mode 0700), for the executors' per-task
 * directories. Returns 0 or -1 with errno set (POSIX style: no last error;
 * the caller words it with the directory and strerror). */
int fm_executor_mkdir_p(const char *dir);

/* The ops named kind ("stub", "exec", "native"). Returns 0, or FM_EINVAL naming the
 * unknown mode and listing the known ones. */
int fm_executor_lookup(const fm_executor_ops **out, const char *kind);

/*
 * Starts running task t with ops in a new thread. cfg and t are copied.
 * Returns 0, FM_ENOMEM or FM_ERROR (no thread); *out is the caller's
 * (fm_executor_free).
 */
int fm_executor_start(fm_executor_run **out, const fm_executor_ops *ops, const fm_executor_config *cfg,
                   const fm_executor_task *t);

/*
 * Waits until the run finishes or the monotonic clock (fm_clock_now(NULL))
 * passes deadline_ns (< 0: no deadline). Returns 1 when finished, 0 when the
 * deadline passed first.
 */
int fm_executor_wait(fm_executor_run *r, int64_t deadline_ns);

/* True once the run has finished (never blocks). */
bool fm_executor_done(fm_executor_run *r);

/*
 * Asks the run to stop for `why`; exec sends SIGTERM to the process group
 * and SIGKILL after grace_ns. The first request wins; later ones are
 * ignored. Never blocks; a finished run ignores it.
 */
void fm_executor_stop(fm_executor_run *r, fm_executor_stop_reason why, int64_t grace_ns);

/*
 * Copies the result of a finished run into out (which is overwritten; clear
 * it with fm_executor_result_clear). Returns 0, FM_EINVAL when the run has not
 * finished, or FM_ENOMEM.
 */
int fm_executor_result_get(fm_executor_result *out, fm_executor_run *r);

/* Stops (EXECUTOR_STOP_CANCEL, 0 grace) a run still going, joins its thread
 * and frees it. Accepts NULL. */
void fm_executor_free(fm_executor_run *r);

/* Frees the strings of a result and zeroes it. Accepts NULL. */
void fm_executor_result_clear(fm_executor_result *res);

/*
 * Appends the result envelope stored in AgenticTask status.result:
 * {"schemaVersion":"foreman.v1","kind":..,"verdict":..,"summary":..,
 *  "extra":{..},"elapsedSec":..}. summary is cut at its first newline.
 * Returns 0 or FM_ENOMEM.
 */
int fm_executor_envelope(fm_buf *out, const fm_executor_result *res);

/* The CamelCase failure reason for a stop reason ("Timeout", "Cancelled",
 * "AgentShutdown"; NULL for NONE). */
const char *fm_executor_stop_reason_name(fm_executor_stop_reason why);

/* ---------------------------------------------- for implementations only */

/* True when a stop was requested; *why and *grace_ns (each may be NULL)
 * receive the request. */
bool fm_executor_run_stop_requested(fm_executor_run *r, fm_executor_stop_reason *why, int64_t *grace_ns);

/* Sleeps until the monotonic deadline or a stop request, whichever comes
 * first. Returns 1 when stopped, 0 when the deadline passed. */
int fm_executor_run_sleep_until(fm_executor_run *r, int64_t deadline_ns);

/* A file descriptor that becomes readable when a stop is requested (for
 * poll(2) in implementations that wait on their own descriptors). */
int fm_executor_run_wake_fd(const fm_executor_run *r);

#ifdef __cplusplus
}
#endif
#endif

/*
 * agent_sandbox.h - runs one shell command for the native agent's bash
 * tool, fenced in:
 *
 *   - its own session and process group; on timeout or cancel the whole
 *     group gets SIGKILL, and with a PID namespace everything the command
 *     started (daemons included) dies with its init;
 *   - namespaces (where the kernel lets us): user, mount, PID, IPC, UTS and
 *     network (no network at all unless allow_network); in the new mount
 *     namespace a private tmpfs on /tmp, the workspace bound back in;
 *   - Landlock: writes only beneath the workspace, /tmp and /dev (null, tty);
 *     reads everywhere except the paths listed in deny_read;
 *   - seccomp: no ptrace, no mount/kexec/bpf/keyctl-style calls, no new
 *     user namespaces inside;
 *   - rlimits: CPU seconds, address space, processes, file size;
 *   - an environment built from an allow-list (PATH, HOME, LANG, TERM, ...)
 *     plus FOREMAN_WORKDIR; nothing of the agent's own environment
 *     (tokens, KUBECONFIG, API keys) passes.
 *
 * Each layer the kernel refuses is skipped and reported in the result's
 * `layers` (so a test can tell what held).
 */
#ifndef FOREMAN_AGENT_SANDBOX_H
#define FOREMAN_AGENT_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SANDBOX_MAX_DENY 8

typedef struct fm_sandbox_config {
    bool disabled;            /* no namespaces/landlock/seccomp (tests, old kernels) */
    bool allow_network;
    uint64_t cpu_seconds;     /* RLIMIT_CPU; 0 -> 600 */
    uint64_t as_bytes;        /* RLIMIT_AS; 0 -> 4 GiB */
    uint64_t nproc;           /* RLIMIT_NPROC; 0 -> 256 */
    uint64_t fsize_bytes;     /* RLIMIT_FSIZE; 0 -> 1 GiB */
    size_t output_max;        /* output kept; 0 -> 64 KiB */
    const char *deny_read[SANDBOX_MAX_DENY]; /* paths the command may not read */
} fm_sandbox_config;

typedef struct fm_sandbox_result {
    int exit_code;            /* exit status, or 128+signal */
    bool timed_out;
    bool cancelled;
    fm_buf output;            /* stdout+stderr, capped; caller frees */
    uint64_t output_total;
    char layers[256];         /* "userns,mountns,pidns,netns,landlock,seccomp,rlimits" */
} fm_sandbox_result;

/*
 * Runs `command` with /bin/bash -c (/bin/sh where there is no bash) in directory workdir (the workspace) under
 * cfg, for at most timeout_ns (and never past wake_fd firing). Returns 0
 * when the command ran (whatever its exit), FM_EIO when it could not start.
 */
int fm_sandbox_run(fm_sandbox_result *res, const fm_sandbox_config *cfg, const char *workdir, const char *command,
                int64_t timeout_ns, int wake_fd);

void fm_sandbox_result_clear(fm_sandbox_result *res);

#ifdef __cplusplus
}
#endif
#endif

/*
 * proc.h - the one process runner: the exec credential plugin and the exec
 * executor both start a child, feed it, collect its output under a cap,
 * stop it on a deadline or a cancel, and make sure nothing it started
 * outlives it. One implementation, tested once.
 *
 * The child runs in its own process group; every signal the runner sends
 * goes to the whole group, and the group is SIGKILLed when the run ends, so
 * helpers and backgrounded processes die with it (one that left the group
 * with setsid() is out of reach: the exec executor adds a PID namespace
 * for that, through the exec hook).
 *
 * Nothing polls at a fixed interval: the runner sleeps in poll(2) on the
 * output pipes, a pidfd for the child's exit, the caller's cancel fd and
 * the stdin pipe, with a timeout that is exactly the next deadline read
 * from the fm_clock (on kernels without pidfd_open, before 5.3, the exit is
 * checked every 50 ms instead).
 */
#ifndef FOREMAN_PROC_H
#define FOREMAN_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "clock.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Output sink: called with each chunk read from the child (stream 1 or 2;
 * always 1 when stderr is merged). A non-zero return stops the run as a
 * cancel would. */
typedef int (*fm_proc_output_fn)(void *ud, int stream, const char *data, size_t len);

typedef struct fm_proc_spec {
    const char *path;      /* program; without a '/' it is looked up in PATH */
    char *const *argv;     /* argv[0] included; NULL-terminated */
    char *const *envp;     /* NULL: this process's environment */
    const char *dir;       /* working directory; NULL: ours */

    int stdin_fd;          /* child's stdin; -1: /dev/null (or stdin_data) */
    const char *stdin_data; /* written to the child's stdin when stdin_fd < 0 */
    size_t stdin_len;

    bool merge_stderr;     /* stderr goes where stdout goes (stream 1) */
    fm_proc_output_fn on_output; /* NULL: captured into the result's bufs */
    void *output_ud;
    size_t max_output;     /* capture mode: more than this on one stream
                            * kills the run (over_cap); 0: 1 MiB */

    fm_clock *clock;       /* NULL: the real clock */
    int64_t deadline_ns;   /* absolute, on clock; 0: none */
    int cancel_fd;         /* readable: stop the run; -1: none */
    /* Asked when cancel_fd becomes readable: return true to stop (and set
     * *grace_ns), false to ignore the fd from then on. NULL: stop with
     * grace_ns. */
    bool (*on_cancel)(void *ud, int64_t *grace_ns);
    void *cancel_ud;
    int64_t grace_ns;      /* SIGTERM to the group, SIGKILL this much later;
                            * 0: SIGKILL at once */
    /* Once the child has exited while something it left holds the output
     * open, the group is SIGKILLed after linger_ns (0: wait for the
     * deadline, or forever). After a SIGKILL the runner waits at most one
     * second more for the pipes to close (a process that left the group
     * keeps them), then gives up on them. */
    int64_t linger_ns;

    /* Child hooks, run after fork with only async-signal-safe calls.
     * setup runs first, right after the child made its process group
     * (before signals are reset and fds set up); exec replaces the final
     * execve and must not return (the exec executor runs the command
     * under a PID namespace init there). The child's memory is a copy:
     * setup may leave notes in ud for exec. */
    void (*child_setup)(void *ud);
    void (*child_exec)(void *ud, const char *path, char *const argv[], char *const envp[]);
    void *child_ud;
    /* An fd of ours the child keeps, as its fd 3 (not close-on-exec: the
     * hooks close it, or the program inherits it), for instance a pipe on
     * which the hooks report; every other fd above 2 is closed. -1: none. */
    int child_keep_fd;
    /* The child calls setsid() instead of setpgid(): a new session (no
     * controlling terminal) whose process group the runner signals as
     * usual. */
    bool new_session;
} fm_proc_spec;

#define FM_PROC_SPEC_INIT {.stdin_fd = -1, .cancel_fd = -1, .child_keep_fd = -1}

typedef struct fm_proc_result {
    int wait_status;       /* waitpid(2) status of the child */
    int exit_code;         /* when exited */
    int term_signal;       /* when killed by a signal; else 0 */
    bool exited;           /* exited normally (WIFEXITED) */
    bool timed_out;        /* the deadline passed */
    bool cancelled;        /* cancel_fd or an output callback stopped it */
    bool over_cap;         /* capture mode: output passed max_output */
    bool killed;           /* the runner SIGKILLed the group while the
                            * child or a straggler still ran */
    int64_t elapsed_ns;
    fm_buf out, err;       /* capture mode only */
} fm_proc_result;

/*
 * Runs spec to the end (see above). Returns 0 once the child ran and was
 * reaped, whatever its outcome (read *res); FM_EIO when it could not be
 * started (no such program, fork failed: the message says which),
 * FM_ENOMEM. *res is always initialised; free it with fm_proc_result_free.
 * A program that cannot be executed after fork exits with status 127.
 */
int fm_proc_run(fm_proc_result *res, const fm_proc_spec *spec);

/* Frees the captured output (wiped first: it may hold credentials). */
void fm_proc_result_free(fm_proc_result *res);

#ifdef __cplusplus
}
#endif
#endif

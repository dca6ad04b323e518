/*
 * signals.h - graceful shutdown on SIGTERM/SIGINT for the programs.
 *
 * fm_signals_setup() installs handlers for SIGTERM and SIGINT (and ignores
 * SIGPIPE, which a peer closing a socket would otherwise deliver). The
 * first signal sets a process-wide shutdown flag and makes a file
 * descriptor readable, so threads blocked in poll(2) and loops checking
 * the flag (the informers' watches take it as their cancel flag) wind down;
 * the program then finishes in-flight work, releases its lease and exits.
 * A second signal exits at once with _exit(128 + signal number), for the
 * operator who does not want to wait.
 *
 * Everything the handler does is async-signal-safe (an atomic store and a
 * write(2) to an eventfd).
 */
#ifndef FOREMAN_SIGNALS_H
#define FOREMAN_SIGNALS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Installs the handlers (idempotent). Returns 0 or FM_EIO. */
int fm_signals_setup(void);

/* True once a shutdown was requested (by a signal or in code). */
bool fm_signals_shutdown_requested(void);

/* The flag itself, non-zero once shutdown is requested; pass it as a
 * cancel flag (fm_kube_watch_opts.cancel). Never NULL. */
const atomic_int *fm_signals_flag(void);

/* A descriptor that becomes readable (and stays so) on shutdown, for
 * poll(2); -1 before fm_signals_setup(). */
int fm_signals_fd(void);

/* The signal that asked for shutdown (SIGTERM, SIGINT), or 0. */
int fm_signals_received(void);

/* Requests shutdown from code, as a first signal would (for fatal errors
 * in a thread, and tests). */
void fm_signals_request_shutdown(void);

/* Blocks until shutdown is requested or timeout_ms passes (< 0: forever).
 * Returns true when shutdown was requested. */
bool fm_signals_wait(int64_t timeout_ms);

#ifdef __cplusplus
}
#endif
#endif

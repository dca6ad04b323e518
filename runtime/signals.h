/*
 * signals.h - graceful shutdown on SIGTERM/SIGINT for the programs.
 *
 * signals_setup() installs handlers for SIGTERM and SIGINT (and ignores
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
int signals_setup(void);

/* True once a shutdown was requested (by a signal or in code). */
bool signals_shutdown_requested(void);

/* The flag itself, non-zero once shutdown is requested; pass it as a
 * cancel flag (kube_watch_opts.cancel). Never NULL. */
const atomic_int *signals_flag(void);

/* A descriptor that becomes readable (and stays so) on shutdown, for
 * poll(2); -1 before signals_setup(). */
int signals_fd(void);

/* The signal that asked for shutdown (SIGTERM, SIGINT), or 0. */
int signals_received(void);

/* Requests shutdown from code, as a first signal would (for fatal errors
 * in a thread, and tests). */
void signals_request_shutdown(void);

/* Blocks until shutdown is requested or timeout_ms passes (< 0: forever).
 * Returns true when shutdown was requested. */
bool signals_wait(int64_t timeout_ms);

#ifdef __cplusplus
}
#endif
#endif

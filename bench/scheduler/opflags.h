/*
 * opflags.h - start an operator binary with the flags it accepts.
 *
 * A benchmark drives whatever foreman-operator FOREMAN_BIN names: this
 * build, an older one, another implementation. A flag that binary does not
 * know must not stop the benchmark, so the flags are passed in two steps:
 *
 *   1. the binary's --help (5 s at most; a binary that ignores --help and
 *      starts running is killed) lists the flags it knows: one or more
 *      "-name" / "--name" at the start of a line, Go flag, GNU getopt, pflag
 *      and argparse style alike. A flag it does not list is dropped before
 *      the start. A help text that lists no flag at all drops nothing.
 *   2. the binary is started and watched for a grace period. If it exits
 *      in that time and a line of its output (not an indented usage line)
 *      names one of the flags it was given ("flag provided but not
 *      defined: -x", "unknown flag: --x", "unrecognized option '--x=1'",
 *      "invalid value \"0\" for flag -x"), that flag is dropped and the
 *      binary started again, once per flag at most.
 *
 * Every dropped flag is named on `report` (stderr in the benchmark).
 */
#ifndef BENCH_OPFLAGS_H
#define BENCH_OPFLAGS_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct opflags {
    char *known;  /* " name name ... " from --help; NULL when it listed none */
    int n_known;
} opflags;

/* Runs `exe --help` (at most timeout_ms) and records the flags it lists. */
void opflags_read_help(opflags *o, const char *exe, int timeout_ms);

/* True when the help listed the flag of arg ("--name=value", "-name",
 * "--name"), or when it listed no flag at all. */
bool opflags_knows(const opflags *o, const char *arg);

void opflags_free(opflags *o);

typedef struct opflags_start_opts {
    int help_timeout_ms;  /* 0: 5000 */
    int grace_ms;         /* how long a start is watched for an early exit; 0: 2000 */
    FILE *report;         /* where dropped flags are named; NULL: stderr */
} opflags_start_opts;

/*
 * Starts exe with argv flags[0..n-1] (each "--name=value" or "--name"), its
 * stdout and stderr going to the file log, following the two steps above.
 * On success returns the pid of the running process and sets *t_start to
 * the CLOCK_MONOTONIC time (seconds) just before its fork, *n_passed
 * (may be NULL) to the number of flags it was started with and passed[]
 * (may be NULL; room for n) to those flags, in their order. Returns -1
 * when it cannot be started or exits early for a reason that names none
 * of its flags: why (may be NULL) then holds the reason.
 */
pid_t opflags_start(const char *exe, char *const *flags, int n, const char *log, const opflags_start_opts *o,
                    double *t_start, char **passed, int *n_passed, char *why, size_t why_len);

#endif

/*
 * flags.h - a command-line parser that accepts what Go's `flag` package
 * accepts, so the agent and the operator keep the reference's command lines.
 *
 * Syntax (the same as Go's):
 *   -name  --name                 a bool flag set to true
 *   -name=value  --name=value     any flag
 *   -name value  --name value     any flag but a bool (`--x false` does NOT
 *                                 set x to false: "false" is the first
 *                                 positional argument)
 *   --                            ends the flags (and is consumed)
 *   -  or any word without '-'    ends the flags (and is kept)
 * A flag may be given more than once; the last value wins. `-h`, `-help`,
 * `--h` and `--help` ask for help unless the table defines such a flag.
 *
 * A program describes its flags with a table of fm_flags_def rows (name, type,
 * pointer to the storage, default as text, usage); fm_flags_parse first stores
 * every default (parsed from its text with the same rules as the command
 * line), then the command line's values.
 *
 * Storage per type:
 *   FLAGS_STRING    const char *  borrowed: points into argv or at def_text
 *   FLAGS_BOOL      bool
 *   FLAGS_INT       int64_t       decimal, 0x/0o/0b prefixes, leading-0 octal,
 *                                 '_' between digits; range-checked
 *   FLAGS_DURATION  int64_t       nanoseconds, Go duration syntax (goduration.h)
 *   FLAGS_STRLIST   fm_list       of char *, a comma list (fm_strlist_split
 *                                 rules: trimmed, empty entries dropped, no
 *                                 entries = absent: items NULL, len 0); owned
 *                                 by the set, released by fm_flags_free
 */
#ifndef FOREMAN_FLAGS_H
#define FOREMAN_FLAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* fm_flags_parse's return value when help was asked for (not an error: the
 * main prints fm_flags_usage to stdout and exits 0). */
#define FLAGS_HELP 1

typedef enum fm_flags_type {
    FLAGS_STRING = 1,
    FLAGS_BOOL,
    FLAGS_INT,
    FLAGS_DURATION,
    FLAGS_STRLIST,
} fm_flags_type;

typedef struct fm_flags_def {
    const char *name;     /* without dashes: "heartbeat-interval" */
    fm_flags_type type;
    void *value;          /* storage, see the table above */
    const char *def_text; /* default as it would be typed; NULL = zero value */
    const char *usage;    /* one line; a `quoted` word names the value in help */
    bool set;             /* out: the command line gave this flag */
} fm_flags_def;

typedef struct fm_flags_set {
    const char *program;  /* for the "Usage of <program>:" line */
    fm_flags_def *defs;
    size_t n_defs;
} fm_flags_set;

/*
 * Stores the defaults, then parses argv[1..argc) (argv[0] is the program or
 * subcommand name and is skipped). *first_arg_out (may be NULL) receives the
 * index of the first positional argument (argc when there is none).
 * Returns 0, FLAGS_HELP when help was asked for, or FM_EINVAL with a one-line
 * message in Go's words, e.g.
 *   invalid value "abc" for flag -heartbeat-interval: parse error
 *   flag provided but not defined: -nope
 *   flag needs an argument: -kubeconfig
 * FM_ENOMEM when a list could not be stored. After a failure the storage may
 * hold a mix of defaults and parsed values; fm_flags_free is still required.
 */
int fm_flags_parse(fm_flags_set *fs, int argc, char **argv, int *first_arg_out);

/* True when the command line gave the flag `name` (false for unknown names). */
bool fm_flags_is_set(const fm_flags_set *fs, const char *name);

/*
 * Prints "Usage of <program>:" and every flag sorted by name in Go's
 * PrintDefaults layout:
 *     -heartbeat-interval duration
 *       	how often to report (default 30s)
 * Defaults equal to the zero value are not shown; strings are quoted.
 */
void fm_flags_usage(FILE *out, const fm_flags_set *fs);

/* Releases what the set owns (string lists) and empties those lists.
 * Accepts NULL. */
void fm_flags_free(fm_flags_set *fs);

/*
 * Parses a Go integer literal (strconv.ParseInt with base 0): optional sign,
 * 0x/0o/0b prefixes or a leading 0 for octal, '_' only between digits.
 * Returns 0, FM_EPARSE for bad syntax or FM_ELIMIT when out of int64 range.
 */
int fm_flags_parse_int64(int64_t *out, const char *s);

/* Parses a Go boolean (1 t T TRUE true True 0 f F FALSE false False).
 * Returns 0 or FM_EPARSE. */
int fm_flags_parse_bool(bool *out, const char *s);

#ifdef __cplusplus
}
#endif
#endif

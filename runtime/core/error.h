/*
 * error.h - error codes and the thread-local "last error" of the runtime.
 *
 * Every runtime function that can fail returns an int: 0 on success, one of
 * the negative FM_E* codes below on failure. The failing function also
 * records a one-line, human-readable message naming the object or input and
 * the problem (for example
 * "fleetnodes/m5-max: 409 Conflict: the object has been modified"), which the
 * caller reads with fm_error_last(). The model is libgit2's git_error_last().
 *
 * The message never contains credentials: callers must not pass tokens, keys
 * or Authorization headers to fm_error_set().
 */
#ifndef FOREMAN_ERROR_H
#define FOREMAN_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

enum {
    FM_OK = 0,
    FM_ERROR = -1,      /* generic failure */
    FM_ENOMEM = -2,     /* allocation failed */
    FM_EINVAL = -3,     /* invalid argument or input (bad flag, bad config) */
    FM_EPARSE = -4,     /* malformed JSON/YAML, wrong type, out of range */
    FM_ELIMIT = -5,     /* input over a size or depth limit */
    FM_EIO = -6,        /* file or OS error */
    FM_ETRANSPORT = -7, /* could not talk to the server (DNS, connect, TLS, timeout) */
    FM_EHTTP = -8,      /* the server answered with a non-2xx status */
    FM_ENOTFOUND = -9,  /* lookup found nothing */
    FM_ECANCELED = -10, /* the operation was cancelled (shutdown) */
    FM_EGONE = -11,     /* a watch resourceVersion is too old (410) */
};

/* Longest message kept, including the terminating NUL. */
#define FM_ERROR_MAX 1024

typedef struct fm_error {
    int code;                  /* one of FM_E*, 0 when no error was recorded */
    int http_status;           /* HTTP status for FM_EHTTP, else 0 */
    char reason[64];           /* Kubernetes Status reason for FM_EHTTP
                                  ("NotFound", "Conflict", ...), else "" */
    char message[FM_ERROR_MAX];
} fm_error;

/*
 * Records an error for this thread and returns `code`, so a failing function
 * can end with `return fm_error_set(FM_EPARSE, "...", ...);`. The message is
 * formatted with printf rules and truncated at FM_ERROR_MAX - 1 bytes; newlines
 * are replaced by spaces so the message stays one line.
 */
int fm_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Like fm_error_set, and records an HTTP status and the Kubernetes Status
 * reason (may be NULL) too; the code is FM_EHTTP. */
int fm_error_set_http(int http_status, const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Prefixes the current message with "prefix: " (printf format), keeping its
 * code. Used to add context on the way up: "kubeconfig /x/config: ...".
 * Returns the current code.
 */
int fm_error_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The last error recorded on this thread; never NULL (code 0 if none). */
const fm_error *fm_error_last(void);

/* Forgets the last error of this thread. */
void fm_error_clear(void);

/* A short name for a code ("EPARSE"), for logs and tests. */
const char *fm_error_name(int code);

#ifdef __cplusplus
}
#endif
#endif

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
    FM_ETRANSPORT = -7, /* could not talk to the server (DNS, connect, TLS,
                           a connection that timed out or broke) */
    FM_EHTTP = -8,      /* the server answered with a non-2xx status that
                           none of the classes below covers (400, 413, ...) */
    FM_ENOTFOUND = -9,  /* lookup found nothing; the server's 404 */
    FM_ECANCELED = -10, /* the operation was cancelled (shutdown) */
    FM_EGONE = -11,     /* 410: a watch or list resourceVersion (or continue
                           token) is too old; relist */

    /* The server's answer, by class (what Kubernetes' apierrors.IsX()
     * tells apart). fm_error_last()->http_status and ->reason keep the
     * exact status and the Status reason. */
    FM_ECONFLICT = -12,     /* 409 other than AlreadyExists: stale resourceVersion */
    FM_EEXISTS = -13,       /* 409 AlreadyExists: a create found the name taken */
    FM_EINVALID = -14,      /* 422: the server refused the object as invalid
                               (not to be confused with FM_EINVAL, a bad
                               argument found before anything was sent) */
    FM_EFORBIDDEN = -15,    /* 403: authenticated, but RBAC says no */
    FM_EUNAUTHORIZED = -16, /* 401: the credentials were refused */
    FM_EUNAVAILABLE = -17,  /* 5xx other than a timeout, and 429 once the
                               client's own retries ran out: try later */
    FM_ETIMEOUT = -18,      /* 504, or a 5xx whose Status reason is Timeout or
                               ServerTimeout: the server gave up waiting; the
                               request may or may not have been applied */
};

/* Longest message kept, including the terminating NUL. */
#define FM_ERROR_MAX 1024

typedef struct fm_error {
    int code;                  /* one of FM_E*, 0 when no error was recorded */
    int http_status;           /* HTTP status when the error is a server's
                                  answer (FM_EHTTP and the class codes above),
                                  else 0 */
    char reason[64];           /* the Kubernetes Status reason of that answer
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

/* Like fm_error_set, and records the HTTP status and the Kubernetes Status
 * reason (may be NULL) of a server's answer too. code is the class the
 * caller derived from them (runtime/kube: fm_kube_status_code()), FM_EHTTP
 * when it has none. Returns code. */
int fm_error_set_http(int code, int http_status, const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

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

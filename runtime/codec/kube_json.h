/*
 * kube_json.h - a small read-only JSON scanner for the Kubernetes client.
 *
 * The client needs a few members of documents whose type it does not know
 * (a Status error body, a watch event envelope, metadata.name of an object
 * it is about to PUT, an ExecCredential). Rather than decoding the whole
 * document, these helpers find the text span of one member and unescape
 * strings. They validate only what they walk over; input is never modified
 * and nothing is allocated except by fm_kube_json_string() and, for
 * nesting deeper than FM_KUBE_JSON_MAX_DEPTH, by FM_KUBE_JSON_ANY_DEPTH.
 *
 * This is the client's one JSON scanner: the codec decodes whole documents
 * with jsmn, everything that looks up a member of a document it does not
 * decode (watch events, list pages, Status bodies, ExecCredentials, LLM
 * answers) uses the functions below.
 *
 * Unlike the rest of the runtime these helpers do not record a last error
 * (error.h): FM_ENOTFOUND here is an answer ("no such member"), they run on
 * hot paths and inside error handling, where overwriting the message being
 * built would lose it. Callers that treat a result as a failure say so
 * with fm_error_set().
 */
#ifndef FOREMAN_KUBE_JSON_H
#define FOREMAN_KUBE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The decoder's nesting limit (CODEC_MAX_DEPTH), checked at compile time. */
#define FM_KUBE_JSON_MAX_DEPTH 512

/*
 * How deep the scanner follows nesting. BOUNDED stops at
 * FM_KUBE_JSON_MAX_DEPTH with FM_ELIMIT, like the decoder. ANY_DEPTH
 * follows any nesting, the levels past the bound on the heap (FM_ENOMEM
 * when that fails): a watch event or list page must find the members
 * around an object nested too deep to decode, so that one object is
 * reported alone instead of failing the whole stream or page (the
 * "one bad object, never a bad list",
 * docs/schema.md).
 */
typedef enum fm_kube_json_depth {
    FM_KUBE_JSON_BOUNDED = 0,
    FM_KUBE_JSON_ANY_DEPTH = 1,
} fm_kube_json_depth;

/*
 * Skips whitespace and then one JSON value starting at s[*pos]; on success
 * *pos is just past the value. Returns 0, or FM_EPARSE on malformed or
 * truncated input (nesting deeper than FM_KUBE_JSON_MAX_DEPTH is
 * FM_ELIMIT). fm_kube_json_skip() is the BOUNDED mode.
 */
int fm_kube_json_skip(const char *s, size_t len, size_t *pos);
int fm_kube_json_skip_depth(const char *s, size_t len, size_t *pos, fm_kube_json_depth mode);

/*
 * Finds member `name` of the JSON object in obj[0..len) (leading whitespace
 * allowed) and stores the span of its value in *val and *val_len. Returns 0,
 * FM_ENOTFOUND when the object has no such member, FM_EPARSE when obj is not
 * an object or is malformed before the member was found. The last duplicate
 * is not searched for: the first occurrence wins.
 */
int fm_kube_json_member(const char *obj, size_t len, const char *name,
                     const char **val, size_t *val_len);
/* fm_kube_json_member (which is BOUNDED) with the depth mode given. */
int fm_kube_json_member_depth(const char *obj, size_t len, const char *name, fm_kube_json_depth mode,
                              const char **val, size_t *val_len);

/*
 * Steps through the elements of the JSON array arr[0..len) (leading
 * whitespace allowed). Start with *pos = 0; each call stores the span of
 * the next element in *val, *val_len and returns 1, returns 0 at the
 * closing bracket, or a negative code (FM_EPARSE, FM_ELIMIT, FM_ENOMEM)
 * when arr is not an array or the element is malformed.
 */
int fm_kube_json_array_next(const char *arr, size_t len, size_t *pos, fm_kube_json_depth mode,
                            const char **val, size_t *val_len);

/* Like fm_kube_json_member with a dotted path ("metadata.resourceVersion"). */
int fm_kube_json_path(const char *obj, size_t len, const char *path,
                   const char **val, size_t *val_len);

/*
 * Unescapes the JSON string literal val[0..len) (quotes included) into a
 * malloc'd NUL-terminated string. Returns NULL when val is not a string
 * literal or on allocation failure. \u escapes become UTF-8 (surrogate
 * pairs joined; a NUL escape becomes U+FFFD so C strings stay whole).
 */
char *fm_kube_json_string(const char *val, size_t len);

/* Reads an integer literal; returns 0 or FM_EPARSE. */
int fm_kube_json_int(int64_t *out, const char *val, size_t len);

/* Convenience: the string at `path`, malloc'd, or NULL when absent/not a string. */
char *fm_kube_json_path_string(const char *obj, size_t len, const char *path);

#ifdef __cplusplus
}
#endif
#endif

/*
 * kube_json.h - a small read-only JSON scanner for the Kubernetes client.
 *
 * The client needs a few members of documents whose type it does not know
 * (a Status error body, a watch event envelope, metadata.name of an object
 * it is about to PUT, an ExecCredential). Rather than decoding the whole
 * document, these helpers find the text span of one member and unescape
 * strings. They validate only what they walk over; input is never modified
 * and nothing is allocated except by fm_kube_json_string().
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

/*
 * Skips whitespace and then one JSON value starting at s[*pos]; on success
 * *pos is just past the value. Returns 0, or FM_EPARSE on malformed or
 * truncated input (nesting deeper than 512 is FM_ELIMIT).
 */
int fm_kube_json_skip(const char *s, size_t len, size_t *pos);

/*
 * Finds member `name` of the JSON object in obj[0..len) (leading whitespace
 * allowed) and stores the span of its value in *val and *val_len. Returns 0,
 * FM_ENOTFOUND when the object has no such member, FM_EPARSE when obj is not
 * an object or is malformed before the member was found. The last duplicate
 * is not searched for: the first occurrence wins.
 */
int fm_kube_json_member(const char *obj, size_t len, const char *name,
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

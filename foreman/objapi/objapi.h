/*
 * objapi.h - the few API calls the operator's and the agent's cores make
 * (get, merge patch, create, delete), as a table of function pointers.
 *
 * The cores (foreman/operator, foreman/agentcore) decide and write through
 * this table, never through fm_kube_client directly, so a unit test can put
 * a scripted fake behind it (tests/unit/fakeapi.c: the Nth patch answers
 * 409, applies but loses its answer, or finds the object gone) and check
 * the 409 loops in milliseconds without an API server.
 *
 * Every call returns 0 or one negative code, and the code alone says what
 * happened; callers never probe the thread-local error for the kind of
 * failure (the message is still set, for logs):
 *
 *   FM_ENOTFOUND     404: the object is gone
 *   FM_ECONFLICT     409 other than AlreadyExists: stale resourceVersion
 *   FM_EEXISTS       409 AlreadyExists (create)
 *   FM_ETRANSPORT    no answer at all (connect, TLS, timeout, reset)
 *   FM_ETIMEOUT      504 / server timeout: the write may have been applied
 *   FM_EUNAVAILABLE  other 5xx (or 429 once retries ran out): the server
 *                    may or may not have applied the write (not a 429)
 *   FM_EINVALID      422: the server refuses this object for good
 *   FM_EHTTP         any other non-2xx (fm_error_last()->http_status)
 *   FM_E*            local failures (FM_ENOMEM, FM_EPARSE, ...)
 *
 * These are the kube client's own codes (runtime/core/error.h), so the
 * real implementation (fm_objapi_kube) passes them through.
 */
#ifndef FOREMAN_OBJAPI_H
#define FOREMAN_OBJAPI_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "kube.h"

typedef struct fm_objapi {
    void *ud;
    /* GET ns/name of kind k into *out (the caller's). */
    int (*get)(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name);
    /* Merge patch body to ns/name (status: to the status subresource);
     * *out (may be NULL) receives the server's object. */
    int (*patch)(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name,
                 const char *body, size_t len, bool status);
    /* POST obj into ns; *out (may be NULL) receives the created object. */
    int (*create)(void *ud, void **out, const fm_kind_desc *k, const char *ns, const void *obj);
    /* DELETE ns/name. */
    int (*del)(void *ud, const fm_kind_desc *k, const char *ns, const char *name);
} fm_objapi;

/* Fills *out with the implementation over client c (borrowed). */
void fm_objapi_kube(fm_objapi *out, fm_kube_client *c);

/* True for the codes after which a write may have been applied although
 * no answer said so (FM_ETRANSPORT, FM_ETIMEOUT, FM_EUNAVAILABLE but not a
 * 429, which the server refused unread). */
bool fm_objapi_unanswered(int code);

/* GETs the AgenticTask ns/name into *out (NULL on failure). */
int fm_objapi_task_get(const fm_objapi *api, fm_agentic_task **out, const char *ns, const char *name);

/*
 * Sends the merge patch from old_obj to new_obj for a task (status: to the
 * status subresource), with old_obj's resourceVersion as a precondition.
 * *out (may be NULL) receives the server's object. Returns 0 or one of the
 * codes above.
 */
int fm_objapi_task_patch(const fm_objapi *api, fm_agentic_task **out, const fm_agentic_task *old_obj,
                         const fm_agentic_task *new_obj, bool status);

#endif

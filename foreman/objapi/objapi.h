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
 *   FM_EUNAVAILABLE  5xx: the server may or may not have applied the write
 *   FM_EHTTP         any other non-2xx (fm_error_last()->http_status)
 *   FM_E*            local failures (FM_ENOMEM, FM_EPARSE, ...)
 *
 * The real implementation (fm_objapi_kube) maps the kube client's errors to
 * these codes in one place (objapi_kube.c: map_code).
 */
#ifndef FOREMAN_OBJAPI_H
#define FOREMAN_OBJAPI_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "kube.h"

/*
 * Codes the object API adds to error.h's. They are meant to move into
 * error.h (refactor/error-codes turns the fm_kube_err_is_X() probes into
 * returned codes); until then they live here, outside error.h's range.
 */
enum {
    FM_ECONFLICT = -40,    /* 409 Conflict: the object has been modified */
    FM_EEXISTS = -41,      /* 409 AlreadyExists */
    FM_EUNAVAILABLE = -42, /* 5xx: the write may or may not have been applied */
};

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
 * no answer said so (FM_ETRANSPORT, FM_EUNAVAILABLE). */
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

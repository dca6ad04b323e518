/*
 * fakeobj.h - a scripted in-memory fm_objapi for the cores' unit tests.
 *
 * Holds AgenticTasks as JSON, applies merge patches as the API server does
 * (RFC 7386, metadata.resourceVersion as a precondition: a stale one is
 * FM_ECONFLICT; each write bumps the version) and lets a test script what
 * the Nth call answers:
 *
 *   FAKE_CONFLICT    409 without touching the object
 *   FAKE_LOST        the write is applied, but the caller sees a timeout
 *   FAKE_GONE        the object is deleted first, then the call answers 404
 *   FAKE_TRANSPORT   no answer and nothing applied
 *   FAKE_BUMP        another writer changes the object first (a label), so
 *                    the caller's precondition fails with a real 409
 */
#ifndef FOREMAN_TEST_FAKEOBJ_H
#define FOREMAN_TEST_FAKEOBJ_H

#include <stdbool.h>

#include "objapi.h"

typedef enum { FAKE_OK = 0, FAKE_CONFLICT, FAKE_LOST, FAKE_GONE, FAKE_TRANSPORT, FAKE_BUMP } fake_action;

#define FAKE_MAX_OBJS 64
#define FAKE_MAX_SCRIPT 32

typedef struct fake_api {
    struct {
        char key[256];
        char *json;
        long rv;
    } objs[FAKE_MAX_OBJS];
    size_t n;
    long next_rv;
    /* script: the patch (or get) with that 1-based index does action */
    struct {
        bool is_get;
        int index;
        fake_action action;
    } script[FAKE_MAX_SCRIPT];
    size_t n_script;
    int patches, gets, applied; /* calls seen, patches applied */
} fake_api;

void fake_init(fake_api *f, fm_objapi *api);
void fake_free(fake_api *f);

/* Puts task t on the server (its resourceVersion is the server's next). */
void fake_put_task(fake_api *f, const fm_agentic_task *t);

/* The server's copy of ns/name, decoded (caller frees), or NULL. */
fm_agentic_task *fake_task(fake_api *f, const char *ns, const char *name);

/* Deletes ns/name on the server. */
void fake_delete(fake_api *f, const char *ns, const char *name);

/* The Nth patch (1-based, counted from the start) does action. */
void fake_on_patch(fake_api *f, int n, fake_action action);
/* The Nth get does action (FAKE_GONE, FAKE_TRANSPORT). */
void fake_on_get(fake_api *f, int n, fake_action action);

#endif

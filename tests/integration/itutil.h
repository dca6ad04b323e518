/*
 * itutil.h - helpers shared by the runtime's integration tests (informer,
 * leader election): a client from $KUBECONFIG, AgenticTask fixtures under a
 * per-run label, and a fresh list of them to compare caches against.
 * Header-only (static functions) so each test stays one executable.
 */
#ifndef FOREMAN_TESTS_ITUTIL_H
#define FOREMAN_TESTS_ITUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "hashmap.h"
#include "kube.h"
#include "store.h"

#define IT_NS "default"
#define IT_LABEL "foreman.llmkube.dev/test-run"

/* A random run id so parallel or repeated runs never see each other. */
static inline void it_run_id(char out[17])
{
    unsigned long long r = 0;
    if (getrandom(&r, sizeof(r), 0) != (ssize_t)sizeof(r)) r = (unsigned long long)getpid();
    snprintf(out, 17, "%016llx", r);
}

static inline fm_kube_client *it_client(void)
{
    fm_kube_client *c = NULL;
    fm_kube_client_opts o = {.program = "runtime-it", .request_timeout_ms = 10000};
    if (fm_kube_client_new_default(&c, getenv("KUBECONFIG"), NULL, &o) != 0) {
        fprintf(stderr, "client: %s\n", fm_error_last()->message);
        return NULL;
    }
    return c;
}

/* Creates AgenticTask `name` labelled with the run id; returns 0 or the
 * client's error. */
static inline int it_create_task(fm_kube_client *c, const char *run, const char *name, const char *prompt)
{
    char json[1024];
    snprintf(json, sizeof(json),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
             "\"metadata\":{\"name\":\"%s\",\"namespace\":\"" IT_NS "\",\"labels\":{\"" IT_LABEL "\":\"%s\"}},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{\"prompt\":\"%s\"}}}",
             name, run, prompt);
    fm_agentic_task t;
    memset(&t, 0, sizeof(t));
    int rc = fm_codec_decode(&t, &fm_agentic_task_desc, json, strlen(json));
    if (!rc) rc = fm_kube_create(NULL, c, &fm_agentic_task_kind, IT_NS, &t);
    fm_codec_clear(&t, &fm_agentic_task_desc);
    return rc;
}

/* Changes the task's prompt with a merge patch (a new resourceVersion). */
static inline int it_update_task(fm_kube_client *c, const char *name, const char *prompt)
{
    char body[256];
    int n = snprintf(body, sizeof(body), "{\"spec\":{\"payload\":{\"prompt\":\"%s\"}}}", prompt);
    return fm_kube_patch(NULL, c, &fm_agentic_task_kind, IT_NS, name, KUBE_PATCH_MERGE, body, (size_t)n, NULL);
}

static inline int it_delete_task(fm_kube_client *c, const char *name)
{
    return fm_kube_delete(c, &fm_agentic_task_kind, IT_NS, name, NULL);
}

/* A key -> resourceVersion snapshot (strings owned by the snapshot). */
typedef struct it_snapshot {
    fm_hashmap map; /* key -> rv; key and rv allocated together */
} it_snapshot;

static inline void it_snapshot_put(it_snapshot *s, const char *key, const char *rv)
{
    size_t kl = strlen(key) + 1, rl = strlen(rv ? rv : "") + 1;
    char *mem = malloc(kl + rl);
    memcpy(mem, key, kl);
    memcpy(mem + kl, rv ? rv : "", rl);
    char *old_rv = fm_hashmap_remove(&s->map, key);
    if (old_rv) free(old_rv - kl); /* same key length: the block starts kl before */
    fm_hashmap_put(&s->map, mem, mem + kl, NULL);
}

static inline void it_snapshot_del(it_snapshot *s, const char *key)
{
    char *rv = fm_hashmap_remove(&s->map, key);
    if (rv) free(rv - strlen(key) - 1);
}

static inline void it_snapshot_free(it_snapshot *s)
{
    size_t it = 0;
    const char *k;
    while (fm_hashmap_next(&s->map, &it, &k, NULL)) free((char *)k);
    fm_hashmap_clear(&s->map);
}

/* Lists every task of the run (pages of 100) into a snapshot. */
static inline int it_list_snapshot(it_snapshot *out, fm_kube_client *c, const char *run)
{
    memset(out, 0, sizeof(*out));
    char sel[128];
    snprintf(sel, sizeof(sel), IT_LABEL "=%s", run);
    char *cont = NULL;
    int rc = 0;
    do {
        fm_kube_list_opts lo = {.label_selector = sel, .limit = 100, .continue_token = cont};
        void *list = NULL;
        rc = fm_kube_list(&list, c, &fm_agentic_task_kind, IT_NS, &lo);
        free(cont);
        cont = NULL;
        if (rc) break;
        fm_agentic_task_list *l = list;
        for (size_t i = 0; i < l->items.len; i++) {
            char key[512];
            snprintf(key, sizeof(key), "%s/%s", l->items.items[i].metadata.namespace,
                     l->items.items[i].metadata.name);
            it_snapshot_put(out, key, l->items.items[i].metadata.resource_version);
        }
        if (l->metadata.continue_ && *l->metadata.continue_) cont = fm_strdup(l->metadata.continue_);
        fm_kube_object_free(&fm_agentic_task_list_desc, list);
    } while (cont);
    return rc;
}

static inline int it_snapshot_add_store_obj(void *ud, const char *key, const void *obj)
{
    it_snapshot_put(ud, key, ((const fm_agentic_task *)obj)->metadata.resource_version);
    return 0;
}

/* Copies a store's keys and resourceVersions into a snapshot. */
static inline void it_store_snapshot(it_snapshot *out, fm_store *s)
{
    memset(out, 0, sizeof(*out));
    fm_store_foreach(s, it_snapshot_add_store_obj, out);
}

/* Number of differences between two snapshots (missing, extra, other rv);
 * prints the first few. */
static inline int it_snapshot_diff(const it_snapshot *want, const it_snapshot *got, int verbose)
{
    int diffs = 0;
    size_t it = 0;
    const char *k;
    void *v;
    while (fm_hashmap_next(&want->map, &it, &k, &v)) {
        const char *g = fm_hashmap_get(&got->map, k);
        if (!g || strcmp(g, v) != 0) {
            if (verbose && diffs < 5)
                fprintf(stderr, "  %s: want rv %s, got %s\n", k, (char *)v, g ? g : "(missing)");
            diffs++;
        }
    }
    it = 0;
    while (fm_hashmap_next(&got->map, &it, &k, NULL)) {
        if (!fm_hashmap_get(&want->map, k)) {
            if (verbose && diffs < 5) fprintf(stderr, "  %s: extra\n", k);
            diffs++;
        }
    }
    return diffs;
}

/* Deletes every task of the run (best effort). */
static inline void it_cleanup(fm_kube_client *c, const char *run)
{
    it_snapshot s;
    if (it_list_snapshot(&s, c, run) != 0) return;
    size_t it = 0;
    const char *k;
    while (fm_hashmap_next(&s.map, &it, &k, NULL)) {
        const char *slash = strchr(k, '/');
        it_delete_task(c, slash ? slash + 1 : k);
    }
    it_snapshot_free(&s);
}

#endif

/*
 * node.c - the agent's own FleetNode: registration at start-up, the
 * heartbeat thread, and the Draining patch at shutdown.
 *
 * Ownership (reference README): the agent owns the FleetNode's spec, the
 * labels it was told to set (--node-labels), and these status fields:
 * phase, lastHeartbeatTime, capability, currentTask, agentVersion, os,
 * arch, agentInstance. Everything else (conditions written by the operator, other
 * controllers' labels and annotations) is never touched: registration
 * patches only what differs, heartbeats are merge patches of the status
 * subresource carrying only the owned fields.
 */
#include "agent.h"

#include "clock.h"
#include "error.h"
#include "log.h"
#include "probe.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_MS INT64_C(1000000)
#define NS_PER_S INT64_C(1000000000)

/* ------------------------------------------------------------ registration */

/* Replaces a string list with a copy of src (absent when src has no entries). */
static int set_strlist(fm_string_list *dst, const fm_list *src)
{
    for (size_t i = 0; i < dst->len; i++) free(dst->items[i]);
    free(dst->items);
    dst->items = NULL;
    dst->len = 0;
    char **items = src->items;
    for (size_t i = 0; i < src->len; i++) {
        fm_list l = {dst->items, dst->len};
        if (fm_strlist_push(&l, items[i]) != 0) return FM_ENOMEM;
        dst->items = l.items;
        dst->len = l.len;
    }
    return 0;
}

/* Comma-joined sorted keys of m into out. */
static int join_keys(fm_buf *out, const fm_strmap *m)
{
    const char **keys = calloc(m->len ? m->len : 1, sizeof(char *));
    if (!keys) return FM_ENOMEM;
    for (size_t i = 0; i < m->len; i++) keys[i] = m->items[i].key;
    for (size_t i = 1; i < m->len; i++) /* insertion sort: a handful of labels */
        for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            const char *t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
        }
    int rc = 0;
    for (size_t i = 0; i < m->len; i++) {
        if (i) rc |= fm_buf_puts(out, ",");
        rc |= fm_buf_puts(out, keys[i]);
    }
    free(keys);
    return rc ? FM_ENOMEM : 0;
}

/* True when key appears in the comma list csv. */
static bool csv_has(const char *csv, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = csv; p && *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == kl && strncmp(p, key, kl) == 0) return true;
        p = e ? e + 1 : NULL;
    }
    return false;
}

/*
 * Applies what the flags say to n (a copy of the server's object, or an
 * empty one): spec fields (roles, capacity, task namespaces), the owned labels (dropping those a previous run
 * set and this one does not) and the annotation recording them.
 * Returns 0 or FM_ENOMEM.
 */
static int apply_desired(agent *a, fm_fleet_node *n)
{
    const agent_config *c = &a->cfg;
    fm_k8s_object_meta *md = &n->metadata;
    int rc = 0;
    fm_fleet_node_set_metadata_present(n, true);
    fm_fleet_node_set_spec_present(n, true);
    rc |= fm_strset(&n->api_version, fm_fleet_node_kind.api_version);
    rc |= fm_strset(&n->kind, fm_fleet_node_kind.kind);
    rc |= fm_strset(&md->name, c->name);
    /* The FleetNode name, as the Go agent writes it (the field names the
     * node, conventionally equal to metadata.name), not the raw host name. */
    rc |= fm_strset(&n->spec.node_name, c->name);
    rc |= fm_strset(&n->spec.tailscale_addr,
                    c->tailscale_addr && c->tailscale_addr[0] ? c->tailscale_addr : NULL);
    rc |= set_strlist(&n->spec.roles, &c->roles);
    fm_fleet_node_spec_set_roles_present(&n->spec, c->roles.len > 0);
    fm_fleet_node_spec_set_max_concurrent_tasks(&n->spec, c->max_concurrent);
    /* The namespaces this agent watches, so the scheduler places nothing
     * here it would never see; absent when it watches them all. */
    rc |= set_strlist(&n->spec.task_namespaces, &c->task_namespaces);
    fm_fleet_node_spec_set_task_namespaces_present(&n->spec, c->task_namespaces.len > 0);

    /* Labels: keep everything not ours; drop the ones a previous run owned. */
    const char *owned_before = fm_strmap_get(&md->annotations, FM_ANNOTATION_AGENT_LABELS);
    fm_strmap labels = {NULL, 0};
    for (size_t i = 0; i < md->labels.len; i++) {
        const fm_strpair *p = &md->labels.items[i];
        if (csv_has(owned_before, p->key) && !fm_strmap_get(&c->labels, p->key)) continue;
        rc |= fm_strmap_set(&labels, p->key, p->value);
    }
    for (size_t i = 0; i < c->labels.len; i++)
        rc |= fm_strmap_set(&labels, c->labels.items[i].key, c->labels.items[i].value);
    bool had_labels = fm_k8s_object_meta_has_labels(md);
    fm_strmap_clear(&md->labels);
    md->labels = labels;
    fm_k8s_object_meta_set_labels_present(md, had_labels || labels.len > 0);

    /* The annotation: present while we own labels, or when it already was. */
    fm_buf keys = FM_BUF_INIT;
    rc |= join_keys(&keys, &c->labels);
    if (keys.len > 0 || owned_before) {
        rc |= fm_strmap_set(&md->annotations, FM_ANNOTATION_AGENT_LABELS, keys.data ? keys.data : "");
        fm_k8s_object_meta_set_annotations_present(md, true);
    }
    fm_buf_free(&keys);
    return rc ? fm_error_set(FM_ENOMEM, "fleetnodes/%s: out of memory", c->name) : 0;
}

/* Remembers the server's view of the status (for the heartbeat's nulls)
 * and its resourceVersion (the heartbeat's precondition). */
static void remember_status(agent *a, const fm_fleet_node *n)
{
    pthread_mutex_lock(&a->mu);
    fm_codec_clear(&a->server_status, &fm_fleet_node_status_desc);
    if (n && fm_fleet_node_has_status(n)) fm_codec_copy(&a->server_status, &n->status, &fm_fleet_node_status_desc);
    if (n) fm_strset(&a->server_rv, n->metadata.resource_version);
    pthread_mutex_unlock(&a->mu);
}

/* ------------------------------------------------------------ identity */

/* The kernel's boot id (changes on every boot), or "" when unknown. */
static void boot_id(char *out, size_t cap)
{
    out[0] = 0;
    int fd = open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ssize_t n = read(fd, out, cap - 1);
    close(fd);
    out[n > 0 ? n : 0] = 0;
    out[strcspn(out, "\n")] = 0;
}

void node_make_instance(agent *a)
{
    char boot[64];
    uint32_t r = 0;
    boot_id(boot, sizeof boot);
    if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r)
        r = (uint32_t)time(NULL) ^ (uint32_t)getpid();
    snprintf(a->instance, sizeof a->instance, "%.64s/%ld/%.36s/%08x", a->cfg.host, (long)getpid(), boot,
             (unsigned)r);
}

/*
 * Whether the agent recorded as `other` in a FleetNode is certainly gone
 * although its heartbeat is fresh: it ran on this host in this boot and
 * its process no longer exists (or is this process: a container restarted
 * with the same pid). An instance from another host cannot be judged.
 */
static bool other_is_dead_here(const agent *a, const char *other)
{
    char host[256], boot[64], mine[64];
    long pid = 0;
    const char *p1 = strchr(other, '/');
    const char *p2 = p1 ? strchr(p1 + 1, '/') : NULL;
    const char *p3 = p2 ? strchr(p2 + 1, '/') : NULL;
    if (!p3) return false;
    snprintf(host, sizeof host, "%.*s", (int)(p1 - other), other);
    pid = strtol(p1 + 1, NULL, 10);
    snprintf(boot, sizeof boot, "%.*s", (int)(p3 - p2 - 1), p2 + 1);
    if (strcmp(host, a->cfg.host) != 0) return false;
    boot_id(mine, sizeof mine);
    if (strcmp(boot, mine) != 0) return true; /* the host rebooted since */
    if (pid <= 0 || pid == (long)getpid()) return true;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/*
 * Decides whether the FleetNode n is held by another live agent: its
 * status names another instance, is not Draining or NotReady, and
 * heartbeated within three of our heartbeat intervals (at least 15 s).
 * *why gets a one-line description when it is.
 */
static bool held_by_other(const agent *a, const fm_fleet_node *n, char *why, size_t cap)
{
    const fm_fleet_node_status *st = &n->status;
    const char *other = st->agent_instance;
    if (!other || !*other || strcmp(other, a->instance) == 0) return false;
    if (st->phase == FM_NODE_PHASE_DRAINING || st->phase == FM_NODE_PHASE_NOT_READY) return false;
    if (!fm_fleet_node_status_has_last_heartbeat_time(st)) return false;
    int64_t window = 3 * a->cfg.heartbeat_ns / NS_PER_S;
    if (window < 15) window = 15;
    int64_t age = fm_codec_time_now().sec - st->last_heartbeat_time.sec;
    if (age > window) return false;
    if (other_is_dead_here(a, other)) return false;
    snprintf(why, cap,
             "FleetNode %s is held by another running foreman-agent (%s, heartbeat %llds ago); refusing to "
             "run as a duplicate: give each agent its own --fleet-node-name",
             a->cfg.name, other, (long long)age);
    return true;
}

/* Records a Warning Event about our FleetNode (best effort). */
static void node_event(agent *a, const char *reason, const char *message)
{
    fm_k8s_event ev;
    memset(&ev, 0, sizeof ev);
    char name[200];
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(name, sizeof name, "%.150s.%llx", a->cfg.name,
             (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec);
    fm_time now = fm_codec_time_now();
    now.nsec = 0;
    fm_k8s_event_set_metadata_present(&ev, true);
    fm_k8s_event_set_involved_object_present(&ev, true);
    fm_k8s_event_set_source_present(&ev, true);
    int rc = fm_strset(&ev.api_version, "v1") | fm_strset(&ev.kind, "Event") |
             fm_strset(&ev.metadata.name, name) | fm_strset(&ev.metadata.namespace, "default") |
             fm_strset(&ev.involved_object.api_version, fm_fleet_node_kind.api_version) |
             fm_strset(&ev.involved_object.kind, fm_fleet_node_kind.kind) |
             fm_strset(&ev.involved_object.name, a->cfg.name) | fm_strset(&ev.reason, reason) |
             fm_strset(&ev.message, message) | fm_strset(&ev.type, "Warning") |
             fm_strset(&ev.source.component, "foreman-agent") | fm_strset(&ev.source.host, a->cfg.host) |
             fm_strset(&ev.reporting_component, "foreman-agent") |
             fm_strset(&ev.reporting_instance, a->instance);
    fm_k8s_event_set_first_timestamp(&ev, now);
    fm_k8s_event_set_last_timestamp(&ev, now);
    fm_k8s_event_set_count(&ev, 1);
    if (rc == 0 && fm_kube_create(NULL, a->kc, &fm_k8s_event_kind, "default", &ev) != 0)
        fm_log_warn("event not recorded", "reason", reason, "error", fm_error_last()->message, NULL);
    fm_codec_clear(&ev, &fm_k8s_event_desc);
}

/* Marks this agent a duplicate: logs why, records an Event, and asks the
 * process to stop (the shutdown then leaves the FleetNode to the other). */
static void become_duplicate(agent *a, const char *why)
{
    if (atomic_exchange(&a->duplicate, 1)) return;
    fm_log_error("duplicate agent", "fleetnode", a->cfg.name, "error", why, NULL);
    node_event(a, "DuplicateAgent", why);
    kill(getpid(), SIGTERM);
}

/* One registration attempt. Returns 0 or a negative FM_E*. */
static int register_once(agent *a)
{
    const char *name = a->cfg.name;
    fm_fleet_node *cur = NULL, *want = NULL, *out = NULL;
    fm_buf body = FM_BUF_INIT;
    int rc = fm_kube_get((void **)&cur, a->kc, &fm_fleet_node_kind, NULL, name);
    if (rc == FM_EPARSE || rc == FM_ELIMIT) {
        /* Stored, but with a value the decoder refuses (written under an
         * older CRD, or by someone else: see docs/schema.md). The spec is
         * ours: write it whole over what is there, without a precondition,
         * which repairs a bad spec. The duplicate check is skipped: the
         * node's agentInstance cannot be read. */
        fm_log_error("FleetNode does not decode; writing this agent's spec over it", "fleetnode", name, "error",
                  fm_error_last()->message, NULL);
        fm_fleet_node empty;
        memset(&empty, 0, sizeof empty);
        want = calloc(1, sizeof(*want));
        if (!want) return fm_error_set(FM_ENOMEM, "fleetnodes/%s: out of memory", name);
        if ((rc = apply_desired(a, want)) == 0 && (rc = fm_fleet_node_merge_patch(&body, &empty, want, NULL)) == 0)
            rc = fm_kube_patch((void **)&out, a->kc, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, body.data,
                            body.len, NULL);
        if (rc == 0) {
            fm_log_info("FleetNode spec rewritten", "fleetnode", name, NULL);
            remember_status(a, out);
        } else if (rc == FM_EPARSE || rc == FM_ELIMIT) {
            /* still unreadable (the bad value is elsewhere): heartbeat
             * without a precondition */
            pthread_mutex_lock(&a->mu);
            free(a->server_rv);
            a->server_rv = NULL;
            pthread_mutex_unlock(&a->mu);
            rc = 0;
        }
        goto done;
    }
    if (rc == FM_ENOTFOUND) {
        want = calloc(1, sizeof(*want));
        if (!want) return fm_error_set(FM_ENOMEM, "fleetnodes/%s: out of memory", name);
        if ((rc = apply_desired(a, want)) != 0) goto done;
        rc = fm_kube_create((void **)&out, a->kc, &fm_fleet_node_kind, NULL, want);
        if (rc == 0) {
            fm_log_info("FleetNode created", "fleetnode", name, "resourceVersion",
                     out->metadata.resource_version, NULL);
            remember_status(a, out);
        }
        goto done;
    }
    if (rc != 0) goto done;
    char why[512];
    if (held_by_other(a, cur, why, sizeof why)) {
        atomic_store(&a->duplicate, 1);
        fm_log_error("duplicate agent", "fleetnode", name, "error", why, NULL);
        node_event(a, "DuplicateAgent", why);
        rc = fm_error_set(FM_EINVAL, "%s", why);
        goto done;
    }
    if ((rc = fm_fleet_node_copy(&want, cur)) != 0 || (rc = apply_desired(a, want)) != 0) goto done;
    if (fm_fleet_node_equal(cur, want)) {
        fm_log_info("FleetNode up to date", "fleetnode", name, "resourceVersion",
                 cur->metadata.resource_version, NULL);
        remember_status(a, cur);
        goto done;
    }
    if ((rc = fm_fleet_node_merge_patch(&body, cur, want, cur->metadata.resource_version)) != 0)
        goto done;
    rc = fm_kube_patch((void **)&out, a->kc, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE,
                    body.data, body.len, NULL);
    if (rc == 0) {
        fm_log_info("FleetNode spec updated", "fleetnode", name, "patch", body.data, "resourceVersion",
                 out->metadata.resource_version, NULL);
        remember_status(a, out);
    }
done:
    fm_buf_free(&body);
    fm_fleet_node_free(cur);
    fm_fleet_node_free(want);
    fm_fleet_node_free(out);
    return rc;
}

int node_register(agent *a)
{
    int64_t backoff_ms = 500;
    for (;;) {
        if (atomic_load(&a->draining) || fm_signals_shutdown_requested())
            return fm_error_set(FM_ECANCELED, "fleetnodes/%s: registration cancelled", a->cfg.name);
        if (register_once(a) == 0) return 0;
        if (atomic_load(&a->duplicate)) return FM_EINVAL;
        char ms[24];
        fm_log_warn("FleetNode registration failed; retrying", "fleetnode", a->cfg.name, "error",
                 fm_error_last()->message, "retryInMs", fm_log_int(ms, backoff_ms), NULL);
        if (fm_signals_wait(backoff_ms))
            return fm_error_set(FM_ECANCELED, "fleetnodes/%s: registration cancelled", a->cfg.name);
        backoff_ms = backoff_ms * 2 > 30000 ? 30000 : backoff_ms * 2;
    }
}

/* ------------------------------------------------------------ heartbeat */

/*
 * Fills mask with the capability fields the server has and st lacks (a
 * restart dropped --max-context-tokens, NVML went away), so the merge
 * patch from mask to st writes null for them and every other owned field
 * in full.
 */
static void build_mask(fm_fleet_node_status *mask, const fm_fleet_node_status *server,
                       const fm_fleet_node_status *st)
{
    memset(mask, 0, sizeof(*mask));
    if (!fm_fleet_node_status_has_capability(server)) return;
    const fm_capability *sc = &server->capability, *nc = &st->capability;
    fm_capability *mc = &mask->capability;
    bool any = false;
    if (fm_capability_has_max_context_tokens(sc) && !fm_capability_has_max_context_tokens(nc)) {
        fm_capability_set_max_context_tokens(mc, 0);
        any = true;
    }
    if (fm_capability_has_tokens_per_second(sc) && !fm_capability_has_tokens_per_second(nc)) {
        fm_capability_set_tokens_per_second(mc, 0);
        any = true;
    }
    if (fm_capability_has_installed_models(sc) && !fm_capability_has_installed_models(nc)) {
        fm_capability_set_installed_models_present(mc, true);
        any = true;
    }
    if (fm_capability_has_gpus(sc) && !fm_capability_has_gpus(nc)) {
        fm_capability_set_gpus_present(mc, true);
        any = true;
    }
    if (any) fm_fleet_node_status_set_capability_present(mask, true);
}

/* Builds the owned status for a beat: a fresh probe (or the last good one
 * when probing fails), phase, time, current task. Returns 0 or FM_ENOMEM. */
static int build_status(agent *a, fm_fleet_node_status *st, fm_node_phase phase)
{
    fm_probe_options o;
    fm_probe_result r;
    fm_probe_options_from_flags(&o, &a->cfg.cap);
    o.skip_gpus = a->no_gpus;
    memset(&r, 0, sizeof(r));
    int rc = fm_probe_run(&r, &o);
    if (rc == 0) {
        rc = fm_probe_fill_status(st, &r, &a->cfg.cap, FOREMAN_VERSION);
        if (rc == 0) {
            /* No NVML and no complaint: do not dlopen it on every beat. */
            if (r.n_gpus == 0 && r.n_warnings == 0) a->no_gpus = true;
            fm_codec_clear(&a->last_capability, &fm_capability_desc);
            fm_codec_copy(&a->last_capability, &st->capability, &fm_capability_desc);
            a->have_capability = true;
        }
    } else {
        fm_log_warn("probing the host failed; reporting the last capability", "error",
                 fm_error_last()->message, NULL);
        if (a->have_capability) {
            fm_codec_copy(&st->capability, &a->last_capability, &fm_capability_desc);
            fm_fleet_node_status_set_capability_present(st, true);
        }
        rc = fm_strset(&st->agent_version, FOREMAN_VERSION);
        rc |= fm_strset(&st->os, fm_probe_os());
        rc |= fm_strset(&st->arch, fm_probe_arch());
    }
    fm_probe_result_clear(&r);
    if (rc != 0) return rc;
    st->phase = phase;
    fm_time now = fm_codec_time_now();
    now.nsec = 0; /* metav1.Time has whole seconds */
    fm_fleet_node_status_set_last_heartbeat_time(st, now);
    char cur[256];
    tasks_current(a, cur, sizeof(cur));
    return fm_strset(&st->current_task, cur) | fm_strset(&st->agent_instance, a->instance);
}

/* Sends one heartbeat; *again is set when the node changed meanwhile (a
 * 409 from another writer of ours: the operator) and the beat should be
 * sent again at once. Returns 0 or a negative FM_E*. */
static int beat_once(agent *a, bool *again)
{
    fm_fleet_node old_n, new_n;
    memset(&old_n, 0, sizeof(old_n));
    memset(&new_n, 0, sizeof(new_n));
    fm_fleet_node *out = NULL;
    fm_buf body = FM_BUF_INIT;
    int rc = build_status(a, &new_n.status, FM_NODE_PHASE_READY);
    if (rc != 0) goto done;
    fm_fleet_node_set_status_present(&new_n, true);
    fm_fleet_node_set_status_present(&old_n, true);
    /* The resourceVersion last seen is the precondition: a 409 means
     * someone else wrote the node since, and if that someone heartbeats as
     * this node under another identity, two agents share the name. */
    pthread_mutex_lock(&a->mu);
    build_mask(&old_n.status, &a->server_status, &new_n.status);
    char *rv = fm_strdup(a->server_rv);
    pthread_mutex_unlock(&a->mu);
    rc = fm_fleet_node_merge_patch(&body, &old_n, &new_n, rv);
    free(rv);
    if (rc != 0) goto done;
    fm_log_v(2, "heartbeat patch", "fleetnode", a->cfg.name, "patch", body.data, NULL);
    fm_kube_patch_opts po = {.subresource = "status"};
    rc = fm_kube_patch((void **)&out, a->kc, &fm_fleet_node_kind, NULL, a->cfg.name, KUBE_PATCH_MERGE,
                    body.data, body.len, &po);
    if (rc == 0) remember_status(a, out);
    if (rc == FM_EPARSE || rc == FM_ELIMIT) {
        /* The patch was applied (2xx) but the node it returned does not
         * decode: the beat counts, and the next one goes without a
         * precondition, since the new resourceVersion is unknown. */
        fm_log_warn("FleetNode does not decode; heartbeating without a precondition", "fleetnode", a->cfg.name,
                 "error", fm_error_last()->message, NULL);
        pthread_mutex_lock(&a->mu);
        free(a->server_rv);
        a->server_rv = NULL;
        pthread_mutex_unlock(&a->mu);
        rc = 0;
    }
    if (rc == FM_ECONFLICT) {
        fm_fleet_node *cur = NULL;
        int grc = fm_kube_get((void **)&cur, a->kc, &fm_fleet_node_kind, NULL, a->cfg.name);
        if (grc == FM_EPARSE || grc == FM_ELIMIT) {
            pthread_mutex_lock(&a->mu);
            free(a->server_rv);
            a->server_rv = NULL;
            pthread_mutex_unlock(&a->mu);
            *again = true;
        } else if (grc == FM_ENOTFOUND) {
            rc = grc; /* deleted meanwhile: the heartbeat thread registers it again */
        } else if (grc == 0) {
            char why[512];
            const char *other = cur->status.agent_instance;
            if (other && *other && strcmp(other, a->instance) != 0 && !other_is_dead_here(a, other)) {
                snprintf(why, sizeof why,
                         "FleetNode %s is also heartbeated by another foreman-agent (%s); this one (%s) "
                         "stops: give each agent its own --fleet-node-name",
                         a->cfg.name, other, a->instance);
                become_duplicate(a, why);
                rc = fm_error_set(FM_EINVAL, "%s", why);
            } else {
                remember_status(a, cur);
                *again = true;
            }
        }
        fm_fleet_node_free(cur);
    }
done:
    fm_buf_free(&body);
    fm_codec_clear(&old_n, &fm_fleet_node_desc);
    fm_codec_clear(&new_n, &fm_fleet_node_desc);
    fm_fleet_node_free(out);
    return rc;
}

/* Sends one heartbeat (twice when the first met a 409 from the operator). */
static int beat(agent *a)
{
    bool again = false;
    int rc = beat_once(a, &again);
    if (rc != 0 && again && !atomic_load(&a->duplicate)) {
        again = false;
        rc = beat_once(a, &again);
    }
    return rc;
}

/* The heartbeat thread: a beat at once, then every interval; after a failure
 * retries with backoff (1 s doubling, capped at the interval). A deleted
 * FleetNode is registered again. Ends when the agent drains. */
static void *hb_main(void *arg)
{
    agent *a = arg;
    int64_t interval = a->cfg.heartbeat_ns;
    int64_t backoff = NS_PER_S < interval ? NS_PER_S : interval;
    int64_t next = fm_clock_now(NULL);
    int failures = 0;
    pthread_mutex_lock(&a->mu);
    for (;;) {
        while (!a->hb_wake && !atomic_load(&a->draining) && fm_clock_now(NULL) < next)
            fm_clock_wait_until(NULL, &a->hb_cond, &a->mu, next);
        if (atomic_load(&a->draining)) break;
        a->hb_wake = false;
        pthread_mutex_unlock(&a->mu);

        int rc = beat(a);
        if (atomic_load(&a->duplicate)) {
            pthread_mutex_lock(&a->mu);
            break;
        }
        if (rc == FM_ENOTFOUND) {
            fm_log_warn("FleetNode is gone; registering it again", "fleetnode", a->cfg.name, NULL);
            if (node_register(a) == 0) rc = beat(a);
        }
        int64_t now = fm_clock_now(NULL);
        if (rc == 0) {
            fm_metrics_inc(a->m_hb_ok);
            fm_metrics_set(a->m_last_hb, (double)fm_codec_time_now().sec);
            if (failures > 0) {
                char n[24];
                fm_log_info("heartbeat resumed", "fleetnode", a->cfg.name, "failedBeats",
                         fm_log_int(n, failures), NULL);
            } else {
                fm_log_v(1, "heartbeat sent", "fleetnode", a->cfg.name, NULL);
            }
            failures = 0;
            backoff = NS_PER_S < interval ? NS_PER_S : interval;
            next = now + interval;
        } else {
            fm_metrics_inc(a->m_hb_failed);
            failures++;
            char ms[24], n[24];
            fm_log_warn("heartbeat failed; retrying", "fleetnode", a->cfg.name, "error",
                     fm_error_last()->message, "failedBeats", fm_log_int(n, failures), "retryInMs",
                     fm_log_int(ms, backoff / NS_PER_MS), NULL);
            next = now + backoff;
            backoff = backoff * 2 > interval ? interval : backoff * 2;
        }
        pthread_mutex_lock(&a->mu);
    }
    a->hb_exited = true;
    pthread_cond_broadcast(&a->hb_cond);
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

int node_heartbeat_start(agent *a)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int e = pthread_create(&a->hb_thread, &attr, hb_main, a);
    pthread_attr_destroy(&attr);
    if (e != 0) return fm_error_set(FM_ERROR, "starting the heartbeat thread: %s", strerror(e));
    a->hb_started = true;
    return 0;
}

void node_heartbeat_kick(agent *a)
{
    pthread_mutex_lock(&a->mu);
    a->hb_wake = true;
    pthread_cond_broadcast(&a->hb_cond);
    pthread_mutex_unlock(&a->mu);
}

/* ------------------------------------------------------------ draining */

typedef struct drain_job {
    agent *a;
    pthread_mutex_t mu;
    pthread_cond_t cond;
    bool done;
    bool abandoned;   /* the waiter gave up: the thread frees the job */
    int rc;
    char error[FM_ERROR_MAX];
} drain_job;

/* Patches phase Draining (and no current task) after letting an in-flight
 * heartbeat finish for up to a second, so a late "Ready" cannot land last. */
static void *drain_main(void *arg)
{
    drain_job *j = arg;
    agent *a = j->a;
    int64_t until = fm_clock_now(NULL) + NS_PER_S;
    pthread_mutex_lock(&a->mu);
    while (a->hb_started && !a->hb_exited && fm_clock_now(NULL) < until)
        fm_clock_wait_until(NULL, &a->hb_cond, &a->mu, until);
    pthread_mutex_unlock(&a->mu);

    /* The patch comes from the codec (a status with only these two
     * fields against an empty one), so a schema rename cannot leave a
     * stale field name here: {"status":{"phase":"Draining","currentTask":""}}. */
    fm_fleet_node old_n, new_n;
    memset(&old_n, 0, sizeof(old_n));
    memset(&new_n, 0, sizeof(new_n));
    fm_fleet_node_set_status_present(&old_n, true);
    fm_fleet_node_set_status_present(&new_n, true);
    new_n.status.phase = FM_NODE_PHASE_DRAINING;
    fm_buf body = FM_BUF_INIT;
    int rc = fm_strset(&new_n.status.current_task, "");
    if (rc == 0) rc = fm_fleet_node_merge_patch(&body, &old_n, &new_n, NULL);
    if (rc == 0) {
        fm_kube_patch_opts po = {.subresource = "status"};
        rc = fm_kube_patch(NULL, a->kc, &fm_fleet_node_kind, NULL, a->cfg.name, KUBE_PATCH_MERGE, body.data,
                           body.len, &po);
    } else {
        rc = fm_error_set(rc, "fleetnodes/%s: out of memory", a->cfg.name);
    }
    fm_buf_free(&body);
    fm_codec_clear(&new_n, &fm_fleet_node_desc);
    pthread_mutex_lock(&j->mu);
    j->rc = rc;
    if (rc != 0) snprintf(j->error, sizeof(j->error), "%s", fm_error_last()->message);
    j->done = true;
    bool abandoned = j->abandoned;
    pthread_cond_broadcast(&j->cond);
    pthread_mutex_unlock(&j->mu);
    if (abandoned) {
        pthread_cond_destroy(&j->cond);
        pthread_mutex_destroy(&j->mu);
        free(j);
    }
    return NULL;
}

int node_patch_draining(agent *a, int64_t deadline_ns)
{
    /* A duplicate leaves the FleetNode to the agent that holds it. */
    if (atomic_load(&a->duplicate))
        return fm_error_set(FM_EINVAL, "fleetnodes/%s: held by another agent; not marked Draining", a->cfg.name);
    drain_job *j = calloc(1, sizeof(*j));
    if (!j) return fm_error_set(FM_ENOMEM, "out of memory");
    j->a = a;
    pthread_mutex_init(&j->mu, NULL);
    fm_clock_cond_init(&j->cond);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int e = pthread_create(&t, &attr, drain_main, j);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        pthread_cond_destroy(&j->cond);
        pthread_mutex_destroy(&j->mu);
        free(j);
        return fm_error_set(FM_ERROR, "starting the drain thread: %s", strerror(e));
    }
    pthread_mutex_lock(&j->mu);
    while (!j->done && fm_clock_now(NULL) < deadline_ns)
        fm_clock_wait_until(NULL, &j->cond, &j->mu, deadline_ns);
    int rc;
    if (j->done) {
        rc = j->rc == 0 ? 0 : fm_error_set(j->rc, "%s", j->error);
    } else {
        j->abandoned = true;
        rc = fm_error_set(FM_ETRANSPORT, "fleetnodes/%s: Draining patch did not finish in time",
                          a->cfg.name);
    }
    bool free_it = j->done;
    pthread_mutex_unlock(&j->mu);
    if (free_it) {
        pthread_cond_destroy(&j->cond);
        pthread_mutex_destroy(&j->mu);
        free(j);
    }
    return rc;
}

void node_cleanup(agent *a)
{
    if (a->hb_started) {
        pthread_join(a->hb_thread, NULL);
        a->hb_started = false;
    }
    fm_codec_clear(&a->server_status, &fm_fleet_node_status_desc);
    fm_codec_clear(&a->last_capability, &fm_capability_desc);
    free(a->server_rv);
    a->server_rv = NULL;
}

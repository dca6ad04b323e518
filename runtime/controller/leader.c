/*
 * leader.c - Lease-based leader election (see leader.h).
 *
 * State kept between attempts, as client-go's LeaderElector keeps it:
 *   observed_rv / observed_holder / observed_renew: the Lease record as last
 *     read; observed_at: our monotonic time when that record last CHANGED.
 *     A foreign lease counts as expired when observed_at + lease duration
 *     has passed on our clock, whatever the other host's clock says.
 */
#include "leader.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "k8s_core.h"

struct fm_leader {
    fm_kube_client *client;
    char *name, *ns, *identity;
    int64_t lease_ns, renew_ns, retry_ns;
    fm_clock *clock;
    fm_series *m_status;
    void (*on_started_leading)(void *ud);
    void (*on_stopped_leading)(void *ud);
    void (*on_new_leader)(void *ud, const char *identity);
    void (*on_error)(void *ud, int code, const char *message);
    void *ud;

    /* observed record (elector thread, or the caller of try_acquire) */
    char *observed_rv;
    char *observed_holder;
    fm_time observed_renew;
    int64_t observed_at;
    char *reported_leader;

    pthread_t thread;
    bool running;
    atomic_int stop;
    atomic_bool leading;
};

int fm_leader_new(fm_leader **out, const fm_leader_options *o)
{
    *out = NULL;
    if (!o || !o->client) return fm_error_set(FM_EINVAL, "leader election: a client is required");
    fm_leader *l = calloc(1, sizeof(*l));
    if (!l) return fm_error_set(FM_ENOMEM, "leader election: out of memory");
    l->client = o->client;
    l->name = fm_strdup(o->name ? o->name : LEADER_DEFAULT_NAME);
    const char *ns = o->ns ? o->ns : fm_kube_client_namespace(o->client);
    l->ns = fm_strdup(ns ? ns : "default");
    if (o->identity) {
        l->identity = fm_strdup(o->identity);
    } else {
        char host[256] = "";
        if (gethostname(host, sizeof(host) - 1) != 0 || !host[0]) snprintf(host, sizeof(host), "unknown");
        char id[300];
        snprintf(id, sizeof(id), "%s_%016llx", host, (unsigned long long)fm_rand64());
        l->identity = fm_strdup(id);
    }
    l->lease_ns = (o->lease_duration_ms > 0 ? o->lease_duration_ms : 15000) * FM_NSEC_PER_MSEC;
    l->renew_ns = (o->renew_deadline_ms > 0 ? o->renew_deadline_ms : 10000) * FM_NSEC_PER_MSEC;
    l->retry_ns = (o->retry_period_ms > 0 ? o->retry_period_ms : 2000) * FM_NSEC_PER_MSEC;
    l->clock = o->clock ? o->clock : fm_clock_real();
    l->on_started_leading = o->on_started_leading;
    l->on_stopped_leading = o->on_stopped_leading;
    l->on_new_leader = o->on_new_leader;
    l->on_error = o->on_error;
    l->ud = o->ud;
    if (!l->name || !l->ns || !l->identity) {
        fm_leader_free(l);
        return fm_error_set(FM_ENOMEM, "leader election: out of memory");
    }
    if (l->renew_ns >= l->lease_ns) {
        fm_leader_free(l);
        return fm_error_set(FM_EINVAL, "leader election: renew deadline must be shorter than the lease duration");
    }
    if (o->metrics) {
        fm_metric *m;
        int rc = fm_metrics_gauge(&m, o->metrics, "leader_election_master_status",
                               "Gauge of if the reporting system is master of the relevant lease, 0 "
                               "indicates backup, 1 indicates master. 'name' is the string used to "
                               "identify the lease. Please make sure to group by name.",
                               "name", NULL);
        if (!rc) rc = fm_metrics_series(&l->m_status, m, l->name, NULL);
        if (rc) {
            fm_leader_free(l);
            return rc;
        }
        fm_metrics_set(l->m_status, 0);
    }
    *out = l;
    return 0;
}

const char *fm_leader_identity(const fm_leader *l)
{
    return l->identity;
}

bool fm_leader_is_leader(fm_leader *l)
{
    return atomic_load(&l->leading);
}

static void report_error(fm_leader *l, int code)
{
    if (l->on_error) l->on_error(l->ud, code, fm_error_last()->message);
}

/* Remembers the record just read; restarts the expiry clock when it
 * changed (new holder, renewal, or any other write). */
static void observe(fm_leader *l, const fm_k8s_lease *lease)
{
    const char *rv = lease->metadata.resource_version;
    const char *holder = lease->spec.holder_identity ? lease->spec.holder_identity : "";
    bool changed = !l->observed_rv || !rv || strcmp(l->observed_rv, rv) != 0 ||
                   !l->observed_holder || strcmp(l->observed_holder, holder) != 0 ||
                   l->observed_renew.sec != lease->spec.renew_time.sec ||
                   l->observed_renew.nsec != lease->spec.renew_time.nsec;
    if (!changed) return;
    fm_strset(&l->observed_rv, rv);
    fm_strset(&l->observed_holder, holder);
    l->observed_renew = lease->spec.renew_time;
    l->observed_at = fm_clock_now(l->clock);
    if (*holder && strcmp(holder, l->identity) != 0 &&
        (!l->reported_leader || strcmp(l->reported_leader, holder) != 0)) {
        fm_strset(&l->reported_leader, holder);
        if (l->on_new_leader) l->on_new_leader(l->ud, holder);
    }
}

/* Wall time for the Lease's acquireTime and renewTime: the schema marks both
 * as micro-time, so the codec writes them with exactly six fraction digits,
 * the only spelling the API server accepts for MicroTime. */
static fm_time micro_now(fm_leader *l)
{
    return fm_clock_wall(l->clock);
}

/* Fills lease->spec for us holding it now; keeps acquireTime and the
 * transition count when we held it already. */
static void claim(fm_leader *l, fm_k8s_lease *lease, bool already_ours)
{
    fm_time now = micro_now(l);
    fm_k8s_lease_spec *s = &lease->spec;
    fm_k8s_lease_set_spec_present(lease, true);
    fm_strset(&s->holder_identity, l->identity);
    fm_k8s_lease_spec_set_lease_duration_seconds(s, (int32_t)((l->lease_ns + FM_NSEC_PER_SEC - 1) / FM_NSEC_PER_SEC));
    fm_k8s_lease_spec_set_renew_time(s, now);
    if (!already_ours) {
        fm_k8s_lease_spec_set_acquire_time(s, now);
        /* A change of holder is a transition (client-go counts a takeover
         * of a released lease too); a created lease starts at 0. */
        int32_t t = fm_k8s_lease_spec_has_lease_transitions(s) ? s->lease_transitions : 0;
        fm_k8s_lease_spec_set_lease_transitions(s, t + 1);
    }
}

int fm_leader_try_acquire_or_renew(fm_leader *l)
{
    void *obj = NULL;
    int rc = fm_kube_get(&obj, l->client, &fm_k8s_lease_kind, l->ns, l->name);
    if (rc == FM_ENOTFOUND) {
        fm_k8s_lease *fresh = calloc(1, sizeof(*fresh));
        if (!fresh) return fm_error_set(FM_ENOMEM, "leases/%s/%s: out of memory", l->ns, l->name);
        fm_strset(&fresh->api_version, "coordination.k8s.io/v1");
        fm_strset(&fresh->kind, "Lease");
        fm_k8s_lease_set_metadata_present(fresh, true);
        fm_strset(&fresh->metadata.name, l->name);
        fm_strset(&fresh->metadata.namespace, l->ns);
        claim(l, fresh, false);
        fm_k8s_lease_spec_set_lease_transitions(&fresh->spec, 0);
        void *created = NULL;
        rc = fm_kube_create(&created, l->client, &fm_k8s_lease_kind, l->ns, fresh);
        fm_kube_object_free(&fm_k8s_lease_desc, fresh);
        if (rc) return rc; /* AlreadyExists: someone else was faster */
        observe(l, created);
        fm_kube_object_free(&fm_k8s_lease_desc, created);
        return 1;
    }
    if (rc) return rc;
    fm_k8s_lease *lease = obj;
    observe(l, lease);
    const char *holder = lease->spec.holder_identity ? lease->spec.holder_identity : "";
    bool ours = strcmp(holder, l->identity) == 0;
    int64_t now = fm_clock_now(l->clock);
    if (*holder && !ours && now < l->observed_at + l->lease_ns) {
        fm_kube_object_free(&fm_k8s_lease_desc, lease);
        return 0; /* held by someone else and not expired */
    }
    claim(l, lease, ours);
    void *updated = NULL;
    /* The update carries the resourceVersion we read: a concurrent writer
     * makes it fail with 409 instead of both of us winning. */
    rc = fm_kube_update(&updated, l->client, &fm_k8s_lease_kind, lease, false);
    fm_kube_object_free(&fm_k8s_lease_desc, lease);
    if (rc) return rc;
    observe(l, updated);
    fm_kube_object_free(&fm_k8s_lease_desc, updated);
    return 1;
}

/* Gives the lease up if we still hold it (best effort, one try). */
static void release(fm_leader *l)
{
    void *obj = NULL;
    if (fm_kube_get(&obj, l->client, &fm_k8s_lease_kind, l->ns, l->name) != 0) {
        report_error(l, fm_error_last()->code);
        return;
    }
    fm_k8s_lease *lease = obj;
    if (lease->spec.holder_identity && strcmp(lease->spec.holder_identity, l->identity) == 0) {
        fm_time now = micro_now(l);
        fm_strset(&lease->spec.holder_identity, "");
        fm_k8s_lease_spec_set_lease_duration_seconds(&lease->spec, 1);
        fm_k8s_lease_spec_set_renew_time(&lease->spec, now);
        fm_k8s_lease_spec_set_acquire_time(&lease->spec, now);
        if (fm_kube_update(NULL, l->client, &fm_k8s_lease_kind, lease, false) != 0)
            report_error(l, fm_error_last()->code);
    }
    fm_kube_object_free(&fm_k8s_lease_desc, lease);
}

static void set_leading(fm_leader *l, bool on)
{
    atomic_store(&l->leading, on);
    fm_metrics_set(l->m_status, on ? 1 : 0);
}

/* Sleeps d on the elector's clock; false when asked to stop. */
static bool nap(fm_leader *l, int64_t d)
{
    return fm_clock_sleep(l->clock, d, &l->stop) == 0 && !atomic_load(&l->stop);
}

static void *run(void *arg)
{
    fm_leader *l = arg;
    while (!atomic_load(&l->stop)) {
        /* Candidate: try every retry period, jittered up to +20%. */
        int rc = fm_leader_try_acquire_or_renew(l);
        if (rc < 0) report_error(l, rc);
        if (rc != 1) {
            int64_t j = (int64_t)(fm_rand64() % (uint64_t)(l->retry_ns / 5 + 1));
            if (!nap(l, l->retry_ns + j)) break;
            continue;
        }
        set_leading(l, true);
        if (l->on_started_leading) l->on_started_leading(l->ud);
        /* Leader: renew every retry period until the renew deadline passes
         * without a successful renewal, or someone else holds the lease. */
        int64_t last_renew = fm_clock_now(l->clock);
        bool lost = false;
        while (!lost) {
            if (!nap(l, l->retry_ns)) break;
            rc = fm_leader_try_acquire_or_renew(l);
            if (rc == 1) {
                last_renew = fm_clock_now(l->clock);
                continue;
            }
            if (rc < 0) report_error(l, rc);
            if (rc == 0 || fm_clock_now(l->clock) - last_renew >= l->renew_ns) lost = true;
        }
        if (!lost) {
            /* Stopping while leading: hand the lease over quickly. */
            release(l);
        }
        set_leading(l, false);
        if (l->on_stopped_leading) l->on_stopped_leading(l->ud);
    }
    return NULL;
}

int fm_leader_start(fm_leader *l)
{
    if (l->running) return fm_error_set(FM_EINVAL, "leases/%s/%s: elector already running", l->ns, l->name);
    atomic_store(&l->stop, 0);
    if (pthread_create(&l->thread, NULL, run, l) != 0)
        return fm_error_set(FM_ERROR, "leases/%s/%s: cannot start elector thread", l->ns, l->name);
    l->running = true;
    return 0;
}

void fm_leader_stop(fm_leader *l)
{
    if (!l || !l->running) return;
    fm_clock_stop_store(&l->stop, 1);
    pthread_join(l->thread, NULL);
    l->running = false;
}

void fm_leader_free(fm_leader *l)
{
    if (!l) return;
    fm_leader_stop(l);
    free(l->name);
    free(l->ns);
    free(l->identity);
    free(l->observed_rv);
    free(l->observed_holder);
    free(l->reported_leader);
    free(l);
}

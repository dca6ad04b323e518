/*
 * manager.c - the run-time of a controller program (manager.h).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "manager.h"
#include "signals.h"

#define MANAGER_MAX_PARTS 32

typedef struct runnable {
    int (*start)(void *ud);
    void (*stop)(void *ud);
    void *ud;
    fm_controller *ctl; /* owned controller, or NULL */
} runnable;

struct fm_manager {
    fm_manager_options o;
    fm_kube_client *client;
    fm_informer *informers[MANAGER_MAX_PARTS];
    size_t n_informers;
    runnable run[MANAGER_MAX_PARTS];
    size_t n_run;
    size_t n_started; /* runnables started, for the stop */
    fm_httpserver *metrics_srv, *probe_srv;
    bool served;
    fm_leader *leader;
    atomic_int started;
    atomic_int lost_lease;
    atomic_int shutting_down;
    pthread_mutex_t mu; /* start vs stop of the runnables */
};

static void emit(fm_manager *m, fm_manager_event ev, const char *detail)
{
    if (m->o.on_event) m->o.on_event(m->o.ud, ev, detail);
}

int fm_manager_new(fm_manager **out, const fm_manager_options *o)
{
    *out = NULL;
    fm_manager *m = calloc(1, sizeof *m);
    if (!m) return fm_error_set(FM_ENOMEM, "manager: out of memory");
    m->o = *o;
    pthread_mutex_init(&m->mu, NULL);
    int rc = fm_signals_setup();
    if (rc) {
        pthread_mutex_destroy(&m->mu);
        free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int fm_manager_connect(fm_manager *m, const char *kubeconfig, const char *context, const fm_kube_client_opts *ko)
{
    return fm_kube_client_new_default(&m->client, kubeconfig, context, ko);
}

fm_kube_client *fm_manager_client(fm_manager *m)
{
    return m->client;
}

int fm_manager_add_informer(fm_manager *m, fm_informer *inf)
{
    if (m->n_informers == MANAGER_MAX_PARTS) return fm_error_set(FM_ELIMIT, "manager: too many informers");
    m->informers[m->n_informers++] = inf;
    return 0;
}

static int ctl_start(void *ud)
{
    return fm_controller_start(ud);
}

static void ctl_stop(void *ud)
{
    fm_controller_stop(ud);
}

int fm_manager_add_controller(fm_manager *m, fm_controller *c)
{
    int rc = fm_manager_add_runnable(m, ctl_start, ctl_stop, c);
    if (rc == 0) m->run[m->n_run - 1].ctl = c;
    return rc;
}

int fm_manager_add_runnable(fm_manager *m, int (*start)(void *ud), void (*stop)(void *ud), void *ud)
{
    if (m->n_run == MANAGER_MAX_PARTS) return fm_error_set(FM_ELIMIT, "manager: too many runnables");
    m->run[m->n_run++] = (runnable){start, stop, ud, NULL};
    return 0;
}

int fm_manager_metrics_port(const fm_manager *m)
{
    return m->metrics_srv ? fm_httpserver_port(m->metrics_srv) : 0;
}

bool fm_manager_synced(fm_manager *m)
{
    for (size_t i = 0; i < m->n_informers; i++)
        if (!fm_informer_has_synced(m->informers[i])) return false;
    return true;
}

static bool default_ready(void *ud)
{
    return fm_manager_synced(ud);
}

int fm_manager_serve(fm_manager *m)
{
    if (m->served) return 0;
    m->served = true;
    fm_httpserver_ready_fn ready = m->o.ready ? m->o.ready : default_ready;
    void *ready_ud = m->o.ready ? m->o.ud : m;
    bool probe_apart = m->o.probe_bind && m->o.probe_bind[0];
    int rc = 0;
    if (m->o.metrics_bind && m->o.metrics_bind[0]) {
        if ((rc = fm_httpserver_new(&m->metrics_srv, m->o.metrics_bind)) ||
            (rc = fm_httpserver_add_metrics(m->metrics_srv, m->o.registry)) ||
            (!probe_apart && (rc = fm_httpserver_add_health(m->metrics_srv, m->o.ready, m->o.ready ? m->o.ud : NULL))) ||
            (rc = fm_httpserver_start(m->metrics_srv)))
            return rc;
    }
    if (probe_apart) {
        if ((rc = fm_httpserver_new(&m->probe_srv, m->o.probe_bind)) ||
            (rc = fm_httpserver_add_health(m->probe_srv, ready, ready_ud)) || (rc = fm_httpserver_start(m->probe_srv)))
            return rc;
    }
    return 0;
}

/* Starts the runnables in order (once). */
static int start_runnables(fm_manager *m)
{
    if (atomic_exchange(&m->started, 1)) return 0;
    int rc = 0;
    pthread_mutex_lock(&m->mu);
    while (rc == 0 && m->n_started < m->n_run && !atomic_load(&m->shutting_down)) {
        runnable *r = &m->run[m->n_started];
        rc = r->start ? r->start(r->ud) : 0;
        if (rc == 0) m->n_started++;
    }
    pthread_mutex_unlock(&m->mu);
    return rc;
}

static void stop_runnables(fm_manager *m)
{
    pthread_mutex_lock(&m->mu);
    while (m->n_started > 0) {
        runnable *r = &m->run[--m->n_started];
        if (r->stop) r->stop(r->ud);
    }
    pthread_mutex_unlock(&m->mu);
}

static void on_started_leading(void *ud)
{
    fm_manager *m = ud;
    emit(m, FM_MANAGER_LEADING, NULL);
    if (start_runnables(m) != 0) {
        emit(m, FM_MANAGER_START_FAILED, fm_error_last()->message);
        fm_signals_request_shutdown();
        return;
    }
    emit(m, FM_MANAGER_STARTED, NULL);
}

static void on_stopped_leading(void *ud)
{
    fm_manager *m = ud;
    if (atomic_load(&m->shutting_down)) return;
    atomic_store(&m->lost_lease, 1);
    emit(m, FM_MANAGER_LEASE_LOST, NULL);
    fm_signals_request_shutdown();
}

static void on_new_leader(void *ud, const char *identity)
{
    emit(ud, FM_MANAGER_NEW_LEADER, identity);
}

static void on_leader_error(void *ud, int code, const char *message)
{
    emit(ud, FM_MANAGER_LEADER_ERROR, message);
}

int fm_manager_run(fm_manager *m)
{
    int rc = fm_manager_serve(m);
    if (rc) return rc;
    for (size_t i = 0; i < m->n_informers; i++)
        if ((rc = fm_informer_start(m->informers[i])) != 0) return rc;
    if (m->n_informers) {
        /* Wait for the caches (or shutdown) before acting on them. */
        while (!fm_signals_shutdown_requested() && !fm_manager_synced(m)) fm_signals_wait(100);
        if (fm_signals_shutdown_requested()) return 0;
        emit(m, FM_MANAGER_SYNCED, NULL);
    }
    if (m->o.leader_elect) {
        fm_leader_options lo = m->o.leader;
        lo.client = m->client;
        lo.metrics = m->o.registry;
        lo.on_started_leading = on_started_leading;
        lo.on_stopped_leading = on_stopped_leading;
        lo.on_new_leader = on_new_leader;
        lo.on_error = on_leader_error;
        lo.ud = m;
        if ((rc = fm_leader_new(&m->leader, &lo)) || (rc = fm_leader_start(m->leader))) return rc;
    } else {
        if ((rc = start_runnables(m)) != 0) return rc;
        emit(m, FM_MANAGER_STARTED, NULL);
    }
    while (!fm_signals_wait(m->o.tick_ms > 0 ? m->o.tick_ms : -1))
        if (m->o.tick) m->o.tick(m->o.ud);
    emit(m, FM_MANAGER_STOPPING, NULL);
    return atomic_load(&m->lost_lease) ? 1 : 0;
}

void fm_manager_stop(fm_manager *m)
{
    if (!m) return;
    atomic_store(&m->shutting_down, 1);
    stop_runnables(m);
    fm_leader_free(m->leader); /* releases a held lease */
    m->leader = NULL;
    for (size_t i = 0; i < m->n_informers; i++) fm_informer_stop(m->informers[i]);
    fm_httpserver_free(m->metrics_srv);
    fm_httpserver_free(m->probe_srv);
    m->metrics_srv = m->probe_srv = NULL;
}

void fm_manager_free(fm_manager *m)
{
    if (!m) return;
    fm_manager_stop(m);
    for (size_t i = 0; i < m->n_run; i++) fm_controller_free(m->run[i].ctl);
    for (size_t i = 0; i < m->n_informers; i++) fm_informer_free(m->informers[i]);
    fm_kube_client_free(m->client);
    pthread_mutex_destroy(&m->mu);
    free(m);
}

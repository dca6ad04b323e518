/*
 * events.c - Kubernetes Events, sent in the background.
 *
 * Events are for people (kubectl describe); they must never slow down the
 * work they describe. op_task_event() builds the Event and queues it; one
 * sender thread creates them in order. While placements are being written
 * by many threads the sender's single request in flight leaves nearly all
 * of the API server to them, and the Events catch up afterwards. The queue
 * holds at most OP_EVENT_QUEUE_MAX Events; beyond that new ones are dropped
 * and counted (foreman_events_dropped_total), as client-go's broadcaster
 * drops when its channel is full. The sender also keeps to a rate
 * (--event-qps, --event-burst; 20/s after a burst of 100 by default, the
 * budget controller-runtime's client gives a whole Go operator): at a
 * sustained hundred placements a second the Events would otherwise be a
 * third of the API server's writes and slow the placements themselves;
 * they queue instead and catch up when placements quiet down. On shutdown
 * the sender gets a couple of seconds to flush what is queued, at any rate.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "error.h"
#include "eventfilter.h"
#include "log.h"
#include "operator.h"

#define OP_EVENT_QUEUE_MAX 4096
#define OP_EVENT_FLUSH_MS 2000

typedef struct ev_item {
    struct ev_item *next;
    fm_k8s_event ev;
} ev_item;

struct op_events {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    ev_item *head, *tail;
    size_t len;
    bool stop;
    bool started;
    int64_t flush_deadline_ms; /* CLOCK_MONOTONIC ms; 0 = none */
    fm_event_filter *rate;     /* one bucket (key ""): the send rate; NULL = unlimited */
    int64_t rate_wait_ns;      /* how long to wait for the next token */
    pthread_t th;
};

static int64_t mono_ms(void)
{
    return fm_clock_now(NULL) / 1000000;
}

static void item_free(ev_item *it)
{
    fm_codec_clear(&it->ev, &fm_k8s_event_desc);
    free(it);
}

static void *sender_main(void *arg)
{
    fm_operator *op = arg;
    struct op_events *e = op->events;
    pthread_mutex_lock(&e->mu);
    for (;;) {
        while (!e->head && !e->stop) pthread_cond_wait(&e->cv, &e->mu);
        if (!e->head) break; /* stopping with nothing left */
        if (e->stop && mono_ms() > e->flush_deadline_ms) break;
        /* Wait for a token, unless stopping (the flush sends at any rate). */
        if (e->rate && !e->stop && !fm_event_filter_allow(e->rate, "", fm_clock_now(NULL))) {
            fm_clock_wait_until(NULL, &e->cv, &e->mu, fm_clock_now(NULL) + e->rate_wait_ns);
            continue;
        }
        ev_item *it = e->head;
        e->head = it->next;
        if (!e->head) e->tail = NULL;
        e->len--;
        pthread_mutex_unlock(&e->mu);
        if (fm_kube_create(NULL, op->client, &fm_k8s_event_kind, it->ev.metadata.namespace, &it->ev) != 0)
            fm_log_v(1, "event not recorded", "reason", it->ev.reason, "object", it->ev.involved_object.name,
                  "error", fm_error_last()->message, NULL);
        item_free(it);
        pthread_mutex_lock(&e->mu);
    }
    /* Whatever is left after the flush deadline is dropped. */
    ev_item *rest = e->head;
    e->head = e->tail = NULL;
    e->len = 0;
    pthread_mutex_unlock(&e->mu);
    while (rest) {
        ev_item *next = rest->next;
        item_free(rest);
        rest = next;
    }
    return NULL;
}

int op_events_setup(fm_operator *op)
{
    struct op_events *e = calloc(1, sizeof *e);
    if (!e) return fm_error_set(FM_ENOMEM, "events: out of memory");
    pthread_mutex_init(&e->mu, NULL);
    op->events = e;
    if (fm_clock_cond_init(&e->cv) != 0) {
        pthread_cond_init(&e->cv, NULL); /* so op_events_free may destroy it */
        return fm_error_set(FM_ERROR, "events: cannot set up the sender's condition variable");
    }
    if (op->cfg.event_qps > 0) {
        double burst = op->cfg.event_burst < 1 ? 1 : op->cfg.event_burst;
        if (fm_event_filter_new(&e->rate, burst, op->cfg.event_qps, 1) != 0)
            return fm_error_set(FM_ENOMEM, "events: out of memory");
        e->rate_wait_ns = (int64_t)(1e9 / op->cfg.event_qps);
        if (e->rate_wait_ns < 1000000) e->rate_wait_ns = 1000000;
    }
    if (pthread_create(&e->th, NULL, sender_main, op) != 0)
        return fm_error_set(FM_ERROR, "events: cannot start the sender thread");
    e->started = true;
    return 0;
}

void op_events_free(fm_operator *op)
{
    struct op_events *e = op->events;
    if (!e) return;
    pthread_mutex_lock(&e->mu);
    e->stop = true;
    e->flush_deadline_ms = mono_ms() + OP_EVENT_FLUSH_MS;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
    if (e->started) pthread_join(e->th, NULL);
    pthread_mutex_destroy(&e->mu);
    pthread_cond_destroy(&e->cv);
    fm_event_filter_free(e->rate);
    free(e);
    op->events = NULL;
}

/* Takes ownership of *ev (its contents are moved; *ev is zeroed). */
static void events_submit(fm_operator *op, fm_k8s_event *ev)
{
    struct op_events *e = op->events;
    ev_item *it = e ? calloc(1, sizeof *it) : NULL;
    if (!it) {
        fm_codec_clear(ev, &fm_k8s_event_desc);
        return;
    }
    it->ev = *ev;
    memset(ev, 0, sizeof *ev);
    pthread_mutex_lock(&e->mu);
    bool full = e->len >= OP_EVENT_QUEUE_MAX || e->stop;
    if (!full) {
        if (e->tail) e->tail->next = it;
        else e->head = it;
        e->tail = it;
        e->len++;
        pthread_cond_signal(&e->cv);
    }
    pthread_mutex_unlock(&e->mu);
    if (full) {
        item_free(it);
        fm_metrics_inc(op->m.events_dropped);
    }
}

void op_object_event(fm_operator *op, const fm_kind_desc *k, const fm_k8s_object_meta *m,
                     const char *type, const char *reason, const char *message)
{
    if (!op->cfg.events || !m || !m->name) return;
    fm_time at = fm_codec_time_now();
    const char *who = m->uid ? m->uid : m->name;
    if (op->event_filter &&
        !fm_event_filter_allow(op->event_filter, who ? who : "", at.sec * 1000000000LL + at.nsec))
        return; /* this object has had its share of Events for now */
    /* Events about a cluster-scoped object live in "default", as
     * Kubernetes' own recorders put them. */
    const char *ns = k->namespaced && m->namespace ? m->namespace : "default";
    fm_k8s_event ev;
    memset(&ev, 0, sizeof ev);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    char name[320];
    snprintf(name, sizeof name, "%.250s.%llx", m->name,
             (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec);
    fm_time now = at;
    now.nsec = 0;
    fm_k8s_event_set_metadata_present(&ev, true);
    fm_k8s_event_set_involved_object_present(&ev, true);
    fm_k8s_event_set_source_present(&ev, true);
    int rc = fm_strset(&ev.api_version, "v1") | fm_strset(&ev.kind, "Event") |
             fm_strset(&ev.metadata.name, name) |
             fm_strset(&ev.metadata.namespace, ns) |
             fm_strset(&ev.involved_object.api_version, k->api_version) |
             fm_strset(&ev.involved_object.kind, k->kind) |
             fm_strset(&ev.involved_object.name, m->name) |
             fm_strset(&ev.involved_object.namespace, k->namespaced ? m->namespace : NULL) |
             fm_strset(&ev.involved_object.uid, m->uid) |
             fm_strset(&ev.reason, reason) | fm_strset(&ev.message, message) |
             fm_strset(&ev.type, type) | fm_strset(&ev.source.component, "foreman-operator") |
             fm_strset(&ev.reporting_component, "foreman-operator") |
             fm_strset(&ev.reporting_instance, op->identity);
    fm_k8s_event_set_first_timestamp(&ev, now);
    fm_k8s_event_set_last_timestamp(&ev, now);
    fm_k8s_event_set_count(&ev, 1);
    if (rc == 0) events_submit(op, &ev);
    else fm_codec_clear(&ev, &fm_k8s_event_desc);
}

void op_task_event(fm_operator *op, const fm_agentic_task *t, const char *type,
                   const char *reason, const char *message)
{
    op_object_event(op, &fm_agentic_task_kind, &t->metadata, type, reason, message);
}

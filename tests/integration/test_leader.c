/*
 * test_leader.c - Lease leader election against a real kube-apiserver: two
 * electors in one process, only one leads at any moment; a graceful stop
 * hands over at once (released lease); a leader that vanishes without
 * releasing is replaced only after the lease duration.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "itutil.h"
#include "k8s_core.h"
#include "leader.h"
#include "metrics.h"
#include "test.h"

typedef struct cb {
    atomic_int started, stopped;
} cb;

static void on_start(void *ud)
{
    atomic_fetch_add(&((cb *)ud)->started, 1);
}

static void on_stop(void *ud)
{
    atomic_fetch_add(&((cb *)ud)->stopped, 1);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Fast timings so the test takes seconds: lease 4 s, renew 3 s, retry 0.5 s. */
static int new_elector(fm_leader **out, fm_kube_client *c, const char *lease, const char *id, cb *ud,
                       fm_metrics *m)
{
    fm_leader_options o = {.client = c, .name = lease, .ns = IT_NS, .identity = id,
                        .lease_duration_ms = 4000, .renew_deadline_ms = 3000, .retry_period_ms = 500,
                        .on_started_leading = on_start, .on_stopped_leading = on_stop, .ud = ud,
                        .metrics = m};
    return fm_leader_new(out, &o);
}

static int wait_leader(fm_leader *a, fm_leader *b, double timeout)
{
    double end = now_s() + timeout;
    while (now_s() < end) {
        if (fm_leader_is_leader(a) || fm_leader_is_leader(b)) return 1;
        usleep(20000);
    }
    return 0;
}

static fm_k8s_lease *get_lease(fm_kube_client *c, const char *name)
{
    void *obj = NULL;
    if (fm_kube_get(&obj, c, &fm_k8s_lease_kind, IT_NS, name) != 0) return NULL;
    return obj;
}

TEST(test_one_leader_and_graceful_handover)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17], lease[64];
    it_run_id(run);
    snprintf(lease, sizeof(lease), "lease-%s", run);
    fm_metrics *m1 = NULL, *m2 = NULL;
    fm_metrics_new(&m1);
    fm_metrics_new(&m2);
    static cb ca, cbb;
    fm_leader *a = NULL, *b = NULL;
    CHECK_FATAL(new_elector(&a, c, lease, "host-a_1", &ca, m1) == 0);
    CHECK_FATAL(new_elector(&b, c, lease, "host-b_2", &cbb, m2) == 0);
    CHECK_STR(fm_leader_identity(a), "host-a_1");
    CHECK_INT(fm_leader_start(a), 0);
    CHECK_INT(fm_leader_start(b), 0);
    CHECK_FATAL(wait_leader(a, b, 10));

    /* For 3 s (six retry periods) exactly one leads. */
    int both = 0, none = 0;
    for (double end = now_s() + 3; now_s() < end;) {
        bool la = fm_leader_is_leader(a), lb = fm_leader_is_leader(b);
        both += la && lb;
        none += !la && !lb;
        usleep(10000);
    }
    CHECK_INT(both, 0);
    CHECK_INT(none, 0);
    fm_leader *lead = fm_leader_is_leader(a) ? a : b, *standby = lead == a ? b : a;
    cb *lead_cb = lead == a ? &ca : &cbb;
    fm_metrics *lead_m = lead == a ? m1 : m2;
    CHECK_INT(atomic_load(&lead_cb->started), 1);
    fm_buf text = FM_BUF_INIT;
    fm_metrics_render(&text, lead_m);
    char want[160];
    snprintf(want, sizeof(want), "leader_election_master_status{name=\"%s\"} 1\n", lease);
    CHECK_CONTAINS(text.data, want);
    fm_buf_free(&text);

    fm_k8s_lease *l = get_lease(c, lease);
    CHECK_FATAL(l);
    CHECK_STR(l->spec.holder_identity, fm_leader_identity(lead));
    CHECK_INT(l->spec.lease_duration_seconds, 4);
    fm_kube_object_free(&fm_k8s_lease_desc, l);

    /* Graceful stop: released, so the standby takes over well before the
     * 4 s lease would have expired. */
    double t0 = now_s();
    fm_leader_stop(lead);
    CHECK_INT(atomic_load(&lead_cb->stopped), 1);
    CHECK(!fm_leader_is_leader(lead));
    while (!fm_leader_is_leader(standby) && now_s() - t0 < 10) usleep(10000);
    double took = now_s() - t0;
    printf("graceful handover took %.2f s\n", took);
    CHECK(fm_leader_is_leader(standby));
    CHECK(took < 2.5);
    l = get_lease(c, lease);
    CHECK_FATAL(l);
    CHECK_STR(l->spec.holder_identity, fm_leader_identity(standby));
    CHECK(l->spec.lease_transitions >= 1);
    fm_kube_object_free(&fm_k8s_lease_desc, l);

    fm_leader_free(a);
    fm_leader_free(b);
    l = get_lease(c, lease);
    CHECK_FATAL(l);
    CHECK_STR(l->spec.holder_identity, ""); /* released on the way out */
    fm_kube_object_free(&fm_k8s_lease_desc, l);
    fm_kube_delete(c, &fm_k8s_lease_kind, IT_NS, lease, NULL);
    fm_metrics_free(m1);
    fm_metrics_free(m2);
    fm_kube_client_free(c);
}

TEST(test_crashed_leader_replaced_after_lease_duration)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17], lease[64];
    it_run_id(run);
    snprintf(lease, sizeof(lease), "lease-%s", run);
    static cb cx, cy;
    fm_leader *dead = NULL, *live = NULL;
    CHECK_FATAL(new_elector(&dead, c, lease, "crashed_1", &cx, NULL) == 0);
    CHECK_FATAL(new_elector(&live, c, lease, "survivor_2", &cy, NULL) == 0);
    /* "dead" takes the lease once and never renews: a crashed process. */
    CHECK_INT(fm_leader_try_acquire_or_renew(dead), 1);
    double t0 = now_s();
    CHECK_INT(fm_leader_try_acquire_or_renew(live), 0); /* held, not expired */
    CHECK_INT(fm_leader_start(live), 0);
    while (!fm_leader_is_leader(live) && now_s() - t0 < 15) usleep(20000);
    double took = now_s() - t0;
    printf("takeover from a crashed leader took %.2f s (lease 4 s)\n", took);
    CHECK(fm_leader_is_leader(live));
    CHECK(took >= 3.9);
    CHECK(took < 7);
    /* The crashed one, back, sees the lease taken. */
    CHECK_INT(fm_leader_try_acquire_or_renew(dead), 0);
    fm_leader_free(live);
    fm_leader_free(dead);
    fm_kube_delete(c, &fm_k8s_lease_kind, IT_NS, lease, NULL);
    fm_kube_client_free(c);
}

typedef struct racer {
    fm_leader *e;
    pthread_barrier_t *start;
    int rc;
} racer;

static void *race(void *arg)
{
    racer *r = arg;
    pthread_barrier_wait(r->start);
    r->rc = fm_leader_try_acquire_or_renew(r->e);
    return NULL;
}

TEST(test_concurrent_acquire_has_one_winner)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    /* Several rounds: each a fresh lease that four electors try to create
     * at the same moment, and one where they race to take an expired one.
     * Creates and resourceVersion-checked updates let exactly one win. */
    for (int round = 0; round < 3; round++) {
        char run[17], lease[64];
        it_run_id(run);
        snprintf(lease, sizeof(lease), "lease-%s", run);
        racer r[4];
        pthread_t t[4];
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, 4);
        char id[32];
        for (int i = 0; i < 4; i++) {
            snprintf(id, sizeof(id), "racer_%d", i);
            CHECK_FATAL(new_elector(&r[i].e, c, lease, id, NULL, NULL) == 0);
            r[i].start = &start;
        }
        for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, race, &r[i]);
        for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
        int winners = 0;
        for (int i = 0; i < 4; i++) winners += r[i].rc == 1;
        CHECK_INT(winners, 1);
        pthread_barrier_destroy(&start);
        for (int i = 0; i < 4; i++) fm_leader_free(r[i].e);
        fm_kube_delete(c, &fm_k8s_lease_kind, IT_NS, lease, NULL);
    }
    fm_kube_client_free(c);
}

int main(void)
{
    RUN(test_one_leader_and_graceful_handover);
    RUN(test_crashed_leader_replaced_after_lease_duration);
    RUN(test_concurrent_acquire_has_one_winner);
    return test_summary();
}

/*
 * leader.h - leader election on a coordination.k8s.io/v1 Lease, with
 * client-go's algorithm and defaults, so only one operator replica runs its
 * controllers at a time.
 *
 * A candidate reads the Lease every retry period (2 s, with jitter). It
 * takes the lease when the lease is missing (create), released (empty
 * holderIdentity), or not renewed for leaseDurationSeconds (15 s) as
 * measured on the candidate's OWN monotonic clock since it last saw the
 * record change (so clock skew between hosts does not matter). Every write
 * is an update carrying the resourceVersion that was read, or a create, so
 * two candidates can never both win: the loser gets 409 Conflict.
 *
 * The leader renews every retry period. If no renewal succeeds for the
 * renew deadline (10 s), or the lease shows another holder, it has lost
 * the lease: on_stopped_leading is called (the operator exits then, as
 * controller-runtime does) and the elector becomes a candidate again.
 *
 * fm_leader_stop() on graceful shutdown releases a held lease (holderIdentity
 * emptied, leaseDurationSeconds 1) so a standby takes over at its next try
 * instead of waiting out the lease.
 *
 * The identity defaults to "<hostname>_<random hex>". The gauge
 * leader_election_master_status{name} is 1 while leading, else 0.
 *
 * The kube client's request timeout should not exceed the renew deadline,
 * or a hung API server can keep one renewal attempt past the deadline.
 */
#ifndef FOREMAN_LEADER_H
#define FOREMAN_LEADER_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "kube.h"
#include "metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_leader fm_leader;

#define LEADER_DEFAULT_NAME "foreman-operator.llmkube.dev"

typedef struct fm_leader_options {
    fm_kube_client *client;        /* required; must outlive the elector */
    const char *name;           /* Lease name; NULL = LEADER_DEFAULT_NAME */
    const char *ns;             /* Lease namespace; NULL = the client's namespace */
    const char *identity;       /* NULL = "<hostname>_<random>" */
    int64_t lease_duration_ms;  /* 0 = 15000 */
    int64_t renew_deadline_ms;  /* 0 = 10000 */
    int64_t retry_period_ms;    /* 0 = 2000 */
    fm_clock *clock;            /* NULL = real */
    fm_metrics *metrics;        /* NULL = no metric */
    /* Called on the elector thread. on_stopped_leading also runs when a
     * leader is stopped by fm_leader_stop(). */
    void (*on_started_leading)(void *ud);
    void (*on_stopped_leading)(void *ud);
    /* A different holder was observed (may be NULL). */
    void (*on_new_leader)(void *ud, const char *identity);
    /* A failed Lease read or write (for logs; may be NULL). */
    void (*on_error)(void *ud, int code, const char *message);
    void *ud;
} fm_leader_options;

/* Creates an elector (not running). Returns 0, FM_EINVAL or FM_ENOMEM. */
int fm_leader_new(fm_leader **out, const fm_leader_options *o);

/* Stops (releasing the lease if held) and frees. Accepts NULL. */
void fm_leader_free(fm_leader *l);

/* Starts the election thread. Returns 0, FM_EINVAL (running) or FM_ERROR. */
int fm_leader_start(fm_leader *l);

/* Stops the thread; a leader releases the lease and gets
 * on_stopped_leading. Idempotent. */
void fm_leader_stop(fm_leader *l);

/* True while this elector holds the lease. */
bool fm_leader_is_leader(fm_leader *l);

/* This elector's identity (borrowed). */
const char *fm_leader_identity(const fm_leader *l);

/*
 * One acquire-or-renew attempt, as the thread makes it (exposed for tests
 * and for programs that drive the election themselves). Returns 1 when
 * this elector holds the lease afterwards, 0 when another holder has it,
 * or a negative FM_E* error (conflict, transport).
 */
int fm_leader_try_acquire_or_renew(fm_leader *l);

#ifdef __cplusplus
}
#endif
#endif

/*
 * manager.h - the run-time of a controller program, in order: signal
 * handling, the API client, the metrics and probe servers, the informers
 * (started, then waited for), leader election, the controllers and other
 * runnables (started when leading, or at once without election), a wait
 * for a signal with a periodic tick, and the stop in reverse order.
 * controller-runtime's Manager, small: a program declares its parts and
 * calls fm_manager_run(); its main is wiring.
 *
 * Ownership: the manager owns the client (fm_manager_connect), the
 * servers, the elector, and the informers and controllers added to it
 * (freed by fm_manager_free, controllers first). Runnables added with
 * fm_manager_add_runnable are the caller's.
 *
 * The manager does not log: what happens (leading, lease lost, start
 * failed, caches synced) goes to the on_event hook, and the program logs.
 */
#ifndef FOREMAN_MANAGER_H
#define FOREMAN_MANAGER_H

#include <stdbool.h>
#include <stdint.h>

#include "controller.h"
#include "httpserver.h"
#include "informer.h"
#include "kube.h"
#include "leader.h"
#include "metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_manager fm_manager;

typedef enum fm_manager_event {
    FM_MANAGER_SYNCED = 1,   /* every informer synced */
    FM_MANAGER_LEADING,      /* this replica became leader */
    FM_MANAGER_STARTED,      /* the runnables started */
    FM_MANAGER_START_FAILED, /* starting them failed (detail: the error); shutdown requested */
    FM_MANAGER_LEASE_LOST,   /* the lease was lost; shutdown requested, run returns 1 */
    FM_MANAGER_NEW_LEADER,   /* another leader observed (detail: its identity) */
    FM_MANAGER_LEADER_ERROR, /* a Lease read or write failed (detail: the error) */
    FM_MANAGER_STOPPING,     /* the wait ended (a signal or a lost lease); run returns next */
} fm_manager_event;

typedef struct fm_manager_options {
    const char *metrics_bind;    /* NULL or "": no metrics server */
    const char *probe_bind;      /* NULL or "": /healthz and /readyz on the metrics server */
    fm_metrics *registry;        /* NULL: the default registry */
    /* Readiness for /readyz (NULL: ready once every informer synced). */
    fm_httpserver_ready_fn ready;
    /* Leader election: when leader_elect, the runnables start only while
     * leading; leader holds the Lease settings (client, metrics and the
     * callbacks are the manager's). */
    bool leader_elect;
    fm_leader_options leader;
    /* Called every tick_ms while running (0: never; the wait has no timeout). */
    void (*tick)(void *ud);
    int64_t tick_ms;
    void (*on_event)(void *ud, fm_manager_event ev, const char *detail);
    void *ud;
} fm_manager_options;

/* Creates a manager and sets up signal handling (signals.h). Returns 0,
 * FM_ENOMEM, or the error of fm_signals_setup(). */
int fm_manager_new(fm_manager **out, const fm_manager_options *o);

/* Creates the API client the manager owns. Returns 0 or FM_E*. */
int fm_manager_connect(fm_manager *m, const char *kubeconfig, const char *context, const fm_kube_client_opts *ko);

/* The client (borrowed), NULL before fm_manager_connect. */
fm_kube_client *fm_manager_client(fm_manager *m);

/* Adds an informer (owned): started in order by run, stopped by stop. */
int fm_manager_add_informer(fm_manager *m, fm_informer *inf);

/* Adds a controller (owned): started when leading, stopped in reverse. */
int fm_manager_add_controller(fm_manager *m, fm_controller *c);

/* Adds a runnable (start may be NULL): started, in the order added among
 * the controllers, when leading; stopped in reverse. */
int fm_manager_add_runnable(fm_manager *m, int (*start)(void *ud), void (*stop)(void *ud), void *ud);

/* Starts the metrics and probe servers (once). run calls it too; a program
 * calls it earlier to serve while it registers. Returns 0 or FM_E*. */
int fm_manager_serve(fm_manager *m);

/* The port the metrics server listens on, 0 when none. */
int fm_manager_metrics_port(const fm_manager *m);

/* True once every informer added has synced. */
bool fm_manager_synced(fm_manager *m);

/*
 * Serves, starts the informers, waits until they synced (or a signal:
 * returns 0), starts leader election or the runnables, and waits for a
 * signal, calling tick. Returns 0 after a signal, 1 after a lost lease, or
 * a negative FM_E* when a step failed (the caller logs and stops).
 */
int fm_manager_run(fm_manager *m);

/* Stops in reverse order: runnables, the elector (releasing a held lease),
 * the informers, the servers. Idempotent. */
void fm_manager_stop(fm_manager *m);

/* Stops, then frees the controllers, informers and the client. Accepts NULL. */
void fm_manager_free(fm_manager *m);

#ifdef __cplusplus
}
#endif
#endif

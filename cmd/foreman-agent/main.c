/*
 * main.c - foreman-agent: the per-host program. Parses the flags, connects
 * to the API server, registers the FleetNode, starts the heartbeat and the
 * task machinery, then waits for SIGTERM/SIGINT and shuts down:
 *
 *   1. draining: no new claims, the heartbeat stops;
 *   2. running tasks are stopped and put back to Pending (another node may
 *      take them) while phase Draining is patched, with a 5 s limit;
 *   3. exit 0, within 6 s of the signal whatever the API server does.
 * A second signal exits at once (signals.h).
 *
 * `foreman-agent probe` prints what the heartbeat would report and exits
 * (probe_cmd.c); `foreman-agent version` prints the version.
 */
#include "agent.h"
#include "probe_cmd.h"

#include "clock.h"
#include "goduration.h"
#include "error.h"
#include "httpserver.h"
#include "manager.h"
#include "log.h"
#include "signals.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NS_PER_MS INT64_C(1000000)

static agent g_agent;

void agent_count_task(agent *a, const char *verdict)
{
    if (!a->m_tasks) return;
    fm_series *s = NULL;
    if (fm_metrics_series(&s, a->m_tasks, verdict ? verdict : "", NULL) == 0) fm_metrics_inc(s);
}

/* Registers the agent's metrics in the default registry. */
static int setup_metrics(agent *a)
{
    fm_metrics *reg = fm_metrics_default();
    fm_metric *hb = NULL, *last = NULL, *running = NULL;
    if (!reg) return fm_error_set(FM_ENOMEM, "out of memory");
    int rc = fm_metrics_counter(&hb, reg, "foreman_agent_heartbeats_total",
                             "Heartbeats sent to the API server, by result.", "result", NULL);
    if (rc == 0)
        rc = fm_metrics_gauge(&last, reg, "foreman_agent_last_heartbeat_timestamp_seconds",
                           "Unix time of the last successful heartbeat.", NULL);
    if (rc == 0)
        rc = fm_metrics_gauge(&running, reg, "foreman_agent_running_tasks",
                           "Tasks this agent is running now.", NULL);
    if (rc == 0)
        rc = fm_metrics_counter(&a->m_tasks, reg, "foreman_agent_tasks_total",
                             "Tasks this agent finished, by verdict (Requeued: given back at shutdown).",
                             "verdict", NULL);
    if (rc == 0) rc = fm_metrics_series(&a->m_hb_ok, hb, "ok", NULL);
    if (rc == 0) rc = fm_metrics_series(&a->m_hb_failed, hb, "failed", NULL);
    if (rc == 0) rc = fm_metrics_series(&a->m_last_hb, last, NULL);
    if (rc == 0) rc = fm_metrics_series(&a->m_running, running, NULL);
    return rc;
}

/* Leaves without cleaning up: threads may still be inside requests. */
static void exit_now(int status)
{
    _exit(status);
}

/* The agent's parts, started by the manager once the FleetNode is
 * registered: the heartbeat, then the task machinery. */
static int agent_start(void *ud)
{
    agent *a = ud;
    int rc = node_heartbeat_start(a);
    return rc ? rc : tasks_start(a);
}

static int run_agent(int argc, char **argv)
{
    agent *a = &g_agent;
    agent_flags *fl = NULL;
    fm_manager *mgr = NULL;
    int status = 1;

    int rc = config_parse(&a->cfg, &fl, argc, argv);
    if (rc == FLAGS_HELP) {
        config_usage(stdout, fl);
        config_free(&a->cfg, fl);
        return 0;
    }
    if (rc != 0) {
        fprintf(stderr, "foreman-agent: %s\n", fm_error_last()->message);
        config_free(&a->cfg, fl);
        return 2;
    }
    fm_log_set_format_name(a->cfg.log_format);
    fm_log_set_verbosity((int)(a->cfg.verbosity > 10 ? 10 : a->cfg.verbosity));

    pthread_mutex_init(&a->mu, NULL);
    fm_clock_cond_init(&a->hb_cond);
    /* Signals, the client and the metrics server (with /healthz) are the
     * manager's; no informers of its own, no leader election. */
    fm_manager_options mo = {.metrics_bind = a->cfg.metrics_bind};
    if (fm_manager_new(&mgr, &mo) != 0) {
        fm_log_error("installing signal handlers failed", "error", fm_error_last()->message, NULL);
        goto done;
    }
    if (a->cfg.metrics_bind && a->cfg.metrics_bind[0]) {
        if (setup_metrics(a) != 0 || fm_manager_serve(mgr) != 0) {
            fm_log_error("starting the metrics server failed", "address", a->cfg.metrics_bind, "error",
                      fm_error_last()->message, NULL);
            goto done;
        }
        char port[24];
        fm_log_info("serving metrics", "address", a->cfg.metrics_bind, "port",
                 fm_log_int(port, fm_manager_metrics_port(mgr)), NULL);
    }

    fm_kube_client_opts ko = {.program = "agent", .request_timeout_ms = 10000};
    if (fm_manager_connect(mgr, a->cfg.kubeconfig, a->cfg.kube_context, &ko) != 0) {
        fm_log_error("loading the Kubernetes client configuration failed", "error",
                  fm_error_last()->message, NULL);
        goto done;
    }
    a->kc = fm_manager_client(mgr);
    if (fm_kube_client_warning(a->kc)) fm_log_warn(fm_kube_client_warning(a->kc), NULL);

    fm_buf nss = FM_BUF_INIT;
    char **ns_items = a->cfg.task_namespaces.items;
    for (size_t i = 0; i < a->cfg.task_namespaces.len; i++)
        fm_buf_printf(&nss, "%s%s", i ? "," : "", ns_items[i]);
    char hb[GODURATION_FORMAT_MAX], maxc[24];
    fm_log_info("foreman-agent starting", "version", FOREMAN_VERSION, "fleetnode", a->cfg.name,
             "server", fm_kube_client_server(a->kc), "agentMode", a->cfg.executor->kind,
             "taskNamespaces", nss.len ? nss.data : "(all)", "heartbeatInterval",
             fm_goduration_format(hb, a->cfg.heartbeat_ns), "maxConcurrentTasks",
             fm_log_int(maxc, a->cfg.max_concurrent), NULL);
    fm_buf_free(&nss);

    node_make_instance(a);
    if (node_register(a) != 0) {
        if (atomic_load(&a->duplicate)) {
            fprintf(stderr, "foreman-agent: %s\n", fm_error_last()->message);
            goto done; /* status 1: a duplicate never runs */
        }
        /* Otherwise only a shutdown request ends the registration loop. */
        fm_log_info("shut down before registration finished", NULL);
        status = 0;
        goto done;
    }
    /* Starts the heartbeat and the tasks, then waits for a signal. */
    if (fm_manager_add_runnable(mgr, agent_start, NULL, a) != 0 || fm_manager_run(mgr) < 0) {
        fm_log_error("starting the agent failed", "error", fm_error_last()->message, NULL);
        exit_now(1);
    }

    /* ---- shutdown: everything below must end within 6 s. */
    int64_t t0 = fm_clock_now(NULL);
    char sig[24];
    fm_log_info("shutting down", "signal", fm_log_int(sig, fm_signals_received()), NULL);
    atomic_store(&a->draining, 1);
    pthread_mutex_lock(&a->mu);
    pthread_cond_broadcast(&a->hb_cond);
    pthread_mutex_unlock(&a->mu);
    tasks_shutdown(a);
    if (node_patch_draining(a, t0 + AGENT_DRAIN_TIMEOUT_NS) == 0)
        fm_log_info("FleetNode marked Draining", "fleetnode", a->cfg.name, NULL);
    else
        fm_log_warn("marking the FleetNode Draining failed", "fleetnode", a->cfg.name, "error",
                 fm_error_last()->message, NULL);
    int64_t limit = t0 + AGENT_DRAIN_TIMEOUT_NS + 500 * NS_PER_MS;
    tasks_wait_done(a, limit);
    pthread_mutex_lock(&a->mu);
    bool hb_done = !a->hb_started || a->hb_exited;
    pthread_mutex_unlock(&a->mu);
    /* Clean teardown only when nothing is stuck and time is left for the
     * informers' watches to end (about 0.5 s each). */
    int64_t left = t0 + 6000 * NS_PER_MS - fm_clock_now(NULL);
    if (!tasks_all_done(a) || !hb_done ||
        left < (int64_t)(a->n_informers + 1) * 600 * NS_PER_MS) {
        fm_log_info("foreman-agent stopped (without waiting for in-flight requests)", NULL);
        exit_now(atomic_load(&a->duplicate) ? 1 : 0);
    }
    tasks_cleanup(a);
    node_cleanup(a);
    fm_log_info("foreman-agent stopped", NULL);
    status = atomic_load(&a->duplicate) ? 1 : 0;
done:
    fm_manager_free(mgr); /* the metrics server, then the client */
    a->kc = NULL;
    config_free(&a->cfg, fl);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "probe") == 0) return agent_probe_main(argc - 1, argv + 1);
    if (argc >= 2 && (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0 ||
                      strcmp(argv[1], "-version") == 0)) {
        printf("foreman-agent %s\n", FOREMAN_VERSION);
        return 0;
    }
    return run_agent(argc, argv);
}

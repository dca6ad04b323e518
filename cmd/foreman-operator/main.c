/*
 * main.c - foreman-operator: flags, logging, the API client, informers,
 * leader election, health and metrics servers, and graceful shutdown.
 *
 * Every replica starts the informers (a warm cache makes a takeover fast);
 * only the leader (or the only replica, without --leader-elect) runs the
 * controllers. A leader that loses its lease exits with status 1, as
 * controller-runtime does, so it never acts on a lease it no longer holds;
 * SIGTERM/SIGINT stop the controllers (in-flight reconciles finish),
 * release the lease and exit 0.
 */
#include <errno.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "eventfilter.h"
#include "flags.h"
#include "goduration.h"
#include "httpserver.h"
#include "leader.h"
#include "manager.h"
#include "log.h"
#include "objalloc.h"
#include "operator.h"
#include "signals.h"

/* ------------------------------------------------------------ metrics */

static const double latency_buckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
                                         10, 30, 60, 120, 300, 600};
static const double duration_buckets[] = {1, 5, 10, 30, 60, 120, 300, 600, 1200, 2700, 3600, 7200};

int op_metrics_setup(fm_operator *op)
{
    fm_metrics *r = op->registry;
    fm_metric *m;
    int rc;
    if ((rc = fm_metrics_counter(&m, r, "foreman_tasks_scheduled_total",
                              "AgenticTasks placed on a FleetNode by this operator.", NULL)) ||
        (rc = fm_metrics_series(&op->m.scheduled_total, m, NULL)))
        return rc;
    if ((rc = fm_metrics_histogram(&m, r, "foreman_scheduling_latency_seconds",
                                "Time from a task's creation to its placement.", latency_buckets,
                                sizeof latency_buckets / sizeof latency_buckets[0], NULL)) ||
        (rc = fm_metrics_series(&op->m.latency, m, NULL)))
        return rc;
    if ((rc = fm_metrics_gauge(&m, r, "foreman_pending_tasks", "AgenticTasks in phase Pending.", NULL)) ||
        (rc = fm_metrics_series(&op->m.pending, m, NULL)))
        return rc;
    if ((rc = fm_metrics_gauge(&op->m.fleetnodes, r, "foreman_fleetnodes", "FleetNodes by phase.",
                            "phase", NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&op->m.completed, r, "foreman_task_completed_total",
                              "AgenticTasks that reached a terminal phase, by kind and verdict.",
                              "kind", "verdict", NULL)))
        return rc;
    if ((rc = fm_metrics_histogram(&m, r, "foreman_task_duration_seconds",
                                "Run time of finished tasks, startedAt to finishedAt.",
                                duration_buckets, sizeof duration_buckets / sizeof duration_buckets[0],
                                NULL)) ||
        (rc = fm_metrics_series(&op->m.duration, m, NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&m, r, "foreman_scheduling_passes_total",
                              "Scheduling passes run.", NULL)) ||
        (rc = fm_metrics_series(&op->m.passes, m, NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&m, r, "foreman_claim_expiries_total",
                              "Task claims that expired (released or failed).", NULL)) ||
        (rc = fm_metrics_series(&op->m.claim_expiries, m, NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&m, r, "foreman_events_dropped_total",
                              "Kubernetes Events dropped because the send queue was full.", NULL)) ||
        (rc = fm_metrics_series(&op->m.events_dropped, m, NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&m, r, "foreman_task_timeouts_total",
                              "Running tasks failed by the timeout backstop.", NULL)) ||
        (rc = fm_metrics_series(&op->m.timeouts, m, NULL)))
        return rc;
    if ((rc = fm_metrics_counter(&op->m.decode_errors, r, "foreman_decode_errors_total",
                              "Objects the API server sent that did not decode and were left out "
                              "of the cache, by kind.",
                              "kind", NULL)))
        return rc;
    return 0;
}

typedef struct node_counts {
    double by_phase[5];
} node_counts;

static int count_node(void *ud, const char *key, const void *obj)
{
    node_counts *c = ud;
    const fm_fleet_node *n = obj;
    int p = n->status.phase;
    c->by_phase[p >= 0 && p <= 4 ? p : 4] += 1;
    return 0;
}

void op_metrics_refresh(fm_operator *op)
{
    fm_metrics_set(op->m.pending, (double)fm_store_index_count(op->tasks, OP_IDX_PHASE, "Pending"));
    node_counts c;
    memset(&c, 0, sizeof c);
    fm_store_foreach(op->nodes, count_node, &c);
    static const char *const names[5] = {"None", "Ready", "Draining", "NotReady", "Unknown"};
    for (int i = 0; i < 5; i++) {
        fm_series *s = NULL;
        if (fm_metrics_series(&s, op->m.fleetnodes, names[i], NULL) == 0) fm_metrics_set(s, c.by_phase[i]);
    }
}

/* ------------------------------------------------------------ memory */

/*
 * The heap. The caches are most of it, made by one informer thread per
 * kind, while up to 30 other threads make short-lived copies, patches and
 * HTTP buffers. glibc gives each thread that meets a locked arena a new
 * one (up to 8 per core), and each arena keeps its own free memory: with
 * 100,000 cached tasks that was several MiB per arena for nothing. Two
 * arenas are enough for two busy threads at a time. MALLOC_ARENA_MAX or
 * glibc.malloc.arena_max in GLIBC_TUNABLES still decide when set.
 *
 * glibc returns free memory to the system only from the top of a heap; a
 * backlog leaves free holes in the middle (list pages, the copies the
 * writers made, queued Events) between objects that stay cached. So every
 * TRIM_EVERY_S the operator hands whole free pages back (malloc_trim(0):
 * madvise on the free pages, about a millisecond per 100 MiB of heap).
 */
#define TICK_MS 2000
#define TRIM_EVERY_S 30

/* Trims the heap; with -v 1 logs what the heap held before the trim
 * (bytes in use, free, mmapped), how long the trim took, and objalloc's
 * figures (its slabs hold the cached objects, outside the heap). */
static void heap_trim(void)
{
    if (!fm_log_enabled(1)) {
        malloc_trim(0);
        return;
    }
    struct mallinfo2 a = mallinfo2();
    int64_t t0 = fm_clock_now(NULL);
    malloc_trim(0);
    int64_t t1 = fm_clock_now(NULL);
    fm_objalloc_stats os;
    fm_objalloc_get_stats(&os);
    char inuse[32], fre[32], mm[32], took[32], slabs[32], blocks[32], interned[32];
    snprintf(inuse, sizeof inuse, "%zu", a.uordblks + a.hblkhd);
    snprintf(fre, sizeof fre, "%zu", a.fordblks);
    snprintf(mm, sizeof mm, "%zu", a.hblkhd);
    snprintf(took, sizeof took, "%.2fms", (double)(t1 - t0) / 1e6);
    snprintf(slabs, sizeof slabs, "%zu", os.slab_bytes);
    snprintf(blocks, sizeof blocks, "%zu", os.block_bytes);
    snprintf(interned, sizeof interned, "%zu", os.intern_bytes);
    fm_log_v(1, "heap trimmed", "inUseBytes", inuse, "freeBytes", fre, "mmappedBytes", mm, "took", took,
             "slabBytes", slabs, "slabBlockBytes", blocks, "internedBytes", interned, NULL);
}

static void malloc_setup(void)
{
    const char *tun = getenv("GLIBC_TUNABLES");
    if (getenv("MALLOC_ARENA_MAX") || (tun && strstr(tun, "arena_max"))) return;
    mallopt(M_ARENA_MAX, 2);
}

/* ------------------------------------------------------------ lifecycle */

/* The scheduler's writers start before the controllers (once leading) and
 * stop after the scheduler controller (the manager stops in reverse). */
static int writers_start(void *ud)
{
    return op_scheduler_start(ud);
}

static void writers_stop(void *ud)
{
    op_scheduler_stop(ud);
}

/* Runs last among the runnables: the first pass after the start. */
static int first_pass(void *ud)
{
    op_trigger_pass(ud);
    return 0;
}

static void on_manager_event(void *ud, fm_manager_event ev, const char *detail)
{
    fm_operator *op = ud;
    switch (ev) {
    case FM_MANAGER_SYNCED:
        fm_log_info("caches synced", NULL);
        heap_trim(); /* the list pages are gone */
        break;
    case FM_MANAGER_LEADING: fm_log_info("became leader", "identity", op->identity, NULL); break;
    case FM_MANAGER_STARTED: fm_log_info("controllers started", "identity", op->identity, NULL); break;
    case FM_MANAGER_START_FAILED: fm_log_error("starting controllers failed", "error", detail, NULL); break;
    case FM_MANAGER_LEASE_LOST: fm_log_error("leader election lost", "identity", op->identity, NULL); break;
    case FM_MANAGER_NEW_LEADER: fm_log_info("new leader observed", "leader", detail, NULL); break;
    case FM_MANAGER_LEADER_ERROR: fm_log_v(1, "leader election error", "error", detail, NULL); break;
    case FM_MANAGER_STOPPING: fm_log_info("shutting down", NULL); break;
    }
}

/* The manager's tick, on the main thread. */
static void metrics_tick(void *ud)
{
    static int tick;
    op_metrics_refresh(ud);
    if (++tick % (TRIM_EVERY_S * 1000 / TICK_MS) == 0) heap_trim();
}

static void on_informer_error(void *ud, int code, const char *message)
{
    op_informer_ctx *ctx = ud;
    fm_log_warn("list/watch failed", "kind", ctx->what, "error", message, NULL);
    op_hold_staleness(ctx->op);
}

static void on_informer_recovered(void *ud)
{
    op_informer_ctx *ctx = ud;
    fm_log_info("list/watch recovered; heartbeat staleness on hold for one stale period", "kind",
             ctx->what, NULL);
    op_hold_staleness(ctx->op);
}

/*
 * An object the server stores but the decoder refuses (an integer outside
 * its field's range, JSON nested too deep in a free-form field): the
 * informer left it out of the cache and goes on with the others. Say so
 * where an operator of the cluster will look: the log (key and reason),
 * the metric, and a Warning Event on the object itself.
 */
static void on_informer_decode_error(void *ud, const fm_k8s_object_meta *meta, const char *message)
{
    op_informer_ctx *ctx = ud;
    char key[512] = "(unknown)";
    if (meta && meta->name)
        snprintf(key, sizeof key, "%s%s%s", meta->namespace ? meta->namespace : "",
                 meta->namespace ? "/" : "", meta->name);
    fm_log_warn("object does not decode; left out of the cache until a valid version arrives", "kind",
             ctx->what, "object", key, "resourceVersion", meta ? meta->resource_version : NULL, "error",
             message, NULL);
    fm_metrics_inc(ctx->decode_errors);
    char msg[1100];
    snprintf(msg, sizeof msg, "foreman-operator cannot decode this %s and ignores it until it is "
             "corrected: %.900s", ctx->what, message);
    op_object_event(ctx->op, ctx->kind, meta, "Warning", "DecodeFailed", msg);
}

void op_hold_staleness(fm_operator *op)
{
    fm_time now = fm_codec_time_now();
    long long until = (long long)now.sec * 1000000000LL + now.nsec + op->cfg.node_stale_after_ns;
    long long cur = atomic_load(&op->stale_hold_until_ns);
    while (cur < until && !atomic_compare_exchange_weak(&op->stale_hold_until_ns, &cur, until)) {
    }
}

bool op_staleness_held(fm_operator *op, fm_time now, int64_t *wait_ms)
{
    long long left = atomic_load(&op->stale_hold_until_ns) - ((long long)now.sec * 1000000000LL + now.nsec);
    if (left <= 0) return false;
    if (wait_ms) *wait_ms = left / 1000000 + 1;
    return true;
}

/*
 * --assigned-node-label=auto: agents in their default mode select their
 * tasks by status.assignedNode where the API server can (the CRD's
 * selectableFields, Kubernetes 1.31+) and by the label where it cannot.
 * The operator asks the same question with one small list and writes the
 * label only when the answer is no, or when it gets no answer (the label
 * is harmless to agents that do not need it).
 */
static void decide_node_label(fm_operator *op)
{
    for (int attempt = 0; attempt < 5 && !fm_signals_shutdown_requested(); attempt++) {
        int rc = fm_kube_field_selector_supported(op->client, &fm_agentic_task_kind, KUBE_ALL_NAMESPACES,
                                               "status.assignedNode=foreman-operator-probe");
        if (rc == 1) {
            op->cfg.node_label = false;
            fm_log_info("agents can select their tasks by status.assignedNode; no routing label", NULL);
            return;
        }
        if (rc == 0) {
            op->cfg.node_label = true;
            fm_log_info("the API server cannot select AgenticTasks by status.assignedNode; placed tasks get "
                     "the routing label", "error", fm_error_last()->message, NULL);
            return;
        }
        fm_signals_wait(500 << attempt);
    }
    op->cfg.node_label = true;
    fm_log_warn("could not tell whether agents can select by status.assignedNode; placed tasks get the "
             "routing label", "error", fm_error_last()->message, NULL);
}

/* ------------------------------------------------------------ flags */

typedef struct cli {
    const char *kubeconfig, *kube_context, *metrics_bind, *probe_bind, *leader_ns, *leader_id;
    bool leader_elect, version, events;
    const char *node_label;
    const char *placement, *log_format, *zap_level, *qps, *event_qps;
    int64_t stale_after, reap_after, lease_duration, renew_deadline, retry_period;
    int64_t verbosity, burst, task_workers, writers, event_burst;
    const char *ns_weights;
    int64_t max_per_ns;
} cli;

static int parse_cli(cli *c, int argc, char **argv, fm_flags_set *fs_out, fm_flags_def *defs, size_t n)
{
    fm_flags_def d[] = {
        {"kubeconfig", FLAGS_STRING, &c->kubeconfig, NULL, "path to a kubeconfig; default $KUBECONFIG, ~/.kube/config or in-cluster", false},
        {"kube-context", FLAGS_STRING, &c->kube_context, NULL, "kubeconfig context to use (default: the current context)", false},
        {"metrics-bind-address", FLAGS_STRING, &c->metrics_bind, ":8081", "address the /metrics endpoint binds to; \"0\" disables it", false},
        {"health-probe-bind-address", FLAGS_STRING, &c->probe_bind, ":8082", "address /healthz and /readyz bind to; \"0\" disables them", false},
        {"leader-elect", FLAGS_BOOL, &c->leader_elect, "false", "elect a leader on the Lease foreman-operator.llmkube.dev so only one replica acts", false},
        {"leader-election-namespace", FLAGS_STRING, &c->leader_ns, NULL, "`namespace` of the leader Lease (default: the client's namespace)", false},
        {"leader-election-id", FLAGS_STRING, &c->leader_id, NULL, "this replica's identity in the Lease (default: host name and a random suffix)", false},
        {"leader-elect-lease-duration", FLAGS_DURATION, &c->lease_duration, "15s", "how long a Lease holds without renewal", false},
        {"leader-elect-renew-deadline", FLAGS_DURATION, &c->renew_deadline, "10s", "how long the leader keeps trying to renew before giving up", false},
        {"leader-elect-retry-period", FLAGS_DURATION, &c->retry_period, "2s", "how often candidates try and leaders renew", false},
        {"placement", FLAGS_STRING, &c->placement, "spread", "placement policy: spread, binpack or first-fit", false},
        {"node-stale-after", FLAGS_DURATION, &c->stale_after, "90s", "a FleetNode whose last heartbeat is older is NotReady", false},
        {"draining-reap-after", FLAGS_DURATION, &c->reap_after, "10m", "a Draining FleetNode silent this long is deleted", false},
        {"log-format", FLAGS_STRING, &c->log_format, "logfmt", "log format: logfmt or json", false},
        {"v", FLAGS_INT, &c->verbosity, "0", "log verbosity (1: debug)", false},
        {"zap-log-level", FLAGS_STRING, &c->zap_level, NULL, "log level: error, warn, info or debug (controller-runtime's flag)", false},
        {"kube-api-qps", FLAGS_STRING, &c->qps, "0", "client-side limit of queries per second to the API server; 0 = none (the default, as controller-runtime's: the server's priority and fairness answers 429 with Retry-After, which the client honours)", false},
        {"kube-api-burst", FLAGS_INT, &c->burst, "100", "burst of queries to the API server when -kube-api-qps is set", false},
        {"task-workers", FLAGS_INT, &c->task_workers, "4", "concurrent AgenticTask reconciles (threads)", false},
        {"placement-writers", FLAGS_INT, &c->writers, "8", "concurrent placement writes (threads); each waits on one API round trip, so a few per core keep the API server busy", false},
        {"record-events", FLAGS_BOOL, &c->events, "true", "record Kubernetes Events for placements and failures", false},
        {"event-qps", FLAGS_STRING, &c->event_qps, "20", "Events sent per second at most (they queue, up to 4096, beyond that); 0 = unlimited", false},
        {"event-burst", FLAGS_INT, &c->event_burst, "100", "Events sent at once before -event-qps applies", false},
        {"assigned-node-label", FLAGS_STRING, &c->node_label, "auto", "also label each placed task foreman.llmkube.dev/assigned-node=<node> (a second write per placement), for agents that find their tasks by label: true, false, or auto (only when the API server cannot select AgenticTasks by status.assignedNode, where agents fall back to the label)", false},
        {"namespace-weights", FLAGS_STRING, &c->ns_weights, NULL, "comma-separated `ns=weight` shares: at equal priority namespaces take turns, each giving up to its weight of tasks per turn (default 1 each)", false},
        {"max-running-tasks-per-namespace", FLAGS_INT, &c->max_per_ns, "0", "most tasks of one namespace placed or running at once; 0 = no cap", false},
        {"version", FLAGS_BOOL, &c->version, "false", "print the version and exit", false},
    };
    if (sizeof d / sizeof d[0] > n) return FM_EINVAL;
    memcpy(defs, d, sizeof d);
    fs_out->program = "foreman-operator";
    fs_out->defs = defs;
    fs_out->n_defs = sizeof d / sizeof d[0];
    return fm_flags_parse(fs_out, argc, argv, NULL);
}

/* Empty string flags mean "not given". */
static const char *nz(const char *s)
{
    return s && *s ? s : NULL;
}

static int config_from_cli(op_config *cfg, const cli *c)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->kubeconfig = nz(c->kubeconfig);
    cfg->kube_context = nz(c->kube_context);
    cfg->metrics_bind = c->metrics_bind;
    cfg->probe_bind = c->probe_bind;
    cfg->leader_elect = c->leader_elect;
    cfg->leader_ns = nz(c->leader_ns);
    cfg->leader_id = nz(c->leader_id);
    cfg->lease_duration_ns = c->lease_duration;
    cfg->renew_deadline_ns = c->renew_deadline;
    cfg->retry_period_ns = c->retry_period;
    cfg->events = c->events;
    if (strcmp(c->node_label, "auto") == 0) cfg->node_label_mode = OP_LABEL_AUTO;
    else if (strcmp(c->node_label, "true") == 0) cfg->node_label_mode = OP_LABEL_ON;
    else if (strcmp(c->node_label, "false") == 0) cfg->node_label_mode = OP_LABEL_OFF;
    else
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -assigned-node-label: want auto, true or false",
                            c->node_label);
    cfg->node_label = cfg->node_label_mode != OP_LABEL_OFF;
    if (fm_sched_placement_parse(&cfg->placement, c->placement)) return FM_EINVAL;
    if (c->stale_after <= 0)
        return fm_error_set(FM_EINVAL, "invalid value for flag -node-stale-after: must be positive");
    if (c->reap_after <= 0)
        return fm_error_set(FM_EINVAL, "invalid value for flag -draining-reap-after: must be positive");
    cfg->node_stale_after_ns = c->stale_after;
    cfg->draining_reap_after_ns = c->reap_after;
    char *end;
    errno = 0;
    cfg->qps = strtod(c->qps ? c->qps : "0", &end);
    if (errno || *end || cfg->qps < 0)
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -kube-api-qps", c->qps);
    cfg->burst = c->burst < 0 ? 0 : c->burst > 100000 ? 100000 : (int)c->burst;
    errno = 0;
    cfg->event_qps = strtod(c->event_qps ? c->event_qps : "0", &end);
    if (errno || *end || !(cfg->event_qps >= 0 && cfg->event_qps < 1e6))
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -event-qps: want a number of Events per second, 0 for no limit",
                            c->event_qps);
    if (c->event_burst < 1 || c->event_burst > 100000)
        return fm_error_set(FM_EINVAL, "invalid value %lld for flag -event-burst: want 1 to 100000", (long long)c->event_burst);
    cfg->event_burst = (int)c->event_burst;
    cfg->task_workers = c->task_workers < 1 ? 1 : c->task_workers > 64 ? 64 : (int)c->task_workers;
    cfg->writers = c->writers < 1 ? 1 : c->writers > 64 ? 64 : (int)c->writers;
    if (c->max_per_ns < 0 || c->max_per_ns > INT32_MAX)
        return fm_error_set(FM_EINVAL, "invalid value %lld for flag -max-running-tasks-per-namespace: want 0 (no cap) or more",
                            (long long)c->max_per_ns);
    cfg->max_running_per_ns = (int32_t)c->max_per_ns;
    /* "a=3,b=1": every entry a namespace and a weight of 1 to 1000. */
    for (const char *p = c->ns_weights; p && *p;) {
        size_t l = strcspn(p, ",");
        char entry[300];
        snprintf(entry, sizeof entry, "%.*s", (int)(l < 299 ? l : 299), p);
        char *eq = strchr(entry, '='), *wend = NULL;
        long w = eq ? strtol(eq + 1, &wend, 10) : 0;
        if (!eq || eq == entry || !wend || *wend || w < 1 || w > 1000)
            return fm_error_set(FM_EINVAL, "invalid entry \"%s\" in flag -namespace-weights: want namespace=weight, weight 1 to 1000",
                                entry);
        *eq = 0;
        if (fm_strmap_set(&cfg->ns_weights, entry, eq + 1) != 0) return fm_error_set(FM_ENOMEM, "out of memory");
        p += l;
        if (*p == ',') p++;
    }
    return 0;
}

/* ------------------------------------------------------------ main */

static int new_informer(fm_informer **out, fm_manager *mgr, fm_operator *op, const fm_kind_desc *k,
                        const char *what, int slot)
{
    op->inf_ctx[slot].op = op;
    op->inf_ctx[slot].what = what;
    op->inf_ctx[slot].kind = k;
    if (fm_metrics_series(&op->inf_ctx[slot].decode_errors, op->m.decode_errors, what, NULL) != 0)
        return FM_ENOMEM;
    fm_informer_options io = {.kind = k, .ns = NULL, .on_error = on_informer_error,
                           .on_recovered = on_informer_recovered,
                           .on_decode_error = on_informer_decode_error, .on_error_ud = &op->inf_ctx[slot]};
    int rc = fm_informer_new(out, op->client, &io);
    if (rc == 0) rc = fm_manager_add_informer(mgr, *out);
    return rc;
}

int main(int argc, char **argv)
{
    malloc_setup(); /* before any thread starts */
    cli c;
    memset(&c, 0, sizeof c);
    fm_flags_def defs[32];
    fm_flags_set fs;
    int rc = parse_cli(&c, argc, argv, &fs, defs, sizeof defs / sizeof defs[0]);
    if (rc == FLAGS_HELP) {
        fm_flags_usage(stdout, &fs);
        fm_flags_free(&fs);
        return 0;
    }
    if (rc) {
        fprintf(stderr, "%s\n", fm_error_last()->message);
        fm_flags_usage(stderr, &fs);
        fm_flags_free(&fs);
        return 2;
    }
    if (c.version) {
        printf("foreman-operator %s\n", FOREMAN_VERSION);
        fm_flags_free(&fs);
        return 0;
    }
    if (fm_log_set_format_name(c.log_format) != 0) {
        fprintf(stderr, "invalid value \"%s\" for flag -log-format: want logfmt or json\n", c.log_format);
        return 2;
    }
    if (c.zap_level && *c.zap_level && fm_log_set_level_name(c.zap_level) != 0) {
        fprintf(stderr, "invalid value \"%s\" for flag -zap-log-level\n", c.zap_level);
        return 2;
    }
    if (fm_flags_is_set(&fs, "v")) fm_log_set_verbosity((int)c.verbosity);
    /* The informers' cached objects live in objalloc's slabs (see
     * runtime/core/objalloc.h): reserve its range now, before any thread,
     * and say whether it is on (off under ASan or FOREMAN_OBJALLOC=off). */
    fm_log_v(1, "cached objects in size-classed slabs", "objalloc", fm_objalloc_init() ? "on" : "off", NULL);

    static fm_operator opx;
    fm_operator *op = &opx;
    if (config_from_cli(&op->cfg, &c) != 0) {
        fprintf(stderr, "%s\n", fm_error_last()->message);
        return 2;
    }
    char host[200] = "operator";
    gethostname(host, sizeof host - 1);
    /* host_<random>, like controller-runtime's host_<uuid>: in a container
     * the pid is always 1, so a restarted container with host_pid would
     * take over its dead predecessor's Lease at once instead of waiting
     * for it to expire, as the documentation says. */
    uint64_t suffix = 0;
    if (getrandom(&suffix, sizeof suffix, 0) != (ssize_t)sizeof suffix)
        suffix = (uint64_t)getpid() ^ ((uint64_t)time(NULL) << 20);
    snprintf(op->identity, sizeof op->identity, "%s_%016llx", host, (unsigned long long)suffix);
    if (op->cfg.leader_id) snprintf(op->identity, sizeof op->identity, "%s", op->cfg.leader_id);
    op->registry = fm_metrics_default();
    /* Every replica starts the informers; only the leader runs the
     * controllers (manager.h). */
    fm_manager_options mo = {
        .metrics_bind = op->cfg.metrics_bind,
        .probe_bind = op->cfg.probe_bind,
        .registry = op->registry,
        .leader_elect = op->cfg.leader_elect,
        .leader = {
            .name = LEADER_DEFAULT_NAME,
            .ns = op->cfg.leader_ns,
            .identity = op->identity,
            .lease_duration_ms = op->cfg.lease_duration_ns / 1000000,
            .renew_deadline_ms = op->cfg.renew_deadline_ns / 1000000,
            .retry_period_ms = op->cfg.retry_period_ns / 1000000,
        },
        .tick = metrics_tick,
        .tick_ms = TICK_MS,
        .on_event = on_manager_event,
        .ud = op,
    };
    fm_manager *mgr = NULL;
    if (fm_manager_new(&mgr, &mo) != 0) {
        fm_log_error("signal setup failed", "error", fm_error_last()->message, NULL);
        return 1;
    }
    /* Events per object: 25 at once, then one per 5 minutes (client-go's
     * spam filter), so a flapping task cannot flood the API server. */
    if (fm_event_filter_new(&op->event_filter, EVENT_FILTER_DEFAULT_BURST, EVENT_FILTER_DEFAULT_REFILL,
                         EVENT_FILTER_DEFAULT_MAX_KEYS) != 0) {
        fprintf(stderr, "foreman-operator: %s\n", fm_error_last()->message);
        fm_manager_free(mgr);
        return 1;
    }

    int exit_code = 1;
    fm_kube_client_opts ko = {.program = "operator", .qps = op->cfg.qps, .burst = op->cfg.burst};
    if ((rc = fm_manager_connect(mgr, op->cfg.kubeconfig, op->cfg.kube_context, &ko))) {
        fm_log_error("cannot create the API client", "error", fm_error_last()->message, NULL);
        goto out;
    }
    op->client = fm_manager_client(mgr);
    if (fm_kube_client_warning(op->client)) fm_log_warn(fm_kube_client_warning(op->client), NULL);
    if (op->cfg.node_label_mode == OP_LABEL_AUTO) decide_node_label(op);
    if ((rc = fm_opcore_init(&op->core)) || (rc = op_metrics_setup(op)) ||
        (rc = new_informer(&op->task_inf, mgr, op, &fm_agentic_task_kind, "AgenticTask", 0)) ||
        (rc = new_informer(&op->node_inf, mgr, op, &fm_fleet_node_kind, "FleetNode", 1)) ||
        (rc = new_informer(&op->workload_inf, mgr, op, &fm_workload_kind, "Workload", 2)) ||
        (rc = new_informer(&op->agent_inf, mgr, op, &fm_agent_kind, "Agent", 3))) {
        fm_log_error("setup failed", "error", fm_error_last()->message, NULL);
        goto out;
    }
    op->tasks = fm_informer_store(op->task_inf);
    op->nodes = fm_informer_store(op->node_inf);
    op->workloads = fm_informer_store(op->workload_inf);
    op->agents = fm_informer_store(op->agent_inf);
    if ((rc = op_events_setup(op)) || (rc = op_scheduler_setup(op)) || (rc = op_tasks_setup(op)) ||
        (rc = op_nodes_setup(op)) ||
        (rc = op_workloads_setup(op)) || (rc = op_agents_setup(op)) ||
        (rc = fm_manager_add_runnable(mgr, writers_start, writers_stop, op)) ||
        (rc = fm_manager_add_controller(mgr, op->sched_ctl)) ||
        (rc = fm_manager_add_controller(mgr, op->task_ctl)) ||
        (rc = fm_manager_add_controller(mgr, op->node_ctl)) ||
        (rc = fm_manager_add_controller(mgr, op->workload_ctl)) ||
        (rc = fm_manager_add_controller(mgr, op->agent_ctl)) ||
        (rc = fm_manager_add_runnable(mgr, first_pass, NULL, op))) {
        fm_log_error("controller setup failed", "error", fm_error_last()->message, NULL);
        goto out;
    }
    if ((rc = fm_manager_serve(mgr))) {
        fm_log_error("cannot serve metrics/health", "error", fm_error_last()->message, NULL);
        goto out;
    }
    char placement[16];
    snprintf(placement, sizeof placement, "%s", fm_sched_placement_name(op->cfg.placement));
    char stale[GODURATION_FORMAT_MAX];
    fm_goduration_format(stale, op->cfg.node_stale_after_ns);
    fm_log_info("starting foreman-operator", "version", FOREMAN_VERSION, "server",
             fm_kube_client_server(op->client), "placement", placement, "nodeStaleAfter", stale,
             "leaderElect", op->cfg.leader_elect ? "true" : "false", "identity", op->identity, NULL);

    rc = fm_manager_run(mgr);
    if (rc < 0) {
        fm_log_error("cannot start", "error", fm_error_last()->message, NULL);
        goto out;
    }
    exit_code = rc;

out:
    fm_manager_stop(mgr); /* controllers, writers, lease, informers, servers */
    op_events_free(op);   /* after every writer of Events stopped */
    fm_manager_free(mgr); /* controllers, informers, client */
    fm_opcore_free(&op->core);
    fm_event_filter_free(op->event_filter);
    fm_flags_free(&fs);
    return exit_code;
}

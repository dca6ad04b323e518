/*
 * bench_scheduler.c - how fast foreman-operator places AgenticTasks on a
 * large fleet, measured against a real API server.
 *
 *   1. Creates N FleetNodes (default 1,000, maxConcurrentTasks C, default
 *      14) and keeps them Ready itself: status patches with a fresh
 *      heartbeat every H s per node (default 30, foreman-agent's default
 *      --heartbeat-interval), spread evenly over those H s as independent
 *      agents' beats would be.
 *   2. Backlog: creates T tasks (default 10,000) at once from 16 threads
 *      with no operator running, then starts foreman-operator
 *      ($FOREMAN_BIN/foreman-operator, --kube-api-qps=0: no client-side
 *      throttle) and times, from the operator's start, until a watch has
 *      seen every one Scheduled (the drain: the operator's own list, sync
 *      and placement work). With --live-burst 1 the operator starts first
 *      and the tasks are created while it runs (the time then includes
 *      the creation, which competes with the operator for the API server).
 *   3. Steady: after W seconds (default 45) for the backlog's aftermath to
 *      settle (the operator sends its Events in the background, one at a
 *      time), creates tasks at R per second (default 100) for S seconds
 *      (default 30) and reports creation-to-Scheduled latency p50/p99
 *      (client clock: before the POST to the watch event), and the watch
 *      delivery: creation to the task's first event at this benchmark's
 *      watch, the hop an operator's placement has and the floor's lacks.
 *   4. The operator's RSS (VmRSS, VmHWM) and CPU, then, with the operator
 *      stopped, the API server's floors: the time one client (16 threads)
 *      needs for T bare status merge patches (ratio drain/floor), and the
 *      same steady arrivals placed by the benchmark itself (create, then
 *      at once the status patch an ideal scheduler would send), whose
 *      creation-to-Scheduled latency is what no scheduler can beat here.
 *   5. Checks from the final state that no node holds more than C tasks.
 * Everything it created is deleted at the end.
 *
 * With --unschedulable N it measures instead an unschedulable backlog: N
 * tasks no node can take, the first pass against the API floor, then the
 * operator's CPU and writes per task while nothing changes (see
 * run_unschedulable).
 *
 * The operator is started with the flags its --help lists: a flag that
 * binary does not know (an older or other build) is left out and named,
 * and one it rejects when started (an early exit whose error names it) is
 * dropped and the start tried again (opflags.h).
 *
 * Usage: bench_scheduler [--nodes N] [--tasks T] [--capacity C] [--rate R]
 *                        [--steady-seconds S] [--threads K] [--live-burst 0|1]
 *                        [--settle-seconds W] [--heartbeat-seconds H]
 *                        [--namespaces K] [--floor-patches N]
 *                        [--unschedulable N [--unschedulable-seconds S]]
 * --namespaces K spreads the tasks over K namespaces (task i in i % K).
 * --floor-patches N measures the API floor with N patches instead of one
 * per backlog task and scales its time to the backlog (0: no API floor).
 * Environment: KUBECONFIG, FOREMAN_BIN; BENCH_OPERATOR_FLAG adds flags,
 * separated by spaces, to the operator's command line (e.g.
 * "--record-events=false --assigned-node-label=false"); BENCH_LATENCY_FILE
 * names a file for every steady and floor task's creation offset and
 * latency ("steady|floor INDEX OFFSET_S LATENCY_MS" per line).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "kube.h"
#include "opflags.h"

static int n_nodes = 1000, n_tasks = 10000, capacity = 14, rate = 100, steady_s = 30, threads = 16;
static int live_burst = 0, settle_s = 45, heartbeat_s = 30;
static int unsched_n = 0, unsched_s = 60;
static int floor_patches = -1; /* API floor: -1 = as many as the backlog, 0 = none */
static fm_kube_client *kc;
static char ns[64];            /* the first namespace; the others are ns-01, ns-02, ... */
#define MAX_NS 64
static int n_ns = 1;
static char nss[MAX_NS][80];
static char label[64];
static pid_t op_pid;
static atomic_int stop_hb;

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A benchmark stopped by a signal takes its operator with it: a stray
 * operator would go on placing the next run's tasks. */
static void on_signal(int sig)
{
    if (op_pid > 0) kill(op_pid, SIGKILL);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void die(const char *what)
{
    fprintf(stderr, "bench_scheduler: %s: %s\n", what, fm_error_last()->message);
    if (op_pid > 0) kill(op_pid, SIGKILL);
    exit(1);
}

/* POST/PATCH/DELETE with a JSON body; returns the fm_kube_request result. */
static int req(const char *method, const char *path, const char *ctype, const char *body)
{
    fm_kube_response r;
    memset(&r, 0, sizeof r);
    int rc = fm_kube_request(&r, kc, method, path, ctype, body, body ? strlen(body) : 0);
    fm_kube_response_free(&r);
    return rc;
}

/* ------------------------------------------------------------ parallel loops */

typedef struct loop {
    int n;
    atomic_int next;
    int (*fn)(int i);
    atomic_int errors;
} loop;

static void *loop_main(void *arg)
{
    loop *l = arg;
    for (;;) {
        int i = atomic_fetch_add(&l->next, 1);
        if (i >= l->n) break;
        if (l->fn(i) != 0) {
            if (atomic_fetch_add(&l->errors, 1) < 3)
                fprintf(stderr, "bench_scheduler: %s\n", fm_error_last()->message);
        }
    }
    return NULL;
}

/* Runs fn(0..n-1) on `threads` threads; returns the number of failures. */
static int parallel(int n, int (*fn)(int))
{
    loop l = {.n = n, .fn = fn};
    atomic_init(&l.next, 0);
    atomic_init(&l.errors, 0);
    pthread_t th[64];
    int k = threads > 64 ? 64 : threads;
    for (int i = 0; i < k; i++) pthread_create(&th[i], NULL, loop_main, &l);
    for (int i = 0; i < k; i++) pthread_join(th[i], NULL);
    return atomic_load(&l.errors);
}

/* ------------------------------------------------------------ nodes */

static char nodes_path[256], tasks_path[256];
static char tasks_paths[MAX_NS][256]; /* task i lives in namespace i % n_ns */

static int create_node(int i)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\","
             "\"metadata\":{\"name\":\"bench-%s-n%04d\",\"labels\":{\"bench\":\"%s\"}},"
             "\"spec\":{\"nodeName\":\"n%04d\",\"maxConcurrentTasks\":%d}}",
             label, i, label, i, capacity);
    return req("POST", nodes_path, "application/json", body);
}

static int heartbeat_node(int i)
{
    char path[512], body[512], now[40];
    fm_time t = fm_codec_time_now();
    t.nsec = 0;
    fm_codec_time_format(now, t);
    snprintf(path, sizeof path, "%s/bench-%s-n%04d/status", nodes_path, label, i);
    snprintf(body, sizeof body,
             "{\"status\":{\"phase\":\"Ready\",\"lastHeartbeatTime\":\"%s\",\"capability\":"
             "{\"accelerator\":\"none\",\"availableRAMGB\":%d,\"totalRAMGB\":64,\"maxContextTokens\":32768}}}",
             now, 16 + i % 32);
    return req("PATCH", path, "application/merge-patch+json", body);
}

/*
 * Every node beats once per heartbeat_s, the beats spread evenly over that
 * period as independent agents' would be (not all at once). Beat k (node
 * k % n_nodes) is due at t0 + k * heartbeat_s / n_nodes. A beat waits for
 * the API server's answer, which takes a good part of a second while a
 * backlog keeps the server saturated, so the beats are shared out among
 * hb_threads threads (beat k goes to thread k % hb_threads), one per beat
 * a second (2 to 64); each records how late it sent. A node whose beats
 * fall 60 s behind goes NotReady (--node-stale-after 90 s) and its tasks
 * are released: the run then measures the benchmark, not the operator.
 */
#define MAX_HB_THREADS 64
static int hb_threads = 1;
static double hb_t0;
static atomic_long hb_sent, hb_failed, hb_late_1s;
static double hb_max_late[MAX_HB_THREADS];

static void *heartbeat_main(void *arg)
{
    int j = (int)(long)arg;
    const double period = heartbeat_s;
    for (long k = j; !atomic_load(&stop_hb); k += hb_threads) {
        double due = hb_t0 + (double)k * period / n_nodes;
        while (!atomic_load(&stop_hb) && mono() < due) {
            double left = due - mono();
            usleep(left > 0.1 ? 100000 : (useconds_t)(left * 1e6) + 1);
        }
        if (atomic_load(&stop_hb)) break;
        double late = mono() - due;
        if (late > hb_max_late[j]) hb_max_late[j] = late;
        if (late > 1.0) atomic_fetch_add(&hb_late_1s, 1);
        if (heartbeat_node((int)(k % n_nodes)) != 0) atomic_fetch_add(&hb_failed, 1);
        atomic_fetch_add(&hb_sent, 1);
    }
    return NULL;
}

/* Lines of the operator's log that contain what (0 when unreadable). */
static int log_lines_with(const char *log, const char *what)
{
    FILE *f = fopen(log, "r");
    if (!f) return 0;
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, what)) n++;
    fclose(f);
    return n;
}

static void report_heartbeats(void)
{
    double late = 0;
    for (int j = 0; j < hb_threads; j++)
        if (hb_max_late[j] > late) late = hb_max_late[j];
    printf("  heartbeats: %ld sent from %d threads (%ld failed), %ld more than 1 s late, the latest %.1f s late\n",
           atomic_load(&hb_sent), hb_threads, atomic_load(&hb_failed), atomic_load(&hb_late_1s), late);
}

/* ------------------------------------------------------------ tasks and the watch */

static double *created_at;   /* per task index: client time before the POST */
static double *scheduled_at; /* per task index: watch time, 0 = not yet */
static double *added_at;     /* per task index: watch time of its first event (the ADDED), 0 = none yet */
static atomic_int n_scheduled;
static int total_tasks;
static double *unsched_at;  /* per task index: watch time of the first Unschedulable condition */
static int *writes;         /* per task index: MODIFIED events seen (the unschedulable phase) */
static atomic_int n_unsched;

static int task_index(const char *name)
{
    /* names are t<index> */
    if (!name || name[0] != 't') return -1;
    int i = atoi(name + 1);
    return i >= 0 && i < total_tasks ? i : -1;
}

/* The last resourceVersion the watch saw (its thread only): a re-watch
 * resumes there. A watch without one would begin with an ADDED event for
 * every task that exists (100,000 at the largest size), and the events of
 * the phase then running would wait behind them. */
static char watch_rv[64];

static int on_event(void *ud, fm_kube_watch_event_type type, void *obj, const char *raw, size_t len)
{
    fm_agentic_task *t = obj;
    if (t && t->metadata.resource_version && strlen(t->metadata.resource_version) < sizeof watch_rv)
        strcpy(watch_rv, t->metadata.resource_version);
    if (t && unsched_at && (type == KUBE_WATCH_ADDED || type == KUBE_WATCH_MODIFIED)) {
        int i = task_index(t->metadata.name);
        if (i >= 0 && type == KUBE_WATCH_MODIFIED) writes[i]++;
        for (size_t k = 0; i >= 0 && k < t->status.conditions.len; k++) {
            const fm_k8s_condition *c = &t->status.conditions.items[k];
            if (c->type && strcmp(c->type, "Scheduled") == 0 && c->reason &&
                strcmp(c->reason, "Unschedulable") == 0 && unsched_at[i] == 0) {
                unsched_at[i] = mono();
                atomic_fetch_add(&n_unsched, 1);
            }
        }
    }
    if (t && (type == KUBE_WATCH_ADDED || type == KUBE_WATCH_MODIFIED)) {
        int i = task_index(t->metadata.name);
        if (i >= 0 && added_at[i] == 0) added_at[i] = mono();
    }
    if (t && (type == KUBE_WATCH_ADDED || type == KUBE_WATCH_MODIFIED) &&
        t->status.phase == FM_TASK_PHASE_SCHEDULED) {
        int i = task_index(t->metadata.name);
        if (i >= 0 && scheduled_at[i] == 0) {
            scheduled_at[i] = mono();
            atomic_fetch_add(&n_scheduled, 1);
        }
    }
    if (obj) fm_kube_object_free(fm_agentic_task_kind.object, obj);
    return 0;
}

static atomic_int stop_watch;

static void *watch_main(void *arg)
{
    while (!atomic_load(&stop_watch)) {
        char sel[80];
        snprintf(sel, sizeof sel, "bench=%s", label);
        fm_kube_watch_opts o = {.cancel = &stop_watch, .timeout_seconds = 280, .label_selector = sel,
                             .allow_bookmarks = true, .resource_version = watch_rv[0] ? watch_rv : NULL};
        /* the first from "now": the namespaces are new and empty then */
        int rc = fm_kube_watch(kc, &fm_agentic_task_kind, KUBE_ALL_NAMESPACES, &o, on_event, NULL);
        if (rc == FM_EGONE) {
            fprintf(stderr, "bench_scheduler: the watch's version expired; watching from now\n");
            watch_rv[0] = 0;
        } else if (rc && rc != FM_ECANCELED) {
            usleep(200000);
        }
    }
    return NULL;
}

static int create_task(int i)
{
    char body[600];
    snprintf(body, sizeof body,
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
             "\"metadata\":{\"name\":\"t%d\",\"labels\":{\"bench\":\"%s\"}},\"spec\":{\"kind\":\"freeform\",\"priority\":%d,"
             "\"payload\":{\"prompt\":\"bench\"},\"requiredCapability\":{\"minRAMGB\":%d}}}",
             i, label, i % 5, i % 3 == 0 ? 8 : 0);
    created_at[i] = mono();
    return req("POST", tasks_paths[i % n_ns], "application/json", body);
}

/* A task no node of the benchmark can take (they all report accelerator
 * none). */
static int create_cuda_task(int i)
{
    char body[600];
    snprintf(body, sizeof body,
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
             "\"metadata\":{\"name\":\"t%d\",\"labels\":{\"bench\":\"%s\"}},\"spec\":{\"kind\":\"freeform\",\"priority\":%d,"
             "\"payload\":{\"prompt\":\"bench\"},\"requiredCapability\":{\"accelerator\":\"cuda\"}}}",
             i, label, i % 5);
    created_at[i] = mono();
    return req("POST", tasks_paths[i % n_ns], "application/json", body);
}

static int patch_task(int i)
{
    char path[512], body[200];
    snprintf(path, sizeof path, "%s/t%d/status", tasks_paths[i % n_ns], i);
    snprintf(body, sizeof body, "{\"status\":{\"transcriptRef\":\"bench-%d\"}}", i);
    return req("PATCH", path, "application/merge-patch+json", body);
}

/* The floor's "scheduler": the status patch placing task i on a node. */
static int place_task(int i)
{
    char path[512], body[300];
    snprintf(path, sizeof path, "%s/t%d/status", tasks_paths[i % n_ns], i);
    snprintf(body, sizeof body, "{\"status\":{\"phase\":\"Scheduled\",\"assignedNode\":\"bench-%s-n%04d\"}}",
             label, i % n_nodes);
    return req("PATCH", path, "application/merge-patch+json", body);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/*
 * Fills lat with the times from creation (before the POST) to at[] of the
 * tasks base .. base+n-1 that at[] has seen (0 = not yet), sorted; returns
 * how many. at = scheduled_at: the creation-to-Scheduled latency.
 * at = added_at: the watch delivery, creation to the task's first event at
 * this benchmark's watch. An operator learns of a new task the same way, so
 * a placement costs one such delivery more than the latency floor (whose
 * client patches right after its own create returns): the part of the
 * steady latency above the floor that no watch-driven scheduler avoids on
 * this API server.
 */
static int sorted_since_created(double *lat, const double *at, int base, int n)
{
    int m = 0;
    for (int k = 0; k < n; k++)
        if (at[base + k] > 0) lat[m++] = at[base + k] - created_at[base + k];
    qsort(lat, (size_t)m, sizeof *lat, cmp_double);
    return m;
}

/* The q-th percentile of n sorted values, -1 for none. */
static double percentile(const double *lat, int n, int q)
{
    if (n == 0) return -1;
    int i = n * q / 100;
    return lat[i < n ? i : n - 1];
}

/*
 * Where the tail of a steady phase lies in time: the seconds (from the
 * phase's first create) in which its slowest 1% were created. A tail that
 * falls in a few seconds is a stall of the whole control plane (the API
 * server's garbage collector, an etcd compaction) that every task then
 * in flight waits out; one spread over the run is per-request cost.
 * Also writes each task's figures to $BENCH_LATENCY_FILE when set.
 */
static void report_tail(const char *phase, int base, int n, double s0, double p99)
{
    const char *path = getenv("BENCH_LATENCY_FILE");
    FILE *f = path ? fopen(path, "a") : NULL;
    int slow = 0, n_secs = 0, secs[64];
    for (int k = 0; k < n; k++) {
        if (scheduled_at[base + k] <= 0) continue;
        double off = created_at[base + k] - s0, l = scheduled_at[base + k] - created_at[base + k];
        if (f) fprintf(f, "%s %d %.4f %.2f\n", phase, k, off, l * 1e3);
        if (l < p99) continue;
        slow++;
        int sec = (int)off, seen = 0;
        for (int j = 0; j < n_secs; j++) seen |= secs[j] == sec;
        if (!seen && n_secs < (int)(sizeof secs / sizeof secs[0])) secs[n_secs++] = sec;
    }
    if (f) fclose(f);
    printf("  %s tail: the %d slowest (>= p99) were created in %d distinct seconds:", phase, slow, n_secs);
    for (int j = 0; j < n_secs; j++) printf(" %d", secs[j]);
    printf("\n");
}

static long last_threads = -1; /* Threads: of the last rss_of */

static void rss_of(pid_t pid, long *rss_kb, long *hwm_kb)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    *rss_kb = *hwm_kb = -1;
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) *rss_kb = atol(line + 6);
        if (strncmp(line, "VmHWM:", 6) == 0) *hwm_kb = atol(line + 6);
        if (strncmp(line, "Threads:", 8) == 0) last_threads = atol(line + 8);
    }
    fclose(f);
}

/* Bytes of the "managedFields":[...] members in body (with one comma
 * each): the part of a list the operator's informers drop before caching. */
static double managed_fields_bytes(const char *body, size_t len)
{
    static const char key[] = "\"managedFields\":";
    double total = 0;
    const char *end = body + len;
    for (const char *p = body; p && p < end; ) {
        const char *k = memmem(p, (size_t)(end - p), key, sizeof key - 1);
        if (!k) break;
        const char *q = k + sizeof key - 1;
        int depth = 0;
        bool in_str = false;
        for (; q < end; q++) {
            char c = *q;
            if (in_str) {
                if (c == '\\') q++;
                else if (c == '"') in_str = false;
            } else if (c == '"') {
                in_str = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (--depth == 0) {
                    q++;
                    break;
                }
            }
        }
        total += (double)(q - k) + 1;
        p = q;
    }
    return total;
}

/* Bytes of JSON the API server sends for the collection at path (all
 * pages of 500), which is what the operator's informers list; *mf (may be
 * NULL) gets the bytes of metadata.managedFields in it, which they drop
 * before caching. */
static double json_bytes(const char *path, double *mf)
{
    double total = 0;
    if (mf) *mf = 0;
    char cont[2048] = "", url[3000];
    for (;;) {
        snprintf(url, sizeof url, "%s%slimit=500%s%s", path, strchr(path, '?') ? "&" : "?",
                 cont[0] ? "&continue=" : "", cont);
        fm_kube_response r;
        memset(&r, 0, sizeof r);
        if (fm_kube_request(&r, kc, "GET", url, NULL, NULL, 0) != 0) {
            fm_kube_response_free(&r);
            return -1;
        }
        total += (double)r.body.len;
        if (mf && r.body.data) *mf += managed_fields_bytes(r.body.data, r.body.len);
        const char *c = r.body.data ? strstr(r.body.data, "\"continue\":\"") : NULL;
        cont[0] = 0;
        if (c) {
            c += 12;
            size_t n = strcspn(c, "\"");
            if (n > 0 && n < sizeof cont) memcpy(cont, c, n), cont[n] = 0;
        }
        fm_kube_response_free(&r);
        if (!cont[0]) return total;
    }
}

/* CPU seconds (user + system) the process has used. */
static double cpu_of(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    unsigned long ut = 0, st = 0;
    /* fields 14 and 15; the command name (field 2) has no spaces here */
    int n = fscanf(f, "%*d %*s %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
    fclose(f);
    return n == 2 ? (double)(ut + st) / (double)sysconf(_SC_CLK_TCK) : -1;
}

/* The API server's pid from $TESTENV_DIR/apiserver.pid (tests/testenv), or
 * 0 when the control plane is not one of ours. */
static pid_t apiserver_pid(void)
{
    const char *dir = getenv("TESTENV_DIR");
    char path[4096];
    if (!dir) return 0;
    snprintf(path, sizeof path, "%s/apiserver.pid", dir);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int pid = 0;
    if (fscanf(f, "%d", &pid) != 1) pid = 0;
    fclose(f);
    return (pid_t)pid;
}

/* True while the operator runs; says so once when it has exited. */
static bool operator_alive(void)
{
    static bool said;
    if (op_pid <= 0) return false;
    int st;
    pid_t w = waitpid(op_pid, &st, WNOHANG);
    if (w == 0) return true;
    if (!said) {
        said = true;
        if (w == op_pid && WIFEXITED(st))
            fprintf(stderr, "bench_scheduler: the operator exited with status %d\n", WEXITSTATUS(st));
        else if (w == op_pid && WIFSIGNALED(st))
            fprintf(stderr, "bench_scheduler: the operator was killed by signal %d\n", WTERMSIG(st));
    }
    op_pid = 0;
    return false;
}

/* Waits until target tasks were seen Scheduled, timeout_s passed, or the
 * operator exited (when one runs). */
static void wait_scheduled(int target, double timeout_s)
{
    double end = mono() + timeout_s;
    bool with_op = op_pid > 0;
    while (atomic_load(&n_scheduled) < target && mono() < end) {
        if (with_op && !operator_alive()) break;
        usleep(20000);
    }
}

/* Counts Scheduled tasks per node from a fresh list; returns the largest. */
static int max_load(void)
{
    fm_agentic_task_list *l = NULL;
    char sel[80];
    snprintf(sel, sizeof sel, "bench=%s", label);
    fm_kube_list_opts lo = {.label_selector = sel, .limit = 5000};
    if (fm_kube_list_all((void **)&l, kc, &fm_agentic_task_kind, KUBE_ALL_NAMESPACES, &lo) != 0) die("list tasks");
    int *load = calloc((size_t)n_nodes, sizeof *load), best = 0, failed = 0;
    for (size_t i = 0; i < l->items.len; i++) {
        const fm_agentic_task *t = &l->items.items[i];
        /* a finished task keeps its assignedNode but holds no slot */
        if (t->status.phase == FM_TASK_PHASE_FAILED || t->status.phase == FM_TASK_PHASE_SUCCEEDED) {
            failed++;
            continue;
        }
        const char *node = t->status.assigned_node;
        const char *p = node ? strrchr(node, 'n') : NULL;
        if (!p) continue;
        int k = atoi(p + 1);
        if (k >= 0 && k < n_nodes && ++load[k] > best) best = load[k];
    }
    if (failed)
        printf("  ** %d tasks finished (Failed): no agent runs here, so their claims expired; were nodes "
               "NotReady (heartbeats late)? **\n", failed);
    /* Say which tasks a node above capacity holds (three nodes at most). */
    for (int k = 0, shown = 0; k < n_nodes && shown < 3; k++) {
        if (load[k] <= capacity) continue;
        shown++;
        printf("  node n%04d holds %d tasks:", k, load[k]);
        for (size_t i = 0; i < l->items.len; i++) {
            const fm_agentic_task *t = &l->items.items[i];
            if (t->status.phase == FM_TASK_PHASE_FAILED || t->status.phase == FM_TASK_PHASE_SUCCEEDED) continue;
            const char *node = t->status.assigned_node;
            const char *p = node ? strrchr(node, 'n') : NULL;
            if (!p || atoi(p + 1) != k) continue;
            const char *ph = fm_task_phase_name(t->status.phase);
            printf(" %s(%s,rv %s)", t->metadata.name, ph ? ph : "-", t->metadata.resource_version);
        }
        printf("\n");
    }
    free(load);
    fm_agentic_task_list_free(l);
    return best;
}

/* ------------------------------------------------------------ the operator */

static void cleanup(void)
{
    char path[512];
    for (int k = 0; k < n_ns; k++) {
        snprintf(path, sizeof path, "%.255s", tasks_paths[k]);
        req("DELETE", path, NULL, NULL);
    }
    snprintf(path, sizeof path, "%s?labelSelector=bench%%3D%s", nodes_path, label);
    req("DELETE", path, NULL, NULL);
    for (int k = 0; k < n_ns; k++) {
        snprintf(path, sizeof path, "/api/v1/namespaces/%.79s", nss[k]);
        req("DELETE", path, NULL, NULL);
    }
}

/*
 * The operator is started through opflags_start() (opflags.h): flags its
 * --help does not list are left out, and a flag it rejects at start (an
 * early exit whose error names it) is dropped and the start tried again.
 * Each dropped flag is named on stderr. op_start gets the time of the
 * start that stayed up.
 */
static void start_operator(const char *exe, const char *log, double *op_start)
{
    char *flags[40];
    int n = 0;
    static char *base[] = {"--kube-api-qps=0", "--metrics-bind-address=0", "--health-probe-bind-address=0"};
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) flags[n++] = base[i];
    /* BENCH_OPERATOR_FLAG: extra flags, separated by spaces (optional) */
    const char *extra = getenv("BENCH_OPERATOR_FLAG");
    char *copy = extra ? strdup(extra) : NULL, *save = NULL;
    for (char *tok = copy ? strtok_r(copy, " ", &save) : NULL; tok && n < 39; tok = strtok_r(NULL, " ", &save))
        flags[n++] = tok;
    char why[1024], *used[40];
    int passed = 0;
    opflags_start_opts o = {.report = stderr};
    op_pid = opflags_start(exe, flags, n, log, &o, op_start, used, &passed, why, sizeof why);
    if (op_pid < 0) {
        op_pid = 0;
        fprintf(stderr, "bench_scheduler: cannot start the operator: %s (log: %s)\n", why, log);
        atomic_store(&stop_hb, 1);
        cleanup();
        exit(1);
    }
    printf("  operator: %s", exe);
    for (int i = 0; i < passed; i++) printf(" %s", used[i]);
    printf("\n");
    fflush(stdout);
    free(copy);
}


/*
 * --unschedulable N: N tasks that want accelerator cuda on a fleet where
 * every node reports none, created before the operator starts. Times the
 * first pass (from the operator's start until the watch has seen every
 * task with condition Scheduled=False/Unschedulable), then watches for
 * --unschedulable-seconds while the heartbeats go on and nothing can be
 * placed: the operator's CPU in that window and the writes per task (every
 * MODIFIED event of a task is one write). The floor is N bare status
 * patches from this client with the operator stopped.
 */
static int run_unschedulable(const char *exe, const char *log, double *op_start)
{
    double b0 = mono();
    int errs = parallel(unsched_n, create_cuda_task);
    printf("  unschedulable backlog: %d tasks wanting cuda (no node has it) created in %.1f s (%d errors)\n",
           unsched_n, mono() - b0, errs);
    fflush(stdout);
    start_operator(exe, log, op_start);
    double end = mono() + 900;
    while (atomic_load(&n_unsched) < unsched_n && mono() < end) usleep(20000);
    double first = mono() - *op_start;
    int seen = atomic_load(&n_unsched);
    long w_first = 0;
    int max_first = 0;
    for (int i = 0; i < unsched_n; i++) {
        w_first += writes[i];
        if (writes[i] > max_first) max_first = writes[i];
    }
    double cpu_first = cpu_of(op_pid);
    printf("  first pass: %d of %d tasks Unschedulable %.1f s after the operator's start; %ld writes "
           "(at most %d per task); operator CPU %.2f s\n",
           seen, unsched_n, first, w_first, max_first, cpu_first);
    fflush(stdout);
    for (int k = 0; k < unsched_s * 10; k++) usleep(100000);
    double cpu = cpu_of(op_pid) - cpu_first;
    long w_after = -w_first;
    int max_total = 0;
    for (int i = 0; i < unsched_n; i++) {
        w_after += writes[i];
        if (writes[i] > max_total) max_total = writes[i];
    }
    long rss, hwm;
    rss_of(op_pid, &rss, &hwm);
    printf("  then %d s with nothing to place (heartbeats every %d s): operator CPU %.2f s (%.1f%% of a core), "
           "%ld more writes; at most %d writes per task in all; RSS %.1f MiB\n",
           unsched_s, heartbeat_s, cpu, cpu * 100 / unsched_s, w_after, max_total, (double)rss / 1024.0);
    fflush(stdout);
    if (op_pid > 0) {
        kill(op_pid, SIGTERM);
        waitpid(op_pid, NULL, 0);
    }
    op_pid = 0;
    double f0 = mono();
    int ferr = parallel(unsched_n, patch_task);
    double floor_s = mono() - f0;
    printf("  API floor: %d status patches in %.1f s (%d errors); first pass/floor ratio %.2f\n", unsched_n,
           floor_s, ferr, first / floor_s);
    bool ok = seen == unsched_n && cpu < 1.0 && max_total <= 1;
    printf("  %s: every task marked %s, CPU after the first pass %.2f s (target < 1 s), writes per task %d "
           "(target <= 1)\n",
           ok ? "PASS" : "FAIL", seen == unsched_n ? "yes" : "NO", cpu, max_total);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        int v = atoi(argv[i + 1]);
        if (!strcmp(argv[i], "--nodes")) n_nodes = v;
        else if (!strcmp(argv[i], "--tasks")) n_tasks = v;
        else if (!strcmp(argv[i], "--capacity")) capacity = v;
        else if (!strcmp(argv[i], "--rate")) rate = v;
        else if (!strcmp(argv[i], "--steady-seconds")) steady_s = v;
        else if (!strcmp(argv[i], "--threads")) threads = v;
        else if (!strcmp(argv[i], "--live-burst")) live_burst = v;
        else if (!strcmp(argv[i], "--settle-seconds")) settle_s = v;
        else if (!strcmp(argv[i], "--heartbeat-seconds") && v > 0) heartbeat_s = v;
        else if (!strcmp(argv[i], "--unschedulable")) unsched_n = v;
        else if (!strcmp(argv[i], "--namespaces") && v >= 1 && v <= MAX_NS) n_ns = v;
        else if (!strcmp(argv[i], "--unschedulable-seconds")) unsched_s = v;
        else if (!strcmp(argv[i], "--floor-patches")) floor_patches = v;
        else {
            fprintf(stderr, "usage: %s [--nodes N] [--tasks T] [--capacity C] [--rate R] "
                            "[--steady-seconds S] [--threads K] [--live-burst 0|1] [--settle-seconds W] "
                            "[--heartbeat-seconds H] [--namespaces K] [--floor-patches N] "
                            "[--unschedulable N [--unschedulable-seconds S]]\n", argv[0]);
            return 2;
        }
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGHUP, on_signal);
    const char *bin = getenv("FOREMAN_BIN");
    if (!bin) {
        fprintf(stderr, "bench_scheduler: FOREMAN_BIN is not set\n");
        return 2;
    }
    int n_steady = rate * steady_s;
    total_tasks = n_tasks + 2 * n_steady; /* backlog, steady, steady floor */
    if (unsched_n > 0) {
        total_tasks = unsched_n;
        unsched_at = calloc((size_t)total_tasks, sizeof *unsched_at);
        writes = calloc((size_t)total_tasks, sizeof *writes);
    } else if ((long)n_nodes * capacity < n_tasks + n_steady) {
        fprintf(stderr, "bench_scheduler: nodes x capacity (%d) below the tasks (%d)\n",
                n_nodes * capacity, n_tasks + n_steady);
        return 2;
    }
    created_at = calloc((size_t)total_tasks, sizeof *created_at);
    scheduled_at = calloc((size_t)total_tasks, sizeof *scheduled_at);
    added_at = calloc((size_t)total_tasks, sizeof *added_at);
    if (!created_at || !scheduled_at || !added_at) die("out of memory for the per-task times");
    fm_kube_client_opts ko = {.program = "bench", .request_timeout_ms = 60000};
    if (fm_kube_client_new_default(&kc, NULL, NULL, &ko) != 0) die("client");
    snprintf(label, sizeof label, "b%d", (int)getpid());
    snprintf(ns, sizeof ns, "bench-sched-%d", (int)getpid());
    fm_buf p = FM_BUF_INIT;
    fm_kube_resource_path(&p, &fm_fleet_node_kind, NULL, NULL, NULL);
    snprintf(nodes_path, sizeof nodes_path, "%s", p.data);
    fm_buf_reset(&p);
    char body[256];
    for (int k = 0; k < n_ns; k++) {
        if (k == 0) snprintf(nss[k], sizeof nss[k], "%s", ns);
        else snprintf(nss[k], sizeof nss[k], "%s-%02d", ns, k);
        fm_buf_reset(&p);
        fm_kube_resource_path(&p, &fm_agentic_task_kind, nss[k], NULL, NULL);
        snprintf(tasks_paths[k], sizeof tasks_paths[k], "%s", p.data);
        snprintf(body, sizeof body, "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"%.79s\"}}",
                 nss[k]);
        if (req("POST", "/api/v1/namespaces", "application/json", body) != 0) die("namespace");
    }
    snprintf(tasks_path, sizeof tasks_path, "%s", tasks_paths[0]);
    fm_buf_free(&p);

    printf("scheduler benchmark: %d nodes x capacity %d (heartbeat every %d s), burst %d tasks, steady %d/s for %d s, "
           "%d client threads\n", n_nodes, capacity, heartbeat_s, n_tasks, rate, steady_s, threads);
    double t = mono();
    if (parallel(n_nodes, create_node)) die("create nodes");
    if (parallel(n_nodes, heartbeat_node)) die("heartbeat nodes");
    printf("  fleet ready: %d nodes in %.1f s\n", n_nodes, mono() - t);
    fflush(stdout);
    pthread_t hb[MAX_HB_THREADS], wt;
    hb_threads = n_nodes / heartbeat_s;
    if (hb_threads < 2) hb_threads = 2;
    if (hb_threads > MAX_HB_THREADS) hb_threads = MAX_HB_THREADS;
    hb_t0 = mono();
    for (int j = 0; j < hb_threads; j++) pthread_create(&hb[j], NULL, heartbeat_main, (void *)(long)j);
    pthread_create(&wt, NULL, watch_main, NULL);

    char exe[512], log[512];
    snprintf(exe, sizeof exe, "%s/foreman-operator", bin);
    snprintf(log, sizeof log, "/tmp/bench-scheduler-operator-%d.log", (int)getpid());
    double created = 0, b0 = 0, op_start = 0;
    int errs = 0;
    if (unsched_n > 0) {
        int urc = run_unschedulable(exe, log, &op_start);
        atomic_store(&stop_hb, 1);
        atomic_store(&stop_watch, 1);
        for (int j = 0; j < hb_threads; j++) pthread_join(hb[j], NULL);
        pthread_join(wt, NULL);
        report_heartbeats();
        cleanup();
        fm_kube_client_free(kc);
        printf("  operator log: %s\n", log);
        return urc;
    }
    if (!live_burst) {
        b0 = mono();
        errs = parallel(n_tasks, create_task);
        created = mono() - b0;
    }
    start_operator(exe, log, &op_start);
    long rss0 = -1, hwm0 = -1;
    if (live_burst) {
        sleep(3); /* operator start and cache sync */
        rss_of(op_pid, &rss0, &hwm0);
        b0 = mono();
        errs = parallel(n_tasks, create_task);
        created = mono() - b0;
    }
    wait_scheduled(n_tasks, n_tasks / 20 > 1200 ? n_tasks / 20 : 1200);
    long rss_drain = -1, hwm_drain = -1;
    rss_of(op_pid, &rss_drain, &hwm_drain);
    double burst = 0, last = 0;
    for (int i = 0; i < n_tasks; i++)
        if (scheduled_at[i] > last) last = scheduled_at[i];
    burst = last - (live_burst ? b0 : op_start);
    int sched_burst = atomic_load(&n_scheduled);
    if (live_burst)
        printf("  live burst: %d tasks created in %.1f s (%d errors) with the operator running; %d Scheduled "
               "%.1f s after the first create (%.0f tasks/s), %.1f s after the last\n",
               n_tasks, created, errs, sched_burst, burst, sched_burst / (burst > 0 ? burst : 1),
               burst - created);
    else
        printf("  backlog: %d tasks created in %.1f s (%d errors) before the operator started; %d Scheduled "
               "%.1f s after its start (%.0f tasks/s)\n",
               n_tasks, created, errs, sched_burst, burst, sched_burst / (burst > 0 ? burst : 1));
    printf("  operator after the drain: RSS %.1f MiB, peak %.1f MiB, CPU %.1f s\n", (double)rss_drain / 1024.0,
           (double)hwm_drain / 1024.0, cpu_of(op_pid));
    fflush(stdout);

    /* steady, once the backlog's background work (Events) is done */
    for (int w = 0; w < settle_s * 10; w++) usleep(100000);
    pid_t api_pid = apiserver_pid();
    double op_cpu0 = cpu_of(op_pid), api_cpu0 = api_pid ? cpu_of(api_pid) : -1;
    double s0 = mono();
    for (int k = 0; k < n_steady; k++) {
        double due = s0 + (double)k / rate;
        double now = mono();
        if (due > now) usleep((useconds_t)((due - now) * 1e6));
        if (create_task(n_tasks + k) != 0) fprintf(stderr, "create: %s\n", fm_error_last()->message);
    }
    wait_scheduled(n_tasks + n_steady, 120);
    double steady_wall = mono() - s0;
    double op_cpu = cpu_of(op_pid) - op_cpu0, api_cpu = api_pid ? cpu_of(api_pid) - api_cpu0 : -1;
    double *lat = calloc((size_t)n_steady + 1, sizeof *lat);
    int nl = sorted_since_created(lat, scheduled_at, n_tasks, n_steady);
    double p50 = percentile(lat, nl, 50), p99 = percentile(lat, nl, 99);
    printf("  steady: %d of %d Scheduled; creation-to-Scheduled p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
           nl, n_steady, p50 * 1e3, p99 * 1e3, nl ? lat[nl - 1] * 1e3 : -1);
    if (nl) report_tail("steady", n_tasks, n_steady, s0, p99);
    double *dl = calloc((size_t)n_steady + 1, sizeof *dl);
    int nd = dl ? sorted_since_created(dl, added_at, n_tasks, n_steady) : 0;
    if (nd)
        printf("  steady watch delivery (create to the task's first event at a watcher): p50 %.1f ms, p99 %.1f ms, "
               "max %.1f ms\n", percentile(dl, nd, 50) * 1e3, percentile(dl, nd, 99) * 1e3, dl[nd - 1] * 1e3);
    free(dl);
    printf("  steady CPU: operator %.2f s in %.1f s (%.2f ms per task, %.0f%% of a core)", op_cpu, steady_wall,
           n_steady ? op_cpu * 1e3 / n_steady : 0, op_cpu * 100 / steady_wall);
    if (api_cpu >= 0) printf("; API server %.2f s (%.0f%% of a core)", api_cpu, api_cpu * 100 / steady_wall);
    printf("\n");
    long rss, hwm;
    rss_of(op_pid, &rss, &hwm);
    if (rss0 >= 0) printf("  operator RSS: %.1f MiB at start (empty caches), ", (double)rss0 / 1024.0);
    else printf("  operator RSS: ");
    printf("%.1f MiB at end, peak %.1f MiB; CPU %.1f s; %ld threads\n", (double)rss / 1024.0, (double)hwm / 1024.0,
           cpu_of(op_pid), last_threads);
    {
        char tp[512];
        snprintf(tp, sizeof tp, "/apis/foreman.llmkube.dev/v1alpha1/agentictasks?labelSelector=bench%%3D%s", label);
        double mt = 0, mn = 0, jt = json_bytes(tp, &mt), jn = json_bytes(nodes_path, &mn);
        if (jt >= 0 && jn >= 0) {
            printf("  cached objects as JSON from the API server (list pages of 500): tasks %.1f MiB + nodes %.1f MiB "
                   "= %.1f MiB; operator RSS / JSON ratio %.2f\n",
                   jt / 1048576, jn / 1048576, (jt + jn) / 1048576, (double)rss * 1024.0 / (jt + jn));
            printf("  the same without metadata.managedFields (%.1f MiB of it, which the operator does not cache): "
                   "%.1f MiB; RSS / that %.2f\n", (mt + mn) / 1048576, (jt + jn - mt - mn) / 1048576,
                   (double)rss * 1024.0 / (jt + jn - mt - mn));
        }
    }
    int ml = max_load();
    printf("  most tasks on one node: %d (capacity %d)%s\n", ml, capacity,
           ml > capacity ? "  ** ABOVE CAPACITY **" : "");
    fflush(stdout);
    if (op_pid > 0) {
        kill(op_pid, SIGTERM);
        waitpid(op_pid, NULL, 0);
    }
    op_pid = 0;

    /* the floor: same number of bare status patches from one client
     * (--floor-patches N: N of them, the time scaled to the backlog) */
    int nf = floor_patches < 0 || floor_patches > n_tasks ? n_tasks : floor_patches;
    if (nf > 0) {
        double f0 = mono();
        int ferr = parallel(nf, patch_task);
        double floor_s = mono() - f0, scaled = floor_s * n_tasks / nf;
        if (nf == n_tasks)
            printf("  API floor: %d status patches in %.1f s (%.0f/s, %d errors); %s/floor ratio %.2f\n",
                   n_tasks, floor_s, n_tasks / floor_s, ferr, live_burst ? "live burst" : "drain", burst / floor_s);
        else
            printf("  API floor: %d status patches in %.1f s (%.0f/s, %d errors), %.1f s scaled to %d; %s/floor "
                   "ratio %.2f\n", nf, floor_s, nf / floor_s, ferr, scaled, n_tasks,
                   live_burst ? "live burst" : "drain", burst / scaled);
    }

    /* the latency floor: the same arrivals, placed by this client at once */
    int base = n_tasks + n_steady;
    s0 = mono();
    for (int k = 0; k < n_steady; k++) {
        double due = s0 + (double)k / rate;
        double now = mono();
        if (due > now) usleep((useconds_t)((due - now) * 1e6));
        if (create_task(base + k) != 0 || place_task(base + k) != 0)
            fprintf(stderr, "floor: %s\n", fm_error_last()->message);
    }
    wait_scheduled(total_tasks, 120);
    int fl = sorted_since_created(lat, scheduled_at, base, n_steady);
    double fp99 = percentile(lat, fl, 99);
    printf("  latency floor (create + one status patch, no operator): p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
           percentile(lat, fl, 50) * 1e3, fp99 * 1e3, fl ? lat[fl - 1] * 1e3 : -1);
    printf("  steady p99 - latency floor p99: %+.1f ms (ratio %.2f)\n", (p99 - fp99) * 1e3,
           fp99 > 0 ? p99 / fp99 : 0);
    if (fl) report_tail("floor", base, n_steady, s0, fp99);

    atomic_store(&stop_hb, 1);
    atomic_store(&stop_watch, 1);
    for (int j = 0; j < hb_threads; j++) pthread_join(hb[j], NULL);
    pthread_join(wt, NULL);
    report_heartbeats();
    cleanup();
    fm_kube_client_free(kc);
    int nr = log_lines_with(log, "fleet node not ready"), ce = log_lines_with(log, "claim expired");
    if (nr || ce)
        printf("  ** the operator marked %d nodes NotReady and let %d claims expire (heartbeats late) **\n", nr, ce);
    printf("  operator log: %s\n", log);
    free(lat);
    free(created_at);
    free(scheduled_at);
    free(added_at);
    return sched_burst == n_tasks && nl == n_steady && ml <= capacity ? 0 : 1;
}

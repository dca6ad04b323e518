/*
 * bench_informer.c - memory and sync time of the informer cache
 * (docs/performance.md, "Runtime (informer cache)").
 *
 * Against a real API server (KUBECONFIG), one process runs three informers
 * (FleetNodes, AgenticTasks, Workloads, all namespaces) and measures:
 *
 *   1. RSS after the three have synced over an empty cluster (idle);
 *   2. RSS after a loader process created N FleetNodes, then after it
 *      created M AgenticTasks (both with a status written through the
 *      status subresource), with every object cached: RSS delta per object,
 *      the heap bytes each cached object really holds (its packed block,
 *      or for an unpacked one a walk of the decoded struct with
 *      malloc_usable_size), the store's own bookkeeping
 *      (fm_store_overhead_bytes) and, to compare, the JSON size of an object
 *      as the server serves it in a list and as our encoder writes it back;
 *   3. the time from start to synced of a fresh informer over the M tasks
 *      (paginated list, 500 a page, decoded into a new store), three runs.
 *
 * The loader is this program run again as a child (`--load`), so its heap,
 * threads and connections never count in the measured process. It creates
 * objects from several threads sharing one fm_kube_client.
 *
 * Usage: bench_informer [--tasks M] [--nodes N] [--threads T] [--namespaces K]
 * Defaults: 10,000 tasks in 10 namespaces, 1,000 nodes, 8 loader threads.
 * Objects are labelled bench=informer and deleted at the end.
 */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "informer.h"
#include "kube.h"
#include "objalloc.h"
#include "store.h"

extern char **environ;

#define NS_PREFIX "bench-informer-"
#define STATUS_TIME "2025-06-01T12:00:00Z"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what) __attribute__((noreturn));
static void die(const char *what)
{
    const fm_error *e = fm_error_last();
    fprintf(stderr, "bench_informer: %s: %s\n", what, e && e->message[0] ? e->message : strerror(errno));
    exit(1);
}

/* CPU time of the whole process (all threads), seconds. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ /proc */

typedef struct mem {
    long rss, hwm, anon, file; /* KiB */
} mem;

/* Reads VmRSS, VmHWM, RssAnon and RssFile of this process (KiB). */
static void mem_read(mem *m)
{
    char line[256];
    FILE *f = fopen("/proc/self/status", "r");
    memset(m, 0, sizeof *m);
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "VmRSS:", 6)) m->rss = atol(line + 6);
        else if (!strncmp(line, "VmHWM:", 6)) m->hwm = atol(line + 6);
        else if (!strncmp(line, "RssAnon:", 8)) m->anon = atol(line + 8);
        else if (!strncmp(line, "RssFile:", 8)) m->file = atol(line + 8);
    }
    fclose(f);
}

static void mem_print(const char *label, const mem *m)
{
    printf("%-44s VmRSS %7ld KiB (anon %7ld, file %6ld)  VmHWM %7ld KiB\n", label, m->rss, m->anon,
           m->file, m->hwm);
}

/* ------------------------------------------------------------ objects */

/* A prompt of about 700 bytes that differs per task. */
static void prompt(char *out, size_t cap, int i)
{
    snprintf(out, cap,
             "Fix issue #%d: the scheduler assigns tasks to FleetNodes whose heartbeat is older "
             "than the lease duration. Reproduce with a node that stops heartbeating while a task "
             "is Scheduled, check that the operator requeues the task after the node turns "
             "NotReady, and add a regression test in tests/integration. Keep the change small: "
             "only foreman/sched/schedule.c and its test should change. Run `make test` and `make lint` "
             "before pushing, write a commit message that explains the cause, and open a pull "
             "request against main titled \\\"scheduler: skip stale nodes (#%d)\\\". If the fix "
             "needs an API change, stop and report NO-GO with the reason instead of guessing.",
             1000 + i, 1000 + i);
}

static int task_json(char *out, size_t cap, int i, int nns)
{
    char p[1024];
    prompt(p, sizeof p, i);
    return snprintf(out, cap,
        "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
        "\"metadata\":{\"name\":\"task-%05d\",\"namespace\":\"" NS_PREFIX "%d\","
        "\"labels\":{\"bench\":\"informer\",\"app.kubernetes.io/managed-by\":\"foreman-operator\","
        "\"foreman.llmkube.dev/workload\":\"wl-%04d\",\"foreman.llmkube.dev/kind\":\"issue-fix\"},"
        "\"annotations\":{\"foreman.llmkube.dev/source\":\"https://github.com/acme/platform/issues/%d\"}},"
        "\"spec\":{\"kind\":\"issue-fix\",\"modelRef\":\"qwen2.5-coder-32b-instruct-q4\",\"priority\":%d,"
        "\"timeoutSeconds\":3600,\"dependsOn\":[\"task-%05d\"],"
        "\"requiredCapability\":{\"accelerator\":\"any\",\"minRAMGB\":32,\"minContextTokens\":32768},"
        "\"payload\":{\"repo\":\"https://github.com/acme/platform.git\",\"issue\":%d,"
        "\"branchPrefix\":\"foreman/\",\"agent\":\"claude-code\",\"prompt\":\"%s\"}}}",
        i, i % nns, i / 10, 1000 + i, i % 5, i > 0 ? i - 1 : 0, 1000 + i, p);
}

static int task_status_json(char *out, size_t cap, int i)
{
    return snprintf(out, cap,
        "{\"status\":{\"phase\":\"Pending\",\"conditions\":["
        "{\"type\":\"Scheduled\",\"status\":\"False\",\"observedGeneration\":1,"
        "\"lastTransitionTime\":\"" STATUS_TIME "\",\"reason\":\"NoFitNode\","
        "\"message\":\"no Ready FleetNode has 32 GiB of free memory (task %d)\"},"
        "{\"type\":\"DependenciesMet\",\"status\":\"True\",\"observedGeneration\":1,"
        "\"lastTransitionTime\":\"" STATUS_TIME "\",\"reason\":\"AllSucceeded\","
        "\"message\":\"every task in dependsOn succeeded\"}]}}",
        i);
}

static int node_json(char *out, size_t cap, int i)
{
    return snprintf(out, cap,
        "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\","
        "\"metadata\":{\"name\":\"node-%04d\",\"labels\":{\"bench\":\"informer\","
        "\"foreman.llmkube.dev/pool\":\"pool-%d\",\"topology.kubernetes.io/zone\":\"zone-%c\"}},"
        "\"spec\":{\"nodeName\":\"node-%04d\",\"tailscaleAddr\":\"100.64.%d.%d\","
        "\"roles\":[\"worker\",\"verifier\"],\"maxConcurrentTasks\":2}}",
        i, i % 8, 'a' + i % 3, i, i / 250, i % 250 + 1);
}

static int node_status_json(char *out, size_t cap, int i)
{
    return snprintf(out, cap,
        "{\"status\":{\"phase\":\"Ready\",\"lastHeartbeatTime\":\"" STATUS_TIME "\","
        "\"capability\":{\"accelerator\":\"cuda\",\"totalRAMGB\":128,\"availableRAMGB\":%d,"
        "\"maxContextTokens\":131072,\"tokensPerSecond\":45,"
        "\"installedModels\":[\"qwen2.5-coder-32b-instruct-q4\",\"llama-3.1-8b-instruct-q8\"],"
        "\"gpus\":[{\"index\":0,\"name\":\"NVIDIA L40S\",\"memoryMiB\":46068,\"freeMemoryMiB\":%d}]},"
        "\"agentVersion\":\"0.1.0\",\"os\":\"linux\",\"arch\":\"amd64\",\"conditions\":["
        "{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"" STATUS_TIME "\","
        "\"reason\":\"HeartbeatOK\",\"message\":\"agent heartbeat within the lease\"}]}}",
        64 + i % 64, 40000 - i % 1000);
}

/* ------------------------------------------------------------ loader (child) */

typedef struct loader {
    fm_kube_client *c;
    const char *kind; /* "tasks" or "nodes" */
    int count, nns;
    atomic_int next;
    atomic_int failed;
} loader;

/* Sends one request; 409 on a create (a rerun) counts as success. */
static int request_ok(fm_kube_client *c, const char *method, const char *path, const char *ctype,
                const char *body, size_t len, bool ok_conflict)
{
    fm_kube_response r = { 0 };
    int rc = fm_kube_request(&r, c, method, path, ctype, body, len);
    if (rc != 0 && ok_conflict && r.status == 409) rc = 0;
    if (rc != 0) fprintf(stderr, "load: %s %s: %s\n", method, path, fm_error_last()->message);
    fm_kube_response_free(&r);
    return rc;
}

static void *load_thread(void *arg)
{
    loader *l = arg;
    char *body = malloc(8192), path[256];
    bool tasks = !strcmp(l->kind, "tasks");
    int i;
    if (!body) return NULL;
    while ((i = atomic_fetch_add(&l->next, 1)) < l->count) {
        int n;
        if (tasks) {
            n = task_json(body, 8192, i, l->nns);
            snprintf(path, sizeof path, "/apis/foreman.llmkube.dev/v1alpha1/namespaces/" NS_PREFIX "%d/agentictasks",
                     i % l->nns);
        } else {
            n = node_json(body, 8192, i);
            snprintf(path, sizeof path, "/apis/foreman.llmkube.dev/v1alpha1/fleetnodes");
        }
        if (request_ok(l->c, "POST", path, "application/json", body, (size_t)n, true)) {
            atomic_fetch_add(&l->failed, 1);
            continue;
        }
        if (tasks) {
            n = task_status_json(body, 8192, i);
            snprintf(path, sizeof path,
                     "/apis/foreman.llmkube.dev/v1alpha1/namespaces/" NS_PREFIX "%d/agentictasks/task-%05d/status",
                     i % l->nns, i);
        } else {
            n = node_status_json(body, 8192, i);
            snprintf(path, sizeof path, "/apis/foreman.llmkube.dev/v1alpha1/fleetnodes/node-%04d/status", i);
        }
        if (request_ok(l->c, "PATCH", path, "application/merge-patch+json", body, (size_t)n, false))
            atomic_fetch_add(&l->failed, 1);
    }
    free(body);
    return NULL;
}

/* The child: creates `count` objects of `kind` with `threads` threads. */
static int load_main(const char *kind, int count, int threads, int nns)
{
    loader l = { .kind = kind, .count = count, .nns = nns };
    fm_kube_client_opts o = { .program = "bench-loader", .request_timeout_ms = 60000 };
    pthread_t th[64];
    int i;
    if (threads > 64) threads = 64;
    if (fm_kube_client_new_default(&l.c, NULL, NULL, &o) != 0) die("client");
    for (i = 0; i < threads; i++)
        if (pthread_create(&th[i], NULL, load_thread, &l) != 0) die("pthread_create");
    for (i = 0; i < threads; i++) pthread_join(th[i], NULL);
    fm_kube_client_free(l.c);
    if (atomic_load(&l.failed)) {
        fprintf(stderr, "load: %d requests failed\n", atomic_load(&l.failed));
        return 1;
    }
    return 0;
}

/* Runs this program as a loader child and waits for it; returns seconds. */
static double run_loader(const char *kind, int count, int threads, int nns)
{
    char c[16], t[16], n[16];
    char *argv[] = { "bench_informer", "--load", (char *)kind, c, t, n, NULL };
    pid_t pid;
    int st;
    double t0 = now_s();
    snprintf(c, sizeof c, "%d", count);
    snprintf(t, sizeof t, "%d", threads);
    snprintf(n, sizeof n, "%d", nns);
    fflush(stdout);
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) != 0) die("posix_spawn");
    if (waitpid(pid, &st, 0) < 0) die("waitpid");
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "bench_informer: loader for %s failed\n", kind);
        exit(1);
    }
    return now_s() - t0;
}

/* ------------------------------------------------------------ accounting */

/* Heap bytes of one malloc'd block as glibc holds it (usable size plus the
 * 8-byte size word in front of it). */
static size_t chunks_seen; /* blocks counted by chunk(), for the report */
static size_t asked;       /* bytes those blocks were asked for (strlen + 1, array sizes) */

/* The packed object being walked (fm_codec_pack: one block, interned strings
 * shared), or NULL for one whose parts are separate malloc blocks. */
static const char *pk_lo, *pk_hi;

static size_t chunk(const void *p)
{
    if (!p) return 0;
    if (pk_lo) return 0; /* inside the packed block, counted whole, or interned */
    chunks_seen++;
    return malloc_usable_size((void *)p) + sizeof(size_t);
}

/* For the breakdown by field of a packed object: the bytes a part takes in
 * the block (what it asked for); an interned string is shared: 0. */
static size_t part(const void *p, size_t n)
{
    if (!p) return 0;
    if (!pk_lo) return chunk(p);
    if ((const char *)p >= pk_lo && (const char *)p < pk_hi) return n;
    return 0;
}

static size_t deep_struct(const fm_struct_desc *d, const void *obj);

static size_t deep_value(int type, const fm_field_desc *f, const void *p)
{
    size_t s = 0, i;
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON: {
        const char *str = *(char *const *)p;
        if (str) asked += strlen(str) + 1;
        return part(str, str ? strlen(str) + 1 : 0);
    }
    case FM_T_STRUCT:
        return deep_struct(f->sub, p);
    case FM_T_MAP: {
        const fm_strmap *m = p;
        s = part(m->items, m->len * sizeof *m->items);
        if (m->items) asked += m->len * sizeof *m->items;
        for (i = 0; i < m->len; i++) {
            asked += strlen(m->items[i].key) + strlen(m->items[i].value) + 2;
            s += part(m->items[i].key, strlen(m->items[i].key) + 1) +
                 part(m->items[i].value, strlen(m->items[i].value) + 1);
        }
        return s;
    }
    default:
        return 0;
    }
}

/*
 * Heap bytes hanging off a decoded struct (not the struct itself): strings,
 * raw JSON, list arrays, maps and unknown-member bags, walked through the
 * descriptor as the codec does.
 */
static size_t deep_struct(const fm_struct_desc *d, const void *obj)
{
    size_t s = 0, i, j;
    for (i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        const char *p = (const char *)obj + f->offset;
        if (f->type == FM_T_LIST) {
            const fm_list *l = (const fm_list *)p;
            s += part(l->items, l->len * f->elem_size);
            if (l->items) asked += l->len * f->elem_size;
            for (j = 0; j < l->len; j++)
                s += deep_value(f->elem_type, f, (const char *)l->items + j * f->elem_size);
        } else {
            s += deep_value(f->type, f, p);
        }
    }
    {
        const char *unk = *(char *const *)((const char *)obj + d->unknown_offset);
        if (unk) asked += strlen(unk) + 1;
        return s + part(unk, unk ? strlen(unk) + 1 : 0);
    }
}

typedef struct cache_acct {
    const fm_struct_desc *d;
    size_t n, heap, json;
    size_t field[16];     /* heap below each top-level field */
    size_t meta_unknown;  /* metadata's unknown bag (managedFields) */
    fm_buf buf;
} cache_acct;

static int acct_one(void *ud, const char *key, const void *obj)
{
    cache_acct *a = ud;
    size_t i;
    a->n++;
    /* Packed (the informers' default): one block from objalloc, or from
     * malloc when objalloc is off; its size is the object's whole cost.
     * A packed object's metadata.name lies inside its own block. */
    const char *name = NULL;
    for (i = 0; i < a->d->n_fields; i++)
        if (!strcmp(a->d->fields[i].json_name, "metadata"))
            name = ((const fm_k8s_object_meta *)((const char *)obj + a->d->fields[i].offset))->name;
    size_t block = fm_objalloc_owns(obj) ? fm_objalloc_block_size(obj) : malloc_usable_size((void *)obj);
    if (name && name >= (const char *)obj && name < (const char *)obj + block) {
        pk_lo = obj;
        pk_hi = (const char *)obj + block;
        a->heap += block + (fm_objalloc_owns(obj) ? 0 : sizeof(size_t));
        chunks_seen++;
        deep_struct(a->d, obj); /* counts `asked` */
    } else {
        pk_lo = pk_hi = NULL;
        a->heap += chunk(obj) + deep_struct(a->d, obj);
    }
    asked += a->d->size;
    size_t saved_chunks = chunks_seen, saved_asked = asked; /* the breakdown walks again */
    for (i = 0; i < a->d->n_fields && i < 16; i++) {
        const fm_field_desc *f = &a->d->fields[i];
        const char *p = (const char *)obj + f->offset;
        a->field[i] += f->type == FM_T_LIST ? 0 : deep_value(f->type, f, p);
        if (!strcmp(f->json_name, "metadata")) {
            const char *u = *(char *const *)(p + f->sub->unknown_offset);
            a->meta_unknown += part(u, u ? strlen(u) + 1 : 0);
        }
    }
    chunks_seen = saved_chunks;
    asked = saved_asked;
    pk_lo = pk_hi = NULL;
    a->buf.len = 0;
    if (fm_codec_encode(&a->buf, obj, a->d) == 0) a->json += a->buf.len;
    return 0;
}

/* Average JSON bytes per item of the kind as the server lists it (raw
 * pages of 500, envelope included). */
static double served_json_per_item(fm_kube_client *c, const fm_kind_desc *k, double *out_get_s,
                                   double *out_decode_s)
{
    fm_buf path = FM_BUF_INIT;
    char *cont = NULL;
    size_t bytes = 0, items = 0;
    double t;
    *out_get_s = *out_decode_s = 0;
    do {
        fm_kube_response r = { 0 };
        void *list = calloc(1, k->list->size);
        if (!list) die("calloc");
        path.len = 0;
        if (fm_kube_resource_path(&path, k, NULL, NULL, NULL) != 0) die("path");
        fm_buf_printf(&path, "?limit=500%s%s", cont ? "&continue=" : "", cont ? cont : "");
        t = now_s();
        if (fm_kube_request(&r, c, "GET", path.data, NULL, NULL, 0) != 0) die("list");
        *out_get_s += now_s() - t;
        bytes += r.body.len;
        free(cont);
        cont = NULL;
        t = now_s();
        int drc = fm_codec_decode(list, k->list, r.body.data, r.body.len);
        *out_decode_s += now_s() - t;
        if (drc == 0) {
            size_t f;
            for (f = 0; f < k->list->n_fields; f++) {
                const fm_field_desc *fd = &k->list->fields[f];
                const char *p = (const char *)list + fd->offset;
                if (!strcmp(fd->json_name, "items")) {
                    items += ((const fm_list *)p)->len;
                } else if (!strcmp(fd->json_name, "metadata")) {
                    const fm_k8s_list_meta *lm = (const fm_k8s_list_meta *)p;
                    if (lm->continue_ && lm->continue_[0]) cont = strdup(lm->continue_);
                }
            }
        }
        fm_kube_object_free(k->list, list);
        fm_kube_response_free(&r);
    } while (cont);
    fm_buf_free(&path);
    return items ? (double)bytes / (double)items : 0;
}

/* ------------------------------------------------------------ main */

static void wait_len(fm_informer *inf, size_t want, const char *what)
{
    double t0 = now_s();
    while (fm_store_len(fm_informer_store(inf)) < want) {
        if (now_s() - t0 > 600) {
            fprintf(stderr, "bench_informer: %s: %zu of %zu cached after 600 s\n", what,
                    fm_store_len(fm_informer_store(inf)), want);
            exit(1);
        }
        usleep(50000);
    }
}

static fm_informer *start_informer(fm_kube_client *c, const fm_kind_desc *k)
{
    fm_informer *inf = NULL;
    fm_informer_options o = { .kind = k };
    if (fm_informer_new(&inf, c, &o) != 0 || fm_informer_start(inf) != 0) die("informer");
    return inf;
}

static void report_kind(fm_kube_client *c, fm_informer *inf, const fm_kind_desc *k, long rss_delta_kib)
{
    cache_acct a = { .d = k->object };
    fm_store *s = fm_informer_store(inf);
    size_t over = fm_store_overhead_bytes(s);
    double get_s, dec_s;
    double served = served_json_per_item(c, k, &get_s, &dec_s);
    size_t i;
    chunks_seen = asked = 0;
    fm_store_foreach(s, acct_one, &a);
    fm_buf_free(&a.buf);
    if (!a.n) return;
    printf("%s x%zu:\n", k->kind, a.n);
    printf("  RSS delta per object               %8.0f bytes\n", (double)rss_delta_kib * 1024.0 / (double)a.n);
    printf("  heap per object (decoded struct)   %8.0f bytes (struct %zu + strings/lists/raw JSON; %.1f blocks)\n",
           (double)a.heap / (double)a.n, k->object->size, (double)chunks_seen / (double)a.n);
    printf("  of which malloc overhead           %8.0f bytes (asked for %.0f: headers and rounding)\n",
           ((double)a.heap - (double)asked) / (double)a.n, (double)asked / (double)a.n);
    printf("  store bookkeeping per object       %8.0f bytes (fm_store_overhead_bytes %zu)\n",
           (double)over / (double)a.n, over);
    printf("  cached total per object            %8.0f bytes (heap + bookkeeping)\n",
           (double)(a.heap + over) / (double)a.n);
    printf("  heap by field:");
    for (i = 0; i < k->object->n_fields && i < 16; i++)
        if (a.field[i]) printf(" %s %.0f", k->object->fields[i].json_name, (double)a.field[i] / (double)a.n);
    printf(" (of metadata: managedFields and other unknown members %.0f)\n",
           (double)a.meta_unknown / (double)a.n);
    printf("  JSON as served (list item)         %8.0f bytes\n", served);
    printf("  JSON re-encoded from the cache     %8.0f bytes\n", (double)a.json / (double)a.n);
    printf("  raw paginated list (500 a page)    %8.0f ms waiting for the server, %.0f ms fm_codec_decode\n",
           get_s * 1e3, dec_s * 1e3);
    printf("  cached / served JSON               %8.2f (heap+bookkeeping), %.2f (RSS delta)\n",
           served > 0 ? (double)(a.heap + over) / (double)a.n / served : 0,
           served > 0 ? (double)rss_delta_kib * 1024.0 / (double)a.n / served : 0);
}

static void delete_all(fm_kube_client *c, int nns)
{
    fm_kube_response r = { 0 };
    char path[256];
    int i;
    fm_kube_request(&r, c, "DELETE", "/apis/foreman.llmkube.dev/v1alpha1/fleetnodes?labelSelector=bench%3Dinformer",
                 NULL, NULL, 0);
    fm_kube_response_free(&r);
    for (i = 0; i < nns; i++) {
        snprintf(path, sizeof path, "/api/v1/namespaces/" NS_PREFIX "%d", i);
        fm_kube_request(&r, c, "DELETE", path, NULL, NULL, 0);
        fm_kube_response_free(&r);
    }
}

int main(int argc, char **argv)
{
    int tasks = 10000, nodes = 1000, threads = 8, nns = 10, i;
    fm_kube_client *c = NULL;
    fm_kube_client_opts o = { .program = "bench-informer" };
    fm_informer *inf_nodes, *inf_tasks, *inf_wl;
    mem m0, m_idle, m_nodes, m_tasks, m;
    double t0, dt;

    if (argc >= 6 && !strcmp(argv[1], "--load"))
        return load_main(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    for (i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--tasks")) tasks = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--nodes")) nodes = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--namespaces")) nns = atoi(argv[i + 1]);
        else {
            fprintf(stderr, "usage: bench_informer [--tasks N] [--nodes N] [--threads N] [--namespaces N]\n");
            return 2;
        }
    }
    if (nns < 1) nns = 1;
    setvbuf(stdout, NULL, _IOLBF, 0);

    mem_read(&m0);
    mem_print("process start (libraries loaded)", &m0);
    if (fm_kube_client_new_default(&c, NULL, NULL, &o) != 0) die("client");
    printf("server %s\n", fm_kube_client_server(c));

    /* 1. idle: three informers synced over an empty cluster */
    t0 = now_s();
    inf_nodes = start_informer(c, &fm_fleet_node_kind);
    inf_tasks = start_informer(c, &fm_agentic_task_kind);
    inf_wl = start_informer(c, &fm_workload_kind);
    if (fm_informer_wait_synced(inf_nodes, 60000) || fm_informer_wait_synced(inf_tasks, 60000) ||
        fm_informer_wait_synced(inf_wl, 60000))
        die("sync");
    printf("three informers synced in %.1f ms (empty cluster: %zu nodes, %zu tasks, %zu workloads)\n",
           (now_s() - t0) * 1e3, fm_store_len(fm_informer_store(inf_nodes)), fm_store_len(fm_informer_store(inf_tasks)),
           fm_store_len(fm_informer_store(inf_wl)));
    sleep(2);
    mem_read(&m_idle);
    mem_print("idle: 3 informers synced, empty cluster", &m_idle);

    /* 2. load nodes, then tasks, measuring after each is fully cached */
    for (i = 0; i < nns; i++) {
        char body[128];
        fm_kube_response r = { 0 };
        int n = snprintf(body, sizeof body, "{\"metadata\":{\"name\":\"" NS_PREFIX "%d\"}}", i);
        if (fm_kube_request(&r, c, "POST", "/api/v1/namespaces", "application/json", body, (size_t)n) != 0 &&
            r.status != 409)
            die("namespace");
        fm_kube_response_free(&r);
    }
    dt = run_loader("nodes", nodes, threads, nns);
    printf("loader: %d FleetNodes created + status patched in %.1f s (%.0f objects/s, %d threads)\n", nodes, dt,
           nodes / dt, threads);
    wait_len(inf_nodes, (size_t)nodes, "fleetnodes");
    sleep(2);
    mem_read(&m_nodes);
    mem_print("nodes cached", &m_nodes);

    dt = run_loader("tasks", tasks, threads, nns);
    printf("loader: %d AgenticTasks created + status patched in %.1f s (%.0f objects/s, %d threads)\n", tasks,
           dt, tasks / dt, threads);
    wait_len(inf_tasks, (size_t)tasks, "agentictasks");
    sleep(3);
    mem_read(&m_tasks);
    mem_print("nodes and tasks cached", &m_tasks);
    {
        fm_informer_stats st;
        fm_informer_get_stats(inf_tasks, &st);
        printf("task informer: %llu lists, %llu watch events, %llu errors\n", (unsigned long long)st.lists,
               (unsigned long long)st.events, (unsigned long long)st.errors);
    }
    report_kind(c, inf_nodes, &fm_fleet_node_kind, m_nodes.rss - m_idle.rss);
    report_kind(c, inf_tasks, &fm_agentic_task_kind, m_tasks.rss - m_nodes.rss);

    /* 3. a fresh informer over the tasks: list start to synced */
    for (i = 0; i < 3; i++) {
        fm_informer *f;
        fm_informer_stats st;
        mem before, after;
        double cpu0, cpu1;
        mem_read(&before);
        cpu0 = cpu_s();
        t0 = now_s();
        f = start_informer(c, &fm_agentic_task_kind);
        if (fm_informer_wait_synced(f, 600000)) die("fresh sync");
        dt = now_s() - t0;
        cpu1 = cpu_s();
        mem_read(&after);
        fm_informer_get_stats(f, &st);
        printf("fresh task informer run %d: synced %zu tasks in %.0f ms (%llu pages), process CPU %.0f ms, "
               "RSS +%ld KiB\n", i + 1, fm_store_len(fm_informer_store(f)), dt * 1e3, (unsigned long long)st.pages,
               (cpu1 - cpu0) * 1e3, after.rss - before.rss);
        fm_informer_free(f);
    }
    mem_read(&m);
    mem_print("end", &m);

    fm_informer_free(inf_wl);
    fm_informer_free(inf_tasks);
    fm_informer_free(inf_nodes);
    delete_all(c, nns);
    fm_kube_client_free(c);
    return 0;
}

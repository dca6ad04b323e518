/*
 * tasks.c - AgenticTasks on this node: watch, claim, run, report.
 *
 * Watch: one informer per task namespace (one for all namespaces when
 * --task-namespace is empty), selecting field status.assignedNode=<node>
 * (Kubernetes 1.31+, the CRD's selectableFields) or, on older servers or
 * with --task-selector=label, label foreman.llmkube.dev/assigned-node=<node>. Its handlers only wake the
 * dispatcher, or stop a running task that was deleted or taken away.
 *
 * Dispatcher thread: on every wake it returns to Pending the tasks Running
 * on this node that no runner of its own holds (condition Running False,
 * reason AgentRestartRecovery for those of an earlier life found at start,
 * ClaimLost for a claim or result write that failed with the server
 * having applied it or the runner giving up), then claims Scheduled tasks assigned
 * here, highest priority first, while fewer than --max-concurrent-tasks run
 * and the agent is not draining. A claim is a status merge patch carrying
 * metadata.resourceVersion: on 409 the task is read again and the decision
 * made again, so a task is never claimed twice or over someone's change.
 *
 * Runner thread (one per claimed task): runs the executor until it ends or
 * spec.timeoutSeconds (0 -> 2700 s) passes (then SIGTERM, SIGKILL after
 * --kill-grace, verdict INCOMPLETE, reason Timeout), and writes the terminal
 * status guarded by the claim: only while the task is still Running here
 * with the same claimedAt, with a resourceVersion precondition, re-reading
 * on conflict. A task stopped because the agent shuts down goes back to
 * Pending (reason AgentShutdown) so another node can take it.
 */
#include "agent.h"
#include "agentcore.h"
#include "agentdef.h"

#include "clock.h"
#include "conditions.h"
#include "error.h"
#include "goduration.h"
#include "kube_json.h"
#include "log.h"
#include "signals.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Gives the heap's free pages back to the system. A task's output (up to
 * the executor's limits) and the first list of the informers leave freed
 * memory behind in the middle of the heap, which glibc only returns from
 * its top; an agent idles most of its life, so it should idle small. */
static void release_free_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

#define NS_PER_MS INT64_C(1000000)
#define NS_PER_S INT64_C(1000000000)

/* Test hook: FOREMAN_AGENT_TEST_CLAIM_DELAY (a Go duration) makes every
 * claim wait that long between reading the task and patching it, so an
 * integration test can change the task in between and see the claim
 * conflict, re-read and decide again. Unset in production. */
#define CLAIM_DELAY_ENV "FOREMAN_AGENT_TEST_CLAIM_DELAY"

/* ------------------------------------------------------------ helpers */

static bool time_eq(fm_time a, fm_time b)
{
    return a.sec == b.sec && a.nsec == b.nsec;
}

/* The slot for key that has not finished, or NULL; a.mu held. */
static agent_slot *slot_find(agent *a, const char *key)
{
    for (agent_slot *s = a->slots; s; s = s->next)
        if (!s->finished && strcmp(s->key, key) == 0) return s;
    return NULL;
}

/* Stops a slot's run (or remembers the request until it has one); a.mu held. */
static void slot_stop(agent *a, agent_slot *s, fm_executor_stop_reason why)
{
    if (s->run) fm_executor_stop(s->run, why, a->cfg.kill_grace_ns);
    else if (s->stop_pending == EXECUTOR_STOP_NONE) s->stop_pending = why;
}

static void disp_kick(agent *a)
{
    pthread_mutex_lock(&a->mu);
    a->disp_wake = true;
    pthread_cond_broadcast(&a->disp_cond);
    pthread_mutex_unlock(&a->mu);
}

/* ------------------------------------------------------------ transcript */

/* Largest transcript part put in the ConfigMap (an object must stay under
 * the API server's 1.5 MiB request limit; JSON escaping can nearly double). */
#define TRANSCRIPT_CM_MAX (700 * 1024)

/*
 * Puts the part of the native transcript file res->transcript_ref that
 * fits (whole lines) into a new ConfigMap owned by the task
 * (generateName "<task>-transcript-", so a rerun never collides and the
 * agent needs only `create`), and points res->transcript_ref at it
 * ("configmaps/<name>"). The whole file stays in the host workspace; the
 * ConfigMap names it in data.path. On failure the file path is kept and a
 * warning logged.
 */
static void store_transcript(agent *a, const fm_agentic_task *t, fm_executor_result *res)
{
    if (!res->transcript_ref || !res->kind || strcmp(res->kind, "native") != 0) return;
    FILE *f = fopen(res->transcript_ref, "re");
    if (!f) return;
    fm_buf part = FM_BUF_INIT, body = FM_BUF_INIT, path = FM_BUF_INIT;
    char *chunk = malloc(TRANSCRIPT_CM_MAX);
    size_t n = chunk ? fread(chunk, 1, TRANSCRIPT_CM_MAX, f) : 0;
    bool more = fgetc(f) != EOF;
    fclose(f);
    if (more) /* cut at the last whole line */
        while (n > 0 && chunk[n - 1] != '\n') n--;
    const char *ns = t->metadata.namespace, *name = t->metadata.name;
    char gen[80];
    snprintf(gen, sizeof(gen), "%.50s-transcript-", name);
    int rc = chunk ? 0 : FM_ENOMEM;
    rc |= fm_buf_puts(&body, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":");
    rc |= fm_buf_put_json_string(&body, gen, strlen(gen));
    rc |= fm_buf_puts(&body, ",\"labels\":{\"" FM_LABEL_TASK "\":");
    rc |= fm_buf_put_json_string(&body, name, strnlen(name, 63));
    rc |= fm_buf_puts(&body, "},\"ownerReferences\":[{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\","
                             "\"kind\":\"AgenticTask\",\"name\":");
    rc |= fm_buf_put_json_string(&body, name, strlen(name));
    rc |= fm_buf_puts(&body, ",\"uid\":");
    rc |= fm_buf_put_json_string(&body, t->metadata.uid ? t->metadata.uid : "", strlen(t->metadata.uid ? t->metadata.uid : ""));
    rc |= fm_buf_puts(&body, "}]},\"data\":{\"transcript.jsonl\":");
    rc |= fm_buf_put_json_string(&body, chunk ? chunk : "", n);
    rc |= fm_buf_printf(&body, ",\"truncated\":\"%s\",\"path\":", more ? "true" : "false");
    rc |= fm_buf_put_json_string(&body, res->transcript_ref, strlen(res->transcript_ref));
    rc |= fm_buf_puts(&body, "}}");
    rc |= fm_buf_puts(&path, "/api/v1/namespaces/");
    rc |= fm_buf_puts(&path, ns);
    rc |= fm_buf_puts(&path, "/configmaps");
    free(chunk);
    fm_kube_response resp;
    memset(&resp, 0, sizeof(resp));
    if (rc == 0) rc = fm_kube_request(&resp, a->kc, "POST", path.data, "application/json", body.data, body.len);
    char *cm = rc == 0 ? fm_kube_json_path_string(resp.body.data ? resp.body.data : "", resp.body.len, "metadata.name") : NULL;
    if (cm) {
        fm_buf ref = FM_BUF_INIT;
        if (fm_buf_printf(&ref, "configmaps/%s", cm) == 0) {
            free(res->transcript_ref);
            res->transcript_ref = fm_buf_detach(&ref);
        }
        fm_buf_free(&ref);
    } else {
        fm_log_warn("transcript ConfigMap not created; status names the file", "task", name, "namespace", ns,
                 "error", fm_error_last()->message, NULL);
    }
    free(cm);
    fm_kube_response_free(&resp);
    fm_buf_free(&part);
    fm_buf_free(&body);
    fm_buf_free(&path);
}

/* ------------------------------------------------------------ progress */

typedef struct progress_ctx {
    agent *a;
    const char *ns, *name;
    fm_time claimed_at;
} progress_ctx;

/* The executor's progress line (native: at most every 10 s) as condition
 * Progress on the task this node still holds (agentcore.h). */
static void task_progress(void *ctx, const char *message)
{
    progress_ctx *p = ctx;
    fm_agentcore_progress(&p->a->core, p->ns, p->name, p->claimed_at, message);
}

/* ------------------------------------------------------------ credentials */

/* What exec commands may see of the agent's environment (--task-env) and
 * which of its files they must not read; NULL-terminated, set up by
 * tasks_start, read-only afterwards. */
static char **env_allow;
static char **hide_paths;

static int push_path(fm_list *l, const char *p)
{
    return p && *p ? fm_strlist_push(l, p) : 0;
}

/*
 * The places the agent's cluster credentials live: the kubeconfig (flag or
 * every $KUBECONFIG entry), ~/.kube, the in-cluster ServiceAccount token
 * directory, and systemd's credentials directory (LoadCredential=). Exec
 * commands run with these hidden (fm_executor_config.hide_paths).
 */
static int credential_paths(agent *a)
{
    fm_list l = {NULL, 0};
    int rc = push_path(&l, a->cfg.kubeconfig);
    const char *kcs = getenv("KUBECONFIG");
    if (kcs) {
        char *copy = fm_strdup(kcs), *save = NULL;
        for (char *p = copy ? strtok_r(copy, ":", &save) : NULL; p && !rc; p = strtok_r(NULL, ":", &save))
            rc = push_path(&l, p);
        free(copy);
    }
    const char *home = getenv("HOME");
    if (home && *home && !rc) {
        char p[4096];
        snprintf(p, sizeof p, "%s/.kube", home);
        rc = push_path(&l, p);
    }
    if (!rc) rc = push_path(&l, "/var/run/secrets/kubernetes.io/serviceaccount");
    if (!rc) rc = push_path(&l, "/run/secrets/kubernetes.io/serviceaccount");
    if (!rc) rc = push_path(&l, getenv("CREDENTIALS_DIRECTORY"));
    if (!rc) rc = fm_strlist_push(&l, "");
    if (rc) return fm_error_set(FM_ENOMEM, "out of memory");
    char **v = l.items;
    free(v[l.len - 1]);
    v[l.len - 1] = NULL; /* the terminator */
    hide_paths = v;
    fm_list e = {NULL, 0};
    for (size_t i = 0; i < a->cfg.task_env.len && !rc; i++)
        rc = fm_strlist_push(&e, ((char **)a->cfg.task_env.items)[i]);
    if (!rc) rc = fm_strlist_push(&e, "");
    if (rc) return fm_error_set(FM_ENOMEM, "out of memory");
    v = e.items;
    free(v[e.len - 1]);
    v[e.len - 1] = NULL;
    env_allow = v;
    return 0;
}

static void free_strv(char **v)
{
    for (char **p = v; p && *p; p++) free(*p);
    free(v);
}

/* ------------------------------------------------------------ runner */

typedef struct runner_ctx {
    agent *a;
    agent_slot *slot;
    fm_agentic_task *task; /* the claimed object (owned) */
} runner_ctx;

static void *runner_main(void *arg)
{
    runner_ctx *ctx = arg;
    agent *a = ctx->a;
    agent_slot *slot = ctx->slot;
    fm_agentic_task *t = ctx->task;
    free(ctx);

    fm_buf json = FM_BUF_INIT;
    fm_agentic_task_encode(&json, t);
    const fm_task_payload *p = &t->spec.payload;
    fm_executor_task et = {
        .name = t->metadata.name,
        .namespace_ = t->metadata.namespace,
        .uid = t->metadata.uid,
        .kind = fm_task_kind_name(t->spec.kind),
        .model_ref = t->spec.model_ref,
        .prompt = p->prompt,
        .repo = p->repo,
        .branch = p->branch,
        .has_issue = fm_task_payload_has_issue(p),
        .issue = p->issue,
        .json = json.data,
        .json_len = json.len,
    };
    int32_t timeout_s = t->spec.timeout_seconds > 0 ? t->spec.timeout_seconds : AGENT_DEFAULT_TASK_TIMEOUT_S;
    progress_ctx pctx = {a, slot->ns, slot->name, slot->claimed_at};
    fm_executor_config ec = {
        .agent_name = a->cfg.name,
        .stub_sleep_ns = a->cfg.stub_sleep_ns,
        .command = a->cfg.task_command,
        .workspace_dir = a->cfg.workspace_dir,
        .native = &a->cfg.native,
        .timeout_ns = (int64_t)timeout_s * NS_PER_S,
        .progress = task_progress,
        .progress_ctx = &pctx,
        .env_allow = (const char *const *)env_allow,
        .hide_paths = (const char *const *)hide_paths,
    };
    fm_executor_result res;
    memset(&res, 0, sizeof(res));
    char *fail_message = NULL;
    fm_executor_run *run = NULL;
    fm_agentdef_resolved ar;
    memset(&ar, 0, sizeof ar);
    bool by_agent = false;
    const char *ref_reason = NULL;
    int rc = 0;
    /* the Agent matters to the native loop only; stub and exec ignore it */
    if (a->cfg.executor == &fm_executor_native_ops) rc = agent_task_resolve(&ar, &by_agent, &ref_reason, a, t);
    if (rc == 0 && a->cfg.executor == &fm_executor_native_ops) rc = agent_task_git_token(&ar, &by_agent, &ref_reason, a, t);
    if (rc == 0 && by_agent) ec.native = &ar.native;
    if (rc == 0) rc = fm_executor_start(&run, a->cfg.executor, &ec, &et);
    fm_buf_free(&json);
    if (rc != 0) {
        res.kind = a->cfg.executor->kind;
        res.failed = true;
        res.reason = ref_reason ? ref_reason : "ExecutorError";
        res.message = fm_strdup(fm_error_last()->message);
        res.extra = fm_strdup("{}");
        res.summary = fm_strdup(ref_reason ? "the task's Agent could not be used" : "the executor could not start");
    } else {
        pthread_mutex_lock(&a->mu);
        slot->run = run;
        /* A stop that came before the run existed, or a shutdown that
         * began while this task was being claimed. */
        if (atomic_load(&a->draining) && slot->stop_pending == EXECUTOR_STOP_NONE)
            slot->stop_pending = EXECUTOR_STOP_SHUTDOWN;
        if (slot->stop_pending != EXECUTOR_STOP_NONE)
            fm_executor_stop(run, slot->stop_pending,
                          slot->stop_pending == EXECUTOR_STOP_SHUTDOWN ? 2 * NS_PER_S
                                                                       : a->cfg.kill_grace_ns);
        pthread_mutex_unlock(&a->mu);
        node_heartbeat_kick(a);

        int64_t deadline = fm_clock_now(NULL) + (int64_t)timeout_s * NS_PER_S;
        if (fm_executor_wait(run, deadline) == 0) {
            char s[24];
            fm_log_warn("task timed out; stopping it", "task", slot->name, "namespace", slot->ns,
                     "timeoutSeconds", fm_log_int(s, timeout_s), NULL);
            fm_executor_stop(run, EXECUTOR_STOP_TIMEOUT, a->cfg.kill_grace_ns);
            fm_executor_wait(run, -1);
        }
        fm_executor_result_get(&res, run);
        if (res.stopped != EXECUTOR_STOP_SHUTDOWN) store_transcript(a, t, &res);
        if (res.stopped == EXECUTOR_STOP_TIMEOUT) {
            fm_buf m = FM_BUF_INIT;
            fm_buf_printf(&m, "task exceeded its timeout of %ds and was stopped", (int)timeout_s);
            if (res.message) fm_buf_printf(&m, ": %s", res.message);
            fail_message = fm_buf_detach(&m);
        }
    }

    const char *verdict = fm_verdict_name(res.failed ? FM_VERDICT_INCOMPLETE : res.verdict);
    if (res.stopped == EXECUTOR_STOP_SHUTDOWN) {
        char msg[256];
        snprintf(msg, sizeof(msg), "foreman-agent on %s shut down while the task was running",
                 a->cfg.name);
        fm_agentcore_requeue(&a->core, slot->ns, slot->name, &slot->claimed_at, "AgentShutdown", msg);
        agent_count_task(a, "Requeued");
    } else {
        char el[32];
        snprintf(el, sizeof(el), "%.3f", res.elapsed_sec);
        fm_log_info("task finished", "task", slot->name, "namespace", slot->ns, "verdict", verdict,
                 "reason", res.failed ? res.reason : NULL, "elapsedSec", el, NULL);
        if (fm_agentcore_write_result(&a->core, slot->ns, slot->name, slot->claimed_at, &res, fail_message) != 0)
            fm_log_error("giving up on writing the task result", "task", slot->name, "namespace",
                      slot->ns, "error", fm_error_last()->message, NULL);
        /* the verdict written, which a refused result turned INCOMPLETE */
        agent_count_task(a, fm_verdict_name(res.failed ? FM_VERDICT_INCOMPLETE : res.verdict));
    }
    free(fail_message);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);

    pthread_mutex_lock(&a->mu);
    slot->run = NULL;
    slot->finished = true;
    a->n_running--;
    fm_metrics_set(a->m_running, (double)a->n_running);
    a->disp_wake = true;
    pthread_cond_broadcast(&a->disp_cond);
    pthread_mutex_unlock(&a->mu);
    fm_executor_free(run);
    fm_agentdef_resolved_clear(&ar); /* borrowed by the run until here */
    release_free_memory();
    node_heartbeat_kick(a);
    return NULL;
}

/* ------------------------------------------------------------ claim */

/*
 * Claims ns/name from the cached version `cached` (agentcore.h: re-reading
 * on conflict) and starts its runner. Returns 1 when claimed, 0 when the
 * task is no longer claimable, or a negative FM_E* (retry later).
 */
static int claim(agent *a, const fm_agentic_task *cached)
{
    const char *ns = cached->metadata.namespace;
    fm_agentic_task *claimed = NULL;
    int rc = fm_agentcore_claim(&a->core, &claimed, cached);
    if (rc <= 0) return rc;
    /* Start the runner. */
    agent_slot *s = calloc(1, sizeof(*s));
    runner_ctx *ctx = calloc(1, sizeof(*ctx));
    if (!s || !ctx || fm_store_object_key(&s->key, &fm_agentic_task_desc, claimed) != 0 ||
        !(s->ns = fm_strdup(ns ? ns : "")) || !(s->name = fm_strdup(claimed->metadata.name))) {
        /* Could not even track it: give it back. */
        if (s) {
            free(s->key);
            free(s->ns);
            free(s->name);
        }
        free(s);
        free(ctx);
        fm_agentcore_requeue(&a->core, claimed->metadata.namespace, claimed->metadata.name,
                             &claimed->status.claimed_at, "AgentError", "out of memory");
        fm_agentic_task_free(claimed);
        return fm_error_set(FM_ENOMEM, "out of memory");
    }
    s->claimed_at = claimed->status.claimed_at;
    ctx->a = a;
    ctx->slot = s;
    ctx->task = claimed;
    fm_log_info("task claimed", "task", s->name, "namespace", s->ns, "resourceVersion",
             claimed->metadata.resource_version, NULL);
    pthread_mutex_lock(&a->mu);
    s->next = a->slots;
    a->slots = s;
    a->n_running++;
    fm_metrics_set(a->m_running, (double)a->n_running);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int e = pthread_create(&s->thread, &attr, runner_main, ctx);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        s->finished = true;
        a->n_running--;
        pthread_mutex_unlock(&a->mu);
        fm_log_error("starting a task thread failed", "task", s->name, "error", strerror(e), NULL);
        fm_agentcore_requeue(&a->core, s->ns, s->name, &s->claimed_at, "AgentError",
                             "could not start a thread");
        fm_agentic_task_free(claimed);
        free(ctx);
        return fm_error_set(FM_ERROR, "pthread_create: %s", strerror(e));
    }
    pthread_mutex_unlock(&a->mu);
    return 1;
}

/* ------------------------------------------------------------ dispatcher */

typedef struct candidate {
    fm_agentic_task *task;
    int32_t priority;
    fm_time created;
} candidate;

typedef struct scan_ctx {
    agent *a;
    candidate *c;
    size_t n, cap;
    bool recovery;   /* collect Running-here tasks instead */
} scan_ctx;

/* fm_store_foreach callback: collects claimable (or, in recovery, orphaned)
 * tasks; a.mu must NOT be held by the caller (slot_find takes it). */
static int scan_one(void *ud, const char *key, const void *obj)
{
    scan_ctx *sc = ud;
    const fm_agentic_task *t = obj;
    if (!fm_agentcore_assigned_here(&sc->a->core, t)) return 0;
    fm_task_phase want = sc->recovery ? FM_TASK_PHASE_RUNNING : FM_TASK_PHASE_SCHEDULED;
    if (t->status.phase != want) return 0;
    pthread_mutex_lock(&sc->a->mu);
    bool active = slot_find(sc->a, key) != NULL;
    pthread_mutex_unlock(&sc->a->mu);
    if (active) return 0;
    if (sc->n == sc->cap) {
        size_t nc = sc->cap ? sc->cap * 2 : 8;
        candidate *c = realloc(sc->c, nc * sizeof(*c));
        if (!c) return 0;
        sc->c = c;
        sc->cap = nc;
    }
    fm_agentic_task *copy = NULL;
    if (fm_agentic_task_copy(&copy, t) != 0) return 0;
    sc->c[sc->n].task = copy;
    sc->c[sc->n].priority = t->spec.priority;
    sc->c[sc->n].created = t->metadata.creation_timestamp;
    sc->n++;
    return 0;
}

static int cmp_candidate(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->priority != b->priority) return a->priority > b->priority ? -1 : 1;
    if (a->created.sec != b->created.sec) return a->created.sec < b->created.sec ? -1 : 1;
    return strcmp(a->task->metadata.name, b->task->metadata.name);
}

static void scan(agent *a, scan_ctx *sc, bool recovery)
{
    memset(sc, 0, sizeof(*sc));
    sc->a = a;
    sc->recovery = recovery;
    for (size_t i = 0; i < a->n_informers; i++)
        fm_store_foreach(fm_informer_store(a->informers[i]), scan_one, sc);
    if (sc->n > 1) qsort(sc->c, sc->n, sizeof(*sc->c), cmp_candidate);
}

static void scan_free(scan_ctx *sc)
{
    for (size_t i = 0; i < sc->n; i++) fm_agentic_task_free(sc->c[i].task);
    free(sc->c);
}

/* Unlinks the finished slots (a.mu held) and returns them as a list for
 * free_slots(), which joins their threads without the lock: a runner
 * takes a.mu on its way out. */
static agent_slot *take_finished(agent *a)
{
    agent_slot *done = NULL;
    agent_slot **pp = &a->slots;
    while (*pp) {
        agent_slot *s = *pp;
        if (s->finished) {
            *pp = s->next;
            s->next = done;
            done = s;
        } else {
            pp = &s->next;
        }
    }
    return done;
}

static void free_slots(agent_slot *s)
{
    while (s) {
        agent_slot *next = s->next;
        pthread_join(s->thread, NULL);
        free(s->key);
        free(s->ns);
        free(s->name);
        free(s);
        s = next;
    }
}

static void *disp_main(void *arg)
{
    agent *a = arg;
    bool recovery_pending = true;
    int64_t retry_at = -1;

    /* Wait for the first list of every informer. */
    for (size_t i = 0; i < a->n_informers && !atomic_load(&a->draining); i++)
        while (!atomic_load(&a->draining) && fm_informer_wait_synced(a->informers[i], 500) != 0) {
        }
    release_free_memory();

    pthread_mutex_lock(&a->mu);
    while (!atomic_load(&a->draining)) {
        a->disp_wake = false;
        agent_slot *done = take_finished(a);
        pthread_mutex_unlock(&a->mu);
        free_slots(done);
        retry_at = -1;

        /* Tasks Running here that no runner of ours holds go back to
         * Pending: at start those of an earlier life of this agent; later a
         * claim whose response was lost (the server applied it, the agent
         * saw an error) or a runner that gave up writing its result.
         * requeue() re-reads each from the server, so a cache that has not
         * yet shown a finished result changes nothing. */
        scan_ctx sc;
        scan(a, &sc, true);
        if (sc.n > 0) {
            bool ok = true;
            char msg[256];
            snprintf(msg, sizeof(msg),
                     recovery_pending
                         ? "foreman-agent on %s restarted while the task was running; returned to Pending"
                         : "foreman-agent on %s lost track of its claim (a claim or result write "
                           "failed); returned to Pending",
                     a->cfg.name);
            for (size_t i = 0; i < sc.n; i++) {
                const fm_agentic_task *t = sc.c[i].task;
                if (fm_agentcore_requeue(&a->core, t->metadata.namespace, t->metadata.name, &t->status.claimed_at,
                            recovery_pending ? "AgentRestartRecovery" : "ClaimLost", msg) != 0)
                    ok = false;
            }
            if (!ok) retry_at = fm_clock_now(NULL) + NS_PER_S;
            else recovery_pending = false;
        } else {
            recovery_pending = false;
        }
        scan_free(&sc);

        scan(a, &sc, false);
        for (size_t i = 0; i < sc.n && !atomic_load(&a->draining); i++) {
            pthread_mutex_lock(&a->mu);
            bool full = a->n_running >= (size_t)a->cfg.max_concurrent;
            pthread_mutex_unlock(&a->mu);
            if (full) break;
            if (claim(a, sc.c[i].task) < 0) retry_at = fm_clock_now(NULL) + NS_PER_S;
        }
        scan_free(&sc);

        pthread_mutex_lock(&a->mu);
        while (!a->disp_wake && !atomic_load(&a->draining) &&
               (retry_at < 0 || fm_clock_now(NULL) < retry_at))
            fm_clock_wait_until(NULL, &a->disp_cond, &a->mu, retry_at);
    }
    a->disp_exited = true;
    pthread_cond_broadcast(&a->disp_cond); /* tasks_wait_done */
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

/* ------------------------------------------------------------ informer handlers */

/* Stops the slot of a task that is no longer ours to run. Returns whether
 * a runner of this agent holds the task. */
static bool check_taken_away(agent *a, const fm_agentic_task *t, bool deleted)
{
    char *key = NULL;
    if (fm_store_object_key(&key, &fm_agentic_task_desc, t) != 0) return false;
    pthread_mutex_lock(&a->mu);
    agent_slot *s = slot_find(a, key);
    /* A run that already ended is writing its result: nothing to stop. */
    if (s && !(s->run && fm_executor_done(s->run))) {
        const fm_agentic_task_status *st = &t->status;
        bool ours = st->phase == FM_TASK_PHASE_RUNNING && fm_agentcore_assigned_here(&a->core, t) &&
                    time_eq(st->claimed_at, s->claimed_at);
        /* A Scheduled version older than our claim may still arrive. */
        bool stale = st->phase == FM_TASK_PHASE_SCHEDULED && fm_agentcore_assigned_here(&a->core, t);
        bool terminating = fm_k8s_object_meta_has_deletion_timestamp(&t->metadata);
        if (deleted || terminating || (!ours && !stale)) {
            fm_log_info("task deleted or taken away while running; cancelling", "task", s->name,
                     "namespace", s->ns, "deleted", deleted ? "true" : "false", NULL);
            slot_stop(a, s, EXECUTOR_STOP_CANCEL);
        }
    }
    pthread_mutex_unlock(&a->mu);
    free(key);
    return s != NULL;
}

static void on_add(void *ud, const void *obj)
{
    agent *a = ud;
    const fm_agentic_task *t = obj;
    if (t->status.phase == FM_TASK_PHASE_SCHEDULED || t->status.phase == FM_TASK_PHASE_RUNNING)
        disp_kick(a);
}

static void on_update(void *ud, const void *old_obj, const void *new_obj)
{
    agent *a = ud;
    const fm_agentic_task *t = new_obj;
    (void)old_obj;
    bool held = check_taken_away(a, t, false);
    /* Scheduled: a task to claim. Running here with no runner of ours: a
     * claim whose answer was lost (the API server went away after applying
     * it), which the dispatcher must give back; nothing else may wake it,
     * since the operator counts the task against this node's capacity. */
    if (t->status.phase == FM_TASK_PHASE_SCHEDULED ||
        (t->status.phase == FM_TASK_PHASE_RUNNING && fm_agentcore_assigned_here(&a->core, t) && !held))
        disp_kick(a);
}

static void on_delete(void *ud, const void *old_obj)
{
    check_taken_away(ud, old_obj, true);
}

static void on_error(void *ud, int code, const char *message)
{
    agent *a = ud;
    if (atomic_load(&a->draining)) return;
    fm_log_warn("task watch failed; retrying", "error", message, NULL);
}

/* The agent's count of objects its task informers could not decode. */
static fm_series *decode_errors;

/*
 * A task placed here that the decoder refuses (see informer.h): it is left
 * out of the cache, so this agent never claims it; the operator, whose
 * cache refuses it for the same reason, reports it with an Event. Logged
 * with its key and counted in foreman_decode_errors_total{kind}.
 */
static void on_decode_error(void *ud, const fm_k8s_object_meta *meta, const char *message)
{
    (void)ud;
    fm_log_warn("task does not decode; ignored until a valid version arrives", "task",
             meta ? meta->name : NULL, "namespace", meta ? meta->namespace : NULL, "error", message, NULL);
    if (decode_errors) fm_metrics_inc(decode_errors);
}

/* ------------------------------------------------------------ public */

/*
 * Decides how the task watch finds this node's tasks. A field selector on
 * status.assignedNode needs the CRD's selectableFields (Kubernetes 1.31+);
 * it sees a task the moment the operator's one placement write lands and
 * works whether or not the operator also writes the routing label. One
 * small list tells whether the server takes it: 400 means it does not.
 * Returns 0 or a negative FM_E* (-task-selector=field on a server without
 * support, or a server that never answered).
 */
static int choose_selector(agent *a)
{
    snprintf(a->label_selector, sizeof(a->label_selector), "%s=%s", AGENT_ASSIGNED_LABEL, a->cfg.name);
    /* Finished tasks leave the watch (and the cache): an agent that has
     * run thousands of tasks holds only those still in play. */
    snprintf(a->field_selector, sizeof(a->field_selector),
             "status.assignedNode=%s,status.phase!=Succeeded,status.phase!=Failed", a->cfg.name);
    a->by_field = false;
    if (strcmp(a->cfg.task_selector, "label") == 0) return 0;
    const char *ns = a->cfg.task_namespaces.len ? ((char **)a->cfg.task_namespaces.items)[0]
                                                : KUBE_ALL_NAMESPACES;
    int64_t backoff_ms = 200;
    for (int attempt = 0;; attempt++) {
        int rc = fm_kube_field_selector_supported(a->kc, &fm_agentic_task_kind, ns, a->field_selector);
        if (rc == 1) {
            a->by_field = true;
            return 0;
        }
        if (rc == 0) {
            if (strcmp(a->cfg.task_selector, "field") == 0)
                return fm_error_set(FM_EINVAL,
                                    "-task-selector=field: the API server cannot select AgenticTasks by "
                                    "status.assignedNode (%s); it needs Kubernetes 1.31+ and the CRD's "
                                    "selectableFields",
                                    fm_error_last()->message);
            fm_log_warn("the API server cannot select AgenticTasks by status.assignedNode; watching the "
                     "assigned-node label (the operator, with --assigned-node-label=auto or true, writes it)",
                     "error", fm_error_last()->message, NULL);
            return 0;
        }
        if (atomic_load(&a->draining) || attempt >= 8) return rc;
        fm_log_warn("checking the task field selector failed; retrying", "error", fm_error_last()->message, NULL);
        struct timespec ts = {(time_t)(backoff_ms / 1000), (long)(backoff_ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
        backoff_ms = backoff_ms * 2 > 5000 ? 5000 : backoff_ms * 2;
    }
}

int tasks_start(agent *a)
{
    fm_objapi_kube(&a->core.api, a->kc);
    snprintf(a->core.node, sizeof a->core.node, "%s", a->cfg.name);
    a->core.draining = &a->draining;
    int src = credential_paths(a);
    if (src != 0) return src;
    if (a->cfg.executor == &fm_executor_exec_ops && !fm_executor_exec_isolation())
        fm_log_warn("task commands can read the agent's credential files (its kubeconfig, token); give "
                 "the agent user namespaces, or run it as a user the commands are not",
                 "error", fm_error_last()->message, NULL);
    src = choose_selector(a);
    if (src != 0) return src;
    fm_log_info("watching the tasks placed here", "by", a->by_field ? "field status.assignedNode" : "label",
             "selector", a->by_field ? a->field_selector : a->label_selector, NULL);
    const char *delay = getenv(CLAIM_DELAY_ENV);
    if (delay && fm_goduration_parse(&a->core.claim_delay_ns, delay) != 0) a->core.claim_delay_ns = 0;
    fm_clock_cond_init(&a->disp_cond);
    fm_metric *dm = NULL;
    if (fm_metrics_counter(&dm, fm_metrics_default(), "foreman_decode_errors_total",
                        "Objects the API server sent that did not decode and were left out of the "
                        "cache, by kind.",
                        "kind", NULL) == 0)
        fm_metrics_series(&decode_errors, dm, "AgenticTask", NULL);
    if (fm_metrics_counter(&dm, fm_metrics_default(), "foreman_agent_result_write_retries_total",
                        "Retries of terminal task status writes (conflicts, transport failures, "
                        "refusals).",
                        NULL) == 0)
        fm_metrics_series(&a->core.result_retries, dm, NULL);
    size_t n_ns = a->cfg.task_namespaces.len ? a->cfg.task_namespaces.len : 1;
    char **nss = a->cfg.task_namespaces.items;
    for (size_t i = 0; i < n_ns; i++) {
        fm_informer_options o;
        memset(&o, 0, sizeof(o));
        o.kind = &fm_agentic_task_kind;
        o.ns = a->cfg.task_namespaces.len ? nss[i] : NULL;
        if (a->by_field) o.field_selector = a->field_selector;
        else o.label_selector = a->label_selector;
        o.on_error = on_error;
        o.on_decode_error = on_decode_error;
        o.on_error_ud = a;
        fm_informer *inf = NULL;
        int rc = fm_informer_new(&inf, a->kc, &o);
        if (rc != 0) return rc;
        fm_informer_handlers h = {on_add, on_update, on_delete, a};
        a->informers[a->n_informers++] = inf;
        if ((rc = fm_informer_add_handlers(inf, &h)) != 0) return rc;
        if ((rc = fm_informer_start(inf)) != 0) return rc;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int e = pthread_create(&a->disp_thread, &attr, disp_main, a);
    pthread_attr_destroy(&attr);
    if (e != 0) return fm_error_set(FM_ERROR, "starting the dispatcher: %s", strerror(e));
    a->disp_started = true;
    return 0;
}

void tasks_current(agent *a, char *buf, size_t cap)
{
    buf[0] = '\0';
    pthread_mutex_lock(&a->mu);
    agent_slot *first = NULL;
    for (agent_slot *s = a->slots; s; s = s->next)
        if (!s->finished) first = s; /* the list is newest first: keep the oldest */
    if (first) snprintf(buf, cap, "%s", first->name);
    pthread_mutex_unlock(&a->mu);
}

void tasks_shutdown(agent *a)
{
    pthread_mutex_lock(&a->mu);
    for (agent_slot *s = a->slots; s; s = s->next)
        if (!s->finished) {
            /* Shutdown does not wait the whole kill grace: 6 s is the budget. */
            if (s->run) fm_executor_stop(s->run, EXECUTOR_STOP_SHUTDOWN, 2 * NS_PER_S);
            else if (s->stop_pending == EXECUTOR_STOP_NONE) s->stop_pending = EXECUTOR_STOP_SHUTDOWN;
        }
    a->disp_wake = true;
    pthread_cond_broadcast(&a->disp_cond);
    pthread_mutex_unlock(&a->mu);
}

/* Under a->mu. */
static bool all_done_locked(agent *a)
{
    bool done = !a->disp_started || a->disp_exited;
    for (agent_slot *s = a->slots; s && done; s = s->next)
        if (!s->finished) done = false;
    return done;
}

bool tasks_all_done(agent *a)
{
    pthread_mutex_lock(&a->mu);
    bool done = all_done_locked(a);
    pthread_mutex_unlock(&a->mu);
    return done;
}

bool tasks_wait_done(agent *a, int64_t deadline_ns)
{
    /* A runner that finishes and the dispatcher that exits both broadcast
     * disp_cond, so this wakes when the answer may have changed. */
    pthread_mutex_lock(&a->mu);
    bool done;
    while (!(done = all_done_locked(a)) && fm_clock_now(NULL) < deadline_ns)
        fm_clock_wait_until(NULL, &a->disp_cond, &a->mu, deadline_ns);
    pthread_mutex_unlock(&a->mu);
    return done;
}

void tasks_cleanup(agent *a)
{
    for (size_t i = 0; i < a->n_informers; i++) fm_informer_stop(a->informers[i]);
    if (a->disp_started) {
        pthread_join(a->disp_thread, NULL);
        a->disp_started = false;
    }
    pthread_mutex_lock(&a->mu);
    agent_slot *done = take_finished(a);
    pthread_mutex_unlock(&a->mu);
    free_slots(done);
    for (size_t i = 0; i < a->n_informers; i++) fm_informer_free(a->informers[i]);
    a->n_informers = 0;
    free_strv(env_allow);
    free_strv(hide_paths);
    env_allow = hide_paths = NULL;
}

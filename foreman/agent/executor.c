/*
 * executor.c - the executor-independent part of a run: its thread, the
 * finish/stop handshake, result copying and the result envelope.
 * See executor.h.
 */
#include "executor.h"

#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct fm_executor_run {
    const fm_executor_ops *ops;
    fm_executor_config cfg;     /* strings below are owned copies */
    fm_executor_task task;
    pthread_t thread;
    bool thread_started;
    pthread_mutex_t mu;
    pthread_cond_t cond;     /* CLOCK_MONOTONIC; signalled on finish and stop */
    bool done;
    fm_executor_stop_reason stop_why;
    int64_t stop_grace_ns;
    int wake[2];             /* self-pipe: readable once a stop is requested */
    int64_t started_ns;
    fm_executor_result res;
};

const char *fm_executor_stop_reason_name(fm_executor_stop_reason why)
{
    switch (why) {
    case EXECUTOR_STOP_TIMEOUT: return "Timeout";
    case EXECUTOR_STOP_CANCEL: return "Cancelled";
    case EXECUTOR_STOP_SHUTDOWN: return "AgentShutdown";
    default: return NULL;
    }
}

/* Creates dir and its missing parents (mode 0700). Returns 0 or -1/errno. */
int fm_executor_mkdir_p(const char *dir)
{
    char path[PATH_MAX];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(path, dir, n + 1);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return -1;
    return 0;
}

int fm_executor_lookup(const fm_executor_ops **out, const char *kind)
{
    static const fm_executor_ops *const all[] = {&fm_executor_stub_ops, &fm_executor_exec_ops, &fm_executor_native_ops};
    *out = NULL;
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        if (kind && strcmp(kind, all[i]->kind) == 0) {
            *out = all[i];
            return 0;
        }
    return fm_error_set(FM_EINVAL, "unknown agent mode \"%s\": want stub, exec or native", kind ? kind : "");
}

/* Frees the owned copies inside cfg and t. */
static void free_copies(fm_executor_config *cfg, fm_executor_task *t)
{
    free((char *)cfg->agent_name);
    free((char *)cfg->command);
    free((char *)cfg->workspace_dir);
    free((char *)t->name);
    free((char *)t->namespace_);
    free((char *)t->uid);
    free((char *)t->kind);
    free((char *)t->model_ref);
    free((char *)t->prompt);
    free((char *)t->repo);
    free((char *)t->branch);
    free((char *)t->json);
}

/* Deep-copies the strings of cfg and t into r. Returns 0 or FM_ENOMEM. */
static int copy_inputs(fm_executor_run *r, const fm_executor_config *cfg, const fm_executor_task *t)
{
    r->cfg = *cfg;
    r->task = *t;
    r->cfg.agent_name = NULL;
    r->cfg.command = NULL;
    r->cfg.workspace_dir = NULL;
    memset(&r->task, 0, sizeof(r->task));
    r->task.has_issue = t->has_issue;
    r->task.issue = t->issue;
#define DUP(dst, src)                                                   \
    do {                                                                \
        if ((src) != NULL && ((dst) = fm_strdup(src)) == NULL) goto oom; \
    } while (0)
    DUP(r->cfg.agent_name, cfg->agent_name);
    DUP(r->cfg.command, cfg->command);
    DUP(r->cfg.workspace_dir, cfg->workspace_dir);
    DUP(r->task.name, t->name);
    DUP(r->task.namespace_, t->namespace_);
    DUP(r->task.uid, t->uid);
    DUP(r->task.kind, t->kind);
    DUP(r->task.model_ref, t->model_ref);
    DUP(r->task.prompt, t->prompt);
    DUP(r->task.repo, t->repo);
    DUP(r->task.branch, t->branch);
#undef DUP
    if (t->json) {
        if ((r->task.json = fm_strndup(t->json, t->json_len)) == NULL) goto oom;
        r->task.json_len = t->json_len;
    }
    if (r->cfg.transcript_max == 0) r->cfg.transcript_max = EXECUTOR_TRANSCRIPT_MAX_DEFAULT;
    if (r->cfg.tail_max == 0) r->cfg.tail_max = EXECUTOR_TAIL_MAX_DEFAULT;
    if (r->cfg.exit_linger_ns <= 0) r->cfg.exit_linger_ns = 500 * INT64_C(1000000);
    return 0;
oom:
    return fm_error_set(FM_ENOMEM, "executor: out of memory copying task %s",
                        t->name ? t->name : "");
}

/* The run's thread: the implementation does the work, then the common
 * fields are completed and waiters are woken. */
static void *run_main(void *arg)
{
    fm_executor_run *r = arg;
    fm_executor_result res;
    memset(&res, 0, sizeof(res));
    r->ops->run(r, &r->cfg, &r->task, &res);
    if (!res.kind) res.kind = r->ops->kind;
    if (!res.extra) res.extra = fm_strdup("{}");
    if (res.elapsed_sec <= 0) res.elapsed_sec = (double)(fm_clock_now(NULL) - r->started_ns) / 1e9;
    if (res.failed) {
        res.verdict = FM_VERDICT_INCOMPLETE;
        if (!res.reason) res.reason = "ExecutorError";
        if (!res.message) res.message = fm_strdup(res.reason);
    }
    if (!res.summary)
        res.summary = fm_strdup(res.failed ? (res.message ? res.message : "failed") : "done");
    pthread_mutex_lock(&r->mu);
    r->res = res;
    r->done = true;
    pthread_cond_broadcast(&r->cond);
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

int fm_executor_start(fm_executor_run **out, const fm_executor_ops *ops, const fm_executor_config *cfg,
                   const fm_executor_task *t)
{
    *out = NULL;
    fm_executor_run *r = calloc(1, sizeof(*r));
    if (!r) return fm_error_set(FM_ENOMEM, "executor: out of memory");
    r->ops = ops;
    r->wake[0] = r->wake[1] = -1;
    pthread_mutex_init(&r->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&r->cond, &ca);
    pthread_condattr_destroy(&ca);
    int rc = copy_inputs(r, cfg, t);
    if (rc != 0) goto fail;
    if (pipe2(r->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        rc = fm_error_set(FM_EIO, "executor: pipe: %s", strerror(errno));
        goto fail;
    }
    r->started_ns = fm_clock_now(NULL);
    /* A small stack: the work is I/O, and the agent's RSS budget is tight. */
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    int e = pthread_create(&r->thread, &attr, run_main, r);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        rc = fm_error_set(FM_ERROR, "executor: starting a thread for task %s: %s",
                          t->name ? t->name : "", strerror(e));
        goto fail;
    }
    r->thread_started = true;
    *out = r;
    return 0;
fail:
    fm_executor_free(r);
    return rc;
}

int fm_executor_wait(fm_executor_run *r, int64_t deadline_ns)
{
    pthread_mutex_lock(&r->mu);
    while (!r->done) {
        if (deadline_ns < 0) {
            pthread_cond_wait(&r->cond, &r->mu);
            continue;
        }
        if (fm_clock_now(NULL) >= deadline_ns) break;
        struct timespec ts = {(time_t)(deadline_ns / 1000000000), (long)(deadline_ns % 1000000000)};
        pthread_cond_timedwait(&r->cond, &r->mu, &ts);
    }
    int done = r->done ? 1 : 0;
    pthread_mutex_unlock(&r->mu);
    return done;
}

bool fm_executor_done(fm_executor_run *r)
{
    pthread_mutex_lock(&r->mu);
    bool d = r->done;
    pthread_mutex_unlock(&r->mu);
    return d;
}

void fm_executor_stop(fm_executor_run *r, fm_executor_stop_reason why, int64_t grace_ns)
{
    if (!r || why == EXECUTOR_STOP_NONE) return;
    pthread_mutex_lock(&r->mu);
    if (!r->done && r->stop_why == EXECUTOR_STOP_NONE) {
        r->stop_why = why;
        r->stop_grace_ns = grace_ns < 0 ? 0 : grace_ns;
        pthread_cond_broadcast(&r->cond);
        if (r->wake[1] >= 0) {
            ssize_t n = write(r->wake[1], "x", 1);
            (void)n; /* a full pipe is already readable */
        }
    }
    pthread_mutex_unlock(&r->mu);
}

bool fm_executor_run_stop_requested(fm_executor_run *r, fm_executor_stop_reason *why, int64_t *grace_ns)
{
    pthread_mutex_lock(&r->mu);
    fm_executor_stop_reason w = r->stop_why;
    if (why) *why = w;
    if (grace_ns) *grace_ns = r->stop_grace_ns;
    pthread_mutex_unlock(&r->mu);
    return w != EXECUTOR_STOP_NONE;
}

int fm_executor_run_sleep_until(fm_executor_run *r, int64_t deadline_ns)
{
    pthread_mutex_lock(&r->mu);
    while (r->stop_why == EXECUTOR_STOP_NONE && fm_clock_now(NULL) < deadline_ns) {
        struct timespec ts = {(time_t)(deadline_ns / 1000000000), (long)(deadline_ns % 1000000000)};
        pthread_cond_timedwait(&r->cond, &r->mu, &ts);
    }
    int stopped = r->stop_why != EXECUTOR_STOP_NONE;
    pthread_mutex_unlock(&r->mu);
    return stopped;
}

int fm_executor_run_wake_fd(const fm_executor_run *r)
{
    return r->wake[0];
}

/* Copies src into dst (strings duplicated). Returns 0 or FM_ENOMEM. */
static int result_copy(fm_executor_result *dst, const fm_executor_result *src)
{
    *dst = *src;
    dst->message = dst->summary = dst->extra = dst->transcript_ref = dst->workdir = NULL;
    dst->branch = dst->commit_sha = NULL;
    if ((src->message && !(dst->message = fm_strdup(src->message))) ||
        (src->summary && !(dst->summary = fm_strdup(src->summary))) ||
        (src->extra && !(dst->extra = fm_strdup(src->extra))) ||
        (src->transcript_ref && !(dst->transcript_ref = fm_strdup(src->transcript_ref))) ||
        (src->workdir && !(dst->workdir = fm_strdup(src->workdir))) ||
        (src->branch && !(dst->branch = fm_strdup(src->branch))) ||
        (src->commit_sha && !(dst->commit_sha = fm_strdup(src->commit_sha)))) {
        fm_executor_result_clear(dst);
        return fm_error_set(FM_ENOMEM, "executor: out of memory copying a result");
    }
    return 0;
}

int fm_executor_result_get(fm_executor_result *out, fm_executor_run *r)
{
    memset(out, 0, sizeof(*out));
    pthread_mutex_lock(&r->mu);
    int rc = r->done ? result_copy(out, &r->res)
                     : fm_error_set(FM_EINVAL, "executor: task %s has not finished",
                                    r->task.name ? r->task.name : "");
    pthread_mutex_unlock(&r->mu);
    return rc;
}

void fm_executor_result_clear(fm_executor_result *res)
{
    if (!res) return;
    free(res->message);
    free(res->summary);
    free(res->extra);
    free(res->transcript_ref);
    free(res->workdir);
    free(res->branch);
    free(res->commit_sha);
    memset(res, 0, sizeof(*res));
}

void fm_executor_free(fm_executor_run *r)
{
    if (!r) return;
    if (r->thread_started) {
        fm_executor_stop(r, EXECUTOR_STOP_CANCEL, 0);
        pthread_join(r->thread, NULL);
    }
    if (r->wake[0] >= 0) close(r->wake[0]);
    if (r->wake[1] >= 0) close(r->wake[1]);
    fm_executor_result_clear(&r->res);
    free_copies(&r->cfg, &r->task);
    pthread_cond_destroy(&r->cond);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

int fm_executor_envelope(fm_buf *out, const fm_executor_result *res)
{
    const char *verdict = fm_verdict_name(res->failed ? FM_VERDICT_INCOMPLETE : res->verdict);
    const char *summary = res->summary ? res->summary : "";
    size_t slen = strcspn(summary, "\r\n");
    double elapsed = res->elapsed_sec < 0 ? 0 : res->elapsed_sec;
    int rc = 0;
    rc |= fm_buf_puts(out, "{\"schemaVersion\":\"" EXECUTOR_SCHEMA_VERSION "\",\"kind\":");
    rc |= fm_buf_put_json_string(out, res->kind ? res->kind : "", strlen(res->kind ? res->kind : ""));
    rc |= fm_buf_puts(out, ",\"verdict\":");
    rc |= fm_buf_put_json_string(out, verdict ? verdict : "INCOMPLETE",
                                 strlen(verdict ? verdict : "INCOMPLETE"));
    rc |= fm_buf_puts(out, ",\"summary\":");
    rc |= fm_buf_put_json_string(out, summary, slen);
    rc |= fm_buf_puts(out, ",\"extra\":");
    rc |= fm_buf_puts(out, res->extra && res->extra[0] ? res->extra : "{}");
    /* Three decimals: milliseconds are all a task's duration needs. */
    rc |= fm_buf_printf(out, ",\"elapsedSec\":%.3f}", elapsed);
    return rc ? fm_error_set(FM_ENOMEM, "executor: out of memory building the envelope") : 0;
}

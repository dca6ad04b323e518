/*
 * agent_work.c - git workspace, gates, verify and review around the native
 * loop (agent_work.h).
 */
#include "agent_work.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"

#define GATE_STEP_TIMEOUT_NS (600 * INT64_C(1000000000))

static bool is_kind(const fm_executor_task *t, const char *k) { return t->kind && !strcmp(t->kind, k); }

static const char *label(const fm_agentic_task *task, const char *key)
{
    if (!task) return NULL;
    const fm_strmap *m = &task->metadata.labels;
    for (size_t i = 0; i < m->len; i++)
        if (m->items[i].key && !strcmp(m->items[i].key, key)) return m->items[i].value;
    return NULL;
}

/* The work branch: payload.branch, else <prefix><workload>/issue-<n> (or
 * the task's name in place of the issue). Deterministic, so a second
 * attempt, the verify and the review of one issue find the same branch. */
static void branch_name(char *out, size_t n, const fm_agent_work *w)
{
    const fm_executor_task *t = w->t;
    const fm_task_payload *p = w->task ? &w->task->spec.payload : NULL;
    if (t->branch && t->branch[0]) {
        snprintf(out, n, "%s", t->branch);
        return;
    }
    const char *prefix = p && p->branch_prefix && p->branch_prefix[0] ? p->branch_prefix : "foreman/";
    char wl[128] = "", leaf[128];
    const char *wln = label(w->task, FM_LABEL_WORKLOAD);
    if (wln) fm_gitws_slug(wl, sizeof wl, wln);
    if (t->has_issue) snprintf(leaf, sizeof leaf, "issue-%d", (int)t->issue);
    else fm_gitws_slug(leaf, sizeof leaf, t->name ? t->name : "task");
    size_t pl = strlen(prefix);
    snprintf(out, n, "%s%s%s%s%s", prefix, pl && prefix[pl - 1] != '/' ? "/" : "", wl, wl[0] ? "/" : "", leaf);
}

/* The file's text (at most max bytes), or NULL. */
static char *slurp_file(const char *path, size_t max)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return NULL;
    char *b = malloc(max + 1);
    size_t len = 0;
    ssize_t r;
    while (b && len < max && (r = read(fd, b + len, max - len)) > 0) len += (size_t)r;
    close(fd);
    if (b) b[len] = '\0';
    return b;
}

int fm_agent_work_prepare(fm_agent_work *w, const char *dir, const fm_executor_native_config *nc,
                       const fm_executor_task *t, const char **reason)
{
    memset(w, 0, sizeof *w);
    w->t = t;
    w->log_fd = -1;
    w->git.log_fd = -1;
    *reason = "ExecutorError";
    if (t->json && fm_agentic_task_decode(&w->task, t->json, t->json_len) != 0) w->task = NULL;
    w->coder = is_kind(t, "issue-fix") || is_kind(t, "freeform");
    w->gate_rounds = nc && nc->gate_rounds > 0 ? nc->gate_rounds : AGENT_WORK_GATE_ROUNDS_DEFAULT;
    char work[PATH_MAX + 8];
    snprintf(work, sizeof work, "%s/work", dir);
    if (!fm_gitws_cloneable(t->repo)) {
        if (mkdir(work, 0755) != 0) return fm_error_set(FM_EIO, "native executor: %s: %s", work, strerror(errno));
        return 0;
    }
    char logp[PATH_MAX + 16];
    snprintf(logp, sizeof logp, "%s/git.log", dir);
    w->log_fd = open(logp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    char branch[512];
    branch_name(branch, sizeof branch, w);
    const fm_task_payload *p = w->task ? &w->task->spec.payload : NULL;
    fm_gitws_creds creds = {nc ? nc->git_token_file : NULL, nc ? nc->git_user : NULL, nc ? nc->git_ssh_key_file : NULL};
    if (nc && nc->git_token && nc->git_token[0]) {
        /* a token from a Secret: a private file of the task's, outside the
         * tools' root, on bash's deny list, removed with the task */
        snprintf(w->token_file, sizeof w->token_file, "%s/git-token", dir);
        int fd = open(w->token_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
        size_t tl = strlen(nc->git_token);
        bool ok = fd >= 0 && write(fd, nc->git_token, tl) == (ssize_t)tl;
        if (fd >= 0) close(fd);
        if (!ok) {
            w->token_file[0] = '\0';
            return fm_error_set(FM_EIO, "native executor: writing the git token file in %s failed", dir);
        }
        creds.token_file = w->token_file;
    }
    *reason = "CloneFailed";
    int rc = fm_gitws_open(&w->git, dir, t->repo, branch, p ? p->base_branch : NULL, &creds, w->log_fd);
    if (rc) return fm_error_set(rc, "native executor: %s (see %s)", fm_error_last()->message, logp);
    w->has_git = true;
    if ((is_kind(t, "verify") || is_kind(t, "review")) && !w->git.resumed &&
        strcmp(w->git.branch, w->git.base_branch ? w->git.base_branch : "") != 0)
        return fm_error_set(FM_ENOTFOUND, "native executor: branch %s is not on %s: nothing to %s", branch, t->repo,
                            t->kind);
    w->gate_on = w->coder && w->task && fm_agentic_task_spec_has_gate_profile(&w->task->spec);
    if (w->gate_on || is_kind(t, "verify"))
        fm_gate_from_profile(&w->gate, w->task && fm_agentic_task_spec_has_gate_profile(&w->task->spec)
                                        ? &w->task->spec.gate_profile : NULL,
                          w->git.work);
    /* the prompt: the issue text, or the change under review */
    fm_buf b = FM_BUF_INIT;
    int e = fm_buf_puts(&b, t->prompt && t->prompt[0] ? t->prompt : "");
    if (w->coder && t->has_issue) {
        char ip[PATH_MAX + 32];
        snprintf(ip, sizeof ip, "%s/issues/%d.md", w->git.work, (int)t->issue);
        char *text = slurp_file(ip, 32 * 1024);
        if (text) {
            e |= fm_buf_printf(&b, "%sIssue #%d (issues/%d.md):\n", b.len ? "\n\n" : "", (int)t->issue, (int)t->issue);
            e |= fm_buf_puts(&b, text);
            free(text);
        }
    }
    if (is_kind(t, "review")) {
        if ((rc = fm_gitws_diff(&w->diff, &w->git, AGENT_WORK_DIFF_MAX)) != 0) {
            fm_buf_free(&b);
            return rc;
        }
        e |= fm_buf_printf(&b, "%sReview the change on branch %s against %s. Report each problem in details as "
                               "one line `path:line: what is wrong`, naming a line the change adds or modifies. "
                               "GO when it is right, NO-GO when it is not.\n```diff\n",
                           b.len ? "\n\n" : "", w->git.branch, w->git.base_branch);
        e |= fm_buf_put(&b, w->diff.data ? w->diff.data : "", w->diff.len);
        e |= fm_buf_puts(&b, "```\n");
    }
    if (e) {
        fm_buf_free(&b);
        return fm_error_set(FM_ENOMEM, "native executor: out of memory");
    }
    w->prompt = fm_buf_detach(&b);
    fm_buf_free(&b);
    return 0;
}

void fm_agent_work_task(const fm_agent_work *w, fm_executor_task *out)
{
    *out = *w->t;
    if (w->prompt) out->prompt = w->prompt;
}

/* The loop's on_go: runs the gate; a failure is fed back while rounds
 * last, then the GO stands and finish() turns it into GateFailed. */
static int on_go(void *ctx, const fm_agent_loop_result *res, fm_buf *feedback)
{
    (void)res;
    fm_agent_work *w = ctx;
    fm_gate_report gr;
    int64_t timeout = GATE_STEP_TIMEOUT_NS;
    if (w->tools->deadline_ns > 0) {
        int64_t left = w->tools->deadline_ns - fm_clock_now(NULL);
        if (left < timeout) timeout = left > 0 ? left : 1;
    }
    int rc = fm_gate_run(&gr, &w->gate, &w->tools->sandbox, w->tools->root, timeout, w->wake_fd);
    if (rc) return rc;
    if (gr.passed) {
        fm_gate_report_clear(&gr);
        return 0;
    }
    w->gate_failures++;
    free(w->gate_last);
    w->gate_last = fm_strndup(gr.feedback.data ? gr.feedback.data : "", gr.feedback.len);
    if (w->gate_failures >= w->gate_rounds) {
        w->gate_exhausted = true;
        fm_gate_report_clear(&gr);
        return 0;
    }
    fm_buf_reset(feedback);
    int e = fm_buf_put(feedback, gr.feedback.data ? gr.feedback.data : "", gr.feedback.len);
    e |= fm_buf_printf(feedback, "\nYour GO was not accepted (gate failure %d; the task ends at %d). Fix the problem "
                                 "with the tools, then call submit_result again.",
                       w->gate_failures, w->gate_rounds);
    fm_gate_report_clear(&gr);
    return e ? fm_error_set(FM_ENOMEM, "gate: out of memory") : 1;
}

void fm_agent_work_attach(fm_agent_work *w, fm_tools_ctx *tools, int wake_fd, fm_agent_loop_config *lc)
{
    w->tools = tools;
    w->wake_fd = wake_fd;
    /* a clone URL with credentials in it ends up in the git dir's config:
     * bash may not read that file */
    if (w->has_git && snprintf(w->git_config, sizeof w->git_config, "%s/config", w->git.gitdir) < (int)sizeof w->git_config)
        for (size_t i = 0; i < SANDBOX_MAX_DENY; i++)
            if (!tools->sandbox.deny_read[i]) {
                tools->sandbox.deny_read[i] = w->git_config;
                if (w->token_file[0] && i + 1 < SANDBOX_MAX_DENY) tools->sandbox.deny_read[i + 1] = w->token_file;
                break;
            }
    if (w->gate_on) {
        lc->on_go = on_go;
        lc->on_go_ctx = w;
    }
}

bool fm_agent_work_verify(fm_agent_work *w, fm_executor_result *res)
{
    if (!w->has_git || !is_kind(w->t, "verify")) return false;
    fm_gate_report gr;
    int rc = fm_gate_run(&gr, &w->gate, &w->tools->sandbox, w->tools->root, GATE_STEP_TIMEOUT_NS, w->wake_fd);
    if (rc) {
        res->failed = true;
        res->reason = "GateError";
        res->message = fm_strdup(fm_error_last()->message);
        return true;
    }
    fm_buf x = FM_BUF_INIT;
    fm_buf_printf(&x, "{\"gate\":{\"language\":\"%s\",\"passed\":%s,\"stepsRun\":%d", w->gate.language,
                  gr.passed ? "true" : "false", gr.steps_run);
    if (!gr.passed) {
        fm_buf_printf(&x, ",\"failedStep\":\"%s\",\"exitCode\":%d,\"output\":", fm_gate_step_names[gr.failed_step],
                      gr.exit_code);
        fm_buf_put_json_string(&x, gr.feedback.data ? gr.feedback.data : "", gr.feedback.len);
    }
    fm_buf_printf(&x, "},\"branch\":");
    fm_buf_put_json_string(&x, w->git.branch, strlen(w->git.branch));
    fm_buf_puts(&x, "}");
    res->extra = fm_buf_detach(&x);
    fm_buf_free(&x);
    res->branch = fm_strdup(w->git.branch);
    res->commit_sha = fm_strdup(w->git.base_sha);
    if (gr.passed) {
        res->failed = false;
        res->reason = NULL;
        res->verdict = FM_VERDICT_GATE_PASS;
        if (asprintf(&res->summary, "gate %s passed on %s", w->gate.language, w->git.branch) < 0) res->summary = NULL;
    } else {
        res->failed = true;
        res->verdict = FM_VERDICT_GATE_FAIL;
        res->reason = "GateFailed";
        if (asprintf(&res->summary, "gate %s failed at %s on %s", w->gate.language, fm_gate_step_names[gr.failed_step],
                     w->git.branch) < 0)
            res->summary = NULL;
        res->message = fm_strndup(gr.feedback.data ? gr.feedback.data : "", gr.feedback.len > 2048 ? 2048 : gr.feedback.len);
    }
    fm_gate_report_clear(&gr);
    return true;
}

/* Appends ,"key":value JSON members to res->extra (an object). */
static void extra_add(fm_executor_result *res, const char *members)
{
    if (!res->extra) return;
    size_t n = strlen(res->extra);
    if (n < 2 || res->extra[n - 1] != '}') return;
    char *x = NULL;
    if (asprintf(&x, "%.*s%s%s}", (int)(n - 1), res->extra, n > 2 ? "," : "", members) < 0) return;
    free(res->extra);
    res->extra = x;
}

void fm_agent_work_finish(fm_agent_work *w, fm_executor_result *res, const char *details)
{
    if (!w->has_git) return;
    if (w->gate_on) {
        char m[160];
        snprintf(m, sizeof m, "\"gate\":{\"language\":\"%s\",\"failures\":%d,\"passed\":%s}", w->gate.language,
                 w->gate_failures, !w->gate_exhausted && !res->failed ? "true" : "false");
        extra_add(res, m);
    }
    if (w->gate_exhausted && !res->failed) {
        res->failed = true;
        res->verdict = FM_VERDICT_INCOMPLETE;
        res->reason = "GateFailed";
        free(res->message);
        if (asprintf(&res->message, "the gate failed %d times: %.1500s", w->gate_failures,
                     w->gate_last ? w->gate_last : "") < 0)
            res->message = NULL;
    }
    if (w->coder && ((!res->failed && res->verdict == FM_VERDICT_GO) || (res->failed && res->reason && !strcmp(res->reason, "GateFailed")))) {
        fm_buf msg = FM_BUF_INIT;
        if (res->failed) fm_buf_puts(&msg, "WIP (gate failed): ");
        fm_buf_puts(&msg, res->summary && res->summary[0] ? res->summary : "agent changes");
        if (details && details[0]) fm_buf_printf(&msg, "\n\n%s", details);
        fm_buf_printf(&msg, "\n\nTask: %s/%s (%s)\n", w->t->namespace_ ? w->t->namespace_ : "", w->t->name ? w->t->name : "",
                      w->t->kind ? w->t->kind : "");
        bool force = w->task && w->task->spec.payload.allow_overwrite;
        char *sha = NULL;
        bool changed = false;
        int rc = fm_gitws_commit_push(&w->git, msg.data, force, &sha, &changed);
        fm_buf_free(&msg);
        if (rc) {
            if (!res->failed) {
                res->failed = true;
                res->verdict = FM_VERDICT_INCOMPLETE;
                res->reason = "PushFailed";
            }
            free(res->message);
            res->message = fm_strdup(fm_error_last()->message);
            return;
        }
        res->branch = fm_strdup(w->git.branch);
        res->commit_sha = sha;
        char m[700];
        snprintf(m, sizeof m, "\"branch\":\"%s\",\"commitSHA\":\"%s\",\"committed\":%s,\"resumed\":%s", w->git.branch,
                 sha, changed ? "true" : "false", w->git.resumed ? "true" : "false");
        extra_add(res, m);
        return;
    }
    if (is_kind(w->t, "review") && !res->failed) {
        int findings = 0, on = 0;
        fm_agent_work_findings(w->diff.data ? w->diff.data : "", details ? details : "", &findings, &on);
        char m[160];
        snprintf(m, sizeof m, "\"review\":{\"findings\":%d,\"onChangedLines\":%d}", findings, on);
        extra_add(res, m);
        res->branch = fm_strdup(w->git.branch);
        res->commit_sha = fm_strdup(w->git.base_sha);
        if (res->verdict == FM_VERDICT_NO_GO && on == 0) {
            res->failed = true;
            res->verdict = FM_VERDICT_INCOMPLETE;
            res->reason = "UnfoundedReview";
            free(res->message);
            if (asprintf(&res->message, "NO-GO not trusted: its %d finding(s) name no line the change adds or modifies",
                         findings) < 0)
                res->message = NULL;
        }
    }
}

void fm_agent_work_clear(fm_agent_work *w)
{
    if (!w) return;
    fm_agentic_task_free(w->task);
    fm_gitws_clear(&w->git);
    if (w->token_file[0]) unlink(w->token_file);
    if (w->log_fd >= 0) close(w->log_fd);
    free(w->prompt);
    free(w->gate_last);
    fm_buf_free(&w->diff);
    memset(w, 0, sizeof *w);
    w->log_fd = -1;
}

/* ---------------------------------------------------------------- findings */

typedef struct changed_line {
    char path[256];
    int line;
} changed_line;

/* The new-side lines the diff adds ('+'), at most max. */
static size_t changed_lines(const char *diff, changed_line *out, size_t max)
{
    size_t n = 0;
    char path[256] = "";
    int line = 0;
    for (const char *p = diff; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 6 && !strncmp(p, "+++ b/", 6)) {
            size_t l = len - 6 < sizeof path - 1 ? len - 6 : sizeof path - 1;
            memcpy(path, p + 6, l);
            path[l] = '\0';
        } else if (len > 4 && !strncmp(p, "+++ ", 4)) {
            path[0] = '\0';
        } else if (len > 2 && !strncmp(p, "@@", 2)) {
            const char *plus = memchr(p, '+', len);
            line = plus ? atoi(plus + 1) : 0;
        } else if (len >= 1 && p[0] == '+' && path[0]) {
            if (n < max) {
                snprintf(out[n].path, sizeof out[n].path, "%s", path);
                out[n].line = line;
                n++;
            }
            line++;
        } else if (len >= 1 && p[0] == ' ') {
            line++;
        }
        p = e ? e + 1 : p + len;
    }
    return n;
}

void fm_agent_work_findings(const char *diff, const char *details, int *findings, int *on_changed)
{
    *findings = 0;
    *on_changed = 0;
    enum { MAX_LINES = 4096 };
    changed_line *cl = malloc(MAX_LINES * sizeof *cl);
    if (!cl) return;
    size_t n = changed_lines(diff, cl, MAX_LINES);
    /* findings: `path:line` anywhere in the text */
    const char *p = details;
    while (p && *p) {
        /* a path: [A-Za-z0-9_./-]+ followed by :digits */
        const char *s = p;
        while (*s && !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
                       *s == '_' || *s == '.' || *s == '/' || *s == '-'))
            s++;
        const char *q = s;
        while (*q && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
                      *q == '_' || *q == '.' || *q == '/' || *q == '-'))
            q++;
        if (q > s && *q == ':' && q[1] >= '0' && q[1] <= '9' && memchr(s, '.', (size_t)(q - s))) {
            int ln = atoi(q + 1);
            char path[256];
            size_t l = (size_t)(q - s) < sizeof path - 1 ? (size_t)(q - s) : sizeof path - 1;
            memcpy(path, s, l);
            path[l] = '\0';
            (*findings)++;
            for (size_t i = 0; i < n; i++) {
                size_t pl = strlen(cl[i].path);
                /* "src/x.c" or "./src/x.c" or "a/src/x.c" name the same file */
                bool same = !strcmp(cl[i].path, path) ||
                            (l > pl && !strcmp(path + l - pl, cl[i].path) && path[l - pl - 1] == '/');
                if (same && cl[i].line == ln) {
                    (*on_changed)++;
                    break;
                }
            }
            p = q + 1;
            while (*p >= '0' && *p <= '9') p++;
            continue;
        }
        p = *q ? q + 1 : q;
    }
    free(cl);
}

/* ---------------------------------------------------------------- reclaim */

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)st;
    (void)f;
    if (flag == FTW_DP) rmdir(path);
    else unlink(path);
    return 0;
}

/* rm -rf path (never follows links). */
static void rm_tree(const char *path)
{
    nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

void fm_agent_work_reclaim(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/work", dir);
    rm_tree(p);
    snprintf(p, sizeof p, "%s/git", dir);
    rm_tree(p);
}

int fm_agent_work_lock(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/.lock", dir);
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static _Thread_local uint64_t du_total;

static int du_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)path;
    (void)f;
    if (flag == FTW_F) du_total += (uint64_t)st->st_blocks * 512u;
    return 0;
}

static uint64_t du(const char *path)
{
    du_total = 0;
    nftw(path, du_one, 16, FTW_PHYS | FTW_MOUNT);
    return du_total;
}

typedef struct task_dir {
    char path[PATH_MAX];
    time_t mtime;
    uint64_t bytes;
} task_dir;

static int by_age(const void *a, const void *b)
{
    const task_dir *x = a, *y = b;
    return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

int fm_agent_work_cap(const char *ws, uint64_t max_bytes)
{
    if (max_bytes == 0) return 0;
    DIR *d = opendir(ws);
    if (!d) return 0;
    task_dir *dirs = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        task_dir t;
        snprintf(t.path, sizeof t.path, "%s/%s", ws, e->d_name);
        struct stat st;
        if (lstat(t.path, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        t.mtime = st.st_mtime;
        t.bytes = du(t.path);
        total += t.bytes;
        if (n == cap) {
            task_dir *nd = realloc(dirs, (cap = cap ? cap * 2 : 16) * sizeof *nd);
            if (!nd) break;
            dirs = nd;
        }
        dirs[n++] = t;
    }
    closedir(d);
    qsort(dirs, n, sizeof *dirs, by_age);
    int removed = 0;
    /* oldest first, never a directory a run still holds */
    for (size_t i = 0; i < n && total > max_bytes; i++) {
        int fd = fm_agent_work_lock(dirs[i].path);
        if (fd < 0) continue;
        rm_tree(dirs[i].path);
        close(fd);
        total -= dirs[i].bytes;
        removed++;
    }
    free(dirs);
    return removed;
}

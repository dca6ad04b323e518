/*
 * executor_native.c - the `native` executor: the tool-calling loop of
 * agent_loop.h for one task.
 *
 * Per task it makes a fresh directory under the workspace
 * (<workspace>/<namespace>-<name>-XXXXXX) holding work/ (the tools' root:
 * the task's repository cloned there when spec.payload.repo is a local path,
 * file:// or http(s) URL, else empty) and transcript.jsonl (every request
 * and streamed event, tool result and note, capped). The API key is read
 * from --llm-api-key-file for each run and kept out of logs, messages and
 * the sandbox (the file is on the sandbox's deny list).
 *
 * Outcome: submit_result's verdict GO / NO-GO with its summary; verdict
 * ERROR, a spent budget, a stuck loop, a model that never calls a tool or
 * a failing server fail the task (agent_loop.h lists the reasons). extra
 * holds turns, usage (server counts, or estimates), tool calls, files
 * changed, details and the transcript's size.
 */
#include "agent_loop.h"
#include "agent_work.h"
#include "executor.h"

#include "error.h"
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Reads the API key file: the first line, trimmed. NULL on error. */
static char *read_key(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n < 0) return NULL;
    buf[n] = '\0';
    size_t l = strcspn(buf, "\r\n");
    while (l > 0 && (buf[l - 1] == ' ' || buf[l - 1] == '\t')) l--;
    char *k = fm_strndup(buf, l);
    memset(buf, 0, sizeof(buf));
    return k;
}

/* The prompt file's text (at most 256 KiB), or NULL. */
static char *read_prompt_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    size_t cap = 256 * 1024, len = 0;
    char *b = malloc(cap + 1);
    ssize_t n;
    while (b && len < cap && (n = read(fd, b + len, cap - len)) > 0) len += (size_t)n;
    close(fd);
    if (b) b[len] = '\0';
    return b;
}

/* git status's output: stdout into the buffer (more than 1 MiB stops the
 * run), stderr to the agent's own stderr, as an inherited fd 2 would. */
static int git_status_output(void *ud, int stream, const char *data, size_t len)
{
    fm_buf *out = ud;
    if (stream == 2) {
        ssize_t w = write(STDERR_FILENO, data, len);
        (void)w;
        return 0;
    }
    if (out->len >= (1u << 20)) return 1;
    return fm_buf_put(out, data, len) < 0 ? 1 : 0;
}

/*
 * Adds to changed what git sees changed in the clone at work (edits made
 * through bash included): `git status --porcelain -z`, untracked files
 * too. Nothing when work is not a repository or git fails.
 */
static void git_changed(fm_list *changed, const char *work)
{
    char gitdir[PATH_MAX + 16];
    snprintf(gitdir, sizeof(gitdir), "%s/.git", work);
    if (access(gitdir, F_OK) != 0) return;
    const char *argv[] = {"git", "-C", work, "status", "--porcelain=v1", "-z", "--untracked-files=all", NULL};
    static char *const env[] = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/nonexistent", "GIT_CONFIG_NOSYSTEM=1",
                                "GIT_OPTIONAL_LOCKS=0", NULL};
    fm_buf out = FM_BUF_INIT;
    fm_proc_spec ps = FM_PROC_SPEC_INIT;
    fm_proc_result pr;
    ps.path = "git";
    ps.argv = (char *const *)argv;
    ps.envp = env;
    ps.on_output = git_status_output; /* stdout kept (1 MiB), stderr to ours */
    ps.output_ud = &out;
    int rc = fm_proc_run(&pr, &ps);
    bool ok = rc == 0 && pr.exited && pr.exit_code == 0 && !pr.cancelled && out.data;
    fm_proc_result_free(&pr);
    if (!ok) {
        fm_buf_free(&out);
        return;
    }
    for (size_t at = 0; at + 3 < out.len;) {
        const char *e = out.data + at;
        size_t l = strlen(e);
        bool rename = e[0] == 'R' || e[0] == 'C';
        const char *path = e + 3;
        bool seen = false;
        char **items = changed->items;
        for (size_t i = 0; i < changed->len && !seen; i++) seen = strcmp(items[i], path) == 0;
        if (!seen) (void)fm_strlist_push(changed, path);
        at += l + 1;
        if (rename) at += strlen(out.data + at) + 1; /* the old name */
    }
    fm_buf_free(&out);
}

typedef struct progress_ctx {
    const fm_executor_config *cfg;
} progress_ctx;

static void on_progress(void *ctx, const fm_agent_progress *p)
{
    progress_ctx *pc = ctx;
    char msg[256];
    snprintf(msg, sizeof(msg), "turn %d, tokens in %lld out %lld, last tool %s, %.0fs", p->turns,
             (long long)p->prompt_tokens, (long long)p->completion_tokens, p->last_tool[0] ? p->last_tool : "-",
             p->elapsed_sec);
    pc->cfg->progress(pc->cfg->progress_ctx, msg);
}

static void native_run(fm_executor_run *r, const fm_executor_config *cfg, const fm_executor_task *t, fm_executor_result *res)
{
    const fm_executor_native_config *nc = cfg->native;
    const char *ws = cfg->workspace_dir && cfg->workspace_dir[0] ? cfg->workspace_dir : EXECUTOR_WORKSPACE_DEFAULT;
    char dir[PATH_MAX], work[PATH_MAX + 8], transcript[PATH_MAX + 32];
    char *key = NULL;
    fm_tools_ctx tools;
    memset(&tools, 0, sizeof(tools));
    tools.root_fd = -1;
    fm_agent_loop_result lr;
    memset(&lr, 0, sizeof(lr));
    fm_agent_work aw;
    memset(&aw, 0, sizeof(aw));
    int lock_fd = -1;
    aw.log_fd = -1;
    res->kind = "native";
    res->failed = true;
    res->reason = "ExecutorError";
    if (!nc || !nc->base_url || !nc->base_url[0]) {
        res->message = fm_strdup("native executor: no model server configured (--llm-base-url)");
        return;
    }
    /* the host's cap: the oldest finished task directories go first */
    if (nc->workspace_max_mib > 0) fm_agent_work_cap(ws, (uint64_t)nc->workspace_max_mib * 1024u * 1024u);
    if (fm_executor_mkdir_p(ws) != 0 ||
        snprintf(dir, sizeof(dir), "%s/%s-%s-XXXXXX", ws, t->namespace_ ? t->namespace_ : "",
                 t->name ? t->name : "task") >= (int)sizeof(dir) ||
        mkdtemp(dir) == NULL) {
        if (asprintf(&res->message, "native executor: creating a task directory in %s: %s", ws, strerror(errno)) < 0)
            res->message = NULL;
        return;
    }
    res->workdir = fm_strdup(dir);
    lock_fd = fm_agent_work_lock(dir); /* keeps the cap of another run away */
    snprintf(work, sizeof(work), "%s/work", dir);
    snprintf(transcript, sizeof(transcript), "%s/transcript.jsonl", dir);
    /* the clone and work branch, or an empty directory (agent_work.h) */
    const char *prep_reason = NULL;
    if (fm_agent_work_prepare(&aw, dir, nc, t, &prep_reason) != 0) {
        res->reason = prep_reason;
        res->message = fm_strdup(fm_error_last()->message);
        goto done;
    }
    if (nc->api_key && nc->api_key[0]) {
        if (!(key = fm_strdup(nc->api_key))) {
            res->message = fm_strdup("native executor: out of memory");
            goto done;
        }
    } else if (nc->api_key_file && nc->api_key_file[0] && !(key = read_key(nc->api_key_file))) {
        /* the path is ours to name; the content never is */
        if (asprintf(&res->message, "native executor: API key file %s: %s", nc->api_key_file, strerror(errno)) < 0)
            res->message = NULL;
        goto done;
    }
    if (fm_tools_open(&tools, work) != 0) {
        res->message = fm_strdup(fm_error_last()->message);
        goto done;
    }
    tools.allowed = nc->tools_allowed;
    tools.sandbox.disabled = nc->sandbox_off;
    tools.sandbox.allow_network = nc->tool_network;
    size_t nd = 0;
    for (size_t i = 0; i < sizeof(nc->deny_read) / sizeof(nc->deny_read[0]) && nd < SANDBOX_MAX_DENY - 1; i++)
        if (nc->deny_read[i] && nc->deny_read[i][0]) tools.sandbox.deny_read[nd++] = nc->deny_read[i];
    if (nc->api_key_file && nc->api_key_file[0] && nd < SANDBOX_MAX_DENY) tools.sandbox.deny_read[nd++] = nc->api_key_file;

    fm_agent_loop_config lc;
    memset(&lc, 0, sizeof(lc));
    fm_agent_work_attach(&aw, &tools, fm_executor_run_wake_fd(r), &lc);
    if (fm_agent_work_verify(&aw, res)) goto done; /* a verify task: the gate only */
    lc.llm.base_url = nc->base_url;
    lc.llm.model = nc->model && nc->model[0] ? nc->model : t->model_ref ? t->model_ref : "default";
    lc.llm.api_key = key;
    lc.llm.connect_timeout_ns = nc->connect_timeout_ns;
    lc.llm.first_byte_timeout_ns = nc->first_byte_timeout_ns;
    lc.llm.idle_timeout_ns = nc->idle_timeout_ns;
    lc.llm.max_output_tokens = nc->max_output_tokens;
    lc.llm.has_temperature = nc->has_temperature;
    lc.llm.temperature = nc->temperature;
    lc.tool_choice = nc->tool_choice;
    lc.text_call_format = nc->text_call_format;
    lc.max_turns = nc->max_turns;
    lc.max_output_tokens = nc->run_output_tokens;
    /* finish inside the task's timeout: leave the agent's stop a margin */
    if (cfg->timeout_ns > 0) {
        int64_t margin = cfg->timeout_ns / 20;
        if (margin > 30 * INT64_C(1000000000)) margin = 30 * INT64_C(1000000000);
        lc.budget_ns = cfg->timeout_ns - margin;
    }
    lc.stuck_repeat = nc->stuck_repeat;
    lc.stuck_turns = nc->stuck_turns;
    char *sp = NULL;
    bool as_file = false;
    if (nc->system_prompt_addendum && nc->system_prompt_addendum[0]) {
        /* the addendum goes after whichever prompt applies (agentdef.h) */
        char *filed = NULL;
        const char *basep = nc->system_prompt;
        if (!basep && nc->system_prompt_file && nc->system_prompt_file[0])
            basep = filed = read_prompt_file(nc->system_prompt_file);
        if (!basep) basep = fm_agent_loop_default_prompt(t->kind);
        if (asprintf(&sp, "%s\n\n%s", basep, nc->system_prompt_addendum) < 0) sp = NULL;
        free(filed);
    } else if (nc->system_prompt) {
        sp = fm_strdup(nc->system_prompt);
    } else if (nc->system_prompt_file && nc->system_prompt_file[0]) {
        if (asprintf(&sp, "@%s", nc->system_prompt_file) < 0) sp = NULL;
        as_file = true;
    }
    /* the loop reads a prompt starting with '@' as a file name */
    if (sp && sp[0] == '@' && !as_file) sp[0] = ' ';
    lc.system_prompt = sp;
    lc.transcript_path = transcript;
    progress_ctx pc = {cfg};
    if (cfg->progress) {
        lc.progress = on_progress;
        lc.progress_ctx = &pc;
    }
    fm_executor_task lt;
    fm_agent_work_task(&aw, &lt);
    int rc = fm_agent_loop_run(&lr, &lc, &tools, &lt, fm_executor_run_wake_fd(r));
    free(sp);
    if (rc != 0) {
        res->message = fm_strdup(fm_error_last()->message);
        goto done;
    }
    res->transcript_ref = fm_strdup(transcript);
    git_changed(&tools.changed, work);
    fm_executor_stop_reason why;
    if (lr.failed && !strcmp(lr.reason, "Cancelled") && fm_executor_run_stop_requested(r, &why, NULL)) {
        res->stopped = why;
        res->reason = fm_executor_stop_reason_name(why);
    } else {
        res->reason = lr.reason;
    }
    res->failed = lr.failed;
    res->verdict = lr.verdict;
    res->message = lr.message;
    lr.message = NULL;
    res->summary = lr.summary;
    lr.summary = NULL;
    {
        fm_buf x = FM_BUF_INIT;
        int e = fm_buf_printf(&x, "{\"turns\":%d,\"usage\":{\"promptTokens\":%lld,\"completionTokens\":%lld,"
                                  "\"estimated\":%s},\"toolCalls\":%d,\"toolErrors\":%d,\"model\":",
                              lr.turns, (long long)lr.prompt_tokens, (long long)lr.completion_tokens,
                              lr.usage_estimated ? "true" : "false", lr.tool_calls, lr.tool_errors);
        e |= fm_buf_put_json_string(&x, lc.llm.model, strlen(lc.llm.model));
        e |= fm_buf_puts(&x, ",\"filesChanged\":[");
        char **ch = tools.changed.items;
        for (size_t i = 0; i < tools.changed.len && i < 200; i++) {
            if (i) e |= fm_buf_puts(&x, ",");
            e |= fm_buf_put_json_string(&x, ch[i], strlen(ch[i]));
        }
        e |= fm_buf_puts(&x, "]");
        if (lr.details) {
            e |= fm_buf_puts(&x, ",\"details\":");
            e |= fm_buf_put_json_string(&x, lr.details, strnlen(lr.details, 16384));
        }
        if (lr.failed && lr.reason) e |= fm_buf_printf(&x, ",\"stopReason\":\"%s\"", lr.reason);
        e |= fm_buf_printf(&x, ",\"transcriptBytes\":%zu,\"transcriptTruncated\":%s}", lr.transcript_bytes,
                           lr.transcript_truncated ? "true" : "false");
        if (!e) res->extra = fm_buf_detach(&x);
        fm_buf_free(&x);
    }
    fm_agent_work_finish(&aw, res, lr.details);
done:
    if (key) {
        memset(key, 0, strlen(key));
        free(key);
    }
    fm_tools_close(&tools);
    fm_agent_loop_result_clear(&lr);
    fm_agent_work_clear(&aw);
    /* the work tree and the repository go; transcript and logs stay */
    if (!nc->workspace_keep) fm_agent_work_reclaim(dir);
    if (lock_fd >= 0) close(lock_fd);
}

const fm_executor_ops fm_executor_native_ops = {"native", native_run};

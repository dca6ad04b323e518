/*
 * agent_loop.c - the native tool-calling loop. See agent_loop.h.
 */
#include "agent_loop.h"

#include "clock.h"
#include "error.h"
#include "kube_json.h"
#include "llm_textcalls.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define NS_PER_S INT64_C(1000000000)
#define SEEN_MAX 512
#define ORIENT_FILES_MAX 40

/* ------------------------------------------------------------ prompts */

static const char PROMPT_COMMON[] =
    "You work inside a sandboxed workspace through tools: read_file, write_file, str_replace, "
    "list_files, grep and bash (no network). Paths are relative to the workspace root. "
    "Work step by step: look before you change, make the smallest correct change, and check it "
    "(build, run the tests) with bash. Call exactly one tool per turn. When you are done, call "
    "submit_result with verdict GO (done and verified), NO-GO (it should not go ahead) or ERROR "
    "(you could not do it), a one-line summary and optional details. submit_result is the only "
    "way to finish; plain text answers are not seen by anyone.";

const char *fm_agent_loop_default_prompt(const char *kind)
{
    static const char issue_fix[] =
        "You are a careful software engineer fixing an issue in the repository in your workspace. ";
    static const char verify[] =
        "You are a reviewer verifying work in the repository in your workspace: build it, run its "
        "tests, read the change, and judge it. Do not change files unless asked. ";
    static const char freeform[] = "You are a capable engineering agent. ";
    static char buf[3][sizeof(PROMPT_COMMON) + 256];
    int i = kind && !strcmp(kind, "issue-fix") ? 0 : kind && !strcmp(kind, "verify") ? 1 : 2;
    if (!buf[i][0]) snprintf(buf[i], sizeof(buf[i]), "%s%s", i == 0 ? issue_fix : i == 1 ? verify : freeform, PROMPT_COMMON);
    return buf[i];
}

/* ------------------------------------------------------------ transcript */

typedef struct transcript {
    int fd;
    size_t written, max;
    bool truncated;
    int64_t t0;
} transcript;

/* Appends one JSON line {"t":..,"kind":..,"data":..}; data is raw JSON when
 * raw, else a string. Past the cap, one marker line and nothing more. */
static void tr_write(transcript *tr, const char *kind, const char *data, size_t len, bool raw)
{
    if (tr->fd < 0 || tr->truncated) return;
    fm_buf b = FM_BUF_INIT;
    int rc = fm_buf_printf(&b, "{\"t\":%.3f,\"kind\":\"%s\",\"data\":",
                           (double)(fm_clock_now(NULL) - tr->t0) / 1e9, kind);
    if (raw) rc |= fm_buf_put(&b, data, len);
    else rc |= fm_buf_put_json_string(&b, data, len);
    rc |= fm_buf_puts(&b, "}\n");
    if (rc == 0) {
        if (tr->written + b.len > tr->max) {
            tr->truncated = true;
            static const char m[] = "{\"kind\":\"truncated\",\"data\":\"transcript cap reached\"}\n";
            if (write(tr->fd, m, sizeof(m) - 1) > 0) tr->written += sizeof(m) - 1;
        } else if (write(tr->fd, b.data, b.len) == (ssize_t)b.len) {
            tr->written += b.len;
        }
    }
    fm_buf_free(&b);
}

/* The fm_llm_request hook: requests and events are JSON already. */
static void on_llm_event(void *ctx, const char *kind, const char *data, size_t len)
{
    transcript *tr = ctx;
    bool raw = strcmp(kind, "request") == 0 || (strcmp(kind, "event") == 0 && len > 0 && data[0] == '{');
    tr_write(tr, kind, data, len, raw);
}

/* ------------------------------------------------------------ messages */

typedef struct msg {
    char *json;              /* the message as sent */
    char *masked;            /* one-line stand-in for a tool result, or NULL */
} msg;

typedef struct convo {
    msg *m;
    size_t n, cap;
    size_t fixed;            /* messages never masked (the prefix) */
    size_t mask_upto;        /* tool results before this index are masked */
    size_t chars;            /* rendered size */
} convo;

static void convo_free(convo *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->m[i].json);
        free(c->m[i].masked);
    }
    free(c->m);
    memset(c, 0, sizeof(*c));
}

static size_t msg_len(const convo *c, size_t i)
{
    const msg *m = &c->m[i];
    return strlen(i < c->mask_upto && m->masked ? m->masked : m->json);
}

/* Takes json (and masked). Returns 0 or FM_ENOMEM. */
static int convo_push(convo *c, char *json, char *masked)
{
    if (!json) {
        free(masked);
        return fm_error_set(FM_ENOMEM, "agent loop: out of memory");
    }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 32;
        msg *m = realloc(c->m, nc * sizeof(msg));
        if (!m) {
            free(json);
            free(masked);
            return fm_error_set(FM_ENOMEM, "agent loop: out of memory");
        }
        c->m = m;
        c->cap = nc;
    }
    c->m[c->n].json = json;
    c->m[c->n].masked = masked;
    c->n++;
    c->chars += strlen(json) + 1;
    return 0;
}

/* A {"role":role,"content":text} message. */
static char *text_msg(const char *role, const char *text, size_t len)
{
    fm_buf b = FM_BUF_INIT;
    int rc = fm_buf_printf(&b, "{\"role\":\"%s\",\"content\":", role);
    rc |= fm_buf_put_json_string(&b, text, len);
    rc |= fm_buf_puts(&b, "}");
    if (rc) {
        fm_buf_free(&b);
        return NULL;
    }
    return fm_buf_detach(&b);
}

/*
 * Keeps the conversation under the context budget by masking old tool
 * results. The boundary jumps to "all but the last `keep` messages" so the
 * rendered prefix then stays identical for many turns.
 */
static void convo_fit(convo *c, size_t budget)
{
    if (c->chars <= budget) return;
    size_t keep = 6;
    size_t upto = c->n > keep ? c->n - keep : 0;
    if (upto <= c->mask_upto) return;
    /* the boundary never moves back: a masked result's full text is dropped */
    for (size_t i = c->mask_upto > c->fixed ? c->mask_upto : c->fixed; i < upto; i++)
        if (c->m[i].masked) {
            free(c->m[i].json);
            c->m[i].json = c->m[i].masked;
            c->m[i].masked = NULL;
        }
    c->mask_upto = upto;
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++) total += msg_len(c, i) + 1;
    c->chars = total;
}

static int convo_render(fm_buf *out, const convo *c)
{
    fm_buf_reset(out);
    int rc = fm_buf_put(out, "[", 1);
    for (size_t i = 0; i < c->n; i++) {
        const msg *m = &c->m[i];
        if (i) rc |= fm_buf_put(out, ",", 1);
        rc |= fm_buf_puts(out, i >= c->fixed && i < c->mask_upto && m->masked ? m->masked : m->json);
    }
    rc |= fm_buf_put(out, "]", 1);
    return rc ? fm_error_set(FM_ENOMEM, "agent loop: out of memory") : 0;
}

/* ------------------------------------------------------------ helpers */

static uint64_t fnv1a(const char *a, const char *b)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = a; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
    for (const char *p = b; *p; p++)
        if (!isspace((unsigned char)*p)) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h;
}

/* The tool_choice for turn i of policy "a,b,c". */
static void policy_at(char *out, size_t cap, const char *policy, int turn)
{
    const char *p = policy && policy[0] ? policy : "auto";
    for (int i = 0; i < turn; i++) {
        const char *comma = strchr(p, ',');
        if (!comma) break;
        p = comma + 1;
    }
    size_t n = strcspn(p, ",");
    snprintf(out, cap, "%.*s", (int)n, p);
}

static bool json_object_ok(const char *s, size_t len)
{
    size_t p = 0;
    while (p < len && isspace((unsigned char)s[p])) p++;
    if (p >= len || s[p] != '{') return false;
    if (fm_kube_json_skip(s, len, &p) != 0) return false;
    while (p < len && isspace((unsigned char)s[p])) p++;
    return p == len;
}

static bool stop_requested(int wake_fd)
{
    if (wake_fd < 0) return false;
    struct pollfd p = {wake_fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

/* The orientation message: workspace root, top-level entries, how to finish. */
static char *orientation(const fm_tools_ctx *tools)
{
    fm_buf b = FM_BUF_INIT;
    /* no absolute path here: small models copy it into every call, and a
     * random directory name makes the prompt (and so a temperature-0
     * answer) differ from run to run */
    int rc = fm_buf_puts(&b, "The workspace root is the current directory of every tool; use relative paths. "
                             "Top-level entries:");
    int fd = openat(tools->root_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    char *names[ORIENT_FILES_MAX];
    size_t n = 0;
    bool more = false;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        if (n >= ORIENT_FILES_MAX) {
            more = true;
            continue;
        }
        bool dir = de->d_type == DT_DIR;
        if (asprintf(&names[n], "%s%s", de->d_name, dir ? "/" : "") >= 0) n++;
    }
    if (d) closedir(d);
    else if (fd >= 0) close(fd);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        rc |= fm_buf_printf(&b, " %s", names[i]);
        free(names[i]);
    }
    if (n == 0) rc |= fm_buf_puts(&b, " (empty)");
    if (more) rc |= fm_buf_puts(&b, " ...");
    if (tools->allowed && (tools->allowed | TOOL_SUBMIT_RESULT) != TOOLS_ALL_BITS) {
        /* the prompt names every tool; say which this agent has */
        rc |= fm_buf_puts(&b, "\nYour tools here are only: ");
        rc |= fm_tools_names(&b, tools->allowed);
        rc |= fm_buf_puts(&b, ".");
    }
    rc |= fm_buf_puts(&b, "\nFinish by calling submit_result (verdict, summary, details).");
    if (rc) {
        fm_buf_free(&b);
        return NULL;
    }
    return fm_buf_detach(&b);
}

/* The task message: the prompt and the payload. */
static char *task_text(const fm_executor_task *t)
{
    fm_buf b = FM_BUF_INIT;
    int rc = fm_buf_printf(&b, "Task %s/%s (kind %s).\n\n", t->namespace_ ? t->namespace_ : "",
                           t->name ? t->name : "", t->kind ? t->kind : "freeform");
    rc |= fm_buf_puts(&b, t->prompt && t->prompt[0] ? t->prompt : "(no prompt given)");
    if (t->repo) rc |= fm_buf_printf(&b, "\n\nRepository: %s", t->repo);
    if (t->branch) rc |= fm_buf_printf(&b, "\nBranch: %s", t->branch);
    if (t->has_issue) rc |= fm_buf_printf(&b, "\nIssue: #%d", (int)t->issue);
    const char *v;
    size_t vl;
    if (t->json && fm_kube_json_path(t->json, t->json_len, "spec.payload", &v, &vl) == 0) {
        rc |= fm_buf_puts(&b, "\n\nPayload (JSON): ");
        rc |= fm_buf_put(&b, v, vl > 8192 ? 8192 : vl);
    }
    if (rc) {
        fm_buf_free(&b);
        return NULL;
    }
    return fm_buf_detach(&b);
}

static char *slurp(const char *path, size_t max)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    fm_buf b = FM_BUF_INIT;
    char chunk[8192];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof(chunk))) > 0 && b.len < max) fm_buf_put(&b, chunk, (size_t)n);
    close(fd);
    if (!b.data) fm_buf_put(&b, "", 0);
    return fm_buf_detach(&b);
}

/* ------------------------------------------------------------ the loop */

void fm_agent_loop_result_clear(fm_agent_loop_result *res)
{
    if (!res) return;
    free(res->message);
    free(res->summary);
    free(res->details);
    memset(res, 0, sizeof(*res));
}

static void end_failed(fm_agent_loop_result *res, const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void end_failed(fm_agent_loop_result *res, const char *reason, const char *fmt, ...)
{
    res->failed = true;
    res->verdict = FM_VERDICT_INCOMPLETE;
    res->reason = reason;
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) < 0) m = NULL;
    va_end(ap);
    free(res->message);
    res->message = m;
}

/* submit_result: fills res and returns 1 when the arguments are good; else
 * writes the complaint to err and returns 0. */
static int take_submit(fm_agent_loop_result *res, const char *args, size_t len, fm_buf *err)
{
    char *verdict = fm_kube_json_path_string(args, len, "verdict");
    char *summary = fm_kube_json_path_string(args, len, "summary");
    char *details = fm_kube_json_path_string(args, len, "details");
    int ok = 0;
    if (!verdict || (strcasecmp(verdict, "GO") && strcasecmp(verdict, "NO-GO") && strcasecmp(verdict, "NOGO") &&
                     strcasecmp(verdict, "ERROR"))) {
        fm_buf_puts(err, "error: submit_result needs \"verdict\": \"GO\", \"NO-GO\" or \"ERROR\"");
    } else if (!summary || !summary[0]) {
        fm_buf_puts(err, "error: submit_result needs a one-line \"summary\"");
    } else {
        ok = 1;
        free(res->summary);
        res->summary = summary;
        summary = NULL;
        res->details = details;
        details = NULL;
        if (!strcasecmp(verdict, "GO")) res->verdict = FM_VERDICT_GO;
        else if (!strcasecmp(verdict, "ERROR")) {
            res->failed = true;
            res->verdict = FM_VERDICT_INCOMPLETE;
            res->reason = "AgentError";
            res->message = fm_strdup(res->summary);
        } else res->verdict = FM_VERDICT_NO_GO;
    }
    free(verdict);
    free(summary);
    free(details);
    return ok;
}

/* One parsed tool call of a turn. */
typedef struct call {
    char id[48];
    const char *name;        /* borrowed from the message or text calls */
    const char *args;
    size_t args_len;
} call;

int fm_agent_loop_run(fm_agent_loop_result *res, const fm_agent_loop_config *cfg_in, fm_tools_ctx *tools,
                   const fm_executor_task *t, int wake_fd)
{
    memset(res, 0, sizeof(*res));
    fm_agent_loop_config cfg = *cfg_in;
    if (cfg.max_turns <= 0) cfg.max_turns = AGENT_LOOP_TURNS_DEFAULT;
    if (!cfg.context_chars) cfg.context_chars = AGENT_LOOP_CONTEXT_CHARS_DEFAULT;
    if (cfg.max_nudges <= 0) cfg.max_nudges = 3;
    if (cfg.max_resample <= 0) cfg.max_resample = 2;
    if (cfg.max_continue <= 0) cfg.max_continue = 3;
    if (cfg.stuck_repeat <= 0) cfg.stuck_repeat = 3;
    if (cfg.stuck_turns <= 0) cfg.stuck_turns = 8;
    if (!cfg.transcript_max) cfg.transcript_max = AGENT_LOOP_TRANSCRIPT_MAX_DEFAULT;
    if (cfg.progress_interval_ns <= 0) cfg.progress_interval_ns = AGENT_LOOP_PROGRESS_INTERVAL_NS;

    int64_t t0 = fm_clock_now(NULL);
    int64_t deadline = cfg.budget_ns > 0 ? t0 + cfg.budget_ns : 0;
    transcript tr = {-1, 0, cfg.transcript_max, false, t0};
    if (cfg.transcript_path)
        tr.fd = open(cfg.transcript_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_APPEND, 0600);
    fm_llm_client *client = NULL;
    convo cv;
    memset(&cv, 0, sizeof(cv));
    fm_buf body = FM_BUF_INIT, out = FM_BUF_INIT, schema = FM_BUF_INIT;
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    fm_llm_text_calls tc;
    memset(&tc, 0, sizeof(tc));
    uint64_t seen[SEEN_MAX];
    size_t n_seen = 0;
    uint64_t last_sig = 0;
    int repeat = 0, no_progress = 0, nudges = 0, continues = 0;
    bool stuck_nudged = false, final_offered = false;
    int64_t last_progress = 0;
    int rc = 0;

    tools->wake_fd = wake_fd;
    tools->deadline_ns = deadline;
    /* the Agent's tools only (tools->allowed); the same array every turn */
    if ((rc = fm_tools_schema_allowed(&schema, tools->allowed)) != 0) goto done;
    if ((rc = fm_llm_client_new(&client, &cfg.llm)) != 0) {
        end_failed(res, "ExecutorError", "%s", fm_error_last()->message);
        rc = 0;
        goto done;
    }
    {
        char *sys_text = NULL;
        if (cfg.system_prompt && cfg.system_prompt[0] == '@') {
            sys_text = slurp(cfg.system_prompt + 1, 256 * 1024);
            if (!sys_text) {
                end_failed(res, "ExecutorError", "system prompt file %s: %s", cfg.system_prompt + 1, strerror(errno));
                goto done;
            }
        }
        const char *sys = sys_text ? sys_text : cfg.system_prompt ? cfg.system_prompt : fm_agent_loop_default_prompt(t->kind);
        char *task = task_text(t), *orient = orientation(tools);
        rc = convo_push(&cv, text_msg("system", sys, strlen(sys)), NULL);
        if (!rc) rc = convo_push(&cv, task ? text_msg("user", task, strlen(task)) : NULL, NULL);
        if (!rc) rc = convo_push(&cv, orient ? text_msg("user", orient, strlen(orient)) : NULL, NULL);
        free(sys_text);
        free(task);
        free(orient);
        if (rc) goto done;
        cv.fixed = cv.n;
    }

    int resample = 0;
    for (;;) {
        if (stop_requested(wake_fd)) {
            end_failed(res, "Cancelled", "the run was stopped after %d turns", res->turns);
            break;
        }
        int64_t now = fm_clock_now(NULL);
        if (deadline && now >= deadline) {
            end_failed(res, "Timeout", "the time budget ran out after %d turns without submit_result", res->turns);
            break;
        }
        if (res->turns >= cfg.max_turns) {
            end_failed(res, "TurnBudget", "%d turns used without submit_result", res->turns);
            break;
        }
        if (cfg.max_output_tokens > 0 && res->completion_tokens >= cfg.max_output_tokens) {
            end_failed(res, "TokenBudget", "%lld output tokens used without submit_result",
                       (long long)res->completion_tokens);
            break;
        }
        /* near the end of a budget: only submit_result */
        bool final = res->turns >= cfg.max_turns - 1 ||
                     (deadline && deadline - now < cfg.budget_ns / 10) ||
                     (cfg.max_output_tokens > 0 && cfg.max_output_tokens - res->completion_tokens < cfg.max_output_tokens / 10);
        if (final && !final_offered) {
            static const char fin[] = "Your budget is nearly spent. Call submit_result now with your verdict "
                                      "and a summary of what you did and found.";
            if ((rc = convo_push(&cv, text_msg("user", fin, sizeof(fin) - 1), NULL)) != 0) break;
            final_offered = true;
        }
        char choice[16];
        policy_at(choice, sizeof(choice), cfg.tool_choice, res->turns);
        if (final) snprintf(choice, sizeof(choice), "required");

        convo_fit(&cv, cfg.context_chars);
        if ((rc = convo_render(&body, &cv)) != 0) break;
        fm_llm_request req = {body.data, body.len, final ? fm_tools_schema(true) : schema.data, choice, deadline, wake_fd,
                           tr.fd >= 0 ? on_llm_event : NULL, &tr};
        fm_llm_stats st;
        int lrc = fm_llm_client_complete(&m, client, &req, &st);
        if (lrc == FM_ECANCELED) {
            if (deadline && fm_clock_now(NULL) >= deadline)
                end_failed(res, "Timeout", "the time budget ran out after %d turns: %s", res->turns, fm_error_last()->message);
            else
                end_failed(res, "Cancelled", "the run was stopped after %d turns", res->turns);
            break;
        }
        if (lrc != 0) {
            end_failed(res, "ModelError", "model server: %s", fm_error_last()->message);
            break;
        }
        /* usage: the server's, or an estimate (4 characters a token) */
        if (m.have_usage) {
            res->prompt_tokens += m.prompt_tokens;
            res->completion_tokens += m.completion_tokens;
        } else {
            res->usage_estimated = true;
            size_t outc = m.content.len + m.reasoning.len;
            for (size_t i = 0; i < m.n_calls; i++) outc += m.calls[i].args.len + m.calls[i].name.len;
            res->prompt_tokens += (int64_t)(body.len / 4);
            res->completion_tokens += (int64_t)(outc / 4) + 1;
        }

        /* the calls: native, else written as text */
        call calls[LLM_MAX_TOOL_CALLS];
        size_t nc = 0;
        fm_llm_text_calls_clear(&tc);
        if (m.n_calls > 0) {
            for (size_t i = 0; i < m.n_calls && nc < LLM_MAX_TOOL_CALLS; i++) {
                calls[nc].name = m.calls[i].name.data ? m.calls[i].name.data : "";
                calls[nc].args = m.calls[i].args.data ? m.calls[i].args.data : "{}";
                calls[nc].args_len = m.calls[i].args.data ? m.calls[i].args.len : 2;
                if (m.calls[i].id && strlen(m.calls[i].id) < sizeof(calls[nc].id))
                    snprintf(calls[nc].id, sizeof(calls[nc].id), "%s", m.calls[i].id);
                else
                    snprintf(calls[nc].id, sizeof(calls[nc].id), "call_%d_%zu", res->turns, i);
                nc++;
            }
        } else if (m.content.len > 0 && fm_llm_text_calls_parse_as(&tc, m.content.data, m.content.len, cfg.text_call_format) > 0) {
            for (size_t i = 0; i < tc.n; i++) {
                calls[nc].name = tc.calls[i].name;
                calls[nc].args = tc.calls[i].args;
                calls[nc].args_len = strlen(tc.calls[i].args);
                snprintf(calls[nc].id, sizeof(calls[nc].id), "call_%d_%zu", res->turns, i);
                nc++;
            }
            char fam[64];
            snprintf(fam, sizeof(fam), "tool calls parsed from text (%s)", tc.family);
            tr_write(&tr, "note", fam, strlen(fam), false);
        }
        /* parallel_tool_calls false is not always honoured: keep the first */
        if (nc > 1) nc = 1;

        /* arguments that are not JSON: resample this turn a few times, but
         * not when the answer was cut at max_tokens (the same request hits
         * the same limit; at temperature 0 it is the same answer) */
        bool bad_args = false, cut = !strcmp(m.finish_reason, "length");
        for (size_t i = 0; i < nc; i++)
            if (!json_object_ok(calls[i].args, calls[i].args_len)) bad_args = true;
        if (bad_args && resample < cfg.max_resample && !cut) {
            resample++;
            tr_write(&tr, "note", "resampling: tool call arguments are not valid JSON", 50, false);
            continue;
        }
        resample = 0;
        res->turns++;

        if (nc == 0) {
            /* no tool call: continue after a cut, else nudge */
            const char *nudge;
            char *asst = NULL;
            if (m.content.len > 0) asst = text_msg("assistant", m.content.data, m.content.len);
            if (!strcmp(m.finish_reason, "length") && continues < cfg.max_continue) {
                continues++;
                nudge = "Your answer was cut off at the output limit. Continue, and act through a tool call.";
            } else if (++nudges > cfg.max_nudges) {
                free(asst);
                end_failed(res, "NoToolCall", "the model answered %d times in a row without calling a tool",
                           nudges);
                break;
            } else if (m.content.len == 0 && m.reasoning.len > 0) {
                nudge = "You only reasoned and gave no answer. Act now: call one of the tools (or submit_result).";
            } else {
                nudge = "Plain text does nothing here. Call one of the tools; when you are done, call submit_result.";
            }
            if (asst && (rc = convo_push(&cv, asst, NULL)) != 0) break;
            if ((rc = convo_push(&cv, text_msg("user", nudge, strlen(nudge)), NULL)) != 0) break;
            goto progress;
        }
        nudges = 0;
        continues = 0;

        /* the assistant message carrying the calls */
        {
            fm_buf a = FM_BUF_INIT;
            int e = fm_buf_puts(&a, "{\"role\":\"assistant\",\"content\":");
            if (m.n_calls > 0 && m.content.len > 0) e |= fm_buf_put_json_string(&a, m.content.data, m.content.len);
            else e |= fm_buf_puts(&a, "null");
            e |= fm_buf_puts(&a, ",\"tool_calls\":[");
            for (size_t i = 0; i < nc; i++) {
                if (i) e |= fm_buf_puts(&a, ",");
                e |= fm_buf_printf(&a, "{\"id\":\"%s\",\"type\":\"function\",\"function\":{\"name\":", calls[i].id);
                e |= fm_buf_put_json_string(&a, calls[i].name, strlen(calls[i].name));
                e |= fm_buf_puts(&a, ",\"arguments\":");
                /* arguments that are not a JSON object never go back to the
                 * server: llama.cpp parses every earlier call's arguments to
                 * render the prompt and answers each later request with a
                 * 500 (the run then ended in ModelError); the call's tool
                 * result says what was wrong, the transcript has the text */
                if (json_object_ok(calls[i].args, calls[i].args_len))
                    e |= fm_buf_put_json_string(&a, calls[i].args, calls[i].args_len);
                else
                    e |= fm_buf_puts(&a, "\"{}\"");
                e |= fm_buf_puts(&a, "}}");
            }
            e |= fm_buf_puts(&a, "]}");
            if (e) {
                fm_buf_free(&a);
                rc = fm_error_set(FM_ENOMEM, "agent loop: out of memory");
                break;
            }
            if ((rc = convo_push(&cv, fm_buf_detach(&a), NULL)) != 0) break;
        }

        bool progress_made = false, submitted = false;
        for (size_t i = 0; i < nc && !submitted; i++) {
            call *c = &calls[i];
            res->tool_calls++;
            snprintf(res->last_tool, sizeof(res->last_tool), "%s", c->name);
            fm_buf_reset(&out);
            bool is_err = false;
            uint64_t sig = fnv1a(c->name, c->args);
            repeat = sig == last_sig ? repeat + 1 : 1;
            last_sig = sig;
            bool new_call = true;
            for (size_t k = 0; k < n_seen; k++)
                if (seen[k] == sig) new_call = false;
            if (new_call) {
                if (n_seen < SEEN_MAX) seen[n_seen++] = sig;
                progress_made = true;
            }
            if (!json_object_ok(c->args, c->args_len)) {
                is_err = true;
                if (cut)
                    fm_buf_printf(&out, "error: your call of %s was cut off at the output limit before its arguments "
                                        "were complete; nothing was run. Send a shorter call: one complete JSON object.",
                                  c->name);
                else
                    fm_buf_printf(&out, "error: the arguments of %s are not valid JSON; send one JSON object", c->name);
            } else if (!strcmp(c->name, "submit_result")) {
                if (take_submit(res, c->args, c->args_len, &out)) {
                    submitted = true;
                    /* a GO may be refused (a failing gate): the feedback is
                     * the call's result and the run goes on, tools and all */
                    if (cfg.on_go && !res->failed && res->verdict == FM_VERDICT_GO) {
                        int g = cfg.on_go(cfg.on_go_ctx, res, &out);
                        if (g < 0) {
                            rc = g;
                            goto done;
                        }
                        if (g > 0) {
                            submitted = false;
                            res->verdict = FM_VERDICT_UNSET;
                        }
                    }
                } else {
                    is_err = true;
                }
            } else {
                int trc = fm_tools_call(&out, tools, c->name, c->args, c->args_len, &is_err);
                if (trc == FM_ECANCELED) {
                    end_failed(res, "Cancelled", "the run was stopped during %s", c->name);
                    goto done;
                }
                if (trc != 0) {
                    rc = trc;
                    goto done;
                }
            }
            if (submitted) break;
            if (is_err) res->tool_errors++;
            tr_write(&tr, "tool", out.data ? out.data : "", out.len, false);
            /* the result, and its one-line stand-in for when it is masked */
            char head[200];
            char *path = fm_kube_json_path_string(c->args, c->args_len, "path");
            char *cmd = fm_kube_json_path_string(c->args, c->args_len, "command");
            snprintf(head, sizeof(head), "[%s %.60s%s: %zu bytes of result; masked to save context, call again if needed]",
                     c->name, path ? path : cmd ? cmd : "", (path || cmd) ? "" : "", out.len);
            free(path);
            free(cmd);
            fm_buf tm = FM_BUF_INIT, mk = FM_BUF_INIT;
            int e = fm_buf_printf(&tm, "{\"role\":\"tool\",\"tool_call_id\":\"%s\",\"content\":", c->id);
            e |= fm_buf_put_json_string(&tm, out.data ? out.data : "", out.len);
            e |= fm_buf_puts(&tm, "}");
            e |= fm_buf_printf(&mk, "{\"role\":\"tool\",\"tool_call_id\":\"%s\",\"content\":", c->id);
            e |= fm_buf_put_json_string(&mk, head, strlen(head));
            e |= fm_buf_puts(&mk, "}");
            if (e) {
                fm_buf_free(&tm);
                fm_buf_free(&mk);
                rc = fm_error_set(FM_ENOMEM, "agent loop: out of memory");
                goto done;
            }
            if ((rc = convo_push(&cv, fm_buf_detach(&tm), fm_buf_detach(&mk))) != 0) goto done;
        }
        if (submitted) break;

        /* stuck: the same call again and again, or no new call for a while */
        no_progress = progress_made ? 0 : no_progress + 1;
        if (repeat >= cfg.stuck_repeat + 2 || no_progress >= 2 * cfg.stuck_turns) {
            end_failed(res, "StuckLoop", "%s", repeat >= cfg.stuck_repeat + 2
                                                   ? "the model repeated the same tool call after being told"
                                                   : "no new tool call for many turns after being told");
            break;
        }
        if ((repeat >= cfg.stuck_repeat || no_progress >= cfg.stuck_turns) && !stuck_nudged) {
            stuck_nudged = true;
            static const char stuck[] = "You are repeating yourself without progress. Try a different approach, "
                                        "or call submit_result with what you have.";
            if ((rc = convo_push(&cv, text_msg("user", stuck, sizeof(stuck) - 1), NULL)) != 0) break;
        }
    progress:
        if (cfg.progress && fm_clock_now(NULL) - last_progress >= cfg.progress_interval_ns) {
            last_progress = fm_clock_now(NULL);
            fm_agent_progress p = {res->turns, res->prompt_tokens, res->completion_tokens, res->last_tool,
                                (double)(last_progress - t0) / 1e9};
            cfg.progress(cfg.progress_ctx, &p);
        }
    }
done:
    if (!res->summary && res->message) res->summary = fm_strdup(res->message);
    res->transcript_bytes = tr.written;
    res->transcript_truncated = tr.truncated;
    if (tr.fd >= 0) {
        char end[512];
        int n = snprintf(end, sizeof(end), "{\"verdict\":\"%s\",\"reason\":\"%s\",\"turns\":%d}",
                         fm_verdict_name(res->verdict) ? fm_verdict_name(res->verdict) : "", res->reason ? res->reason : "",
                         res->turns);
        tr_write(&tr, "end", end, (size_t)n, true);
        res->transcript_bytes = tr.written;
        close(tr.fd);
    }
    fm_llm_text_calls_clear(&tc);
    fm_llm_message_clear(&m);
    fm_buf_free(&body);
    fm_buf_free(&out);
    fm_buf_free(&schema);
    convo_free(&cv);
    fm_llm_client_free(client);
    return rc;
}

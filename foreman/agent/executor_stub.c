/*
 * executor_stub.c - the `stub` executor: waits --stub-sleep, then reports
 * verdict GO with extra {taskKind, agentName, modelRef}, as the reference
 * agent's stub mode does. Used to exercise the whole claim/run/report path
 * without running anything.
 */
#include "executor.h"

#include "error.h"
#include "goduration.h"

#include <stdio.h>
#include <string.h>

/* Appends "name":"value" (value NULL -> ""). Returns 0 or FM_ENOMEM. */
static int put_member(fm_buf *b, const char *name, const char *value, bool comma)
{
    int rc = 0;
    if (comma) rc |= fm_buf_puts(b, ",");
    rc |= fm_buf_put_json_string(b, name, strlen(name));
    rc |= fm_buf_puts(b, ":");
    rc |= fm_buf_put_json_string(b, value ? value : "", value ? strlen(value) : 0);
    return rc;
}

/* Sleeps cfg->stub_sleep_ns unless stopped first, then reports GO. */
static void stub_run(fm_executor_run *r, const fm_executor_config *cfg, const fm_executor_task *t,
                     fm_executor_result *res)
{
    int64_t start = fm_clock_now(NULL);
    int64_t sleep_ns = cfg->stub_sleep_ns > 0 ? cfg->stub_sleep_ns : 0;
    fm_executor_stop_reason why = EXECUTOR_STOP_NONE;

    res->kind = "stub";
    if (fm_executor_run_sleep_until(r, start + sleep_ns)) {
        fm_executor_run_stop_requested(r, &why, NULL);
        res->stopped = why;
        res->failed = true;
        res->reason = fm_executor_stop_reason_name(why);
        char msg[160];
        snprintf(msg, sizeof(msg), "stub executor stopped (%s) after %.3fs", res->reason,
                 (double)(fm_clock_now(NULL) - start) / 1e9);
        res->message = fm_strdup(msg);
        return;
    }

    fm_buf extra = FM_BUF_INIT;
    int rc = fm_buf_puts(&extra, "{");
    rc |= put_member(&extra, "taskKind", t->kind, false);
    rc |= put_member(&extra, "agentName", cfg->agent_name, true);
    rc |= put_member(&extra, "modelRef", t->model_ref, true);
    rc |= fm_buf_puts(&extra, "}");
    if (rc != 0) {
        fm_buf_free(&extra);
        res->failed = true;
        res->reason = "ExecutorError";
        return;
    }
    res->extra = fm_buf_detach(&extra);
    res->verdict = FM_VERDICT_GO;
    char d[GODURATION_FORMAT_MAX];
    char summary[256];
    snprintf(summary, sizeof(summary), "stub executor slept %s for %s task %s",
             fm_goduration_format(d, sleep_ns), t->kind ? t->kind : "unknown",
             t->name ? t->name : "");
    res->summary = fm_strdup(summary);
}

const fm_executor_ops fm_executor_stub_ops = {"stub", stub_run};

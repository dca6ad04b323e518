/*
 * test_agent_loop.c - the native loop against the scripted model server:
 * a whole run (native and text-written calls, edit, bash, submit), the
 * correctives (reasoning-only, prose, length, bad JSON, unknown tool), the
 * stuck-loop and budget endings, cancellation, the ERROR verdict and
 * context masking with a stable prefix.
 */
#include "agent_loop.h"
#include "error.h"
#include "scenario.h"
#include "test.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char ws[256];
static fm_tools_ctx tools;
static const fm_executor_task task = {.name = "t1", .namespace_ = "default", .kind = "issue-fix",
                                   .prompt = "Make the test pass."};

static void put(const char *rel, const char *content)
{
    char p[512];
    snprintf(p, sizeof(p), "%s/%s", ws, rel);
    FILE *f = fopen(p, "w");
    fputs(content, f);
    fclose(f);
}

static fm_agent_loop_config config_for(scn_server *s)
{
    fm_agent_loop_config c;
    memset(&c, 0, sizeof(c));
    c.llm.base_url = scn_url(s);
    c.llm.model = "scripted";
    c.llm.backoff_ns = 10 * INT64_C(1000000);
    c.llm.max_retries = -1;
    c.llm.finish_grace_ns = 100 * INT64_C(1000000);
    return c;
}

static scn_turn hermes(const char *call_json)
{
    char buf[2048];
    snprintf(buf, sizeof(buf), "<tool_call>\n%s\n</tool_call>", call_json);
    return scn_text(buf, NULL, "stop");
}

TEST(whole_run_edit_test_submit)
{
    put("calc.sh", "echo $((2+2))\n");
    put("test.sh", "test \"$(sh calc.sh)\" = 5 && echo PASS || { echo FAIL; exit 1; }\n");
    scn_turn t[6];
    t[0] = scn_tool_call("list_files", "{}", 3);
    t[1] = scn_tool_call("read_file", "{\"path\":\"calc.sh\"}", 1);
    t[2] = hermes("{\"name\": \"str_replace\", \"arguments\": {\"path\": \"calc.sh\", \"old_str\": \"2+2\", \"new_str\": \"2+3\"}}");
    t[3] = scn_tool_call("bash", "{\"command\":\"sh test.sh\"}", 5);
    t[4] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"fixed calc\",\"details\":\"2+3\"}", 4);
    scn_server *s = scn_start(t, 5);
    fm_agent_loop_config c = config_for(s);
    char tp[300];
    snprintf(tp, sizeof(tp), "%s.transcript.jsonl", ws);
    c.transcript_path = tp;
    c.tool_choice = "required,auto";
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK_INT(r.verdict, FM_VERDICT_GO);
    CHECK_STR(r.summary, "fixed calc");
    CHECK_STR(r.details, "2+3");
    CHECK_INT(r.turns, 5);
    CHECK_INT(r.prompt_tokens, 100 * 4 + r.prompt_tokens - 400); /* 4 with usage, 1 estimated */
    CHECK(r.usage_estimated); /* the text turn had no usage */
    CHECK(r.transcript_bytes > 0);
    CHECK_INT(scn_requests(s), 5);
    CHECK_CONTAINS(scn_request(s, 0), "\"tool_choice\":\"required\"");
    CHECK_CONTAINS(scn_request(s, 1), "\"tool_choice\":\"auto\"");
    CHECK_CONTAINS(scn_request(s, 0), "Make the test pass.");
    CHECK_CONTAINS(scn_request(s, 0), "calc.sh test.sh");
    CHECK_CONTAINS(scn_request(s, 4), "PASS");
    CHECK_CONTAINS(scn_request(s, 4), "\"role\":\"tool\"");
    CHECK_INT(tools.changed.len, 1);
    FILE *f = fopen(tp, "r");
    CHECK(f != NULL);
    if (f) {
        char line[256];
        int n = 0;
        while (fgets(line, sizeof(line), f)) n += strstr(line, "\"kind\":\"request\"") != NULL;
        CHECK_INT(n, 5);
        fclose(f);
    }
    unlink(tp);
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(transcript_capped)
{
    scn_turn t[2];
    t[0] = scn_tool_call("read_file", "{\"path\":\"calc.sh\"}", 1);
    t[1] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"ok\"}", 1);
    scn_server *s = scn_start(t, 2);
    fm_agent_loop_config c = config_for(s);
    char tp[300];
    snprintf(tp, sizeof(tp), "%s.capped.jsonl", ws);
    c.transcript_path = tp;
    c.transcript_max = 3000;
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK(r.transcript_truncated);
    CHECK(r.transcript_bytes <= 3000 + 64);
    FILE *f = fopen(tp, "r");
    char buf[8192];
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    buf[n] = 0;
    if (f) fclose(f);
    CHECK_CONTAINS(buf, "transcript cap reached");
    unlink(tp);
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(text_call_families_run)
{
    put("fam.txt", "alpha\n");
    scn_turn t[5];
    t[0] = scn_text("[TOOL_CALLS][{\"name\": \"read_file\", \"arguments\": {\"path\": \"fam.txt\"}}]", NULL, "stop");
    t[1] = scn_text("<|python_tag|>{\"name\": \"grep\", \"parameters\": {\"pattern\": \"alp+ha\"}}", NULL, "stop");
    t[2] = scn_text("Listing:\n```tool_code\n{\"name\": \"list_files\", \"arguments\": {\"glob\": \"fam.*\"}}\n```", NULL, "stop");
    t[3] = scn_text("{\"name\": \"submit_result\", \"arguments\": {\"verdict\": \"GO\", \"summary\": \"families\"}}", NULL, "stop");
    scn_server *s = scn_start(t, 4);
    fm_agent_loop_config c = config_for(s);
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK_STR(r.summary, "families");
    CHECK_INT(r.turns, 4);
    CHECK_INT(r.tool_errors, 0);
    CHECK_CONTAINS(scn_request(s, 1), "alpha");           /* read_file ran (Mistral) */
    CHECK_CONTAINS(scn_request(s, 2), "fam.txt:1:alpha");  /* grep ran (Llama 3) */
    CHECK_CONTAINS(scn_request(s, 3), "fam.txt\\n");      /* list_files ran (fenced) */
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(correctives_then_submit)
{
    scn_turn t[8];
    t[0] = scn_text(NULL, "I should think about this...", "stop");   /* reasoning only */
    t[1] = scn_text("I think the answer is 4.", NULL, "stop");       /* prose */
    t[2] = scn_text("Let me write a long", NULL, "length");          /* cut */
    t[3] = scn_tool_call("read_file", "{\"path\": \"calc.sh\"", 2);  /* bad JSON: resampled */
    t[4] = scn_tool_call("teleport", "{\"to\":\"mars\"}", 0);        /* unknown tool */
    t[5] = scn_tool_call("read_file", "{\"nopath\":1}", 0);          /* bad arguments */
    t[6] = scn_tool_call("submit_result", "{\"verdict\":\"NO-GO\",\"summary\":\"not worth it\"}", 0);
    scn_server *s = scn_start(t, 7);
    fm_agent_loop_config c = config_for(s);
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK_INT(r.verdict, FM_VERDICT_NO_GO);
    CHECK_INT(r.turns, 6); /* the resample is not a turn */
    CHECK_INT(r.tool_errors, 2);
    CHECK_CONTAINS(scn_request(s, 1), "You only reasoned");
    CHECK_CONTAINS(scn_request(s, 2), "Plain text does nothing");
    CHECK_CONTAINS(scn_request(s, 3), "cut off at the output limit");
    CHECK_CONTAINS(scn_request(s, 5), "unknown tool");
    CHECK_CONTAINS(scn_request(s, 6), "read_file needs");
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

/* A call cut at max_tokens (llama.cpp with a 135M model: a second, parallel
 * call and a rambling string, finish_reason length) is not resampled (the
 * same request hits the same limit), and its broken arguments never go back
 * to the server: llama.cpp answers every later request with a 500 when an
 * earlier call's arguments do not parse, which ended the run in ModelError. */
TEST(cut_call_not_resent)
{
    static const char *const cut[] = {
        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
        "\"type\":\"function\",\"function\":{\"name\":\"submit_result\",\"arguments\":\"{\\n    \\\"verdict\\\": \\\"GO\\\",\\n"
        "    \\\"summary\\\": \\\"RAMBLING file size, file size, file\"}}]},\"finish_reason\":null}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":1043,\"completion_tokens\":96,\"total_tokens\":1139}}",
    };
    scn_turn t[3];
    t[0] = scn_sse(cut, 4, true);
    t[1] = scn_tool_call("submit_result", "{\"verdict\":\"NO-GO\",\"summary\":\"short\"}", 5);
    scn_server *s = scn_start(t, 2);
    fm_agent_loop_config c = config_for(s);
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK_INT(r.verdict, FM_VERDICT_NO_GO);
    CHECK_INT(r.turns, 2);
    CHECK_INT(r.tool_errors, 1);
    CHECK_INT((int)scn_requests(s), 2); /* no resample */
    const char *second = scn_request(s, 1);
    CHECK_CONTAINS(second, "\"name\":\"submit_result\",\"arguments\":\"{}\"");
    CHECK_CONTAINS(second, "cut off at the output limit");
    CHECK(strstr(second, "RAMBLING") == NULL);
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(stuck_loop_ends)
{
    scn_turn t[8];
    for (int i = 0; i < 8; i++) t[i] = scn_tool_call("read_file", "{\"path\":\"calc.sh\"}", 0);
    scn_server *s = scn_start(t, 8);
    fm_agent_loop_config c = config_for(s);
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(r.failed);
    CHECK_STR(r.reason, "StuckLoop");
    CHECK_INT(r.turns, 5);
    CHECK_CONTAINS(scn_request(s, 3), "repeating yourself");
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(turn_budget_offers_only_submit)
{
    scn_turn t[4];
    t[0] = scn_tool_call("list_files", "{\"glob\":\"*.a\"}", 0);
    t[1] = scn_tool_call("list_files", "{\"glob\":\"*.b\"}", 0);
    t[2] = scn_tool_call("list_files", "{\"glob\":\"*.c\"}", 0);
    scn_server *s = scn_start(t, 3);
    fm_agent_loop_config c = config_for(s);
    c.max_turns = 3;
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(r.failed);
    CHECK_STR(r.reason, "TurnBudget");
    const char *last = scn_request(s, 2);
    CHECK_CONTAINS(last, "\"tool_choice\":\"required\"");
    CHECK_CONTAINS(last, "submit_result");
    CHECK(strstr(last, "\"name\":\"read_file\"") == NULL);
    CHECK(strstr(scn_request(s, 1), "\"name\":\"read_file\"") != NULL);
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

/* An Agent's spec.tools: a tool it does not list is neither in the request's
 * tools nor runnable (a call to it is a tool error); submit_result stays. */
TEST(agent_tools_limit_the_loop)
{
    put("calc.sh", "echo $((2+2))\n");
    scn_turn t[4];
    t[0] = scn_tool_call("bash", "{\"command\":\"echo pwned > pwned.txt\"}", 0);
    t[1] = hermes("{\"name\": \"write_file\", \"arguments\": {\"path\": \"pwned.txt\", \"content\": \"x\"}}");
    t[2] = scn_tool_call("read_file", "{\"path\":\"calc.sh\"}", 0);
    t[3] = scn_tool_call("submit_result", "{\"verdict\":\"NO-GO\",\"summary\":\"read only\"}", 0);
    scn_server *s = scn_start(t, 4);
    fm_agent_loop_config c = config_for(s);
    tools.allowed = TOOL_READ_FILE | TOOL_GREP;
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    tools.allowed = 0;
    CHECK(!r.failed);
    CHECK_INT(r.verdict, FM_VERDICT_NO_GO);
    CHECK_INT(r.turns, 4);
    CHECK_INT(r.tool_errors, 2);
    CHECK_INT(scn_requests(s), 4);
    for (size_t i = 0; i < scn_requests(s); i++) {
        const char *q = scn_request(s, i);
        const char *tl = strstr(q, "\"tools\":[");
        CHECK_FATAL(tl != NULL);
        CHECK_CONTAINS(tl, "\"name\":\"read_file\"");
        CHECK_CONTAINS(tl, "\"name\":\"grep\"");
        CHECK_CONTAINS(tl, "\"name\":\"submit_result\"");
        CHECK(strstr(tl, "\"name\":\"bash\"") == NULL);
        CHECK(strstr(tl, "\"name\":\"write_file\"") == NULL);
        CHECK(strstr(tl, "\"name\":\"str_replace\"") == NULL);
        CHECK(strstr(tl, "\"name\":\"list_files\"") == NULL);
    }
    CHECK_CONTAINS(scn_request(s, 0), "Your tools here are only: read_file, grep, submit_result.");
    CHECK_CONTAINS(scn_request(s, 1), "the tool \\\"bash\\\" is not available to this agent");
    CHECK_CONTAINS(scn_request(s, 2), "the tool \\\"write_file\\\" is not available to this agent");
    CHECK_CONTAINS(scn_request(s, 3), "echo $((2+2))");
    char p[512];
    snprintf(p, sizeof(p), "%s/pwned.txt", ws);
    CHECK(access(p, F_OK) != 0); /* neither call ran */
    CHECK_INT(tools.changed.len, 1); /* calc.sh from the first test only */
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

/* A ModelProfile's textToolCallFormat and toolChoice: a call written in
 * another family is prose (a nudge), the policy goes out as tool_choice. */
TEST(text_call_format_and_tool_choice)
{
    scn_turn t[3];
    t[0] = hermes("{\"name\": \"read_file\", \"arguments\": {\"path\": \"calc.sh\"}}");
    t[1] = scn_text("[TOOL_CALLS]read_file[ARGS]{\"path\":\"calc.sh\"}", NULL, "stop");
    t[2] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"read\"}", 0);
    scn_server *s = scn_start(t, 3);
    fm_agent_loop_config c = config_for(s);
    c.text_call_format = "mistral";
    c.tool_choice = "none,required";
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    CHECK_INT(r.verdict, FM_VERDICT_GO);
    CHECK_INT(r.tool_calls, 2); /* the mistral call and submit_result */
    CHECK_CONTAINS(scn_request(s, 0), "\"tool_choice\":\"none\"");
    CHECK_CONTAINS(scn_request(s, 1), "\"tool_choice\":\"required\"");
    CHECK_CONTAINS(scn_request(s, 1), "Plain text does nothing");
    CHECK_CONTAINS(scn_request(s, 2), "echo $((2+2))");
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

static void *poke(void *arg)
{
    usleep(300000);
    if (write(*(int *)arg, "x", 1) != 1) {}
    return NULL;
}

TEST(cancel_and_error_verdict)
{
    scn_turn t = scn_text("x", NULL, "stop");
    t.hang = true;
    t.cut_at = 60;
    scn_server *s = scn_start(&t, 1);
    fm_agent_loop_config c = config_for(s);
    int p[2];
    CHECK_FATAL(pipe(p) == 0);
    pthread_t th;
    pthread_create(&th, NULL, poke, &p[1]);
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, p[0]), 0);
    CHECK(r.failed);
    CHECK_STR(r.reason, "Cancelled");
    pthread_join(th, NULL);
    close(p[0]);
    close(p[1]);
    fm_agent_loop_result_clear(&r);
    scn_stop(s);

    scn_turn e = scn_tool_call("submit_result", "{\"verdict\":\"ERROR\",\"summary\":\"cannot build\"}", 0);
    s = scn_start(&e, 1);
    c = config_for(s);
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(r.failed);
    CHECK_STR(r.reason, "AgentError");
    CHECK_STR(r.summary, "cannot build");
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(context_masking_keeps_prefix)
{
    fm_buf big = FM_BUF_INIT;
    for (int i = 0; i < 400; i++) fm_buf_printf(&big, "row %d: some fairly long content here\n", i);
    put("big.txt", big.data);
    fm_buf_free(&big);
    scn_turn t[12];
    for (int i = 0; i < 11; i++) {
        char a[64];
        snprintf(a, sizeof(a), "{\"path\":\"big.txt\",\"start_line\":%d}", i + 1);
        t[i] = scn_tool_call("read_file", a, 0);
    }
    t[11] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"read\"}", 0);
    scn_server *s = scn_start(t, 12);
    fm_agent_loop_config c = config_for(s);
    c.context_chars = 40000;
    tools.result_max = 8192;
    fm_agent_loop_result r;
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &task, -1), 0);
    CHECK(!r.failed);
    const char *first = scn_request(s, 0), *last = scn_request(s, 11);
    CHECK_CONTAINS(last, "masked to save context");
    CHECK(strlen(last) < 60000);
    /* the fixed prefix (model, system, task, orientation) is byte-identical */
    const char *cut = strstr(first, "Finish by calling submit_result");
    CHECK_FATAL(cut != NULL);
    size_t n = (size_t)(cut - first);
    CHECK(strncmp(first, last, n) == 0);
    /* between two masking jumps, consecutive requests share their prefix */
    int stable = 0;
    for (size_t i = 1; i + 1 < scn_requests(s); i++) {
        const char *a = scn_request(s, i), *b = scn_request(s, i + 1);
        const char *end = strstr(a, "],\"tools\":"); /* a's messages without their "]" */
        if (end && strncmp(a, b, (size_t)(end - a)) == 0) stable++;
    }
    fprintf(stderr, "requests extending the previous one byte for byte: %d of %zu\n", stable, scn_requests(s) - 2);
    CHECK(stable >= 6);
    tools.result_max = 0;
    tools.result_max = TOOLS_RESULT_MAX_DEFAULT;
    fm_agent_loop_result_clear(&r);
    scn_stop(s);
}

TEST(native_executor_on_a_git_repo)
{
    char repo[300], cmd[900];
    snprintf(repo, sizeof(repo), "%s-repo", ws);
    snprintf(cmd, sizeof(cmd),
             "set -e; mkdir -p %s && cd %s && git init -q && printf 'echo $((1+1))\\n' > add.sh && "
             "printf 'test \"$(sh add.sh)\" = 3 && echo PASS\\n' > test.sh && git add . && "
             "git -c user.email=t@t -c user.name=t commit -qm init", repo, repo);
    CHECK_FATAL(system(cmd) == 0);
    scn_turn t[3];
    t[0] = scn_tool_call("str_replace", "{\"path\":\"add.sh\",\"old_str\":\"1+1\",\"new_str\":\"1+2\"}", 4);
    t[1] = scn_tool_call("bash", "{\"command\":\"sh test.sh && echo note > NOTES\"}", 0);
    t[2] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"tests pass\"}", 0);
    scn_server *s = scn_start(t, 3);
    fm_executor_native_config nc;
    memset(&nc, 0, sizeof(nc));
    nc.base_url = scn_url(s);
    nc.model = "scripted";
    nc.tool_choice = "required,auto";
    fm_executor_config ec;
    memset(&ec, 0, sizeof(ec));
    ec.workspace_dir = ws;
    ec.native = &nc;
    ec.timeout_ns = 60 * INT64_C(1000000000);
    fm_executor_task et = task;
    et.repo = repo;
    fm_executor_run *run = NULL;
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_native_ops, &ec, &et) == 0);
    CHECK_INT(fm_executor_wait(run, fm_clock_now(NULL) + 30 * INT64_C(1000000000)), 1);
    fm_executor_result res;
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK(!res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_GO);
    CHECK_STR(res.kind, "native");
    CHECK_STR(res.summary, "tests pass");
    CHECK_CONTAINS(res.extra, "\"turns\":3");
    CHECK_CONTAINS(res.extra, "\"filesChanged\":[\"add.sh\",\"NOTES\"]"); /* NOTES: by bash, seen by git */
    CHECK_CONTAINS(res.extra, "\"promptTokens\":300");
    CHECK_CONTAINS(scn_request(s, 2), "PASS");
    CHECK(res.transcript_ref && access(res.transcript_ref, R_OK) == 0);
    fm_buf env = FM_BUF_INIT;
    CHECK_INT(fm_executor_envelope(&env, &res), 0);
    CHECK_CONTAINS(env.data, "\"kind\":\"native\",\"verdict\":\"GO\"");
    fm_buf_free(&env);
    fm_executor_result_clear(&res);
    fm_executor_free(run);
    scn_stop(s);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", repo);
    if (system(cmd) != 0) {}
}

int main(void)
{
    snprintf(ws, sizeof(ws), "/tmp/foreman-loop-ws-XXXXXX");
    if (!mkdtemp(ws)) return 1;
    memset(&tools, 0, sizeof(tools));
    tools.wake_fd = -1;
    if (fm_tools_open(&tools, ws) != 0) return 1;
    RUN(whole_run_edit_test_submit);
    RUN(text_call_families_run);
    RUN(transcript_capped);
    RUN(correctives_then_submit);
    RUN(cut_call_not_resent);
    RUN(stuck_loop_ends);
    RUN(turn_budget_offers_only_submit);
    RUN(agent_tools_limit_the_loop);
    RUN(text_call_format_and_tool_choice);
    RUN(cancel_and_error_verdict);
    RUN(context_masking_keeps_prefix);
    RUN(native_executor_on_a_git_repo);
    fm_tools_close(&tools);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ws);
    if (system(cmd) != 0) {}
    return test_summary();
}

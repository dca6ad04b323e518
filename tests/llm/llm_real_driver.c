/*
 * llm_real_driver.c - the native loop against a real model server
 * (llama.cpp llama-server with SmolLM2-135M-Instruct, built by llmenv with
 * tests/llm/llama-required-no-prefix.patch), run by test_llm_real.sh with
 * FOREMAN_LLM_URL set.
 *
 * A 135M model is no agent, but on this server the whole exchange is real
 * and deterministic (temperature 0, one thread): turn 1 (tool_choice
 * required) is a read_file call of notes.txt with valid JSON arguments;
 * its result (the secret word) goes back in the next request; later turns
 * run with auto; the run ends with a verdict from submit_result (the model
 * calls it itself, or on the budget's last turn, where only submit_result
 * is offered with required: docs/agent-loop.md); usage comes from the
 * server; the transcript holds it all. No fallback: a run without a tool
 * call fails the test.
 */
#include "agent_loop.h"
#include "error.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char ws[256];

TEST(real_server_turns)
{
    const char *url = getenv("FOREMAN_LLM_URL");
    CHECK_FATAL(url != NULL);
    fm_tools_ctx tools;
    memset(&tools, 0, sizeof(tools));
    tools.wake_fd = -1;
    CHECK_FATAL(fm_tools_open(&tools, ws) == 0);
    char tp[300];
    snprintf(tp, sizeof(tp), "%s/../transcript-%d.jsonl", ws, (int)getpid());
    fm_agent_loop_config c;
    memset(&c, 0, sizeof(c));
    c.llm.base_url = url;
    c.llm.model = "smollm2";
    c.llm.max_output_tokens = 96;
    c.llm.has_temperature = true;
    c.llm.temperature = 0;
    c.tool_choice = "required,auto";
    c.max_turns = 4;
    c.budget_ns = 600 * INT64_C(1000000000); /* a busy 2-core machine: 30 s a prompt */
    c.system_prompt = "You are an agent. Use the read_file tool to read files.";
    c.transcript_path = tp;
    fm_executor_task t = {.name = "real", .namespace_ = "default", .kind = "freeform",
                       .prompt = "Read the file notes.txt and tell me what it says."};
    fm_agent_loop_result r;
    int64_t t0 = fm_clock_now(NULL);
    CHECK_INT(fm_agent_loop_run(&r, &c, &tools, &t, -1), 0);
    double wall = (double)(fm_clock_now(NULL) - t0) / 1e9;
    printf("real server: %d turns in %.1f s, %d tool calls (%d errors), tokens in %lld out %lld%s, end %s%s%s\n",
           r.turns, wall, r.tool_calls, r.tool_errors, (long long)r.prompt_tokens, (long long)r.completion_tokens,
           r.usage_estimated ? " (partly estimated)" : "", r.failed ? "failed " : "verdict ",
           r.failed ? r.reason : fm_verdict_name(r.verdict), r.message ? "" : "");
    CHECK(r.turns >= 2);
    CHECK(r.prompt_tokens > 0);
    CHECK(r.completion_tokens > 0);
    CHECK(!r.usage_estimated); /* llama-server sends usage with include_usage */
    CHECK(r.tool_calls >= 2);  /* read_file, submit_result */
    CHECK(!r.failed);
    if (r.failed) fprintf(stderr, "the run failed: %s: %s\n", r.reason, r.message ? r.message : "");
    CHECK(r.verdict == FM_VERDICT_GO || r.verdict == FM_VERDICT_NO_GO);
    CHECK(r.summary != NULL && r.summary[0]);
    FILE *f = fopen(tp, "r");
    CHECK_FATAL(f != NULL);
    char *line = NULL;
    size_t cap = 0;
    int requests = 0, events = 0, http_errors = 0, first_call_request = 0, fed_back_request = 0;
    bool first_is_read = false, submit_call = false, end_line = false;
    while (getline(&line, &cap, f) > 0) {
        if (strstr(line, "\"kind\":\"request\"")) {
            requests++;
            /* the tool's result in a later request: role tool, the file's secret word */
            if (!fed_back_request && strstr(line, "\"role\":\"tool\"") && strstr(line, "PAPAYA"))
                fed_back_request = requests;
        }
        if (strstr(line, "\"kind\":\"event\"")) {
            events++;
            if (strstr(line, "\"tool_calls\"") && strstr(line, "\"name\":")) {
                if (!first_call_request) {
                    first_call_request = requests;
                    first_is_read = strstr(line, "\"name\":\"read_file\"") != NULL;
                }
                if (strstr(line, "\"name\":\"submit_result\"")) submit_call = true;
            }
        }
        if (strstr(line, "\"kind\":\"http-error\"")) http_errors++;
        if (strstr(line, "\"kind\":\"end\"")) end_line = true;
    }
    free(line);
    fclose(f);
    CHECK(requests >= 2);
    CHECK(events > 2 * requests); /* streamed: several chunks a turn */
    CHECK_INT(first_call_request, 1); /* turn 1, tool_choice required: a call */
    CHECK(first_is_read);
    CHECK(fed_back_request >= 2);     /* its result went back to the model */
    CHECK(submit_call);               /* the verdict came from submit_result */
    CHECK_INT(http_errors, 0);
    CHECK(end_line);
    printf("real path: read_file in turn 1, its result in request %d, submit_result: verdict %s, summary \"%s\"\n",
           fed_back_request, fm_verdict_name(r.verdict), r.summary ? r.summary : "");
    bool ok = !test_failed_in_current_;
    if (ok && !getenv("KEEP_TRANSCRIPT")) unlink(tp);
    else fprintf(stderr, "transcript kept: %s\n", tp);
    fm_agent_loop_result_clear(&r);
    fm_tools_close(&tools);
}

int main(void)
{
    snprintf(ws, sizeof(ws), "/tmp/foreman-llm-real-XXXXXX");
    if (!mkdtemp(ws)) return 1;
    char p[300];
    snprintf(p, sizeof(p), "%s/notes.txt", ws);
    FILE *f = fopen(p, "w");
    fputs("Hello from notes.txt: the secret word is PAPAYA.\n", f);
    fclose(f);
    RUN(real_server_turns);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ws);
    if (system(cmd) != 0) {}
    return test_summary();
}

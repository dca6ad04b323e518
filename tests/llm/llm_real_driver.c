/*
 * llm_real_driver.c - the native loop against a real model server
 * (llama.cpp llama-server with SmolLM2-135M-Instruct), run by
 * test_llm_real.sh with FOREMAN_LLM_URL set.
 *
 * A 135M model is no agent; what is checked is the loop's machinery on a
 * real server's wire: with tool_choice required the first turn is a
 * read_file call with valid JSON arguments, the tool result (the file's
 * secret word) goes back, later turns run with auto, usage comes from the
 * server, the run ends in one of the loop's defined ways, and the
 * transcript holds it all.
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
    c.budget_ns = 240 * INT64_C(1000000000);
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
    CHECK(!r.usage_estimated); /* llama-server sends usage with include_usage */
    CHECK(!r.failed || strcmp(r.reason, "ModelError") != 0);
    FILE *f = fopen(tp, "r");
    CHECK_FATAL(f != NULL);
    char *line = NULL;
    size_t cap = 0;
    int requests = 0, events = 0;
    bool papaya = false, first_call = false, nudged = false;
    while (getline(&line, &cap, f) > 0) {
        if (strstr(line, "\"kind\":\"request\"")) {
            requests++;
            if (strstr(line, "Plain text does nothing") || strstr(line, "budget is nearly spent")) nudged = true;
        }
        if (strstr(line, "\"kind\":\"event\"")) events++;
        if (strstr(line, "\"kind\":\"tool\"") && strstr(line, "PAPAYA")) papaya = true;
        if (strstr(line, "\"kind\":\"event\"") && strstr(line, "\"name\":\"read_file\"")) first_call = true;
    }
    free(line);
    fclose(f);
    CHECK(requests >= 2);
    CHECK(events > 2 * requests); /* streamed: several chunks a turn */
    bool ok;
    if (r.tool_calls >= 1) {
        /* a server whose "required" grammar holds (llmenv's patched build) */
        CHECK(first_call);
        CHECK(papaya);
        ok = first_call && papaya;
    } else {
        /* a server that lets the model ramble under "required": the loop's
         * correctives must have run, and the run ended in a defined way */
        printf("NOTE: the model never called a tool: this llama-server lets it write free text under "
               "tool_choice required; checking the correctives instead\n");
        CHECK(nudged);
        CHECK(r.failed && (!strcmp(r.reason, "TurnBudget") || !strcmp(r.reason, "NoToolCall")));
        ok = nudged;
    }
    if (ok) unlink(tp);
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

/*
 * agent_loop.h - the native tool-calling loop: a conversation with an
 * OpenAI-compatible model in which the model works through the tools
 * (agent_tools.h) until it calls submit_result.
 *
 *   messages = [system prompt, task (prompt + payload), orientation]
 *   each turn: request (tools, tool_choice by policy) -> streamed answer ->
 *              tool calls (native, or parsed from text) -> tool results
 *
 * The run ends only by:
 *   submit_result          verdict GO / NO-GO (ERROR fails the task, reason
 *                          AgentError), summary, optional details
 *   a budget               TurnBudget, TokenBudget, Timeout (wall time)
 *   StuckLoop              the same call repeated, or turns without progress,
 *                          still after a nudge
 *   NoToolCall             the model kept answering without a tool after
 *                          the bounded nudges
 *   ModelError             the server failed past the client's retries
 *   Cancelled              the run was stopped
 *
 * Correctives (bounded): no tool call -> nudge; reasoning-only answer ->
 * nudge; finish_reason length -> "continue"; arguments that are not JSON ->
 * resample, then a tool error; unknown tool or bad arguments -> a tool
 * error to the model. Near the end of a budget only submit_result is
 * offered, with tool_choice required.
 *
 * Context: the first three messages never change, so a server's prompt
 * cache stays valid; when the conversation outgrows context_chars, every
 * tool result before a boundary is masked to a one-line header, and the
 * boundary moves forward in one jump (not one message per turn), so the
 * masked prefix is again stable for many turns.
 */
#ifndef FOREMAN_AGENT_LOOP_H
#define FOREMAN_AGENT_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent_tools.h"
#include "executor.h"
#include "llm_client.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AGENT_LOOP_TURNS_DEFAULT 50
#define AGENT_LOOP_CONTEXT_CHARS_DEFAULT (96u * 1024u)
#define AGENT_LOOP_TRANSCRIPT_MAX_DEFAULT (16u * 1024u * 1024u)
#define AGENT_LOOP_PROGRESS_INTERVAL_NS (10 * INT64_C(1000000000))

/* What the progress hook sees (at most once per progress_interval). */
typedef struct fm_agent_progress {
    int turns;
    int64_t prompt_tokens, completion_tokens;
    const char *last_tool;    /* "" before the first */
    double elapsed_sec;
} fm_agent_progress;

struct fm_agent_loop_result;

typedef struct fm_agent_loop_config {
    fm_llm_config llm;
    const char *tool_choice;       /* policy: "auto", "required", or a list
                                      "required,auto" (turn i uses entry i,
                                      the last repeats); NULL -> "auto" */
    const char *text_call_format;  /* family of text-written calls parsed
                                      (fm_llm_text_calls_parse_as): "hermes", ...,
                                      "none"; NULL or "auto" -> every family */
    int max_turns;                 /* 0 -> 50 */
    int64_t max_output_tokens;     /* whole run; 0 -> no limit */
    int64_t budget_ns;             /* wall time; 0 -> none */
    const char *system_prompt;     /* NULL -> built-in for the task kind */
    size_t context_chars;          /* 0 -> default */
    int max_nudges;                /* consecutive; 0 -> 3 */
    int max_resample;              /* per turn; 0 -> 2 */
    int max_continue;              /* finish_reason length; 0 -> 3 */
    int stuck_repeat;              /* same call N times -> nudge; 0 -> 3 */
    int stuck_turns;               /* M turns without progress -> nudge; 0 -> 8 */
    const char *transcript_path;   /* JSON lines; NULL -> none */
    size_t transcript_max;         /* 0 -> default */
    int64_t progress_interval_ns;  /* 0 -> 10 s */
    void (*progress)(void *ctx, const fm_agent_progress *p);
    void *progress_ctx;
    /* Called when the model submits GO (NULL: every GO ends the run).
     * Returns 0 to accept it; 1 to refuse it, feedback (appended to the
     * buffer) going back to the model as the call's result while the run
     * goes on with every tool; a negative FM_E* ends the run with it. */
    int (*on_go)(void *ctx, const struct fm_agent_loop_result *res, fm_buf *feedback);
    void *on_go_ctx;
} fm_agent_loop_config;

typedef struct fm_agent_loop_result {
    fm_verdict verdict;
    bool failed;
    const char *reason;            /* static, when failed */
    char *message;                 /* when failed */
    char *summary;
    char *details;                 /* submit_result's details, or NULL */
    int turns;
    int64_t prompt_tokens, completion_tokens;
    bool usage_estimated;          /* some turn had no server usage */
    int tool_calls;
    int tool_errors;
    size_t transcript_bytes;
    bool transcript_truncated;
    char last_tool[32];
} fm_agent_loop_result;

/* The built-in system prompt for a task kind ("issue-fix", "verify",
 * "freeform"; anything else gets the freeform one). */
const char *fm_agent_loop_default_prompt(const char *kind);

/*
 * Runs the loop for task t in the workspace of tools until it ends (see
 * above). wake_fd (-1: none) readable means stop: the result is then
 * failed with reason Cancelled. Returns 0 (the outcome is in res, which the
 * caller clears with fm_agent_loop_result_clear) or FM_ENOMEM / FM_EINVAL.
 */
int fm_agent_loop_run(fm_agent_loop_result *res, const fm_agent_loop_config *cfg, fm_tools_ctx *tools,
                   const fm_executor_task *t, int wake_fd);

void fm_agent_loop_result_clear(fm_agent_loop_result *res);

#ifdef __cplusplus
}
#endif
#endif

/*
 * llm_textcalls.h - tool calls that a model wrote as text because the
 * server did not parse them into tool_calls. Recognised families:
 *
 *   Qwen / Hermes   <tool_call>{"name": .., "arguments": {..}}</tool_call>
 *                   (one or more; a missing closing tag at the end is allowed)
 *   Mistral         [TOOL_CALLS][{"name": .., "arguments": {..}}, ..]
 *                   [TOOL_CALLS]name[ARGS]{..}   (newer templates)
 *   Llama 3         <|python_tag|>{"name": .., "parameters": {..}}  (';' between calls)
 *   fenced blocks   ```tool_code / ```tool_call / ```json holding such an object
 *                   or an array of them
 *   bare object     content that is nothing but {"name": .., "arguments"|"parameters": ..}
 *
 * The call object may name the function with "name" or "function" (a string
 * or {"name":..}); arguments may be an object or a string holding JSON.
 */
#ifndef FOREMAN_LLM_TEXTCALLS_H
#define FOREMAN_LLM_TEXTCALLS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LLM_TEXTCALLS_MAX 16

typedef struct fm_llm_text_call {
    char *name;
    char *args;          /* JSON text of the arguments ("{}" when none) */
} fm_llm_text_call;

typedef struct fm_llm_text_calls {
    fm_llm_text_call calls[LLM_TEXTCALLS_MAX];
    size_t n;
    const char *family;  /* "hermes", "mistral", "llama3", "fenced", "bare"; static */
} fm_llm_text_calls;

/*
 * Finds tool calls written in text[0..len). Returns the number found (0
 * when the text holds none, or only malformed ones), or FM_ENOMEM. out is
 * overwritten; free it with fm_llm_text_calls_clear.
 */
int fm_llm_text_calls_parse(fm_llm_text_calls *out, const char *text, size_t len);

/*
 * As fm_llm_text_calls_parse, limited to one family: "hermes", "mistral",
 * "llama3", "fenced" or "bare" (the ModelProfile's textToolCallFormat);
 * "none" finds nothing; NULL, "" or "auto" tries every family, and so does
 * a name this build does not know (a newer schema's value).
 */
int fm_llm_text_calls_parse_as(fm_llm_text_calls *out, const char *text, size_t len, const char *family);

void fm_llm_text_calls_clear(fm_llm_text_calls *c);

#ifdef __cplusplus
}
#endif
#endif

/*
 * fuzz_toolcalls.c - libFuzzer target for the text tool-call parser
 * (foreman/llm/llm_textcalls.c): model output is attacker-shaped text. The
 * target aborts unless every call found has a non-empty name and arguments
 * text, the count stays within LLM_TEXTCALLS_MAX, a family is named when
 * calls were found, and parsing is deterministic.
 */
#include "llm_textcalls.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fm_llm_text_calls a, b;
    int na = fm_llm_text_calls_parse(&a, (const char *)data, size);
    int nb = fm_llm_text_calls_parse(&b, (const char *)data, size);
    if (na != nb || na < 0 || na > LLM_TEXTCALLS_MAX) abort();
    if (na > 0 && !a.family) abort();
    for (int i = 0; i < na; i++) {
        if (!a.calls[i].name || !a.calls[i].name[0] || !a.calls[i].args) abort();
        if (strcmp(a.calls[i].name, b.calls[i].name) || strcmp(a.calls[i].args, b.calls[i].args)) abort();
    }
    fm_llm_text_calls_clear(&a);
    fm_llm_text_calls_clear(&b);
    return 0;
}

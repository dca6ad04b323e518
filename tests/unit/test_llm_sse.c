/*
 * test_llm_sse.c - the SSE framer, the chunk merger and the text tool-call
 * parser, on llama.cpp's recorded stream (tests/fixtures/llm-wire) cut at
 * every byte boundary, and on hand-made streams for the other servers'
 * shapes.
 */
#include "error.h"
#include "llm_sse.h"
#include "llm_textcalls.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    s[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return s;
}

static int on_merge(void *ctx, const char *data, size_t len)
{
    int rc = fm_llm_message_merge(ctx, data, len);
    return rc == FM_EPARSE ? 0 : rc;
}

/* Feeds s cut at the given offsets (cuts sorted, n_cuts of them). */
static void feed_cut(fm_llm_message *m, const char *s, size_t len, const size_t *cuts, size_t n_cuts)
{
    fm_sse_parser p;
    fm_sse_init(&p, on_merge, m, 0);
    size_t at = 0;
    for (size_t i = 0; i <= n_cuts; i++) {
        size_t to = i < n_cuts ? cuts[i] : len;
        CHECK_INT(fm_sse_feed(&p, s + at, to - at), 0);
        at = to;
    }
    CHECK_INT(fm_sse_finish(&p), 0);
    fm_sse_free(&p);
}

TEST(llama_stream_every_boundary)
{
    size_t len;
    char *s = slurp("tests/fixtures/llm-wire/t1-stream-response.sse", &len);
    CHECK_FATAL(s != NULL);
    fm_llm_message whole;
    memset(&whole, 0, sizeof(whole));
    feed_cut(&whole, s, len, NULL, 0);
    CHECK_STR(whole.finish_reason, "tool_calls");
    CHECK(whole.done);
    CHECK_INT(whole.n_calls, 1);
    CHECK_STR(whole.calls[0].name.data, "read_file");
    CHECK_STR(whole.calls[0].id, "eaAtYKKMDZ16EFrtyjv4vk4KdtWjE47S");
    CHECK_CONTAINS(whole.calls[0].args.data, "\"notes.txt\"");
    for (size_t cut = 1; cut < len; cut++) {
        fm_llm_message m;
        memset(&m, 0, sizeof(m));
        feed_cut(&m, s, len, &cut, 1);
        if (strcmp(m.calls[0].args.data ? m.calls[0].args.data : "", whole.calls[0].args.data) != 0 ||
            m.n_calls != 1 || strcmp(m.finish_reason, "tool_calls") != 0 || !m.done) {
            fprintf(stderr, "cut at %zu differs\n", cut);
            CHECK(0);
            fm_llm_message_clear(&m);
            break;
        }
        fm_llm_message_clear(&m);
    }
    /* one byte at a time */
    size_t *cuts = malloc(len * sizeof(size_t));
    for (size_t i = 0; i + 1 < len; i++) cuts[i] = i + 1;
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    feed_cut(&m, s, len, cuts, len - 1);
    CHECK_STR(m.calls[0].args.data, whole.calls[0].args.data);
    fm_llm_message_clear(&m);
    free(cuts);
    fm_llm_message_clear(&whole);
    free(s);
}

TEST(crlf_comments_reasoning_usage)
{
    const char *s =
        ": keep-alive\r\n\r\n"
        "event: message\r\ndata:{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"let me \"}}]}\r\n\r\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"think\"}}]}\r\r"
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\\u00e9llo\\n\"}}]}\n\n"
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,"
        "\"prompt_tokens_details\":{\"cached_tokens\":5}}}\n\n";
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    feed_cut(&m, s, strlen(s), NULL, 0);
    CHECK_STR(m.reasoning.data, "let me think");
    CHECK_STR(m.content.data, "h\xc3\xa9llo\n");
    CHECK_STR(m.finish_reason, "length");
    CHECK(m.have_usage);
    CHECK_INT(m.prompt_tokens, 12);
    CHECK_INT(m.completion_tokens, 7);
    CHECK_INT(m.cached_tokens, 5);
    CHECK(!m.done);
    CHECK(fm_llm_message_finished(&m));
    fm_llm_message_clear(&m);
}

TEST(parallel_calls_joined_by_index)
{
    const char *s =
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"grep\",\"arguments\":\"{\\\"pat\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"path\\\":\\\"x\\\"}\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"tern\\\":\\\"y\\\"}\"}}]}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
        "data: [DONE]\n\n";
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    feed_cut(&m, s, strlen(s), NULL, 0);
    CHECK_INT(m.n_calls, 2);
    CHECK_STR(m.calls[0].args.data, "{\"path\":\"x\"}");
    CHECK_STR(m.calls[1].args.data, "{\"pattern\":\"y\"}");
    CHECK_STR(m.calls[1].name.data, "grep");
    CHECK_STR(m.calls[1].id, "b");
    fm_llm_message_clear(&m);
}

TEST(non_streaming_answer_and_errors)
{
    size_t len;
    char *s = slurp("tests/fixtures/llm-wire/t1-response.json", &len);
    CHECK_FATAL(s != NULL);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    CHECK_INT(fm_llm_message_merge(&m, s, len), 0);
    CHECK_STR(m.calls[0].name.data, "read_file");
    CHECK_INT(m.prompt_tokens, 223);
    CHECK_INT(m.completion_tokens, 40);
    CHECK_INT(fm_llm_message_merge(&m, "{\"choices\":[", 12), FM_EPARSE);
    CHECK_INT(fm_llm_message_merge(&m, "{\"error\":{\"message\":\"boom\"}}", 28), FM_EHTTP);
    CHECK_CONTAINS(fm_error_last()->message, "boom");
    fm_llm_message_clear(&m);
    free(s);
}

static int count_events(void *ctx, const char *data, size_t len)
{
    (void)data;
    (void)len;
    (*(int *)ctx)++;
    return 0;
}

TEST(event_limit)
{
    int n = 0;
    fm_sse_parser p;
    fm_sse_init(&p, count_events, &n, 64);
    char big[200];
    memset(big, 'x', sizeof(big));
    CHECK_INT(fm_sse_feed(&p, "data: ", 6), 0);
    CHECK_INT(fm_sse_feed(&p, big, sizeof(big)), FM_ELIMIT);
    CHECK_INT(fm_sse_feed(&p, "\n\ndata: ok\n\n", 12), 0);
    CHECK_INT(n, 1);
    fm_sse_free(&p);
}

static void check_one(const char *text, const char *family, const char *name, const char *args_has)
{
    fm_llm_text_calls c;
    int n = fm_llm_text_calls_parse(&c, text, strlen(text));
    if (n != 1) fprintf(stderr, "text: %s -> %d\n", text, n);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(c.family, family);
        CHECK_STR(c.calls[0].name, name);
        CHECK_CONTAINS(c.calls[0].args, args_has);
    }
    fm_llm_text_calls_clear(&c);
}

TEST(text_tool_calls)
{
    check_one("I will read it.\n<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.c\"}}\n</tool_call>",
              "hermes", "read_file", "\"a.c\"");
    check_one("<tool_call>{\"name\":\"bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}", "hermes", "bash",
              "\"ls\"");
    check_one("[TOOL_CALLS][{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\"}}]", "mistral", "grep",
              "pattern");
    check_one("[TOOL_CALLS]write_file[ARGS]{\"path\":\"b\",\"content\":\"y\"}", "mistral", "write_file",
              "\"b\"");
    check_one("<|python_tag|>{\"name\": \"list_files\", \"parameters\": {\"glob\": \"*.c\"}}<|eom_id|>", "llama3",
              "list_files", "*.c");
    check_one("Here:\n```tool_code\n{\"name\": \"bash\", \"arguments\": {\"command\": \"make\"}}\n```\n", "fenced",
              "bash", "make");
    check_one("```json\n{\"function\": {\"name\": \"submit_result\", \"arguments\": {\"verdict\": \"GO\"}}}\n```",
              "fenced", "submit_result", "GO");
    check_one("  {\"name\": \"read_file\", \"parameters\": {\"path\": \"z\"}}  ", "bare", "read_file", "\"z\"");
    fm_llm_text_calls c;
    CHECK_INT(fm_llm_text_calls_parse(&c, "just prose {not json}", 21), 0);
    CHECK_INT(fm_llm_text_calls_parse(&c, "<tool_call>{\"name\": broken", 27), 0);
    const char *two = "<|python_tag|>{\"name\":\"a\",\"parameters\":{}}; {\"name\":\"b\",\"parameters\":{\"k\":1}}";
    CHECK_INT(fm_llm_text_calls_parse(&c, two, strlen(two)), 2);
    CHECK_STR(c.calls[1].name, "b");
    fm_llm_text_calls_clear(&c);
}

/* A ModelProfile's textToolCallFormat: only that family is parsed. */
TEST(text_tool_calls_one_family)
{
    const char *hermes = "<tool_call>{\"name\": \"bash\", \"arguments\": {\"command\": \"ls\"}}</tool_call>";
    const char *fenced = "```json\n{\"name\": \"bash\", \"arguments\": {\"command\": \"ls\"}}\n```";
    const char *bare = "{\"name\": \"bash\", \"arguments\": {\"command\": \"ls\"}}";
    fm_llm_text_calls c;
    CHECK_INT(fm_llm_text_calls_parse_as(&c, hermes, strlen(hermes), "hermes"), 1);
    CHECK_STR(c.family, "hermes");
    fm_llm_text_calls_clear(&c);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, hermes, strlen(hermes), "mistral"), 0);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, hermes, strlen(hermes), "none"), 0);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, hermes, strlen(hermes), "auto"), 1);
    fm_llm_text_calls_clear(&c);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, fenced, strlen(fenced), "fenced"), 1);
    fm_llm_text_calls_clear(&c);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, fenced, strlen(fenced), "bare"), 0);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, bare, strlen(bare), "bare"), 1);
    CHECK_STR(c.family, "bare");
    fm_llm_text_calls_clear(&c);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, bare, strlen(bare), "llama3"), 0);
    CHECK_INT(fm_llm_text_calls_parse_as(&c, bare, strlen(bare), NULL), 1);
    fm_llm_text_calls_clear(&c);
    /* a family this build does not know: every family */
    CHECK_INT(fm_llm_text_calls_parse_as(&c, hermes, strlen(hermes), "granite"), 1);
    CHECK_STR(c.family, "hermes");
    fm_llm_text_calls_clear(&c);
}

int main(void)
{
    RUN(llama_stream_every_boundary);
    RUN(crlf_comments_reasoning_usage);
    RUN(parallel_calls_joined_by_index);
    RUN(non_streaming_answer_and_errors);
    RUN(event_limit);
    RUN(text_tool_calls);
    RUN(text_tool_calls_one_family);
    return test_summary();
}

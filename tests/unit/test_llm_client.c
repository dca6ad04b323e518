/*
 * test_llm_client.c - the model client against the scripted server
 * (scenario.c): fragments at every byte, retries on 429/5xx/reset/EOF,
 * Retry-After, slow first byte, never-ending streams, finish_reason without
 * [DONE], dropped parameters, cancellation, and a non-streaming answer.
 */
#include "error.h"
#include "executor.h"
#include "llm_client.h"
#include "scenario.h"
#include "test.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MS INT64_C(1000000)
static const char MESSAGES[] = "[{\"role\":\"user\",\"content\":\"hi\"}]";
static const char TOOLS[] = "[{\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"parameters\":{\"type\":\"object\"}}}]";

static fm_llm_client *client_for(scn_server *s, int64_t first_byte_ms, int64_t idle_ms, int retries)
{
    fm_llm_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.base_url = scn_url(s);
    cfg.model = "m";
    cfg.api_key = "sk-secret";
    cfg.first_byte_timeout_ns = first_byte_ms * MS;
    cfg.idle_timeout_ns = idle_ms * MS;
    cfg.finish_grace_ns = 200 * MS;
    cfg.backoff_ns = 10 * MS;
    cfg.max_retries = retries;
    cfg.max_output_tokens = 256;
    cfg.has_temperature = true;
    cfg.temperature = 0.2;
    fm_llm_client *c = NULL;
    if (fm_llm_client_new(&c, &cfg) != 0) abort();
    return c;
}

static int complete(fm_llm_client *c, fm_llm_message *m, fm_llm_stats *st, int wake_fd)
{
    fm_llm_request req;
    memset(&req, 0, sizeof(req));
    req.messages = MESSAGES;
    req.messages_len = strlen(MESSAGES);
    req.tools = TOOLS;
    req.tool_choice = "required";
    req.wake_fd = wake_fd;
    return fm_llm_client_complete(m, c, &req, st);
}

TEST(fragments_every_byte)
{
    const char *args = "{\"path\": \"src/main.c\", \"start\": 1, \"end\": 20}";
    scn_turn t = scn_tool_call("read_file", args, 1);
    t.piece = 7; /* and the bytes arrive in odd pieces */
    scn_server *s = scn_start(&t, 1);
    fm_llm_client *c = client_for(s, 5000, 5000, 0);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    fm_llm_stats st;
    CHECK_INT(complete(c, &m, &st, -1), 0);
    CHECK_INT(m.n_calls, 1);
    CHECK_STR(m.calls[0].args.data, args);
    CHECK_STR(m.calls[0].name.data, "read_file");
    CHECK_INT(m.prompt_tokens, 100);
    CHECK_INT(st.attempts, 1);
    const char *body = scn_request(s, 0);
    CHECK_CONTAINS(body, "\"stream\":true");
    CHECK_CONTAINS(body, "\"include_usage\":true");
    CHECK_CONTAINS(body, "\"tool_choice\":\"required\"");
    CHECK_CONTAINS(body, "\"max_tokens\":256");
    CHECK(strstr(body, "sk-secret") == NULL);
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(retries_429_5xx_reset_eof)
{
    scn_turn t[5];
    t[0] = scn_status(429, "Retry-After: 1\r\n", "{\"error\":\"slow down\"}");
    t[1] = scn_status(503, NULL, "{\"error\":\"loading\"}");
    t[2] = scn_tool_call("bash", "{\"command\":\"make test\"}", 3);
    t[2].cut_at = t[2].len / 2;
    t[2].reset = true;
    t[3] = scn_tool_call("bash", "{\"command\":\"make test\"}", 3);
    t[3].cut_at = (size_t)(strstr(t[3].response, "\"tool_calls\"}") - t[3].response); /* clean EOF before finish_reason */
    t[4] = scn_tool_call("bash", "{\"command\":\"make test\"}", 3);
    scn_server *s = scn_start(t, 5);
    fm_llm_client *c = client_for(s, 5000, 5000, 5);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    fm_llm_stats st;
    int64_t t0 = fm_clock_now(NULL);
    CHECK_INT(complete(c, &m, &st, -1), 0);
    CHECK(fm_clock_now(NULL) - t0 >= 1000 * MS); /* Retry-After: 1 */
    CHECK_INT(st.attempts, 5);
    CHECK_STR(m.calls[0].args.data, "{\"command\":\"make test\"}");
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(slow_first_byte_and_never_ending)
{
    scn_turn t[3];
    t[0] = scn_text("late", NULL, "stop");
    t[0].delay_ms = 1500;
    t[1] = scn_text("partial", NULL, "stop");
    t[1].cut_at = t[1].len - 80;
    t[1].hang = true; /* a stream that never ends */
    t[2] = scn_text("on time", NULL, "stop");
    scn_server *s = scn_start(t, 3);
    fm_llm_client *c = client_for(s, 300, 300, 3);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    fm_llm_stats st;
    CHECK_INT(complete(c, &m, &st, -1), 0);
    CHECK_INT(st.attempts, 3);
    CHECK_STR(m.content.data, "on time");
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(finish_without_done)
{
    const char *chunks[] = {"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hello\"}}]}",
                            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"};
    scn_turn t = scn_sse(chunks, 2, false);
    t.hang = true;
    scn_server *s = scn_start(&t, 1);
    fm_llm_client *c = client_for(s, 5000, 5000, 0);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    int64_t t0 = fm_clock_now(NULL);
    CHECK_INT(complete(c, &m, NULL, -1), 0);
    CHECK(fm_clock_now(NULL) - t0 < 2000 * MS);
    CHECK_STR(m.content.data, "hello");
    CHECK_STR(m.finish_reason, "stop");
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(unsupported_parameter_dropped_and_remembered)
{
    scn_turn t[3];
    t[0] = scn_status(400, NULL, "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\"}}");
    t[1] = scn_text("a", NULL, "stop");
    t[2] = scn_text("b", NULL, "stop");
    scn_server *s = scn_start(t, 3);
    fm_llm_client *c = client_for(s, 5000, 5000, 0);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    CHECK_INT(complete(c, &m, NULL, -1), 0);
    CHECK_INT(complete(c, &m, NULL, -1), 0);
    CHECK_STR(m.content.data, "b");
    CHECK(fm_llm_client_dropped(c) & LLM_P_STREAM_OPTIONS);
    CHECK_CONTAINS(scn_request(s, 0), "stream_options");
    CHECK(strstr(scn_request(s, 1), "stream_options") == NULL);
    CHECK(strstr(scn_request(s, 2), "stream_options") == NULL);
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(fatal_4xx_and_exhausted)
{
    scn_turn t[3];
    t[0] = scn_status(401, NULL, "{\"error\":\"bad key\"}");
    t[1] = scn_status(500, NULL, "{}");
    t[2] = scn_status(502, NULL, "{}");
    scn_server *s = scn_start(t, 3);
    fm_llm_client *c = client_for(s, 5000, 5000, 1);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    fm_llm_stats st;
    CHECK_INT(complete(c, &m, &st, -1), FM_EHTTP);
    CHECK_INT(st.attempts, 1);
    CHECK_INT(st.http_status, 401);
    CHECK(strstr(fm_error_last()->message, "sk-secret") == NULL);
    CHECK_INT(complete(c, &m, &st, -1), FM_ETRANSPORT);
    CHECK_INT(st.attempts, 2);
    CHECK_CONTAINS(fm_error_last()->message, "502");
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

static void *poke(void *arg)
{
    usleep(200000);
    if (write(*(int *)arg, "x", 1) != 1) {}
    return NULL;
}

TEST(cancel_by_wake_fd)
{
    scn_turn t = scn_text("x", NULL, "stop");
    t.delay_ms = 10000;
    scn_server *s = scn_start(&t, 1);
    fm_llm_client *c = client_for(s, 60000, 60000, 0);
    int p[2];
    CHECK_FATAL(pipe(p) == 0);
    pthread_t th;
    pthread_create(&th, NULL, poke, &p[1]);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    int64_t t0 = fm_clock_now(NULL);
    CHECK_INT(complete(c, &m, NULL, p[0]), FM_ECANCELED);
    CHECK(fm_clock_now(NULL) - t0 < 2000 * MS);
    pthread_join(th, NULL);
    close(p[0]);
    close(p[1]);
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

TEST(non_streaming_json_answer)
{
    FILE *f = fopen("tests/fixtures/llm-wire/t1-response.json", "rb");
    CHECK_FATAL(f != NULL);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    scn_turn t = scn_status(200, NULL, buf);
    scn_server *s = scn_start(&t, 1);
    fm_llm_client *c = client_for(s, 5000, 5000, 0);
    fm_llm_message m;
    memset(&m, 0, sizeof(m));
    CHECK_INT(complete(c, &m, NULL, -1), 0);
    CHECK_STR(m.calls[0].name.data, "read_file");
    CHECK_INT(m.completion_tokens, 40);
    fm_llm_message_clear(&m);
    fm_llm_client_free(c);
    scn_stop(s);
}

int main(void)
{
    RUN(fragments_every_byte);
    RUN(retries_429_5xx_reset_eof);
    RUN(slow_first_byte_and_never_ending);
    RUN(finish_without_done);
    RUN(unsupported_parameter_dropped_and_remembered);
    RUN(fatal_4xx_and_exhausted);
    RUN(cancel_by_wake_fd);
    RUN(non_streaming_json_answer);
    return test_summary();
}

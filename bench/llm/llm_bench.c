/*
 * llm_bench.c - benchmarks of the native agent loop (label `bench`):
 *
 *   sse        SSE framing alone, and framing + chunk merging, over a 64 MiB
 *              llama.cpp-shaped stream fed in 16 KiB reads: MB/s
 *   loop       200 turns against the scripted server (in a child process,
 *              so its CPU and memory are not counted), each reading an
 *              8 KiB file: the agent thread's CPU per turn (request build,
 *              streaming, parsing, tool, context upkeep) and RSS growth
 *   real       when tests/llm/llmenv has built llama-server: a few turns
 *              against SmolLM2-135M, the agent's CPU as a share of the wall
 *              time (skipped otherwise)
 *
 * Usage: bench_llm [sse|loop|real|all]   (default all)
 */
#include "agent_loop.h"
#include "error.h"
#include "llm_sse.h"
#include "scenario.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double thread_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_s(void)
{
    return (double)fm_clock_now(NULL) / 1e9;
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    while (f && fgets(line, sizeof(line), f))
        if (!strncmp(line, "VmRSS:", 6)) v = strtol(line + 6, NULL, 10);
    if (f) fclose(f);
    return v;
}

/* ---------------------------------------------------------------- sse */

static int count_only(void *ctx, const char *d, size_t n)
{
    (void)d;
    *(size_t *)ctx += n;
    return 0;
}

static int merge(void *ctx, const char *d, size_t n)
{
    fm_llm_message *m = ctx;
    fm_llm_message_merge(m, d, n);
    if (m->content.len > (1u << 20)) fm_buf_reset(&m->content); /* keep the message small */
    return 0;
}

static void bench_sse(void)
{
    const char *chunks[] = {
        "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\" the\"}}],\"created\":1796167457,"
        "\"id\":\"chatcmpl-t0Sm0fnUeaZ2Dx1hTsRVw5uslH8Z4WLg\",\"model\":\"models/SmolLM2-135M-Instruct.Q4_1.gguf\","
        "\"system_fingerprint\":\"b0-unknown\",\"object\":\"chat.completion.chunk\"}\n\n",
        "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
        "{\"arguments\":\"\\\"path\\\": \"}}]}}],\"created\":1796167457,\"id\":\"chatcmpl-t0Sm0fnUeaZ2Dx1hTsRVw5uslH8Z4WLg\","
        "\"model\":\"models/SmolLM2-135M-Instruct.Q4_1.gguf\",\"system_fingerprint\":\"b0-unknown\",\"object\":"
        "\"chat.completion.chunk\"}\n\n"};
    fm_buf s = FM_BUF_INIT;
    while (s.len < 64u << 20) fm_buf_puts(&s, chunks[(s.len / 7) % 2]);
    double mb = (double)s.len / 1e6;
    for (int mode = 0; mode < 2; mode++) {
        double best = 1e9;
        for (int rep = 0; rep < 3; rep++) {
            size_t seen = 0;
            fm_llm_message m;
            memset(&m, 0, sizeof(m));
            fm_sse_parser p;
            fm_sse_init(&p, mode ? merge : count_only, mode ? (void *)&m : (void *)&seen, 0);
            double t0 = thread_cpu_s();
            for (size_t at = 0; at < s.len; at += 16384)
                fm_sse_feed(&p, s.data + at, s.len - at < 16384 ? s.len - at : 16384);
            fm_sse_finish(&p);
            double dt = thread_cpu_s() - t0;
            if (dt < best) best = dt;
            fm_sse_free(&p);
            fm_llm_message_clear(&m);
        }
        printf("sse %-16s %8.1f MB/s  (%.0f MB in %.3f s CPU, 16 KiB reads)\n",
               mode ? "frame+merge" : "frame", mb / best, mb, best);
    }
    fm_buf_free(&s);
}

/* ---------------------------------------------------------------- loop */

static long rss_at[5];

/* Samples RSS after turns 40, 80, ... to tell growth from a one-time rise. */
static void on_progress(void *ctx, const fm_agent_progress *p)
{
    (void)ctx;
    if (p->turns % 40 == 0 && p->turns / 40 <= 5) rss_at[p->turns / 40 - 1] = rss_kib();
}

static int make_ws(char *ws, size_t cap)
{
    snprintf(ws, cap, "/tmp/foreman-bench-ws-XXXXXX");
    if (!mkdtemp(ws)) return -1;
    char p[300];
    snprintf(p, sizeof(p), "%s/data.txt", ws);
    FILE *f = fopen(p, "w");
    for (int i = 0; i < 8192 / 64; i++) fprintf(f, "%-63d\n", i); /* 8 KiB, 128 lines */
    fclose(f);
    return 0;
}

static void bench_loop(void)
{
    enum { TURNS = 200 };
    int port_pipe[2];
    if (pipe(port_pipe) != 0) return;
    pid_t child = fork();
    if (child == 0) {
        static scn_turn t[TURNS + 1];
        for (int i = 0; i < TURNS; i++) {
            char a[64];
            /* a different range each time: no stuck-loop nudge */
            snprintf(a, sizeof(a), "{\"path\":\"data.txt\",\"start_line\":1,\"end_line\":%d}", 129 + i);
            t[i] = scn_tool_call("read_file", a, 8);
        }
        t[TURNS] = scn_tool_call("submit_result", "{\"verdict\":\"GO\",\"summary\":\"done\"}", 8);
        scn_server *s = scn_start(t, TURNS + 1);
        int port = scn_port(s);
        if (write(port_pipe[1], &port, sizeof(port)) != sizeof(port)) _exit(1);
        pause();
        _exit(0);
    }
    int port = 0;
    if (read(port_pipe[0], &port, sizeof(port)) != sizeof(port)) return;
    char url[64], ws[256];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", port);
    make_ws(ws, sizeof(ws));
    fm_tools_ctx tools;
    memset(&tools, 0, sizeof(tools));
    fm_tools_open(&tools, ws);
    tools.result_max = 9000; /* the whole 8 KiB file each turn */
    fm_agent_loop_config c;
    memset(&c, 0, sizeof(c));
    c.llm.base_url = url;
    c.llm.model = "scripted";
    c.llm.finish_grace_ns = 100 * INT64_C(1000000);
    c.max_turns = TURNS + 10;
    c.progress = on_progress;
    c.progress_interval_ns = 1;
    fm_executor_task task = {.name = "bench", .namespace_ = "default", .kind = "freeform", .prompt = "read"};
    long rss0 = rss_kib();
    double c0 = thread_cpu_s(), w0 = wall_s();
    fm_agent_loop_result r;
    fm_agent_loop_run(&r, &c, &tools, &task, -1);
    double cpu = thread_cpu_s() - c0, wall = wall_s() - w0;
    long rss1 = rss_kib();
    printf("loop %d turns (8 KiB tool results): verdict %s, agent CPU %.3f ms/turn, wall %.2f ms/turn, "
           "RSS %ld -> %ld KiB (+%ld KiB)\n",
           r.turns, fm_verdict_name(r.verdict), cpu * 1e3 / r.turns, wall * 1e3 / r.turns, rss0, rss1, rss1 - rss0);
    printf("loop RSS after turns 40/80/120/160/200: %ld %ld %ld %ld %ld KiB (growth 40->200: %ld KiB)\n", rss_at[0],
           rss_at[1], rss_at[2], rss_at[3], rss_at[4], rss_at[4] - rss_at[0]);
    fm_agent_loop_result_clear(&r);
    fm_tools_close(&tools);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ws);
    if (system(cmd) != 0) {}
}

/* ---------------------------------------------------------------- real */

static void bench_real(void)
{
    const char *url = getenv("FOREMAN_LLM_URL");
    if (!url || !url[0]) {
        printf("real: skipped (FOREMAN_LLM_URL unset; tests/llm/run_real.sh starts llama-server and sets it)\n");
        return;
    }
    char ws[256];
    make_ws(ws, sizeof(ws));
    fm_tools_ctx tools;
    memset(&tools, 0, sizeof(tools));
    fm_tools_open(&tools, ws);
    fm_agent_loop_config c;
    memset(&c, 0, sizeof(c));
    c.llm.base_url = url;
    c.llm.model = "smollm2";
    c.llm.max_output_tokens = 64;
    c.llm.has_temperature = true;
    c.tool_choice = "required";
    c.max_turns = 4;
    fm_executor_task task = {.name = "bench", .namespace_ = "default", .kind = "freeform",
                          .prompt = "Read data.txt with read_file, then call submit_result."};
    double c0 = thread_cpu_s(), w0 = wall_s();
    fm_agent_loop_result r;
    fm_agent_loop_run(&r, &c, &tools, &task, -1);
    double cpu = thread_cpu_s() - c0, wall = wall_s() - w0;
    printf("real %d turns vs llama-server: agent CPU %.2f ms/turn, wall %.0f ms/turn, agent share %.3f%%\n",
           r.turns, cpu * 1e3 / (r.turns ? r.turns : 1), wall * 1e3 / (r.turns ? r.turns : 1), 100 * cpu / wall);
    fm_agent_loop_result_clear(&r);
    fm_tools_close(&tools);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ws);
    if (system(cmd) != 0) {}
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "all";
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(what, "sse") || !strcmp(what, "all")) bench_sse();
    if (!strcmp(what, "loop") || !strcmp(what, "all")) bench_loop();
    if (!strcmp(what, "real") || !strcmp(what, "all")) bench_real();
    return 0;
}

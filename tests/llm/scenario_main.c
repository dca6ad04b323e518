/*
 * scenario_main.c - the scripted model server (tests/unit/scenario.c) as a
 * program, for integration tests that run the real agent:
 *
 *   llm_scenario SCRIPT PORTFILE
 *
 * SCRIPT has one turn per line, answered to successive requests:
 *   tool NAME {json arguments}     a streamed tool call (fragments of 3 bytes)
 *   text CONTENT                   a streamed text answer
 *   reasoning CONTENT              a reasoning-only answer
 * The port is written to PORTFILE once listening; bodies of the requests
 * are appended to PORTFILE.requests (one per line). Runs until SIGTERM.
 */
#include "scenario.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static void on_term(int s) { (void)s; stop = 1; }

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: llm_scenario SCRIPT PORTFILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    scn_turn turns[256];
    size_t n = 0;
    char line[65536];
    while (n < 256 && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = 0;
        if (!strncmp(line, "tool ", 5)) {
            char *name = line + 5, *sp = strchr(name, ' ');
            if (!sp) continue;
            *sp = 0;
            turns[n++] = scn_tool_call(name, sp + 1, 3);
        } else if (!strncmp(line, "text ", 5)) {
            turns[n++] = scn_text(line + 5, NULL, "stop");
        } else if (!strncmp(line, "reasoning ", 10)) {
            turns[n++] = scn_text(NULL, line + 10, "stop");
        }
    }
    fclose(f);
    scn_server *s = scn_start(turns, n);
    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.tmp", argv[2]);
    FILE *pf = fopen(tmp, "w");
    fprintf(pf, "%d\n", scn_port(s));
    fclose(pf);
    rename(tmp, argv[2]);
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    size_t logged = 0;
    snprintf(tmp, sizeof(tmp), "%s.requests", argv[2]);
    while (!stop) {
        usleep(50000);
        while (logged < scn_requests(s)) {
            FILE *rf = fopen(tmp, "a");
            const char *r = scn_request(s, logged++);
            if (rf) {
                fprintf(rf, "%s\n", r ? r : "");
                fclose(rf);
            }
        }
    }
    scn_stop(s);
    return 0;
}

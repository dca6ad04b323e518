/*
 * agent_work.h - what the native executor does around the model loop for a
 * task on a repository: the git workspace (git_workspace.h), the gate on a
 * coder's GO (gates.h), commit and push, the verify task (gate only, no
 * model) and the review task (the branch's diff, findings checked against
 * its changed lines).
 *
 *   kind        before the loop                 on GO / after the loop
 *   issue-fix,  clone, work branch (resumed     gate (when spec.gateProfile
 *   freeform    when on the remote)             is set): a failure goes back
 *                                               to the model; failure number
 *                                               gate_rounds (2) ends the run:
 *                                               INCOMPLETE GateFailed; commit
 *                                               (signed off, the model's
 *                                               summary and details) and push
 *                                               in both cases; status.branch
 *                                               and status.commitSHA
 *   verify      clone on the branch, run the    -
 *               gate: GATE-PASS or GATE-FAIL
 *   review      clone on the branch, its diff   NO-GO must name a changed
 *               against the base goes into the  line (`path:line: text` in
 *               prompt                          details), else the review is
 *                                               not trusted: INCOMPLETE
 *                                               UnfoundedReview
 *
 * Without a cloneable repository the task runs in an empty directory as
 * before. The issue text, when the clone has issues/<n>.md, is added to
 * the prompt of an issue-fix task.
 */
#ifndef FOREMAN_AGENT_WORK_H
#define FOREMAN_AGENT_WORK_H

#include <stdbool.h>
#include <stdint.h>

#include "agent_loop.h"
#include "executor.h"
#include "gates.h"
#include "git_workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AGENT_WORK_GATE_ROUNDS_DEFAULT 2
#define AGENT_WORK_DIFF_MAX (48u * 1024u)

typedef struct fm_agent_work {
    fm_agentic_task *task;     /* t->json decoded; NULL when absent */
    const fm_executor_task *t;
    bool coder;                /* issue-fix or freeform */
    fm_gitws git;
    bool has_git;
    bool gate_on;
    fm_gate gate;
    int gate_rounds;           /* the failure that ends the run (GateFailed) */
    int gate_failures;
    bool gate_exhausted;
    char *gate_last;           /* the last failure's feedback */
    fm_tools_ctx *tools;
    int wake_fd;
    int log_fd;
    char *prompt;              /* the task's prompt with the issue text or the diff */
    fm_buf diff;               /* review: the change */
    char git_config[4200];     /* the git dir's config, denied to bash */
    char token_file[4200];     /* the git token from a Secret, denied to bash; "" when none */
} fm_agent_work;

/*
 * Makes dir/work: the clone and branch when t names a cloneable repository
 * (its kind decides, see above), else an empty directory. On failure
 * returns a negative FM_E* with *reason (CloneFailed, ExecutorError) and
 * the message in the last error.
 */
int fm_agent_work_prepare(fm_agent_work *w, const char *dir, const fm_executor_native_config *nc,
                       const fm_executor_task *t, const char **reason);

/* The task as the loop should see it (prompt with the issue text or the
 * review's diff) into *out (strings borrowed from t and w). */
void fm_agent_work_task(const fm_agent_work *w, fm_executor_task *out);

/* Connects the gate to the loop (lc->on_go) once the tools are open. */
void fm_agent_work_attach(fm_agent_work *w, fm_tools_ctx *tools, int wake_fd, fm_agent_loop_config *lc);

/* A verify task on a repository: runs the gate and fills res (true);
 * false when the task is not one (the loop runs). */
bool fm_agent_work_verify(fm_agent_work *w, fm_executor_result *res);

/* After the loop: GateFailed, commit and push (message: the summary, then
 * details), the review's check of details; res (already filled from the
 * loop) is adjusted. */
void fm_agent_work_finish(fm_agent_work *w, fm_executor_result *res, const char *details);

/* Frees; the files stay. Accepts a zeroed w. */
void fm_agent_work_clear(fm_agent_work *w);

/* Counts the findings (`path:line: text` lines) in details and how many
 * of them name a line the diff adds or changes. */
void fm_agent_work_findings(const char *diff, const char *details, int *findings, int *on_changed);

/* Removes dir/work and dir/git of a finished task; the transcript and the
 * logs stay. */
void fm_agent_work_reclaim(const char *dir);

/* Takes the task directory's lock (dir/.lock, flock), held while its run
 * lives. Returns the descriptor (close to release), or -1 when another
 * holds it. */
int fm_agent_work_lock(const char *dir);

/*
 * Keeps the workspace ws under max_bytes (0: no cap): removes whole task
 * directories, oldest first, skipping those a run holds. Returns how many
 * were removed.
 */
int fm_agent_work_cap(const char *ws, uint64_t max_bytes);

#ifdef __cplusplus
}
#endif
#endif

/*
 * gates.h - quality gates: the format, lint, build and test commands a
 * change must pass, run in the task's sandbox (agent_sandbox.h).
 *
 * A gate comes from the task's gateProfile: the preset of its language
 * (go, python, rust, node, c-cmake, generic), each command the profile
 * names replacing the preset's. Without a language the workspace decides
 * (go.mod, Cargo.toml, package.json, CMakeLists.txt, pyproject.toml /
 * setup.py / *.py at the top, else generic). Steps run in that order and
 * stop at the first failure; an empty command is skipped.
 */
#ifndef FOREMAN_GATES_H
#define FOREMAN_GATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent_sandbox.h"
#include "codec.h"
#include "foreman_v1alpha1.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GATE_STEPS 4
#define GATE_OUTPUT_TAIL 4096

typedef struct gate {
    const char *language;            /* the preset used (static) */
    const char *cmd[GATE_STEPS];     /* format, lint, build, test; NULL/"" skipped (borrowed) */
} fm_gate;

/* The step names, in order: "format", "lint", "build", "test". */
extern const char *const fm_gate_step_names[GATE_STEPS];

/* Fills g with the preset of language (NULL or unknown: generic).
 * Returns false when the language is unknown. */
bool fm_gate_preset(fm_gate *g, const char *language);

/* The preset language for the workspace root (see above); static. */
const char *fm_gate_detect(const char *root);

/* The gate of profile gp (may be NULL) for the workspace root: the
 * language's preset (or the detected one), the profile's commands over it.
 * Strings are borrowed from gp. */
void fm_gate_from_profile(fm_gate *g, const fm_gate_profile *gp, const char *root);

typedef struct fm_gate_report {
    bool passed;
    int failed_step;                 /* index into fm_gate_step_names, -1 when passed */
    int exit_code;
    int steps_run;
    fm_buf feedback;                 /* for the model: step, command, output tail */
} fm_gate_report;

/*
 * Runs the gate's steps in the sandbox sc with workdir as the directory,
 * each for at most step_timeout_ns (never past wake_fd). Returns 0 with
 * the outcome in out (clear with fm_gate_report_clear), or FM_EIO when a
 * step could not start.
 */
int fm_gate_run(fm_gate_report *out, const fm_gate *g, const fm_sandbox_config *sc, const char *workdir,
             int64_t step_timeout_ns, int wake_fd);

void fm_gate_report_clear(fm_gate_report *r);

#ifdef __cplusplus
}
#endif
#endif

/*
 * gates.c - quality gates run in the sandbox (gates.h).
 */
#include "gates.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

const char *const fm_gate_step_names[GATE_STEPS] = {"format", "lint", "build", "test"};

typedef struct preset {
    const char *language;
    const char *cmd[GATE_STEPS];
} preset;

static const preset presets[] = {
    {"go", {"test -z \"$(gofmt -l .)\" || { gofmt -l .; exit 1; }", "go vet ./...", "go build ./...", "go test ./..."}},
    {"python", {NULL, NULL, "python3 -m compileall -q -x '/\\.' .", "python3 -m pytest -q"}},
    {"rust", {"cargo fmt --check", "cargo clippy -q -- -D warnings", "cargo build -q", "cargo test -q"}},
    {"node", {NULL, "npm run lint --if-present", "npm run build --if-present", "npm test"}},
    {"c-cmake",
     {NULL, NULL, "cmake -S . -B .gate-build -DCMAKE_BUILD_TYPE=Debug >/dev/null && cmake --build .gate-build -j2",
      "ctest --test-dir .gate-build --output-on-failure"}},
    {"generic",
     {NULL, NULL, NULL,
      "if [ -x ./test.sh ]; then ./test.sh; elif [ -f test.sh ]; then sh test.sh; "
      "elif [ -f Makefile ]; then make test; else echo 'no test command for this repository'; fi"}},
};

bool fm_gate_preset(fm_gate *g, const char *language)
{
    size_t n = sizeof presets / sizeof presets[0];
    for (size_t i = 0; i < n; i++) {
        if (!language || strcmp(language, presets[i].language)) continue;
        g->language = presets[i].language;
        memcpy(g->cmd, presets[i].cmd, sizeof g->cmd);
        return true;
    }
    g->language = presets[n - 1].language;
    memcpy(g->cmd, presets[n - 1].cmd, sizeof g->cmd);
    return false;
}

static bool has(const char *root, const char *name)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", root, name);
    struct stat st;
    return lstat(p, &st) == 0;
}

/* True when root holds a *.py file at its top level. */
static bool has_py(const char *root)
{
    DIR *d = opendir(root);
    if (!d) return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        found = l > 3 && !strcmp(e->d_name + l - 3, ".py");
    }
    closedir(d);
    return found;
}

const char *fm_gate_detect(const char *root)
{
    if (!root) return "generic";
    if (has(root, "go.mod")) return "go";
    if (has(root, "Cargo.toml")) return "rust";
    if (has(root, "package.json")) return "node";
    if (has(root, "CMakeLists.txt")) return "c-cmake";
    if (has(root, "pyproject.toml") || has(root, "setup.py") || has_py(root)) return "python";
    return "generic";
}

/* The schema's GateLanguage values are the presets' names (c-cmake
 * included), so the enum maps to a preset by its JSON spelling;
 * unit.test_git_workspace checks that every value has one. */
void fm_gate_from_profile(fm_gate *g, const fm_gate_profile *gp, const char *root)
{
    const char *lang = gp ? fm_gate_language_name(gp->language) : NULL;
    if (!lang || !lang[0]) lang = fm_gate_detect(root);
    fm_gate_preset(g, lang);
    if (!gp || !fm_gate_profile_has_commands(gp)) return;
    const fm_gate_commands *c = &gp->commands;
    const char *own[GATE_STEPS] = {c->format, c->lint, c->build, c->test};
    for (int i = 0; i < GATE_STEPS; i++)
        if (own[i] && own[i][0]) g->cmd[i] = own[i];
}

void fm_gate_report_clear(fm_gate_report *r)
{
    if (!r) return;
    fm_buf_free(&r->feedback);
    memset(r, 0, sizeof *r);
}

int fm_gate_run(fm_gate_report *out, const fm_gate *g, const fm_sandbox_config *sc, const char *workdir,
             int64_t step_timeout_ns, int wake_fd)
{
    memset(out, 0, sizeof *out);
    out->passed = true;
    out->failed_step = -1;
    for (int i = 0; i < GATE_STEPS; i++) {
        if (!g->cmd[i] || !g->cmd[i][0]) continue;
        fm_sandbox_result r;
        int rc = fm_sandbox_run(&r, sc, workdir, g->cmd[i], step_timeout_ns, wake_fd);
        if (rc != 0) return fm_error_set(FM_EIO, "gate step %s could not start: %s", fm_gate_step_names[i],
                                         fm_error_last()->message);
        out->steps_run++;
        if (r.exit_code == 0 && !r.timed_out && !r.cancelled) {
            fm_sandbox_result_clear(&r);
            continue;
        }
        out->passed = false;
        out->failed_step = i;
        out->exit_code = r.exit_code;
        int e = fm_buf_printf(&out->feedback, "The %s gate (%s) failed: step %s `%s` %s %d.\n", g->language,
                              "format, lint, build, test", fm_gate_step_names[i], g->cmd[i],
                              r.timed_out ? "timed out; exit" : "exited with", r.exit_code);
        size_t len = r.output.len, from = len > GATE_OUTPUT_TAIL ? len - GATE_OUTPUT_TAIL : 0;
        e |= fm_buf_puts(&out->feedback, from ? "Output (last part):\n" : "Output:\n");
        e |= fm_buf_put(&out->feedback, r.output.data ? r.output.data + from : "", len - from);
        fm_sandbox_result_clear(&r);
        return e ? fm_error_set(FM_ENOMEM, "gate: out of memory") : 0;
    }
    return 0;
}

/*
 * git_workspace.h - a task's git checkout: clone, work branch, commit and
 * push, with credentials that never reach the sandbox.
 *
 *   <taskdir>/git      the repository (git dir), outside the tools' root,
 *                      so bash in the sandbox (Landlock: writes only under
 *                      the workspace) can read it but never change its
 *                      config, hooks or refs
 *   <taskdir>/work     the work tree (the tools' root); work/.git is a
 *                      "gitdir:" file, which git run by the agent ignores:
 *                      every command gets GIT_DIR and GIT_WORK_TREE
 *   <taskdir>/askpass  GIT_ASKPASS helper: prints the user for "Username"
 *                      and the first line of the token file for "Password"
 *
 * Every git command runs with a fixed environment: PATH, HOME=/nonexistent,
 * no system or global config, no terminal prompt, hooks and fsmonitor off,
 * and (for the network commands) GIT_ASKPASS / GIT_SSH_COMMAND naming the
 * credential files; output goes to the log descriptor, never to a
 * transcript. Credentials are file paths; their content is read by git's
 * helpers only.
 *
 * The branch: payload.branch, else `<branchPrefix|foreman/><name>`. When
 * it exists on the remote the earlier attempt is resumed (checked out from
 * the remote); otherwise it is made from the clone's HEAD (baseBranch when
 * given). Push never forces unless asked (allowOverwrite).
 */
#ifndef FOREMAN_GIT_WORKSPACE_H
#define FOREMAN_GIT_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_gitws_creds {
    const char *token_file;    /* HTTPS: first line is the password/token; NULL: none */
    const char *user;          /* HTTPS user name; NULL -> "x-access-token" */
    const char *ssh_key_file;  /* ssh: private key; NULL: ssh's defaults */
} fm_gitws_creds;

typedef struct fm_gitws {
    char *taskdir;
    char *work;
    char *gitdir;
    char *askpass;
    char *branch;              /* the work branch */
    char *base_branch;         /* branch the work started from ("" when unknown) */
    char *base_sha;            /* commit the work started from */
    bool resumed;              /* the branch existed on the remote */
    fm_gitws_creds creds;         /* borrowed */
    int log_fd;                /* -1: output discarded */
} fm_gitws;

/* True when repo is something the workspace clones: an absolute path,
 * file://, http(s)://, ssh:// or scp-like user@host:path. */
bool fm_gitws_cloneable(const char *repo);

/*
 * Clones repo into taskdir/work (git dir taskdir/git) and checks out the
 * work branch `branch` (see above), starting from base_branch (NULL: the
 * remote's default). creds and log_fd are kept for later commands.
 * Returns 0, or FM_ERROR with a one-line message (the log has git's
 * output). g is the caller's to clear (fm_gitws_clear) either way.
 */
int fm_gitws_open(fm_gitws *g, const char *taskdir, const char *repo, const char *branch, const char *base_branch,
               const fm_gitws_creds *creds, int log_fd);

/*
 * Commits every change of the work tree (git add -A) with message (a
 * Signed-off-by line added) and pushes the branch to origin, forcing only
 * when force is true. *out_sha (caller frees) is the branch's commit
 * (the base or resumed commit when nothing changed; *changed says which).
 * Returns 0, or FM_ERROR ("push rejected" when the remote moved and force
 * is false).
 */
int fm_gitws_commit_push(fm_gitws *g, const char *message, bool force, char **out_sha, bool *changed);

/*
 * Appends the diff of the work branch against its base (merge-base with
 * origin/<base_branch>, else base_sha), with 3 lines of context, at most
 * max bytes. Returns 0 or FM_ERROR.
 */
int fm_gitws_diff(fm_buf *out, fm_gitws *g, size_t max);

/* Runs `git args...` (NULL-terminated) in the workspace with its
 * environment; stdout into out (may be NULL), stderr to the log.
 * Returns git's exit status, or -1 when it could not run (no last error
 * is recorded: the caller says which git command failed). */
int fm_gitws_git(fm_gitws *g, fm_buf *out, const char *const *args);

/* Frees the strings (the files stay). Accepts NULL. */
void fm_gitws_clear(fm_gitws *g);

/* A branch-safe name from s: [a-z0-9._-] kept (upper case lowered),
 * anything else becomes '-'; at most n-1 bytes into buf. */
void fm_gitws_slug(char *buf, size_t n, const char *s);

#ifdef __cplusplus
}
#endif
#endif

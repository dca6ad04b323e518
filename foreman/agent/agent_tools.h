/*
 * agent_tools.h - the tools the native agent loop offers the model, each
 * confined to one workspace directory:
 *
 *   read_file    {path, start_line?, end_line?}  numbered lines, size cap
 *   write_file   {path, content}                 creates parents
 *   str_replace  {path, old_str, new_str}        exact and unique; else a
 *                                                whitespace-tolerant line
 *                                                match; a no-op is refused;
 *                                                a miss shows the closest region
 *   list_files   {path?, glob?}                  recursive, skips .git
 *   grep         {pattern, path?, glob?, ignore_case?}  POSIX ERE, skips .git
 *                                                and binary files
 *   bash         {command, timeout_seconds?}     in the sandbox (agent_sandbox.h)
 *
 * (submit_result is the loop's own: it ends the run.)
 *
 * Paths are relative to the workspace. Absolute paths and ".." components
 * are refused outright; every open goes through openat2(RESOLVE_BENEATH |
 * RESOLVE_NO_MAGICLINKS) from the workspace's descriptor, so no symlink can
 * lead outside either. Every result is capped (fm_tools_ctx.result_max) and
 * says when it was cut. Tools never fail the run: a bad call yields a tool
 * error text for the model.
 */
#ifndef FOREMAN_AGENT_TOOLS_H
#define FOREMAN_AGENT_TOOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent_sandbox.h"
#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TOOLS_RESULT_MAX_DEFAULT (16u * 1024u)
#define TOOLS_READ_MAX_DEFAULT (1024u * 1024u)
#define TOOLS_LIST_MAX 500
#define TOOLS_GREP_MAX 200

/* One bit per tool (fm_tools_bit); a fm_tools_ctx's `allowed` is a set of them. */
enum {
    TOOL_READ_FILE = 1u << 0,
    TOOL_WRITE_FILE = 1u << 1,
    TOOL_STR_REPLACE = 1u << 2,
    TOOL_LIST_FILES = 1u << 3,
    TOOL_GREP = 1u << 4,
    TOOL_BASH = 1u << 5,
    TOOL_SUBMIT_RESULT = 1u << 6,
};
#define TOOLS_ALL_BITS 0x7fu

typedef struct fm_tools_ctx {
    const char *root;        /* workspace path (for messages and bash) */
    int root_fd;             /* O_PATH | O_DIRECTORY descriptor of root */
    size_t result_max;       /* 0 -> TOOLS_RESULT_MAX_DEFAULT */
    size_t read_max;         /* largest file read_file/str_replace load */
    fm_sandbox_config sandbox;  /* for bash */
    int wake_fd;             /* cancel: readable when the run is stopped */
    int64_t deadline_ns;     /* bash never runs past it (monotonic; 0 none) */
    fm_list changed;         /* char *: paths written (set, in order) */
    uint32_t allowed;        /* TOOL_* bits the model may use; 0 -> all.
                                submit_result is always offered */
} fm_tools_ctx;

/* Opens root and fills c (sandbox settings left as given). Returns 0 or
 * FM_EIO. */
int fm_tools_open(fm_tools_ctx *c, const char *root);

/* Closes and frees. Accepts a zeroed ctx. */
void fm_tools_close(fm_tools_ctx *c);

/* The TOOL_* bit of a tool name (read_file, write_file, str_replace,
 * list_files, grep, bash, submit_result), or 0 when it is none. */
uint32_t fm_tools_bit(const char *name);

/* The tools' JSON schemas as an OpenAI "tools" array (static text); with
 * only_submit, just submit_result. */
const char *fm_tools_schema(bool only_submit);

/*
 * The OpenAI "tools" array of the tools in `allowed` (TOOL_* bits; 0 means
 * all), submit_result always among them, in the fixed order of
 * fm_tools_schema(false), appended to out. Returns 0 or FM_ENOMEM.
 */
int fm_tools_schema_allowed(fm_buf *out, uint32_t allowed);

/* Appends the names of the tools in `allowed` (0: all; submit_result
 * always), comma separated, to out. Returns 0 or FM_ENOMEM. */
int fm_tools_names(fm_buf *out, uint32_t allowed);

/*
 * Runs tool `name` with JSON arguments args[0..len). Appends the result the
 * model sees to out (capped) and sets *is_error when the call failed (bad
 * arguments, unknown tool, a tool not in c->allowed, path outside the
 * workspace, ...). Returns 0, or
 * FM_ENOMEM / FM_ECANCELED (the run was stopped while bash ran).
 */
int fm_tools_call(fm_buf *out, fm_tools_ctx *c, const char *name, const char *args, size_t len, bool *is_error);

/*
 * Opens path beneath dirfd (openat2 RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS
 * where the kernel has it; otherwise a lexical check and O_NOFOLLOW).
 * Absolute paths and ".." components are refused with EXDEV. Returns the fd
 * or -1 with errno (POSIX style: no last error; the caller words it).
 */
int fm_tools_open_beneath(int dirfd, const char *path, int flags, int mode);

/* Cuts b to at most max bytes, keeping the head and the tail around a
 * "[... N bytes cut ...]" line. */
void fm_tools_cap(fm_buf *b, size_t max);

#ifdef __cplusplus
}
#endif
#endif

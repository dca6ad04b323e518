/*
 * agent_tools.c - the native agent's workspace tools. See agent_tools.h.
 */
#include "agent_tools.h"

#include "error.h"
#include "executor.h"
#include "kube_json.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef __linux__
#include <limits.h>
#include <linux/openat2.h>
#endif

#define WALK_DEPTH_MAX 32
#define GREP_FILE_MAX (4u * 1024u * 1024u)

/* ------------------------------------------------------------ paths */

/* True when path is relative and has no ".." component. */
static bool path_lexically_ok(const char *path)
{
    if (!path || path[0] == '/') return false;
    const char *p = path;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') return false;
        p += n;
        while (*p == '/') p++;
    }
    return true;
}

int fm_tools_open_beneath(int dirfd, const char *path, int flags, int mode)
{
    if (!path_lexically_ok(path)) {
        errno = EXDEV;
        return -1;
    }
    if (!path[0]) path = ".";
#if defined(__linux__) && defined(SYS_openat2)
    struct open_how how;
    memset(&how, 0, sizeof(how));
    how.flags = (__u64)(unsigned)(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? (__u64)mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
    if (fd >= 0 || errno != ENOSYS) return (int)fd;
#endif
    /* No openat2 (kernels before 5.6, or valgrind): walk the path one
     * component at a time and never follow a symlink, neither in a parent
     * directory (O_PATH|O_DIRECTORY|O_NOFOLLOW fails on one) nor as the
     * last step; with the lexical check above (no "..", not absolute) the
     * walk cannot leave dirfd. */
    char buf[PATH_MAX];
    if (strlen(path) >= sizeof(buf)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, path, strlen(path) + 1);
    int cur = dirfd;
    char *save = NULL, *comp = strtok_r(buf, "/", &save);
    if (!comp) return openat(dirfd, ".", flags | O_CLOEXEC | O_NOFOLLOW, mode);
    for (;;) {
        char *next = strtok_r(NULL, "/", &save);
        int nfd = next ? openat(cur, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                       : openat(cur, comp, flags | O_CLOEXEC | O_NOFOLLOW, mode);
        int e = errno;
        if (cur != dirfd) close(cur);
        if (nfd < 0 || !next) {
            errno = e;
            return nfd;
        }
        cur = nfd;
        comp = next;
    }
}

int fm_tools_open(fm_tools_ctx *c, const char *root)
{
    c->root = root;
    c->root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (c->root_fd < 0) return fm_error_set(FM_EIO, "workspace %s: %s", root, strerror(errno));
    if (!c->result_max) c->result_max = TOOLS_RESULT_MAX_DEFAULT;
    if (!c->read_max) c->read_max = TOOLS_READ_MAX_DEFAULT;
    return 0;
}

void fm_tools_close(fm_tools_ctx *c)
{
    if (c->root_fd > 0) close(c->root_fd);
    c->root_fd = -1;
    char **items = c->changed.items;
    for (size_t i = 0; i < c->changed.len; i++) free(items[i]);
    free(items);
    c->changed.items = NULL;
    c->changed.len = 0;
}

static void note_changed(fm_tools_ctx *c, const char *path)
{
    char **items = c->changed.items;
    for (size_t i = 0; i < c->changed.len; i++)
        if (strcmp(items[i], path) == 0) return;
    (void)fm_strlist_push(&c->changed, path);
}

void fm_tools_cap(fm_buf *b, size_t max)
{
    if (b->len <= max || max < 128) return;
    char marker[96];
    size_t cut = b->len - max;
    int ml = snprintf(marker, sizeof(marker), "\n[... %zu bytes cut ...]\n", cut + 64);
    size_t keep = max - (size_t)ml;
    size_t head = keep * 3 / 4, tail = keep - head;
    memmove(b->data + head + (size_t)ml, b->data + b->len - tail, tail);
    memcpy(b->data + head, marker, (size_t)ml);
    b->len = head + (size_t)ml + tail;
    b->data[b->len] = '\0';
}

/* ------------------------------------------------------------ arguments */

/* The string member name of args, malloc'd; NULL when absent. */
static char *arg_str(const char *args, size_t len, const char *name)
{
    const char *v;
    size_t vl;
    if (fm_kube_json_member(args, len, name, &v, &vl) != 0 || vl == 0 || v[0] != '"') return NULL;
    return fm_kube_json_string(v, vl);
}

/*
 * The "path" argument, malloc'd, NULL when absent. An absolute path that
 * names the workspace root or something under it (models copy the root
 * from what bash or an error message showed them) is made relative to the
 * root; the result still goes through fm_tools_open_beneath, so nothing
 * outside is reachable (an absolute path anywhere else stays absolute and
 * is refused there).
 */
static char *arg_path(const fm_tools_ctx *c, const char *args, size_t len)
{
    char *path = arg_str(args, len, "path");
    if (!path || path[0] != '/' || !c->root || c->root[0] != '/') return path;
    size_t rl = strlen(c->root);
    while (rl > 1 && c->root[rl - 1] == '/') rl--;
    if (strncmp(path, c->root, rl) != 0 || (path[rl] != '\0' && path[rl] != '/')) return path;
    const char *rest = path + rl;
    while (*rest == '/') rest++;
    memmove(path, rest[0] ? rest : ".", strlen(rest[0] ? rest : ".") + 1);
    return path;
}

/* The integer member name (also accepted as a numeric string); def when absent. */
static int64_t arg_int(const char *args, size_t len, const char *name, int64_t def)
{
    const char *v;
    size_t vl;
    int64_t x;
    if (fm_kube_json_member(args, len, name, &v, &vl) != 0) return def;
    if (fm_kube_json_int(&x, v, vl) == 0) return x;
    if (vl > 2 && v[0] == '"') {
        char *e;
        long long y = strtoll(v + 1, &e, 10);
        if (*e == '"') return y;
    }
    return def;
}

static bool arg_bool(const char *args, size_t len, const char *name)
{
    const char *v;
    size_t vl;
    return fm_kube_json_member(args, len, name, &v, &vl) == 0 && vl == 4 && memcmp(v, "true", 4) == 0;
}

/* ------------------------------------------------------------ file helpers */

/* Reads the whole regular file at path (beneath root) into b, at most max
 * bytes. Returns 0, -1 with errno, or -2 when larger than max. */
static int read_whole(fm_tools_ctx *c, const char *path, fm_buf *b, size_t max)
{
    int fd = fm_tools_open_beneath(c->root_fd, path, O_RDONLY, 0);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        return -1;
    }
    if ((uint64_t)st.st_size > max) {
        close(fd);
        return -2;
    }
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
        if (b->len + (size_t)n > max || fm_buf_put(b, chunk, (size_t)n) != 0) {
            close(fd);
            return -2;
        }
    }
    close(fd);
    if (!b->data && fm_buf_put(b, "", 0) != 0) return -1;
    return 0;
}

/* Creates the parent directories of path beneath root. Returns 0 or -1. */
static int make_parents(fm_tools_ctx *c, const char *path)
{
    char *dup = fm_strdup(path);
    if (!dup) return -1;
    int rc = 0;
    for (char *p = strchr(dup, '/'); p && rc == 0; p = strchr(p + 1, '/')) {
        *p = '\0';
        char *slash = strrchr(dup, '/');
        const char *parent = slash ? dup : ".";
        const char *leaf = slash ? slash + 1 : dup;
        if (slash) *slash = '\0';
        int pfd = fm_tools_open_beneath(c->root_fd, parent, O_PATH | O_DIRECTORY, 0);
        if (slash) *slash = '/';
        if (pfd < 0) rc = -1;
        else {
            if (leaf[0] && mkdirat(pfd, leaf, 0755) != 0 && errno != EEXIST) rc = -1;
            close(pfd);
        }
        *p = '/';
    }
    free(dup);
    return rc;
}

/* Writes data to path beneath root (truncating). Returns 0 or -1. */
static int write_whole(fm_tools_ctx *c, const char *path, const char *data, size_t len)
{
    if (make_parents(c, path) != 0) return -1;
    int fd = fm_tools_open_beneath(c->root_fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return -1;
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            close(fd);
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return close(fd);
}

static int path_error(fm_buf *out, bool *is_error, const char *what, const char *path)
{
    *is_error = true;
    if (errno == EXDEV || errno == ELOOP)
        return fm_buf_printf(out, "error: %s: path \"%s\" is outside the workspace (use a relative path "
                                  "without \"..\" and without symlinks leading out)", what, path);
    return fm_buf_printf(out, "error: %s %s: %s", what, path, strerror(errno));
}

/* ------------------------------------------------------------ read_file */

static int tool_read_file(fm_buf *out, fm_tools_ctx *c, const char *args, size_t len, bool *is_error)
{
    char *path = arg_path(c, args, len);
    int rc = 0;
    if (!path) {
        *is_error = true;
        return fm_buf_puts(out, "error: read_file needs \"path\"");
    }
    int64_t start = arg_int(args, len, "start_line", 1), end = arg_int(args, len, "end_line", 0);
    if (start < 1) start = 1;
    fm_buf b = FM_BUF_INIT;
    int r = read_whole(c, path, &b, c->read_max);
    if (r == -2) {
        *is_error = true;
        rc = fm_buf_printf(out, "error: %s is larger than %zu bytes; read it with grep or bash (head, sed -n)",
                           path, c->read_max);
    } else if (r != 0) {
        rc = path_error(out, is_error, "read_file", path);
    } else {
        int64_t line = 1, shown = 0, total = 0;
        const char *p = b.data, *e = b.data + b.len;
        fm_buf o = FM_BUF_INIT;
        while (p < e) {
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
            if (line >= start && (end <= 0 || line <= end)) {
                rc |= fm_buf_printf(&o, "%6lld\t", (long long)line);
                rc |= fm_buf_put(&o, p, n);
                rc |= fm_buf_put(&o, "\n", 1);
                shown++;
            }
            total = line;
            line++;
            p = nl ? nl + 1 : e;
        }
        if (shown == 0) rc |= fm_buf_printf(&o, "(no lines in range; the file has %lld lines)\n", (long long)total);
        else if (o.len > c->result_max)
            rc |= fm_buf_printf(&o, "[file has %lld lines; ask for a smaller range with start_line/end_line]\n",
                                (long long)total);
        fm_tools_cap(&o, c->result_max);
        rc |= fm_buf_put(out, o.data ? o.data : "", o.len);
        fm_buf_free(&o);
    }
    fm_buf_free(&b);
    free(path);
    return rc ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ write_file */

static int tool_write_file(fm_buf *out, fm_tools_ctx *c, const char *args, size_t len, bool *is_error)
{
    char *path = arg_path(c, args, len);
    char *content = arg_str(args, len, "content");
    int rc;
    if (!path || !content) {
        *is_error = true;
        rc = fm_buf_puts(out, "error: write_file needs \"path\" and \"content\" (strings)");
    } else if (write_whole(c, path, content, strlen(content)) != 0) {
        rc = path_error(out, is_error, "write_file", path);
    } else {
        note_changed(c, path);
        rc = fm_buf_printf(out, "wrote %zu bytes to %s", strlen(content), path);
    }
    free(path);
    free(content);
    return rc ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ str_replace */

/* Counts occurrences of needle in hay; *first gets the first offset. */
static size_t count_occurrences(const char *hay, size_t hl, const char *needle, size_t nl, size_t *first)
{
    size_t n = 0;
    const char *p = hay, *e = hay + hl;
    while (p + nl <= e) {
        const char *q = memmem(p, (size_t)(e - p), needle, nl);
        if (!q) break;
        if (n == 0) *first = (size_t)(q - hay);
        n++;
        p = q + 1;
    }
    return n;
}

/* A line without its leading and trailing blanks. */
static void trim(const char **s, size_t *n)
{
    while (*n > 0 && isspace((unsigned char)**s)) (*s)++, (*n)--;
    while (*n > 0 && isspace((unsigned char)(*s)[*n - 1])) (*n)--;
}

typedef struct line_span {
    size_t off, len; /* without the newline */
} line_span;

/* Splits s into lines (the last one may lack its newline). Returns count;
 * *out malloc'd. */
static size_t split_lines(const char *s, size_t len, line_span **out)
{
    size_t cap = 64, n = 0;
    line_span *l = malloc(cap * sizeof(*l));
    size_t at = 0;
    while (l && at < len) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t e = nl ? (size_t)(nl - s) : len;
        if (n == cap) {
            line_span *m = realloc(l, (cap *= 2) * sizeof(*l));
            if (!m) {
                free(l);
                l = NULL;
                break;
            }
            l = m;
        }
        l[n].off = at;
        l[n].len = e - at;
        n++;
        at = e + 1;
    }
    *out = l;
    return l ? n : 0;
}

static bool lines_equal_trimmed(const char *a, size_t al, const char *b, size_t bl)
{
    trim(&a, &al);
    trim(&b, &bl);
    return al == bl && memcmp(a, b, al) == 0;
}

/* Similarity of two lines: length of the longest common prefix after trim. */
static size_t similarity(const char *a, size_t al, const char *b, size_t bl)
{
    trim(&a, &al);
    trim(&b, &bl);
    size_t n = 0;
    while (n < al && n < bl && a[n] == b[n]) n++;
    return n;
}

static int tool_str_replace(fm_buf *out, fm_tools_ctx *c, const char *args, size_t len, bool *is_error)
{
    char *path = arg_path(c, args, len);
    char *old = arg_str(args, len, "old_str");
    char *new_ = arg_str(args, len, "new_str");
    fm_buf b = FM_BUF_INIT, nb = FM_BUF_INIT;
    line_span *fl = NULL, *ol = NULL;
    int rc = 0;
    *is_error = true;
    if (!path || !old || !new_) {
        rc = fm_buf_puts(out, "error: str_replace needs \"path\", \"old_str\" and \"new_str\" (strings)");
        goto done;
    }
    if (!old[0]) {
        rc = fm_buf_puts(out, "error: old_str is empty; use write_file to create a file");
        goto done;
    }
    if (strcmp(old, new_) == 0) {
        rc = fm_buf_puts(out, "error: old_str and new_str are the same; nothing would change");
        goto done;
    }
    int r = read_whole(c, path, &b, c->read_max);
    if (r == -2) {
        rc = fm_buf_printf(out, "error: %s is larger than %zu bytes", path, c->read_max);
        goto done;
    }
    if (r != 0) {
        rc = path_error(out, is_error, "str_replace", path);
        goto done;
    }
    size_t ol_len = strlen(old), first = 0;
    size_t n = count_occurrences(b.data, b.len, old, ol_len, &first);
    size_t rep_off = 0, rep_len = 0;
    const char *how = "exact match";
    if (n > 1) {
        rc = fm_buf_printf(out, "error: old_str occurs %zu times in %s; add surrounding lines so it is unique", n,
                           path);
        goto done;
    }
    if (n == 1) {
        rep_off = first;
        rep_len = ol_len;
    } else {
        /* whitespace-tolerant: the same lines, ignoring leading/trailing blanks */
        size_t nf = split_lines(b.data, b.len, &fl);
        size_t no = split_lines(old, ol_len, &ol);
        while (no > 0 && ol[no - 1].len == 0) no--;
        size_t hits = 0, at = 0;
        for (size_t i = 0; no > 0 && i + no <= nf; i++) {
            size_t k = 0;
            while (k < no && lines_equal_trimmed(b.data + fl[i + k].off, fl[i + k].len, old + ol[k].off, ol[k].len))
                k++;
            if (k == no) {
                if (hits++ == 0) at = i;
            }
        }
        if (hits == 1) {
            rep_off = fl[at].off;
            size_t last = at + no - 1;
            rep_len = fl[last].off + fl[last].len - rep_off;
            how = "match ignoring leading/trailing whitespace";
        } else if (hits > 1) {
            rc = fm_buf_printf(out, "error: old_str matches %zu places in %s when whitespace is ignored; add "
                                    "context so it is unique", hits, path);
            goto done;
        } else {
            /* show the region that looks most like the first line of old_str */
            size_t best = 0, best_i = 0;
            for (size_t i = 0; no > 0 && i < nf; i++) {
                size_t s = similarity(b.data + fl[i].off, fl[i].len, old + ol[0].off, ol[0].len);
                if (s > best) best = s, best_i = i;
            }
            rc = fm_buf_printf(out, "error: old_str not found in %s.", path);
            if (best > 0) {
                size_t from = best_i >= 3 ? best_i - 3 : 0, to = best_i + no + 3 < nf ? best_i + no + 3 : nf;
                rc |= fm_buf_printf(out, " The closest region (lines %zu-%zu):\n", from + 1, to);
                for (size_t i = from; i < to; i++) {
                    rc |= fm_buf_printf(out, "%6zu\t", i + 1);
                    rc |= fm_buf_put(out, b.data + fl[i].off, fl[i].len);
                    rc |= fm_buf_puts(out, "\n");
                }
            } else {
                rc |= fm_buf_puts(out, " Read the file again (read_file) and copy the text exactly.");
            }
            goto done;
        }
    }
    rc |= fm_buf_put(&nb, b.data, rep_off);
    rc |= fm_buf_puts(&nb, new_);
    rc |= fm_buf_put(&nb, b.data + rep_off + rep_len, b.len - rep_off - rep_len);
    if (rc) goto done;
    if (write_whole(c, path, nb.data ? nb.data : "", nb.len) != 0) {
        rc = path_error(out, is_error, "str_replace", path);
        goto done;
    }
    note_changed(c, path);
    *is_error = false;
    /* the line of the change, for the model's bearings */
    size_t line = 1;
    for (size_t i = 0; i < rep_off; i++) line += b.data[i] == '\n';
    rc = fm_buf_printf(out, "replaced 1 occurrence in %s at line %zu (%s)", path, line, how);
done:
    free(fl);
    free(ol);
    fm_buf_free(&b);
    fm_buf_free(&nb);
    free(path);
    free(old);
    free(new_);
    return rc ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ walking */

typedef struct walk {
    fm_tools_ctx *c;
    const char *glob;
    regex_t *re;             /* grep; NULL for list_files */
    fm_buf *out;
    size_t found, max;
    bool cut;
    int rc;
} walk;

static bool glob_match(const char *glob, const char *rel)
{
    if (!glob || !glob[0] || strcmp(glob, "*") == 0 || strcmp(glob, "**") == 0) return true;
    if (strchr(glob, '/')) {
        /* "**" and "*" may cross directories; "**\/" may also match nothing */
        if (fnmatch(glob, rel, 0) == 0) return true;
        const char *dd = strstr(glob, "**/");
        if (dd) {
            char tmp[512];
            snprintf(tmp, sizeof(tmp), "%.*s%s", (int)(dd - glob), glob, dd + 3);
            return fnmatch(tmp, rel, 0) == 0;
        }
        return false;
    }
    const char *base = strrchr(rel, '/');
    return fnmatch(glob, base ? base + 1 : rel, 0) == 0;
}

/* Greps the open file fd (consumed), named rel in the output. */
static void grep_fd(walk *w, int fd, const char *rel)
{
    if (fd < 0) return;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > GREP_FILE_MAX) {
        close(fd);
        return;
    }
    fm_buf b = FM_BUF_INIT;
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof(chunk))) > 0)
        if (fm_buf_put(&b, chunk, (size_t)n) != 0) break;
    close(fd);
    if (!b.data || memchr(b.data, '\0', b.len < 8192 ? b.len : 8192)) { /* binary */
        fm_buf_free(&b);
        return;
    }
    size_t line = 1;
    char *p = b.data, *e = b.data + b.len;
    while (p < e) {
        char *nl = memchr(p, '\n', (size_t)(e - p));
        if (nl) *nl = '\0';
        if (regexec(w->re, p, 0, NULL, 0) == 0) {
            if (w->found >= w->max) {
                w->cut = true;
                break;
            }
            size_t l = strlen(p);
            w->rc |= fm_buf_printf(w->out, "%s:%zu:%.*s%s\n", rel, line, (int)(l > 300 ? 300 : l), p,
                                   l > 300 ? "..." : "");
            w->found++;
        }
        line++;
        p = nl ? nl + 1 : e;
    }
    fm_buf_free(&b);
}

/* Walks directory fd (consumed) whose workspace-relative path is rel. */
static void walk_dir(walk *w, int fd, const char *rel, int depth)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return;
    }
    struct dirent *de;
    /* sorted output: collect names first */
    char **names = NULL;
    size_t nn = 0, cap = 0;
    while ((de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") || !strcmp(de->d_name, ".git")) continue;
        if (nn == cap) {
            char **m = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(char *));
            if (!m) break;
            names = m;
        }
        names[nn++] = fm_strdup(de->d_name);
    }
    for (size_t i = 1; i < nn; i++) /* insertion sort: directories are small */
        for (size_t j = i; j > 0 && names[j] && names[j - 1] && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < nn && !w->cut; i++) {
        if (!names[i]) continue;
        char child[4096];
        snprintf(child, sizeof(child), "%s%s%s", rel[0] ? rel : "", rel[0] ? "/" : "", names[i]);
        struct stat st;
        if (fstatat(dirfd(d), names[i], &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (depth < WALK_DEPTH_MAX) {
                int cfd = openat(dirfd(d), names[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
                if (cfd >= 0) walk_dir(w, cfd, child, depth + 1);
            }
            continue;
        }
        if (!glob_match(w->glob, child)) continue;
        if (w->re) {
            grep_fd(w, openat(dirfd(d), names[i], O_RDONLY | O_CLOEXEC | O_NOFOLLOW), child);
        } else {
            if (w->found >= w->max) {
                w->cut = true;
                break;
            }
            w->rc |= fm_buf_printf(w->out, "%s%s\n", child, S_ISLNK(st.st_mode) ? " (symlink)" : "");
            w->found++;
        }
    }
    for (size_t i = 0; i < nn; i++) free(names[i]);
    free(names);
    closedir(d);
}

static int tool_walk(fm_buf *out, fm_tools_ctx *c, const char *args, size_t len, bool *is_error, bool grep)
{
    char *path = arg_path(c, args, len);
    char *glob = arg_str(args, len, "glob");
    if (!glob) glob = arg_str(args, len, "pattern_glob");
    char *pattern = grep ? arg_str(args, len, "pattern") : NULL;
    regex_t re;
    bool have_re = false;
    int rc = 0;
    fm_buf o = FM_BUF_INIT;
    walk w;
    memset(&w, 0, sizeof(w));
    if (!grep && !glob) glob = arg_str(args, len, "pattern"); /* a common slip */
    if (grep) {
        if (!pattern) {
            *is_error = true;
            rc = fm_buf_puts(out, "error: grep needs \"pattern\" (a POSIX extended regular expression)");
            goto done;
        }
        int flags = REG_EXTENDED | REG_NOSUB | (arg_bool(args, len, "ignore_case") ? REG_ICASE : 0);
        int e = regcomp(&re, pattern, flags);
        if (e != 0) {
            char msg[128];
            regerror(e, &re, msg, sizeof(msg));
            *is_error = true;
            rc = fm_buf_printf(out, "error: bad pattern: %s", msg);
            goto done;
        }
        have_re = true;
    }
    const char *dir = path && path[0] ? path : ".";
    int fd = fm_tools_open_beneath(c->root_fd, dir, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0 && errno == ENOTDIR && grep) {
        /* grep in one file */
        w.re = &re;
        w.out = &o;
        w.max = TOOLS_GREP_MAX;
        grep_fd(&w, fm_tools_open_beneath(c->root_fd, dir, O_RDONLY, 0), dir);
        if (w.found == 0) rc |= fm_buf_puts(&o, "(no matches)\n");
        fm_tools_cap(&o, c->result_max);
        rc |= w.rc | fm_buf_put(out, o.data ? o.data : "", o.len);
        goto done;
    }
    if (fd < 0) {
        rc = path_error(out, is_error, grep ? "grep" : "list_files", dir);
        goto done;
    }
    w.c = c;
    w.glob = glob;
    w.re = have_re ? &re : NULL;
    w.out = &o;
    w.max = grep ? TOOLS_GREP_MAX : TOOLS_LIST_MAX;
    char rel[4096];
    snprintf(rel, sizeof(rel), "%s", strcmp(dir, ".") == 0 ? "" : dir);
    size_t rl = strlen(rel);
    while (rl > 0 && rel[rl - 1] == '/') rel[--rl] = '\0';
    walk_dir(&w, fd, rel, 0);
    if (w.found == 0) rc |= fm_buf_puts(&o, grep ? "(no matches)\n" : "(no files)\n");
    if (w.cut) rc |= fm_buf_printf(&o, "[stopped at %zu %s; narrow the path or pattern]\n", w.max,
                                   grep ? "matches" : "entries");
    fm_tools_cap(&o, c->result_max);
    rc |= w.rc | fm_buf_put(out, o.data ? o.data : "", o.len);
done:
    if (have_re) regfree(&re);
    fm_buf_free(&o);
    free(path);
    free(glob);
    free(pattern);
    return rc ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ bash */

static int tool_bash(fm_buf *out, fm_tools_ctx *c, const char *args, size_t len, bool *is_error)
{
    char *cmd = arg_str(args, len, "command");
    if (!cmd || !cmd[0]) {
        free(cmd);
        *is_error = true;
        return fm_buf_puts(out, "error: bash needs \"command\"") ? FM_ENOMEM : 0;
    }
    int64_t secs = arg_int(args, len, "timeout_seconds", 120);
    if (secs < 1) secs = 1;
    if (secs > 3600) secs = 3600;
    int64_t timeout = secs * INT64_C(1000000000);
    if (c->deadline_ns > 0) {
        int64_t left = c->deadline_ns - fm_clock_now(NULL);
        if (left < timeout) timeout = left > 0 ? left : 1;
    }
    fm_sandbox_result r;
    int rc = fm_sandbox_run(&r, &c->sandbox, c->root, cmd, timeout, c->wake_fd);
    free(cmd);
    if (rc != 0) {
        *is_error = true;
        return fm_buf_printf(out, "error: bash could not start: %s", fm_error_last()->message) ? FM_ENOMEM : 0;
    }
    fm_buf o = FM_BUF_INIT;
    int e = fm_buf_put(&o, r.output.data ? r.output.data : "", r.output.len);
    if (r.output_total > r.output.len)
        e |= fm_buf_printf(&o, "\n[output was %llu bytes; only part is shown]\n",
                           (unsigned long long)r.output_total);
    fm_tools_cap(&o, c->result_max > 256 ? c->result_max - 128 : c->result_max);
    if (r.timed_out) e |= fm_buf_printf(&o, "\n[timed out after %llds; the command and its children were killed]",
                                         (long long)(timeout / 1000000000));
    e |= fm_buf_printf(&o, "\n[exit code %d]", r.exit_code);
    e |= fm_buf_put(out, o.data, o.len);
    fm_buf_free(&o);
    bool cancelled = r.cancelled;
    *is_error = r.exit_code != 0;
    fm_sandbox_result_clear(&r);
    if (cancelled) return fm_error_set(FM_ECANCELED, "bash: the run was stopped");
    return e ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ dispatch */

int fm_tools_call(fm_buf *out, fm_tools_ctx *c, const char *name, const char *args, size_t len, bool *is_error)
{
    *is_error = false;
    size_t p = 0;
    while (p < len && isspace((unsigned char)args[p])) p++;
    size_t q = p;
    if (p >= len || args[p] != '{' || fm_kube_json_skip(args, len, &q) != 0) {
        *is_error = true;
        return fm_buf_printf(out, "error: the arguments of %s are not a JSON object; send "
                                  "{\"name\": value, ...} matching the tool's parameters", name) ? FM_ENOMEM : 0;
    }
    uint32_t bit = fm_tools_bit(name);
    if (bit && c->allowed && !(c->allowed & bit) && bit != TOOL_SUBMIT_RESULT) {
        /* offered to nobody, so a call to it is the model's mistake, not a
         * run failure: the same tool error as for an unknown name */
        fm_buf names = FM_BUF_INIT;
        int e = fm_tools_names(&names, c->allowed);
        *is_error = true;
        e |= fm_buf_printf(out, "error: the tool \"%s\" is not available to this agent; the tools are %s", name,
                           names.data ? names.data : "submit_result");
        fm_buf_free(&names);
        return e ? FM_ENOMEM : 0;
    }
    if (!strcmp(name, "read_file")) return tool_read_file(out, c, args, len, is_error);
    if (!strcmp(name, "write_file")) return tool_write_file(out, c, args, len, is_error);
    if (!strcmp(name, "str_replace")) return tool_str_replace(out, c, args, len, is_error);
    if (!strcmp(name, "list_files")) return tool_walk(out, c, args, len, is_error, false);
    if (!strcmp(name, "grep")) return tool_walk(out, c, args, len, is_error, true);
    if (!strcmp(name, "bash")) return tool_bash(out, c, args, len, is_error);
    *is_error = true;
    return fm_buf_printf(out, "error: unknown tool \"%.64s\"; the tools are read_file, write_file, str_replace, "
                              "list_files, grep, bash and submit_result", name) ? FM_ENOMEM : 0;
}

/* ------------------------------------------------------------ schema */

#define FN(name, desc, props, req)                                                                 \
    "{\"type\":\"function\",\"function\":{\"name\":\"" name "\",\"description\":\"" desc            \
    "\",\"parameters\":{\"type\":\"object\",\"properties\":{" props "},\"required\":[" req "]}}}"
#define STR(n, d) "\"" n "\":{\"type\":\"string\",\"description\":\"" d "\"}"
#define INT(n, d) "\"" n "\":{\"type\":\"integer\",\"description\":\"" d "\"}"

#define SUBMIT                                                                                     \
    FN("submit_result", "Finish the task and report the outcome. This is the only way to end.",   \
       "\"verdict\":{\"type\":\"string\",\"enum\":[\"GO\",\"NO-GO\",\"ERROR\"],\"description\":"  \
       "\"GO: done and verified; NO-GO: the work should not proceed; ERROR: could not be done\"}," \
       STR("summary", "One line: what was done or found") "," STR("details", "Optional longer notes"), \
       "\"verdict\",\"summary\"")

#define READ_FILE                                                                                  \
    FN("read_file", "Read a text file of the workspace; lines are numbered.",                      \
       STR("path", "Path relative to the workspace root") "," INT("start_line", "First line (1-based)") "," \
       INT("end_line", "Last line (inclusive)"), "\"path\"")
#define WRITE_FILE                                                                                 \
    FN("write_file", "Create or overwrite a file with the given content.",                         \
       STR("path", "Path relative to the workspace root") "," STR("content", "The whole new content"), \
       "\"path\",\"content\"")
#define STR_REPLACE                                                                                \
    FN("str_replace", "Replace one exact, unique occurrence of old_str in a file by new_str.",     \
       STR("path", "Path relative to the workspace root") "," STR("old_str", "Text to replace (unique)") "," \
       STR("new_str", "Replacement text"), "\"path\",\"old_str\",\"new_str\"")
#define LIST_FILES                                                                                 \
    FN("list_files", "List files under a directory, recursively (skips .git).",                    \
       STR("path", "Directory relative to the workspace root (default .)") ","                      \
       STR("glob", "Shell pattern on the file name, or on the path when it has a slash"), "")
#define GREP                                                                                       \
    FN("grep", "Search file contents with a POSIX extended regular expression.",                   \
       STR("pattern", "Regular expression") "," STR("path", "Directory or file (default .)") ","   \
       STR("glob", "Only files matching this pattern") ","                                          \
       "\"ignore_case\":{\"type\":\"boolean\"}", "\"pattern\"")
#define BASH                                                                                       \
    FN("bash", "Run a shell command in the workspace (no network; output capped).",                \
       STR("command", "The command line") "," INT("timeout_seconds", "Limit (default 120)"), "\"command\"")

static const char TOOLS_ALL[] =
    "[" READ_FILE "," WRITE_FILE "," STR_REPLACE "," LIST_FILES "," GREP "," BASH "," SUBMIT "]";

/* Name, bit and schema of every tool, in the order of TOOLS_ALL. */
static const struct {
    const char *name;
    uint32_t bit;
    const char *schema;
} tool_table[] = {
    {"read_file", TOOL_READ_FILE, READ_FILE},     {"write_file", TOOL_WRITE_FILE, WRITE_FILE},
    {"str_replace", TOOL_STR_REPLACE, STR_REPLACE}, {"list_files", TOOL_LIST_FILES, LIST_FILES},
    {"grep", TOOL_GREP, GREP},                     {"bash", TOOL_BASH, BASH},
    {"submit_result", TOOL_SUBMIT_RESULT, SUBMIT},
};
#define N_TOOLS (sizeof tool_table / sizeof tool_table[0])

uint32_t fm_tools_bit(const char *name)
{
    if (!name) return 0;
    for (size_t i = 0; i < N_TOOLS; i++)
        if (!strcmp(name, tool_table[i].name)) return tool_table[i].bit;
    return 0;
}

/* Whether tool i is in `allowed` (0: all; submit_result always). */
static bool tool_in(size_t i, uint32_t allowed)
{
    return !allowed || (allowed & tool_table[i].bit) || tool_table[i].bit == TOOL_SUBMIT_RESULT;
}

int fm_tools_schema_allowed(fm_buf *out, uint32_t allowed)
{
    int e = fm_buf_puts(out, "[");
    bool first = true;
    for (size_t i = 0; i < N_TOOLS; i++) {
        if (!tool_in(i, allowed)) continue;
        if (!first) e |= fm_buf_puts(out, ",");
        e |= fm_buf_puts(out, tool_table[i].schema);
        first = false;
    }
    e |= fm_buf_puts(out, "]");
    return e ? fm_error_set(FM_ENOMEM, "tools: out of memory") : 0;
}

int fm_tools_names(fm_buf *out, uint32_t allowed)
{
    int e = 0;
    bool first = true;
    for (size_t i = 0; i < N_TOOLS; i++) {
        if (!tool_in(i, allowed)) continue;
        e |= fm_buf_printf(out, "%s%s", first ? "" : ", ", tool_table[i].name);
        first = false;
    }
    return e ? fm_error_set(FM_ENOMEM, "tools: out of memory") : 0;
}

static const char TOOLS_SUBMIT[] = "[" SUBMIT "]";

const char *fm_tools_schema(bool only_submit)
{
    return only_submit ? TOOLS_SUBMIT : TOOLS_ALL;
}

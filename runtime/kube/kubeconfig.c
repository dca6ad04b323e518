/*
 * kubeconfig.c - kubeconfig discovery, parsing, merging and resolution
 * (see kubeconfig.h for the rules).
 *
 * Each file is parsed with libyaml's document API, which keeps the line of
 * every node, so any problem can be reported as "kubeconfig FILE:LINE: ...".
 * The documents stay loaded while the merged view is built: the merge is a
 * table from entry name to (file, node), first file wins. Only the entries
 * the chosen context needs are then resolved (files read, base64 decoded);
 * every entry is checked for shape, as kubectl's strict decoding would.
 */
#include "kubeconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "codec.h"
#include "error.h"

#define KUBECONFIG_MAX_FILE (16u * 1024u * 1024u)
#define KUBECONFIG_MAX_FILES 64
#define INCLUSTER_DEFAULT_DIR "/var/run/secrets/kubernetes.io/serviceaccount"

/* One loaded kubeconfig file. */
typedef struct kc_file {
    char *path;          /* as given (for messages) */
    char *dir;           /* directory for relative paths */
    yaml_document_t doc;
    bool loaded;         /* doc must be deleted */
} kc_file;

/* One named entry of clusters/users/contexts, after the merge. */
typedef struct kc_entry {
    const char *name;    /* borrowed from the document */
    kc_file *file;
    yaml_node_t *body;   /* the inner "cluster"/"user"/"context" mapping, may be NULL */
    yaml_node_t *item;   /* the list item (for its line) */
} kc_entry;

typedef struct kc_table {
    kc_entry *items;
    size_t len, cap;
} kc_table;

typedef struct kc_merge {
    kc_file files[KUBECONFIG_MAX_FILES];
    size_t n_files;
    const char *source;  /* for messages: the file, or "$KUBECONFIG" */
    kc_table clusters, users, contexts;
    const char *current_context;
    kc_file *current_context_file;
} kc_merge;

/* ------------------------------------------------------------ small helpers */

static unsigned line_of(const yaml_node_t *n)
{
    return n ? (unsigned)n->start_mark.line + 1 : 0;
}

/* Sets an error located at node n of file f (line omitted when n is NULL). */
__attribute__((format(printf, 4, 5))) static int
kc_err(int code, const kc_file *f, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[FM_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (f && n) return fm_error_set(code, "kubeconfig %s:%u: %s", f->path, line_of(n), msg);
    if (f) return fm_error_set(code, "kubeconfig %s: %s", f->path, msg);
    return fm_error_set(code, "kubeconfig: %s", msg);
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Finds key in mapping m; NULL when absent (or m is not a mapping). */
static yaml_node_t *map_get(yaml_document_t *doc, yaml_node_t *m, const char *key)
{
    if (!m || m->type != YAML_MAPPING_NODE) return NULL;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        const char *ks = scalar(k);
        if (ks && strcmp(ks, key) == 0) return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

/* A YAML null: an empty plain scalar, "~" or "null". */
static bool is_null(const yaml_node_t *n)
{
    if (!n) return true;
    if (n->type != YAML_SCALAR_NODE) return false;
    if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    const char *s = (const char *)n->data.scalar.value;
    return s[0] == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
           strcmp(s, "NULL") == 0;
}

/*
 * Reads an optional string member: *out = NULL when absent or null.
 * what names the owner for messages ("cluster \"x\"").
 */
static int get_str(const char **out, kc_file *f, yaml_node_t *m, const char *key, const char *what)
{
    yaml_node_t *n = map_get(&f->doc, m, key);
    *out = NULL;
    if (is_null(n)) return 0;
    if (n->type != YAML_SCALAR_NODE)
        return kc_err(FM_EPARSE, f, n, "%s: %s: expected a string", what, key);
    *out = (const char *)n->data.scalar.value;
    return 0;
}

/* Reads an optional boolean member (YAML 1.1 spellings kubectl accepts). */
static int get_bool(bool *out, kc_file *f, yaml_node_t *m, const char *key, const char *what)
{
    yaml_node_t *n = map_get(&f->doc, m, key);
    *out = false;
    if (is_null(n)) return 0;
    const char *s = scalar(n);
    if (s && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
        static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
        for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
            if (strcmp(s, yes[i]) == 0) {
                *out = true;
                return 0;
            }
            if (strcmp(s, no[i]) == 0) return 0;
        }
    }
    return kc_err(FM_EPARSE, f, n, "%s: %s: expected true or false", what, key);
}

static char *path_join(const char *dir, const char *p)
{
    if (!p) return NULL;
    if (p[0] == '/' || !dir || !dir[0]) return fm_strdup(p);
    size_t n = strlen(dir) + strlen(p) + 2;
    char *r = malloc(n);
    if (r) snprintf(r, n, "%s/%s", dir, p);
    return r;
}

/* Directory part of path, made absolute against the working directory. */
static char *dir_of(const char *path)
{
    char cwd[PATH_MAX];
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (slash && slash == path) return fm_strdup("/");
    if (slash && path[0] == '/') return fm_strndup(path, (size_t)(slash - path));
    if (!getcwd(cwd, sizeof(cwd))) return fm_strdup(".");
    if (!slash) return fm_strdup(cwd);
    size_t n = strlen(cwd) + (size_t)(slash - path) + 2;
    char *r = malloc(n);
    if (r) snprintf(r, n, "%s/%.*s", cwd, (int)(slash - path), path);
    return r;
}

/*
 * Reads a whole file into a NUL-terminated blob. Returns 0, or FM_EIO with
 * errno in *err_out (EFBIG for files over the limit).
 */
static int read_whole(fm_kube_blob *out, const char *path, int *err_out)
{
    FILE *fp = fopen(path, "rb");
    fm_buf b = FM_BUF_INIT;
    char chunk[16384];
    size_t n;
    out->data = NULL;
    out->len = 0;
    if (!fp) {
        *err_out = errno;
        return FM_EIO;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
        if (b.len + n > KUBECONFIG_MAX_FILE) {
            fclose(fp);
            fm_buf_free(&b);
            *err_out = EFBIG;
            return FM_EIO;
        }
        if (fm_buf_put(&b, chunk, n) < 0) {
            fclose(fp);
            fm_buf_free(&b);
            *err_out = ENOMEM;
            return FM_ENOMEM;
        }
    }
    if (ferror(fp)) {
        *err_out = errno ? errno : EIO;
        fclose(fp);
        fm_buf_free(&b);
        return FM_EIO;
    }
    fclose(fp);
    if (!b.data) {
        b.data = calloc(1, 1);
        if (!b.data) {
            *err_out = ENOMEM; /* the caller's message says strerror(*err_out) */
            return FM_ENOMEM;
        }
    }
    out->data = b.data;
    out->len = b.len;
    return 0;
}

static void blob_free(fm_kube_blob *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

/* ------------------------------------------------------------ base64 */

static int b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* Standard alphabet; whitespace skipped; '=' padding optional but only at
 * the end; a dangling single sextet is an error. */
int fm_kube_base64_decode(char **out, size_t *out_len, const char *in, size_t len)
{
    char *r = malloc(len / 4 * 3 + 4);
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0, nsext = 0;
    bool pad = false;
    if (!r) return fm_error_set(FM_ENOMEM, "base64: out of memory");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        if (c == '=') {
            pad = true;
            continue;
        }
        int v = b64val(c);
        if (v < 0 || pad) {
            free(r);
            return fm_error_set(FM_EPARSE, "invalid base64");
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        nsext++;
        if (bits >= 8) {
            bits -= 8;
            r[o++] = (char)((acc >> bits) & 0xFF);
        }
    }
    if (nsext % 4 == 1) {
        free(r);
        return fm_error_set(FM_EPARSE, "invalid base64 (truncated)");
    }
    r[o] = 0;
    *out = r;
    if (out_len) *out_len = o;
    return 0;
}

/* ------------------------------------------------------------ loading */

/* Parses text into f->doc; YAML errors become "kubeconfig PATH:LINE: problem". */
static int parse_doc(kc_file *f, const char *text, size_t len)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    if (!yaml_parser_load(&p, &f->doc)) {
        const yaml_mark_t *m = p.problem ? &p.problem_mark : &p.context_mark;
        int rc = fm_error_set(FM_EPARSE, "kubeconfig %s:%zu: %s%s%s", f->path, m->line + 1,
                              p.problem ? p.problem : "malformed YAML",
                              p.context ? " " : "", p.context ? p.context : "");
        yaml_parser_delete(&p);
        return rc;
    }
    f->loaded = true;
    yaml_parser_delete(&p);
    return 0;
}

static int table_add(kc_table *t, const kc_entry *e)
{
    for (size_t i = 0; i < t->len; i++)
        if (strcmp(t->items[i].name, e->name) == 0) return 0; /* first file wins */
    if (t->len == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 8;
        kc_entry *ni = realloc(t->items, nc * sizeof(*ni));
        if (!ni) return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
        t->items = ni;
        t->cap = nc;
    }
    t->items[t->len++] = *e;
    return 0;
}

static const kc_entry *table_find(const kc_table *t, const char *name)
{
    for (size_t i = 0; i < t->len; i++)
        if (strcmp(t->items[i].name, name) == 0) return &t->items[i];
    return NULL;
}

/*
 * Checks one of the three named lists of a file and adds its entries to the
 * merged table. kind is "clusters", inner "cluster".
 */
static int merge_list(kc_merge *m, kc_file *f, yaml_node_t *root, const char *kind,
                      const char *inner, kc_table *t)
{
    yaml_node_t *seq = map_get(&f->doc, root, kind);
    if (is_null(seq)) return 0;
    if (seq->type != YAML_SEQUENCE_NODE)
        return kc_err(FM_EPARSE, f, seq, "%s: expected a list", kind);
    size_t idx = 0;
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top;
         it++, idx++) {
        yaml_node_t *item = yaml_document_get_node(&f->doc, *it);
        if (!item || item->type != YAML_MAPPING_NODE)
            return kc_err(FM_EPARSE, f, item, "%s[%zu]: expected a mapping with name and %s", kind,
                          idx, inner);
        yaml_node_t *nn = map_get(&f->doc, item, "name");
        const char *name = scalar(nn);
        if (!name || !name[0])
            return kc_err(FM_EPARSE, f, nn ? nn : item, "%s[%zu]: missing name", kind, idx);
        yaml_node_t *body = map_get(&f->doc, item, inner);
        if (is_null(body)) body = NULL;
        else if (body->type != YAML_MAPPING_NODE)
            return kc_err(FM_EPARSE, f, body, "%s[%zu] (%s): %s: expected a mapping", kind, idx, name,
                          inner);
        kc_entry e = {name, f, body, item};
        int rc = table_add(t, &e);
        if (rc < 0) return rc;
    }
    (void)m;
    return 0;
}

/* Checks the top level of a loaded file and merges it into m. */
static int merge_file(kc_merge *m, kc_file *f)
{
    yaml_node_t *root = yaml_document_get_root_node(&f->doc);
    int rc;
    if (!root || is_null(root)) return 0; /* an empty file is an empty config */
    if (root->type != YAML_MAPPING_NODE)
        return kc_err(FM_EPARSE, f, root, "expected a mapping at the top level (apiVersion, clusters, users, contexts)");
    const char *kind;
    if ((rc = get_str(&kind, f, root, "kind", "top level")) < 0) return rc;
    if (kind && kind[0] && strcmp(kind, "Config") != 0)
        return kc_err(FM_EPARSE, f, map_get(&f->doc, root, "kind"), "kind is \"%s\", expected \"Config\"", kind);
    if ((rc = merge_list(m, f, root, "clusters", "cluster", &m->clusters)) < 0) return rc;
    if ((rc = merge_list(m, f, root, "users", "user", &m->users)) < 0) return rc;
    if ((rc = merge_list(m, f, root, "contexts", "context", &m->contexts)) < 0) return rc;
    const char *cur;
    if ((rc = get_str(&cur, f, root, "current-context", "top level")) < 0) return rc;
    if (cur && cur[0] && !m->current_context) {
        m->current_context = cur;
        m->current_context_file = f;
    }
    return 0;
}

/* Loads and merges one file; missing files are FM_EIO (callers may skip). */
static int add_file(kc_merge *m, const char *path, const char *text, size_t len)
{
    fm_kube_blob b = {NULL, 0};
    int rc, err = 0;
    if (m->n_files == KUBECONFIG_MAX_FILES)
        return fm_error_set(FM_ELIMIT, "kubeconfig: more than %d files", KUBECONFIG_MAX_FILES);
    kc_file *f = &m->files[m->n_files];
    memset(f, 0, sizeof(*f));
    f->path = fm_strdup(path ? path : "<string>");
    f->dir = dir_of(path ? path : "x");
    if (!f->path || !f->dir) {
        free(f->path);
        free(f->dir);
        return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    }
    m->n_files++;
    if (!text) {
        rc = read_whole(&b, path, &err);
        if (rc < 0) return fm_error_set(rc, "kubeconfig %s: %s", path, strerror(err));
        text = b.data;
        len = b.len;
    }
    rc = parse_doc(f, text, len);
    blob_free(&b);
    if (rc < 0) return rc;
    return merge_file(m, f);
}

static void merge_free(kc_merge *m)
{
    for (size_t i = 0; i < m->n_files; i++) {
        if (m->files[i].loaded) yaml_document_delete(&m->files[i].doc);
        free(m->files[i].path);
        free(m->files[i].dir);
    }
    free(m->clusters.items);
    free(m->users.items);
    free(m->contexts.items);
}

/* ------------------------------------------------------------ resolution */

/*
 * Loads a PEM blob from key-data (base64) or key (file path); data wins,
 * as in kubectl. Leaves *out empty when neither is set.
 */
static int load_blob(fm_kube_blob *out, kc_file *f, yaml_node_t *body, const char *file_key,
                     const char *data_key, const char *what)
{
    const char *data, *file;
    int rc;
    if ((rc = get_str(&data, f, body, data_key, what)) < 0) return rc;
    if ((rc = get_str(&file, f, body, file_key, what)) < 0) return rc;
    if (data && data[0]) {
        rc = fm_kube_base64_decode(&out->data, &out->len, data, strlen(data));
        if (rc == FM_EPARSE)
            return kc_err(FM_EPARSE, f, map_get(&f->doc, body, data_key), "%s: %s: invalid base64",
                          what, data_key);
        if (rc < 0) return rc;
        if (out->len == 0)
            return kc_err(FM_EPARSE, f, map_get(&f->doc, body, data_key), "%s: %s: empty after base64 decoding",
                          what, data_key);
        return 0;
    }
    if (file && file[0]) {
        char *p = path_join(f->dir, file);
        int err = 0;
        if (!p) return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
        rc = read_whole(out, p, &err);
        if (rc < 0) {
            rc = kc_err(rc, f, map_get(&f->doc, body, file_key), "%s: %s %s: %s", what, file_key, p,
                        strerror(err));
            free(p);
            return rc;
        }
        free(p);
    }
    return 0;
}

static int resolve_cluster(fm_kube_config *cfg, const kc_entry *e)
{
    kc_file *f = e->file;
    yaml_node_t *b = e->body;
    char what[300];
    const char *server, *tsn, *proxy;
    int rc;
    snprintf(what, sizeof(what), "cluster \"%s\"", e->name);
    if (!b) return kc_err(FM_EINVAL, f, e->item, "%s: missing cluster settings", what);
    if ((rc = get_str(&server, f, b, "server", what)) < 0) return rc;
    if (!server || !server[0]) return kc_err(FM_EINVAL, f, b, "%s: server is missing", what);
    if (strncmp(server, "https://", 8) != 0 && strncmp(server, "http://", 7) != 0)
        return kc_err(FM_EINVAL, f, map_get(&f->doc, b, "server"),
                      "%s: server \"%s\" is not an http:// or https:// URL", what, server);
    if (!(cfg->server = fm_strdup(server))) return fm_error_set(FM_ENOMEM, "kubeconfig: cluster %s: out of memory", e->name ? e->name : "");
    size_t sl = strlen(cfg->server);
    while (sl > 8 && cfg->server[sl - 1] == '/') cfg->server[--sl] = 0;
    if ((rc = get_str(&tsn, f, b, "tls-server-name", what)) < 0) return rc;
    if ((rc = get_str(&proxy, f, b, "proxy-url", what)) < 0) return rc;
    if ((rc = fm_strset(&cfg->tls_server_name, tsn && tsn[0] ? tsn : NULL)) < 0) return rc;
    if ((rc = fm_strset(&cfg->proxy_url, proxy && proxy[0] ? proxy : NULL)) < 0) return rc;
    if ((rc = get_bool(&cfg->insecure_skip_tls_verify, f, b, "insecure-skip-tls-verify", what)) < 0) return rc;
    if ((rc = load_blob(&cfg->ca, f, b, "certificate-authority", "certificate-authority-data", what)) < 0)
        return rc;
    if (cfg->insecure_skip_tls_verify && cfg->ca.data)
        return kc_err(FM_EINVAL, f, map_get(&f->doc, b, "insecure-skip-tls-verify"),
                      "%s: certificate-authority and insecure-skip-tls-verify cannot both be set", what);
    if (cfg->insecure_skip_tls_verify) {
        char w[400];
        snprintf(w, sizeof(w), "cluster \"%s\": insecure-skip-tls-verify is set: the server's certificate is not checked", e->name);
        cfg->warning = fm_strdup(w);
    }
    return 0;
}

static int resolve_exec(fm_kube_config *cfg, kc_file *f, yaml_node_t *x, const char *what)
{
    const char *api, *cmd, *mode;
    int rc;
    if (x->type != YAML_MAPPING_NODE) return kc_err(FM_EPARSE, f, x, "%s: exec: expected a mapping", what);
    fm_kube_exec_config *e = calloc(1, sizeof(*e));
    if (!e) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
    cfg->exec = e;
    if ((rc = get_str(&api, f, x, "apiVersion", what)) < 0) return rc;
    if ((rc = get_str(&cmd, f, x, "command", what)) < 0) return rc;
    if ((rc = get_str(&mode, f, x, "interactiveMode", what)) < 0) return rc;
    if (!cmd || !cmd[0]) return kc_err(FM_EINVAL, f, x, "%s: exec: command is missing", what);
    if (!api || (strcmp(api, "client.authentication.k8s.io/v1") != 0 &&
                 strcmp(api, "client.authentication.k8s.io/v1beta1") != 0))
        return kc_err(FM_EINVAL, f, api ? map_get(&f->doc, x, "apiVersion") : x,
                      "%s: exec: apiVersion \"%s\" is not supported (use client.authentication.k8s.io/v1 or v1beta1)",
                      what, api ? api : "");
    e->api_version = fm_strdup(api);
    e->command = strchr(cmd, '/') ? path_join(f->dir, cmd) : fm_strdup(cmd);
    e->interactive_mode = fm_strdup(mode);
    if (!e->api_version || !e->command) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
    if ((rc = get_bool(&e->provide_cluster_info, f, x, "provideClusterInfo", what)) < 0) return rc;

    yaml_node_t *args = map_get(&f->doc, x, "args");
    if (!is_null(args)) {
        if (args->type != YAML_SEQUENCE_NODE)
            return kc_err(FM_EPARSE, f, args, "%s: exec: args: expected a list of strings", what);
        size_t n = (size_t)(args->data.sequence.items.top - args->data.sequence.items.start);
        e->args = calloc(n + 1, sizeof(char *));
        if (!e->args) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
        for (size_t i = 0; i < n; i++) {
            yaml_node_t *a = yaml_document_get_node(&f->doc, args->data.sequence.items.start[i]);
            if (!scalar(a)) return kc_err(FM_EPARSE, f, a, "%s: exec: args[%zu]: expected a string", what, i);
            if (!(e->args[e->n_args++] = fm_strdup(scalar(a)))) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
        }
    }
    yaml_node_t *env = map_get(&f->doc, x, "env");
    if (!is_null(env)) {
        if (env->type != YAML_SEQUENCE_NODE)
            return kc_err(FM_EPARSE, f, env, "%s: exec: env: expected a list of name/value", what);
        size_t n = (size_t)(env->data.sequence.items.top - env->data.sequence.items.start);
        e->env = calloc(n + 1, sizeof(char *));
        if (!e->env) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
        for (size_t i = 0; i < n; i++) {
            yaml_node_t *it = yaml_document_get_node(&f->doc, env->data.sequence.items.start[i]);
            const char *nm = NULL, *val = NULL;
            if (!it || it->type != YAML_MAPPING_NODE)
                return kc_err(FM_EPARSE, f, it, "%s: exec: env[%zu]: expected a mapping", what, i);
            if ((rc = get_str(&nm, f, it, "name", what)) < 0) return rc;
            if ((rc = get_str(&val, f, it, "value", what)) < 0) return rc;
            if (!nm || !nm[0] || strchr(nm, '='))
                return kc_err(FM_EINVAL, f, it, "%s: exec: env[%zu]: invalid or missing name", what, i);
            size_t l = strlen(nm) + (val ? strlen(val) : 0) + 2;
            char *kv = malloc(l);
            if (!kv) return fm_error_set(FM_ENOMEM, "kubeconfig: %s: exec: out of memory", what);
            snprintf(kv, l, "%s=%s", nm, val ? val : "");
            e->env[e->n_env++] = kv;
        }
    }
    return 0;
}

static int resolve_user(fm_kube_config *cfg, const kc_entry *e)
{
    kc_file *f = e->file;
    yaml_node_t *b = e->body;
    char what[300];
    const char *tok, *tokf, *user, *pass;
    int rc;
    snprintf(what, sizeof(what), "user \"%s\"", e->name);
    if (!b) return 0; /* an entry with no settings: anonymous */
    if (!is_null(map_get(&f->doc, b, "auth-provider")))
        return kc_err(FM_EINVAL, f, map_get(&f->doc, b, "auth-provider"),
                      "%s: auth-provider is not supported; use an exec credential plugin", what);
    if ((rc = load_blob(&cfg->client_cert, f, b, "client-certificate", "client-certificate-data", what)) < 0)
        return rc;
    if ((rc = load_blob(&cfg->client_key, f, b, "client-key", "client-key-data", what)) < 0) return rc;
    if (!cfg->client_cert.data != !cfg->client_key.data)
        return kc_err(FM_EINVAL, f, b, "%s: %s is set but %s is not", what,
                      cfg->client_cert.data ? "client-certificate" : "client-key",
                      cfg->client_cert.data ? "client-key" : "client-certificate");
    if ((rc = get_str(&tok, f, b, "token", what)) < 0) return rc;
    if ((rc = get_str(&tokf, f, b, "tokenFile", what)) < 0) return rc;
    if ((rc = get_str(&user, f, b, "username", what)) < 0) return rc;
    if ((rc = get_str(&pass, f, b, "password", what)) < 0) return rc;
    if (tok && tok[0] && !(cfg->token = fm_strdup(tok))) return fm_error_set(FM_ENOMEM, "kubeconfig: user %s: out of memory", e->name ? e->name : "");
    if (tokf && tokf[0]) {
        if (!(cfg->token_file = path_join(f->dir, tokf))) return fm_error_set(FM_ENOMEM, "kubeconfig: user %s: out of memory", e->name ? e->name : "");
        if (access(cfg->token_file, R_OK) != 0)
            return kc_err(FM_EIO, f, map_get(&f->doc, b, "tokenFile"), "%s: tokenFile %s: %s", what,
                          cfg->token_file, strerror(errno));
    }
    if (user && user[0]) {
        if (!(cfg->username = fm_strdup(user)) || !(cfg->password = fm_strdup(pass ? pass : "")))
            return fm_error_set(FM_ENOMEM, "kubeconfig: user %s: out of memory", e->name ? e->name : "");
    } else if (pass && pass[0]) {
        return kc_err(FM_EINVAL, f, b, "%s: password is set but username is not", what);
    }
    yaml_node_t *x = map_get(&f->doc, b, "exec");
    if (!is_null(x) && (rc = resolve_exec(cfg, f, x, what)) < 0) return rc;
    return 0;
}

/* Picks the context and resolves its cluster and user into cfg. */
static int resolve(fm_kube_config *cfg, kc_merge *m, const char *want)
{
    const char *cname = want && want[0] ? want : m->current_context;
    kc_file *sf = m->n_files == 1 ? &m->files[0] : NULL;
    const char *src = m->source;
    int rc;
    if (!cname) {
        if (sf) return kc_err(FM_EINVAL, sf, NULL, "no current-context is set and no context was given");
        return fm_error_set(FM_EINVAL, "kubeconfig %s: no current-context is set and no context was given", src);
    }
    const kc_entry *ctx = table_find(&m->contexts, cname);
    if (!ctx) {
        if (sf) return kc_err(FM_EINVAL, sf, NULL, "context \"%s\" not found", cname);
        return fm_error_set(FM_EINVAL, "kubeconfig %s: context \"%s\" not found", src, cname);
    }
    char what[300];
    snprintf(what, sizeof(what), "context \"%s\"", cname);
    if (!ctx->body) return kc_err(FM_EINVAL, ctx->file, ctx->item, "%s: missing context settings", what);
    const char *cl, *us, *ns;
    if ((rc = get_str(&cl, ctx->file, ctx->body, "cluster", what)) < 0) return rc;
    if ((rc = get_str(&us, ctx->file, ctx->body, "user", what)) < 0) return rc;
    if ((rc = get_str(&ns, ctx->file, ctx->body, "namespace", what)) < 0) return rc;
    if (!cl || !cl[0]) return kc_err(FM_EINVAL, ctx->file, ctx->body, "%s: cluster is missing", what);
    const kc_entry *ce = table_find(&m->clusters, cl);
    if (!ce)
        return kc_err(FM_EINVAL, ctx->file, map_get(&ctx->file->doc, ctx->body, "cluster"),
                      "%s: cluster \"%s\" not found", what, cl);
    const kc_entry *ue = NULL;
    if (us && us[0]) {
        ue = table_find(&m->users, us);
        if (!ue)
            return kc_err(FM_EINVAL, ctx->file, map_get(&ctx->file->doc, ctx->body, "user"),
                          "%s: user \"%s\" not found", what, us);
    }
    if (!(cfg->context = fm_strdup(cname)) || !(cfg->cluster_name = fm_strdup(cl)) ||
        !(cfg->user_name = fm_strdup(us ? us : "")) ||
        !(cfg->namespace_ = fm_strdup(ns && ns[0] ? ns : "default")))
        return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    if ((rc = resolve_cluster(cfg, ce)) < 0) return rc;
    if (ue && (rc = resolve_user(cfg, ue)) < 0) return rc;
    /* A credential sent over plain HTTP can be read by anyone on the path:
     * allowed (a loopback test server), but never silently. */
    if (strncmp(cfg->server, "http://", 7) == 0 &&
        (cfg->token || cfg->token_file || cfg->username || cfg->password || cfg->exec)) {
        char w[400];
        snprintf(w, sizeof(w),
                 "cluster \"%.100s\": server %.200s is plain http://: the user's credentials travel unencrypted",
                 cl, cfg->server);
        free(cfg->warning);
        if (!(cfg->warning = fm_strdup(w))) return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    }
    return 0;
}

/* ------------------------------------------------------------ public API */

void fm_kube_config_free(fm_kube_config *cfg)
{
    if (!cfg) return;
    free(cfg->source);
    free(cfg->context);
    free(cfg->cluster_name);
    free(cfg->user_name);
    free(cfg->namespace_);
    free(cfg->server);
    free(cfg->tls_server_name);
    free(cfg->proxy_url);
    blob_free(&cfg->ca);
    blob_free(&cfg->client_cert);
    if (cfg->client_key.data) memset(cfg->client_key.data, 0, cfg->client_key.len);
    blob_free(&cfg->client_key);
    if (cfg->token) memset(cfg->token, 0, strlen(cfg->token));
    free(cfg->token);
    free(cfg->token_file);
    free(cfg->username);
    if (cfg->password) memset(cfg->password, 0, strlen(cfg->password));
    free(cfg->password);
    if (cfg->exec) {
        fm_kube_exec_config *e = cfg->exec;
        free(e->api_version);
        free(e->command);
        for (size_t i = 0; i < e->n_args; i++) free(e->args[i]);
        free(e->args);
        for (size_t i = 0; i < e->n_env; i++) free(e->env[i]);
        free(e->env);
        free(e->interactive_mode);
        free(e);
    }
    free(cfg->warning);
    free(cfg);
}

/* Resolves a merge into a new config; frees the merge in every case. */
static int finish(fm_kube_config **out, kc_merge *m, const char *context, const char *source)
{
    fm_kube_config *cfg = calloc(1, sizeof(*cfg));
    int rc;
    if (!cfg) {
        merge_free(m);
        return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    }
    rc = resolve(cfg, m, context);
    if (rc == FM_ENOMEM && fm_error_last()->code != FM_ENOMEM)
        fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    if (rc == 0 && !(cfg->source = fm_strdup(source))) rc = fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    merge_free(m);
    if (rc < 0) {
        fm_kube_config_free(cfg);
        return rc;
    }
    *out = cfg;
    return 0;
}

int fm_kube_config_load_string(fm_kube_config **out, const char *yaml, size_t len, const char *path,
                            const char *context)
{
    kc_merge m;
    int rc;
    *out = NULL;
    memset(&m, 0, sizeof(m));
    m.source = path ? path : "<string>";
    if ((rc = add_file(&m, path, yaml, len)) < 0) {
        merge_free(&m);
        return rc;
    }
    return finish(out, &m, context, m.source);
}

/* Loads the colon-separated list; missing files are skipped. */
static int load_list(fm_kube_config **out, const char *list, const char *context)
{
    kc_merge m;
    int rc = 0;
    size_t present = 0;
    memset(&m, 0, sizeof(m));
    m.source = "$KUBECONFIG";
    char *copy = fm_strdup(list);
    if (!copy) return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    char *save = NULL;
    for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
        struct stat st;
        if (stat(p, &st) != 0 && errno == ENOENT) continue;
        bool dup = false;
        for (size_t i = 0; i < m.n_files; i++)
            if (strcmp(m.files[i].path, p) == 0) dup = true;
        if (dup) continue;
        present++;
        if ((rc = add_file(&m, p, NULL, 0)) < 0) break;
    }
    if (rc == 0 && present == 0)
        rc = fm_error_set(FM_EIO, "kubeconfig $KUBECONFIG: none of the files exist (%s)", list);
    if (rc < 0) {
        free(copy);
        merge_free(&m);
        return rc;
    }
    if (m.n_files == 1) m.source = m.files[0].path;
    const char *src = present == 1 ? m.files[0].path : list;
    char *srccopy = fm_strdup(src);
    free(copy);
    if (!srccopy) {
        merge_free(&m);
        return fm_error_set(FM_ENOMEM, "kubeconfig: out of memory");
    }
    rc = finish(out, &m, context, srccopy);
    free(srccopy);
    return rc;
}

static int load_one(fm_kube_config **out, const char *path, const char *context)
{
    kc_merge m;
    int rc;
    memset(&m, 0, sizeof(m));
    m.source = path;
    if ((rc = add_file(&m, path, NULL, 0)) < 0) {
        merge_free(&m);
        return rc;
    }
    return finish(out, &m, context, path);
}

/* Reads a small file and trims trailing whitespace; NULL with FM_EIO set. */
static char *read_trimmed(const char *path, const char *what)
{
    fm_kube_blob b;
    int err = 0;
    if (read_whole(&b, path, &err) < 0) {
        fm_error_set(FM_EIO, "in-cluster config: %s %s: %s", what, path, strerror(err));
        return NULL;
    }
    while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r' ||
                     b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t'))
        b.data[--b.len] = 0;
    return b.data;
}

int fm_kube_config_load_incluster(fm_kube_config **out, const char *dir)
{
    const char *host = getenv("KUBERNETES_SERVICE_HOST");
    const char *port = getenv("KUBERNETES_SERVICE_PORT");
    char path[PATH_MAX];
    int err = 0, rc;
    *out = NULL;
    if (!dir || !dir[0]) dir = getenv("FOREMAN_INCLUSTER_DIR");
    if (!dir || !dir[0]) dir = INCLUSTER_DEFAULT_DIR;
    if (!host || !host[0] || !port || !port[0])
        return fm_error_set(FM_ENOTFOUND, "in-cluster config: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set");
    fm_kube_config *cfg = calloc(1, sizeof(*cfg));
    if (!cfg) return fm_error_set(FM_ENOMEM, "in-cluster config: out of memory");
    cfg->in_cluster = true;
    size_t n = strlen(host) + strlen(port) + 16;
    cfg->server = malloc(n);
    if (cfg->server) snprintf(cfg->server, n, strchr(host, ':') ? "https://[%s]:%s" : "https://%s:%s", host, port);
    cfg->source = fm_strdup("in-cluster");
    cfg->context = fm_strdup("");
    cfg->cluster_name = fm_strdup("in-cluster");
    cfg->user_name = fm_strdup("serviceaccount");
    if (!cfg->server || !cfg->source || !cfg->context || !cfg->cluster_name || !cfg->user_name) {
        rc = fm_error_set(FM_ENOMEM, "in-cluster config: out of memory");
        goto fail;
    }
    snprintf(path, sizeof(path), "%s/token", dir);
    char *tok = read_trimmed(path, "token");
    if (!tok) {
        rc = FM_EIO;
        goto fail;
    }
    memset(tok, 0, strlen(tok));
    free(tok);
    if (!(cfg->token_file = fm_strdup(path))) {
        rc = fm_error_set(FM_ENOMEM, "in-cluster config: out of memory");
        goto fail;
    }
    snprintf(path, sizeof(path), "%s/ca.crt", dir);
    if (read_whole(&cfg->ca, path, &err) < 0) {
        rc = fm_error_set(FM_EIO, "in-cluster config: ca.crt %s: %s", path, strerror(err));
        goto fail;
    }
    snprintf(path, sizeof(path), "%s/namespace", dir);
    if (access(path, F_OK) == 0) {
        cfg->namespace_ = read_trimmed(path, "namespace");
        if (!cfg->namespace_) {
            rc = FM_EIO;
            goto fail;
        }
    }
    if (!cfg->namespace_ || !cfg->namespace_[0]) {
        free(cfg->namespace_);
        if (!(cfg->namespace_ = fm_strdup("default"))) {
            rc = fm_error_set(FM_ENOMEM, "in-cluster config: out of memory");
            goto fail;
        }
    }
    *out = cfg;
    return 0;
fail:
    fm_kube_config_free(cfg);
    return rc;
}

int fm_kube_config_load(fm_kube_config **out, const fm_kube_config_opts *opts)
{
    const char *explicit_path = opts ? opts->kubeconfig : NULL;
    const char *context = opts ? opts->context : NULL;
    const char *env = getenv("KUBECONFIG");
    *out = NULL;
    if (explicit_path && explicit_path[0]) return load_one(out, explicit_path, context);
    if (env && env[0]) return load_list(out, env, context);
    const char *h = getenv("KUBERNETES_SERVICE_HOST");
    if (h && h[0]) {
        int rc = fm_kube_config_load_incluster(out, opts ? opts->incluster_dir : NULL);
        if (rc == 0 && context && context[0]) {
            fm_kube_config_free(*out);
            *out = NULL;
            return fm_error_set(FM_EINVAL, "in-cluster config: context \"%s\" cannot be chosen without a kubeconfig", context);
        }
        return rc;
    }
    const char *home = getenv("HOME");
    if (home && home[0]) {
        char path[PATH_MAX];
        snprintf(path, sizeof(path), "%s/.kube/config", home);
        if (access(path, F_OK) == 0) return load_one(out, path, context);
    }
    return fm_error_set(FM_ENOTFOUND,
                        "no Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, run in a cluster, or create ~/.kube/config");
}

const char *fm_kube_config_namespace(const fm_kube_config *cfg)
{
    return cfg && cfg->namespace_ ? cfg->namespace_ : "default";
}

const char *fm_kube_config_server(const fm_kube_config *cfg)
{
    return cfg ? cfg->server : NULL;
}

const char *fm_kube_config_context(const fm_kube_config *cfg)
{
    return cfg && cfg->context ? cfg->context : "";
}

const char *fm_kube_config_warning(const fm_kube_config *cfg)
{
    return cfg ? cfg->warning : NULL;
}

/*
 * llm_sse.c - the SSE framer and the chat-completion chunk merger.
 * See llm_sse.h.
 */
#include "llm_sse.h"

#include "error.h"
#include "kube_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fm_sse_init(fm_sse_parser *p, fm_sse_event_fn fn, void *ctx, size_t max_event)
{
    memset(p, 0, sizeof(*p));
    p->fn = fn;
    p->ctx = ctx;
    p->max_event = max_event ? max_event : SSE_MAX_EVENT_DEFAULT;
}

void fm_sse_free(fm_sse_parser *p)
{
    fm_buf_free(&p->line);
    fm_buf_free(&p->data);
    p->have_data = p->skip_lf = p->overflow = false;
}

/* Ends the current event: hands its data (without the last '\n') to the
 * callback when it had any data field. Returns the callback's value. */
static int dispatch(fm_sse_parser *p)
{
    int rc = 0;
    if (p->have_data && !p->overflow) {
        size_t n = p->data.len > 0 ? p->data.len - 1 : 0;
        if (p->data.data) p->data.data[n] = '\0';
        rc = p->fn(p->ctx, p->data.data ? p->data.data : "", n);
    }
    fm_buf_reset(&p->data);
    p->have_data = false;
    p->overflow = false;
    return rc;
}

/* One complete line (without its end). Blank ends the event; "data" lines
 * are collected; comments and other fields are ignored. */
static int process_line(fm_sse_parser *p, const char *s, size_t n)
{
    if (n == 0) return dispatch(p);
    if (s[0] == ':' || p->overflow) return 0;
    if (n < 4 || memcmp(s, "data", 4) != 0) return 0;
    const char *v;
    size_t vlen;
    if (n == 4) {
        v = s + 4;
        vlen = 0;
    } else if (s[4] == ':') {
        v = s + 5;
        vlen = n - 5;
        if (vlen > 0 && v[0] == ' ') {
            v++;
            vlen--;
        }
    } else {
        return 0; /* "datax: ..." is another field */
    }
    if (p->data.len + vlen + 1 > p->max_event) {
        p->overflow = true;
        fm_buf_reset(&p->data);
        return fm_error_set(FM_ELIMIT, "SSE event larger than %zu bytes", p->max_event);
    }
    if (fm_buf_put(&p->data, v, vlen) != 0 || fm_buf_put(&p->data, "\n", 1) != 0)
        return fm_error_set(FM_ENOMEM, "SSE: out of memory");
    p->have_data = true;
    return 0;
}

int fm_sse_feed(fm_sse_parser *p, const char *buf, size_t len)
{
    const char *s = buf, *end = buf + len;
    int first_rc = 0;
    if (s < end && p->skip_lf) {
        if (*s == '\n') s++;
        p->skip_lf = false;
    }
    while (s < end) {
        size_t rem = (size_t)(end - s);
        const char *nl = memchr(s, '\n', rem);
        const char *cr = memchr(s, '\r', nl ? (size_t)(nl - s) : rem);
        const char *eol = cr ? cr : nl;
        if (!eol) {
            /* an unfinished line: keep it for the next feed (bounded) */
            if (p->line.len + rem > p->max_event) {
                fm_buf_reset(&p->line);
                p->overflow = true;
                fm_buf_reset(&p->data);
                return fm_error_set(FM_ELIMIT, "SSE line larger than %zu bytes", p->max_event);
            }
            if (fm_buf_put(&p->line, s, rem) != 0) return fm_error_set(FM_ENOMEM, "SSE: out of memory");
            break;
        }
        int rc;
        if (p->line.len > 0) {
            if (fm_buf_put(&p->line, s, (size_t)(eol - s)) != 0)
                return fm_error_set(FM_ENOMEM, "SSE: out of memory");
            rc = process_line(p, p->line.data, p->line.len);
            fm_buf_reset(&p->line);
        } else {
            rc = process_line(p, s, (size_t)(eol - s));
        }
        s = eol + 1;
        if (*eol == '\r') {
            if (s < end) {
                if (*s == '\n') s++;
            } else {
                p->skip_lf = true;
            }
        }
        if (rc == FM_ELIMIT) {
            if (!first_rc) first_rc = rc; /* keep framing; report at the end */
            continue;
        }
        if (rc != 0) return rc;
    }
    return first_rc;
}

int fm_sse_finish(fm_sse_parser *p)
{
    int rc = 0;
    if (p->line.len > 0) {
        rc = process_line(p, p->line.data, p->line.len);
        fm_buf_reset(&p->line);
    }
    if (rc == 0) rc = dispatch(p);
    return rc;
}

/* ------------------------------------------------------------ JSON walking */

static size_t skip_ws(const char *s, size_t len, size_t pos)
{
    while (pos < len && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) pos++;
    return pos;
}

/*
 * The state lives in *pos: 0 before the opening bracket; afterwards the
 * offset just past the last element (or the bracket). The container's kind
 * is read again from its first non-blank byte each call (cheap).
 */
int fm_llm_json_next(const char *s, size_t len, size_t *pos, const char **key, size_t *klen,
                  const char **val, size_t *vlen)
{
    size_t open = skip_ws(s, len, 0);
    if (open >= len || (s[open] != '[' && s[open] != '{'))
        return fm_error_set(FM_EPARSE, "JSON: not an array or object");
    bool obj = s[open] == '{';
    char close = obj ? '}' : ']';
    size_t p = *pos;
    if (p == 0) {
        p = skip_ws(s, len, open + 1);
        if (p < len && s[p] == close) {
            *pos = len;
            return 0;
        }
    } else {
        if (p >= len) return 0;
        p = skip_ws(s, len, p);
        if (p >= len) return fm_error_set(FM_EPARSE, "JSON: truncated");
        if (s[p] == close) {
            *pos = len;
            return 0;
        }
        if (s[p] != ',') return fm_error_set(FM_EPARSE, "JSON: expected ',' at offset %zu", p);
        p = skip_ws(s, len, p + 1);
    }
    if (key) *key = NULL;
    if (klen) *klen = 0;
    if (obj) {
        if (p >= len || s[p] != '"') return fm_error_set(FM_EPARSE, "JSON: expected a member name");
        size_t k0 = p;
        if (fm_kube_json_skip(s, len, &p) != 0)
            return fm_error_set(FM_EPARSE, "JSON: malformed member name at offset %zu", k0);
        if (key) *key = s + k0 + 1;
        if (klen) *klen = p - k0 - 2;
        p = skip_ws(s, len, p);
        if (p >= len || s[p] != ':') return fm_error_set(FM_EPARSE, "JSON: expected ':'");
        p++;
    }
    p = skip_ws(s, len, p);
    size_t v0 = p;
    if (fm_kube_json_skip(s, len, &p) != 0)
        return fm_error_set(FM_EPARSE, "JSON: malformed or truncated value at offset %zu", v0);
    *val = s + v0;
    *vlen = p - v0;
    *pos = p;
    return 1;
}

static bool key_is(const char *k, size_t kl, const char *name)
{
    size_t n = strlen(name);
    return k && kl == n && memcmp(k, name, n) == 0;
}

static bool is_null(const char *v, size_t n)
{
    return n == 4 && memcmp(v, "null", 4) == 0;
}

/* ------------------------------------------------------------ message */

void fm_llm_message_clear(fm_llm_message *m)
{
    fm_buf_free(&m->content);
    fm_buf_free(&m->reasoning);
    for (size_t i = 0; i < m->n_calls; i++) {
        free(m->calls[i].id);
        fm_buf_free(&m->calls[i].name);
        fm_buf_free(&m->calls[i].args);
    }
    memset(m, 0, sizeof(*m));
}

bool fm_llm_message_finished(const fm_llm_message *m)
{
    return m->finish_reason[0] != '\0' || m->done;
}

/* Appends the JSON string literal v to b, unescaped, within the message cap. */
static int put_string(fm_llm_message *m, fm_buf *b, const char *v, size_t n)
{
    if (n < 2 || v[0] != '"') return 0; /* null or not a string: nothing */
    /* fast path: no escapes */
    const char *body = v + 1;
    size_t blen = n - 2;
    const char *esc = memchr(body, '\\', blen);
    char *tmp = NULL;
    if (esc) {
        tmp = fm_kube_json_string(v, n);
        if (!tmp) return fm_error_set(FM_EPARSE, "chunk: bad string");
        body = tmp;
        blen = strlen(tmp);
    }
    if (b->len + blen > LLM_MESSAGE_MAX) {
        blen = b->len < LLM_MESSAGE_MAX ? LLM_MESSAGE_MAX - b->len : 0;
        m->truncated = true;
    }
    int rc = blen ? fm_buf_put(b, body, blen) : 0;
    free(tmp);
    return rc ? fm_error_set(FM_ENOMEM, "chunk: out of memory") : 0;
}

/* Merges one element of delta.tool_calls. */
static int merge_tool_call(fm_llm_message *m, const char *v, size_t n, size_t ordinal)
{
    const char *k, *val;
    size_t kl, vl, pos = 0;
    int64_t index = (int64_t)ordinal;
    const char *id = NULL, *fn = NULL;
    size_t idl = 0, fnl = 0;
    int r;
    while ((r = fm_llm_json_next(v, n, &pos, &k, &kl, &val, &vl)) == 1) {
        if (key_is(k, kl, "index")) (void)fm_kube_json_int(&index, val, vl);
        else if (key_is(k, kl, "id")) id = val, idl = vl;
        else if (key_is(k, kl, "function")) fn = val, fnl = vl;
    }
    if (r < 0) return r;
    if (index < 0 || index > 1000000) return fm_error_set(FM_EPARSE, "chunk: bad tool call index");
    fm_llm_tool_call *c = NULL;
    for (size_t i = 0; i < m->n_calls && !c; i++)
        if (m->calls[i].index == (int)index) c = &m->calls[i];
    if (!c) {
        if (m->n_calls >= LLM_MAX_TOOL_CALLS) {
            m->truncated = true;
            return 0;
        }
        c = &m->calls[m->n_calls++];
        c->index = (int)index;
    }
    if (id && !is_null(id, idl) && !c->id) {
        c->id = fm_kube_json_string(id, idl);
    }
    if (fn && fn[0] == '{') {
        pos = 0;
        while ((r = fm_llm_json_next(fn, fnl, &pos, &k, &kl, &val, &vl)) == 1) {
            if (key_is(k, kl, "name") && !is_null(val, vl)) {
                char *name = fm_kube_json_string(val, vl);
                if (!name) continue;
                /* a name repeated in later fragments is not appended */
                if (c->name.len == 0 || strcmp(c->name.data, name) != 0)
                    if (put_string(m, &c->name, val, vl) != 0) r = FM_ENOMEM;
                free(name);
            } else if (key_is(k, kl, "arguments")) {
                if (vl > 0 && val[0] == '"') {
                    if (put_string(m, &c->args, val, vl) != 0) return FM_ENOMEM; /* put_string said why */
                } else if (vl > 0 && val[0] == '{') {
                    /* some servers send the arguments as an object */
                    if (fm_buf_put(&c->args, val, vl) != 0)
                        return fm_error_set(FM_ENOMEM, "chunk: tool call %zu: out of memory for its arguments", ordinal);
                }
            }
        }
        if (r < 0) return r;
    }
    return 0;
}

/* Merges choices[0]: its delta (or message) and finish_reason. */
static int merge_choice(fm_llm_message *m, const char *v, size_t n)
{
    const char *k, *val;
    size_t kl, vl, pos = 0;
    int r;
    while ((r = fm_llm_json_next(v, n, &pos, &k, &kl, &val, &vl)) == 1) {
        if (key_is(k, kl, "finish_reason")) {
            if (vl >= 2 && val[0] == '"') {
                char *fr = fm_kube_json_string(val, vl);
                if (fr) {
                    snprintf(m->finish_reason, sizeof(m->finish_reason), "%s", fr);
                    free(fr);
                }
            }
        } else if ((key_is(k, kl, "delta") || key_is(k, kl, "message")) && vl > 0 && val[0] == '{') {
            const char *dk, *dv;
            size_t dkl, dvl, dpos = 0;
            int dr;
            while ((dr = fm_llm_json_next(val, vl, &dpos, &dk, &dkl, &dv, &dvl)) == 1) {
                int rc = 0;
                if (key_is(dk, dkl, "content")) rc = put_string(m, &m->content, dv, dvl);
                else if (key_is(dk, dkl, "reasoning_content") || key_is(dk, dkl, "reasoning"))
                    rc = put_string(m, &m->reasoning, dv, dvl);
                else if (key_is(dk, dkl, "tool_calls") && dvl > 0 && dv[0] == '[') {
                    const char *tv;
                    size_t tvl, tpos = 0, ord = 0;
                    int tr;
                    while ((tr = fm_llm_json_next(dv, dvl, &tpos, NULL, NULL, &tv, &tvl)) == 1) {
                        if (tvl > 0 && tv[0] == '{' && (rc = merge_tool_call(m, tv, tvl, ord)) != 0)
                            return rc;
                        ord++;
                    }
                    if (tr < 0) return tr;
                }
                if (rc != 0) return rc;
            }
            if (dr < 0) return dr;
        }
    }
    return r < 0 ? r : 0;
}

int fm_llm_message_merge(fm_llm_message *m, const char *data, size_t len)
{
    size_t p = skip_ws(data, len, 0);
    if (len - p >= 6 && memcmp(data + p, "[DONE]", 6) == 0) {
        m->done = true;
        return 0;
    }
    if (p >= len || data[p] != '{') return fm_error_set(FM_EPARSE, "stream chunk is not a JSON object");
    /* walking the members validates the whole object before anything is
     * merged, so a bad chunk changes nothing */
    const char *k, *val;
    size_t kl, vl, pos = 0;
    int r;
    const char *choices = NULL, *usage = NULL, *err = NULL;
    size_t cl = 0, ul = 0, el = 0;
    while ((r = fm_llm_json_next(data, len, &pos, &k, &kl, &val, &vl)) == 1) {
        if (key_is(k, kl, "choices")) choices = val, cl = vl;
        else if (key_is(k, kl, "usage")) usage = val, ul = vl;
        else if (key_is(k, kl, "error")) err = val, el = vl;
    }
    if (r < 0) return fm_error_set(FM_EPARSE, "stream chunk: malformed JSON");
    if (err && !is_null(err, el)) {
        char *msg = NULL;
        if (err[0] == '{') msg = fm_kube_json_path_string(err, el, "message");
        else if (err[0] == '"') msg = fm_kube_json_string(err, el);
        int rc = fm_error_set(FM_EHTTP, "model server error in stream: %s",
                              msg ? msg : "(no message)");
        free(msg);
        return rc;
    }
    m->chunks++;
    if (usage && usage[0] == '{') {
        const char *uv;
        size_t uvl;
        int64_t x;
        if (fm_kube_json_member(usage, ul, "prompt_tokens", &uv, &uvl) == 0 && fm_kube_json_int(&x, uv, uvl) == 0) {
            m->prompt_tokens = x;
            m->have_usage = true;
        }
        if (fm_kube_json_member(usage, ul, "completion_tokens", &uv, &uvl) == 0 &&
            fm_kube_json_int(&x, uv, uvl) == 0) {
            m->completion_tokens = x;
            m->have_usage = true;
        }
        if (fm_kube_json_path(usage, ul, "prompt_tokens_details.cached_tokens", &uv, &uvl) == 0 &&
            fm_kube_json_int(&x, uv, uvl) == 0)
            m->cached_tokens = x;
    }
    if (choices && choices[0] == '[') {
        const char *cv;
        size_t cvl, cpos = 0;
        /* n=1 is all we ask for: only the first choice counts */
        if ((r = fm_llm_json_next(choices, cl, &cpos, NULL, NULL, &cv, &cvl)) == 1 && cv[0] == '{')
            return merge_choice(m, cv, cvl);
        if (r < 0) return r;
    }
    return 0;
}

/*
 * llm_textcalls.c - tool calls written as text. See llm_textcalls.h.
 *
 * Every family comes down to "find a JSON value at some offset and read call
 * objects out of it", so the parsers share call_from_object() and
 * calls_from_value(); only the markers differ. Malformed candidates are
 * skipped, never fatal: the caller falls back to a nudge.
 */
#include "llm_textcalls.h"

#include "codec.h"
#include "error.h"
#include "kube_json.h"
#include "llm_sse.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void fm_llm_text_calls_clear(fm_llm_text_calls *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->calls[i].name);
        free(c->calls[i].args);
    }
    memset(c, 0, sizeof(*c));
}

static size_t skip_ws(const char *s, size_t len, size_t pos)
{
    while (pos < len && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) pos++;
    return pos;
}

/* Finds needle in s[from..len); returns its offset or len. */
static size_t find(const char *s, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0) return i;
    return len;
}

/* True for a plausible function name: 1-64 of [A-Za-z0-9_.-]. */
static bool name_ok(const char *n)
{
    size_t i = 0;
    for (; n[i]; i++)
        if (i >= 64 || !(isalnum((unsigned char)n[i]) || n[i] == '_' || n[i] == '-' || n[i] == '.')) return false;
    return i > 0;
}

/* Adds a call; takes name and args. Returns 1 added, 0 full or not a
 * plausible name, FM_ENOMEM. */
static int add(fm_llm_text_calls *out, char *name, char *args)
{
    if (!name || !args) {
        free(name);
        free(args);
        return fm_error_set(FM_ENOMEM, "tool calls in text: out of memory for a call");
    }
    if (out->n >= LLM_TEXTCALLS_MAX || !name_ok(name)) {
        free(name);
        free(args);
        return 0;
    }
    out->calls[out->n].name = name;
    out->calls[out->n].args = args;
    out->n++;
    return 1;
}

/* Reads one call object {"name":..,"arguments"|"parameters"|"args":..}.
 * Returns 1 added, 0 not a call object, FM_ENOMEM. */
static int call_from_object(fm_llm_text_calls *out, const char *v, size_t n)
{
    if (n == 0 || v[0] != '{') return 0;
    const char *val;
    size_t vl;
    char *name = NULL;
    if (fm_kube_json_member(v, n, "name", &val, &vl) == 0) {
        name = fm_kube_json_string(val, vl);
    } else if (fm_kube_json_member(v, n, "function", &val, &vl) == 0) {
        if (val[0] == '"') name = fm_kube_json_string(val, vl);
        else if (val[0] == '{') {
            name = fm_kube_json_path_string(val, vl, "name");
            /* {"function":{"name":..,"arguments":..}} (OpenAI shape) */
            const char *a;
            size_t al;
            if (name && fm_kube_json_member(val, vl, "arguments", &a, &al) == 0) {
                v = val;
                n = vl;
            }
        }
    }
    if (!name || !name[0]) {
        free(name);
        return 0;
    }
    char *args = NULL;
    static const char *const arg_keys[] = {"arguments", "parameters", "args", "input"};
    for (size_t i = 0; i < 4 && !args; i++) {
        if (fm_kube_json_member(v, n, arg_keys[i], &val, &vl) != 0) continue;
        if (val[0] == '{') args = fm_strndup(val, vl);
        else if (val[0] == '"') args = fm_kube_json_string(val, vl); /* JSON in a string */
        else if (vl == 4 && memcmp(val, "null", 4) == 0) args = fm_strdup("{}");
        else args = fm_strndup(val, vl); /* the loop reports non-object args */
        if (!args) {
            free(name);
            return fm_error_set(FM_ENOMEM, "tool calls in text: out of memory for a call's arguments");
        }
    }
    if (!args) args = fm_strdup("{}");
    return add(out, name, args);
}

/* Reads calls from a JSON value at s[pos..len): an object or an array of
 * objects. On success *end is just past the value. Returns calls added (>= 0),
 * -1 when no JSON value starts there, or FM_ENOMEM. */
static int calls_from_value(fm_llm_text_calls *out, const char *s, size_t len, size_t pos, size_t *end)
{
    pos = skip_ws(s, len, pos);
    size_t q = pos;
    if (pos >= len || (s[pos] != '{' && s[pos] != '[') || fm_kube_json_skip(s, len, &q) != 0) return -1;
    *end = q;
    if (s[pos] == '{') return call_from_object(out, s + pos, q - pos);
    int added = 0;
    const char *v;
    size_t vl, ap = 0;
    int r;
    while ((r = fm_llm_json_next(s + pos, q - pos, &ap, NULL, NULL, &v, &vl)) == 1) {
        int a = call_from_object(out, v, vl);
        if (a < 0) return a;
        added += a;
    }
    return added;
}

static int parse_hermes(fm_llm_text_calls *out, const char *s, size_t len)
{
    int added = 0;
    size_t at = 0;
    while ((at = find(s, len, at, "<tool_call>")) < len) {
        size_t end;
        int a = calls_from_value(out, s, len, at + 11, &end);
        if (a == FM_ENOMEM) return a;
        if (a > 0) added += a;
        at += 11;
    }
    return added;
}

static int parse_mistral(fm_llm_text_calls *out, const char *s, size_t len)
{
    int added = 0;
    size_t at = 0;
    while ((at = find(s, len, at, "[TOOL_CALLS]")) < len) {
        size_t p = skip_ws(s, len, at + 12), end;
        int a = calls_from_value(out, s, len, p, &end);
        if (a == FM_ENOMEM) return a;
        if (a >= 0) {
            added += a;
        } else {
            /* name[ARGS]{...} */
            size_t args_at = find(s, len, p, "[ARGS]");
            size_t q = args_at + 6;
            size_t name_len = args_at - p;
            if (args_at < len && name_len > 0 && name_len < 256) {
                size_t v0 = skip_ws(s, len, q);
                size_t v1 = v0;
                if (v0 < len && s[v0] == '{' && fm_kube_json_skip(s, len, &v1) == 0) {
                    while (name_len > 0 && strchr(" \t\r\n", s[p + name_len - 1])) name_len--;
                    int r = add(out, fm_strndup(s + p, name_len), fm_strndup(s + v0, v1 - v0));
                    if (r < 0) return r;
                    added += r;
                }
            }
        }
        at += 12;
    }
    return added;
}

static int parse_llama3(fm_llm_text_calls *out, const char *s, size_t len)
{
    size_t at = find(s, len, 0, "<|python_tag|>");
    if (at >= len) return 0;
    int added = 0;
    size_t p = at + 14, end;
    for (;;) {
        int a = calls_from_value(out, s, len, p, &end);
        if (a == FM_ENOMEM) return a;
        if (a <= 0) break;
        added += a;
        p = skip_ws(s, len, end);
        if (p < len && s[p] == ';') p++;
        else break;
    }
    return added;
}

static int parse_fenced(fm_llm_text_calls *out, const char *s, size_t len)
{
    static const char *const tags[] = {"```tool_code", "```tool_call", "```json", "```"};
    int added = 0;
    size_t at = 0;
    while ((at = find(s, len, at, "```")) < len) {
        size_t p = at + 3;
        for (size_t i = 0; i < 4; i++) {
            size_t tl = strlen(tags[i]);
            if (len - at >= tl && memcmp(s + at, tags[i], tl) == 0) {
                p = at + tl;
                break;
            }
        }
        size_t close = find(s, len, p, "```");
        size_t end;
        int a = calls_from_value(out, s, close, p, &end);
        if (a == FM_ENOMEM) return a;
        if (a > 0) added += a;
        at = close < len ? close + 3 : len;
    }
    return added;
}

int fm_llm_text_calls_parse(fm_llm_text_calls *out, const char *text, size_t len)
{
    return fm_llm_text_calls_parse_as(out, text, len, NULL);
}

int fm_llm_text_calls_parse_as(fm_llm_text_calls *out, const char *text, size_t len, const char *family)
{
    memset(out, 0, sizeof(*out));
    if (!text || len == 0) return 0;
    bool any = !family || !family[0] || !strcmp(family, "auto");
    if (!any && !strcmp(family, "none")) return 0;
    struct {
        const char *family;
        int (*fn)(fm_llm_text_calls *, const char *, size_t);
    } const parsers[] = {{"hermes", parse_hermes},
                         {"mistral", parse_mistral},
                         {"llama3", parse_llama3},
                         {"fenced", parse_fenced}};
    bool known = any || !strcmp(family, "bare");
    for (size_t i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++) {
        if (!any && strcmp(family, parsers[i].family)) continue;
        known = true;
        int r = parsers[i].fn(out, text, len);
        if (r < 0) {
            fm_llm_text_calls_clear(out);
            return r;
        }
        if (r > 0) {
            out->family = parsers[i].family;
            return (int)out->n;
        }
    }
    /* a name this build does not know: every family, as auto */
    if (!known) return fm_llm_text_calls_parse_as(out, text, len, NULL);
    if (!any && strcmp(family, "bare")) return 0;
    /* bare: the whole content is one call object (or an array of them) */
    size_t end;
    size_t p = skip_ws(text, len, 0);
    int r = calls_from_value(out, text, len, p, &end);
    if (r > 0 && skip_ws(text, len, end) == len) {
        out->family = "bare";
        return (int)out->n;
    }
    fm_llm_text_calls_clear(out);
    return r == FM_ENOMEM ? r : 0;
}

/*
 * metrics.c - Prometheus registry and text exposition (see metrics.h).
 *
 * Values are doubles stored as their bit patterns in _Atomic uint64_t and
 * updated with compare-and-swap loops, so fm_metrics_inc() from many worker
 * threads never takes a lock. A histogram keeps one non-cumulative counter
 * per bucket; the renderer sums them into cumulative buckets and derives
 * _count from the same pass, so "+Inf bucket == _count" holds in every
 * scrape even while observations race with it.
 */
#include "metrics.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"

const double fm_metrics_default_buckets[11] = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
const double fm_metrics_workqueue_buckets[10] = {1e-8, 1e-7, 1e-6, 1e-5, 1e-4,
                                              1e-3, 1e-2, 1e-1, 1,    10};

struct fm_series {
    fm_metric *family;
    char *joined;              /* label values joined by '\x1f' (hash key) */
    char **values;             /* n_labels label values */
    _Atomic uint64_t bits;     /* counter/gauge value, histogram sum */
    _Atomic uint64_t *buckets; /* histogram: n_buckets + 1 counts */
};

struct fm_metric {
    fm_metric_type type;
    char *name;
    char *help;
    char *labels[METRICS_MAX_LABELS];
    size_t n_labels;
    double *bounds;
    size_t n_buckets;
    pthread_mutex_t mu;   /* guards series/index */
    fm_series **series;
    size_t n_series, cap_series;
    fm_hashmap index;
};

struct fm_metrics {
    pthread_mutex_t mu;   /* guards families */
    fm_metric **families;
    size_t n, cap;
};

/* ------------------------------------------------------------ atomics */

static double bits_to_double(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof(d));
    return d;
}

static uint64_t double_to_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof(b));
    return b;
}

static void atomic_add_double(_Atomic uint64_t *p, double v)
{
    uint64_t old = atomic_load_explicit(p, memory_order_relaxed);
    for (;;) {
        uint64_t nw = double_to_bits(bits_to_double(old) + v);
        if (atomic_compare_exchange_weak_explicit(p, &old, nw, memory_order_relaxed,
                                                  memory_order_relaxed))
            return;
    }
}

/* ------------------------------------------------------------ registry */

int fm_metrics_new(fm_metrics **out)
{
    *out = calloc(1, sizeof(**out));
    if (!*out) return fm_error_set(FM_ENOMEM, "metrics registry: out of memory");
    pthread_mutex_init(&(*out)->mu, NULL);
    return 0;
}

static void series_free(fm_series *s)
{
    if (!s) return;
    if (s->values) {
        for (size_t i = 0; i < s->family->n_labels; i++) free(s->values[i]);
        free(s->values);
    }
    free(s->joined);
    free(s->buckets);
    free(s);
}

static void family_free(fm_metric *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->n_series; i++) series_free(m->series[i]);
    free(m->series);
    fm_hashmap_clear(&m->index);
    for (size_t i = 0; i < m->n_labels; i++) free(m->labels[i]);
    free(m->name);
    free(m->help);
    free(m->bounds);
    pthread_mutex_destroy(&m->mu);
    free(m);
}

void fm_metrics_free(fm_metrics *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) family_free(r->families[i]);
    free(r->families);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

static fm_metrics *default_registry;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void default_init(void)
{
    if (fm_metrics_new(&default_registry) != 0) default_registry = NULL;
}

fm_metrics *fm_metrics_default(void)
{
    pthread_once(&default_once, default_init);
    return default_registry;
}

static int valid_name(const char *s, int allow_colon)
{
    if (!s || !*s) return 0;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                 (allow_colon && c == ':') || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return 0;
    }
    return 1;
}

static int same_shape(const fm_metric *m, fm_metric_type type, const double *buckets,
                      size_t n_buckets, const char *const *labels, size_t n_labels)
{
    if (m->type != type || m->n_labels != n_labels) return 0;
    for (size_t i = 0; i < n_labels; i++)
        if (strcmp(m->labels[i], labels[i]) != 0) return 0;
    if (type == FM_METRIC_HISTOGRAM) {
        if (m->n_buckets != n_buckets) return 0;
        for (size_t i = 0; i < n_buckets; i++)
            if (m->bounds[i] != buckets[i]) return 0;
    }
    return 1;
}

int fm_metrics_register(fm_metric **out, fm_metrics *r, fm_metric_type type, const char *name,
                     const char *help, const double *buckets, size_t n_buckets,
                     const char *const *labels, size_t n_labels)
{
    *out = NULL;
    if (!r) return fm_error_set(FM_EINVAL, "metric %s: no registry", name ? name : "(null)");
    if (!valid_name(name, 1)) return fm_error_set(FM_EINVAL, "metric %s: invalid name", name ? name : "(null)");
    if (n_labels > METRICS_MAX_LABELS)
        return fm_error_set(FM_EINVAL, "metric %s: more than %d labels", name, METRICS_MAX_LABELS);
    for (size_t i = 0; i < n_labels; i++) {
        if (!valid_name(labels[i], 0) || strncmp(labels[i], "__", 2) == 0)
            return fm_error_set(FM_EINVAL, "metric %s: invalid label name %s", name,
                                labels[i] ? labels[i] : "(null)");
        if (type == FM_METRIC_HISTOGRAM && strcmp(labels[i], "le") == 0)
            return fm_error_set(FM_EINVAL, "metric %s: label name le is reserved", name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(labels[i], labels[j]) == 0)
                return fm_error_set(FM_EINVAL, "metric %s: duplicate label %s", name, labels[i]);
    }
    if (type == FM_METRIC_HISTOGRAM) {
        if (!buckets) {
            buckets = fm_metrics_default_buckets;
            n_buckets = sizeof(fm_metrics_default_buckets) / sizeof(fm_metrics_default_buckets[0]);
        }
        if (n_buckets == 0 || n_buckets > METRICS_MAX_BUCKETS)
            return fm_error_set(FM_EINVAL, "metric %s: bucket count %zu out of range", name, n_buckets);
        for (size_t i = 0; i < n_buckets; i++)
            if (!isfinite(buckets[i]) || (i > 0 && buckets[i] <= buckets[i - 1]))
                return fm_error_set(FM_EINVAL, "metric %s: buckets must increase and be finite", name);
    }

    int rc = 0;
    pthread_mutex_lock(&r->mu);
    for (size_t i = 0; i < r->n; i++) {
        if (strcmp(r->families[i]->name, name) != 0) continue;
        if (same_shape(r->families[i], type, buckets, n_buckets, labels, n_labels))
            *out = r->families[i];
        else
            rc = fm_error_set(FM_EINVAL, "metric %s: registered before with another type or labels", name);
        goto done;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        fm_metric **f = realloc(r->families, cap * sizeof(*f));
        if (!f) {
            rc = fm_error_set(FM_ENOMEM, "metric %s: out of memory", name);
            goto done;
        }
        r->families = f;
        r->cap = cap;
    }
    fm_metric *m = calloc(1, sizeof(*m));
    if (!m) {
        rc = fm_error_set(FM_ENOMEM, "metric %s: out of memory", name);
        goto done;
    }
    pthread_mutex_init(&m->mu, NULL);
    m->type = type;
    m->name = fm_strdup(name);
    m->help = fm_strdup(help ? help : "");
    int oom = !m->name || !m->help;
    for (size_t i = 0; i < n_labels; i++) {
        m->labels[i] = fm_strdup(labels[i]);
        m->n_labels = i + 1;
        if (!m->labels[i]) oom = 1;
    }
    if (type == FM_METRIC_HISTOGRAM) {
        m->bounds = malloc(n_buckets * sizeof(double));
        if (m->bounds) memcpy(m->bounds, buckets, n_buckets * sizeof(double));
        else oom = 1;
        m->n_buckets = n_buckets;
    }
    if (oom) {
        family_free(m);
        rc = fm_error_set(FM_ENOMEM, "metric %s: out of memory", name);
        goto done;
    }
    r->families[r->n++] = m;
    *out = m;
done:
    pthread_mutex_unlock(&r->mu);
    return rc;
}

/* Collects the NULL-terminated label names of a variadic call. */
static int collect(va_list ap, const char **names, size_t *n, const char *what)
{
    *n = 0;
    for (;;) {
        const char *s = va_arg(ap, const char *);
        if (!s) return 0;
        if (*n == METRICS_MAX_LABELS)
            return fm_error_set(FM_EINVAL, "metric %s: more than %d labels", what, METRICS_MAX_LABELS);
        names[(*n)++] = s;
    }
}

int fm_metrics_counter(fm_metric **out, fm_metrics *r, const char *name, const char *help, ...)
{
    const char *labels[METRICS_MAX_LABELS];
    size_t n;
    va_list ap;
    va_start(ap, help);
    int rc = collect(ap, labels, &n, name);
    va_end(ap);
    if (rc) {
        *out = NULL;
        return rc;
    }
    return fm_metrics_register(out, r, FM_METRIC_COUNTER, name, help, NULL, 0, labels, n);
}

int fm_metrics_gauge(fm_metric **out, fm_metrics *r, const char *name, const char *help, ...)
{
    const char *labels[METRICS_MAX_LABELS];
    size_t n;
    va_list ap;
    va_start(ap, help);
    int rc = collect(ap, labels, &n, name);
    va_end(ap);
    if (rc) {
        *out = NULL;
        return rc;
    }
    return fm_metrics_register(out, r, FM_METRIC_GAUGE, name, help, NULL, 0, labels, n);
}

int fm_metrics_histogram(fm_metric **out, fm_metrics *r, const char *name, const char *help,
                      const double *buckets, size_t n_buckets, ...)
{
    const char *labels[METRICS_MAX_LABELS];
    size_t n;
    va_list ap;
    va_start(ap, n_buckets);
    int rc = collect(ap, labels, &n, name);
    va_end(ap);
    if (rc) {
        *out = NULL;
        return rc;
    }
    return fm_metrics_register(out, r, FM_METRIC_HISTOGRAM, name, help, buckets, n_buckets, labels, n);
}

/* ------------------------------------------------------------ series */

int fm_metrics_seriesv(fm_series **out, fm_metric *m, const char *const *values, size_t n)
{
    *out = NULL;
    if (!m) return fm_error_set(FM_EINVAL, "metric series: no family");
    if (n != m->n_labels)
        return fm_error_set(FM_EINVAL, "metric %s: %zu label values for %zu labels", m->name, n,
                            m->n_labels);
    fm_buf key = FM_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *v = values[i] ? values[i] : "";
        if ((i && fm_buf_put(&key, "\x1f", 1)) || fm_buf_puts(&key, v)) {
            fm_buf_free(&key);
            return fm_error_set(FM_ENOMEM, "metric %s: out of memory", m->name);
        }
    }
    int rc = 0;
    pthread_mutex_lock(&m->mu);
    fm_series *s = fm_hashmap_get(&m->index, key.data ? key.data : "");
    if (s) {
        *out = s;
        goto done;
    }
    s = calloc(1, sizeof(*s));
    if (!s) goto oom;
    s->family = m;
    s->joined = key.data ? fm_buf_detach(&key) : fm_strdup("");
    if (!s->joined) goto oom;
    s->values = calloc(n ? n : 1, sizeof(char *));
    if (!s->values) goto oom;
    for (size_t i = 0; i < n; i++)
        if (!(s->values[i] = fm_strdup(values[i] ? values[i] : ""))) goto oom;
    if (m->type == FM_METRIC_HISTOGRAM) {
        s->buckets = calloc(m->n_buckets + 1, sizeof(*s->buckets));
        if (!s->buckets) goto oom;
    }
    if (m->n_series == m->cap_series) {
        size_t cap = m->cap_series ? m->cap_series * 2 : 4;
        fm_series **a = realloc(m->series, cap * sizeof(*a));
        if (!a) goto oom;
        m->series = a;
        m->cap_series = cap;
    }
    if (fm_hashmap_put(&m->index, s->joined, s, NULL)) goto oom;
    m->series[m->n_series++] = s;
    *out = s;
    goto done;
oom:
    series_free(s);
    rc = fm_error_set(FM_ENOMEM, "metric %s: out of memory", m->name);
done:
    pthread_mutex_unlock(&m->mu);
    fm_buf_free(&key);
    return rc;
}

int fm_metrics_series(fm_series **out, fm_metric *m, ...)
{
    const char *values[METRICS_MAX_LABELS];
    size_t n;
    va_list ap;
    va_start(ap, m);
    int rc = collect(ap, values, &n, m ? m->name : "(null)");
    va_end(ap);
    if (rc) {
        *out = NULL;
        return rc;
    }
    return fm_metrics_seriesv(out, m, values, n);
}

void fm_metrics_inc(fm_series *s)
{
    fm_metrics_add(s, 1.0);
}

void fm_metrics_add(fm_series *s, double v)
{
    if (!s || s->family->type == FM_METRIC_HISTOGRAM) return;
    if (s->family->type == FM_METRIC_COUNTER && !(v >= 0)) return;
    atomic_add_double(&s->bits, v);
}

void fm_metrics_set(fm_series *s, double v)
{
    if (!s || s->family->type != FM_METRIC_GAUGE) return;
    atomic_store_explicit(&s->bits, double_to_bits(v), memory_order_relaxed);
}

void fm_metrics_observe(fm_series *s, double v)
{
    if (!s || s->family->type != FM_METRIC_HISTOGRAM) return;
    const fm_metric *m = s->family;
    /* Buckets are few (<= 64) and small lists scan faster than they bisect. */
    size_t i = 0;
    while (i < m->n_buckets && !(v <= m->bounds[i])) i++;
    atomic_fetch_add_explicit(&s->buckets[i], 1, memory_order_relaxed);
    atomic_add_double(&s->bits, v);
}

double fm_metrics_value(const fm_series *s)
{
    if (!s) return 0;
    return bits_to_double(atomic_load_explicit(&((fm_series *)s)->bits, memory_order_relaxed));
}

uint64_t fm_metrics_count(const fm_series *s)
{
    if (!s || s->family->type != FM_METRIC_HISTOGRAM) return 0;
    uint64_t n = 0;
    for (size_t i = 0; i <= s->family->n_buckets; i++)
        n += atomic_load_explicit(&s->buckets[i], memory_order_relaxed);
    return n;
}

/* ------------------------------------------------------------ exposition */

/* Formats a sample value the way Prometheus parses it (Go's ParseFloat):
 * integers without exponent up to 2^53, otherwise the shortest of %.15g and
 * %.17g that reads back exactly; +Inf, -Inf and NaN spelled out. */
static void format_value(char out[40], double v)
{
    if (isnan(v)) {
        strcpy(out, "NaN");
    } else if (isinf(v)) {
        strcpy(out, v > 0 ? "+Inf" : "-Inf");
    } else if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        snprintf(out, 40, "%.0f", v);
    } else {
        snprintf(out, 40, "%.15g", v);
        if (strtod(out, NULL) != v) snprintf(out, 40, "%.17g", v);
    }
}

/* Appends s escaped for a HELP line (backslash and newline) or, with
 * quote set, for a label value (also the double quote). */
static int put_escaped(fm_buf *b, const char *s, int quote)
{
    int rc = 0;
    for (; *s && !rc; s++) {
        if (*s == '\\') rc = fm_buf_put(b, "\\\\", 2);
        else if (*s == '\n') rc = fm_buf_put(b, "\\n", 2);
        else if (quote && *s == '"') rc = fm_buf_put(b, "\\\"", 2);
        else rc = fm_buf_put(b, s, 1);
    }
    return rc;
}

/* Appends `name{labels,extra}` where extra (may be NULL) is a pre-escaped
 * `le="..."` pair for histogram buckets. */
static int put_sample_name(fm_buf *b, const fm_metric *m, const char *suffix, const fm_series *s,
                           const char *extra)
{
    int rc = fm_buf_puts(b, m->name);
    if (!rc && suffix) rc = fm_buf_puts(b, suffix);
    if (rc) return rc;
    if (m->n_labels == 0 && !extra) return 0;
    rc = fm_buf_put(b, "{", 1);
    for (size_t i = 0; i < m->n_labels && !rc; i++) {
        if (i) rc = fm_buf_put(b, ",", 1);
        if (!rc) rc = fm_buf_printf(b, "%s=\"", m->labels[i]);
        if (!rc) rc = put_escaped(b, s->values[i], 1);
        if (!rc) rc = fm_buf_put(b, "\"", 1);
    }
    if (!rc && extra) {
        if (m->n_labels) rc = fm_buf_put(b, ",", 1);
        if (!rc) rc = fm_buf_puts(b, extra);
    }
    if (!rc) rc = fm_buf_put(b, "}", 1);
    return rc;
}

static int render_family(fm_buf *b, fm_metric *m)
{
    static const char *const type_names[] = {"", "counter", "gauge", "histogram"};
    char val[40];
    int rc = fm_buf_printf(b, "# HELP %s ", m->name);
    if (!rc) rc = put_escaped(b, m->help, 0);
    if (!rc) rc = fm_buf_printf(b, "\n# TYPE %s %s\n", m->name, type_names[m->type]);
    pthread_mutex_lock(&m->mu);
    for (size_t i = 0; i < m->n_series && !rc; i++) {
        fm_series *s = m->series[i];
        if (m->type != FM_METRIC_HISTOGRAM) {
            format_value(val, fm_metrics_value(s));
            rc = put_sample_name(b, m, NULL, s, NULL);
            if (!rc) rc = fm_buf_printf(b, " %s\n", val);
            continue;
        }
        uint64_t cum = 0;
        for (size_t j = 0; j <= m->n_buckets && !rc; j++) {
            char le[64];
            cum += atomic_load_explicit(&s->buckets[j], memory_order_relaxed);
            if (j < m->n_buckets) format_value(val, m->bounds[j]);
            else strcpy(val, "+Inf");
            snprintf(le, sizeof(le), "le=\"%s\"", val);
            rc = put_sample_name(b, m, "_bucket", s, le);
            if (!rc) rc = fm_buf_printf(b, " %llu\n", (unsigned long long)cum);
        }
        format_value(val, fm_metrics_value(s));
        if (!rc) rc = put_sample_name(b, m, "_sum", s, NULL);
        if (!rc) rc = fm_buf_printf(b, " %s\n", val);
        if (!rc) rc = put_sample_name(b, m, "_count", s, NULL);
        if (!rc) rc = fm_buf_printf(b, " %llu\n", (unsigned long long)cum);
    }
    pthread_mutex_unlock(&m->mu);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(fm_metric *const *)a)->name, (*(fm_metric *const *)b)->name);
}

int fm_metrics_render(fm_buf *out, fm_metrics *r)
{
    if (!r) return 0;
    /* Families are never removed while the registry lives, so a snapshot of
     * the pointer array can be rendered without holding the registry lock. */
    pthread_mutex_lock(&r->mu);
    size_t n = r->n;
    fm_metric **fams = malloc((n ? n : 1) * sizeof(*fams));
    if (fams) memcpy(fams, r->families, n * sizeof(*fams));
    pthread_mutex_unlock(&r->mu);
    if (!fams) return fm_error_set(FM_ENOMEM, "metrics: out of memory");
    qsort(fams, n, sizeof(*fams), by_name);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) rc = render_family(out, fams[i]);
    free(fams);
    return rc ? fm_error_set(FM_ENOMEM, "metrics: out of memory while rendering") : 0;
}

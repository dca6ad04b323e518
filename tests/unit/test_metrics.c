/*
 * test_metrics.c - the metrics registry and its text exposition, checked by
 * a strict parser of the Prometheus text format 0.0.4 written here.
 */
#include <ctype.h>
#include <math.h>
#include <pthread.h>

#include "error.h"
#include "metrics.h"
#include "test.h"

/* ------------------------------------------------------------ checker */

#define MAXF 64
typedef struct family_seen {
    char name[128];
    char type[16];
    int help, samples;
    /* histogram state of the current series */
    char series[512];
    double last_le;
    double last_bucket;
    double inf_bucket;
    int have_inf;
} family_seen;

typedef struct checker {
    family_seen fams[MAXF];
    int n;
    char seen_series[4096][160];
    int n_series;
    char err[256];
} checker;

static family_seen *find_family(checker *c, const char *name)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->fams[i].name, name) == 0) return &c->fams[i];
    return NULL;
}

static int is_name_char(char ch, int first, int colon)
{
    return isalpha((unsigned char)ch) || ch == '_' || (colon && ch == ':') ||
           (!first && isdigit((unsigned char)ch));
}

/* Parses a value as Go's ParseFloat would accept it from Prometheus. */
static int parse_value(const char *s, double *out)
{
    if (strcmp(s, "+Inf") == 0) *out = INFINITY;
    else if (strcmp(s, "-Inf") == 0) *out = -INFINITY;
    else if (strcmp(s, "NaN") == 0) *out = NAN;
    else {
        char *end;
        if (!*s || isspace((unsigned char)*s)) return 0;
        *out = strtod(s, &end);
        if (*end) return 0;
        for (const char *p = s; *p; p++)
            if (!(isdigit((unsigned char)*p) || strchr("+-.eE", *p))) return 0;
    }
    return 1;
}

/* Checks one sample line; returns 0 and sets c->err on a violation. */
static int check_sample(checker *c, const char *line)
{
    char name[128], labels[512] = "", le[64] = "";
    size_t i = 0, n = 0;
    while (line[i] && is_name_char(line[i], i == 0, 1)) {
        if (n + 1 >= sizeof(name)) return snprintf(c->err, sizeof(c->err), "name too long"), 0;
        name[n++] = line[i++];
    }
    name[n] = 0;
    if (n == 0) return snprintf(c->err, sizeof(c->err), "bad sample name: %.160s", line), 0;
    size_t lab_start = i;
    if (line[i] == '{') {
        i++;
        int first = 1;
        while (line[i] != '}') {
            if (!first) {
                if (line[i] != ',') return snprintf(c->err, sizeof(c->err), "expected , in %.160s", line), 0;
                i++;
            }
            first = 0;
            char lname[64];
            size_t ln = 0;
            while (line[i] && is_name_char(line[i], ln == 0, 0) && ln + 1 < sizeof(lname)) lname[ln++] = line[i++];
            lname[ln] = 0;
            if (ln == 0 || line[i] != '=' || line[i + 1] != '"')
                return snprintf(c->err, sizeof(c->err), "bad label in %.160s", line), 0;
            i += 2;
            char val[256];
            size_t vn = 0;
            while (line[i] != '"') {
                if (!line[i]) return snprintf(c->err, sizeof(c->err), "unterminated value: %.160s", line), 0;
                if (line[i] == '\\') {
                    char e = line[i + 1];
                    if (e != '\\' && e != '"' && e != 'n')
                        return snprintf(c->err, sizeof(c->err), "bad escape in %.160s", line), 0;
                    val[vn++] = e == 'n' ? '\n' : e;
                    i += 2;
                } else {
                    val[vn++] = line[i++];
                }
                if (vn + 1 >= sizeof(val)) return snprintf(c->err, sizeof(c->err), "value too long"), 0;
            }
            val[vn] = 0;
            i++;
            if (strcmp(lname, "le") == 0) snprintf(le, sizeof(le), "%.60s", val);
        }
        i++;
        snprintf(labels, sizeof(labels), "%.*s", (int)(i - lab_start), line + lab_start);
    }
    if (line[i] != ' ') return snprintf(c->err, sizeof(c->err), "no space before value: %.160s", line), 0;
    double v;
    if (!parse_value(line + i + 1, &v))
        return snprintf(c->err, sizeof(c->err), "bad value: %.160s", line), 0;

    /* Which family? Histograms' samples carry a suffix. */
    family_seen *f = find_family(c, name);
    const char *suffix = "";
    if (!f) {
        static const char *const sfx[] = {"_bucket", "_sum", "_count"};
        for (int k = 0; k < 3 && !f; k++) {
            size_t sl = strlen(sfx[k]);
            if (n > sl && strcmp(name + n - sl, sfx[k]) == 0) {
                char base[128];
                snprintf(base, sizeof(base), "%.*s", (int)(n - sl), name);
                f = find_family(c, base);
                if (f && strcmp(f->type, "histogram") == 0) suffix = sfx[k];
                else f = NULL;
            }
        }
    }
    if (!f || !f->type[0]) return snprintf(c->err, sizeof(c->err), "sample before TYPE: %.160s", line), 0;
    if (c != NULL && f != &c->fams[c->n - 1])
        return snprintf(c->err, sizeof(c->err), "family samples not grouped: %.160s", line), 0;
    f->samples++;
    char id[160];
    snprintf(id, sizeof(id), "%.60s%.90s", name, labels);
    for (int k = 0; k < c->n_series; k++)
        if (strcmp(c->seen_series[k], id) == 0) return snprintf(c->err, sizeof(c->err), "duplicate series %.160s", id), 0;
    if (c->n_series < 4096) snprintf(c->seen_series[c->n_series++], 160, "%s", id);

    if (strcmp(f->type, "counter") == 0 && !(v >= 0))
        return snprintf(c->err, sizeof(c->err), "negative counter: %.160s", line), 0;
    if (strcmp(f->type, "histogram") == 0) {
        if (!*suffix) return snprintf(c->err, sizeof(c->err), "histogram sample without suffix: %.160s", line), 0;
        if (strcmp(suffix, "_bucket") == 0) {
            double lev;
            if (!le[0] || !parse_value(le, &lev)) return snprintf(c->err, sizeof(c->err), "bucket without le: %.160s", line), 0;
            /* the series identity without le */
            char ser[512];
            snprintf(ser, sizeof(ser), "%s", labels);
            char *p = strstr(ser, "le=\"");
            if (p) *p = 0;
            if (strcmp(ser, f->series) != 0) {
                if (f->series[0] && !f->have_inf)
                    return snprintf(c->err, sizeof(c->err), "series without +Inf bucket before %.160s", line), 0;
                snprintf(f->series, sizeof(f->series), "%s", ser);
                f->last_le = -INFINITY;
                f->last_bucket = 0;
                f->have_inf = 0;
            }
            if (!(lev > f->last_le)) return snprintf(c->err, sizeof(c->err), "le not increasing: %.160s", line), 0;
            if (v < f->last_bucket) return snprintf(c->err, sizeof(c->err), "buckets not cumulative: %.160s", line), 0;
            f->last_le = lev;
            f->last_bucket = v;
            if (isinf(lev)) {
                f->have_inf = 1;
                f->inf_bucket = v;
            }
        } else if (strcmp(suffix, "_count") == 0) {
            if (!f->have_inf) return snprintf(c->err, sizeof(c->err), "_count without +Inf bucket: %.160s", line), 0;
            if (v != f->inf_bucket) return snprintf(c->err, sizeof(c->err), "_count != +Inf bucket: %.160s", line), 0;
        }
    }
    return 1;
}

/* Validates a whole exposition; returns the number of samples, or -1 with
 * c->err set. */
static int check_exposition(checker *c, const char *text)
{
    memset(c, 0, sizeof(*c));
    int samples = 0;
    size_t len = strlen(text);
    if (len && text[len - 1] != '\n') return snprintf(c->err, sizeof(c->err), "no final newline"), -1;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        char line[1024];
        snprintf(line, sizeof(line), "%.*s", (int)(nl - p), p);
        p = nl + 1;
        if (!line[0]) return snprintf(c->err, sizeof(c->err), "empty line"), -1;
        if (strncmp(line, "# HELP ", 7) == 0 || strncmp(line, "# TYPE ", 7) == 0) {
            char name[128];
            const char *s = line + 7;
            size_t k = 0;
            while (s[k] && s[k] != ' ' && k + 1 < sizeof(name)) { name[k] = s[k]; k++; }
            name[k] = 0;
            for (size_t j = 0; j < k; j++)
                if (!is_name_char(name[j], j == 0, 1)) return snprintf(c->err, sizeof(c->err), "bad name in %.160s", line), -1;
            family_seen *f = find_family(c, name);
            if (!f) {
                if (c->n == MAXF) return snprintf(c->err, sizeof(c->err), "too many families"), -1;
                f = &c->fams[c->n++];
                snprintf(f->name, sizeof(f->name), "%.120s", name);
            } else if (f != &c->fams[c->n - 1]) {
                return snprintf(c->err, sizeof(c->err), "family %.160s split", name), -1;
            }
            if (line[2] == 'H') {
                if (f->help++) return snprintf(c->err, sizeof(c->err), "second HELP for %.160s", name), -1;
            } else {
                if (f->type[0]) return snprintf(c->err, sizeof(c->err), "second TYPE for %.160s", name), -1;
                if (f->samples) return snprintf(c->err, sizeof(c->err), "TYPE after samples for %.160s", name), -1;
                const char *t = s + k + 1;
                if (strcmp(t, "counter") && strcmp(t, "gauge") && strcmp(t, "histogram") &&
                    strcmp(t, "summary") && strcmp(t, "untyped"))
                    return snprintf(c->err, sizeof(c->err), "bad type %.160s", line), -1;
                snprintf(f->type, sizeof(f->type), "%s", t);
            }
            continue;
        }
        if (line[0] == '#') continue;
        if (!check_sample(c, line)) return -1;
        samples++;
    }
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->fams[i].type, "histogram") == 0 && c->fams[i].series[0] && !c->fams[i].have_inf)
            return snprintf(c->err, sizeof(c->err), "%.160s: last series has no +Inf", c->fams[i].name), -1;
    return samples;
}

/* ------------------------------------------------------------ tests */

TEST(test_checker_rejects_bad_text)
{
    static checker c;
    CHECK(check_exposition(&c, "# TYPE a counter\na 1\n") == 1);
    CHECK(check_exposition(&c, "a 1\n") < 0);                          /* no TYPE */
    CHECK(check_exposition(&c, "# TYPE a counter\na -1\n") < 0);       /* negative counter */
    CHECK(check_exposition(&c, "# TYPE a gauge\na{x=\"\\q\"} 1\n") < 0); /* bad escape */
    CHECK(check_exposition(&c, "# TYPE a gauge\na 1") < 0);            /* no newline */
    CHECK(check_exposition(&c, "# TYPE a gauge\na one\n") < 0);
    CHECK(check_exposition(&c, "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n") < 0);
    CHECK(check_exposition(&c, "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n") < 0);
    CHECK(check_exposition(&c, "# TYPE a gauge\na 1\na 2\n") < 0);     /* duplicate */
}

TEST(test_render_is_valid_prometheus_text)
{
    fm_metrics *r = NULL;
    CHECK_FATAL(fm_metrics_new(&r) == 0);
    fm_metric *rec, *errs, *rtime, *depth, *rest, *leader;
    CHECK_INT(fm_metrics_counter(&rec, r, "controller_runtime_reconcile_total",
                              "Total number of reconciliations per controller", "controller", "result", NULL), 0);
    CHECK_INT(fm_metrics_counter(&errs, r, "controller_runtime_reconcile_errors_total",
                              "Total number of reconciliation errors per controller", "controller", NULL), 0);
    CHECK_INT(fm_metrics_histogram(&rtime, r, "controller_runtime_reconcile_time_seconds",
                                "Length of time per reconciliation per controller", NULL, 0, "controller", NULL), 0);
    CHECK_INT(fm_metrics_gauge(&depth, r, "workqueue_depth", "Current depth of workqueue", "name", NULL), 0);
    CHECK_INT(fm_metrics_counter(&rest, r, "rest_client_requests_total",
                              "Number of HTTP requests, partitioned by status code, method, and host.",
                              "code", "method", "host", NULL), 0);
    CHECK_INT(fm_metrics_gauge(&leader, r, "leader_election_master_status",
                            "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease. Please make sure to group by name.",
                            "name", NULL), 0);
    fm_series *s;
    CHECK_INT(fm_metrics_series(&s, rec, "scheduler", "success", NULL), 0);
    fm_metrics_add(s, 41);
    fm_metrics_inc(s);
    CHECK_INT(fm_metrics_series(&s, rec, "scheduler", "error", NULL), 0);
    fm_metrics_inc(s);
    CHECK_INT(fm_metrics_series(&s, rec, "scheduler", "requeue_after", NULL), 0);
    CHECK_INT(fm_metrics_series(&s, errs, "scheduler", NULL), 0);
    fm_metrics_inc(s);
    CHECK_INT(fm_metrics_series(&s, rtime, "scheduler", NULL), 0);
    fm_metrics_observe(s, 0.003);
    fm_metrics_observe(s, 0.2);
    fm_metrics_observe(s, 100);
    CHECK_INT(fm_metrics_series(&s, rtime, "nodes", NULL), 0);
    fm_metrics_observe(s, 0.01); /* exactly on a bound: counts in that bucket */
    CHECK_INT(fm_metrics_series(&s, depth, "q\"uote\\d\nx", NULL), 0);
    fm_metrics_set(s, 3);
    CHECK_INT(fm_metrics_series(&s, rest, "200", "GET", "127.0.0.1:6443", NULL), 0);
    fm_metrics_add(s, 7);
    CHECK_INT(fm_metrics_series(&s, leader, "foreman-operator.llmkube.dev", NULL), 0);
    fm_metrics_set(s, 1);

    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_metrics_render(&b, r), 0);
    static checker c;
    int n = check_exposition(&c, b.data);
    if (n < 0) fprintf(stderr, "exposition error: %s\n%s", c.err, b.data);
    CHECK_INT(n, 3 + 1 + (12 + 2) * 2 + 1 + 1 + 1);
    CHECK_CONTAINS(b.data, "# TYPE controller_runtime_reconcile_total counter\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_total{controller=\"scheduler\",result=\"success\"} 42\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_total{controller=\"scheduler\",result=\"requeue_after\"} 0\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"scheduler\",le=\"0.005\"} 1\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"scheduler\",le=\"0.25\"} 2\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"scheduler\",le=\"10\"} 2\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"scheduler\",le=\"+Inf\"} 3\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_sum{controller=\"scheduler\"} 100.203\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_count{controller=\"scheduler\"} 3\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"nodes\",le=\"0.01\"} 1\n");
    CHECK_CONTAINS(b.data, "controller_runtime_reconcile_time_seconds_bucket{controller=\"nodes\",le=\"0.005\"} 0\n");
    CHECK_CONTAINS(b.data, "workqueue_depth{name=\"q\\\"uote\\\\d\\nx\"} 3\n");
    CHECK_CONTAINS(b.data, "rest_client_requests_total{code=\"200\",method=\"GET\",host=\"127.0.0.1:6443\"} 7\n");
    CHECK_CONTAINS(b.data, "leader_election_master_status{name=\"foreman-operator.llmkube.dev\"} 1\n");
    /* Families sorted by name. */
    CHECK(strstr(b.data, "# HELP controller_runtime_reconcile_errors_total") <
          strstr(b.data, "# HELP controller_runtime_reconcile_total"));
    CHECK(strstr(b.data, "# HELP rest_client") < strstr(b.data, "# HELP workqueue_depth"));
    fm_buf_free(&b);
    fm_metrics_free(r);
}

TEST(test_values_format)
{
    fm_metrics *r = NULL;
    CHECK_FATAL(fm_metrics_new(&r) == 0);
    fm_metric *g, *empty, *h;
    CHECK_INT(fm_metrics_gauge(&g, r, "g", "Help with \\ and\nnewline", "k", NULL), 0);
    CHECK_INT(fm_metrics_gauge(&empty, r, "nolabels_unused", "never set", NULL), 0);
    const double bk[] = {1e-8, 0.1, 1, 1e6};
    CHECK_INT(fm_metrics_histogram(&h, r, "h_seconds", "h", bk, 4, NULL), 0);
    fm_series *s;
    fm_metrics_series(&s, g, "a", NULL);
    fm_metrics_set(s, 0.1);
    fm_metrics_series(&s, g, "b", NULL);
    fm_metrics_set(s, -2.5);
    fm_metrics_series(&s, g, "c", NULL);
    fm_metrics_set(s, NAN);
    fm_metrics_series(&s, g, "d", NULL);
    fm_metrics_set(s, INFINITY);
    fm_metrics_series(&s, g, "e", NULL);
    fm_metrics_set(s, 12345678901.0);
    fm_metrics_series(&s, g, "f", NULL);
    fm_metrics_set(s, 1e300);
    fm_metrics_series(&s, h, NULL);
    fm_metrics_observe(s, 5e-9);
    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_metrics_render(&b, r), 0);
    static checker c;
    int n = check_exposition(&c, b.data);
    if (n < 0) fprintf(stderr, "exposition error: %s\n%s", c.err, b.data);
    CHECK_INT(n, 6 + 5 + 2);
    CHECK_CONTAINS(b.data, "# HELP g Help with \\\\ and\\nnewline\n");
    CHECK_CONTAINS(b.data, "g{k=\"a\"} 0.1\n");
    CHECK_CONTAINS(b.data, "g{k=\"b\"} -2.5\n");
    CHECK_CONTAINS(b.data, "g{k=\"c\"} NaN\n");
    CHECK_CONTAINS(b.data, "g{k=\"d\"} +Inf\n");
    CHECK_CONTAINS(b.data, "g{k=\"e\"} 12345678901\n");
    CHECK_CONTAINS(b.data, "g{k=\"f\"} 1e+300\n");
    CHECK_CONTAINS(b.data, "h_seconds_bucket{le=\"1e-08\"} 1\n");
    CHECK_CONTAINS(b.data, "h_seconds_bucket{le=\"1000000\"} 1\n");
    CHECK_CONTAINS(b.data, "h_seconds_count 1\n");
    CHECK_CONTAINS(b.data, "# TYPE nolabels_unused gauge\n");
    fm_buf_free(&b);
    fm_metrics_free(r);
}

TEST(test_registration_rules)
{
    fm_metrics *r = NULL;
    CHECK_FATAL(fm_metrics_new(&r) == 0);
    fm_metric *a, *b2;
    CHECK_INT(fm_metrics_counter(&a, r, "x_total", "x", "l", NULL), 0);
    CHECK_INT(fm_metrics_counter(&b2, r, "x_total", "other help", "l", NULL), 0);
    CHECK(a == b2);
    CHECK_INT(fm_metrics_gauge(&b2, r, "x_total", "x", "l", NULL), FM_EINVAL);
    CHECK(b2 == NULL);
    CHECK_INT(fm_metrics_counter(&b2, r, "x_total", "x", "m", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_counter(&b2, r, "1bad", "x", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_counter(&b2, r, "bad-name", "x", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_counter(&b2, r, "ok", "x", "__reserved", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_counter(&b2, r, "ok", "x", "a", "a", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_histogram(&b2, r, "hh", "x", NULL, 0, "le", NULL), FM_EINVAL);
    const double bad[] = {1, 1};
    CHECK_INT(fm_metrics_histogram(&b2, r, "hh", "x", bad, 2, NULL), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "hh");
    fm_series *s;
    CHECK_INT(fm_metrics_series(&s, a, NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_series(&s, a, "1", "2", NULL), FM_EINVAL);
    CHECK_INT(fm_metrics_series(&s, a, "1", NULL), 0);
    fm_series *s2;
    CHECK_INT(fm_metrics_series(&s2, a, "1", NULL), 0);
    CHECK(s == s2);
    fm_metrics_add(s, -5); /* counters never go down */
    CHECK(fm_metrics_value(s) == 0);
    fm_metrics_set(s, 9); /* not a gauge */
    CHECK(fm_metrics_value(s) == 0);
    fm_metrics_inc(NULL);
    fm_metrics_observe(NULL, 1);
    fm_metrics_set(NULL, 1);
    fm_metrics_free(r);
    fm_metrics_free(NULL);
    CHECK(fm_metrics_default() != NULL);
    CHECK(fm_metrics_default() == fm_metrics_default());
}

typedef struct hammer_arg {
    fm_metric *c, *h;
} hammer_arg;

static void *hammer(void *p)
{
    hammer_arg *a = p;
    for (int i = 0; i < 100000; i++) {
        fm_series *s;
        fm_metrics_series(&s, a->c, i % 2 ? "odd" : "even", NULL);
        fm_metrics_inc(s);
        fm_metrics_series(&s, a->h, NULL);
        fm_metrics_observe(s, 0.5);
    }
    return NULL;
}

TEST(test_concurrent_updates_are_exact)
{
    fm_metrics *r = NULL;
    CHECK_FATAL(fm_metrics_new(&r) == 0);
    hammer_arg a;
    CHECK_INT(fm_metrics_counter(&a.c, r, "hits_total", "hits", "parity", NULL), 0);
    CHECK_INT(fm_metrics_histogram(&a.h, r, "lat_seconds", "lat", NULL, 0, NULL), 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, hammer, &a);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    fm_series *s;
    fm_metrics_series(&s, a.c, "odd", NULL);
    CHECK(fm_metrics_value(s) == 200000);
    fm_metrics_series(&s, a.h, NULL);
    CHECK_INT(fm_metrics_count(s), 400000);
    CHECK(fm_metrics_value(s) == 200000);
    fm_metrics_free(r);
}

int main(void)
{
    RUN(test_checker_rejects_bad_text);
    RUN(test_render_is_valid_prometheus_text);
    RUN(test_values_format);
    RUN(test_registration_rules);
    RUN(test_concurrent_updates_are_exact);
    return test_summary();
}

/*
 * metrics.h - a Prometheus metrics registry and the text exposition format.
 *
 * A registry (fm_metrics) holds metric families (fm_metric): a counter, a
 * gauge or a histogram with a fixed list of label names. A family hands out
 * one series (fm_series) per combination of label values; the series pointer
 * stays valid until the registry is freed, so hot paths look a series up
 * once and keep it. Updating a series is lock-free (atomics); creating a
 * series and rendering take short mutexes. Every update function accepts a
 * NULL series and does nothing, so code can run with metrics switched off.
 *
 * fm_metrics_render() writes the text format version 0.0.4 that Prometheus
 * scrapes ("# HELP", "# TYPE", one sample per line; histograms as cumulative
 * _bucket{le=...} lines ending with le="+Inf", then _sum and _count).
 * Families are written sorted by name, series in creation order.
 *
 * The names the operator exports follow controller-runtime and client-go so
 * existing dashboards work: controller_runtime_reconcile_total{controller,
 * result}, workqueue_depth{name}, rest_client_requests_total{code,method,
 * host}, leader_election_master_status{name}, ... (see the modules that
 * register them).
 *
 * Example:
 *     fm_metric *m;
 *     fm_metrics_counter(&m, reg, "foo_total", "Foos seen.", "kind", NULL);
 *     fm_series *s;
 *     fm_metrics_series(&s, m, "AgenticTask", NULL);
 *     fm_metrics_inc(s);
 */
#ifndef FOREMAN_METRICS_H
#define FOREMAN_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_metrics fm_metrics;
typedef struct fm_metric fm_metric;
typedef struct fm_series fm_series;

typedef enum fm_metric_type {
    FM_METRIC_COUNTER = 1,
    FM_METRIC_GAUGE,
    FM_METRIC_HISTOGRAM,
} fm_metric_type;

/* Most label names a family may have. */
#define METRICS_MAX_LABELS 8
/* Most buckets a histogram may have (the +Inf bucket is implicit). */
#define METRICS_MAX_BUCKETS 64

/* Creates an empty registry. Returns 0 or FM_ENOMEM. */
int fm_metrics_new(fm_metrics **out);

/* Frees a registry and every family and series in it. Accepts NULL. Nobody
 * may use its series any more. */
void fm_metrics_free(fm_metrics *r);

/* The process-wide registry that the programs expose on /metrics, created
 * on first use (NULL only when that allocation failed). Never freed. */
fm_metrics *fm_metrics_default(void);

/*
 * Registers a counter (or gauge) family named `name` with the help text
 * `help` and the label names given as the variable arguments, ended by NULL.
 * Registering an existing name again with the same type and label names
 * returns the existing family (so independent modules can share one);
 * a mismatch is FM_EINVAL. Names are checked against the Prometheus rules
 * ([a-zA-Z_:][a-zA-Z0-9_:]*, labels [a-zA-Z_][a-zA-Z0-9_]*, no "__" prefix).
 * Returns 0, FM_EINVAL or FM_ENOMEM; *out is borrowed from the registry.
 */
int fm_metrics_counter(fm_metric **out, fm_metrics *r, const char *name, const char *help, ...)
    __attribute__((sentinel));
int fm_metrics_gauge(fm_metric **out, fm_metrics *r, const char *name, const char *help, ...)
    __attribute__((sentinel));

/*
 * Registers a histogram family with n_buckets strictly increasing finite
 * upper bounds (the +Inf bucket is added); label names as above, and "le"
 * is reserved. buckets == NULL selects fm_metrics_default_buckets.
 */
int fm_metrics_histogram(fm_metric **out, fm_metrics *r, const char *name, const char *help,
                      const double *buckets, size_t n_buckets, ...) __attribute__((sentinel));

/* Array forms of the three registration calls (labels: n_labels names). */
int fm_metrics_register(fm_metric **out, fm_metrics *r, fm_metric_type type, const char *name,
                     const char *help, const double *buckets, size_t n_buckets,
                     const char *const *labels, size_t n_labels);

/* Prometheus' default buckets: .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10. */
extern const double fm_metrics_default_buckets[11];
/* client-go's work queue buckets: 1e-8 .. 10 seconds, ten powers of ten. */
extern const double fm_metrics_workqueue_buckets[10];

/*
 * The series of family m for the label values given as variable arguments
 * (exactly as many as the family has label names), ended by NULL. Creates
 * it, at zero, on first use. Returns 0, FM_EINVAL (wrong count) or
 * FM_ENOMEM; *out is borrowed from the registry.
 */
int fm_metrics_series(fm_series **out, fm_metric *m, ...) __attribute__((sentinel));
int fm_metrics_seriesv(fm_series **out, fm_metric *m, const char *const *values, size_t n);

/* Counter/gauge updates; NULL does nothing. Counters ignore negative adds. */
void fm_metrics_inc(fm_series *s);
void fm_metrics_add(fm_series *s, double v);
/* Gauges only. */
void fm_metrics_set(fm_series *s, double v);
/* Histograms only: records one observation. */
void fm_metrics_observe(fm_series *s, double v);

/* Current value of a counter or gauge; histogram sum for a histogram. */
double fm_metrics_value(const fm_series *s);
/* Number of observations of a histogram series (0 for others). */
uint64_t fm_metrics_count(const fm_series *s);

/*
 * Appends the whole registry in the text exposition format 0.0.4 to out.
 * Families without any series are written with their HELP and TYPE lines
 * only. Returns 0 or FM_ENOMEM.
 */
int fm_metrics_render(fm_buf *out, fm_metrics *r);

/* The Content-Type of fm_metrics_render()'s output. */
#define METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

#ifdef __cplusplus
}
#endif
#endif

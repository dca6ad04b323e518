/*
 * conditions.h - status conditions (metav1.Condition) set the way the
 * Kubernetes API conventions ask: one condition per type, lastTransitionTime
 * moved only when the status changes. The operator and the agent both write
 * conditions; this is the one setter they share.
 */
#ifndef FOREMAN_CONDITIONS_H
#define FOREMAN_CONDITIONS_H

#include <stdint.h>

#include "k8s_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The CRDs cap a condition message at 32768 bytes; messages are cut at
 * this many bytes (before the cap, so a multi-byte tail never matters). */
#define FM_CONDITION_MESSAGE_MAX 32000

/* The condition of `type` in l, or NULL. Borrowed. */
const fm_k8s_condition *fm_condition_get(const fm_k8s_condition_list *l, const char *type);

/*
 * Sets condition `type` in l: an existing one of that type is updated, else
 * one is appended. lastTransitionTime becomes `now` (cut to whole seconds,
 * as metav1.Time is written by Go clients) when the status changes or was
 * never set. observedGeneration is set when generation > 0 and left alone
 * otherwise. message NULL means "". Returns 0 or FM_ENOMEM (l then holds
 * the condition, possibly half-updated; callers drop the whole status).
 */
int fm_condition_set(fm_k8s_condition_list *l, const char *type, fm_k8s_condition_status status,
                     const char *reason, const char *message, int64_t generation, fm_time now);

#ifdef __cplusplus
}
#endif
#endif

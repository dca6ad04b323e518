/*
 * conditions.c - the status condition setter (see conditions.h).
 */
#include "conditions.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

const fm_k8s_condition *fm_condition_get(const fm_k8s_condition_list *l, const char *type)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].type && strcmp(l->items[i].type, type) == 0) return &l->items[i];
    return NULL;
}

int fm_condition_set(fm_k8s_condition_list *l, const char *type, fm_k8s_condition_status status,
                     const char *reason, const char *message, int64_t generation, fm_time now)
{
    now.nsec = 0;
    fm_k8s_condition *c = (fm_k8s_condition *)fm_condition_get(l, type);
    if (!c) {
        fm_k8s_condition *items = realloc(l->items, (l->len + 1) * sizeof(*items));
        if (!items) return fm_error_set(FM_ENOMEM, "condition %s: out of memory", type);
        l->items = items;
        c = &items[l->len++];
        memset(c, 0, sizeof(*c));
        if (fm_strset(&c->type, type)) return fm_error_set(FM_ENOMEM, "condition %s: out of memory", type);
    }
    if (c->status != status || !fm_k8s_condition_has_last_transition_time(c))
        fm_k8s_condition_set_last_transition_time(c, now);
    c->status = status;
    if (generation > 0) fm_k8s_condition_set_observed_generation(c, generation);
    const char *msg = message ? message : "";
    char *m = fm_strndup(msg, strnlen(msg, FM_CONDITION_MESSAGE_MAX));
    if (!m || fm_strset(&c->reason, reason)) {
        free(m);
        return fm_error_set(FM_ENOMEM, "condition %s: out of memory", type);
    }
    free(c->message);
    c->message = m;
    return 0;
}

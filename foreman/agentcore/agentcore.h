/*
 * agentcore.h - the agent's side of an AgenticTask's life, apart from its
 * threads: the claim of a Scheduled task, the return to Pending, the
 * progress condition and the terminal status. Each is a status merge patch
 * carrying the resourceVersion it read, through an fm_objapi (objapi.h),
 * re-reading and deciding again on a 409, so a task is never claimed twice
 * and a terminal phase is never overwritten. foreman-agent's tasks.c runs
 * these from its dispatcher and runner threads; tests/unit/
 * test_agent_core.c runs them against a scripted fake.
 */
#ifndef FOREMAN_AGENTCORE_H
#define FOREMAN_AGENTCORE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "executor.h"
#include "foreman_v1alpha1.h"
#include "metrics.h"
#include "objapi.h"

typedef struct fm_agentcore {
    fm_objapi api;
    char node[64];                /* this agent's FleetNode name */
    atomic_int *draining;         /* borrowed, may be NULL: set once shutting down */
    fm_series *result_retries;    /* foreman_agent_result_write_retries_total; may be NULL */
    int64_t claim_delay_ns;       /* test hook: wait between read and claim */
    /* Sleeps between retries (NULL: nanosleep); tests make it instant. */
    void (*pause)(void *ud, int64_t ms);
    void *pause_ud;
} fm_agentcore;

/* True when t's status.assignedNode is this node. */
bool fm_agentcore_assigned_here(const fm_agentcore *a, const fm_agentic_task *t);

/*
 * Claims the task from its cached version: phase Running, claimedAt,
 * startedAt, condition Running=True/Claimed. On 409 it re-reads and decides
 * again (at most 5 tries): a task another agent claimed, or that is no
 * longer Scheduled here or being deleted, is left alone. Returns 1 with
 * *out the claimed task (the caller's), 0 when the task is no longer
 * claimable (also when gone), or a negative code (retry later).
 */
int fm_agentcore_claim(fm_agentcore *a, fm_agentic_task **out, const fm_agentic_task *cached);

/*
 * Returns a task this node holds Running to Pending (assignedNode,
 * claimedAt, startedAt cleared; Running=False with reason). claimed (may
 * be NULL) must match status.claimedAt. Returns 0 (also when the task is
 * gone or no longer ours) or a negative code after giving up.
 */
int fm_agentcore_requeue(fm_agentcore *a, const char *ns, const char *name, const fm_time *claimed,
                         const char *reason, const char *message);

/*
 * Writes the terminal status of a task this node ran, guarded by the claim
 * (still Running here with the same claimedAt) and the resourceVersion,
 * re-reading on 409 (at most 30 tries). A result the decoder or the server
 * refuses is replaced by a minimal failed one. Returns 0 (also when the
 * task is gone or changed hands: nothing written then) or a negative code.
 */
int fm_agentcore_write_result(fm_agentcore *a, const char *ns, const char *name, fm_time claimed,
                              fm_executor_result *res, const char *fail_message);

/* Condition Progress=True/Working with message on the task, while still
 * this node's claim; one try. */
void fm_agentcore_progress(fm_agentcore *a, const char *ns, const char *name, fm_time claimed_at,
                           const char *message);

#endif

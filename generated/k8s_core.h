/* Generated from schema/k8s.core.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * k8s_core.h - C types of the Kubernetes types Foreman uses: one struct per schema type,
 * the descriptor tables the codec engine (runtime/codec/codec.h) walks, typed
 * wrappers per kind, presence accessors per optional field (hand-written
 * code uses these, never a bit number, so a schema edit that renumbers the
 * bits changes nothing and one that renames a field fails to compile) and
 * the schema's named constants.
 *
 * Layout rules are those of runtime/codec/codec.h: every struct starts with a
 * presence bitmap and ends with the bag of unknown JSON members; strings are
 * char * (NULL = absent), enums int32_t (0 = absent), lists {items, len}.
 */
#ifndef FOREMAN_GENERATED_K8S_CORE_H
#define FOREMAN_GENERATED_K8S_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ enums */

/* Whether a condition holds, does not hold, or cannot be told. */
typedef int32_t fm_k8s_condition_status;
enum fm_k8s_condition_status_value {
    FM_K8S_CONDITION_STATUS_UNSET = 0,
    FM_K8S_CONDITION_STATUS_TRUE = 1, /* True */
    FM_K8S_CONDITION_STATUS_FALSE = 2, /* False */
    FM_K8S_CONDITION_STATUS_UNKNOWN = 3, /* Unknown */
};
extern const fm_enum_desc fm_k8s_condition_status_desc;
/* JSON spelling of v; NULL when v is unset, unknown or out of range. */
const char *fm_k8s_condition_status_name(fm_k8s_condition_status v);
/* Value of a JSON spelling; FM_K8S_CONDITION_STATUS_UNSET (0) when s is NULL or unknown. */
fm_k8s_condition_status fm_k8s_condition_status_parse(const char *s);

/* ------------------------------------------------------ forward typedefs */
typedef struct fm_k8s_owner_reference fm_k8s_owner_reference;
typedef struct fm_k8s_object_meta fm_k8s_object_meta;
typedef struct fm_k8s_list_meta fm_k8s_list_meta;
typedef struct fm_k8s_condition fm_k8s_condition;
typedef struct fm_k8s_object_reference fm_k8s_object_reference;
typedef struct fm_k8s_lease_spec fm_k8s_lease_spec;
typedef struct fm_k8s_event_source fm_k8s_event_source;
typedef struct fm_k8s_status_cause fm_k8s_status_cause;
typedef struct fm_k8s_status_details fm_k8s_status_details;
typedef struct fm_k8s_lease fm_k8s_lease;
typedef struct fm_k8s_lease_list fm_k8s_lease_list;
typedef struct fm_k8s_event fm_k8s_event;
typedef struct fm_k8s_event_list fm_k8s_event_list;
typedef struct fm_k8s_config_map fm_k8s_config_map;
typedef struct fm_k8s_config_map_list fm_k8s_config_map_list;
typedef struct fm_k8s_secret fm_k8s_secret;
typedef struct fm_k8s_secret_list fm_k8s_secret_list;
typedef struct fm_k8s_status fm_k8s_status;

/* ------------------------------------------------------------ list types */
typedef struct fm_k8s_string_list {
    char **items;
    size_t len;
} fm_k8s_string_list;
typedef struct fm_k8s_owner_reference_list {
    fm_k8s_owner_reference *items;
    size_t len;
} fm_k8s_owner_reference_list;
typedef struct fm_k8s_condition_list {
    fm_k8s_condition *items;
    size_t len;
} fm_k8s_condition_list;
typedef struct fm_k8s_object_reference_list {
    fm_k8s_object_reference *items;
    size_t len;
} fm_k8s_object_reference_list;
typedef struct fm_k8s_status_cause_list {
    fm_k8s_status_cause *items;
    size_t len;
} fm_k8s_status_cause_list;
typedef struct fm_k8s_lease_items {
    fm_k8s_lease *items;
    size_t len;
} fm_k8s_lease_items;
typedef struct fm_k8s_event_items {
    fm_k8s_event *items;
    size_t len;
} fm_k8s_event_items;
typedef struct fm_k8s_config_map_items {
    fm_k8s_config_map *items;
    size_t len;
} fm_k8s_config_map_items;
typedef struct fm_k8s_secret_items {
    fm_k8s_secret *items;
    size_t len;
} fm_k8s_secret_items;

/* ---------------------------------------------------------------- structs */

/* Points from a dependent object to the object that owns it. */
struct fm_k8s_owner_reference {
    uint32_t _present[1];
    char *api_version; /* required: API version of the owner. */
    char *kind; /* required: Kind of the owner. */
    char *name; /* required: Name of the owner. */
    char *uid; /* required: UID of the owner. */
    bool controller; /* bit 0: True when the owner is the managing controller. */
    bool block_owner_deletion; /* bit 1: When true, the owner cannot be deleted in the foreground before this object. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_owner_reference_desc;

/* Metadata every persisted object carries. */
struct fm_k8s_object_meta {
    uint32_t _present[1];
    char *name; /* Name, unique within the namespace (or cluster for cluster-scoped kinds). */
    char *generate_name; /* Prefix for a server-generated name when name is empty. */
    char *namespace; /* Namespace of a namespaced object. */
    char *uid; /* Unique identity the server assigns at creation. */
    char *resource_version; /* Opaque version for optimistic concurrency and watches. */
    int64_t generation; /* bit 0: Sequence number of the desired state, bumped on spec changes. */
    fm_time creation_timestamp; /* bit 1: When the server created the object. */
    fm_time deletion_timestamp; /* bit 2: When a graceful deletion was requested. */
    int64_t deletion_grace_period_seconds; /* bit 3: Seconds allowed for graceful termination. */
    fm_strmap labels; /* bit 4: Identifying key/value pairs used by selectors. */
    fm_strmap annotations; /* bit 5: Non-identifying key/value pairs for tools and controllers. */
    fm_k8s_owner_reference_list owner_references; /* bit 6: Objects this one depends on; used by garbage collection. */
    fm_k8s_string_list finalizers; /* bit 7: Keys that must be removed before the object is deleted. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_object_meta_desc;

/* Metadata of a list response. */
struct fm_k8s_list_meta {
    uint32_t _present[1];
    char *resource_version; /* Version of the collection, the starting point for a watch. */
    char *continue_; /* Token for fetching the next page; empty on the last page. */
    int64_t remaining_item_count; /* bit 0: Estimate of the items left after this page. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_list_meta_desc;

/* One observation of an aspect of an object's state (metav1.Condition). */
struct fm_k8s_condition {
    uint32_t _present[1];
    char *type; /* required: Condition type in CamelCase, optionally prefixed with a domain. */
    fm_k8s_condition_status status; /* fm_k8s_condition_status, required: Whether the condition holds. */
    int64_t observed_generation; /* bit 0: metadata.generation the condition was computed from. */
    fm_time last_transition_time; /* bit 1, required: When the status last changed. */
    char *reason; /* required: Machine-readable CamelCase cause of the last transition. */
    char *message; /* required: Human-readable detail about the last transition. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_condition_desc;

/* Enough information to find another object. */
struct fm_k8s_object_reference {
    uint32_t _present[1];
    char *api_version; /* API version of the referent. */
    char *kind; /* Kind of the referent. */
    char *name; /* Name of the referent. */
    char *namespace; /* Namespace of the referent. */
    char *uid; /* UID of the referent. */
    char *resource_version; /* Version of the referent the reference was made from. */
    char *field_path; /* Part of the referent meant, when not the whole object. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_object_reference_desc;

/* Who holds a lease and for how long (coordination.k8s.io/v1). */
struct fm_k8s_lease_spec {
    uint32_t _present[1];
    char *holder_identity; /* Identity of the current holder. */
    int32_t lease_duration_seconds; /* bit 0: How long candidates wait after the last renewal before taking over. */
    fm_time acquire_time; /* bit 1: When the current holder acquired the lease (micro-second precision). */
    fm_time renew_time; /* bit 2: When the holder last renewed the lease (micro-second precision). */
    int32_t lease_transitions; /* bit 3: How many times the lease changed holders. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_lease_spec_desc;

/* Component and host that reported an event. */
struct fm_k8s_event_source {
    uint32_t _present[1];
    char *component; /* Reporting component. */
    char *host; /* Node name of the reporter. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_event_source_desc;

/* One cause of an API error. */
struct fm_k8s_status_cause {
    uint32_t _present[1];
    char *reason; /* Machine-readable cause. */
    char *message; /* Human-readable explanation. */
    char *field; /* Path of the field at fault. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_status_cause_desc;

/* Extra data about an API error. */
struct fm_k8s_status_details {
    uint32_t _present[1];
    char *name; /* Name of the object concerned. */
    char *group; /* API group of the object concerned. */
    char *kind; /* Kind of the object concerned. */
    char *uid; /* UID of the object concerned. */
    fm_k8s_status_cause_list causes; /* bit 0: Individual causes, for example one per invalid field. */
    int32_t retry_after_seconds; /* bit 1: Seconds to wait before retrying. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_status_details_desc;

/* A lock with an expiry, used for leader election (coordination.k8s.io/v1). */
struct fm_k8s_lease {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: coordination.k8s.io/v1. */
    char *kind; /* Kind of this object: Lease. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_k8s_lease_spec spec; /* bit 1: Holder and timing of the lease. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_lease_desc;

/* A page of Lease objects as returned by a list call. */
struct fm_k8s_lease_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: coordination.k8s.io/v1. */
    char *kind; /* Always LeaseList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_k8s_lease_items items; /* bit 1, required: The Lease objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_lease_list_desc;

/* A report of something that happened to an object (core/v1). */
struct fm_k8s_event {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: v1. */
    char *kind; /* Kind of this object: Event. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_k8s_object_reference involved_object; /* bit 1, required: The object the event is about. */
    char *reason; /* Short CamelCase cause. */
    char *message; /* Human-readable description. */
    fm_k8s_event_source source; /* bit 2: Who reported the event. */
    fm_time first_timestamp; /* bit 3: When the event was first seen. */
    fm_time last_timestamp; /* bit 4: When the event was most recently seen. */
    int32_t count; /* bit 5: How many times it has been seen. */
    char *type; /* Normal or Warning. */
    fm_time event_time; /* bit 6: When the event was first observed (micro-second precision). */
    char *action; /* What was done, or what failed. */
    char *reporting_component; /* Controller that emitted the event. */
    char *reporting_instance; /* Instance (pod or host) of that controller. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_event_desc;

/* A page of Event objects as returned by a list call. */
struct fm_k8s_event_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: v1. */
    char *kind; /* Always EventList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_k8s_event_items items; /* bit 1, required: The Event objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_event_list_desc;

/* Non-confidential key/value configuration data (core/v1). */
struct fm_k8s_config_map {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: v1. */
    char *kind; /* Kind of this object: ConfigMap. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_strmap data; /* bit 1: UTF-8 configuration values by key. */
    fm_strmap binary_data; /* bit 2: Base64-encoded binary values by key. */
    bool immutable; /* bit 3: When true the data cannot be changed after creation. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_config_map_desc;

/* A page of ConfigMap objects as returned by a list call. */
struct fm_k8s_config_map_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: v1. */
    char *kind; /* Always ConfigMapList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_k8s_config_map_items items; /* bit 1, required: The ConfigMap objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_config_map_list_desc;

/*
 * Confidential key/value data (core/v1). The agent reads one named Secret (an
 * Agent's API key); its values are never logged.
 */
struct fm_k8s_secret {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: v1. */
    char *kind; /* Kind of this object: Secret. */
    fm_k8s_object_meta metadata; /* bit 0: Standard object metadata: name, namespace, labels, resourceVersion. */
    fm_strmap data; /* bit 1: Base64-encoded values by key. */
    fm_strmap string_data; /* bit 2: Write-only plain values by key. */
    char *type; /* Used to facilitate programmatic handling of secret data. */
    bool immutable; /* bit 3: When true the data cannot be changed after creation. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_secret_desc;

/* A page of Secret objects as returned by a list call. */
struct fm_k8s_secret_list {
    uint32_t _present[1];
    char *api_version; /* API group and version of the list: v1. */
    char *kind; /* Always SecretList. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    fm_k8s_secret_items items; /* bit 1, required: The Secret objects. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_secret_list_desc;

/*
 * The body of an API error (and of some successful deletes); not a stored
 * resource, so it has no list, plural or kind table.
 */
struct fm_k8s_status {
    uint32_t _present[1];
    char *api_version; /* API group and version of this object: v1. */
    char *kind; /* Kind of this object: Status. */
    fm_k8s_list_meta metadata; /* bit 0: List metadata: resourceVersion and continue token. */
    char *status; /* Success or Failure. */
    char *message; /* Human-readable description of the error. */
    char *reason; /* Machine-readable reason such as NotFound or Conflict. */
    fm_k8s_status_details details; /* bit 1: Extra data about the error. */
    int32_t code; /* bit 2: HTTP status code of the response. */
    char *_unknown;
};
extern const fm_struct_desc fm_k8s_status_desc;

/* ------------------------------------------------------------------ kinds */
extern const fm_kind_desc fm_k8s_config_map_kind;
extern const fm_kind_desc fm_k8s_event_kind;
extern const fm_kind_desc fm_k8s_lease_kind;
extern const fm_kind_desc fm_k8s_secret_kind;
#define FM_K8S_ALL_KINDS_COUNT 4
/* Every resource kind of this file, sorted by kind name. */
extern const fm_kind_desc *const fm_k8s_all_kinds[FM_K8S_ALL_KINDS_COUNT];
extern const size_t fm_k8s_all_kinds_count;

/* -------------------------------------------------------- typed wrappers */

/* fm_k8s_config_map: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_config_map_decode(fm_k8s_config_map **out, const char *buf, size_t len);
int fm_k8s_config_map_encode(fm_buf *out, const fm_k8s_config_map *obj);
int fm_k8s_config_map_copy(fm_k8s_config_map **out, const fm_k8s_config_map *src);
void fm_k8s_config_map_free(fm_k8s_config_map *obj);
bool fm_k8s_config_map_equal(const fm_k8s_config_map *a, const fm_k8s_config_map *b);
int fm_k8s_config_map_merge_patch(fm_buf *out, const fm_k8s_config_map *old_obj, const fm_k8s_config_map *new_obj,
        const char *resource_version);

/* fm_k8s_config_map_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_config_map_list_decode(fm_k8s_config_map_list **out, const char *buf, size_t len);
int fm_k8s_config_map_list_encode(fm_buf *out, const fm_k8s_config_map_list *obj);
int fm_k8s_config_map_list_copy(fm_k8s_config_map_list **out, const fm_k8s_config_map_list *src);
void fm_k8s_config_map_list_free(fm_k8s_config_map_list *obj);
bool fm_k8s_config_map_list_equal(const fm_k8s_config_map_list *a, const fm_k8s_config_map_list *b);
int fm_k8s_config_map_list_merge_patch(fm_buf *out, const fm_k8s_config_map_list *old_obj, const fm_k8s_config_map_list *new_obj,
        const char *resource_version);

/* fm_k8s_event: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_event_decode(fm_k8s_event **out, const char *buf, size_t len);
int fm_k8s_event_encode(fm_buf *out, const fm_k8s_event *obj);
int fm_k8s_event_copy(fm_k8s_event **out, const fm_k8s_event *src);
void fm_k8s_event_free(fm_k8s_event *obj);
bool fm_k8s_event_equal(const fm_k8s_event *a, const fm_k8s_event *b);
int fm_k8s_event_merge_patch(fm_buf *out, const fm_k8s_event *old_obj, const fm_k8s_event *new_obj,
        const char *resource_version);

/* fm_k8s_event_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_event_list_decode(fm_k8s_event_list **out, const char *buf, size_t len);
int fm_k8s_event_list_encode(fm_buf *out, const fm_k8s_event_list *obj);
int fm_k8s_event_list_copy(fm_k8s_event_list **out, const fm_k8s_event_list *src);
void fm_k8s_event_list_free(fm_k8s_event_list *obj);
bool fm_k8s_event_list_equal(const fm_k8s_event_list *a, const fm_k8s_event_list *b);
int fm_k8s_event_list_merge_patch(fm_buf *out, const fm_k8s_event_list *old_obj, const fm_k8s_event_list *new_obj,
        const char *resource_version);

/* fm_k8s_lease: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_lease_decode(fm_k8s_lease **out, const char *buf, size_t len);
int fm_k8s_lease_encode(fm_buf *out, const fm_k8s_lease *obj);
int fm_k8s_lease_copy(fm_k8s_lease **out, const fm_k8s_lease *src);
void fm_k8s_lease_free(fm_k8s_lease *obj);
bool fm_k8s_lease_equal(const fm_k8s_lease *a, const fm_k8s_lease *b);
int fm_k8s_lease_merge_patch(fm_buf *out, const fm_k8s_lease *old_obj, const fm_k8s_lease *new_obj,
        const char *resource_version);

/* fm_k8s_lease_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_lease_list_decode(fm_k8s_lease_list **out, const char *buf, size_t len);
int fm_k8s_lease_list_encode(fm_buf *out, const fm_k8s_lease_list *obj);
int fm_k8s_lease_list_copy(fm_k8s_lease_list **out, const fm_k8s_lease_list *src);
void fm_k8s_lease_list_free(fm_k8s_lease_list *obj);
bool fm_k8s_lease_list_equal(const fm_k8s_lease_list *a, const fm_k8s_lease_list *b);
int fm_k8s_lease_list_merge_patch(fm_buf *out, const fm_k8s_lease_list *old_obj, const fm_k8s_lease_list *new_obj,
        const char *resource_version);

/* fm_k8s_secret: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_secret_decode(fm_k8s_secret **out, const char *buf, size_t len);
int fm_k8s_secret_encode(fm_buf *out, const fm_k8s_secret *obj);
int fm_k8s_secret_copy(fm_k8s_secret **out, const fm_k8s_secret *src);
void fm_k8s_secret_free(fm_k8s_secret *obj);
bool fm_k8s_secret_equal(const fm_k8s_secret *a, const fm_k8s_secret *b);
int fm_k8s_secret_merge_patch(fm_buf *out, const fm_k8s_secret *old_obj, const fm_k8s_secret *new_obj,
        const char *resource_version);

/* fm_k8s_secret_list: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_secret_list_decode(fm_k8s_secret_list **out, const char *buf, size_t len);
int fm_k8s_secret_list_encode(fm_buf *out, const fm_k8s_secret_list *obj);
int fm_k8s_secret_list_copy(fm_k8s_secret_list **out, const fm_k8s_secret_list *src);
void fm_k8s_secret_list_free(fm_k8s_secret_list *obj);
bool fm_k8s_secret_list_equal(const fm_k8s_secret_list *a, const fm_k8s_secret_list *b);
int fm_k8s_secret_list_merge_patch(fm_buf *out, const fm_k8s_secret_list *old_obj, const fm_k8s_secret_list *new_obj,
        const char *resource_version);

/* fm_k8s_status: decode allocates *out (NULL on failure); copy allocates a deep
 * copy; free accepts NULL; merge_patch appends the RFC 7386 patch from old_obj
 * to new_obj (see fm_codec_merge_patch). All return 0 or a negative FM_E*. */
int fm_k8s_status_decode(fm_k8s_status **out, const char *buf, size_t len);
int fm_k8s_status_encode(fm_buf *out, const fm_k8s_status *obj);
int fm_k8s_status_copy(fm_k8s_status **out, const fm_k8s_status *src);
void fm_k8s_status_free(fm_k8s_status *obj);
bool fm_k8s_status_equal(const fm_k8s_status *a, const fm_k8s_status *b);
int fm_k8s_status_merge_patch(fm_buf *out, const fm_k8s_status *old_obj, const fm_k8s_status *new_obj,
        const char *resource_version);

/* ------------------------------------------------------ presence accessors */

/* fm_k8s_owner_reference */
static inline bool fm_k8s_owner_reference_has_controller(const fm_k8s_owner_reference *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_owner_reference_set_controller(fm_k8s_owner_reference *p, bool v) { p->controller = v; fm_codec_set_present(p, 0, true); }
static inline void fm_k8s_owner_reference_clear_controller(fm_k8s_owner_reference *p) { memset(&p->controller, 0, sizeof p->controller); fm_codec_set_present(p, 0, false); }
static inline bool fm_k8s_owner_reference_has_block_owner_deletion(const fm_k8s_owner_reference *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_owner_reference_set_block_owner_deletion(fm_k8s_owner_reference *p, bool v) { p->block_owner_deletion = v; fm_codec_set_present(p, 1, true); }
static inline void fm_k8s_owner_reference_clear_block_owner_deletion(fm_k8s_owner_reference *p) { memset(&p->block_owner_deletion, 0, sizeof p->block_owner_deletion); fm_codec_set_present(p, 1, false); }

/* fm_k8s_object_meta */
static inline bool fm_k8s_object_meta_has_generation(const fm_k8s_object_meta *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_object_meta_set_generation(fm_k8s_object_meta *p, int64_t v) { p->generation = v; fm_codec_set_present(p, 0, true); }
static inline void fm_k8s_object_meta_clear_generation(fm_k8s_object_meta *p) { memset(&p->generation, 0, sizeof p->generation); fm_codec_set_present(p, 0, false); }
static inline bool fm_k8s_object_meta_has_creation_timestamp(const fm_k8s_object_meta *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_object_meta_set_creation_timestamp(fm_k8s_object_meta *p, fm_time v) { p->creation_timestamp = v; fm_codec_set_present(p, 1, true); }
static inline void fm_k8s_object_meta_clear_creation_timestamp(fm_k8s_object_meta *p) { memset(&p->creation_timestamp, 0, sizeof p->creation_timestamp); fm_codec_set_present(p, 1, false); }
static inline bool fm_k8s_object_meta_has_deletion_timestamp(const fm_k8s_object_meta *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_object_meta_set_deletion_timestamp(fm_k8s_object_meta *p, fm_time v) { p->deletion_timestamp = v; fm_codec_set_present(p, 2, true); }
static inline void fm_k8s_object_meta_clear_deletion_timestamp(fm_k8s_object_meta *p) { memset(&p->deletion_timestamp, 0, sizeof p->deletion_timestamp); fm_codec_set_present(p, 2, false); }
static inline bool fm_k8s_object_meta_has_deletion_grace_period_seconds(const fm_k8s_object_meta *p) { return fm_codec_has(p, 3); }
static inline void fm_k8s_object_meta_set_deletion_grace_period_seconds(fm_k8s_object_meta *p, int64_t v) { p->deletion_grace_period_seconds = v; fm_codec_set_present(p, 3, true); }
static inline void fm_k8s_object_meta_clear_deletion_grace_period_seconds(fm_k8s_object_meta *p) { memset(&p->deletion_grace_period_seconds, 0, sizeof p->deletion_grace_period_seconds); fm_codec_set_present(p, 3, false); }
static inline bool fm_k8s_object_meta_has_labels(const fm_k8s_object_meta *p) { return fm_codec_has(p, 4); }
static inline void fm_k8s_object_meta_set_labels_present(fm_k8s_object_meta *p, bool on) { fm_codec_set_present(p, 4, on); }
static inline bool fm_k8s_object_meta_has_annotations(const fm_k8s_object_meta *p) { return fm_codec_has(p, 5); }
static inline void fm_k8s_object_meta_set_annotations_present(fm_k8s_object_meta *p, bool on) { fm_codec_set_present(p, 5, on); }
static inline bool fm_k8s_object_meta_has_owner_references(const fm_k8s_object_meta *p) { return fm_codec_has(p, 6); }
static inline void fm_k8s_object_meta_set_owner_references_present(fm_k8s_object_meta *p, bool on) { fm_codec_set_present(p, 6, on); }
static inline bool fm_k8s_object_meta_has_finalizers(const fm_k8s_object_meta *p) { return fm_codec_has(p, 7); }
static inline void fm_k8s_object_meta_set_finalizers_present(fm_k8s_object_meta *p, bool on) { fm_codec_set_present(p, 7, on); }

/* fm_k8s_list_meta */
static inline bool fm_k8s_list_meta_has_remaining_item_count(const fm_k8s_list_meta *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_list_meta_set_remaining_item_count(fm_k8s_list_meta *p, int64_t v) { p->remaining_item_count = v; fm_codec_set_present(p, 0, true); }
static inline void fm_k8s_list_meta_clear_remaining_item_count(fm_k8s_list_meta *p) { memset(&p->remaining_item_count, 0, sizeof p->remaining_item_count); fm_codec_set_present(p, 0, false); }

/* fm_k8s_condition */
static inline bool fm_k8s_condition_has_observed_generation(const fm_k8s_condition *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_condition_set_observed_generation(fm_k8s_condition *p, int64_t v) { p->observed_generation = v; fm_codec_set_present(p, 0, true); }
static inline void fm_k8s_condition_clear_observed_generation(fm_k8s_condition *p) { memset(&p->observed_generation, 0, sizeof p->observed_generation); fm_codec_set_present(p, 0, false); }
static inline bool fm_k8s_condition_has_last_transition_time(const fm_k8s_condition *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_condition_set_last_transition_time(fm_k8s_condition *p, fm_time v) { p->last_transition_time = v; fm_codec_set_present(p, 1, true); }
static inline void fm_k8s_condition_clear_last_transition_time(fm_k8s_condition *p) { memset(&p->last_transition_time, 0, sizeof p->last_transition_time); fm_codec_set_present(p, 1, false); }

/* fm_k8s_lease_spec */
static inline bool fm_k8s_lease_spec_has_lease_duration_seconds(const fm_k8s_lease_spec *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_lease_spec_set_lease_duration_seconds(fm_k8s_lease_spec *p, int32_t v) { p->lease_duration_seconds = v; fm_codec_set_present(p, 0, true); }
static inline void fm_k8s_lease_spec_clear_lease_duration_seconds(fm_k8s_lease_spec *p) { memset(&p->lease_duration_seconds, 0, sizeof p->lease_duration_seconds); fm_codec_set_present(p, 0, false); }
static inline bool fm_k8s_lease_spec_has_acquire_time(const fm_k8s_lease_spec *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_lease_spec_set_acquire_time(fm_k8s_lease_spec *p, fm_time v) { p->acquire_time = v; fm_codec_set_present(p, 1, true); }
static inline void fm_k8s_lease_spec_clear_acquire_time(fm_k8s_lease_spec *p) { memset(&p->acquire_time, 0, sizeof p->acquire_time); fm_codec_set_present(p, 1, false); }
static inline bool fm_k8s_lease_spec_has_renew_time(const fm_k8s_lease_spec *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_lease_spec_set_renew_time(fm_k8s_lease_spec *p, fm_time v) { p->renew_time = v; fm_codec_set_present(p, 2, true); }
static inline void fm_k8s_lease_spec_clear_renew_time(fm_k8s_lease_spec *p) { memset(&p->renew_time, 0, sizeof p->renew_time); fm_codec_set_present(p, 2, false); }
static inline bool fm_k8s_lease_spec_has_lease_transitions(const fm_k8s_lease_spec *p) { return fm_codec_has(p, 3); }
static inline void fm_k8s_lease_spec_set_lease_transitions(fm_k8s_lease_spec *p, int32_t v) { p->lease_transitions = v; fm_codec_set_present(p, 3, true); }
static inline void fm_k8s_lease_spec_clear_lease_transitions(fm_k8s_lease_spec *p) { memset(&p->lease_transitions, 0, sizeof p->lease_transitions); fm_codec_set_present(p, 3, false); }

/* fm_k8s_status_details */
static inline bool fm_k8s_status_details_has_causes(const fm_k8s_status_details *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_status_details_set_causes_present(fm_k8s_status_details *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_status_details_has_retry_after_seconds(const fm_k8s_status_details *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_status_details_set_retry_after_seconds(fm_k8s_status_details *p, int32_t v) { p->retry_after_seconds = v; fm_codec_set_present(p, 1, true); }
static inline void fm_k8s_status_details_clear_retry_after_seconds(fm_k8s_status_details *p) { memset(&p->retry_after_seconds, 0, sizeof p->retry_after_seconds); fm_codec_set_present(p, 1, false); }

/* fm_k8s_lease */
static inline bool fm_k8s_lease_has_metadata(const fm_k8s_lease *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_lease_set_metadata_present(fm_k8s_lease *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_lease_has_spec(const fm_k8s_lease *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_lease_set_spec_present(fm_k8s_lease *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_k8s_lease_list */
static inline bool fm_k8s_lease_list_has_metadata(const fm_k8s_lease_list *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_lease_list_set_metadata_present(fm_k8s_lease_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_lease_list_has_items(const fm_k8s_lease_list *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_lease_list_set_items_present(fm_k8s_lease_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_k8s_event */
static inline bool fm_k8s_event_has_metadata(const fm_k8s_event *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_event_set_metadata_present(fm_k8s_event *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_event_has_involved_object(const fm_k8s_event *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_event_set_involved_object_present(fm_k8s_event *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_k8s_event_has_source(const fm_k8s_event *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_event_set_source_present(fm_k8s_event *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_k8s_event_has_first_timestamp(const fm_k8s_event *p) { return fm_codec_has(p, 3); }
static inline void fm_k8s_event_set_first_timestamp(fm_k8s_event *p, fm_time v) { p->first_timestamp = v; fm_codec_set_present(p, 3, true); }
static inline void fm_k8s_event_clear_first_timestamp(fm_k8s_event *p) { memset(&p->first_timestamp, 0, sizeof p->first_timestamp); fm_codec_set_present(p, 3, false); }
static inline bool fm_k8s_event_has_last_timestamp(const fm_k8s_event *p) { return fm_codec_has(p, 4); }
static inline void fm_k8s_event_set_last_timestamp(fm_k8s_event *p, fm_time v) { p->last_timestamp = v; fm_codec_set_present(p, 4, true); }
static inline void fm_k8s_event_clear_last_timestamp(fm_k8s_event *p) { memset(&p->last_timestamp, 0, sizeof p->last_timestamp); fm_codec_set_present(p, 4, false); }
static inline bool fm_k8s_event_has_count(const fm_k8s_event *p) { return fm_codec_has(p, 5); }
static inline void fm_k8s_event_set_count(fm_k8s_event *p, int32_t v) { p->count = v; fm_codec_set_present(p, 5, true); }
static inline void fm_k8s_event_clear_count(fm_k8s_event *p) { memset(&p->count, 0, sizeof p->count); fm_codec_set_present(p, 5, false); }
static inline bool fm_k8s_event_has_event_time(const fm_k8s_event *p) { return fm_codec_has(p, 6); }
static inline void fm_k8s_event_set_event_time(fm_k8s_event *p, fm_time v) { p->event_time = v; fm_codec_set_present(p, 6, true); }
static inline void fm_k8s_event_clear_event_time(fm_k8s_event *p) { memset(&p->event_time, 0, sizeof p->event_time); fm_codec_set_present(p, 6, false); }

/* fm_k8s_event_list */
static inline bool fm_k8s_event_list_has_metadata(const fm_k8s_event_list *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_event_list_set_metadata_present(fm_k8s_event_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_event_list_has_items(const fm_k8s_event_list *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_event_list_set_items_present(fm_k8s_event_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_k8s_config_map */
static inline bool fm_k8s_config_map_has_metadata(const fm_k8s_config_map *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_config_map_set_metadata_present(fm_k8s_config_map *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_config_map_has_data(const fm_k8s_config_map *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_config_map_set_data_present(fm_k8s_config_map *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_k8s_config_map_has_binary_data(const fm_k8s_config_map *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_config_map_set_binary_data_present(fm_k8s_config_map *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_k8s_config_map_has_immutable(const fm_k8s_config_map *p) { return fm_codec_has(p, 3); }
static inline void fm_k8s_config_map_set_immutable(fm_k8s_config_map *p, bool v) { p->immutable = v; fm_codec_set_present(p, 3, true); }
static inline void fm_k8s_config_map_clear_immutable(fm_k8s_config_map *p) { memset(&p->immutable, 0, sizeof p->immutable); fm_codec_set_present(p, 3, false); }

/* fm_k8s_config_map_list */
static inline bool fm_k8s_config_map_list_has_metadata(const fm_k8s_config_map_list *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_config_map_list_set_metadata_present(fm_k8s_config_map_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_config_map_list_has_items(const fm_k8s_config_map_list *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_config_map_list_set_items_present(fm_k8s_config_map_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_k8s_secret */
static inline bool fm_k8s_secret_has_metadata(const fm_k8s_secret *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_secret_set_metadata_present(fm_k8s_secret *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_secret_has_data(const fm_k8s_secret *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_secret_set_data_present(fm_k8s_secret *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_k8s_secret_has_string_data(const fm_k8s_secret *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_secret_set_string_data_present(fm_k8s_secret *p, bool on) { fm_codec_set_present(p, 2, on); }
static inline bool fm_k8s_secret_has_immutable(const fm_k8s_secret *p) { return fm_codec_has(p, 3); }
static inline void fm_k8s_secret_set_immutable(fm_k8s_secret *p, bool v) { p->immutable = v; fm_codec_set_present(p, 3, true); }
static inline void fm_k8s_secret_clear_immutable(fm_k8s_secret *p) { memset(&p->immutable, 0, sizeof p->immutable); fm_codec_set_present(p, 3, false); }

/* fm_k8s_secret_list */
static inline bool fm_k8s_secret_list_has_metadata(const fm_k8s_secret_list *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_secret_list_set_metadata_present(fm_k8s_secret_list *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_secret_list_has_items(const fm_k8s_secret_list *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_secret_list_set_items_present(fm_k8s_secret_list *p, bool on) { fm_codec_set_present(p, 1, on); }

/* fm_k8s_status */
static inline bool fm_k8s_status_has_metadata(const fm_k8s_status *p) { return fm_codec_has(p, 0); }
static inline void fm_k8s_status_set_metadata_present(fm_k8s_status *p, bool on) { fm_codec_set_present(p, 0, on); }
static inline bool fm_k8s_status_has_details(const fm_k8s_status *p) { return fm_codec_has(p, 1); }
static inline void fm_k8s_status_set_details_present(fm_k8s_status *p, bool on) { fm_codec_set_present(p, 1, on); }
static inline bool fm_k8s_status_has_code(const fm_k8s_status *p) { return fm_codec_has(p, 2); }
static inline void fm_k8s_status_set_code(fm_k8s_status *p, int32_t v) { p->code = v; fm_codec_set_present(p, 2, true); }
static inline void fm_k8s_status_clear_code(fm_k8s_status *p) { memset(&p->code, 0, sizeof p->code); fm_codec_set_present(p, 2, false); }

#ifdef __cplusplus
}
#endif
#endif

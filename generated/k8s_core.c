/* Generated from schema/k8s.core.yaml by codegen/foremangen.py; do not edit; run `make generate`. */
/*
 * k8s_core.c - descriptor tables of the Kubernetes types Foreman uses and the one-line
 * typed wrappers over the codec engine (runtime/codec/codec.h). This file is data:
 * one fm_field_desc row per schema field, in schema (encode) order, and a
 * by_name index per struct for the decoder's binary search.
 */
#include "k8s_core.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

/* ------------------------------------------------------------------ enums */

static const char *const fm_k8s_condition_status_values[] = {
    "True",
    "False",
    "Unknown",
};
const fm_enum_desc fm_k8s_condition_status_desc = { "fm_k8s_condition_status", 3, fm_k8s_condition_status_values };

const char *fm_k8s_condition_status_name(fm_k8s_condition_status v)
{
    return fm_codec_enum_name(&fm_k8s_condition_status_desc, v);
}

fm_k8s_condition_status fm_k8s_condition_status_parse(const char *s)
{
    return s ? fm_codec_enum_value(&fm_k8s_condition_status_desc, s, strlen(s)) : 0;
}

/* ---------------------------------------------------------------- structs */

/* fm_k8s_owner_reference */
static const fm_field_desc fm_k8s_owner_reference_fields[6] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_owner_reference, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_owner_reference, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_owner_reference, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "uid", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_owner_reference, uid), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "controller", .json_name_len = 10, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_owner_reference, controller), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "blockOwnerDeletion", .json_name_len = 18, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_owner_reference, block_owner_deletion), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion blockOwnerDeletion controller kind name uid */
static const uint16_t fm_k8s_owner_reference_by_name[6] = { 0, 5, 4, 1, 2, 3 };
const fm_struct_desc fm_k8s_owner_reference_desc = {
    "fm_k8s_owner_reference", sizeof(fm_k8s_owner_reference), offsetof(fm_k8s_owner_reference, _unknown),
    6, fm_k8s_owner_reference_fields, fm_k8s_owner_reference_by_name,
};

/* fm_k8s_object_meta */
static const char *const fm_k8s_object_meta_keys_owner_references[] = { "uid", NULL };
static const fm_field_desc fm_k8s_object_meta_fields[13] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "generateName", .json_name_len = 12, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, generate_name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "namespace", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, namespace), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "uid", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, uid), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "resourceVersion", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, resource_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "generation", .json_name_len = 10, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, generation), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "creationTimestamp", .json_name_len = 17, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, creation_timestamp), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "deletionTimestamp", .json_name_len = 17, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, deletion_timestamp), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "deletionGracePeriodSeconds", .json_name_len = 26, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, deletion_grace_period_seconds), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "labels", .json_name_len = 6, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, labels), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "annotations", .json_name_len = 11, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, annotations), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "ownerReferences", .json_name_len = 15, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, owner_references), .presence_bit = 6, .elem_size = sizeof(fm_k8s_owner_reference),
      .sub = &fm_k8s_owner_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = fm_k8s_object_meta_keys_owner_references },
    { .json_name = "finalizers", .json_name_len = 10, .type = FM_T_LIST,
      .elem_type = FM_T_STRING, .flags = 0,
      .offset = offsetof(fm_k8s_object_meta, finalizers), .presence_bit = 7, .elem_size = sizeof(char *),
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: annotations creationTimestamp deletionGracePeriodSeconds deletionTimestamp finalizers generateName generation labels name namespace ownerReferences resourceVersion uid */
static const uint16_t fm_k8s_object_meta_by_name[13] = { 10, 6, 8, 7, 12, 1, 5, 9, 0, 2, 11, 4, 3 };
const fm_struct_desc fm_k8s_object_meta_desc = {
    "fm_k8s_object_meta", sizeof(fm_k8s_object_meta), offsetof(fm_k8s_object_meta, _unknown),
    13, fm_k8s_object_meta_fields, fm_k8s_object_meta_by_name,
};

/* fm_k8s_list_meta */
static const fm_field_desc fm_k8s_list_meta_fields[3] = {
    { .json_name = "resourceVersion", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_list_meta, resource_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "continue", .json_name_len = 8, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_list_meta, continue_), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "remainingItemCount", .json_name_len = 18, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_list_meta, remaining_item_count), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: continue remainingItemCount resourceVersion */
static const uint16_t fm_k8s_list_meta_by_name[3] = { 1, 2, 0 };
const fm_struct_desc fm_k8s_list_meta_desc = {
    "fm_k8s_list_meta", sizeof(fm_k8s_list_meta), offsetof(fm_k8s_list_meta, _unknown),
    3, fm_k8s_list_meta_fields, fm_k8s_list_meta_by_name,
};

/* fm_k8s_condition */
static const fm_validation fm_k8s_condition_v_type = {
    .has = FM_V_MAXLEN | FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = INT64_C(316), .pattern = "^([a-z0-9]([-a-z0-9]*[a-z0-9])\?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])\?)*/)\?(([A-Za-z0-9][-A-Za-z0-9_.]*)\?[A-Za-z0-9])$",
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_k8s_condition_v_observed_generation = {
    .has = FM_V_MIN,
    .minimum = INT64_C(0), .maximum = 0,
    .min_length = 0, .max_length = 0, .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_k8s_condition_v_reason = {
    .has = FM_V_MINLEN | FM_V_MAXLEN | FM_V_PATTERN,
    .minimum = 0, .maximum = 0,
    .min_length = INT64_C(1), .max_length = INT64_C(1024), .pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])\?$",
    .min_items = 0, .max_items = 0,
};
static const fm_validation fm_k8s_condition_v_message = {
    .has = FM_V_MAXLEN,
    .minimum = 0, .maximum = 0,
    .min_length = 0, .max_length = INT64_C(32768), .pattern = NULL,
    .min_items = 0, .max_items = 0,
};
static const fm_field_desc fm_k8s_condition_fields[6] = {
    { .json_name = "type", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_condition, type), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_k8s_condition_v_type, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_ENUM,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_condition, status), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = &fm_k8s_condition_status_desc,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "observedGeneration", .json_name_len = 18, .type = FM_T_INT64,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_condition, observed_generation), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_k8s_condition_v_observed_generation, .list_map_keys = NULL },
    { .json_name = "lastTransitionTime", .json_name_len = 18, .type = FM_T_TIME,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_condition, last_transition_time), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reason", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_condition, reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_k8s_condition_v_reason, .list_map_keys = NULL },
    { .json_name = "message", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_condition, message), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = &fm_k8s_condition_v_message, .list_map_keys = NULL },
};
/* by JSON name: lastTransitionTime message observedGeneration reason status type */
static const uint16_t fm_k8s_condition_by_name[6] = { 3, 5, 2, 4, 1, 0 };
const fm_struct_desc fm_k8s_condition_desc = {
    "fm_k8s_condition", sizeof(fm_k8s_condition), offsetof(fm_k8s_condition, _unknown),
    6, fm_k8s_condition_fields, fm_k8s_condition_by_name,
};

/* fm_k8s_object_reference */
static const fm_field_desc fm_k8s_object_reference_fields[7] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "namespace", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, namespace), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "uid", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, uid), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "resourceVersion", .json_name_len = 15, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, resource_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "fieldPath", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_object_reference, field_path), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion fieldPath kind name namespace resourceVersion uid */
static const uint16_t fm_k8s_object_reference_by_name[7] = { 0, 6, 1, 2, 3, 5, 4 };
const fm_struct_desc fm_k8s_object_reference_desc = {
    "fm_k8s_object_reference", sizeof(fm_k8s_object_reference), offsetof(fm_k8s_object_reference, _unknown),
    7, fm_k8s_object_reference_fields, fm_k8s_object_reference_by_name,
};

/* fm_k8s_lease_spec */
static const fm_field_desc fm_k8s_lease_spec_fields[5] = {
    { .json_name = "holderIdentity", .json_name_len = 14, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_spec, holder_identity), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "leaseDurationSeconds", .json_name_len = 20, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_spec, lease_duration_seconds), .presence_bit = 0, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "acquireTime", .json_name_len = 11, .type = FM_T_TIME,
      .elem_type = 0, .flags = FM_F_MICROTIME,
      .offset = offsetof(fm_k8s_lease_spec, acquire_time), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "renewTime", .json_name_len = 9, .type = FM_T_TIME,
      .elem_type = 0, .flags = FM_F_MICROTIME,
      .offset = offsetof(fm_k8s_lease_spec, renew_time), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "leaseTransitions", .json_name_len = 16, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_spec, lease_transitions), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: acquireTime holderIdentity leaseDurationSeconds leaseTransitions renewTime */
static const uint16_t fm_k8s_lease_spec_by_name[5] = { 2, 0, 1, 4, 3 };
const fm_struct_desc fm_k8s_lease_spec_desc = {
    "fm_k8s_lease_spec", sizeof(fm_k8s_lease_spec), offsetof(fm_k8s_lease_spec, _unknown),
    5, fm_k8s_lease_spec_fields, fm_k8s_lease_spec_by_name,
};

/* fm_k8s_event_source */
static const fm_field_desc fm_k8s_event_source_fields[2] = {
    { .json_name = "component", .json_name_len = 9, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event_source, component), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "host", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event_source, host), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: component host */
static const uint16_t fm_k8s_event_source_by_name[2] = { 0, 1 };
const fm_struct_desc fm_k8s_event_source_desc = {
    "fm_k8s_event_source", sizeof(fm_k8s_event_source), offsetof(fm_k8s_event_source, _unknown),
    2, fm_k8s_event_source_fields, fm_k8s_event_source_by_name,
};

/* fm_k8s_status_cause */
static const fm_field_desc fm_k8s_status_cause_fields[3] = {
    { .json_name = "reason", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_cause, reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "message", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_cause, message), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "field", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_cause, field), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: field message reason */
static const uint16_t fm_k8s_status_cause_by_name[3] = { 2, 1, 0 };
const fm_struct_desc fm_k8s_status_cause_desc = {
    "fm_k8s_status_cause", sizeof(fm_k8s_status_cause), offsetof(fm_k8s_status_cause, _unknown),
    3, fm_k8s_status_cause_fields, fm_k8s_status_cause_by_name,
};

/* fm_k8s_status_details */
static const fm_field_desc fm_k8s_status_details_fields[6] = {
    { .json_name = "name", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, name), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "group", .json_name_len = 5, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, group), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "uid", .json_name_len = 3, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, uid), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "causes", .json_name_len = 6, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, causes), .presence_bit = 0, .elem_size = sizeof(fm_k8s_status_cause),
      .sub = &fm_k8s_status_cause_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "retryAfterSeconds", .json_name_len = 17, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status_details, retry_after_seconds), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: causes group kind name retryAfterSeconds uid */
static const uint16_t fm_k8s_status_details_by_name[6] = { 4, 1, 2, 0, 5, 3 };
const fm_struct_desc fm_k8s_status_details_desc = {
    "fm_k8s_status_details", sizeof(fm_k8s_status_details), offsetof(fm_k8s_status_details, _unknown),
    6, fm_k8s_status_details_fields, fm_k8s_status_details_by_name,
};

/* fm_k8s_lease */
static const fm_field_desc fm_k8s_lease_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "spec", .json_name_len = 4, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease, spec), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_k8s_lease_spec_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion kind metadata spec */
static const uint16_t fm_k8s_lease_by_name[4] = { 0, 1, 2, 3 };
const fm_struct_desc fm_k8s_lease_desc = {
    "fm_k8s_lease", sizeof(fm_k8s_lease), offsetof(fm_k8s_lease, _unknown),
    4, fm_k8s_lease_fields, fm_k8s_lease_by_name,
};

/* fm_k8s_lease_list */
static const fm_field_desc fm_k8s_lease_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_lease_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_lease_list, items), .presence_bit = 1, .elem_size = sizeof(fm_k8s_lease),
      .sub = &fm_k8s_lease_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_k8s_lease_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_k8s_lease_list_desc = {
    "fm_k8s_lease_list", sizeof(fm_k8s_lease_list), offsetof(fm_k8s_lease_list, _unknown),
    4, fm_k8s_lease_list_fields, fm_k8s_lease_list_by_name,
};

/* fm_k8s_event */
static const fm_field_desc fm_k8s_event_fields[15] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "involvedObject", .json_name_len = 14, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_event, involved_object), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_k8s_object_reference_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reason", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "message", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, message), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "source", .json_name_len = 6, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, source), .presence_bit = 2, .elem_size = 0,
      .sub = &fm_k8s_event_source_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "firstTimestamp", .json_name_len = 14, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, first_timestamp), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "lastTimestamp", .json_name_len = 13, .type = FM_T_TIME,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, last_timestamp), .presence_bit = 4, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "count", .json_name_len = 5, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, count), .presence_bit = 5, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "type", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, type), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "eventTime", .json_name_len = 9, .type = FM_T_TIME,
      .elem_type = 0, .flags = FM_F_MICROTIME,
      .offset = offsetof(fm_k8s_event, event_time), .presence_bit = 6, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "action", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, action), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reportingComponent", .json_name_len = 18, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, reporting_component), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reportingInstance", .json_name_len = 17, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event, reporting_instance), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: action apiVersion count eventTime firstTimestamp involvedObject kind lastTimestamp message metadata reason reportingComponent reportingInstance source type */
static const uint16_t fm_k8s_event_by_name[15] = { 12, 0, 9, 11, 7, 3, 1, 8, 5, 2, 4, 13, 14, 6, 10 };
const fm_struct_desc fm_k8s_event_desc = {
    "fm_k8s_event", sizeof(fm_k8s_event), offsetof(fm_k8s_event, _unknown),
    15, fm_k8s_event_fields, fm_k8s_event_by_name,
};

/* fm_k8s_event_list */
static const fm_field_desc fm_k8s_event_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_event_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_event_list, items), .presence_bit = 1, .elem_size = sizeof(fm_k8s_event),
      .sub = &fm_k8s_event_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_k8s_event_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_k8s_event_list_desc = {
    "fm_k8s_event_list", sizeof(fm_k8s_event_list), offsetof(fm_k8s_event_list, _unknown),
    4, fm_k8s_event_list_fields, fm_k8s_event_list_by_name,
};

/* fm_k8s_config_map */
static const fm_field_desc fm_k8s_config_map_fields[6] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "data", .json_name_len = 4, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, data), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "binaryData", .json_name_len = 10, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, binary_data), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "immutable", .json_name_len = 9, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map, immutable), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion binaryData data immutable kind metadata */
static const uint16_t fm_k8s_config_map_by_name[6] = { 0, 4, 3, 5, 1, 2 };
const fm_struct_desc fm_k8s_config_map_desc = {
    "fm_k8s_config_map", sizeof(fm_k8s_config_map), offsetof(fm_k8s_config_map, _unknown),
    6, fm_k8s_config_map_fields, fm_k8s_config_map_by_name,
};

/* fm_k8s_config_map_list */
static const fm_field_desc fm_k8s_config_map_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_config_map_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_config_map_list, items), .presence_bit = 1, .elem_size = sizeof(fm_k8s_config_map),
      .sub = &fm_k8s_config_map_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_k8s_config_map_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_k8s_config_map_list_desc = {
    "fm_k8s_config_map_list", sizeof(fm_k8s_config_map_list), offsetof(fm_k8s_config_map_list, _unknown),
    4, fm_k8s_config_map_list_fields, fm_k8s_config_map_list_by_name,
};

/* fm_k8s_secret */
static const fm_field_desc fm_k8s_secret_fields[7] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_object_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "data", .json_name_len = 4, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, data), .presence_bit = 1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "stringData", .json_name_len = 10, .type = FM_T_MAP,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, string_data), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "type", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, type), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "immutable", .json_name_len = 9, .type = FM_T_BOOL,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret, immutable), .presence_bit = 3, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion data immutable kind metadata stringData type */
static const uint16_t fm_k8s_secret_by_name[7] = { 0, 3, 6, 1, 2, 4, 5 };
const fm_struct_desc fm_k8s_secret_desc = {
    "fm_k8s_secret", sizeof(fm_k8s_secret), offsetof(fm_k8s_secret, _unknown),
    7, fm_k8s_secret_fields, fm_k8s_secret_by_name,
};

/* fm_k8s_secret_list */
static const fm_field_desc fm_k8s_secret_list_fields[4] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret_list, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret_list, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_secret_list, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "items", .json_name_len = 5, .type = FM_T_LIST,
      .elem_type = FM_T_STRUCT, .flags = FM_F_REQUIRED,
      .offset = offsetof(fm_k8s_secret_list, items), .presence_bit = 1, .elem_size = sizeof(fm_k8s_secret),
      .sub = &fm_k8s_secret_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion items kind metadata */
static const uint16_t fm_k8s_secret_list_by_name[4] = { 0, 3, 1, 2 };
const fm_struct_desc fm_k8s_secret_list_desc = {
    "fm_k8s_secret_list", sizeof(fm_k8s_secret_list), offsetof(fm_k8s_secret_list, _unknown),
    4, fm_k8s_secret_list_fields, fm_k8s_secret_list_by_name,
};

/* fm_k8s_status */
static const fm_field_desc fm_k8s_status_fields[8] = {
    { .json_name = "apiVersion", .json_name_len = 10, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, api_version), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "kind", .json_name_len = 4, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, kind), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "metadata", .json_name_len = 8, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, metadata), .presence_bit = 0, .elem_size = 0,
      .sub = &fm_k8s_list_meta_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "status", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, status), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "message", .json_name_len = 7, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, message), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "reason", .json_name_len = 6, .type = FM_T_STRING,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, reason), .presence_bit = -1, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "details", .json_name_len = 7, .type = FM_T_STRUCT,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, details), .presence_bit = 1, .elem_size = 0,
      .sub = &fm_k8s_status_details_desc, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
    { .json_name = "code", .json_name_len = 4, .type = FM_T_INT32,
      .elem_type = 0, .flags = 0,
      .offset = offsetof(fm_k8s_status, code), .presence_bit = 2, .elem_size = 0,
      .sub = NULL, .enm = NULL,
      .v = NULL, .list_map_keys = NULL },
};
/* by JSON name: apiVersion code details kind message metadata reason status */
static const uint16_t fm_k8s_status_by_name[8] = { 0, 7, 6, 1, 4, 2, 5, 3 };
const fm_struct_desc fm_k8s_status_desc = {
    "fm_k8s_status", sizeof(fm_k8s_status), offsetof(fm_k8s_status, _unknown),
    8, fm_k8s_status_fields, fm_k8s_status_by_name,
};

/* ------------------------------------------------------------------ kinds */

const fm_kind_desc fm_k8s_config_map_kind = {
    .group = "",
    .version = "v1",
    .api_version = "v1",
    .kind = "ConfigMap",
    .list_kind = "ConfigMapList",
    .plural = "configmaps",
    .singular = "configmap",
    .namespaced = true,
    .has_status = false,
    .object = &fm_k8s_config_map_desc,
    .list = &fm_k8s_config_map_list_desc,
    .n_columns = 0,
    .columns = NULL,
};

const fm_kind_desc fm_k8s_event_kind = {
    .group = "",
    .version = "v1",
    .api_version = "v1",
    .kind = "Event",
    .list_kind = "EventList",
    .plural = "events",
    .singular = "event",
    .namespaced = true,
    .has_status = false,
    .object = &fm_k8s_event_desc,
    .list = &fm_k8s_event_list_desc,
    .n_columns = 0,
    .columns = NULL,
};

const fm_kind_desc fm_k8s_lease_kind = {
    .group = "coordination.k8s.io",
    .version = "v1",
    .api_version = "coordination.k8s.io/v1",
    .kind = "Lease",
    .list_kind = "LeaseList",
    .plural = "leases",
    .singular = "lease",
    .namespaced = true,
    .has_status = false,
    .object = &fm_k8s_lease_desc,
    .list = &fm_k8s_lease_list_desc,
    .n_columns = 0,
    .columns = NULL,
};

const fm_kind_desc fm_k8s_secret_kind = {
    .group = "",
    .version = "v1",
    .api_version = "v1",
    .kind = "Secret",
    .list_kind = "SecretList",
    .plural = "secrets",
    .singular = "secret",
    .namespaced = true,
    .has_status = false,
    .object = &fm_k8s_secret_desc,
    .list = &fm_k8s_secret_list_desc,
    .n_columns = 0,
    .columns = NULL,
};

const fm_kind_desc *const fm_k8s_all_kinds[FM_K8S_ALL_KINDS_COUNT] = {
    &fm_k8s_config_map_kind,
    &fm_k8s_event_kind,
    &fm_k8s_lease_kind,
    &fm_k8s_secret_kind,
};
const size_t fm_k8s_all_kinds_count = FM_K8S_ALL_KINDS_COUNT;

/* -------------------------------------------------------- typed wrappers */

/*
 * Allocates a zeroed object of d and decodes buf[0..len) into it. On success
 * *out owns the object; on failure the partial object is released, *out is
 * NULL and the codec's error stays recorded. Returns 0 or a negative FM_E*.
 */
static int decode_new(void **out, const fm_struct_desc *d, const char *buf, size_t len)
{
    *out = NULL;
    void *obj = calloc(1, d->size);
    if (!obj)
        return fm_error_set(FM_ENOMEM, "%s: out of memory", d->name);
    int rc = fm_codec_decode(obj, d, buf, len);
    if (rc < 0) {
        fm_codec_clear(obj, d);
        free(obj);
        return rc;
    }
    *out = obj;
    return 0;
}

/* Allocates a deep copy of src (of d) in *out; NULL and an error on failure. */
static int copy_new(void **out, const void *src, const fm_struct_desc *d)
{
    *out = NULL;
    void *obj = calloc(1, d->size);
    if (!obj)
        return fm_error_set(FM_ENOMEM, "%s: out of memory", d->name);
    int rc = fm_codec_copy(obj, src, d);
    if (rc < 0) {
        fm_codec_clear(obj, d);
        free(obj);
        return rc;
    }
    *out = obj;
    return 0;
}

/* Releases obj (of d) and everything it owns; NULL is fine. */
static void free_obj(void *obj, const fm_struct_desc *d)
{
    if (!obj)
        return;
    fm_codec_clear(obj, d);
    free(obj);
}

int fm_k8s_config_map_decode(fm_k8s_config_map **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_config_map_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_config_map_encode(fm_buf *out, const fm_k8s_config_map *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_config_map_desc);
}

int fm_k8s_config_map_copy(fm_k8s_config_map **out, const fm_k8s_config_map *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_config_map_desc);
    *out = p;
    return rc;
}

void fm_k8s_config_map_free(fm_k8s_config_map *obj)
{
    free_obj(obj, &fm_k8s_config_map_desc);
}

bool fm_k8s_config_map_equal(const fm_k8s_config_map *a, const fm_k8s_config_map *b)
{
    return fm_codec_equal(a, b, &fm_k8s_config_map_desc);
}

int fm_k8s_config_map_merge_patch(fm_buf *out, const fm_k8s_config_map *old_obj, const fm_k8s_config_map *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_config_map_desc, resource_version);
}

int fm_k8s_config_map_list_decode(fm_k8s_config_map_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_config_map_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_config_map_list_encode(fm_buf *out, const fm_k8s_config_map_list *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_config_map_list_desc);
}

int fm_k8s_config_map_list_copy(fm_k8s_config_map_list **out, const fm_k8s_config_map_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_config_map_list_desc);
    *out = p;
    return rc;
}

void fm_k8s_config_map_list_free(fm_k8s_config_map_list *obj)
{
    free_obj(obj, &fm_k8s_config_map_list_desc);
}

bool fm_k8s_config_map_list_equal(const fm_k8s_config_map_list *a, const fm_k8s_config_map_list *b)
{
    return fm_codec_equal(a, b, &fm_k8s_config_map_list_desc);
}

int fm_k8s_config_map_list_merge_patch(fm_buf *out, const fm_k8s_config_map_list *old_obj, const fm_k8s_config_map_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_config_map_list_desc, resource_version);
}

int fm_k8s_event_decode(fm_k8s_event **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_event_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_event_encode(fm_buf *out, const fm_k8s_event *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_event_desc);
}

int fm_k8s_event_copy(fm_k8s_event **out, const fm_k8s_event *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_event_desc);
    *out = p;
    return rc;
}

void fm_k8s_event_free(fm_k8s_event *obj)
{
    free_obj(obj, &fm_k8s_event_desc);
}

bool fm_k8s_event_equal(const fm_k8s_event *a, const fm_k8s_event *b)
{
    return fm_codec_equal(a, b, &fm_k8s_event_desc);
}

int fm_k8s_event_merge_patch(fm_buf *out, const fm_k8s_event *old_obj, const fm_k8s_event *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_event_desc, resource_version);
}

int fm_k8s_event_list_decode(fm_k8s_event_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_event_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_event_list_encode(fm_buf *out, const fm_k8s_event_list *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_event_list_desc);
}

int fm_k8s_event_list_copy(fm_k8s_event_list **out, const fm_k8s_event_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_event_list_desc);
    *out = p;
    return rc;
}

void fm_k8s_event_list_free(fm_k8s_event_list *obj)
{
    free_obj(obj, &fm_k8s_event_list_desc);
}

bool fm_k8s_event_list_equal(const fm_k8s_event_list *a, const fm_k8s_event_list *b)
{
    return fm_codec_equal(a, b, &fm_k8s_event_list_desc);
}

int fm_k8s_event_list_merge_patch(fm_buf *out, const fm_k8s_event_list *old_obj, const fm_k8s_event_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_event_list_desc, resource_version);
}

int fm_k8s_lease_decode(fm_k8s_lease **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_lease_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_lease_encode(fm_buf *out, const fm_k8s_lease *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_lease_desc);
}

int fm_k8s_lease_copy(fm_k8s_lease **out, const fm_k8s_lease *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_lease_desc);
    *out = p;
    return rc;
}

void fm_k8s_lease_free(fm_k8s_lease *obj)
{
    free_obj(obj, &fm_k8s_lease_desc);
}

bool fm_k8s_lease_equal(const fm_k8s_lease *a, const fm_k8s_lease *b)
{
    return fm_codec_equal(a, b, &fm_k8s_lease_desc);
}

int fm_k8s_lease_merge_patch(fm_buf *out, const fm_k8s_lease *old_obj, const fm_k8s_lease *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_lease_desc, resource_version);
}

int fm_k8s_lease_list_decode(fm_k8s_lease_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_lease_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_lease_list_encode(fm_buf *out, const fm_k8s_lease_list *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_lease_list_desc);
}

int fm_k8s_lease_list_copy(fm_k8s_lease_list **out, const fm_k8s_lease_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_lease_list_desc);
    *out = p;
    return rc;
}

void fm_k8s_lease_list_free(fm_k8s_lease_list *obj)
{
    free_obj(obj, &fm_k8s_lease_list_desc);
}

bool fm_k8s_lease_list_equal(const fm_k8s_lease_list *a, const fm_k8s_lease_list *b)
{
    return fm_codec_equal(a, b, &fm_k8s_lease_list_desc);
}

int fm_k8s_lease_list_merge_patch(fm_buf *out, const fm_k8s_lease_list *old_obj, const fm_k8s_lease_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_lease_list_desc, resource_version);
}

int fm_k8s_secret_decode(fm_k8s_secret **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_secret_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_secret_encode(fm_buf *out, const fm_k8s_secret *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_secret_desc);
}

int fm_k8s_secret_copy(fm_k8s_secret **out, const fm_k8s_secret *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_secret_desc);
    *out = p;
    return rc;
}

void fm_k8s_secret_free(fm_k8s_secret *obj)
{
    free_obj(obj, &fm_k8s_secret_desc);
}

bool fm_k8s_secret_equal(const fm_k8s_secret *a, const fm_k8s_secret *b)
{
    return fm_codec_equal(a, b, &fm_k8s_secret_desc);
}

int fm_k8s_secret_merge_patch(fm_buf *out, const fm_k8s_secret *old_obj, const fm_k8s_secret *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_secret_desc, resource_version);
}

int fm_k8s_secret_list_decode(fm_k8s_secret_list **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_secret_list_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_secret_list_encode(fm_buf *out, const fm_k8s_secret_list *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_secret_list_desc);
}

int fm_k8s_secret_list_copy(fm_k8s_secret_list **out, const fm_k8s_secret_list *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_secret_list_desc);
    *out = p;
    return rc;
}

void fm_k8s_secret_list_free(fm_k8s_secret_list *obj)
{
    free_obj(obj, &fm_k8s_secret_list_desc);
}

bool fm_k8s_secret_list_equal(const fm_k8s_secret_list *a, const fm_k8s_secret_list *b)
{
    return fm_codec_equal(a, b, &fm_k8s_secret_list_desc);
}

int fm_k8s_secret_list_merge_patch(fm_buf *out, const fm_k8s_secret_list *old_obj, const fm_k8s_secret_list *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_secret_list_desc, resource_version);
}

int fm_k8s_status_decode(fm_k8s_status **out, const char *buf, size_t len)
{
    void *p = NULL;
    int rc = decode_new(&p, &fm_k8s_status_desc, buf, len);
    *out = p;
    return rc;
}

int fm_k8s_status_encode(fm_buf *out, const fm_k8s_status *obj)
{
    return fm_codec_encode(out, obj, &fm_k8s_status_desc);
}

int fm_k8s_status_copy(fm_k8s_status **out, const fm_k8s_status *src)
{
    void *p = NULL;
    int rc = copy_new(&p, src, &fm_k8s_status_desc);
    *out = p;
    return rc;
}

void fm_k8s_status_free(fm_k8s_status *obj)
{
    free_obj(obj, &fm_k8s_status_desc);
}

bool fm_k8s_status_equal(const fm_k8s_status *a, const fm_k8s_status *b)
{
    return fm_codec_equal(a, b, &fm_k8s_status_desc);
}

int fm_k8s_status_merge_patch(fm_buf *out, const fm_k8s_status *old_obj, const fm_k8s_status *new_obj,
        const char *resource_version)
{
    return fm_codec_merge_patch(out, old_obj, new_obj, &fm_k8s_status_desc, resource_version);
}

/*
 * test_microtime.c - the schema's `microTime: true` reaches the encoder:
 * Lease spec.acquireTime/renewTime and Event eventTime are written with
 * exactly six fraction digits (what the API server's MicroTime accepts),
 * while ordinary date-time fields keep the shortest RFC 3339 spelling.
 */
#include <string.h>

#include "k8s_core.h"
#include "test.h"

/* 2024-05-06T07:08:09Z */
#define T0 1714979289LL

TEST(lease_times_have_six_digits)
{
    fm_k8s_lease l;
    fm_buf b = FM_BUF_INIT;
    memset(&l, 0, sizeof l);
    fm_k8s_lease_spec_set_acquire_time(&l.spec, (fm_time){ T0, 0 });
    fm_k8s_lease_spec_set_renew_time(&l.spec, (fm_time){ T0, 123456789 });
    fm_k8s_lease_set_spec_present(&l, true);
    fm_k8s_object_meta_set_creation_timestamp(&l.metadata, (fm_time){ T0, 0 });
    fm_k8s_lease_set_metadata_present(&l, true);
    CHECK_INT(fm_k8s_lease_encode(&b, &l), 0);
    CHECK_CONTAINS(b.data, "\"acquireTime\":\"2024-05-06T07:08:09.000000Z\"");
    /* sub-microsecond digits are dropped, not rounded */
    CHECK_CONTAINS(b.data, "\"renewTime\":\"2024-05-06T07:08:09.123456Z\"");
    /* not a micro-time field: no fraction */
    CHECK_CONTAINS(b.data, "\"creationTimestamp\":\"2024-05-06T07:08:09Z\"");
    fm_buf_free(&b);
}

TEST(event_time_has_six_digits)
{
    fm_k8s_event e;
    fm_buf b = FM_BUF_INIT;
    memset(&e, 0, sizeof e);
    fm_k8s_event_set_event_time(&e, (fm_time){ T0, 500000000 });
    CHECK_INT(fm_codec_encode(&b, &e, &fm_k8s_event_desc), 0);
    CHECK_CONTAINS(b.data, "\"eventTime\":\"2024-05-06T07:08:09.500000Z\"");
    fm_buf_free(&b);
}

TEST(flags_are_in_the_tables)
{
    size_t i, n = 0;
    for (i = 0; i < fm_k8s_lease_spec_desc.n_fields; i++) {
        const fm_field_desc *f = &fm_k8s_lease_spec_desc.fields[i];
        int micro = (f->flags & FM_F_MICROTIME) != 0;
        int want = !strcmp(f->json_name, "acquireTime") || !strcmp(f->json_name, "renewTime");
        CHECK_INT(micro, want);
        n += (size_t)micro;
    }
    CHECK_INT(n, 2);
}

TEST(micro_time_round_trips)
{
    static const char in[] = "{\"spec\":{\"renewTime\":\"2024-05-06T07:08:09.000001Z\"}}";
    fm_k8s_lease *l = NULL;
    fm_buf b = FM_BUF_INIT;
    CHECK_FATAL(fm_k8s_lease_decode(&l, in, sizeof in - 1) == 0);
    CHECK_INT(l->spec.renew_time.nsec, 1000);
    CHECK_INT(fm_k8s_lease_encode(&b, l), 0);
    CHECK_CONTAINS(b.data, "\"renewTime\":\"2024-05-06T07:08:09.000001Z\"");
    fm_buf_free(&b);
    fm_k8s_lease_free(l);
}

int main(void)
{
    RUN(lease_times_have_six_digits);
    RUN(event_time_has_six_digits);
    RUN(flags_are_in_the_tables);
    RUN(micro_time_round_trips);
    return test_summary();
}

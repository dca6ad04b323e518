/*
 * test_codec_strip.c - fm_codec_unknown_remove(): dropping one member of an
 * unknown bag (the informer uses it to strip metadata.managedFields).
 */
#include "codec.h"
#include "error.h"
#include "foreman_v1alpha1.h"
#include "test.h"

static const char *TASK =
    "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
    "\"metadata\":{\"name\":\"t\",\"namespace\":\"default\",\"x-first\":1,"
    "\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Update\","
    "\"fieldsV1\":{\"f:spec\":{\".\":{}}}}],\"x-last\":{\"a\":[true,null]}},"
    "\"spec\":{\"kind\":\"freeform\",\"payload\":{}}}";

TEST(removes_only_the_named_member)
{
    fm_agentic_task *t = NULL;
    CHECK_FATAL(fm_agentic_task_decode(&t, TASK, strlen(TASK)) == 0);
    CHECK_INT(fm_codec_unknown_remove(&t->metadata, &fm_k8s_object_meta_desc, "managedFields"), 1);
    CHECK_STR(t->metadata._unknown, "\"x-first\":1,\"x-last\":{\"a\":[true,null]}");
    /* Gone already: nothing to do, nothing changed. */
    CHECK_INT(fm_codec_unknown_remove(&t->metadata, &fm_k8s_object_meta_desc, "managedFields"), 0);
    CHECK_INT(fm_codec_unknown_remove(&t->metadata, &fm_k8s_object_meta_desc, "x-first"), 1);
    CHECK_INT(fm_codec_unknown_remove(&t->metadata, &fm_k8s_object_meta_desc, "x-last"), 1);
    CHECK(t->metadata._unknown == NULL);
    fm_buf out = FM_BUF_INIT;
    CHECK_INT(fm_agentic_task_encode(&out, t), 0);
    CHECK(strstr(out.data, "managedFields") == NULL);
    CHECK_CONTAINS(out.data, "\"metadata\":{\"name\":\"t\",\"namespace\":\"default\"}");
    fm_buf_free(&out);
    fm_agentic_task_free(t);
}

TEST(empty_bag_is_a_no_op)
{
    fm_agentic_task t;
    memset(&t, 0, sizeof(t));
    CHECK_INT(fm_codec_unknown_remove(&t.metadata, &fm_k8s_object_meta_desc, "managedFields"), 0);
    CHECK(t.metadata._unknown == NULL);
}

int main(void)
{
    RUN(removes_only_the_named_member);
    RUN(empty_bag_is_a_no_op);
    return test_summary();
}

/*
 * test_agentdef.c - Agent definitions (foreman/agent/agentdef.c): what makes one
 * valid (endpoint, tools, temperature) and how an Agent with its
 * ModelProfile overrides the --llm-* settings of a task's run.
 */
#include "test.h"

#include "agent_tools.h"
#include "agentdef.h"

static fm_agent *agent_of(const char *spec)
{
    char buf[4096];
    snprintf(buf, sizeof buf,
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"Agent\","
             "\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\"},\"spec\":%s}",
             spec);
    fm_agent *ag = NULL;
    if (fm_agent_decode(&ag, buf, strlen(buf)) != 0) return NULL;
    return ag;
}

static const char *check_of(const char *spec, char *msg, size_t n)
{
    fm_agent *ag = agent_of(spec);
    if (!ag) return "DECODE";
    const char *r = fm_agentdef_check(ag, msg, n);
    fm_agent_free(ag);
    return r ? r : "OK";
}

TEST(check)
{
    char msg[512];
    CHECK_STR(check_of("{\"role\":\"coder\",\"model\":\"qwen\",\"tools\":[\"bash\",\"read_file\"]}", msg, sizeof msg), "OK");
    CHECK_STR(check_of("{\"role\":\"coder\",\"inferenceServiceRef\":{\"name\":\"isvc\"},\"tools\":[\"grep\"]}", msg, sizeof msg), "OK");
    CHECK_STR(check_of("{\"role\":\"coder\",\"tools\":[\"bash\"]}", msg, sizeof msg), "NoEndpoint");
    CHECK_STR(check_of("{\"role\":\"coder\",\"provider\":\"cloud-proxy\",\"model\":\"m\",\"tools\":[\"bash\"]}", msg,
                       sizeof msg),
              "NoEndpoint");
    CHECK(strstr(msg, "providerConfig.baseURL") != NULL);
    CHECK_STR(check_of("{\"role\":\"coder\",\"provider\":\"cloud-proxy\",\"providerConfig\":{\"baseURL\":\"https://x\","
                       "\"model\":\"gpt\"},\"tools\":[\"submit_result\"]}",
                       msg, sizeof msg),
              "OK");
    CHECK_STR(check_of("{\"role\":\"coder\",\"model\":\"m\",\"tools\":[\"bash\",\"web_search\"]}", msg, sizeof msg),
              "UnknownTool");
    CHECK(strstr(msg, "web_search") != NULL);
    CHECK_STR(check_of("{\"role\":\"coder\",\"model\":\"m\",\"tools\":[]}", msg, sizeof msg), "NoTools");
    CHECK_STR(check_of("{\"role\":\"coder\",\"model\":\"m\",\"tools\":[\"bash\"],\"temperature\":\"2.5\"}", msg,
                       sizeof msg),
              "InvalidTemperature");
    CHECK(fm_agentdef_tool_known("str_replace"));
    CHECK(!fm_agentdef_tool_known("rm_rf"));
    CHECK(!fm_agentdef_tool_known(NULL));
}

TEST(key_ref)
{
    fm_agent *ag = agent_of("{\"role\":\"coder\",\"provider\":\"cloud-proxy\",\"providerConfig\":{\"baseURL\":\"https://x\","
                            "\"model\":\"gpt\",\"apiKeySecretRef\":{\"name\":\"llm-key\",\"key\":\"token\"}},"
                            "\"tools\":[\"bash\"]}");
    CHECK_FATAL(ag != NULL);
    const fm_secret_key_selector *k = fm_agentdef_key_ref(ag);
    CHECK_FATAL(k != NULL);
    CHECK_STR(k->name, "llm-key");
    CHECK_STR(k->key, "token");
    fm_agent_free(ag);
    ag = agent_of("{\"role\":\"coder\",\"model\":\"m\",\"tools\":[\"bash\"]}");
    CHECK_FATAL(ag != NULL);
    CHECK(fm_agentdef_key_ref(ag) == NULL);
    fm_agent_free(ag);
}

TEST(resolve)
{
    fm_executor_native_config base;
    memset(&base, 0, sizeof base);
    base.base_url = "http://flags:8080";
    base.model = "flag-model";
    base.api_key_file = "/etc/key";
    base.max_turns = 50;
    base.max_output_tokens = 4096;
    base.system_prompt_file = "/etc/prompt";
    base.tool_choice = "required,auto";

    /* local: model and tuning from the Agent, endpoint and key from the flags */
    fm_agent *ag = agent_of("{\"role\":\"coder\",\"model\":\"qwen-coder\",\"tools\":[\"bash\"],\"maxTurns\":7,"
                            "\"maxOutputTokens\":512,\"temperature\":\"0.2\",\"systemPrompt\":\"Be brief.\","
                            "\"requestTurnTimeoutSeconds\":30,\"stuckLoopDetection\":{\"repeatedToolThreshold\":4}}");
    const char *mpj = "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"ModelProfile\",\"metadata\":"
                      "{\"name\":\"qwen\"},\"spec\":{\"systemPromptAddendum\":\"Call one tool a turn.\","
                      "\"toolChoice\":\"required\",\"textToolCallFormat\":\"hermes\","
                      "\"stuckLoopDetection\":{\"repeatedToolThreshold\":9,\"editFreeTurnsLimit\":12}}}";
    fm_model_profile *mp = NULL;
    CHECK_FATAL(ag != NULL && fm_model_profile_decode(&mp, mpj, strlen(mpj)) == 0);
    fm_agentdef_resolved r;
    CHECK_FATAL(fm_agentdef_resolve(&r, &base, ag, mp, NULL) == 0);
    CHECK_STR(r.native.base_url, "http://flags:8080");
    CHECK_STR(r.native.model, "qwen-coder");
    CHECK_STR(r.native.api_key_file, "/etc/key");
    CHECK(r.native.api_key == NULL);
    CHECK_INT(r.native.max_turns, 7);
    CHECK_INT(r.native.max_output_tokens, 512);
    CHECK(r.native.has_temperature && r.native.temperature > 0.19 && r.native.temperature < 0.21);
    CHECK_INT(r.native.first_byte_timeout_ns, 30 * INT64_C(1000000000));
    CHECK_STR(r.native.system_prompt, "Be brief.");
    CHECK(r.native.system_prompt_file == NULL);
    CHECK_STR(r.native.system_prompt_addendum, "Call one tool a turn.");
    CHECK_INT(r.native.stuck_repeat, 4);  /* the Agent's over the profile's */
    CHECK_INT(r.native.stuck_turns, 12);  /* the profile's */
    CHECK_STR(r.native.tool_choice, "required"); /* the profile's over --llm-tool-choice */
    CHECK_STR(r.native.text_call_format, "hermes");
    CHECK_INT(r.native.tools_allowed, TOOL_BASH | TOOL_SUBMIT_RESULT); /* spec.tools, submit_result always */
    fm_agentdef_resolved_clear(&r);
    CHECK(r.native.model == NULL && r.model == NULL);
    fm_agent_free(ag);
    fm_model_profile_free(mp);

    /* cloud-proxy: endpoint, model and key (from its Secret) replace the flags */
    ag = agent_of("{\"role\":\"reviewer\",\"provider\":\"cloud-proxy\",\"providerConfig\":{\"baseURL\":\"https://cloud\","
                  "\"model\":\"gpt-x\",\"apiKeySecretRef\":{\"name\":\"k\",\"key\":\"t\"}},\"tools\":[\"read_file\"]}");
    CHECK_FATAL(ag != NULL);
    CHECK_FATAL(fm_agentdef_resolve(&r, &base, ag, NULL, "sk-from-secret") == 0);
    CHECK_STR(r.native.base_url, "https://cloud");
    CHECK_STR(r.native.model, "gpt-x");
    CHECK_STR(r.native.api_key, "sk-from-secret");
    CHECK(r.native.api_key_file == NULL);
    CHECK_STR(r.native.system_prompt_file, "/etc/prompt");
    CHECK(r.native.system_prompt_addendum == NULL);
    CHECK_INT(r.native.max_turns, 50);
    CHECK_INT(r.native.tools_allowed, TOOL_READ_FILE | TOOL_SUBMIT_RESULT);
    CHECK_STR(r.native.tool_choice, "required,auto"); /* no profile: the flag */
    CHECK(r.native.text_call_format == NULL);
    fm_agentdef_resolved_clear(&r);
    fm_agent_free(ag);
    fm_agentdef_resolved_clear(NULL);
}

int main(void)
{
    RUN(check);
    RUN(key_ref);
    RUN(resolve);
    return test_summary();
}

/*
 * test_kubeconfig.c - kubeconfig discovery, merging, contexts, relative
 * paths, in-cluster config and one-line errors for malformed files.
 *
 * Fixtures live in tests/fixtures/kubeconfig/; the tests run from the source
 * root (CTest's working directory) and change the environment variables
 * that drive discovery (KUBECONFIG, HOME, KUBERNETES_SERVICE_*), so they run
 * in one process, one after the other.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "kubeconfig.h"
#include "test.h"

#define FX "tests/fixtures/kubeconfig"

static char fxdir[4096];

static void clean_env(void)
{
    unsetenv("KUBECONFIG");
    unsetenv("KUBERNETES_SERVICE_HOST");
    unsetenv("KUBERNETES_SERVICE_PORT");
    unsetenv("FOREMAN_INCLUSTER_DIR");
    setenv("HOME", "/nonexistent-home-for-tests", 1);
}

static bool one_line(const char *s)
{
    return s && !strchr(s, '\n') && !strchr(s, '\r');
}

TEST(explicit_file_relative_paths)
{
    fm_kube_config *cfg = NULL;
    fm_kube_config_opts o = {FX "/basic.yaml", NULL, NULL};
    clean_env();
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->context, "dev");
    CHECK_STR(fm_kube_config_namespace(cfg), "team-a");
    CHECK_STR(fm_kube_config_server(cfg), "https://dev.example:6443"); /* trailing '/' dropped */
    CHECK(cfg->ca.data && strstr(cfg->ca.data, "TESTCA"));
    CHECK(cfg->client_cert.data && strstr(cfg->client_cert.data, "TESTCLIENT"));
    CHECK(cfg->client_key.data && strstr(cfg->client_key.data, "TESTKEY"));
    CHECK(cfg->token == NULL);
    CHECK(cfg->exec == NULL);
    CHECK(fm_kube_config_warning(cfg) == NULL);
    fm_kube_config_free(cfg);
}

/* Relative paths resolve against the file's directory, not the cwd. */
TEST(relative_paths_from_other_cwd)
{
    char cwd[4096], path[4200];
    fm_kube_config *cfg = NULL;
    clean_env();
    CHECK_FATAL(getcwd(cwd, sizeof(cwd)) != NULL);
    snprintf(path, sizeof(path), "%s/basic.yaml", fxdir);
    CHECK_FATAL(chdir("/tmp") == 0);
    fm_kube_config_opts o = {path, "prod", NULL};
    int rc = fm_kube_config_load(&cfg, &o);
    CHECK_FATAL(chdir(cwd) == 0);
    CHECK_INT(rc, 0);
    CHECK_FATAL(cfg);
    char want[4200];
    snprintf(want, sizeof(want), "%s/certs/token", fxdir);
    CHECK_STR(cfg->token_file, want);
    fm_kube_config_free(cfg);
}

TEST(context_selection)
{
    fm_kube_config *cfg = NULL;
    fm_kube_config_opts o = {FX "/basic.yaml", "prod", NULL};
    clean_env();
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(fm_kube_config_context(cfg), "prod");
    CHECK_STR(fm_kube_config_namespace(cfg), "default"); /* context names none */
    CHECK_STR(cfg->server, "https://prod.example:443");
    CHECK_STR(cfg->tls_server_name, "api.prod.internal");
    CHECK_STR(cfg->proxy_url, "http://proxy.example:3128");
    CHECK(cfg->ca.data && strstr(cfg->ca.data, "PRODCA")); /* from -data */
    CHECK(cfg->token_file && strstr(cfg->token_file, "certs/token"));
    CHECK(cfg->client_cert.data == NULL);
    fm_kube_config_free(cfg);
}

TEST(exec_config)
{
    fm_kube_config *cfg = NULL;
    fm_kube_config_opts o = {FX "/basic.yaml", "exec", NULL};
    clean_env();
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg && cfg->exec);
    CHECK_STR(cfg->exec->api_version, "client.authentication.k8s.io/v1");
    CHECK(strstr(cfg->exec->command, "kubeconfig/./bin/cred-helper") || strstr(cfg->exec->command, "kubeconfig/bin/cred-helper"));
    CHECK(cfg->exec->command[0] == '/');
    CHECK_INT(cfg->exec->n_args, 2);
    CHECK_STR(cfg->exec->args[0], "--cluster");
    CHECK_STR(cfg->exec->args[1], "prod");
    CHECK_INT(cfg->exec->n_env, 1);
    CHECK_STR(cfg->exec->env[0], "HELPER_MODE=test");
    CHECK(cfg->exec->provide_cluster_info);
    CHECK_STR(cfg->exec->interactive_mode, "Never");
    fm_kube_config_free(cfg);
}

/* $KUBECONFIG: the first file to set a name (or current-context) wins. */
TEST(kubeconfig_env_merge)
{
    fm_kube_config *cfg = NULL;
    clean_env();
    setenv("KUBECONFIG", FX "/merge-a.yaml:" FX "/does-not-exist.yaml:" FX "/merge-b.yaml", 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->context, "alpha");                  /* a's current-context */
    CHECK_STR(cfg->server, "https://from-a.example");  /* a's "shared" cluster */
    CHECK_STR(cfg->token, "token-a");                  /* a's "ua" user */
    CHECK_STR(cfg->namespace_, "ns-a");
    fm_kube_config_free(cfg);

    /* a context defined only in b, using b's cluster and user */
    fm_kube_config_opts o = {NULL, "beta", NULL};
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->server, "https://only-b.example");
    CHECK_STR(cfg->username, "admin");
    CHECK_STR(cfg->password, "secret-pw");
    CHECK_STR(cfg->namespace_, "ns-b");
    CHECK(cfg->insecure_skip_tls_verify);
    CHECK(fm_kube_config_warning(cfg) && strstr(fm_kube_config_warning(cfg), "insecure-skip-tls-verify"));
    fm_kube_config_free(cfg);

    /* reversed order: b wins everything it sets */
    setenv("KUBECONFIG", FX "/merge-b.yaml:" FX "/merge-a.yaml", 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->context, "beta");
    fm_kube_config_free(cfg);
    o.context = "alpha";
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->server, "https://only-b.example"); /* b's alpha context */
    fm_kube_config_free(cfg);
    clean_env();
}

TEST(explicit_beats_env)
{
    fm_kube_config *cfg = NULL;
    clean_env();
    setenv("KUBECONFIG", FX "/merge-a.yaml", 1);
    fm_kube_config_opts o = {FX "/basic.yaml", NULL, NULL};
    CHECK_INT(fm_kube_config_load(&cfg, &o), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->context, "dev");
    fm_kube_config_free(cfg);
    clean_env();
}

TEST(missing_files)
{
    fm_kube_config *cfg = NULL;
    clean_env();
    fm_kube_config_opts o = {FX "/nope.yaml", NULL, NULL};
    CHECK_INT(fm_kube_config_load(&cfg, &o), FM_EIO);
    CHECK(cfg == NULL);
    CHECK_CONTAINS(fm_error_last()->message, "kubeconfig " FX "/nope.yaml: No such file or directory");

    setenv("KUBECONFIG", "/nonexistent/a:/nonexistent/b", 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, "none of the files exist");
    CHECK_CONTAINS(fm_error_last()->message, "/nonexistent/a");
    clean_env();

    /* nothing anywhere */
    CHECK_INT(fm_kube_config_load(&cfg, NULL), FM_ENOTFOUND);
    CHECK_CONTAINS(fm_error_last()->message, "no Kubernetes configuration");
    CHECK(one_line(fm_error_last()->message));
}

TEST(home_fallback)
{
    fm_kube_config *cfg = NULL;
    char home[4200];
    clean_env();
    snprintf(home, sizeof(home), "%s/home", fxdir);
    setenv("HOME", home, 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->server, "https://home.example:6443");
    CHECK_STR(cfg->user_name, ""); /* a context without a user is anonymous */
    fm_kube_config_free(cfg);
    clean_env();
}

TEST(incluster)
{
    fm_kube_config *cfg = NULL;
    char dir[4200];
    clean_env();
    snprintf(dir, sizeof(dir), "%s/incluster", fxdir);
    setenv("KUBERNETES_SERVICE_HOST", "10.0.0.1", 1);
    setenv("KUBERNETES_SERVICE_PORT", "6443", 1);
    setenv("FOREMAN_INCLUSTER_DIR", dir, 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK(cfg->in_cluster);
    CHECK_STR(cfg->server, "https://10.0.0.1:6443");
    CHECK_STR(cfg->namespace_, "foreman-system");
    CHECK(cfg->ca.data && strstr(cfg->ca.data, "TESTCA"));
    CHECK(cfg->token_file && strstr(cfg->token_file, "incluster/token"));
    fm_kube_config_free(cfg);

    /* IPv6 service host gets brackets */
    setenv("KUBERNETES_SERVICE_HOST", "fd00::1", 1);
    CHECK_INT(fm_kube_config_load_incluster(&cfg, dir), 0);
    CHECK_FATAL(cfg);
    CHECK_STR(cfg->server, "https://[fd00::1]:6443");
    fm_kube_config_free(cfg);

    /* $KUBECONFIG takes precedence over in-cluster */
    setenv("KUBECONFIG", FX "/merge-a.yaml", 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK(!cfg->in_cluster);
    fm_kube_config_free(cfg);
    unsetenv("KUBECONFIG");

    /* a missing token file is a clear error */
    setenv("FOREMAN_INCLUSTER_DIR", "/nonexistent-sa", 1);
    CHECK_INT(fm_kube_config_load(&cfg, NULL), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, "in-cluster config: token /nonexistent-sa/token");
    clean_env();
}

TEST(base64)
{
    char *out = NULL;
    size_t n = 0;
    CHECK_INT(fm_kube_base64_decode(&out, &n, "aGVsbG8gd29ybGQ=", 16), 0);
    CHECK_STR(out, "hello world");
    CHECK_INT(n, 11);
    free(out);
    CHECK_INT(fm_kube_base64_decode(&out, &n, "aGVs\nbG8", 8), 0); /* no padding, newline */
    CHECK_STR(out, "hello");
    free(out);
    CHECK_INT(fm_kube_base64_decode(&out, &n, "aGV$bG8=", 8), FM_EPARSE);
    CHECK_INT(fm_kube_base64_decode(&out, &n, "aGVsb", 5), FM_EPARSE); /* dangling sextet */
    CHECK_INT(fm_kube_base64_decode(&out, &n, "aG=Vs", 5), FM_EPARSE); /* data after padding */
}

/* One malformed kubeconfig: the text, the error code, a substring of the
 * message and the line (0 when the message has no line). */
typedef struct bad_case {
    const char *name;
    const char *yaml;
    int code;
    const char *want;
    int line;
} bad_case;

static const bad_case bad_cases[] = {
    {"yaml syntax", "apiVersion: v1\nclusters:\n- name: a\n  cluster:\n    server: https://x\n   bad: [1,\n", FM_EPARSE, "", 6},
    {"tab indentation", "apiVersion: v1\nclusters:\n\t- name: a\n", FM_EPARSE, "", 3},
    {"unclosed quote", "apiVersion: v1\ncurrent-context: \"abc\nclusters: []\n", FM_EPARSE, "", 0},
    {"top level is a list", "- a\n- b\n", FM_EPARSE, "expected a mapping at the top level", 1},
    {"clusters is a mapping", "apiVersion: v1\nclusters:\n  a: b\n", FM_EPARSE, "clusters: expected a list", 3},
    {"cluster without name", "clusters:\n- cluster:\n    server: https://x\n", FM_EPARSE, "clusters[0]: missing name", 2},
    {"cluster body not a mapping", "clusters:\n- name: c\n  cluster: [1]\n", FM_EPARSE, "cluster: expected a mapping", 3},
    {"wrong kind", "kind: Pod\n", FM_EPARSE, "kind is \"Pod\", expected \"Config\"", 1},
    {"no current context", "apiVersion: v1\nclusters: []\n", FM_EINVAL, "no current-context is set", 0},
    {"unknown context", "current-context: nope\ncontexts: []\n", FM_EINVAL, "context \"nope\" not found", 0},
    {"missing cluster", "current-context: c\ncontexts:\n- name: c\n  context:\n    cluster: gone\n", FM_EINVAL,
     "context \"c\": cluster \"gone\" not found", 5},
    {"missing user", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: who\n",
     FM_EINVAL, "context \"c\": user \"who\" not found", 10},
    {"server missing", "current-context: c\nclusters:\n- name: k\n  cluster:\n    insecure-skip-tls-verify: true\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EINVAL, "cluster \"k\": server is missing", 5},
    {"server not a URL", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: ftp://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EINVAL, "is not an http:// or https:// URL", 5},
    {"bad base64", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\n    certificate-authority-data: \"not base64!!\"\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EPARSE, "cluster \"k\": certificate-authority-data: invalid base64", 6},
    {"missing CA file", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\n    certificate-authority: no/such/ca.crt\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EIO, "no/such/ca.crt: No such file or directory", 6},
    {"bad boolean", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\n    insecure-skip-tls-verify: maybe\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EPARSE, "insecure-skip-tls-verify: expected true or false", 6},
    {"CA and insecure", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\n    certificate-authority-data: QUJD\n    insecure-skip-tls-verify: true\ncontexts:\n- name: c\n  context:\n    cluster: k\n",
     FM_EINVAL, "cannot both be set", 7},
    {"cert without key", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    client-certificate-data: QUJD\n",
     FM_EINVAL, "client-certificate is set but client-key is not", 14},
    {"token not a string", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    token: [a, b]\n",
     FM_EPARSE, "user \"u\": token: expected a string", 14},
    {"exec without command", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n",
     FM_EINVAL, "exec: command is missing", 15},
    {"exec old apiVersion", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1alpha1\n      command: helper\n",
     FM_EINVAL, "apiVersion \"client.authentication.k8s.io/v1alpha1\" is not supported", 15},
    {"auth-provider", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    auth-provider:\n      name: gcp\n",
     FM_EINVAL, "auth-provider is not supported", 15},
    {"missing tokenFile", "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    tokenFile: /no/such/token\n",
     FM_EIO, "tokenFile /no/such/token: No such file or directory", 14},
};

TEST(malformed_one_line_errors)
{
    clean_env();
    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
        const bad_case *bc = &bad_cases[i];
        fm_kube_config *cfg = NULL;
        fm_error_clear();
        int rc = fm_kube_config_load_string(&cfg, bc->yaml, strlen(bc->yaml), "/fx/bad.yaml", NULL);
        const char *msg = fm_error_last()->message;
        if (rc != bc->code || !one_line(msg) || strncmp(msg, "kubeconfig /fx/bad.yaml", 23) != 0 ||
            !strstr(msg, bc->want)) {
            fprintf(stderr, "case \"%s\": rc=%d (want %d) message: %s\n", bc->name, rc, bc->code, msg);
        }
        CHECK_INT(rc, bc->code);
        CHECK(cfg == NULL);
        CHECK(one_line(msg));
        CHECK(strncmp(msg, "kubeconfig /fx/bad.yaml", 23) == 0);
        CHECK_CONTAINS(msg, bc->want);
        if (bc->line) {
            char at[32];
            snprintf(at, sizeof(at), "bad.yaml:%d: ", bc->line);
            if (!strstr(msg, at)) fprintf(stderr, "case \"%s\": want line %d in: %s\n", bc->name, bc->line, msg);
            CHECK_CONTAINS(msg, at);
        }
        fm_kube_config_free(cfg);
    }
}

/* Secrets in the file never reach error messages. */
TEST(no_secrets_in_errors)
{
    const char *y = "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x\ncontexts:\n- name: c\n"
                    "  context:\n    cluster: k\n    user: u\nusers:\n- name: u\n  user:\n    token: sekrit-token-value\n"
                    "    client-key-data: \"sekrit-key%%%\"\n    client-certificate-data: QUJD\n";
    fm_kube_config *cfg = NULL;
    CHECK(fm_kube_config_load_string(&cfg, y, strlen(y), "/fx/s.yaml", NULL) < 0);
    CHECK(strstr(fm_error_last()->message, "sekrit") == NULL);
    CHECK_CONTAINS(fm_error_last()->message, "client-key-data: invalid base64");
}

TEST(empty_file)
{
    fm_kube_config *cfg = NULL;
    CHECK_INT(fm_kube_config_load_string(&cfg, "", 0, "/fx/empty.yaml", NULL), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "kubeconfig /fx/empty.yaml: no current-context");
    CHECK_INT(fm_kube_config_load_string(&cfg, "# only a comment\n", 17, "/fx/empty.yaml", "x"), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "context \"x\" not found");
}


TEST(plain_http_with_credentials_warns)
{
    static const char with_token[] =
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
        "clusters: [{name: k, cluster: {server: \"http://10.0.0.1:8080\"}}]\n"
        "users: [{name: u, user: {token: sekret}}]\n"
        "contexts: [{name: c, context: {cluster: k, user: u}}]\n";
    static const char anonymous[] =
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
        "clusters: [{name: k, cluster: {server: \"http://127.0.0.1:8080\"}}]\n"
        "contexts: [{name: c, context: {cluster: k}}]\n";
    fm_kube_config *cfg = NULL;
    CHECK_INT(fm_kube_config_load_string(&cfg, with_token, sizeof(with_token) - 1, NULL, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK(fm_kube_config_warning(cfg) && strstr(fm_kube_config_warning(cfg), "plain http://"));
    CHECK(fm_kube_config_warning(cfg) && !strstr(fm_kube_config_warning(cfg), "sekret"));
    fm_kube_config_free(cfg);
    CHECK_INT(fm_kube_config_load_string(&cfg, anonymous, sizeof(anonymous) - 1, NULL, NULL), 0);
    CHECK_FATAL(cfg);
    CHECK(fm_kube_config_warning(cfg) == NULL);
    fm_kube_config_free(cfg);
}

int main(void)
{
    char cwd[4000];
    if (!getcwd(cwd, sizeof(cwd))) return 1;
    snprintf(fxdir, sizeof(fxdir), "%s/%s", cwd, FX);
    RUN(explicit_file_relative_paths);
    RUN(relative_paths_from_other_cwd);
    RUN(context_selection);
    RUN(exec_config);
    RUN(kubeconfig_env_merge);
    RUN(explicit_beats_env);
    RUN(missing_files);
    RUN(home_fallback);
    RUN(incluster);
    RUN(base64);
    RUN(malformed_one_line_errors);
    RUN(no_secrets_in_errors);
    RUN(empty_file);
    RUN(plain_http_with_credentials_warns);
    return test_summary();
}

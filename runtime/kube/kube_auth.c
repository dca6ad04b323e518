/*
 * kube_auth.c - the client's credentials: the static bearer token and
 * basic auth, the bearer token file (re-read every TOKEN_FILE_REFRESH_S
 * and after a 401), client certificates (static, or from the plugin) and
 * the exec credential plugin, run through fm_proc_run. kube_http.c asks
 * for a snapshot per attempt (fm_kube_auth_get) and puts it on its curl
 * handle (fm_kube_auth_apply).
 *
 * Secrets are wiped before they are freed; none ever appears in a message.
 */
#include "kube_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "kube_json.h"
#include "proc.h"
#include "signals.h"

extern char **environ;

#define TOKEN_FILE_REFRESH_S 60
#define EXEC_TIMEOUT_S 60
#define EXEC_MAX_OUTPUT (1u << 20)

/* ------------------------------------------------------------ secrets */

static void wipe_free(char *s)
{
    if (!s) return;
    memset(s, 0, strlen(s));
    free(s);
}

static void blob_wipe(fm_kube_blob *b)
{
    if (b->data) memset(b->data, 0, b->len);
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

int fm_kube_blob_dup(fm_kube_blob *dst, const fm_kube_blob *src)
{
    dst->data = NULL;
    dst->len = 0;
    if (!src->data) return 0;
    dst->data = malloc(src->len + 1);
    if (!dst->data) return FM_ENOMEM;
    memcpy(dst->data, src->data, src->len);
    dst->data[src->len] = 0;
    dst->len = src->len;
    return 0;
}

void fm_kube_auth_clear(fm_kube_client *c)
{
    wipe_free(c->file_token);
    wipe_free(c->exec_token);
    blob_wipe(&c->exec_cert);
    blob_wipe(&c->exec_key);
    c->file_token = c->exec_token = NULL;
}

/* ------------------------------------------------------------ exec plugin */

/* Builds KUBERNETES_EXEC_INFO: the ExecCredential the plugin reads. */
static int exec_info(fm_buf *b, const fm_kube_client *c)
{
    const fm_kube_exec_config *e = c->cfg->exec;
    int rc = fm_buf_printf(b, "KUBERNETES_EXEC_INFO={\"apiVersion\":\"%s\",\"kind\":\"ExecCredential\",\"spec\":{",
                           e->api_version);
    if (e->provide_cluster_info) {
        rc |= fm_buf_puts(b, "\"cluster\":{\"server\":");
        rc |= fm_buf_put_json_string(b, c->cfg->server, strlen(c->cfg->server));
        if (c->cfg->tls_server_name) {
            rc |= fm_buf_puts(b, ",\"tls-server-name\":");
            rc |= fm_buf_put_json_string(b, c->cfg->tls_server_name, strlen(c->cfg->tls_server_name));
        }
        if (c->cfg->insecure_skip_tls_verify) rc |= fm_buf_puts(b, ",\"insecure-skip-tls-verify\":true");
        if (c->cfg->ca.data) {
            static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            const unsigned char *p = (const unsigned char *)c->cfg->ca.data;
            size_t n = c->cfg->ca.len;
            rc |= fm_buf_puts(b, ",\"certificate-authority-data\":\"");
            for (size_t i = 0; i < n; i += 3) {
                uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
                             (i + 2 < n ? p[i + 2] : 0);
                char q[4] = {tbl[(v >> 18) & 63], tbl[(v >> 12) & 63], i + 1 < n ? tbl[(v >> 6) & 63] : '=',
                             i + 2 < n ? tbl[v & 63] : '='};
                rc |= fm_buf_put(b, q, 4);
            }
            rc |= fm_buf_puts(b, "\"");
        }
        rc |= fm_buf_puts(b, "},");
    }
    rc |= fm_buf_puts(b, "\"interactive\":false}}");
    return rc < 0 ? FM_ENOMEM : 0;
}

/*
 * Runs the exec plugin and caches its credential (c->auth_mu held).
 * Returns 0 or FM_EIO/FM_EPARSE/FM_ENOMEM with a message naming the
 * command; the credential itself never appears in messages.
 */
static int exec_run(fm_kube_client *c)
{
    const fm_kube_exec_config *e = c->cfg->exec;
    fm_buf info = FM_BUF_INIT;
    fm_proc_result pr = {0};
    char **envp = NULL, **argv = NULL;
    int rc = 0;
    size_t nenv = 0;

    atomic_fetch_add(&c->n_exec, 1);
    if (exec_info(&info, c) < 0) {
        rc = fm_error_set(FM_ENOMEM, "exec plugin %s: out of memory", e->command);
        goto done;
    }
    /* environment: ours, minus names the config overrides, + config + info */
    for (char **p = environ; *p; p++) nenv++;
    envp = calloc(nenv + e->n_env + 2, sizeof(char *));
    argv = calloc(e->n_args + 2, sizeof(char *));
    if (!envp || !argv) {
        rc = fm_error_set(FM_ENOMEM, "exec plugin %s: out of memory", e->command);
        goto done;
    }
    size_t k = 0;
    for (char **p = environ; *p; p++) {
        const char *eq = strchr(*p, '=');
        size_t nl = eq ? (size_t)(eq - *p) : strlen(*p);
        bool overridden = nl == strlen("KUBERNETES_EXEC_INFO") && strncmp(*p, "KUBERNETES_EXEC_INFO", nl) == 0;
        for (size_t i = 0; !overridden && i < e->n_env; i++)
            overridden = strncmp(e->env[i], *p, nl) == 0 && e->env[i][nl] == '=';
        if (!overridden) envp[k++] = *p;
    }
    for (size_t i = 0; i < e->n_env; i++) envp[k++] = e->env[i];
    envp[k++] = info.data;
    argv[0] = e->command;
    for (size_t i = 0; i < e->n_args; i++) argv[i + 1] = e->args[i];

    if (fm_signals_shutdown_requested()) {
        rc = fm_error_set(FM_ECANCELED, "exec plugin %s: cancelled by shutdown", e->command);
        goto done;
    }
    /* Its own process group (fm_proc_run): on a timeout or a shutdown the
     * whole group is killed, helpers the plugin started included. */
    fm_proc_spec ps = FM_PROC_SPEC_INIT;
    ps.path = e->command;
    ps.argv = argv;
    ps.envp = envp;
    ps.max_output = EXEC_MAX_OUTPUT;
    ps.deadline_ns = fm_clock_now(NULL) + EXEC_TIMEOUT_S * FM_NSEC_PER_SEC;
    ps.cancel_fd = fm_signals_fd(); /* a shutdown must not wait for a hanging plugin */
    if ((rc = fm_proc_run(&pr, &ps)) < 0) {
        char why[FM_ERROR_MAX]; /* "<command>: cannot run: <errno text>" */
        snprintf(why, sizeof(why), "%s", fm_error_last()->message);
        rc = fm_error_set(rc, "exec plugin %s", why);
        goto done;
    }
    if (pr.over_cap) {
        rc = fm_error_set(FM_ELIMIT, "exec plugin %s: output larger than %u bytes", e->command, EXEC_MAX_OUTPUT);
        goto done;
    }
    if (pr.cancelled) {
        rc = fm_error_set(FM_ECANCELED, "exec plugin %s: cancelled by shutdown", e->command);
        goto done;
    }
    if (pr.timed_out) {
        rc = fm_error_set(FM_EIO, "exec plugin %s: no answer within %d s", e->command, EXEC_TIMEOUT_S);
        goto done;
    }
    if (!pr.exited || pr.exit_code != 0) {
        /* Its stderr is not quoted: a failing plugin may well print the
         * credential it could not use, and this message is logged. */
        if (pr.exited)
            rc = fm_error_set(FM_EIO, "exec plugin %s: exited with status %d (%zu bytes on stderr, not shown)",
                              e->command, pr.exit_code, pr.err.len);
        else
            rc = fm_error_set(FM_EIO, "exec plugin %s: killed by signal %d", e->command, pr.term_signal);
        goto done;
    }

    /* Parse the ExecCredential. */
    const char *js = pr.out.data ? pr.out.data : "";
    size_t jl = pr.out.len;
    char *kind = fm_kube_json_path_string(js, jl, "kind");
    char *api = fm_kube_json_path_string(js, jl, "apiVersion");
    bool shape_ok = kind && strcmp(kind, "ExecCredential") == 0;
    bool api_ok = api && strcmp(api, e->api_version) == 0;
    free(kind);
    if (!shape_ok) {
        free(api);
        rc = fm_error_set(FM_EPARSE, "exec plugin %s: output is not an ExecCredential", e->command);
        goto done;
    }
    if (!api_ok) {
        rc = fm_error_set(FM_EPARSE, "exec plugin %s: ExecCredential apiVersion \"%s\", expected \"%s\"",
                          e->command, api ? api : "", e->api_version);
        free(api);
        goto done;
    }
    free(api);
    char *tok = fm_kube_json_path_string(js, jl, "status.token");
    char *cert = fm_kube_json_path_string(js, jl, "status.clientCertificateData");
    char *key = fm_kube_json_path_string(js, jl, "status.clientKeyData");
    char *exp = fm_kube_json_path_string(js, jl, "status.expirationTimestamp");
    if (!(tok && tok[0]) && !(cert && cert[0] && key && key[0])) {
        rc = fm_error_set(FM_EPARSE, "exec plugin %s: ExecCredential status has neither a token nor a client certificate and key",
                          e->command);
    } else if ((cert && cert[0]) != (key && key[0])) {
        rc = fm_error_set(FM_EPARSE, "exec plugin %s: ExecCredential has only one of clientCertificateData and clientKeyData",
                          e->command);
    }
    fm_time t = {0, 0};
    if (rc == 0 && exp && exp[0] && fm_codec_time_parse(&t, exp, strlen(exp)) < 0)
        rc = fm_error_set(FM_EPARSE, "exec plugin %s: bad status.expirationTimestamp \"%.40s\"", e->command, exp);
    if (rc == 0) {
        wipe_free(c->exec_token);
        blob_wipe(&c->exec_cert);
        blob_wipe(&c->exec_key);
        c->exec_token = tok && tok[0] ? tok : NULL;
        if (c->exec_token) tok = NULL;
        if (cert && cert[0]) {
            c->exec_cert.data = cert;
            c->exec_cert.len = strlen(cert);
            c->exec_key.data = key;
            c->exec_key.len = strlen(key);
            cert = key = NULL;
        }
        c->exec_expiry = exp && exp[0] ? (time_t)t.sec : 0;
        c->exec_valid = true;
    }
    wipe_free(tok);
    free(cert);
    wipe_free(key);
    free(exp);
done:
    fm_proc_result_free(&pr);
    fm_buf_free(&info);
    free(envp);
    free(argv);
    return rc;
}

/* ------------------------------------------------------------ credentials */

void fm_kube_cred_free(fm_kube_cred *k)
{
    wipe_free(k->bearer);
    blob_wipe(&k->cert);
    blob_wipe(&k->key);
    memset(k, 0, sizeof(*k));
}

/*
 * Reads the token file into c->file_token when it was never read, is older
 * than TOKEN_FILE_REFRESH_S, or force is set (after a 401). auth_mu held.
 * A read failure keeps the previous token when there is one.
 */
static int token_file_refresh(fm_kube_client *c, bool force)
{
    time_t now = time(NULL);
    if (!force && c->file_token && now - c->file_token_at < TOKEN_FILE_REFRESH_S) return 0;
    FILE *f = fopen(c->cfg->token_file, "r");
    if (!f) {
        if (c->file_token) return 0;
        return fm_error_set(FM_EIO, "token file %s: %s", c->cfg->token_file, strerror(errno));
    }
    fm_buf b = FM_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < (1u << 20)) fm_buf_put(&b, chunk, n);
    fclose(f);
    while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r' || b.data[b.len - 1] == ' '))
        b.data[--b.len] = 0;
    if (!b.len) {
        fm_buf_free(&b);
        if (c->file_token) return 0;
        return fm_error_set(FM_EIO, "token file %s: empty", c->cfg->token_file);
    }
    wipe_free(c->file_token);
    c->file_token = fm_buf_detach(&b);
    c->file_token_at = now;
    return 0;
}

int fm_kube_auth_get(fm_kube_cred *out, fm_kube_client *c, bool refresh)
{
    int rc = 0;
    memset(out, 0, sizeof(*out));
    pthread_mutex_lock(&c->auth_mu);
    if (c->cfg->exec) {
        bool expired = c->exec_expiry && time(NULL) >= c->exec_expiry;
        if (refresh || !c->exec_valid || expired) {
            c->exec_valid = false;
            rc = exec_run(c);
        }
        if (rc == 0) {
            out->from_exec = true;
            if (c->exec_token && !(out->bearer = fm_strdup(c->exec_token))) rc = FM_ENOMEM;
            if (rc == 0 && (fm_kube_blob_dup(&out->cert, &c->exec_cert) < 0 || fm_kube_blob_dup(&out->key, &c->exec_key) < 0))
                rc = FM_ENOMEM;
        }
    }
    if (rc == 0 && !out->bearer && c->cfg->token_file && (!c->cfg->exec || !out->cert.data)) {
        rc = token_file_refresh(c, refresh);
        if (rc == 0) {
            out->from_file = true;
            if (!(out->bearer = fm_strdup(c->file_token))) rc = FM_ENOMEM;
        }
    }
    if (rc == 0 && !out->bearer && c->cfg->token && !out->cert.data && !(out->bearer = fm_strdup(c->cfg->token)))
        rc = FM_ENOMEM;
    pthread_mutex_unlock(&c->auth_mu);
    if (rc == FM_ENOMEM) fm_error_set(FM_ENOMEM, "kube client: out of memory");
    if (rc < 0) fm_kube_cred_free(out);
    return rc;
}

/* ------------------------------------------------------------ on the handle */

void fm_kube_auth_apply(CURL *h, const fm_kube_config *cfg, const fm_kube_cred *k)
{
    const fm_kube_blob *cert = k->cert.data ? &k->cert : &cfg->client_cert;
    const fm_kube_blob *key = k->cert.data ? &k->key : &cfg->client_key;
    if (cert->data && key->data) {
        struct curl_blob cb = {cert->data, cert->len, CURL_BLOB_COPY};
        struct curl_blob kb = {key->data, key->len, CURL_BLOB_COPY};
        curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
        curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &cb);
        curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
        curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &kb);
    }

    /* Authentication: a bearer token wins over basic auth. */
    if (k->bearer) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BEARER);
        curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, k->bearer);
    } else if (cfg->username) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(h, CURLOPT_USERNAME, cfg->username);
        curl_easy_setopt(h, CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
    }
}

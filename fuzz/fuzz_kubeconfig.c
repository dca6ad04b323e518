/*
 * fuzz_kubeconfig.c - libFuzzer target for the kubeconfig loader.
 *
 * Two modes, chosen by the low bit of byte 0 (the rest is the YAML):
 *   even: fm_kube_config_load_string() on the text, as if it were the file
 *         <work>/config; bit 1 of byte 0 asks for context "c";
 *   odd:  the text is cut at NUL bytes into up to three files <work>/k0..k2,
 *         which are loaded through $KUBECONFIG=<work>/k0:<work>/k1:<work>/k2
 *         with fm_kube_config_load() (the kubectl merge rules).
 * <work> is a private directory under /dev/shm holding a copy of the test
 * fixtures' certs/ (so relative certificate-authority, client-key and
 * tokenFile paths sometimes resolve). The loader reads whatever file a
 * kubeconfig names, and a FIFO or an endless device would only measure the
 * kernel, so inputs that could name a file outside <work> are skipped:
 * those holding "..", a backslash (YAML escapes such as \x2f), or a '/'
 * that starts a word (an absolute path). "https://x" and "certs/ca.crt"
 * still pass.
 *
 * The target aborts unless a failure gives no config and a non-empty
 * one-line message starting with "kubeconfig" (or "in-cluster"), and a
 * success gives a config whose server is an http(s) URL without a trailing
 * '/', whose accessors are non-NULL, and from which a fm_kube_client can be
 * built (no request is sent). The whole input is also fed to
 * fm_kube_base64_decode(): a decoded result re-encodes to text that decodes to
 * the same bytes.
 */
#include "error.h"
#include "kube.h"
#include "kubeconfig.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUZZ_SOURCE_DIR
#define FUZZ_SOURCE_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char work[256];

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_kubeconfig: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) fail("cannot write", path);
    if (len && fwrite(data, 1, len, fp) != len) fail("short write", path);
    fclose(fp);
}

static void copy_fixture(const char *name)
{
    char src[512], dst[512], buf[8192];
    snprintf(src, sizeof(src), "%s/tests/fixtures/kubeconfig/certs/%s", FUZZ_SOURCE_DIR, name);
    snprintf(dst, sizeof(dst), "%s/certs/%s", work, name);
    FILE *fp = fopen(src, "rb");
    size_t n = 0;
    if (fp) {
        n = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
    }
    write_file(dst, buf, n);
}

/* Makes the private work directory once per process. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char certs[300];
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(work, sizeof(work), "%s/fm-fuzz-kubeconfig-%ld", base, (long)getpid());
    snprintf(certs, sizeof(certs), "%s/certs", work);
    if ((mkdir(work, 0700) != 0 && errno != EEXIST) || (mkdir(certs, 0700) != 0 && errno != EEXIST))
        fail("cannot create the work directory", work);
    copy_fixture("ca.crt");
    copy_fixture("client.crt");
    copy_fixture("client.key");
    copy_fixture("token");
    unsetenv("KUBERNETES_SERVICE_HOST");
    unsetenv("KUBERNETES_SERVICE_PORT");
    setenv("HOME", work, 1);
    return 0;
}

/* True when the input might name a file outside the work directory. */
static bool escapes_work(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        uint8_t c = data[i];
        if (c == '\\') return true;
        if (c == '.' && i + 1 < size && data[i + 1] == '.') return true;
        if (c == '/') {
            uint8_t p = i ? data[i - 1] : ' ';
            bool word = (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') || p == '.' ||
                        p == '_' || p == '-' || p == '/';
            /* ':' only as in "scheme:" ({"ca"://x} is an absolute path) */
            if (p == ':') word = i >= 2 && ((data[i - 2] | 0x20) >= 'a' && (data[i - 2] | 0x20) <= 'z');
            if (!word) return true;
        }
    }
    return false;
}

static void check_failure(const fm_kube_config *cfg)
{
    const char *m = fm_error_last()->message;
    if (cfg) fail("failed load returned a config", m);
    if (!m[0] || strchr(m, '\n')) fail("error message empty or not one line", m);
    if (strncmp(m, "kubeconfig", 10) != 0 && strncmp(m, "in-cluster", 10) != 0)
        fail("error message does not name the kubeconfig", m);
}

static void check_success(const fm_kube_config *cfg)
{
    const char *srv = fm_kube_config_server(cfg);
    size_t n = srv ? strlen(srv) : 0;
    if (!cfg->namespace_ || !fm_kube_config_namespace(cfg) || !fm_kube_config_context(cfg))
        fail("loaded config lacks namespace or context", NULL);
    if (!srv || (strncmp(srv, "http://", 7) != 0 && strncmp(srv, "https://", 8) != 0))
        fail("server is not an http(s) URL", srv);
    if (n > 8 && srv[n - 1] == '/') fail("server keeps a trailing '/'", srv);
    if ((cfg->client_cert.data == NULL) != (cfg->client_key.data == NULL) && !cfg->exec)
        fail("certificate without key accepted", NULL);
    fm_kube_client *c = NULL;
    fm_kube_client_opts o = {"fuzz", NULL, 100, 100, 0, 0};
    if (fm_kube_client_new(&c, cfg, &o) == 0) {
        if (!fm_kube_client_server(c) || !fm_kube_client_namespace(c) || !fm_kube_client_user_agent(c))
            fail("client accessors returned NULL", NULL);
    } else {
        const char *m = fm_error_last()->message;
        if (!m[0] || strchr(m, '\n')) fail("client error message empty or not one line", m);
    }
    fm_kube_client_free(c);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void check_base64(const uint8_t *data, size_t size)
{
    char *out = NULL, *again = NULL;
    size_t n = 0, n2 = 0;
    if (fm_kube_base64_decode(&out, &n, (const char *)data, size) != 0) {
        if (out) fail("failed base64 decode left output", NULL);
        return;
    }
    if (n > size) fail("base64 output longer than its input", NULL);
    if (out[n] != 0) fail("base64 output not NUL-terminated", NULL);
    char *enc = malloc((n + 2) / 3 * 4 + 1);
    size_t e = 0;
    if (!enc) abort();
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)(unsigned char)out[i] << 16;
        if (i + 1 < n) v |= (uint32_t)(unsigned char)out[i + 1] << 8;
        if (i + 2 < n) v |= (uint32_t)(unsigned char)out[i + 2];
        enc[e++] = b64[(v >> 18) & 63];
        enc[e++] = b64[(v >> 12) & 63];
        enc[e++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
        enc[e++] = i + 2 < n ? b64[v & 63] : '=';
    }
    enc[e] = 0;
    if (fm_kube_base64_decode(&again, &n2, enc, e) != 0 || n2 != n || memcmp(again, out, n) != 0)
        fail("base64 does not survive encode+decode", enc);
    free(enc);
    free(out);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    if (escapes_work(data + 1, size - 1)) return 0;
    check_base64(data + 1, size - 1);

    fm_kube_config *cfg = NULL;
    const char *yaml = (const char *)data + 1;
    size_t len = size - 1;
    int rc;
    fm_error_clear();
    if ((data[0] & 1) == 0) {
        char path[300];
        snprintf(path, sizeof(path), "%s/config", work);
        rc = fm_kube_config_load_string(&cfg, yaml, len, path, (data[0] & 2) ? "c" : NULL);
    } else {
        char list[1024], path[300];
        size_t off = 0, used = 0;
        list[0] = 0;
        for (int i = 0; i < 3; i++) {
            snprintf(path, sizeof(path), "%s/k%d", work, i);
            if (off > len) {
                unlink(path);
            } else {
                const char *nul = memchr(yaml + off, 0, len - off);
                size_t n = nul ? (size_t)(nul - (yaml + off)) : len - off;
                write_file(path, yaml + off, n);
                off += n + 1;
            }
            used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", i ? ":" : "", path);
        }
        setenv("KUBECONFIG", list, 1);
        fm_kube_config_opts o = {NULL, (data[0] & 2) ? "c" : NULL, NULL};
        rc = fm_kube_config_load(&cfg, &o);
    }
    if (rc == 0) {
        if (!cfg) fail("successful load gave no config", NULL);
        check_success(cfg);
    } else {
        check_failure(cfg);
    }
    fm_kube_config_free(cfg);
    fm_kube_config_free(NULL);
    return 0;
}

/*
 * rss_floor - the memory floor under foreman-agent.
 *
 * A program that does nothing but what every Kubernetes client built on
 * libcurl and OpenSSL must: keep one TLS connection to the API server and
 * send one small request over it every second. It links the very same
 * libraries the agent links (the minimal static libcurl, nghttp2 and
 * OpenSSL, the system's glibc), so its RSS is the part of the agent's RSS
 * that no change to Foreman's own code can remove.
 *
 *   rss_floor URL CA_FILE CERT_FILE KEY_FILE SECONDS
 *   rss_floor --idle SECONDS      (no request at all: glibc alone)
 *
 * After SECONDS it prints one line, "VmRSS RssAnon RssFile" in KiB, read
 * from /proc/self/status, and exits 0; any failed request exits 1 with the
 * reason.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t discard(char *p, size_t sz, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return sz * n;
}

static long status_kib(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t kl = strlen(key);
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':') {
            v = strtol(line + kl + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

static void report(void)
{
    printf("%ld %ld %ld\n", status_kib("VmRSS"), status_kib("RssAnon"), status_kib("RssFile"));
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--idle")) {
        sleep((unsigned)atoi(argv[2]));
        report();
        return 0;
    }
    if (argc != 6) {
        fprintf(stderr, "usage: rss_floor URL CA_FILE CERT_FILE KEY_FILE SECONDS | --idle SECONDS\n");
        return 2;
    }
    int seconds = atoi(argv[5]);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
    CURL *h = curl_easy_init();
    if (!h) return 1;
    char err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_URL, argv[1]);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(h, CURLOPT_CAINFO, argv[2]);
    curl_easy_setopt(h, CURLOPT_SSLCERT, argv[3]);
    curl_easy_setopt(h, CURLOPT_SSLKEY, argv[4]);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    for (int i = 0; i <= seconds; i++) {
        CURLcode rc = curl_easy_perform(h);
        long code = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
        if (rc != CURLE_OK || code != 200) {
            fprintf(stderr, "rss_floor: GET %s: %s (HTTP %ld)\n", argv[1],
                    err[0] ? err : curl_easy_strerror(rc), code);
            return 1;
        }
        if (i < seconds) sleep(1);
    }
    report();
    curl_easy_cleanup(h);
    curl_global_cleanup();
    return 0;
}

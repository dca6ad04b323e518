/*
 * kubeconfig.h - find and load the Kubernetes client configuration.
 *
 * fm_kube_config_load() resolves, in this order (the first source that exists
 * wins; later ones are not consulted):
 *
 *   1. opts->kubeconfig (the --kubeconfig flag): one file, must exist;
 *   2. $KUBECONFIG: a colon-separated list of files merged the kubectl way:
 *      for every clusters/users/contexts entry name, and for
 *      current-context, the first file that sets it wins; files in the list
 *      that do not exist are skipped (all missing is an error);
 *   3. in-cluster: $KUBERNETES_SERVICE_HOST and $KUBERNETES_SERVICE_PORT are
 *      set; token, ca.crt and namespace are read from opts->incluster_dir,
 *      else $FOREMAN_INCLUSTER_DIR, else
 *      /var/run/secrets/kubernetes.io/serviceaccount;
 *   4. ~/.kube/config ($HOME/.kube/config).
 *
 * opts->context (the --kube-context flag) picks a context by name, else the
 * merged current-context is used. The context's namespace is the default
 * namespace ("default" when it names none). Relative file paths inside a
 * kubeconfig (certificate-authority, client-certificate, client-key,
 * tokenFile, exec command containing a '/') resolve against the directory
 * of the file that defined the entry.
 *
 * Certificates and keys are read into memory at load time (file or -data
 * form); nothing is ever written to a temporary file. Tokens from
 * tokenFile and the in-cluster token are re-read by the client (at least
 * once a minute), so the config keeps the path.
 *
 * Errors are one line and name the file and, for YAML problems, the line:
 *   "kubeconfig /x/config:7: mapping values are not allowed in this context"
 *   "kubeconfig /x/config: context \"prod\" not found"
 *   "kubeconfig /x/config:12: users[0].user.client-key-data: invalid base64"
 * Messages never contain token, password or key material.
 */
#ifndef FOREMAN_KUBECONFIG_H
#define FOREMAN_KUBECONFIG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where to look; every member may be NULL (then the default applies). */
typedef struct fm_kube_config_opts {
    const char *kubeconfig;    /* explicit kubeconfig file (--kubeconfig) */
    const char *context;       /* context name (--kube-context) */
    const char *incluster_dir; /* service-account dir; default
                                  $FOREMAN_INCLUSTER_DIR, then
                                  /var/run/secrets/kubernetes.io/serviceaccount */
} fm_kube_config_opts;

/* An exec credential plugin (users[].user.exec). */
typedef struct fm_kube_exec_config {
    char *api_version;   /* client.authentication.k8s.io/v1 or v1beta1 */
    char *command;       /* resolved path when it contained a '/' */
    char **args;         /* argv[1..], n_args entries */
    size_t n_args;
    char **env;          /* "NAME=value" strings, n_env entries */
    size_t n_env;
    bool provide_cluster_info;
    char *interactive_mode; /* Never, IfAvailable, Always (informative) */
} fm_kube_exec_config;

/* A byte blob held in memory (PEM certificate, key, CA bundle). */
typedef struct fm_kube_blob {
    char *data;          /* NUL-terminated for convenience; NULL = absent */
    size_t len;
} fm_kube_blob;

/*
 * The resolved configuration: one cluster, one user, one namespace.
 * Treat as read-only after fm_kube_config_load(); fm_kube_config_free() releases it.
 */
typedef struct fm_kube_config {
    char *source;        /* file path, "$KUBECONFIG list", or "in-cluster" */
    bool in_cluster;
    char *context;       /* context name ("" in-cluster) */
    char *cluster_name;
    char *user_name;
    char *namespace_;    /* never NULL after a successful load */

    /* cluster */
    char *server;        /* "https://host:port[/prefix]", no trailing '/' */
    char *tls_server_name;
    char *proxy_url;
    bool insecure_skip_tls_verify;
    fm_kube_blob ca;        /* PEM bundle; absent = system trust store */

    /* user (any combination the server accepts) */
    fm_kube_blob client_cert;   /* PEM */
    fm_kube_blob client_key;    /* PEM */
    char *token;             /* static bearer token */
    char *token_file;        /* re-read periodically by the client */
    char *username;          /* basic auth */
    char *password;
    fm_kube_exec_config *exec;  /* NULL when none */

    /* Set when the config is valid but risky (insecure-skip-tls-verify);
     * the main may log it. NULL when none. */
    char *warning;
} fm_kube_config;

/*
 * Loads the configuration as described at the top of this file.
 * On success *out is the caller's (free with fm_kube_config_free) and 0 is
 * returned; otherwise a negative FM_E* code (FM_EIO missing/unreadable file,
 * FM_EPARSE malformed YAML or base64, FM_EINVAL missing/contradictory entries,
 * FM_ENOTFOUND no configuration anywhere) with a one-line message.
 */
int fm_kube_config_load(fm_kube_config **out, const fm_kube_config_opts *opts);

/*
 * Loads a kubeconfig from YAML text in memory, as if read from `path`
 * (used for error messages and to resolve relative paths; may be NULL, then
 * the working directory is used). context as in fm_kube_config_opts.
 */
int fm_kube_config_load_string(fm_kube_config **out, const char *yaml, size_t len,
                            const char *path, const char *context);

/* Builds an in-cluster configuration from $KUBERNETES_SERVICE_HOST/_PORT and
 * the files in dir (NULL = the default directory described above). */
int fm_kube_config_load_incluster(fm_kube_config **out, const char *dir);

void fm_kube_config_free(fm_kube_config *cfg);

/* Borrowed accessors (never NULL for a loaded config, except as noted). */
const char *fm_kube_config_namespace(const fm_kube_config *cfg);
const char *fm_kube_config_server(const fm_kube_config *cfg);
const char *fm_kube_config_context(const fm_kube_config *cfg);
const char *fm_kube_config_warning(const fm_kube_config *cfg); /* NULL when none */

/*
 * Decodes standard base64 (padding optional, whitespace ignored) into a
 * malloc'd NUL-terminated buffer. Returns 0, FM_EPARSE on bad input, or
 * FM_ENOMEM. Exposed for the exec plugin and the tests.
 */
int fm_kube_base64_decode(char **out, size_t *out_len, const char *in, size_t len);

#ifdef __cplusplus
}
#endif
#endif

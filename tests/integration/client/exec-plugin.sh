#!/bin/sh
# A client.authentication.k8s.io exec credential plugin for the client's
# integration tests. It hands out the token in $PLUGIN_TOKEN_FILE, counts its
# runs in $PLUGIN_COUNT_FILE, and, when $PLUGIN_EXPIRY_SECONDS is set, says
# the credential expires that many seconds from now. With $PLUGIN_CERT_FILE
# and $PLUGIN_KEY_FILE it hands out that client certificate instead.
set -eu
case "${KUBERNETES_EXEC_INFO:-}" in
    *'"kind":"ExecCredential"'*) ;;
    *) echo "exec-plugin: KUBERNETES_EXEC_INFO missing" >&2; exit 2 ;;
esac
api=${PLUGIN_API_VERSION:-client.authentication.k8s.io/v1}
n=0
[ -f "$PLUGIN_COUNT_FILE" ] && n=$(cat "$PLUGIN_COUNT_FILE")
n=$((n + 1))
echo "$n" >"$PLUGIN_COUNT_FILE"
if [ -n "${PLUGIN_CERT_FILE:-}" ]; then
    # PEM text as a JSON string: newlines become \n
    cert=$(awk '{printf "%s\\n", $0}' "$PLUGIN_CERT_FILE")
    key=$(awk '{printf "%s\\n", $0}' "$PLUGIN_KEY_FILE")
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s"}}\n' \
        "$api" "$cert" "$key"
    exit 0
fi
token=$(cat "$PLUGIN_TOKEN_FILE")
exp=""
if [ -n "${PLUGIN_EXPIRY_SECONDS:-}" ]; then
    exp=$(date -u -d "+${PLUGIN_EXPIRY_SECONDS} seconds" +%Y-%m-%dT%H:%M:%SZ)
    exp=",\"expirationTimestamp\":\"$exp\""
fi
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s"%s}}\n' "$api" "$token" "$exp"

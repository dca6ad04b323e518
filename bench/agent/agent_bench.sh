#!/usr/bin/env bash
# agent_bench.sh - measures foreman-agent against a real API server:
#   binary size; RSS (total, anonymous, proportional) idle with the default
#   30 s heartbeat and while heartbeating every second; CPU time per
#   heartbeat (from /proc/PID/schedstat, nanoseconds on CPU); and the time
#   from a task being set Scheduled to the agent's claim.
# Usage: agent_bench.sh [SECONDS]   (heartbeat sampling window, default 30)
# Needs KUBECONFIG/TESTENV_DIR of a running control plane and FOREMAN_BIN.
set -uo pipefail
. "$TESTENV_DIR/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"
AGENT=$FOREMAN_BIN/foreman-agent
WINDOW=${1:-30}
NODE=bench-agent-$$
NS=bench-agent-$$
WORK=$(mktemp -d)
PID=
cleanup() {
    [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null
    $K delete fleetnode "$NODE" >/dev/null 2>&1
    $K delete namespace "$NS" --wait=false >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
$K create namespace "$NS" >/dev/null

kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
pss() { awk '$1 == "Pss:" {print $2}' "/proc/$1/smaps_rollup"; }
# CPU time of every live thread (the process's own schedstat is the main
# thread's only); the heartbeat thread lives as long as the process.
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{s += $1} END {printf "%d", s}'; }
report_mem() { # label pid
    printf '%-34s RSS %6d KiB  (anonymous %5d KiB, file-backed %5d KiB, PSS %5d KiB), %d threads\n' \
        "$1" "$(kb "$2" VmRSS)" "$(kb "$2" RssAnon)" "$(kb "$2" RssFile)" "$(pss "$2")" "$(kb "$2" Threads)"
}

echo "binary: $(stat -c %s "$AGENT") bytes ($(size "$AGENT" | awk 'NR==2 {print $1}') bytes text); stripped: $(strip -o "$WORK/stripped" "$AGENT" && stat -c %s "$WORK/stripped") bytes"
echo "shared libraries: $(ldd "$AGENT" | wc -l)"

# 1. idle, default heartbeat interval
"$AGENT" --fleet-node-name "$NODE" --task-namespace "$NS" >"$WORK/idle.log" 2>&1 &
PID=$!
sleep 5
report_mem "idle (30s heartbeat, after 5 s)" "$PID"
kill -TERM "$PID"; wait "$PID"; PID=

# 2. heartbeating every second
"$AGENT" --fleet-node-name "$NODE" --task-namespace "$NS" --heartbeat-interval 1s -v 1 >"$WORK/hb.log" 2>&1 &
PID=$!
sleep 3
# Working set: clear the pages' referenced bits, then count the pages the
# window touched (smaps "Referenced"). RSS also counts pages the kernel
# mapped around each fault (fault-around, 64 KiB windows of file pages)
# that the program never used.
echo 1 >"/proc/$PID/clear_refs" 2>/dev/null || true
c0=$(cpu_ns "$PID"); b0=$(grep -c 'heartbeat sent' "$WORK/hb.log")
sleep "$WINDOW"
c1=$(cpu_ns "$PID"); b1=$(grep -c 'heartbeat sent' "$WORK/hb.log")
beats=$((b1 - b0))
report_mem "heartbeating every 1 s (${WINDOW} s)" "$PID"
awk -v w="$WINDOW" '/^[0-9a-f]+-[0-9a-f]+ / {anon = ($6 == "" || $6 ~ /^\[/)}
     /^Referenced:/ {t += $2; if (anon) a += $2}
     END {printf "working set over the %d s window (pages referenced): %d KiB (anonymous %d KiB, file-backed %d KiB)\n", w, t, a, t - a}' \
    "/proc/$PID/smaps"
awk -v c=$((c1 - c0)) -v b="$beats" 'BEGIN { printf "CPU per heartbeat: %.3f ms (%d beats, %.1f ms CPU in total, idle time included)\n", c / b / 1e6, b, c / 1e6 }'
echo "heartbeat failures: $(grep -c 'heartbeat failed' "$WORK/hb.log")"

# The floor: bench/agent/rss_floor.c links the same libcurl, nghttp2, OpenSSL
# and glibc and does only one TLS request a second; its RSS is what the
# agent's would be with none of Foreman's own code.
if [ -x "$FOREMAN_BIN/rss_floor" ]; then
    read -r fr fa ff < <("$FOREMAN_BIN/rss_floor" --idle 2)
    printf '%-34s RSS %6d KiB  (anonymous %5d KiB, file-backed %5d KiB)\n' "floor: glibc alone, idle" "$fr" "$fa" "$ff"
    P=$TESTENV_DIR/pki
    if read -r fr fa ff < <("$FOREMAN_BIN/rss_floor" "$TESTENV_SERVER/version" "$P/ca.crt" "$P/admin.crt" "$P/admin.key" 10); then
        printf '%-34s RSS %6d KiB  (anonymous %5d KiB, file-backed %5d KiB)\n' "floor: libcurl+OpenSSL, 1 req/s" "$fr" "$fa" "$ff"
    fi
fi

# 3. claim latency: Scheduled (patch returned) -> "task claimed" log line
CURL=(curl -sf --cacert "$TESTENV_DIR/pki/ca.crt" --cert "$TESTENV_DIR/pki/admin.crt" --key "$TESTENV_DIR/pki/admin.key")
kill -TERM "$PID"; wait "$PID"
"$AGENT" --fleet-node-name "$NODE" --task-namespace "$NS" --stub-sleep 0s >"$WORK/claim.log" 2>&1 &
PID=$!
sleep 2
lat=()
for i in $(seq 1 10); do
    $K apply -n "$NS" -f - >/dev/null <<J
{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"b$i","labels":{"foreman.llmkube.dev/assigned-node":"$NODE"}},"spec":{"kind":"verify","payload":{}}}
J
    sleep 0.5
    "${CURL[@]}" -X PATCH -H 'Content-Type: application/merge-patch+json' \
        -d "{\"status\":{\"phase\":\"Scheduled\",\"assignedNode\":\"$NODE\"}}" \
        "$TESTENV_SERVER/apis/foreman.llmkube.dev/v1alpha1/namespaces/$NS/agentictasks/b$i/status" >/dev/null
    t1=$(date +%s%3N)
    for j in $(seq 1 100); do grep -q "task claimed\" task=b$i " "$WORK/claim.log" && break; sleep 0.02; done
    ts=$(sed -n "s/^ts=\([^ ]*\) .*task claimed\" task=b$i .*/\1/p" "$WORK/claim.log")
    tc=$(date -d "$ts" +%s%3N)
    lat+=($((tc - t1)))
done
echo "Scheduled -> claimed (ms after the Scheduled patch returned, 10 tasks): ${lat[*]}"
printf '%s\n' "${lat[@]}" | sort -n | awk '{a[NR]=$1} END {printf "claim latency: median %d ms, max %d ms\n", a[int((NR+1)/2)], a[NR]}'
report_mem "after 10 tasks" "$PID"
kill -TERM "$PID"; wait "$PID"; PID=

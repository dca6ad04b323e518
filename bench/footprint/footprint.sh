#!/usr/bin/env bash
# footprint.sh BIN_DIR [RUNS] - footprint of the two programs
# (docs/performance.md, "Footprint"):
#   - binary sizes of foreman-operator and foreman-agent, unstripped and
#     stripped, with their text size and shared-library count;
#   - start-up time to ready, RUNS times each (default 3): operator from
#     exec until /readyz on its health port answers 200; agent from exec
#     until its FleetNode shows status.phase Ready (polled every 10 ms);
#   - RSS of each 10 s after start (VmRSS, RssAnon, RssFile, Pss);
#   - agent CPU per heartbeat: --heartbeat-interval 1s for 20 s, utime+stime
#     from /proc/PID/stat (10 ms ticks, so coarse) and, precisely, the sum
#     of /proc/PID/task/*/schedstat (ns), divided by the heartbeats sent.
# Starts its own control plane (tests/testenv) in a temporary directory and
# always stops it again; the operator and agent run against it one at a
# time, so neither sees the other's writes.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TESTENV=$ROOT/tests/testenv/testenv
BIN=$(cd "${1:?usage: footprint.sh BIN_DIR [RUNS]}" && pwd)
RUNS=${2:-3}
OP=$BIN/foreman-operator
AG=$BIN/foreman-agent
DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-footprint.XXXXXX")
PID=
cleanup() {
    if [ -n "$PID" ]; then kill -KILL "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    "$TESTENV" stop "$DIR" || true
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) CPUs, $(uptime)"
echo "== binaries"
for b in "$OP" "$AG"; do
    strip -o "$DIR/stripped" "$b"
    printf '%-17s %9d bytes unstripped, %8d bytes stripped, text %8d bytes, %d shared libraries\n' \
        "$(basename "$b")" "$(stat -c %s "$b")" "$(stat -c %s "$DIR/stripped")" \
        "$(size "$b" | awk 'NR == 2 {print $1}')" "$(ldd "$b" | wc -l)"
done
rm -f "$DIR/stripped"

"$TESTENV" start "$DIR" 2>"$DIR/testenv.log" || { cat "$DIR/testenv.log" >&2; exit 1; }
. "$DIR/env"
CURL=(curl -s --cacert "$DIR/pki/ca.crt" --cert "$DIR/pki/admin.crt" --key "$DIR/pki/admin.key")
NODE_URL=$TESTENV_SERVER/apis/foreman.llmkube.dev/v1alpha1/fleetnodes/bench-1

now_ms() { date +%s%3N; }
kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
pss() { awk '$1 == "Pss:" {print $2}' "/proc/$1/smaps_rollup"; }
report_mem() { # label pid
    printf '%-36s VmRSS %6d KiB (anon %5d, file %5d), PSS %5d KiB, %d threads\n' "$1" \
        "$(kb "$2" VmRSS)" "$(kb "$2" RssAnon)" "$(kb "$2" RssFile)" "$(pss "$2")" "$(kb "$2" Threads)"
}
stop() { # stops $PID and waits for it
    kill -TERM "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== foreman-operator"
for run in $(seq 1 "$RUNS"); do
    port=$(free_port)
    t0=$(now_ms)
    "$OP" --kubeconfig "$KUBECONFIG" --health-probe-bind-address "127.0.0.1:$port" \
        --metrics-bind-address 0 >"$DIR/operator.log" 2>&1 &
    PID=$!
    ok=
    for _ in $(seq 1 3000); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
        if [ "$code" = 200 ]; then ok=1; break; fi
        kill -0 "$PID" 2>/dev/null || { cat "$DIR/operator.log" >&2; echo "operator exited" >&2; exit 1; }
        sleep 0.01
    done
    [ -n "$ok" ] || { echo "operator not ready after 30 s" >&2; exit 1; }
    echo "start-up to /readyz 200, run $run: $(($(now_ms) - t0)) ms"
    if [ "$run" = "$RUNS" ]; then
        sleep $((10 - ($(now_ms) - t0) / 1000))
        report_mem "operator RSS 10 s after start" "$PID"
    fi
    stop
done

echo "== foreman-agent"
for run in $(seq 1 "$RUNS"); do
    "${CURL[@]}" -X DELETE "$NODE_URL" >/dev/null || true
    for _ in $(seq 1 200); do
        [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$NODE_URL")" = 404 ] && break
        sleep 0.05
    done
    t0=$(now_ms)
    "$AG" --kubeconfig "$KUBECONFIG" --fleet-node-name bench-1 --heartbeat-interval 1s \
        --agent-mode stub -v 1 >"$DIR/agent.log" 2>&1 &
    PID=$!
    ok=
    for _ in $(seq 1 3000); do
        if "${CURL[@]}" "$NODE_URL" | grep -Eq '"phase": ?"Ready"'; then ok=1; break; fi
        kill -0 "$PID" 2>/dev/null || { cat "$DIR/agent.log" >&2; echo "agent exited" >&2; exit 1; }
        sleep 0.01
    done
    [ -n "$ok" ] || { echo "agent's FleetNode not Ready after 30 s" >&2; exit 1; }
    echo "start-up to FleetNode Ready, run $run: $(($(now_ms) - t0)) ms"
    [ "$run" = "$RUNS" ] || stop
done
sleep $((10 - ($(now_ms) - t0) / 1000))
report_mem "agent RSS 10 s after start (1 s beat)" "$PID"

# CPU per heartbeat over 20 s of the same agent (already past start-up).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sched_ns() { cat /proc/"$1"/task/*/schedstat | awk '{s += $1} END {printf "%d", s}'; }
beats() { grep -c 'heartbeat sent' "$DIR/agent.log" || true; }
hz=$(getconf CLK_TCK)
j0=$(ticks "$PID"); s0=$(sched_ns "$PID"); b0=$(beats)
sleep 20
j1=$(ticks "$PID"); s1=$(sched_ns "$PID"); b1=$(beats)
n=$((b1 - b0))
awk -v j=$((j1 - j0)) -v hz="$hz" -v s=$((s1 - s0)) -v n="$n" 'BEGIN {
    if (n <= 0) { print "no heartbeats counted"; exit 1 }
    printf "agent CPU per heartbeat (20 s, %d beats): utime+stime %.2f ms/beat (%d ticks of %.0f ms), schedstat %.3f ms/beat\n",
        n, j * 1000 / hz / n, j, 1000 / hz, s / 1e6 / n }'
echo "heartbeat failures: $(grep -c 'heartbeat failed' "$DIR/agent.log" || true)"
stop
echo "machine after: $(uptime)"

#!/usr/bin/env bash
# The native loop against a real llama-server (SmolLM2-135M-Instruct), built
# once by tests/llm/llmenv and cached in ~/.cache/foreman/llm. Exit 77
# (CTest: skipped) only when the server cannot be built here; the reason is
# printed. Also prints the agent's share of wall time (bench_llm real).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if ! paths=$("$HERE/llmenv" paths 2>/dev/null); then
    echo "test_llm_real: building llama-server and fetching the model (once; about 21 min on 2 cores)"
    if ! paths=$("$HERE/llmenv" build | tail -1); then
        echo "SKIP: llama-server could not be built (see the output above); the real-model test needs it"
        exit 77
    fi
fi
read -r SERVER MODEL TEMPLATE <<<"$paths"
LOG=$(mktemp /tmp/foreman-llama-server.XXXXXX.log)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$SERVER" -m "$MODEL" --chat-template-file "$TEMPLATE" --jinja --host 127.0.0.1 --port "$PORT" -c 4096 -t 1 \
    >"$LOG" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    kill -0 $SPID 2>/dev/null || { echo "llama-server exited:"; tail -20 "$LOG"; exit 1; }
    sleep 0.2
done
export FOREMAN_LLM_URL=http://127.0.0.1:$PORT
"$FOREMAN_BIN/llm_real_driver" || exit 1
[ -x "$FOREMAN_BIN/bench_llm" ] && "$FOREMAN_BIN/bench_llm" real
exit 0

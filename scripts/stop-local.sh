#!/usr/bin/env bash
# `make stop-local`: stops the operator, agents and control plane that
# `make run-local` started. The state in .local/ is kept for the next run.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOCAL=${LOCAL_DIR:-$ROOT/.local}
for f in "$LOCAL"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -TERM "$pid" 2>/dev/null && for _ in $(seq 1 70); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    rm -f "$f"
done
"$ROOT/tests/testenv/testenv" stop "$LOCAL/cp"
echo "stopped"

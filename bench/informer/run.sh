#!/usr/bin/env bash
# run.sh BENCH_INFORMER [ARGS...] - starts a private control plane
# (tests/testenv) in a temporary directory, runs the informer benchmark
# against it and always stops it again (trap), whatever happens.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TESTENV=$ROOT/tests/testenv/testenv
BIN=$1
shift
DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-informer.XXXXXX")
cleanup() {
    "$TESTENV" stop "$DIR" || true
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$TESTENV" start "$DIR"
. "$DIR/env"
echo "machine: $(nproc) CPUs, $(uptime)"
"$BIN" "$@"
echo "machine after: $(uptime)"

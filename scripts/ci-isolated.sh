#!/usr/bin/env bash
# ci-isolated.sh - runs the unit suite from a copy of the repository in a
# fresh directory with nothing beside it, as a plain `git clone` would be.
#
# A test that reads a file outside the repository (a sibling folder, a
# developer's checkout layout) passes in a development tree and fails for a
# new user. This stage catches it: it copies every file git tracks, plus
# untracked files git does not ignore (so uncommitted work is checked too),
# into $TMPDIR/foreman-isolated.XXXX/repo, where the parent holds only that
# copy, then configures, builds and runs `ctest -L unit` there.
#
# Environment: JOBS (compile jobs, default 2), KEEP=1 keeps the copy.
# Exit status: ctest's, or 1 when the copy or the build fails.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-2}
PARENT=$(mktemp -d "${TMPDIR:-/tmp}/foreman-isolated.XXXXXX")
COPY=$PARENT/repo
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$PARENT"; }
trap cleanup EXIT

start=$(date +%s)
mkdir -p "$COPY"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 -r cp --parents -P -t "$COPY" 2>/dev/null) || true
# Files deleted in the work tree but still tracked make cp complain above;
# what matters is that everything present was copied.
[ -f "$COPY/CMakeLists.txt" ] || { echo "ci-isolated: copying the repository failed" >&2; exit 1; }
echo "ci-isolated: $(find "$COPY" -type f | wc -l) files in $COPY (nothing beside it: $(ls -A "$PARENT" | tr '\n' ' '))"

cd "$COPY"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$JOBS" >/dev/null
cd build
rc=0
ctest --output-on-failure -L unit || rc=$?
echo "ci-isolated: unit suite from an isolated copy: rc=$rc in $(($(date +%s) - start)) s"
exit $rc

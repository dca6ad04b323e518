#!/usr/bin/env bash
# The fault suite's invariant checker (faults/checker.py) checked itself:
# a clean synthetic run passes and each invariant, broken on purpose, fails
# with its own violation kind (faults/selftest.py). Needs no cluster, but
# lives with the fault tests it guards.
set -uo pipefail
exec python3 "$(dirname "$0")/faults/selftest.py"

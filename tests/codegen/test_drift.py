"""Drift: the committed generated tree equals a fresh run of the generator.

Regenerates everything (C sources, round-trip test, CRDs, chart CRDs, API
reference) into a temporary directory with --out and compares it file by
file with the repository; files the generator would not write are drift
too. Fix a failure with `make charts` (which also runs `make generate`).
"""

import filecmp
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(SRC, "codegen", "foremangen.py")
# Directories the generator owns entirely, and single files it owns.
OWNED_DIRS = ["generated", os.path.join("charts", "foreman", "templates", "crds")]
OWNED_FILES = [os.path.join("docs", "api-reference.md")]


def tree(base, rel):
    """Relative paths of the files under base/rel (caches skipped)."""
    out = set()
    top = os.path.join(base, rel)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            out.add(os.path.relpath(os.path.join(dirpath, name), base))
    return out


class Drift(unittest.TestCase):
    def test_committed_tree_is_current(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run([sys.executable, GEN, "--root", SRC, "--out", tmp, "--charts"],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            fresh, committed = set(OWNED_FILES), set(OWNED_FILES)
            for d in OWNED_DIRS:
                fresh |= tree(tmp, d)
                committed |= tree(SRC, d)
            self.assertEqual(sorted(committed - fresh), [], "files the generator no longer writes")
            self.assertEqual(sorted(fresh - committed), [], "generated files missing from the tree")
            stale = [rel for rel in sorted(fresh)
                     if not filecmp.cmp(os.path.join(tmp, rel), os.path.join(SRC, rel), shallow=False)]
            self.assertEqual(stale, [], "out of date; run `make charts`")

    def test_check_mode_agrees(self):
        r = subprocess.run([sys.executable, GEN, "--root", SRC, "--check", "--charts"],
                           capture_output=True, text=True)
        self.assertEqual((r.returncode, r.stderr), (0, ""))


if __name__ == "__main__":
    unittest.main()

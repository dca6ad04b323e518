"""Go-written objects of every kind survive the C codec unchanged.

Each tests/fixtures/head-objects/<kind>.json (every field of the Go
project's current CRDs set somewhere) goes through fm_echo (decode with the
generated C types, encode): the JSON that comes back must equal the input,
and no struct may keep members the schema does not model (--strict).
"""

import glob
import json
import os
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
BIN = os.environ.get("FOREMAN_BIN") or os.path.join(SRC, "build", "bin")
OBJECTS = os.path.join(SRC, "tests", "fixtures", "head-objects")
KINDS = {"agent": "Agent", "agentictask": "AgenticTask", "agentrelease": "AgentRelease",
         "fleetnode": "FleetNode", "modelprofile": "ModelProfile", "workload": "Workload"}


class HeadObjects(unittest.TestCase):
    def test_one_sample_per_kind(self):
        names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(OBJECTS, "*.json")))
        self.assertEqual(names, sorted(KINDS))

    def test_round_trip_unchanged(self):
        echo = os.path.join(BIN, "fm_echo")
        self.assertTrue(os.path.exists(echo), f"{echo} not built")
        for name, kind in sorted(KINDS.items()):
            with self.subTest(kind=kind):
                with open(os.path.join(OBJECTS, name + ".json"), encoding="utf-8") as f:
                    text = f.read()
                r = subprocess.run([echo, kind, "--strict"], input=text, capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout), json.loads(text))


if __name__ == "__main__":
    unittest.main()

"""Generator behaviour: naming rules, determinism, write-only-when-changed,
--list-inputs/--list-outputs, --check, and output that compiles."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(SRC, "codegen", "foremangen.py")
sys.path.insert(0, os.path.join(SRC, "codegen"))
import naming  # noqa: E402

CFLAGS = ["-std=gnu11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-Wshadow",
          "-Wpointer-arith", "-Wstrict-prototypes", "-Wmissing-prototypes",
          "-Wno-unused-parameter", "-Wformat=2", "-Wvla"]


def run(*args):
    return subprocess.run([sys.executable, GEN, "--root", SRC, *args], capture_output=True, text=True)


class Naming(unittest.TestCase):
    def test_field_names(self):
        cases = {
            "minRAMGB": "min_ram_gb", "availableRAMGB": "available_ram_gb", "apiVersion": "api_version",
            "tokensPerSecond": "tokens_per_second", "memoryMiB": "memory_mib",
            "freeMemoryMiB": "free_memory_mib", "commitSHA": "commit_sha", "uid": "uid",
            "lastHeartbeatTime": "last_heartbeat_time", "x": "x", "HTTPServer": "http_server",
            "int32Value": "int32_value", "continue": "continue_", "default": "default_",
        }
        for json, c in cases.items():
            self.assertEqual(naming.field_cname(json), c, json)

    def test_type_and_enum_names(self):
        self.assertEqual(naming.type_cname("fm", "GPUInfo"), "fm_gpu_info")
        self.assertEqual(naming.type_cname("fm", "AgenticTaskSpec"), "fm_agentic_task_spec")
        self.assertEqual(naming.type_cname("fm_k8s", "ObjectMeta"), "fm_k8s_object_meta")
        self.assertEqual(naming.enum_const("fm_verdict", "NO-GO"), "FM_VERDICT_NO_GO")
        self.assertEqual(naming.enum_const("fm_verdict", "GATE-PASS"), "FM_VERDICT_GATE_PASS")
        self.assertEqual(naming.enum_const("fm_k8s_condition_status", "True"), "FM_K8S_CONDITION_STATUS_TRUE")
        self.assertEqual(naming.enum_const("fm_node_phase", "NotReady"), "FM_NODE_PHASE_NOT_READY")
        self.assertEqual(naming.enum_const("fm_task_kind", "issue-fix"), "FM_TASK_KIND_ISSUE_FIX")

    def test_c_string(self):
        self.assertEqual(naming.c_string('a"b\\c\n'), '"a\\"b\\\\c\\n"')
        self.assertEqual(naming.c_string("\u00e9a"), '"\\xc3\\xa9" "a"')
        self.assertEqual(naming.c_string("??="), '"\\?\\?="')


class Runs(unittest.TestCase):
    def test_deterministic_and_writes_only_changes(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(run("--out", tmp, "--charts").returncode, 0)
            listed = run("--out", tmp, "--charts", "--list-outputs").stdout.split()
            self.assertTrue(listed)
            mtimes = {}
            for p in listed:
                self.assertTrue(os.path.isfile(p), p)
                os.utime(p, (1, 1))
                mtimes[p] = os.stat(p).st_mtime
            with open(listed[0], "rb") as f:
                first = f.read()
            self.assertEqual(run("--out", tmp, "--charts").returncode, 0)
            for p in listed:
                self.assertEqual(os.stat(p).st_mtime, mtimes[p], f"{p} rewritten without change")
            with open(listed[0], "rb") as f:
                self.assertEqual(f.read(), first)
            # --check notices an edited output and names it.
            with open(listed[0], "ab") as f:
                f.write(b"\n")
            r = run("--out", tmp, "--charts", "--check")
            self.assertEqual(r.returncode, 1)
            self.assertIn(os.path.relpath(listed[0], tmp), r.stderr)

    def test_list_inputs(self):
        r = run("--list-inputs")
        self.assertEqual(r.returncode, 0)
        names = [os.path.relpath(p, SRC) for p in r.stdout.split()]
        for want in ("schema/foreman.v1alpha1.yaml", "schema/k8s.core.yaml", "codegen/foremangen.py",
                     "codegen/model.py", "codegen/templates/header.h.j2"):
            self.assertIn(want, names)

    def test_no_timestamps(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(run("--out", tmp).returncode, 0)
            for dirpath, _, files in os.walk(tmp):
                for name in files:
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        text = f.read()
                    self.assertNotRegex(text, r"20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:", name)
                    first = text.split("\n", 1)[0] + text.split("\n", 2)[1]
                    if "fixtures" in dirpath:  # generated from tests/codegen/good/
                        self.assertIn("Generated from tests/codegen/good/", first)
                    else:
                        self.assertIn("Generated from schema/", first)

    def test_generated_c_compiles(self):
        self.assertIsNotNone(shutil.which("cc"), "a C compiler is needed")
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(run("--out", tmp).returncode, 0)
            for name in ("k8s_core.c", "foreman_v1alpha1.c", os.path.join("tests", "test_generated_roundtrip.c")):
                r = subprocess.run(["cc", *CFLAGS, "-I", os.path.join(SRC, "runtime", "core"), "-I", os.path.join(SRC, "runtime", "codec"),
                                    "-I", os.path.join(tmp, "generated"), "-I", os.path.join(SRC, "tests"),
                                    "-c", os.path.join(tmp, "generated", name), "-o", os.path.join(tmp, "x.o")],
                                   capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, f"{name}:\n{r.stderr}")


if __name__ == "__main__":
    unittest.main()

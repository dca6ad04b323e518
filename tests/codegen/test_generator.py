"""Generator behaviour: naming rules, determinism, write-only-when-changed,
--list-inputs/--list-outputs, --check, and output that compiles; and that
hand-written C reaches the schema only through generated names (presence
accessors, constants), so a schema edit either still works or fails to
compile."""

import contextlib
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(SRC, "codegen", "foremangen.py")
sys.path.insert(0, os.path.join(SRC, "codegen"))
import foremangen  # noqa: E402
import model  # noqa: E402
import naming  # noqa: E402

CFLAGS = ["-std=gnu11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-Wshadow",
          "-Wpointer-arith", "-Wstrict-prototypes", "-Wmissing-prototypes",
          "-Wno-unused-parameter", "-Wformat=2", "-Wvla"]


def run(*args):
    """The generator's command line, in a child process (kept for the one
    test of the CLI's exit status and messages)."""
    return subprocess.run([sys.executable, GEN, "--root", SRC, *args], capture_output=True, text=True)


def run_here(*args):
    """The generator in this process: (exit status, stdout). A Python start
    and a fresh parse per run made this suite the unit label's slowest."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = foremangen.main(["--root", SRC, *args])
    return rc, out.getvalue()


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
    """One generation into a temporary tree, shared by the tests below."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.tmp = cls._tmp.name
        rc, _ = run_here("--out", cls.tmp, "--charts")
        assert rc == 0

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_deterministic_and_writes_only_changes(self):
        tmp = self.tmp
        rc, out = run_here("--out", tmp, "--charts", "--list-outputs")
        self.assertEqual(rc, 0)
        listed = out.split()
        self.assertTrue(listed)
        mtimes = {}
        for p in listed:
            self.assertTrue(os.path.isfile(p), p)
            os.utime(p, (1, 1))
            mtimes[p] = os.stat(p).st_mtime
        with open(listed[0], "rb") as f:
            first = f.read()
        self.assertEqual(run_here("--out", tmp, "--charts")[0], 0)
        for p in listed:
            self.assertEqual(os.stat(p).st_mtime, mtimes[p], f"{p} rewritten without change")
        with open(listed[0], "rb") as f:
            self.assertEqual(f.read(), first)
        # --check (the command line, in a child) notices an edited output
        # and names it.
        try:
            with open(listed[0], "ab") as f:
                f.write(b"\n")
            r = run("--out", tmp, "--charts", "--check")
            self.assertEqual(r.returncode, 1)
            self.assertIn(os.path.relpath(listed[0], tmp), r.stderr)
        finally:
            with open(listed[0], "wb") as f:
                f.write(first)

    def test_list_inputs(self):
        rc, out = run_here("--list-inputs")
        self.assertEqual(rc, 0)
        names = [os.path.relpath(p, SRC) for p in out.split()]
        for want in ("schema/foreman.v1alpha1.yaml", "schema/k8s.core.yaml", "codegen/foremangen.py",
                     "codegen/model.py", "codegen/templates/header.h.j2"):
            self.assertIn(want, names)

    def test_no_timestamps(self):
        tmp = self.tmp
        n = 0
        for dirpath, _, files in os.walk(tmp):
            for name in files:
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                n += 1
                self.assertNotRegex(text, r"20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:", name)
                if name.endswith(".yaml") and os.path.join("templates", "crds") in dirpath:
                    continue  # chart copies: checked through generated/crds/
                first = text.split("\n", 1)[0] + text.split("\n", 2)[1]
                if "fixtures" in dirpath:  # generated from tests/codegen/good/
                    self.assertIn("Generated from tests/codegen/good/", first)
                else:
                    self.assertIn("Generated from schema/", first)
        self.assertGreater(n, 5)

    def test_generated_c_compiles(self):
        # Syntax and semantics with every warning of the build, no code
        # generation; the three files at once (the build compiles them
        # for real anyway).
        self.assertIsNotNone(shutil.which("cc"), "a C compiler is needed")
        tmp = self.tmp
        procs = []
        for name in ("k8s_core.c", "foreman_v1alpha1.c", os.path.join("tests", "test_generated_roundtrip.c")):
            procs.append((name, subprocess.Popen(
                ["cc", *CFLAGS, "-fsyntax-only", "-I", os.path.join(SRC, "runtime", "core"),
                 "-I", os.path.join(SRC, "runtime", "codec"), "-I", os.path.join(tmp, "generated"),
                 "-I", os.path.join(SRC, "tests"), os.path.join(tmp, "generated", name)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        for name, p in procs:
            _, err = p.communicate()
            self.assertEqual(p.returncode, 0, f"{name}:\n{err}")


# Hand-written C that may name presence bits by number: the codec engine's
# own tests, whose descriptors are hand-written beside them.
RAW_BITS_ALLOWED = {"tests/unit/test_codec.c"}
RAW_BIT = re.compile(r"fm_codec_(?:has|set_present)\s*\([^;]*?,\s*[0-9]+\s*[,)]")

# A schema of one struct with two optional fields and one constant; the
# variants below edit it the way a person editing a schema would.
SCHEMA = """package: {group: example.dev, version: v1, prefix: ex, output: example, crds: true}
imports: [k8s.core.yaml]
constants:
  LabelOwner:
    value: example.dev/owner
    description: Owner label.
structs:
  ThingSpec:
    description: What a thing wants.
    fields:
      %s
kinds:
  Thing:
    description: A thing.
    plural: things
    singular: thing
    listKind: ThingList
    scope: Namespaced
    fields:
      spec: {type: ThingSpec, required: true, description: The desired state.}
"""
SIZE = "size: {type: int32, description: Size.}"
COUNT = "count: {type: int64, description: Count.}"
USER_C = """#include "example.h"
int use(ex_thing *t);
int use(ex_thing *t)
{
    ex_thing_set_spec_present(t, true);
    ex_thing_spec_set_size(&t->spec, 3);
    return ex_thing_spec_has_count(&t->spec) + (int)sizeof(EX_LABEL_OWNER);
}
"""


def hand_written_c():
    for top in ("cmd", "foreman", "runtime", "tests", "fuzz", "bench"):
        for path in glob.glob(os.path.join(SRC, top, "**", "*.[ch]"), recursive=True):
            yield os.path.relpath(path, SRC), path


class SchemaNames(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.packages, errors = model.load_schema(SRC, os.path.join(SRC, "schema", "foreman.v1alpha1.yaml"))
        assert not errors, errors
        cls.headers = {}
        for pkg in cls.packages:
            with open(os.path.join(SRC, "generated", pkg.output + ".h"), encoding="utf-8") as f:
                cls.headers[pkg.output] = f.read()

    def test_every_optional_field_has_named_accessors(self):
        n = 0
        for pkg in self.packages:
            text = self.headers[pkg.output]
            for st in pkg.structs:
                for f in st.bit_fields:
                    self.assertIn(f"{st.cname}_has_{f.cname}(const {st.cname} *p) {{ return fm_codec_has(p, {f.bit}); }}",
                                  text, f"{st.name}.{f.json}")
                    setter = f"{st.cname}_set_{f.cname}_present(" if f.is_aggregate else f"{st.cname}_set_{f.cname}("
                    self.assertIn(setter, text, f"{st.name}.{f.json}")
                    n += 1
        self.assertGreater(n, 100)
        # the names the agent and tests rely on
        fm = self.headers["foreman_v1alpha1"]
        for name in ("fm_fleet_node_has_status", "fm_fleet_node_set_status_present",
                     "fm_fleet_node_set_metadata_present", "fm_agentic_task_set_status_present"):
            self.assertIn(name + "(", fm)
        self.assertIn("fm_k8s_condition_set_last_transition_time(", self.headers["k8s_core"])

    def test_constants_are_macros(self):
        fm = self.headers["foreman_v1alpha1"]
        names = {}
        for pkg in self.packages:
            for c in pkg.constants:
                self.assertIn(f"#define {c.cname} {naming.c_string(c.value)}\n", self.headers[pkg.output])
                names[c.cname] = c.value
        self.assertEqual(names.get("FM_LABEL_ASSIGNED_NODE"), "foreman.llmkube.dev/assigned-node")
        self.assertEqual(names.get("FM_LABEL_WORKLOAD"), "foreman.llmkube.dev/workload")
        self.assertIn("FM_ANNOTATION_AGENT_LABELS", fm)

    def test_no_raw_presence_bits_in_hand_written_c(self):
        bad = []
        for rel, path in hand_written_c():
            if rel in RAW_BITS_ALLOWED:
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for i, line in enumerate(f, 1):
                    if RAW_BIT.search(line):
                        bad.append(f"{rel}:{i}: {line.strip()}")
        self.assertEqual(bad, [], "use the generated <type>_has_<field> / _set_<field>[_present] accessors")

    def test_constants_not_spelt_out_in_programs(self):
        values = [c.value for pkg in self.packages for c in pkg.constants]
        bad = []
        for rel, path in hand_written_c():
            if not rel.startswith(("cmd/", "foreman/", "runtime/")):
                continue  # tests and benches hold JSON documents
            with open(path, encoding="utf-8", errors="replace") as f:
                for i, line in enumerate(f, 1):
                    for v in values:
                        if '"' + v in line or '\\"' + v in line:
                            bad.append(f"{rel}:{i}: {v}")
        self.assertEqual(bad, [], "use the schema's constant (FM_LABEL_* / FM_ANNOTATION_*)")

    def _compile(self, fields, constant="LabelOwner"):
        """Generates the SCHEMA variant in-process and compiles USER_C
        against it: (returncode, stderr, header text)."""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "example.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write((SCHEMA % "\n      ".join(fields)).replace("LabelOwner", constant))
            packages, errors = model.load_schema(SRC, path)
            self.assertEqual(errors, [])
            out = foremangen.render_fixture(foremangen.make_env(), packages)
            header = next(v for k, v in out.items() if k.endswith("example.h"))
            with open(os.path.join(tmp, "example.h"), "w", encoding="utf-8") as f:
                f.write(header)
            with open(os.path.join(tmp, "user.c"), "w", encoding="utf-8") as f:
                f.write(USER_C)
            r = subprocess.run(["cc", *CFLAGS, "-fsyntax-only", "-I", tmp,
                                "-I", os.path.join(SRC, "runtime", "core"), "-I", os.path.join(SRC, "runtime", "codec"),
                                "-I", os.path.join(SRC, "generated"), os.path.join(tmp, "user.c")],
                               capture_output=True, text=True)
            return r.returncode, r.stderr, header

    def test_schema_edits_work_or_fail_to_compile(self):
        self.assertIsNotNone(shutil.which("cc"), "a C compiler is needed")
        rc, err, h1 = self._compile([SIZE, COUNT])
        self.assertEqual(rc, 0, err)
        # Reordered fields: the bits are renumbered, the code still builds.
        rc, err, h2 = self._compile([COUNT, SIZE])
        self.assertEqual(rc, 0, err)
        self.assertIn("ex_thing_spec_has_size(const ex_thing_spec *p) { return fm_codec_has(p, 0); }", h1)
        self.assertIn("ex_thing_spec_has_size(const ex_thing_spec *p) { return fm_codec_has(p, 1); }", h2)
        # A renamed field or constant: the build fails, naming it.
        rc, err, _ = self._compile([SIZE.replace("size:", "volume:"), COUNT])
        self.assertNotEqual(rc, 0)
        self.assertIn("ex_thing_spec_set_size", err)
        rc, err, _ = self._compile([SIZE, COUNT], constant="LabelOwnedBy")
        self.assertNotEqual(rc, 0)
        self.assertIn("EX_LABEL_OWNER", err)


if __name__ == "__main__":
    unittest.main()

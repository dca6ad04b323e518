"""CRD compatibility: generated/crds/*.yaml against the Go project's CRDs.

The reference CRDs are kept inside the repository, in
tests/fixtures/reference-crds (see the README there for where they came
from), so a plain clone with nothing beside it runs this test.
"""

import copy
import glob
import os
import sys
import unittest

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import crdcompat  # noqa: E402

SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
REF = os.path.join(SRC, "tests", "fixtures", "reference-crds")
GEN = os.path.join(SRC, "generated", "crds")
CHART = os.path.join(SRC, "charts", "foreman", "templates", "crds")

# Our documented additions (docs/schema.md); anything else new is a mistake.
EXPECTED_ADDITIONS = {
    "fleetnodes": {
        "spec.properties.maxConcurrentTasks",
        "spec.properties.taskNamespaces",
        "status.properties.agentInstance",
        "status.properties.agentVersion",
        "status.properties.arch",
        "status.properties.capability.properties.gpus",
        "status.properties.os",
    },
    "agentictasks": set(),
    "workloads": {"spec.properties.pipeline"},
}
# New defaults on existing fields (docs/schema.md): a new AgenticTask is
# Pending from its first version on.
NEW_DEFAULTS = {
    "agentictasks": {"status.default", "status.properties.phase.default"},
}
# New keys of the CRD version (not of its schema).
NEW_VERSION_KEYS = {"agentictasks": {"selectableFields"}}
# New keys of the CRD's names: every kind is in the `foreman` category, so
# `kubectl get foreman` lists them all.
NEW_NAMES_KEYS = {".spec.names.categories"}
PLURALS = sorted(EXPECTED_ADDITIONS)
# The Go project's current CRDs, six kinds (tests/fixtures/reference-crds-head,
# see the README there): every element of those must be in ours too.
HEAD = os.path.join(SRC, "tests", "fixtures", "reference-crds-head")
HEAD_PLURALS = sorted(PLURALS + ["agents", "modelprofiles", "agentreleases"])
# Our own additions relative to the head CRDs (docs/schema.md).
EXPECTED_HEAD_ADDITIONS = {
    "fleetnodes": {"spec.properties.maxConcurrentTasks", "spec.properties.taskNamespaces",
                   "status.properties.agentInstance", "status.properties.capability.properties.gpus"},
    "agentictasks": set(),
    "workloads": {"spec.properties.pipeline.items.properties.requiredCapability"},
    "agents": set(),
    "modelprofiles": {"spec.properties.textToolCallFormat", "spec.properties.toolChoice"},
    "agentreleases": set(),
}
# Enum values of ours that the head's enums lack (docs/schema.md): path
# below openAPIV3Schema.properties, then the value. GateLanguage c-cmake
# names the preset gates.c has for CMake projects.
_GATE_LANGUAGE = "spec.properties.gateProfile.properties.language"
EXPECTED_HEAD_ENUM_ADDITIONS = {
    "agentictasks": {(_GATE_LANGUAGE, "c-cmake")},
    "workloads": {(_GATE_LANGUAGE, "c-cmake"),
                  ("spec.properties.pipeline.items.properties.gateProfile.properties.language", "c-cmake")},
}
# Where ours knowingly differs from the head: our explicit pipeline predates
# the Go one. Its steps need only a name (kind, payload and agentRef stay
# optional, so every Go-written step is accepted); step names are unique
# (listType map keyed by name) and at most 63 characters, because each
# becomes part of a task's name.
_PIPELINE = ".spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.pipeline"
HEAD_DIFFERENCES = {
    "workloads": {
        _PIPELINE + ".items.required",
        _PIPELINE + ".items.properties.name.maxLength",
        _PIPELINE + ".x-kubernetes-list-map-keys",
        _PIPELINE + ".x-kubernetes-list-type",
    },
}
# New bounds (docs/schema.md, "Values the server stores but the decoder
# refuses"): every int32 field is bounded to what int32 holds, so the API
# server refuses a value the decoder could not read instead of storing it.
INT32_MAX = 2147483647
INT32_BOUNDS = {"maximum": (INT32_MAX,), "minimum": (-INT32_MAX - 1, 0)}
SCHEMA_PATH = ".spec.versions[0].schema.openAPIV3Schema.properties."


# libyaml's parser where PyYAML has it, and each file parsed once (callers
# get a deep copy they may change): parsing was most of this suite's time.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed = {}


def load(path):
    if path not in _parsed:
        with open(path, encoding="utf-8") as f:
            _parsed[path] = yaml.load(f, Loader=LOADER)
    return copy.deepcopy(_parsed[path])


def int32_bound_paths(node, path):
    """Full paths of the int32-range bounds in a generated CRD (see INT32_BOUNDS)."""
    out = set()
    if isinstance(node, dict):
        if node.get("format") == "int32":
            for key, allowed in INT32_BOUNDS.items():
                if key in node and node[key] in allowed:
                    out.add(f"{path}.{key}")
        for k, v in node.items():
            out |= int32_bound_paths(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out |= int32_bound_paths(v, f"{path}[{i}]")
    return out


def enum_additions(gen, head, path=""):
    """(path, value) of every enum value in gen that the same place in head
    lacks; places head does not have are skipped (they are additions)."""
    out = set()
    if isinstance(gen, dict) and isinstance(head, dict):
        if isinstance(gen.get("enum"), list) and isinstance(head.get("enum"), list):
            out |= {(path, v) for v in gen["enum"] if v not in head["enum"]}
        for name, sub in gen.get("properties", {}).items():
            if name in head.get("properties", {}):
                out |= enum_additions(sub, head["properties"][name], f"{path}.properties.{name}" if path else name)
        if "items" in gen and "items" in head:
            out |= enum_additions(gen["items"], head["items"], path + ".items")
    return out


def additions_below_schema(additions):
    """Additions as paths below openAPIV3Schema.properties."""
    marker = ".openAPIV3Schema.properties."
    out = set()
    for a in additions:
        if marker in a:
            out.add(a.split(marker, 1)[1])
        else:
            out.add(a)
    return out


class CrdCompat(unittest.TestCase):
    def setUp(self):
        if not os.path.isdir(REF):
            self.fail(f"reference CRDs not found at {REF}")

    def generated(self, plural):
        path = os.path.join(GEN, f"foreman.llmkube.dev_{plural}.yaml")
        self.assertTrue(os.path.isfile(path), f"{path} missing")
        return load(path)

    def test_every_reference_crd_is_generated(self):
        refs = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(REF, "*.yaml")))
        self.assertEqual(refs, PLURALS)

    def test_compatible_with_reference(self):
        # The first release: what ours adds is either in the head CRDs
        # (the Go project added it since) or one of our declared additions.
        for plural in PLURALS:
            with self.subTest(crd=plural):
                ref = load(os.path.join(REF, f"{plural}.yaml"))
                gen = self.generated(plural)
                bounds = int32_bound_paths(gen, "")
                allowed = {SCHEMA_PATH + d for d in NEW_DEFAULTS.get(plural, ())}
                allowed |= {".spec.versions[0]." + k for k in NEW_VERSION_KEYS.get(plural, ())}
                allowed |= NEW_NAMES_KEYS | bounds
                problems, additions = crdcompat.compare(ref, gen, new_defaults=allowed)
                additions = [a for a in additions if a not in bounds]
                problems = [p for p in problems if not p.startswith(tuple(HEAD_DIFFERENCES.get(plural, ())))]
                self.assertEqual(problems, [], "\n".join(problems))
                _, since = crdcompat.compare(ref, load(os.path.join(HEAD, f"{plural}.yaml")))
                self.assertEqual(additions_below_schema(set(additions) - set(since)),
                                 (EXPECTED_ADDITIONS[plural] - additions_below_schema(since)) |
                                 NEW_DEFAULTS.get(plural, set()) |
                                 {".spec.versions[0]." + k for k in NEW_VERSION_KEYS.get(plural, ())} |
                                 NEW_NAMES_KEYS)

    def test_every_head_crd_is_generated(self):
        heads = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(HEAD, "*.yaml")))
        self.assertEqual(heads, HEAD_PLURALS)
        gens = sorted(os.path.basename(p) for p in glob.glob(os.path.join(GEN, "*.yaml")))
        self.assertEqual(gens, [f"foreman.llmkube.dev_{p}.yaml" for p in HEAD_PLURALS])

    def test_compatible_with_head(self):
        # The Go project's current CRDs: every element is in ours with the
        # same value, except the declared differences; ours adds only the
        # declared additions, categories, defaults and selectable fields.
        for plural in HEAD_PLURALS:
            with self.subTest(crd=plural):
                ref = load(os.path.join(HEAD, f"{plural}.yaml"))
                gen = self.generated(plural)
                bounds = int32_bound_paths(gen, "")
                allowed = {SCHEMA_PATH + d for d in NEW_DEFAULTS.get(plural, ())}
                allowed |= {".spec.versions[0]." + k for k in NEW_VERSION_KEYS.get(plural, ())}
                allowed |= NEW_NAMES_KEYS | bounds
                problems, additions = crdcompat.compare(ref, gen, new_defaults=allowed)
                additions = [a for a in additions if a not in bounds]
                diffs = HEAD_DIFFERENCES.get(plural, set())
                self.assertEqual([p for p in problems if not p.startswith(tuple(diffs))] if diffs else problems,
                                 [], "\n".join(problems))
                self.assertEqual(len([p for p in problems if diffs and p.startswith(tuple(diffs))]), len(diffs))
                self.assertEqual(additions_below_schema(additions),
                                 EXPECTED_HEAD_ADDITIONS[plural] | NEW_DEFAULTS.get(plural, set()) |
                                 {".spec.versions[0]." + k for k in NEW_VERSION_KEYS.get(plural, ())} |
                                 NEW_NAMES_KEYS)

    def test_enum_additions_are_declared(self):
        # A value the head's enum lacks is ours and declared, like a property.
        for plural in HEAD_PLURALS:
            with self.subTest(crd=plural):
                root = lambda c: c["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
                got = enum_additions(root(self.generated(plural)), root(load(os.path.join(HEAD, f"{plural}.yaml"))))
                self.assertEqual(got, EXPECTED_HEAD_ENUM_ADDITIONS.get(plural, set()))

    def test_additions_are_optional(self):
        # An added property must not appear in any required list of ours.
        for plural in PLURALS:
            gen = self.generated(plural)
            root = gen["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
            for path in EXPECTED_ADDITIONS[plural]:
                parts = path.split(".properties.")
                node = root["properties"][parts[0]]
                for p in parts[1:-1]:
                    node = node["properties"][p]
                self.assertNotIn(parts[-1], node.get("required", []), f"{plural}: {path} is required")

    def test_every_field_has_a_description(self):
        def walk(node, path, missing):
            if isinstance(node, dict):
                for name, sub in node.get("properties", {}).items():
                    # metadata must be exactly {type: object} (API server rule)
                    if name == "metadata" and path == plural:
                        self.assertEqual(sub, {"type": "object"})
                        continue
                    if "description" not in sub:
                        missing.append(f"{path}.{name}")
                    walk(sub, f"{path}.{name}", missing)
                if "items" in node:
                    walk(node["items"], path + "[]", missing)
        for plural in HEAD_PLURALS:
            root = self.generated(plural)["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
            missing = []
            walk(root, plural, missing)
            self.assertEqual(missing, [])

    def test_chart_copies_match(self):
        for plural in HEAD_PLURALS:
            path = os.path.join(CHART, f"foreman.llmkube.dev_{plural}.yaml")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            lines = text.rstrip("\n").split("\n")
            self.assertEqual(lines[0], "{{- if .Values.crds.install }}")
            self.assertEqual(lines[-1], "{{- end }}")
            body = yaml.load("\n".join(lines[1:-1]), Loader=LOADER)
            # The chart's copy differs in one place only: Helm must keep the
            # CRDs (and with them every Foreman object) on uninstall.
            self.assertEqual(body["metadata"].pop("annotations"), {"helm.sh/resource-policy": "keep"})
            self.assertEqual(body, self.generated(plural))


class ComparatorCatchesBreaks(unittest.TestCase):
    """The comparator itself: each mutation of a reference-equal CRD is caught."""

    def setUp(self):
        self.ref = load(os.path.join(REF, "agentictasks.yaml"))
        self.schema = lambda c: c["spec"]["versions"][0]["schema"]["openAPIV3Schema"]

    def broken(self, mutate):
        gen = copy.deepcopy(self.ref)
        mutate(gen)
        problems, _ = crdcompat.compare(self.ref, gen)
        return problems

    def test_identical_is_clean(self):
        self.assertEqual(crdcompat.compare(self.ref, copy.deepcopy(self.ref)), ([], []))

    def test_retype(self):
        def m(g):
            self.schema(g)["properties"]["spec"]["properties"]["priority"]["format"] = "int64"
        self.assertTrue(self.broken(m))

    def test_rename(self):
        def m(g):
            props = self.schema(g)["properties"]["spec"]["properties"]
            props["modelReference"] = props.pop("modelRef")
        self.assertTrue(self.broken(m))

    def test_newly_required(self):
        def m(g):
            self.schema(g)["properties"]["spec"]["required"].append("modelRef")
        self.assertTrue(self.broken(m))

    def test_enum_value_dropped(self):
        def m(g):
            self.schema(g)["properties"]["status"]["properties"]["verdict"]["enum"].remove("NO-GO")
        self.assertTrue(self.broken(m))

    def test_enum_value_added_is_fine(self):
        def m(g):
            self.schema(g)["properties"]["status"]["properties"]["verdict"]["enum"].append("SKIPPED")
        self.assertEqual(self.broken(m), [])

    def test_list_marker_dropped(self):
        def m(g):
            del self.schema(g)["properties"]["status"]["properties"]["conditions"]["x-kubernetes-list-type"]
        self.assertTrue(self.broken(m))

    def test_bound_changed(self):
        def m(g):
            self.schema(g)["properties"]["spec"]["properties"]["timeoutSeconds"]["minimum"] = 1
        self.assertTrue(self.broken(m))

    def test_default_dropped(self):
        def m(g):
            rc = self.schema(g)["properties"]["spec"]["properties"]["requiredCapability"]
            del rc["properties"]["accelerator"]["default"]
        self.assertTrue(self.broken(m))

    def test_new_default_on_existing_field(self):
        def m(g):
            self.schema(g)["properties"]["spec"]["properties"]["priority"]["default"] = 0
        self.assertTrue(self.broken(m))

    def test_scope_and_columns(self):
        self.assertTrue(self.broken(lambda g: g["spec"].__setitem__("scope", "Cluster")))
        self.assertTrue(self.broken(
            lambda g: g["spec"]["versions"][0]["additionalPrinterColumns"].pop()))
        self.assertTrue(self.broken(lambda g: g["spec"]["versions"][0].pop("subresources")))


if __name__ == "__main__":
    unittest.main()

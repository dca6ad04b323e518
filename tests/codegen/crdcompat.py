"""crdcompat - is a generated CRD wire-compatible with a reference CRD?

The rule (tests/fixtures/upstream-crds/README.md): every element of the reference must
be present in ours with the same value (descriptions aside); ours may add
optional properties, enum values, short names and printer columns, but may
never rename, retype or newly require anything. compare() returns the list
of violations (empty when compatible) and the list of added properties.
"""

# Lists where ours may hold more than the reference (each reference entry
# must still be present).
SUPERSET_LISTS = ("enum", "shortNames", "additionalPrinterColumns")


def _strip_descriptions(v):
    if isinstance(v, dict):
        return {k: _strip_descriptions(x) for k, x in v.items() if k != "description"}
    if isinstance(v, list):
        return [_strip_descriptions(x) for x in v]
    return v


def _same(a, b):
    """Equality that tells bool from int (YAML true != 1)."""
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))
                                       and not isinstance(a, bool) and not isinstance(b, bool)):
        return False
    return a == b


def compare(ref, gen, path="", problems=None, additions=None, new_defaults=()):
    """Walks ref and checks gen against it; returns (problems, additions).

    new_defaults: full paths of keys ours may add although the reference
    lacks them (new defaults, selectableFields); they are reported as
    additions. Any other new key is a problem: a new default, say, changes
    what clients read.
    """
    if problems is None:
        problems, additions = [], []
    key = path.rsplit(".", 1)[-1]
    if isinstance(ref, dict):
        if not isinstance(gen, dict):
            problems.append(f"{path}: expected a mapping, got {type(gen).__name__}")
            return problems, additions
        for k, v in ref.items():
            if k == "description":
                continue
            if k not in gen:
                problems.append(f"{path}.{k}: missing")
            else:
                compare(v, gen[k], f"{path}.{k}", problems, additions, new_defaults)
        for k in gen:
            if k in ref or k == "description":
                continue
            if key == "properties" or f"{path}.{k}" in new_defaults:
                additions.append(f"{path}.{k}")
            else:
                problems.append(f"{path}.{k}: not in the reference (only new properties may be added)")
        return problems, additions
    if isinstance(ref, list):
        if not isinstance(gen, list):
            problems.append(f"{path}: expected a list, got {type(gen).__name__}")
            return problems, additions
        if key == "required":
            if sorted(ref) != sorted(gen):
                problems.append(f"{path}: required {sorted(gen)} differs from the reference {sorted(ref)}")
            return problems, additions
        if key in SUPERSET_LISTS:
            gen_cmp = [_strip_descriptions(x) for x in gen]
            for item in ref:
                if _strip_descriptions(item) not in gen_cmp:
                    problems.append(f"{path}: reference entry {item!r} missing")
            return problems, additions
        if len(ref) != len(gen):
            problems.append(f"{path}: {len(gen)} entries, the reference has {len(ref)}")
            return problems, additions
        for i, (r, g) in enumerate(zip(ref, gen)):
            compare(r, g, f"{path}[{i}]", problems, additions, new_defaults)
        return problems, additions
    if not _same(ref, gen):
        problems.append(f"{path}: {gen!r} differs from the reference {ref!r}")
    return problems, additions

"""crd - the apiextensions.k8s.io/v1 CustomResourceDefinition of a kind.

Builds plain dicts from the model (a structural OpenAPI v3 schema with the
Kubernetes list/map markers, defaults and printer columns); the template
dumps them with sorted keys, the layout controller-gen produces, so that the
result diffs cleanly against the reference CRDs.
"""

import copy

from model import QUANTITY_PATTERN


def field_schema(f):
    """OpenAPI schema of one field, its description included."""
    s = type_schema(f.type, f)
    # The API server rejects anything but `type: object` on a CRD's
    # metadata (it is implicitly specified), descriptions included.
    opaque = f.type.kind == "struct" and f.type.struct.crd_opaque
    if f.description and not opaque:
        s["description"] = f.description
    return s


def type_schema(t, f=None):
    """OpenAPI schema of a type; f (the field) adds validation and markers."""
    if t.kind == "list":
        s = {"type": "array", "items": type_schema(t.elem)}
        if f is not None and f.list_type:
            s["x-kubernetes-list-type"] = f.list_type
            if f.list_map_keys:
                s["x-kubernetes-list-map-keys"] = list(f.list_map_keys)
    elif t.kind == "map":
        s = {"type": "object", "additionalProperties": type_schema(t.elem)}
    elif t.kind == "struct":
        s = struct_schema(t.struct)
    elif t.kind == "enum":
        s = {"type": "string", "enum": list(t.enum.values)}
    elif t.kind == "string":
        s = {"type": "string"}
    elif t.kind == "bool":
        s = {"type": "boolean"}
    elif t.kind == "int32":
        s = {"type": "integer", "format": "int32"}
    elif t.kind == "int64":
        s = {"type": "integer", "format": "int64"}
    elif t.kind == "integer":
        s = {"type": "integer"}
    elif t.kind in ("float64", "number"):
        s = {"type": "number"}
    elif t.kind == "int-or-string":
        s = {"anyOf": [{"type": "integer"}, {"type": "string"}], "x-kubernetes-int-or-string": True}
    elif t.kind == "quantity":
        s = {"anyOf": [{"type": "integer"}, {"type": "string"}], "x-kubernetes-int-or-string": True,
             "pattern": QUANTITY_PATTERN}
    elif t.kind == "any":
        s = {"x-kubernetes-preserve-unknown-fields": True}
    elif t.kind == "date-time":
        s = {"type": "string", "format": "date-time"}
    elif t.kind == "json":
        s = {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
    else:  # pragma: no cover - the model rejects other types
        raise ValueError(t.kind)
    if f is not None:
        if f.minimum is not None:
            s["minimum"] = f.minimum
        if f.maximum is not None:
            s["maximum"] = f.maximum
        if f.min_length is not None:
            s["minLength"] = f.min_length
        if f.max_length is not None:
            s["maxLength"] = f.max_length
        if f.pattern is not None:
            s["pattern"] = f.pattern
        if f.has_default:
            s["default"] = f.default
        if f.exclusive_minimum:
            s["exclusiveMinimum"] = True
        if f.exclusive_maximum:
            s["exclusiveMaximum"] = True
        for key, v in (("minItems", f.min_items), ("maxItems", f.max_items),
                       ("minProperties", f.min_properties), ("maxProperties", f.max_properties)):
            if v is not None:
                s[key] = v
        if f.enum_values:
            s["enum"] = list(f.enum_values)
        if f.format:
            s["format"] = f.format
        if f.nullable:
            s["nullable"] = True
        if f.embedded_resource:
            s["x-kubernetes-embedded-resource"] = True
        if f.preserve_unknown:
            s["x-kubernetes-preserve-unknown-fields"] = True
        if f.validations:
            s["x-kubernetes-validations"] = rules(f.validations)
    return s


def rules(validations):
    """x-kubernetes-validations entries (copies, keys sorted on output)."""
    return [dict(r) for r in validations]


def struct_schema(st):
    """Object schema of a struct (just `type: object` for opaque meta types)."""
    if st.crd_opaque:
        return {"type": "object"}
    s = {"type": "object", "description": st.description,
         "properties": {f.json: field_schema(f) for f in st.fields}}
    req = st.required_json
    if req:
        s["required"] = req
    if st.map_type:
        s["x-kubernetes-map-type"] = st.map_type
    if st.preserve_unknown:
        s["x-kubernetes-preserve-unknown-fields"] = True
    if st.one_of:
        s["oneOf"] = [{"required": list(g)} for g in st.one_of]
    if st.any_of:
        s["anyOf"] = [{"required": list(g)} for g in st.any_of]
    if st.validations:
        s["x-kubernetes-validations"] = rules(st.validations)
    return s


def build(kind):
    """The CRD of a resource kind as a dict."""
    st = kind.struct
    root = struct_schema(st)
    if kind.validations:
        root["x-kubernetes-validations"] = rules(kind.validations)
    versions = []
    for v in kind.versions or [{"name": kind.version, "served": True}]:
        version = dict(v)
        version["storage"] = v["name"] == (kind.storage_version or kind.version)
        version["schema"] = {"openAPIV3Schema": copy.deepcopy(root)}  # no YAML aliases
        if kind.columns:
            cols = []
            for c in kind.columns:
                col = {"name": c.name, "type": c.type, "jsonPath": c.json_path}
                if c.priority:
                    col["priority"] = c.priority
                if c.description:
                    col["description"] = c.description
                if c.format:
                    col["format"] = c.format
                cols.append(col)
            version["additionalPrinterColumns"] = cols
        if kind.selectable:
            version["selectableFields"] = [{"jsonPath": p} for p in kind.selectable]
        if kind.status_subresource:
            version["subresources"] = {"status": {}}
            if kind.scale:
                version["subresources"]["scale"] = dict(kind.scale)
        versions.append(version)
    names = {
        "kind": kind.name,
        "listKind": kind.list_kind,
        "plural": kind.plural,
        "singular": kind.singular,
    }
    if kind.short_names:
        names["shortNames"] = list(kind.short_names)
    if kind.categories:
        names["categories"] = list(kind.categories)
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{kind.plural}.{kind.group}"},
        "spec": {
            "group": kind.group,
            "names": names,
            "scope": kind.scope,
            "versions": versions,
        },
    }


def file_name(kind):
    """generated/crds/<group>_<plural>.yaml, the kubebuilder spelling."""
    return f"{kind.group}_{kind.plural}.yaml"

"""model - parse and validate schema files into the model the templates render.

Everything that can be wrong with a schema is found here, before any file is
written; each problem is one SchemaError `file:LINE: message`, and all of
them are collected so that one run reports every mistake. Templates only
render values this module computed (C types, descriptor rows, bit numbers).

Model objects:
  Package  one schema file: group/version defaults, C prefix, output name,
           enums, structs, kinds, imports.
  Enum     a named string enum (C: typedef int32_t + constants).
  Constant a named string shared by the programs and the wire (a label or
           annotation key): one C macro, so no hand-written copy can drift.
  Struct   a named object type with ordered fields (kinds and their lists
           are structs too).
  Field    one member: JSON name, C name, type, validation, list markers.
  Type     a resolved field type (primitive, enum, struct, list or map).
  Kind     an API kind: names, scope, printer columns, its struct and list.
"""

import os
import re

import naming
import yamlloc
from yamlloc import LocMap, LocSeq, SchemaError

PRIMITIVES = ("string", "bool", "int32", "int64", "integer", "float64", "number", "date-time", "json",
              "any", "int-or-string", "quantity")
# resource.Quantity's pattern, as controller-gen writes it
QUANTITY_PATTERN = (r"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|"
                    r"([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$")

# type -> (fm_type constant, C type)
C_TYPES = {
    "string": ("FM_T_STRING", "char *"),
    "bool": ("FM_T_BOOL", "bool"),
    "int32": ("FM_T_INT32", "int32_t"),
    "int64": ("FM_T_INT64", "int64_t"),
    "integer": ("FM_T_INT64", "int64_t"),
    "float64": ("FM_T_FLOAT64", "double"),
    "number": ("FM_T_FLOAT64", "double"),
    "date-time": ("FM_T_TIME", "fm_time"),
    "json": ("FM_T_JSON", "char *"),
    "any": ("FM_T_JSON", "char *"),
    "int-or-string": ("FM_T_INTORSTR", "fm_int_or_string"),
    "quantity": ("FM_T_INTORSTR", "fm_int_or_string"),
}
NEEDS_BIT = ("bool", "int32", "int64", "integer", "float64", "number", "date-time", "int-or-string", "quantity",
             "struct", "list", "map")
NUMERIC = ("int32", "int64", "integer", "float64", "number")
FLOATS = ("float64", "number")
INT_RANGE = {"int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1), "integer": (-2**63, 2**63 - 1)}
# string formats the API server knows (k8s.io/kube-openapi/pkg/validation/strfmt)
STRING_FORMATS = ("bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3",
                  "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor", "rgbcolor",
                  "byte", "password", "date", "duration", "datetime", "date-time", "int-or-string")
COLUMN_FORMATS = ("int32", "int64", "float", "double", "byte", "date", "date-time", "password")
CEL_KEYS = {"rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf"}
CEL_REASONS = ("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate")

PACKAGE_KEYS = {"group", "version", "prefix", "output", "crds"}
TOP_KEYS = {"package", "imports", "constants", "enums", "structs", "kinds"}
CONSTANT_KEYS = {"description", "value"}
ENUM_KEYS = {"description", "values"}
STRUCT_KEYS = {"description", "fields", "mapType", "crdOpaque", "validations", "oneOf", "anyOf",
               "preserveUnknownFields"}
FIELD_KEYS = {"type", "required", "description", "c", "minimum", "maximum", "minLength",
              "maxLength", "pattern", "default", "listType", "listMapKeys", "addition",
              "microTime", "minItems", "maxItems", "minProperties", "maxProperties",
              "exclusiveMinimum", "exclusiveMaximum", "validations", "enum", "format", "nullable",
              "embeddedResource", "preserveUnknownFields"}
KIND_KEYS = {"description", "plural", "singular", "listKind", "shortNames", "scope",
             "statusSubresource", "fields", "printerColumns", "group", "version",
             "resource", "metadata", "selectableFields", "validations", "categories", "scale",
             "versions", "storageVersion"}
COLUMN_KEYS = {"name", "type", "jsonPath", "priority", "description", "format"}
SCALE_KEYS = {"specReplicasPath", "statusReplicasPath", "labelSelectorPath"}
VERSION_KEYS = {"name", "served", "deprecated", "deprecationWarning"}
COLUMN_TYPES = ("string", "integer", "number", "boolean", "date")
RESERVED_KIND_FIELDS = ("apiVersion", "kind", "metadata")
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
TYPE_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
JSON_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Errors:
    """Collects SchemaErrors; sorted by file and line when reported."""

    def __init__(self):
        self.items = []

    def add(self, file, line, message):
        self.items.append(SchemaError(file, line, message))

    def sorted(self):
        seen, out = set(), []
        for e in sorted(self.items, key=lambda e: (e.file, e.line, e.message)):
            if str(e) not in seen:
                seen.add(str(e))
                out.append(e)
        return out


class Type:
    """A resolved field type. kind is a primitive name, 'enum', 'struct',
    'list' or 'map'; enum/struct point at the definition; elem is the item
    Type of a list."""

    def __init__(self, kind, enum=None, struct=None, elem=None):
        self.kind = kind
        self.enum = enum
        self.struct = struct
        self.elem = elem
        # An enum inside a map value or a list of lists is a plain string in
        # C (its CRD keeps the enum): such values have no unknown bag to keep
        # a spelling this build does not know.
        self.as_string = False

    @property
    def is_strmap(self):
        """map<string,string> (or of an enum): the fm_strmap layout."""
        return self.kind == "map" and (self.elem.kind == "string" or self.elem.kind == "enum")

    @property
    def nested(self):
        """A container whose elements need their own descriptor row."""
        return self.kind in ("list", "map") and not self.is_strmap

    def spelling(self):
        """How the schema spells the type."""
        if self.kind == "enum":
            return self.enum.name
        if self.kind == "struct":
            return self.struct.name
        if self.kind == "list":
            return f"list<{self.elem.spelling()}>"
        if self.kind == "map":
            return f"map<string,{self.elem.spelling()}>"
        return self.kind

    def fm_type(self):
        """The FM_T_* constant of this type."""
        if self.kind == "enum":
            return "FM_T_STRING" if self.as_string else "FM_T_ENUM"
        if self.kind == "struct":
            return "FM_T_STRUCT"
        if self.kind == "list":
            return "FM_T_LIST"
        if self.kind == "map":
            return "FM_T_MAP" if self.is_strmap else "FM_T_MAPV"
        return C_TYPES[self.kind][0]

    def elem_ctype(self, pkg=None):
        """C type of one list element (or of a scalar value); containers
        (a list of lists, map values) need pkg to name their typedef."""
        if self.kind == "enum":
            return "char *" if self.as_string else self.enum.cname
        if self.kind == "struct":
            return self.struct.cname
        if self.kind == "list":
            return list_cname(pkg, self.elem)
        if self.kind == "map":
            return map_cname(pkg, self.elem)
        return C_TYPES[self.kind][1].strip()


class Enum:
    def __init__(self, pkg, name, line):
        self.pkg = pkg
        self.name = name
        self.line = line
        self.file = pkg.display
        self.cname = naming.type_cname(pkg.prefix, name)
        self.description = ""
        self.values = []          # JSON spellings
        self.consts = []          # (C constant, JSON spelling), value i+1
        self.unset = self.cname.upper() + "_UNSET"
        self.list_cname = self.cname + "_list"
        self.used_in_list = False


class Constant:
    def __init__(self, pkg, name, line):
        self.pkg = pkg
        self.name = name
        self.line = line
        self.file = pkg.display
        self.cname = naming.enum_const(pkg.prefix, name)   # "LabelWorkload" -> FM_LABEL_WORKLOAD
        self.description = ""
        self.value = ""


class Field:
    def __init__(self, struct, json, line):
        self.struct = struct
        self.json = json
        self.line = line
        self.cname = naming.field_cname(json)
        self.type = None
        self.type_line = line
        self.required = False
        self.description = ""
        self.addition = False
        self.minimum = None
        self.maximum = None
        self.min_length = None
        self.max_length = None
        self.pattern = None
        self.default = None
        self.has_default = False
        self.list_type = None
        self.list_map_keys = []
        self.micro_time = False   # date-time Kubernetes types as MicroTime
        self.min_items = None
        self.max_items = None
        self.min_properties = None
        self.max_properties = None
        self.exclusive_minimum = False
        self.exclusive_maximum = False
        self.validations = []     # CEL rules: dicts in CRD spelling
        self.enum_values = None   # inline enum of a string
        self.format = None
        self.nullable = False
        self.embedded_resource = False
        self.preserve_unknown = False
        self.bit = -1             # presence bit, -1 when the type carries absence
        self.implicit = False     # apiVersion/kind/metadata/items added by the generator

    # ---- values the templates use
    @property
    def ctype(self):
        """C declaration type of the member."""
        return self.type.elem_ctype(self.struct.pkg)

    @property
    def decl(self):
        """`char *name` / `int32_t name` as a member declaration."""
        ct = self.ctype
        sep = "" if ct.endswith("*") else " "
        return f"{ct}{sep}{self.cname}"

    @property
    def c_flags(self):
        """The FM_F_* flags of the field's descriptor row."""
        flags = []
        if self.required:
            flags.append("FM_F_REQUIRED")
        if self.micro_time:
            flags.append("FM_F_MICROTIME")
        return " | ".join(flags) if flags else "0"

    @property
    def has_validation(self):
        return any(v is not None for v in (self.minimum, self.maximum, self.min_length,
                                           self.max_length, self.pattern, self.min_items, self.max_items,
                                           self.min_properties, self.max_properties))

    @property
    def float_bounds(self):
        """True when the bounds are those of a number (double in C)."""
        return self.type.kind in FLOATS

    @property
    def validation_bits(self):
        bits = []
        if self.minimum is not None:
            bits.append("FM_V_MIN")
        if self.maximum is not None:
            bits.append("FM_V_MAX")
        if self.exclusive_minimum:
            bits.append("FM_V_EXCL_MIN")
        if self.exclusive_maximum:
            bits.append("FM_V_EXCL_MAX")
        if self.min_length is not None:
            bits.append("FM_V_MINLEN")
        if self.max_length is not None:
            bits.append("FM_V_MAXLEN")
        if self.pattern is not None:
            bits.append("FM_V_PATTERN")
        if self.min_items is not None or self.min_properties is not None:
            bits.append("FM_V_MINITEMS")
        if self.max_items is not None or self.max_properties is not None:
            bits.append("FM_V_MAXITEMS")
        return " | ".join(bits) if bits else "0"

    def c_float(self, v):
        """A C double literal for a number bound."""
        if v is None:
            return "0.0"
        r = repr(float(v))
        return r if ("." in r or "e" in r or "inf" in r) else r + ".0"

    @property
    def c_min_items(self):
        v = self.min_items if self.min_items is not None else self.min_properties
        return self.c_bound(v)

    @property
    def c_max_items(self):
        v = self.max_items if self.max_items is not None else self.max_properties
        return self.c_bound(v)

    def row(self):
        """Descriptor row values of this field's type (see row_of)."""
        return row_of(self.type, self.struct.pkg)

    @property
    def inner_rows(self):
        """Element descriptors of nested containers, outermost first:
        (C name, row) where row['elem_desc'] names the next one."""
        out, t, depth = [], self.type, 0
        while t.nested and t.elem.nested:
            depth += 1
            out.append((f"{self.struct.cname}_e{depth}_{self.cname}", t.elem))
            t = t.elem
        rows = []
        for i, (name, u) in enumerate(out):
            r = row_of(u, self.struct.pkg)
            r["elem_desc"] = ("&" + out[i + 1][0]) if i + 1 < len(out) else "NULL"
            rows.append((name, r))
        return rows

    @property
    def elem_desc(self):
        rows = self.inner_rows
        return ("&" + rows[0][0]) if rows else "NULL"

    @property
    def c_pattern(self):
        return naming.c_string(self.pattern) if self.pattern is not None else "NULL"

    def c_bound(self, v):
        """A C literal for a numeric bound (int64_t field of fm_validation)."""
        if v is None:
            return "0"
        v = int(v)
        if v == -2**63:
            return "INT64_MIN"
        return f"INT64_C({v})"

    @property
    def elem_fm_type(self):
        return self.row()["elem_type"]

    @property
    def elem_size(self):
        return self.row()["elem_size"]

    @property
    def sub_struct(self):
        return self.row()["sub"]

    @property
    def sub_enum(self):
        return self.row()["enm"]

    @property
    def setter_ctype(self):
        """Parameter type of the generated _set_<f>() for scalar bit fields."""
        return C_TYPES[self.type.kind][1] if self.type.kind in C_TYPES else None

    @property
    def is_aggregate(self):
        return self.type.kind in ("struct", "list", "map", "int-or-string", "quantity")

    @property
    def validation_text(self):
        """Validation rules as prose for the API reference."""
        out = []
        if self.sub_enum is not None and self.type.kind == "enum":
            out.append("one of " + ", ".join(f"`{v}`" for v in self.sub_enum.values))
        if self.minimum is not None:
            out.append(f"minimum {self.minimum}")
        if self.maximum is not None:
            out.append(f"maximum {self.maximum}")
        if self.min_length is not None:
            out.append(f"minLength {self.min_length}")
        if self.max_length is not None:
            out.append(f"maxLength {self.max_length}")
        if self.pattern is not None:
            out.append(f"pattern `{self.pattern}`")
        if self.enum_values:
            out.append("one of " + ", ".join(f"`{v}`" for v in self.enum_values))
        if self.format:
            out.append(f"format {self.format}")
        for key, v in (("minItems", self.min_items), ("maxItems", self.max_items),
                       ("minProperties", self.min_properties), ("maxProperties", self.max_properties)):
            if v is not None:
                out.append(f"{key} {v}")
        if self.exclusive_minimum:
            out.append("exclusive minimum")
        if self.exclusive_maximum:
            out.append("exclusive maximum")
        if self.nullable:
            out.append("nullable")
        for r in self.validations:
            out.append(f"rule `{r['rule']}`")
        if self.has_default:
            out.append(f"default `{self.default}`")
        if self.list_type:
            lt = f"listType {self.list_type}"
            if self.list_map_keys:
                lt += " keyed by " + ", ".join(self.list_map_keys)
            out.append(lt)
        return "; ".join(out)


class Struct:
    def __init__(self, pkg, name, line):
        self.pkg = pkg
        self.name = name
        self.line = line
        self.file = pkg.display
        self.cname = naming.type_cname(pkg.prefix, name)
        self.description = ""
        self.fields = []
        self.map_type = None
        self.crd_opaque = False
        self.validations = []      # CEL rules of the object
        self.one_of = []           # lists of field names, one of which must be set
        self.any_of = []
        self.preserve_unknown = False
        self.kind = None          # the Kind when this is a kind's struct
        self.list_of = None       # the Kind when this is a kind's List struct
        self.n_words = 1
        self.used_in_list = False  # some field anywhere is a list of it

    @property
    def list_cname(self):
        """Name of the {T *items; size_t len;} typedef for lists of this
        struct: <T>_list, or <T>_items for kinds (whose <T>_list is the
        API List object)."""
        return self.cname + ("_items" if self.kind is not None else "_list")

    @property
    def by_name(self):
        """Field indexes sorted by JSON name bytes (memcmp, shorter first)."""
        order = sorted(range(len(self.fields)), key=lambda i: self.fields[i].json.encode())
        return order

    @property
    def bit_fields(self):
        return [f for f in self.fields if f.bit >= 0]

    @property
    def required_json(self):
        return sorted(f.json for f in self.fields if f.required)

    def deps(self):
        """Structs embedded by value (must be defined before this one)."""
        return [f.type.struct for f in self.fields if f.type is not None and f.type.kind == "struct"]


class Column:
    def __init__(self, name, type_, json_path, priority, description, format_=None):
        self.name = name
        self.type = type_
        self.json_path = json_path
        self.priority = priority
        self.description = description
        self.format = format_


class Kind:
    def __init__(self, pkg, name, line):
        self.pkg = pkg
        self.name = name
        self.line = line
        self.file = pkg.display
        self.description = ""
        self.group = pkg.group
        self.version = pkg.version
        self.plural = None
        self.singular = None
        self.list_kind = None
        self.short_names = []
        self.scope = "Namespaced"
        self.status_subresource = False
        self.resource = True
        self.columns = []
        self.selectable = []
        self.struct = None
        self.list_struct = None
        self.validations = []     # CEL rules of the whole object
        self.categories = []
        self.scale = None         # {specReplicasPath, statusReplicasPath, labelSelectorPath}
        self.versions = []        # [{name, served, deprecated, deprecationWarning}], storage first
        self.storage_version = None

    @property
    def api_version(self):
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def cname(self):
        return self.struct.cname

    @property
    def desc_name(self):
        return self.struct.cname + "_kind"

    @property
    def namespaced(self):
        return self.scope == "Namespaced"


class Package:
    def __init__(self, path, display):
        self.path = path
        self.display = display
        self.group = ""
        self.version = ""
        self.prefix = ""
        self.output = ""
        self.crds = False
        self.imports = []         # Packages
        self.constants = []
        self.enums = []
        self.structs = []         # in schema order, kinds and lists included
        self.kinds = []
        self.used_primitive_lists = set()
        self.containers = {}      # typedef name -> element C type (lists of lists, maps)

    @property
    def upper(self):
        return self.prefix.upper()

    @property
    def guard(self):
        return f"FOREMAN_GENERATED_{self.output.upper()}_H"

    @property
    def resource_kinds(self):
        return sorted((k for k in self.kinds if k.resource), key=lambda k: k.name)

    @property
    def wrapped_structs(self):
        """Structs that get typed wrappers: every kind and kind list."""
        out = []
        for k in sorted(self.kinds, key=lambda k: k.name):
            out.append(k.struct)
            if k.list_struct is not None:
                out.append(k.list_struct)
        return out

    def ordered_structs(self):
        """Structs in an order where each follows those it embeds by value
        (schema order otherwise), so C sees complete types."""
        done, out = set(), []

        def visit(s):
            if id(s) in done or s.pkg is not self:
                return
            done.add(id(s))
            for d in s.deps():
                visit(d)
            out.append(s)

        for s in self.structs:
            visit(s)
        return out

    def primitive_lists(self):
        """(typedef name, element C type) of primitive lists used here."""
        out = []
        for p in sorted(self.used_primitive_lists):
            out.append((f"{self.prefix}_{p.replace('-', '_')}_list", C_TYPES[p][1].strip()))
        return out


def list_cname(pkg, elem):
    """Typedef name of a list of elem, as seen from pkg (and marks the
    element type as used in a list, so its typedef is emitted)."""
    if elem.kind == "struct":
        elem.struct.used_in_list = True
        return elem.struct.list_cname
    if elem.kind == "enum" and not elem.as_string:
        elem.enum.used_in_list = True
        return elem.enum.list_cname
    if elem.kind in ("list", "map"):
        ct = elem.elem_ctype(pkg)
        name = (f"{pkg.prefix}_strmap" if ct == "fm_strmap" else ct) + "_list"
        pkg.containers.setdefault(name, ("list", ct))
        return name
    kind = "string" if elem.kind == "enum" else elem.kind
    pkg.used_primitive_lists.add(kind)
    return f"{pkg.prefix}_{kind.replace('-', '_')}_list"


def map_cname(pkg, val):
    """Typedef name of a map<string,val>: fm_strmap for strings (and
    enums), else {char **keys; V *values; size_t len;} named after V."""
    if val.kind in ("string", "enum"):
        return "fm_strmap"
    if val.kind == "struct":
        name = val.struct.cname + "_map"
    elif val.kind in ("list", "map"):
        ct = val.elem_ctype(pkg)
        name = (f"{pkg.prefix}_strmap" if ct == "fm_strmap" else ct) + "_map"
    else:
        name = f"{pkg.prefix}_{val.kind.replace('-', '_')}_map"
    pkg.containers.setdefault(name, ("map", val.elem_ctype(pkg)))
    return name


def row_of(t, pkg):
    """The fm_field_desc values that describe a value of type t: its
    FM_T_* type, and for a list or a map<string,V> (V not a string) its
    element's type, size, struct and enum descriptors."""
    if t.kind == "list" or t.nested:
        e = t.elem
        ct = e.elem_ctype(pkg)
        return {"type": t.fm_type(), "elem_type": e.fm_type(), "elem_size": f"sizeof({ct})",
                "sub": e.struct if e.kind == "struct" else None,
                "enm": e.enum if e.kind == "enum" and not e.as_string else None}
    return {"type": t.fm_type(), "elem_type": "0", "elem_size": "0",
            "sub": t.struct if t.kind == "struct" else None,
            "enm": t.enum if t.kind == "enum" and not t.as_string else None}


def mark_nested_enums(t, inside=False):
    """Enums inside map values and lists of lists become plain strings in C
    (Type.as_string)."""
    if t.kind == "enum":
        t.as_string = inside
    elif t.kind == "list":
        mark_nested_enums(t.elem, inside or t.elem.kind in ("list", "map"))
    elif t.kind == "map":
        mark_nested_enums(t.elem, True)


# --------------------------------------------------------------------- loader

class Loader:
    """Reads a schema file and its imports into Packages, validating as it
    goes; errors accumulate in self.errors."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.errors = Errors()
        self.packages = {}        # abspath -> Package
        self.order = []           # Packages, imports first
        self.types = {}           # type name -> Enum | Struct
        self.symbols = {}         # C identifier -> (file, line, what)

    def display(self, path):
        """Path as shown in messages: relative to the root when inside it."""
        ap = os.path.abspath(path)
        rel = os.path.relpath(ap, self.root)
        return ap if rel.startswith("..") else rel

    def err(self, file, line, msg):
        self.errors.add(file, line, msg)

    # ---- small checked getters
    def check_keys(self, m, allowed, what):
        for k in m:
            if k not in allowed:
                self.err(m.file, m.key_line(k), f"{what}: unknown attribute '{k}'")

    def get_str(self, m, key, what, required=False, default=None):
        if key not in m:
            if required:
                self.err(m.file, m.line, f"{what}: missing '{key}'")
            return default
        v = m[key]
        if not isinstance(v, str):
            self.err(m.file, m.line_of(key), f"{what}: '{key}' must be a string")
            return default
        return v

    def get_bool(self, m, key, what, default=False):
        if key not in m:
            return default
        v = m[key]
        if not isinstance(v, bool):
            self.err(m.file, m.line_of(key), f"{what}: '{key}' must be true or false")
            return default
        return v

    def get_map(self, m, key, what, required=False):
        if key not in m:
            if required:
                self.err(m.file, m.line, f"{what}: missing '{key}'")
            return None
        v = m[key]
        if not isinstance(v, LocMap):
            self.err(m.file, m.line_of(key), f"{what}: '{key}' must be a mapping")
            return None
        return v

    def get_seq(self, m, key, what):
        if key not in m:
            return None
        v = m[key]
        if not isinstance(v, LocSeq):
            self.err(m.file, m.line_of(key), f"{what}: '{key}' must be a list")
            return None
        return v

    def claim(self, ident, file, line, what):
        """Registers a global C identifier; reports a collision."""
        if ident in self.symbols:
            f0, l0, w0 = self.symbols[ident]
            self.err(file, line, f"{what}: C name '{ident}' collides with {w0} ({f0}:{l0})")
        else:
            self.symbols[ident] = (file, line, what)

    # ---- entry point
    def load(self, path, stack=()):
        """Loads the package at path (and, first, its imports)."""
        ap = os.path.abspath(path)
        if ap in self.packages:
            return self.packages[ap]
        disp = self.display(ap)
        if ap in stack:
            self.err(disp, 1, "import cycle")
            return None
        try:
            doc = yamlloc.load(ap, disp)
        except SchemaError as e:
            self.errors.items.append(e)
            return None
        if not isinstance(doc, LocMap):
            self.err(disp, 1, "a schema file must be a mapping")
            return None
        pkg = Package(ap, disp)
        self.check_keys(doc, TOP_KEYS, "schema")
        pm = self.get_map(doc, "package", "schema", required=True)
        if pm is not None:
            self.check_keys(pm, PACKAGE_KEYS, "package")
            pkg.group = self.get_str(pm, "group", "package", default="")
            pkg.version = self.get_str(pm, "version", "package", required=True, default="")
            pkg.prefix = self.get_str(pm, "prefix", "package", required=True, default="x")
            pkg.output = self.get_str(pm, "output", "package", required=True, default="out")
            pkg.crds = self.get_bool(pm, "crds", "package")
            if not re.match(r"^[a-z]([a-z0-9_]*[a-z0-9])?$", pkg.prefix or ""):
                self.err(disp, pm.line_of("prefix"), f"package: prefix '{pkg.prefix}' must be a lower-case C identifier")
            if not re.match(r"^[a-z][a-z0-9_]*$", pkg.output or ""):
                self.err(disp, pm.line_of("output"), f"package: output '{pkg.output}' must be a lower-case file name")
        imports = self.get_seq(doc, "imports", "schema") or []
        for i, name in enumerate(imports):
            line = imports.line_of(i)
            if not isinstance(name, str):
                self.err(disp, line, "imports: entries must be file names")
                continue
            cand = [os.path.join(os.path.dirname(ap), name), os.path.join(self.root, "schema", name)]
            found = next((c for c in cand if os.path.isfile(c)), None)
            if found is None:
                self.err(disp, line, f"imports: cannot find '{name}'")
                continue
            sub = self.load(found, stack + (ap,))
            if sub is not None:
                pkg.imports.append(sub)
        self.packages[ap] = pkg
        self.define_constants(pkg, doc)
        self.declare(pkg, doc)
        self.define(pkg, doc)
        self.order.append(pkg)
        return pkg

    # ---- constants (strings only: they need nothing resolved)
    def define_constants(self, pkg, doc):
        m = self.get_map(doc, "constants", "schema")
        if m is None:
            return
        for name, body in m.items():
            line = m.key_line(name)
            what = f"constant {name}"
            if not TYPE_NAME.match(name):
                self.err(pkg.display, line, f"constants: name '{name}' must be CamelCase")
                continue
            if not isinstance(body, LocMap):
                self.err(pkg.display, m.line_of(name), f"{what}: definition must be a mapping")
                continue
            self.check_keys(body, CONSTANT_KEYS, what)
            c = Constant(pkg, name, line)
            c.description = self.get_str(body, "description", what, required=True, default="")
            if "value" not in body:
                self.err(pkg.display, body.line, f"{what}: missing 'value'")
                continue
            v = body["value"]
            if not isinstance(v, str) or not v:
                self.err(pkg.display, body.line_of("value"), f"{what}: value must be a non-empty string")
                continue
            c.value = v
            self.claim(c.cname, pkg.display, line, what)
            pkg.constants.append(c)

    # ---- pass 1: names
    def declare(self, pkg, doc):
        """Registers every enum, struct and kind name so that pass 2 can
        resolve references in any order."""
        pkg.doc_enums, pkg.doc_structs, pkg.doc_kinds = [], [], []
        for section, cls, sink in (("enums", Enum, pkg.doc_enums), ("structs", Struct, pkg.doc_structs),
                                   ("kinds", Kind, pkg.doc_kinds)):
            m = self.get_map(doc, section, "schema")
            if m is None:
                continue
            for name, body in m.items():
                line = m.key_line(name)
                if not TYPE_NAME.match(name):
                    self.err(pkg.display, line, f"{section}: type name '{name}' must be CamelCase")
                    continue
                if not isinstance(body, LocMap):
                    self.err(pkg.display, m.line_of(name), f"{name}: definition must be a mapping")
                    continue
                if name in self.types:
                    prev = self.types[name]
                    self.err(pkg.display, line, f"duplicate type name '{name}' (also defined at {prev.file}:{prev.line})")
                    continue
                obj = cls(pkg, name, line)
                if cls is Kind:
                    st = Struct(pkg, name, line)
                    st.kind = obj
                    obj.struct = st
                    self.types[name] = st
                    self.claim(st.cname, pkg.display, line, f"kind {name}")
                    pkg.kinds.append(obj)
                elif cls is Struct:
                    self.types[name] = obj
                    self.claim(obj.cname, pkg.display, line, f"struct {name}")
                    pkg.structs.append(obj)
                else:
                    self.types[name] = obj
                    self.claim(obj.cname, pkg.display, line, f"enum {name}")
                    pkg.enums.append(obj)
                sink.append((obj, body))

    # ---- pass 2: bodies
    def define(self, pkg, doc):
        for enum, body in pkg.doc_enums:
            self.define_enum(enum, body)
        for st, body in pkg.doc_structs:
            self.define_struct(st, body)
        for kind, body in pkg.doc_kinds:
            self.define_kind(kind, body)
        self.check_recursion(pkg)
        # presence bits, now that every type is resolved
        for st in pkg.structs:
            bit = 0
            for f in st.fields:
                if f.type is not None and f.type.kind in NEEDS_BIT:
                    f.bit = bit
                    bit += 1
            st.n_words = max(1, (bit + 31) // 32)
        for st in pkg.structs:
            self.claim_symbols(st)
            for f in st.fields:
                if f.type is not None and f.type.kind in ("list", "map"):
                    f.ctype   # records list and map typedefs

    def define_enum(self, enum, body):
        what = f"enum {enum.name}"
        self.check_keys(body, ENUM_KEYS, what)
        enum.description = self.get_str(body, "description", what, required=True, default="")
        vals = self.get_seq(body, "values", what)
        if vals is None:
            self.err(enum.file, body.line, f"{what}: missing 'values'")
            return
        if not vals:
            self.err(enum.file, vals.line, f"{what}: 'values' is empty")
        consts = {}
        for i, v in enumerate(vals):
            line = vals.line_of(i)
            if not isinstance(v, str) or not v:
                self.err(enum.file, line, f"{what}: value {v!r} must be a non-empty string (quote True/False)")
                continue
            if v in enum.values:
                self.err(enum.file, line, f"{what}: duplicate value '{v}'")
                continue
            const = naming.enum_const(enum.cname, v)
            if not naming.words(v):
                self.err(enum.file, line, f"{what}: value '{v}' has no letters or digits for a C name")
                continue
            if const in consts or const == enum.unset:
                self.err(enum.file, line, f"{what}: values '{v}' and '{consts.get(const, '(unset)')}' both map to {const}")
                continue
            consts[const] = v
            enum.values.append(v)
            enum.consts.append((const, v))

    def parse_type(self, pkg, text, file, line, what):
        """Resolves a type spelling; None (and an error) when unknown."""
        if not isinstance(text, str):
            self.err(file, line, f"{what}: type must be a string")
            return None
        t = text.strip()
        if t in PRIMITIVES:
            return Type(t)
        m = re.match(r"^list<(.+)>$", t)
        if m:
            elem = self.parse_type(pkg, m.group(1).strip(), file, line, what)
            if elem is None:
                return None
            return Type("list", elem=elem)
        if re.match(r"^map\s*<", t):
            m = re.match(r"^map\s*<\s*string\s*,(.+)>$", t)
            if not m:
                self.err(file, line, f"{what}: map keys must be strings: map<string,T>, not '{t}'")
                return None
            elem = self.parse_type(pkg, m.group(1).strip(), file, line, what)
            if elem is None:
                return None
            return Type("map", elem=elem)
        ref = self.types.get(t)
        if ref is None or not self.visible(pkg, ref.pkg):
            self.err(file, line, f"{what}: unknown type '{t}'")
            return None
        if isinstance(ref, Enum):
            return Type("enum", enum=ref)
        return Type("struct", struct=ref)

    def visible(self, pkg, other):
        """True when pkg may refer to types of other (itself or an import)."""
        if pkg is other:
            return True
        return any(self.visible(i, other) for i in pkg.imports)

    def define_fields(self, st, fm, what):
        """Reads a `fields:` mapping into st.fields (appending)."""
        cnames = {f.cname: f for f in st.fields}
        for json, body in fm.items():
            line = fm.key_line(json)
            fwhat = f"{what} field '{json}'"
            if not JSON_NAME.match(json):
                self.err(st.file, line, f"{fwhat}: JSON name must be an identifier")
                continue
            if not isinstance(body, LocMap):
                self.err(st.file, fm.line_of(json), f"{fwhat}: definition must be a mapping")
                continue
            f = Field(st, json, line)
            self.check_keys(body, FIELD_KEYS, fwhat)
            if "c" in body:
                c = body["c"]
                if not isinstance(c, str) or not naming.C_IDENT.match(c) or c in naming.C_KEYWORDS:
                    self.err(st.file, body.line_of("c"), f"{fwhat}: C name {c!r} is not a usable C identifier")
                else:
                    f.cname = c
            if f.cname in cnames:
                self.err(st.file, line, f"{fwhat}: duplicate C member name '{f.cname}' (also field '{cnames[f.cname].json}')")
                continue
            cnames[f.cname] = f
            f.description = self.get_str(body, "description", fwhat, required=True, default="")
            f.required = self.get_bool(body, "required", fwhat)
            f.addition = self.get_bool(body, "addition", fwhat)
            if f.addition and f.required:
                self.err(st.file, body.line_of("addition"), f"{fwhat}: an addition to the reference API cannot be required")
            if "type" not in body:
                self.err(st.file, body.line, f"{fwhat}: missing 'type'")
                continue
            f.type_line = body.line_of("type")
            f.type = self.parse_type(st.pkg, body["type"], st.file, f.type_line, fwhat)
            if f.type is None:
                continue
            mark_nested_enums(f.type)
            self.field_validation(f, body, fwhat)
            st.fields.append(f)

    def field_validation(self, f, body, what):
        """Checks validation attributes against the field's type."""
        t = f.type
        file = f.struct.file
        for key in ("minimum", "maximum"):
            if key in body:
                v = body[key]
                line = body.line_of(key)
                if t.kind not in NUMERIC:
                    self.err(file, line, f"{what}: '{key}' needs a numeric type, not {t.spelling()}")
                elif t.kind in FLOATS and not isinstance(v, bool) and isinstance(v, (int, float)):
                    if v != v or v in (float("inf"), float("-inf")):
                        self.err(file, line, f"{what}: '{key}' must be a finite number")
                    else:
                        setattr(f, key, v)
                elif t.kind in FLOATS:
                    self.err(file, line, f"{what}: '{key}' must be a number")
                elif isinstance(v, bool) or not isinstance(v, int):
                    self.err(file, line, f"{what}: '{key}' must be an integer")
                elif t.kind in INT_RANGE and not (INT_RANGE[t.kind][0] <= v <= INT_RANGE[t.kind][1]):
                    self.err(file, line, f"{what}: '{key}' {v} is out of range for {t.kind}")
                else:
                    setattr(f, key, v)
        if f.minimum is not None and f.maximum is not None and f.minimum > f.maximum:
            self.err(file, body.line_of("maximum"), f"{what}: maximum {f.maximum} is below minimum {f.minimum}")
        for key, bound, attr in (("exclusiveMinimum", "minimum", "exclusive_minimum"),
                                 ("exclusiveMaximum", "maximum", "exclusive_maximum")):
            if key in body:
                line = body.line_of(key)
                if not isinstance(body[key], bool):
                    self.err(file, line, f"{what}: '{key}' must be true or false")
                elif getattr(f, bound) is None:
                    self.err(file, line, f"{what}: '{key}' needs '{bound}'")
                else:
                    setattr(f, attr, body[key])
        for key, attr, kinds, need in (("minItems", "min_items", ("list",), "a list type"),
                                       ("maxItems", "max_items", ("list",), "a list type"),
                                       ("minProperties", "min_properties", ("map", "json", "any", "struct"),
                                        "a map, json or struct type"),
                                       ("maxProperties", "max_properties", ("map", "json", "any", "struct"),
                                        "a map, json or struct type")):
            if key in body:
                v = body[key]
                line = body.line_of(key)
                if t.kind not in kinds:
                    self.err(file, line, f"{what}: '{key}' needs {need}, not {t.spelling()}")
                elif isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    self.err(file, line, f"{what}: '{key}' must be a non-negative integer")
                else:
                    setattr(f, attr, v)
        for lo, hi, klo, khi in (("min_items", "max_items", "minItems", "maxItems"),
                                 ("min_properties", "max_properties", "minProperties", "maxProperties")):
            a, b = getattr(f, lo), getattr(f, hi)
            if a is not None and b is not None and a > b:
                self.err(file, body.line_of(khi), f"{what}: {khi} {b} is below {klo} {a}")
        if "enum" in body:
            line = body.line_of("enum")
            vals = body["enum"]
            if t.kind != "string":
                self.err(file, line, f"{what}: an inline 'enum' needs type string, not {t.spelling()} (use an enum type)")
            elif not isinstance(vals, LocSeq) or not vals or not all(isinstance(x, str) for x in vals):
                self.err(file, line, f"{what}: 'enum' must be a non-empty list of strings (quote True/False)")
            elif len(set(vals)) != len(vals):
                self.err(file, line, f"{what}: 'enum' has a duplicate value")
            else:
                f.enum_values = list(vals)
        if "format" in body:
            line = body.line_of("format")
            v = body["format"]
            if t.kind != "string":
                self.err(file, line, f"{what}: 'format' needs type string, not {t.spelling()}")
            elif v not in STRING_FORMATS:
                self.err(file, line, f"{what}: format {v!r} is not one the API server knows")
            else:
                f.format = v
        for key, attr, kinds in (("nullable", "nullable", None),
                                 ("embeddedResource", "embedded_resource", ("json", "struct")),
                                 ("preserveUnknownFields", "preserve_unknown", ("struct",))):
            if key in body:
                line = body.line_of(key)
                if not isinstance(body[key], bool):
                    self.err(file, line, f"{what}: '{key}' must be true or false")
                elif kinds and t.kind not in kinds:
                    self.err(file, line, f"{what}: '{key}' needs {' or '.join(kinds)} type, not {t.spelling()}")
                else:
                    setattr(f, attr, body[key])
        if "validations" in body:
            f.validations = self.cel_rules(body, file, what)
        for key, attr in (("minLength", "min_length"), ("maxLength", "max_length")):
            if key in body:
                v = body[key]
                line = body.line_of(key)
                if t.kind != "string":
                    self.err(file, line, f"{what}: '{key}' needs type string, not {t.spelling()}")
                elif isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    self.err(file, line, f"{what}: '{key}' must be a non-negative integer")
                else:
                    setattr(f, attr, v)
        if f.min_length is not None and f.max_length is not None and f.min_length > f.max_length:
            self.err(file, body.line_of("maxLength"), f"{what}: maxLength {f.max_length} is below minLength {f.min_length}")
        if "pattern" in body:
            v = body["pattern"]
            line = body.line_of("pattern")
            if t.kind not in ("string", "int-or-string"):
                self.err(file, line, f"{what}: 'pattern' needs type string, not {t.spelling()}")
            elif not isinstance(v, str):
                self.err(file, line, f"{what}: 'pattern' must be a string")
            else:
                try:
                    re.compile(v)
                    f.pattern = v
                except re.error as e:
                    self.err(file, line, f"{what}: invalid pattern: {e}")
        if "microTime" in body:
            # Kubernetes' MicroTime (Lease acquireTime/renewTime, Event
            # eventTime): the API server refuses any other fraction than six
            # digits, so the encoder must always write exactly six.
            line = body.line_of("microTime")
            if not isinstance(body["microTime"], bool):
                self.err(file, line, f"{what}: 'microTime' must be true or false")
            elif t.kind != "date-time" and not (t.kind == "list" and t.elem.kind == "date-time"):
                self.err(file, line, f"{what}: 'microTime' needs type date-time, not {t.spelling()}")
            else:
                f.micro_time = body["microTime"]
        if "default" in body:
            self.field_default(f, body["default"], body.line_of("default"), what)
        if "listType" in body:
            line = body.line_of("listType")
            lt = body["listType"]
            if t.kind != "list":
                self.err(file, line, f"{what}: 'listType' needs a list type, not {t.spelling()}")
            elif lt not in ("atomic", "set", "map"):
                self.err(file, line, f"{what}: listType must be atomic, set or map, not {lt!r}")
            elif lt == "map" and t.elem.kind != "struct":
                self.err(file, line, f"{what}: listType map needs a list of structs")
            elif lt == "set" and t.elem.kind in ("struct", "list", "map", "json", "any"):
                self.err(file, line, f"{what}: listType set needs a list of scalars")
            else:
                f.list_type = lt
        if "listMapKeys" in body:
            line = body.line_of("listMapKeys")
            keys = body["listMapKeys"]
            if f.list_type != "map":
                if "listType" not in body or t.kind != "list":
                    self.err(file, line, f"{what}: 'listMapKeys' needs listType map")
                return
            if not isinstance(keys, LocSeq) or not keys or not all(isinstance(k, str) for k in keys):
                self.err(file, line, f"{what}: 'listMapKeys' must be a non-empty list of field names")
                return
            item = t.elem.struct
            for i, k in enumerate(keys):
                kf = next((x for x in item.fields if x.json == k), None)
                if kf is None or not kf.required:
                    self.err(file, keys.line_of(i), f"{what}: listMapKeys '{k}' is not a required field of struct '{item.name}'")
            f.list_map_keys = list(keys)
        elif f.list_type == "map":
            self.err(file, body.line_of("listType"), f"{what}: listType map needs 'listMapKeys'")

    def field_default(self, f, v, line, what):
        t = f.type
        file = f.struct.file
        ok = False
        if t.kind == "enum":
            if v not in t.enum.values:
                self.err(file, line, f"{what}: default {v!r} is not a value of enum {t.enum.name}")
                return
            ok = True
        elif t.kind in INT_RANGE:
            ok = isinstance(v, int) and not isinstance(v, bool)
            if ok and ((f.minimum is not None and v < f.minimum) or (f.maximum is not None and v > f.maximum)):
                self.err(file, line, f"{what}: default {v} is outside its bounds")
                return
        elif t.kind in FLOATS:
            ok = isinstance(v, (int, float)) and not isinstance(v, bool)
            if ok and ((f.minimum is not None and v < f.minimum) or (f.maximum is not None and v > f.maximum)):
                self.err(file, line, f"{what}: default {v} is outside its bounds")
                return
        elif t.kind in ("int-or-string", "quantity"):
            ok = isinstance(v, (int, str)) and not isinstance(v, bool)
        elif t.kind == "bool":
            ok = isinstance(v, bool)
        elif t.kind == "string":
            ok = isinstance(v, str)
        elif t.kind == "struct":
            # Only the empty object: it makes the API server apply the
            # struct's own field defaults when the object is absent.
            ok = isinstance(v, dict) and len(v) == 0
            v = {}
        else:
            self.err(file, line, f"{what}: defaults are not supported for {t.spelling()}")
            return
        if not ok:
            self.err(file, line, f"{what}: default {v!r} does not match type {t.spelling()}")
            return
        f.default = v
        f.has_default = True

    def cel_rules(self, body, file, what):
        """x-kubernetes-validations: a list of CEL rules, each a mapping
        with a string `rule` and optional message, messageExpression,
        reason, fieldPath and optionalOldSelf. The rules are not evaluated
        here (the API server compiles them when the CRD is applied)."""
        seq = self.get_seq(body, "validations", what)
        if seq is None:
            return []
        if not seq:
            self.err(file, body.line_of("validations"), f"{what}: 'validations' is empty")
        out = []
        for i, r in enumerate(seq):
            line = seq.line_of(i)
            if not isinstance(r, LocMap):
                self.err(file, line, f"{what}: a validation must be a mapping with a 'rule'")
                continue
            self.check_keys(r, CEL_KEYS, f"{what} validation")
            if "rule" not in r:
                self.err(file, r.line, f"{what}: validation is missing 'rule'")
                continue
            rule = {}
            for key in ("rule", "message", "messageExpression", "fieldPath"):
                if key not in r:
                    continue
                if not isinstance(r[key], str) or not r[key].strip():
                    self.err(file, r.line_of(key), f"{what}: CEL {key} must be a non-empty string")
                    continue
                rule[key] = r[key]
            if "fieldPath" in rule and not rule["fieldPath"].startswith("."):
                self.err(file, r.line_of("fieldPath"), f"{what}: CEL fieldPath must start with '.'")
            if "reason" in r:
                if r["reason"] not in CEL_REASONS:
                    self.err(file, r.line_of("reason"), f"{what}: CEL reason must be one of {', '.join(CEL_REASONS)}")
                else:
                    rule["reason"] = r["reason"]
            if "optionalOldSelf" in r:
                if not isinstance(r["optionalOldSelf"], bool):
                    self.err(file, r.line_of("optionalOldSelf"), f"{what}: CEL optionalOldSelf must be true or false")
                else:
                    rule["optionalOldSelf"] = r["optionalOldSelf"]
            if "rule" in rule:
                out.append(rule)
        return out

    def field_groups(self, st, body, key, what):
        """oneOf/anyOf of a struct: a list of field-name lists; each group
        becomes `{required: [names]}` in the CRD."""
        seq = self.get_seq(body, key, what)
        if seq is None:
            return []
        out = []
        names = {f.json for f in st.fields}
        if len(seq) < 2:
            self.err(st.file, body.line_of(key), f"{what}: '{key}' needs at least two alternatives")
        for i, g in enumerate(seq):
            line = seq.line_of(i)
            if isinstance(g, str):
                g = [g]
            if not isinstance(g, list) or not g or not all(isinstance(x, str) for x in g):
                self.err(st.file, line, f"{what}: each '{key}' alternative must be a field name or a list of them")
                continue
            bad = [x for x in g if x not in names]
            if bad:
                self.err(st.file, line, f"{what}: {key} names no field '{bad[0]}'")
                continue
            out.append(list(g))
        return out

    def define_struct(self, st, body):
        what = f"struct {st.name}"
        self.check_keys(body, STRUCT_KEYS, what)
        st.description = self.get_str(body, "description", what, required=True, default="")
        st.crd_opaque = self.get_bool(body, "crdOpaque", what)
        st.preserve_unknown = self.get_bool(body, "preserveUnknownFields", what)
        st.validations = self.cel_rules(body, st.file, what)
        if "mapType" in body:
            mt = body["mapType"]
            if mt not in ("atomic", "granular"):
                self.err(st.file, body.line_of("mapType"), f"{what}: mapType must be atomic or granular")
            else:
                st.map_type = mt
        fm = self.get_map(body, "fields", what, required=True)
        if fm is not None:
            if not fm:
                self.err(st.file, fm.line, f"{what}: 'fields' is empty")
            self.define_fields(st, fm, what)
        st.one_of = self.field_groups(st, body, "oneOf", what)
        st.any_of = self.field_groups(st, body, "anyOf", what)

    def implicit(self, st, json, type_, description, required=False):
        f = Field(st, json, st.line)
        f.type = type_
        f.description = description
        f.required = required
        f.implicit = True
        st.fields.append(f)
        return f

    def define_kind(self, kind, body):
        what = f"kind {kind.name}"
        pkg = kind.pkg
        st = kind.struct
        self.check_keys(body, KIND_KEYS, what)
        kind.description = self.get_str(body, "description", what, required=True, default="")
        st.description = kind.description
        kind.resource = self.get_bool(body, "resource", what, default=True)
        kind.group = self.get_str(body, "group", what, default=pkg.group)
        kind.version = self.get_str(body, "version", what, default=pkg.version)
        if kind.resource:
            kind.plural = self.get_str(body, "plural", what, required=True)
            kind.singular = self.get_str(body, "singular", what, required=True)
            kind.list_kind = self.get_str(body, "listKind", what, required=True)
            for key in ("plural", "singular"):
                v = getattr(kind, key)
                if v is not None and not DNS_LABEL.match(v):
                    self.err(kind.file, body.line_of(key), f"{what}: {key} '{v}' must be a lower-case DNS label")
            if "scope" not in body:
                self.err(kind.file, body.line, f"{what}: missing 'scope'")
            kind.scope = self.get_str(body, "scope", what, default="Namespaced")
            if kind.scope not in ("Namespaced", "Cluster"):
                self.err(kind.file, body.line_of("scope"), f"{what}: scope must be Namespaced or Cluster")
        else:
            for key in ("plural", "singular", "listKind", "shortNames", "scope", "statusSubresource", "printerColumns",
                        "selectableFields"):
                if key in body:
                    self.err(kind.file, body.key_line(key), f"{what}: '{key}' makes no sense with resource: false")
        sn = self.get_seq(body, "shortNames", what) or []
        for i, s in enumerate(sn):
            if not isinstance(s, str) or not DNS_LABEL.match(s):
                self.err(kind.file, sn.line_of(i), f"{what}: short name {s!r} must be a lower-case DNS label")
            else:
                kind.short_names.append(s)
        kind.status_subresource = self.get_bool(body, "statusSubresource", what)
        kind.validations = self.cel_rules(body, kind.file, what)
        cats = self.get_seq(body, "categories", what) or []
        for i, c in enumerate(cats):
            if not isinstance(c, str) or not DNS_LABEL.match(c):
                self.err(kind.file, cats.line_of(i), f"{what}: category {c!r} must be a lower-case DNS label")
            else:
                kind.categories.append(c)
        self.define_versions(kind, body, what)
        # implicit members
        meta_name = self.get_str(body, "metadata", what, default="ObjectMeta")
        meta_t = self.parse_type(pkg, meta_name, kind.file, body.line_of("metadata"), f"{what} metadata")
        self.implicit(st, "apiVersion", Type("string"),
                      f"API group and version of this object: {kind.api_version}.")
        self.implicit(st, "kind", Type("string"), f"Kind of this object: {kind.name}.")
        if meta_t is not None:
            if meta_t.kind == "struct" and meta_t.struct.name == "ListMeta":
                meta_desc = "List metadata: resourceVersion and continue token."
            else:
                meta_desc = "Standard object metadata: name, namespace, labels, resourceVersion."
            self.implicit(st, "metadata", meta_t, meta_desc)
        fm = self.get_map(body, "fields", what, required=True)
        if fm is not None:
            for json in fm:
                if json in RESERVED_KIND_FIELDS:
                    self.err(kind.file, fm.key_line(json), f"{what}: field '{json}' is added by the generator")
            self.define_fields(st, LocMapView(fm, RESERVED_KIND_FIELDS), what)
        if kind.status_subresource and not any(f.json == "status" for f in st.fields):
            self.err(kind.file, body.line_of("statusSubresource"), f"{what}: statusSubresource needs a 'status' field")
        # the List object
        if kind.resource:
            self.claim(st.cname + "_kind", kind.file, kind.line, f"kind table of {kind.name}")
            lst = Struct(pkg, (kind.list_kind or kind.name + "List"), kind.line)
            lst.cname = st.cname + "_list"
            lst.list_of = kind
            lst.description = f"A page of {kind.name} objects as returned by a list call."
            self.claim(lst.cname, kind.file, kind.line, f"list of kind {kind.name}")
            self.implicit(lst, "apiVersion", Type("string"), f"API group and version of the list: {kind.api_version}.")
            self.implicit(lst, "kind", Type("string"), f"Always {kind.list_kind}.")
            lm = self.types.get("ListMeta")
            if lm is None or not isinstance(lm, Struct) or not self.visible(pkg, lm.pkg):
                self.err(kind.file, kind.line, f"{what}: type 'ListMeta' is not available (import k8s.core.yaml)")
            else:
                self.implicit(lst, "metadata", Type("struct", struct=lm), "List metadata: resourceVersion and continue token.")
            self.implicit(lst, "items", Type("list", elem=Type("struct", struct=st)), f"The {kind.name} objects.", required=True)
            kind.list_struct = lst
            pkg.structs.append(st)
            pkg.structs.append(lst)
        else:
            pkg.structs.append(st)
        # printer columns (after fields so paths resolve)
        cols = self.get_seq(body, "printerColumns", what) or []
        for i, c in enumerate(cols):
            line = cols.line_of(i)
            if not isinstance(c, LocMap):
                self.err(kind.file, line, f"{what}: printer column must be a mapping")
                continue
            self.check_keys(c, COLUMN_KEYS, f"{what} printer column")
            name = self.get_str(c, "name", f"{what} printer column", required=True)
            ctype = self.get_str(c, "type", f"{what} printer column", required=True)
            path = self.get_str(c, "jsonPath", f"{what} printer column", required=True)
            prio = c.get("priority", 0)
            if not isinstance(prio, int) or isinstance(prio, bool) or prio < 0:
                self.err(kind.file, c.line_of("priority"), f"{what}: printer column priority must be a non-negative integer")
                prio = 0
            if ctype is not None and ctype not in COLUMN_TYPES:
                self.err(kind.file, c.line_of("type"), f"{what}: printer column type '{ctype}' is not one of {', '.join(COLUMN_TYPES)}")
            if path is not None:
                problem = self.column_path_problem(st, path)
                if problem:
                    self.err(kind.file, c.line_of("jsonPath"), f"{what}: printer column path '{path}' {problem}")
            fmt = self.get_str(c, "format", f"{what} printer column")
            if fmt is not None and fmt not in COLUMN_FORMATS:
                self.err(kind.file, c.line_of("format"), f"{what}: printer column format '{fmt}' is not one of {', '.join(COLUMN_FORMATS)}")
            kind.columns.append(Column(name, ctype, path, prio, c.get("description"), fmt))
        self.define_selectable(kind, st, body, what)
        self.define_scale(kind, st, body, what)

    def define_versions(self, kind, body, what):
        """versions: more served versions with the same schema (the CRD
        lists them all; conversion None); storageVersion: which one etcd
        keeps (default: the kind's own version)."""
        vers = [{"name": kind.version, "served": True}]
        seq = self.get_seq(body, "versions", what) or []
        for i, v in enumerate(seq):
            line = seq.line_of(i)
            if not isinstance(v, LocMap):
                self.err(kind.file, line, f"{what}: a version must be a mapping with a 'name'")
                continue
            self.check_keys(v, VERSION_KEYS, f"{what} version")
            name = self.get_str(v, "name", f"{what} version", required=True)
            if name is None:
                continue
            if not re.match(r"^v[0-9]+((alpha|beta)[0-9]+)?$", name):
                self.err(kind.file, v.line_of("name"), f"{what}: version name '{name}' is not a Kubernetes version (v1, v1beta2)")
                continue
            if any(x["name"] == name for x in vers):
                self.err(kind.file, v.line_of("name"), f"{what}: duplicate version '{name}'")
                continue
            e = {"name": name, "served": self.get_bool(v, "served", f"{what} version", default=True)}
            if self.get_bool(v, "deprecated", f"{what} version"):
                e["deprecated"] = True
            dw = self.get_str(v, "deprecationWarning", f"{what} version")
            if dw is not None:
                if not e.get("deprecated"):
                    self.err(kind.file, v.line_of("deprecationWarning"), f"{what}: deprecationWarning needs deprecated: true")
                e["deprecationWarning"] = dw
            vers.append(e)
        kind.storage_version = kind.version
        if "storageVersion" in body:
            sv = self.get_str(body, "storageVersion", what)
            if sv is not None and not any(x["name"] == sv for x in vers):
                self.err(kind.file, body.line_of("storageVersion"), f"{what}: storageVersion '{sv}' is not one of its versions")
            elif sv is not None:
                kind.storage_version = sv
        if not vers[0]["served"]:
            self.err(kind.file, body.line, f"{what}: its own version must be served")
        kind.versions = vers

    def define_scale(self, kind, st, body, what):
        """scale: the scale subresource; replicas paths name int32 fields
        (spec and status), the selector path a string field of status."""
        sc = self.get_map(body, "scale", what)
        if sc is None:
            return
        self.check_keys(sc, SCALE_KEYS, f"{what} scale")
        out = {}
        for key, kinds, root in (("specReplicasPath", ("int32",), ".spec."),
                                 ("statusReplicasPath", ("int32",), ".status."),
                                 ("labelSelectorPath", ("string",), ".status.")):
            path = self.get_str(sc, key, f"{what} scale", required=key != "labelSelectorPath")
            if path is None:
                continue
            f = self.resolve_field(st, path)
            if f is None or not path.startswith(root):
                self.err(kind.file, sc.line_of(key), f"{what}: scale {key} '{path}' does not name a field under {root[:-1]}")
            elif f.type.kind not in kinds:
                self.err(kind.file, sc.line_of(key), f"{what}: scale {key} '{path}' must be {' or '.join(kinds)}, not {f.type.spelling()}")
            else:
                out[key] = path
        if kind.resource and not kind.status_subresource:
            self.err(kind.file, body.line_of("scale"), f"{what}: scale needs statusSubresource: true")
        kind.scale = out

    def define_selectable(self, kind, st, body, what):
        """selectableFields: JSON paths of scalar fields the API server can
        filter lists and watches on (fieldSelector), at most 8."""
        sel = self.get_seq(body, "selectableFields", what) or []
        if len(sel) > 8:
            self.err(kind.file, body.line_of("selectableFields"), f"{what}: at most 8 selectableFields")
        for i, path in enumerate(sel):
            line = sel.line_of(i)
            f = self.resolve_field(st, path) if isinstance(path, str) else None
            if f is None:
                self.err(kind.file, line, f"{what}: selectable field {path!r} does not name a field")
            elif f.type.kind not in ("string", "enum", "bool", "int32", "int64"):
                self.err(kind.file, line, f"{what}: selectable field {path!r} must be a string, enum, bool or integer")
            else:
                kind.selectable.append(path)

    def resolve_field(self, st, path):
        """The field a simple .a.b.c JSON path names below st, or None."""
        if not path.startswith("."):
            return None
        cur, f = st, None
        for p in path[1:].split("."):
            if cur is None:
                return None
            f = next((x for x in cur.fields if x.json == p), None)
            if f is None or f.type is None:
                return None
            cur = f.type.struct if f.type.kind == "struct" else None
        return f

    def column_path_problem(self, st, path):
        """None when a printer-column JSONPath names a field below st, else
        what is wrong. Besides .a.b.c it accepts, after a list of structs,
        an index [0], a wildcard [*] or a filter [?(@.key=="value")] whose
        key is a field of the item struct (kubectl's JSONPath subset that
        controller-gen users write for Ready columns)."""
        if not path.startswith("."):
            return "does not name a field"
        seg = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?')
        pos, cur, f = 0, st, None
        while pos < len(path):
            m = seg.match(path, pos)
            if not m or cur is None:
                return "does not name a field"
            f = next((x for x in cur.fields if x.json == m.group(1)), None)
            if f is None or f.type is None:
                return "does not name a field"
            t = f.type
            if m.group(2):
                if t.kind != "list":
                    return f"indexes '{f.json}', which is not a list"
                inner = m.group(2)[1:-1].strip()
                t = t.elem
                fm = re.match(r'^\?\(@\.([A-Za-z_][A-Za-z0-9_]*)\s*==\s*("[^"]*"|\'[^\']*\'|-?[0-9]+|true|false)\)$', inner)
                if fm:
                    if t.kind != "struct":
                        return f"filters '{f.json}', which is not a list of structs"
                    key = next((x for x in t.struct.fields if x.json == fm.group(1)), None)
                    if key is None:
                        return f"filter names no field '{fm.group(1)}' of {t.struct.name}"
                elif not re.match(r"^(\*|[0-9]+|-[0-9]+)$", inner):
                    return f"has an unsupported subscript [{inner}]"
            cur = t.struct if t.kind == "struct" else None
            pos = m.end()
        return None

    def resolve_path(self, st, path):
        """True when a simple .a.b.c JSON path names a field below st."""
        return self.resolve_field(st, path) is not None

    def check_recursion(self, pkg):
        """A struct may not embed itself by value, directly or not."""
        state = {}

        def visit(s, chain):
            if state.get(id(s)) == 2:
                return
            if state.get(id(s)) == 1:
                self.err(s.file, s.line, f"struct {s.name}: embeds itself by value ({' -> '.join(chain + [s.name])}); use a list")
                return
            state[id(s)] = 1
            for d in s.deps():
                visit(d, chain + [s.name])
            state[id(s)] = 2

        for s in pkg.structs:
            visit(s, [])

    def claim_symbols(self, st):
        """Global functions derived from a struct: accessors and wrappers."""
        for f in st.bit_fields:
            for verb in ("has", "set", "clear"):
                self.claim(f"{st.cname}_{verb}_{f.cname}", st.file, f.line, f"accessor of {st.name}.{f.json}")


class LocMapView(LocMap):
    """A copy of a LocMap without some keys (reserved kind fields)."""

    def __init__(self, src, drop):
        super().__init__(src.file, src.line)
        for k, v in src.items():
            if k in drop:
                continue
            self[k] = v
            self.key_lines[k] = src.key_lines[k]
            self.value_lines[k] = src.value_lines[k]


def load_schema(root, main_path):
    """
    Loads the schema at main_path (with imports) relative to repository root.
    Returns (packages in dependency order, sorted error list).
    """
    ld = Loader(root)
    ld.load(main_path)
    errors = ld.errors.sorted()
    return ld.order, errors

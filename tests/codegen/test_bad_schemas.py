"""Broken schemas are rejected with one precise `file:LINE: message` line.

Each tests/codegen/bad/<name>.yaml is tests/codegen/good/minimal.yaml with
one mistake; the generator (in --validate mode) must exit 1 and print
exactly the expected line. An expectation ending in "..." is a prefix (used
where the rest comes from Python's own regex error text).
"""

import glob
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.join(SRC, "codegen", "foremangen.py")

EXPECTED = {
    "addition_required":
        "tests/codegen/bad/addition_required.yaml:15: struct ThingSpec field 'name': an addition to the reference API cannot be required",
    "bad_import":
        "tests/codegen/bad/bad_import.yaml:3: imports: cannot find 'nope.yaml'",
    "bad_pattern":
        "tests/codegen/bad/bad_pattern.yaml:15: struct ThingSpec field 'name': invalid pattern: ...",
    "bad_scope":
        'tests/codegen/bad/bad_scope.yaml:26: kind Thing: scope must be Namespaced or Cluster',
    "c_name_collision":
        "tests/codegen/bad/c_name_collision.yaml:19: struct ThingSpec field 'minRAMGB': duplicate C member name 'min_ram_gb' (also field 'min_ram_gb')",
    "default_type":
        "tests/codegen/bad/default_type.yaml:18: struct ThingSpec field 'size': default 'big' does not match type int32",
    "duplicate_enum_value":
        "tests/codegen/bad/duplicate_enum_value.yaml:7: enum Color: duplicate value 'red'",
    "duplicate_field":
        "tests/codegen/bad/duplicate_field.yaml:16: duplicate key 'name' (first at line 12)",
    "duplicate_type":
        "tests/codegen/bad/duplicate_type.yaml:9: duplicate type name 'Color' (also defined at tests/codegen/bad/duplicate_type.yaml:5)",
    "enum_default":
        "tests/codegen/bad/enum_default.yaml:18: struct ThingSpec field 'color': default 'blue' is not a value of enum Color",
    "kind_table_collision":
        "tests/codegen/bad/kind_table_collision.yaml:24: kind table of Thing: C name 'ex_thing_kind' collides with enum ThingKind (tests/codegen/bad/kind_table_collision.yaml:5)",
    "length_on_enum":
        "tests/codegen/bad/length_on_enum.yaml:19: struct ThingSpec field 'color': 'maxLength' needs type string, not Color",
    "list_map_key_not_required":
        "tests/codegen/bad/list_map_key_not_required.yaml:23: struct ThingSpec field 'items': listMapKeys 'color' is not a required field of struct 'ThingSpec'",
    "list_map_keys_without_map":
        "tests/codegen/bad/list_map_keys_without_map.yaml:22: struct ThingSpec field 'items': 'listMapKeys' needs listType map",
    "list_type_on_scalar":
        "tests/codegen/bad/list_type_on_scalar.yaml:19: struct ThingSpec field 'color': 'listType' needs a list type, not Color",
    "micro_time_on_string":
        "tests/codegen/bad/micro_time_on_string.yaml:15: struct ThingSpec field 'name': 'microTime' needs type date-time, not string",
    "min_above_max":
        "tests/codegen/bad/min_above_max.yaml:19: struct ThingSpec field 'size': maximum 5 is below minimum 10",
    "min_on_string":
        "tests/codegen/bad/min_on_string.yaml:15: struct ThingSpec field 'name': 'minimum' needs a numeric type, not string",
    "missing_description":
        "tests/codegen/bad/missing_description.yaml:17: struct ThingSpec field 'color': missing 'description'",
    "missing_plural":
        "tests/codegen/bad/missing_plural.yaml:22: kind Thing: missing 'plural'",
    "printer_column_path":
        "tests/codegen/bad/printer_column_path.yaml:33: kind Thing: printer column path '.spec.size' does not name a field",
    "printer_column_type":
        "tests/codegen/bad/printer_column_type.yaml:33: kind Thing: printer column type 'text' is not one of string, integer, number, boolean, date",
    "recursive_struct":
        'tests/codegen/bad/recursive_struct.yaml:9: struct ThingSpec: embeds itself by value (ThingSpec -> ThingSpec); use a list',
    "reserved_kind_field":
        "tests/codegen/bad/reserved_kind_field.yaml:28: kind Thing: field 'metadata' is added by the generator",
    "selectable_missing":
        "tests/codegen/bad/selectable_missing.yaml:33: kind Thing: selectable field '.spec.size' does not name a field",
    "selectable_not_scalar":
        "tests/codegen/bad/selectable_not_scalar.yaml:32: kind Thing: selectable field '.spec' must be a string, enum, bool or integer",
    "status_without_field":
        "tests/codegen/bad/status_without_field.yaml:27: kind Thing: statusSubresource needs a 'status' field",
    "unknown_attribute":
        "tests/codegen/bad/unknown_attribute.yaml:14: struct ThingSpec field 'name': unknown attribute 'requird'",
    "unknown_type":
        "tests/codegen/bad/unknown_type.yaml:17: struct ThingSpec field 'color': unknown type 'Colour'",
    "bad_category":
        "tests/codegen/bad/bad_category.yaml:27: kind Thing: category 'All' must be a lower-case DNS label",
    "cel_bad_reason":
        "tests/codegen/bad/cel_bad_reason.yaml:19: struct ThingSpec field 'size': CEL reason must be one of FieldValueInvalid, FieldValueForbidden, FieldValueRequired, FieldValueDuplicate",
    "cel_rule_not_string":
        "tests/codegen/bad/cel_rule_not_string.yaml:19: struct ThingSpec field 'size': CEL rule must be a non-empty string",
    "cel_unknown_key":
        "tests/codegen/bad/cel_unknown_key.yaml:19: struct ThingSpec field 'size' validation: unknown attribute 'mesage'",
    "column_filter_field":
        'tests/codegen/bad/column_filter_field.yaml:36: kind Thing: printer column path \'.spec.conditions[?(@.kind=="Ready")].status\' filter names no field \'kind\' of Condition',
    "column_filter_not_list":
        'tests/codegen/bad/column_filter_not_list.yaml:33: kind Thing: printer column path \'.spec.name[?(@.type=="Ready")]\' indexes \'name\', which is not a list',
    "column_format":
        "tests/codegen/bad/column_format.yaml:33: kind Thing: printer column format 'text' is not one of int32, int64, float, double, byte, date, date-time, password",
    "embedded_on_string":
        "tests/codegen/bad/embedded_on_string.yaml:18: struct ThingSpec field 'template': 'embeddedResource' needs json or struct type, not string",
    "exclusive_without_minimum":
        "tests/codegen/bad/exclusive_without_minimum.yaml:18: struct ThingSpec field 'ratio': 'exclusiveMinimum' needs 'minimum'",
    "float_bound_on_integer":
        "tests/codegen/bad/float_bound_on_integer.yaml:18: struct ThingSpec field 'size': 'minimum' must be an integer",
    "format_on_integer":
        "tests/codegen/bad/format_on_integer.yaml:18: struct ThingSpec field 'size': 'format' needs type string, not integer",
    "inline_enum_on_integer":
        "tests/codegen/bad/inline_enum_on_integer.yaml:18: struct ThingSpec field 'size': an inline 'enum' needs type string, not int32 (use an enum type)",
    "map_key_not_string":
        "tests/codegen/bad/map_key_not_string.yaml:17: struct ThingSpec field 'counts': map keys must be strings: map<string,T>, not 'map<int32,string>'",
    "min_items_on_map":
        "tests/codegen/bad/min_items_on_map.yaml:18: struct ThingSpec field 'counts': 'minItems' needs a list type, not map<string,int32>",
    "min_properties_on_list":
        "tests/codegen/bad/min_properties_on_list.yaml:18: struct ThingSpec field 'tags': 'minProperties' needs a map, json or struct type, not list<string>",
    "nullable_not_bool":
        "tests/codegen/bad/nullable_not_bool.yaml:18: struct ThingSpec field 'note': 'nullable' must be true or false",
    "one_of_unknown_field":
        "tests/codegen/bad/one_of_unknown_field.yaml:11: struct ThingSpec: oneOf names no field 'colour'",
    "scale_path_type":
        "tests/codegen/bad/scale_path_type.yaml:32: kind Thing: scale specReplicasPath '.spec.name' must be int32, not string",
    "set_of_lists":
        "tests/codegen/bad/set_of_lists.yaml:18: struct ThingSpec field 'grid': listType set needs a list of scalars",
    "storage_version_unknown":
        "tests/codegen/bad/storage_version_unknown.yaml:28: kind Thing: storageVersion 'v2' is not one of its versions",
    "unknown_format":
        "tests/codegen/bad/unknown_format.yaml:18: struct ThingSpec field 'when': format 'timestamp' is not one the API server knows",
    "cel_field_path":
        "tests/codegen/bad/cel_field_path.yaml:19: struct ThingSpec field 'size': CEL fieldPath must start with '.'",
    "duplicate_version":
        "tests/codegen/bad/duplicate_version.yaml:27: kind Thing: duplicate version 'v1beta1'",
    "int_or_string_default":
        "tests/codegen/bad/int_or_string_default.yaml:18: struct ThingSpec field 'port': default True does not match type int-or-string",
    "max_items_below_min":
        "tests/codegen/bad/max_items_below_min.yaml:19: struct ThingSpec field 'tags': maxItems 1 is below minItems 3",
    "preserve_on_string":
        "tests/codegen/bad/preserve_on_string.yaml:18: struct ThingSpec field 'note': 'preserveUnknownFields' needs struct type, not string",
    "constant_not_string":
        "tests/codegen/bad/constant_not_string.yaml:6: constant LabelOwner: value must be a non-empty string",
    "constant_c_name_collision":
        "tests/codegen/bad/constant_c_name_collision.yaml:8: constant LabelUrl: C name 'EX_LABEL_URL' collides with constant LabelURL (tests/codegen/bad/constant_c_name_collision.yaml:5)",
    "yaml_syntax":
        "tests/codegen/bad/yaml_syntax.yaml:24: YAML syntax error: expected ',' or ']', but got ':'",
}


sys.path.insert(0, os.path.join(SRC, "codegen"))
sys.dont_write_bytecode = True
import model  # noqa: E402


def validate(path):
    """Validates in this process (a Python start per case made the suite
    take a minute): (exit status, stdout, stderr) as the CLI would give."""
    _, errors = model.load_schema(SRC, path)
    return (1 if errors else 0), "", "".join(f"{e}\n" for e in errors)


def validate_cli(path):
    r = subprocess.run([sys.executable, GEN, "--root", SRC, "--schema", path, "--validate"],
                       capture_output=True, text=True, cwd=SRC)
    return r.returncode, r.stdout, r.stderr


class BadSchemas(unittest.TestCase):
    def test_every_bad_file_has_an_expectation(self):
        names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(HERE, "bad", "*.yaml")))
        self.assertEqual(names, sorted(EXPECTED))

    def test_minimal_schema_is_valid(self):
        rc, out, err = validate(os.path.join(HERE, "good", "minimal.yaml"))
        self.assertEqual((rc, err), (0, ""))

    def test_real_schema_is_valid(self):
        rc, out, err = validate(os.path.join(SRC, "schema", "foreman.v1alpha1.yaml"))
        self.assertEqual((rc, err), (0, ""))

    def test_every_construct_fixture_is_valid(self):
        rc, out, err = validate(os.path.join(HERE, "good", "every_construct.yaml"))
        self.assertEqual((rc, err), (0, ""))

    def test_cli_prints_the_same_line(self):
        path = os.path.join(HERE, "bad", "cel_rule_not_string.yaml")
        rc, out, err = validate_cli(path)
        self.assertEqual((rc, out, err), validate(path))

    def test_bad_schemas(self):
        for name, expected in sorted(EXPECTED.items()):
            with self.subTest(schema=name):
                rc, out, err = validate(os.path.join(HERE, "bad", name + ".yaml"))
                self.assertEqual(rc, 1)
                self.assertEqual(out, "")
                lines = err.rstrip("\n").split("\n")
                self.assertEqual(len(lines), 1, err)
                if expected.endswith("..."):
                    self.assertTrue(lines[0].startswith(expected[:-3]), lines[0])
                else:
                    self.assertEqual(lines[0], expected)

    def test_errors_are_collected_not_first_only(self):
        # Two mistakes in one file: both reported, sorted by line.
        import tempfile
        with open(os.path.join(HERE, "good", "minimal.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("type: Color", "type: Colour").replace("scope: Namespaced", "scope: Global")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "two.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            rc, out, err = validate(path)
        lines = err.rstrip("\n").split("\n")
        self.assertEqual(rc, 1)
        self.assertEqual(len(lines), 2, err)
        self.assertIn("unknown type 'Colour'", lines[0])
        self.assertIn("scope must be Namespaced or Cluster", lines[1])
        self.assertTrue(lines[0].startswith(path + ":"), lines[0])


if __name__ == "__main__":
    unittest.main()

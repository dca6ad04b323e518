"""yamlloc - load a YAML file into plain Python values that remember lines.

The schema validator must point at the line of every mistake, so the schema
is not read with yaml.safe_load: it is composed into PyYAML's node tree
(which carries marks) and converted into LocMap / LocSeq containers that
keep the 1-based line of every key, value and item. Scalars become ordinary
Python values (str, int, bool, float, None).

Duplicate keys in one mapping are an error here (PyYAML silently keeps the
last one), reported as `file:LINE: duplicate key 'x' (first at line N)`.
"""

import yaml

_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class SchemaError(Exception):
    """One schema mistake: file (as displayed), 1-based line, message."""

    def __init__(self, file, line, message):
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message

    def __str__(self):
        return f"{self.file}:{self.line}: {self.message}"


class LocMap(dict):
    """A mapping that knows its own line and the line of each value."""

    def __init__(self, file, line):
        super().__init__()
        self.file = file
        self.line = line
        self.key_lines = {}
        self.value_lines = {}

    def line_of(self, key):
        """Line of the value stored under key (the mapping's line if absent)."""
        return self.value_lines.get(key, self.line)

    def key_line(self, key):
        """Line of the key itself (the mapping's line if absent)."""
        return self.key_lines.get(key, self.line)


class LocSeq(list):
    """A sequence that knows its own line and the line of each item."""

    def __init__(self, file, line):
        super().__init__()
        self.file = file
        self.line = line
        self.item_lines = []

    def line_of(self, index):
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _convert(node, file, ctor):
    """Turns a composed node into LocMap / LocSeq / scalar, recursively."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LocMap(file, line)
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise SchemaError(file, knode.start_mark.line + 1, "mapping keys must be plain strings")
            key = ctor.construct_object(knode, deep=True)
            if not isinstance(key, str):
                key = str(key)
            kline = knode.start_mark.line + 1
            if key in out:
                raise SchemaError(file, kline,
                                  f"duplicate key '{key}' (first at line {out.key_lines[key]})")
            out[key] = _convert(vnode, file, ctor)
            out.key_lines[key] = kline
            out.value_lines[key] = vnode.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LocSeq(file, line)
        for item in node.value:
            out.append(_convert(item, file, ctor))
            out.item_lines.append(item.start_mark.line + 1)
        return out
    return ctor.construct_object(node, deep=True)


def load(path, display):
    """
    Reads the YAML document at path. Errors (syntax, duplicate keys, an empty
    file) raise SchemaError naming `display` and the line. Returns the root
    value (normally a LocMap).
    """
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise SchemaError(display, 0, f"cannot read: {e.strerror}")
    # libyaml's parser when PyYAML has it (an order of magnitude faster:
    # the schema tests load schemas a hundred times); a syntax error is
    # reported from the pure-Python parser, whose wording is the one the
    # messages promise.
    if _FAST_LOADER is not None:
        loader = _FAST_LOADER(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                return _convert(node, display, loader)
        except yaml.MarkedYAMLError:
            pass
        finally:
            loader.dispose()
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SchemaError(display, 1, "empty schema file")
        return _convert(node, display, loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        problem = e.problem or e.context or "YAML syntax error"
        raise SchemaError(display, line, f"YAML syntax error: {problem}")
    finally:
        loader.dispose()

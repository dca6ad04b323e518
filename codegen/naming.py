"""naming - how schema names become C identifiers.

Rules (docs/schema.md repeats them):
  * JSON / type names are split into words at case changes; a run of
    capitals is one word ("commitSHA" -> commit, SHA) unless it ends where a
    capitalised word begins ("GPUInfo" -> GPU, Info). A few unit and
    hardware abbreviations are known so that adjacent ones split too:
    "minRAMGB" -> min, RAM, GB and "memoryMiB" -> memory, MiB.
  * Characters outside [A-Za-z0-9] separate words ("NO-GO" -> NO, GO).
  * C names are the lower-cased words joined by "_", enum constants the
    upper-cased ones; a C keyword or reserved name gets a trailing "_".
"""

import re

# Longest first: the tokenizer tries them in this order at each capital.
KNOWN_ABBREVIATIONS = sorted(["RAM", "GB", "MB", "TB", "GiB", "MiB", "SHA", "GPU", "CPU"],
                             key=lambda s: (-len(s), s))

C_KEYWORDS = frozenset("""
auto break case char const continue default do double else enum extern float for
goto if inline int long register restrict return short signed sizeof static struct
switch typedef union unsigned void volatile while _Alignas _Alignof _Atomic _Bool
_Complex _Generic _Imaginary _Noreturn _Static_assert _Thread_local bool true false
NULL errno assert offsetof
""".split())

C_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def words(name):
    """Splits a schema name into its words (see the module comment)."""
    out = []
    i, n = 0, len(name)
    while i < n:
        c = name[i]
        if not c.isascii() or not c.isalnum():
            i += 1
            continue
        if c.islower() or c.isdigit():
            j = i
            while j < n and name[j].isascii() and (name[j].islower() or name[j].isdigit()):
                j += 1
            out.append(name[i:j])
            i = j
            continue
        # c is a capital letter.
        taken = None
        for abbr in KNOWN_ABBREVIATIONS:
            end = i + len(abbr)
            if name.startswith(abbr, i) and (end == n or not name[end].islower()):
                taken = abbr
                break
        if taken:
            j = i + len(taken)
            while j < n and name[j].isdigit():
                j += 1
            out.append(name[i:j])
            i = j
            continue
        if i + 1 < n and name[i + 1].islower():
            j = i + 1
            while j < n and name[j].isascii() and (name[j].islower() or name[j].isdigit()):
                j += 1
            out.append(name[i:j])
            i = j
            continue
        j = i
        while j < n and name[j].isascii() and (name[j].isupper() or name[j].isdigit()):
            j += 1
        # "HTTPServer": the last capital starts the next word.
        if j < n and name[j].islower() and j - i > 1:
            j -= 1
        out.append(name[i:j])
        i = j
    return out


def snake(name):
    """snake_case C name of a schema name ("minRAMGB" -> "min_ram_gb")."""
    return "_".join(w.lower() for w in words(name))


def c_safe(ident):
    """Appends "_" to C keywords and reserved spellings."""
    if ident in C_KEYWORDS or ident.startswith("_"):
        return ident + "_"
    return ident


def field_cname(json_name):
    """C member name of a JSON field."""
    return c_safe(snake(json_name))


def type_cname(prefix, type_name):
    """C type name of a schema type: prefix "fm", "TaskPhase" -> "fm_task_phase"."""
    return f"{prefix}_{snake(type_name)}"


def enum_const(enum_cname, value):
    """Enum constant: "fm_verdict", "NO-GO" -> "FM_VERDICT_NO_GO"."""
    return f"{enum_cname}_{snake(str(value))}".upper()


def c_string(s):
    """A C string literal for s (UTF-8 bytes, escapes for quotes, backslashes,
    control and non-ASCII bytes; split after hex escapes so a following hex
    digit cannot extend them)."""
    out = ['"']
    prev_hex = False
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch == '"':
            out.append('\\"')
            prev_hex = False
        elif ch == "\\":
            out.append("\\\\")
            prev_hex = False
        elif ch == "\n":
            out.append("\\n")
            prev_hex = False
        elif ch == "\t":
            out.append("\\t")
            prev_hex = False
        elif 0x20 <= b < 0x7F:
            if prev_hex and ch in "0123456789abcdefABCDEF":
                out.append('" "')
            if ch == "?":
                out.append("\\?")  # no trigraphs
            else:
                out.append(ch)
            prev_hex = False
        else:
            out.append("\\x%02x" % b)
            prev_hex = True
    out.append('"')
    return "".join(out)

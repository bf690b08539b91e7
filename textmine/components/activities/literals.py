"""Required literals of a regular expression: texts one of which every match contains, so
that a text holding none of them need not be searched (the outcome and plan cues are
searched in every sentence, and most sentences hold none of their literals).

The pattern is read as a sequence of top-level items (a character, an escape, a class, a
group, each maybe quantified). A literal is a run of letters and spaces that no quantifier
makes optional, or a group of plain words ('(?:ökade|minskade)') with the run after it; the
first such literal is taken, else one inside a positive lookaround. Patterns with inline
flags ('(?i)') get none: a literal would not match the other case.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

import regex

_PLAIN = regex.compile(r"[\p{L} ]")  # a character that matches itself
_WORDS = regex.compile(r"\?:([\p{L} ]+(?:\|[\p{L} ]+)*)")  # inside of (?:ökade|minskade)
_QUANTIFIER = regex.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_INLINE_FLAGS = regex.compile(r"\(\?(?!P)[a-zA-Z]")  # (?i), (?i:...); not (?P<name>...)
_ESCAPE_ARGUMENT = {"x": 2, "u": 4, "U": 8}  # \x41, \u00a0, \U0001f600: hexadecimal digits
_NONE = ("",)


class _Item(NamedTuple):
    kind: str  # "char", "group" (its inside in text), "lookaround" (positive) or "other"
    text: str
    optional: bool  # a quantifier follows: it may match nothing (or repeat)


def required_literals(pattern: str) -> tuple[str, ...]:
    """Texts one of which every match of ``pattern`` contains (``("",)`` when none is
    found). With an alternation outside groups, the literals of every alternative."""
    if _INLINE_FLAGS.search(pattern):
        return _NONE
    alternatives = _top_level_alternatives(pattern)
    if len(alternatives) > 1:
        found = [required_literals(alternative) for alternative in alternatives]
        if _NONE in found:
            return _NONE
        return tuple(dict.fromkeys(literal for literals in found for literal in literals))
    items = _items(pattern)
    return next((found for found in _candidates(items)
                 if all(any(c.isalpha() for c in literal) for literal in found)), _NONE)


def required_literal(pattern: str) -> str:
    """The text every match of ``pattern`` contains ('' when there is no single one)."""
    literals = required_literals(pattern)
    return literals[0] if len(literals) == 1 else ""


def _candidates(items: list[_Item]) -> Iterator[tuple[str, ...]]:
    """Literal sets every match holds, in pattern order, then those of the lookarounds."""
    k = 0
    while k < len(items):
        item = items[k]
        if item.kind == "char" and not item.optional and _PLAIN.fullmatch(item.text):
            run, k = _run(items, k)
            yield (run,)
            continue
        words = _WORDS.fullmatch(item.text) if item.kind == "group" and not item.optional \
            else None
        if words is not None:
            tail, k = _run(items, k + 1)
            yield tuple(word + tail for word in words.group(1).split("|"))
            continue
        k += 1
    for item in items:
        if item.kind == "lookaround":
            yield required_literals(item.text)


def _run(items: list[_Item], k: int) -> tuple[str, int]:
    """The letters and spaces that ``items[k:]`` open with (none optional), and where
    they stop."""
    run = []
    while k < len(items) and items[k].kind == "char" and not items[k].optional \
            and _PLAIN.fullmatch(items[k].text):
        run.append(items[k].text)
        k += 1
    return "".join(run), k


def _items(pattern: str) -> list[_Item]:
    """The top-level items of a pattern without top-level alternation."""
    items = []
    k = 0
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            end, kind, text = _escape_end(pattern, k), "other", ""
        elif char == "[":
            end, kind, text = _class_end(pattern, k), "other", ""
        elif char == "(":
            end = _group_end(pattern, k)
            inside = pattern[k + 1:end - 1]
            if inside.startswith(("?<=", "?=")):
                kind, text = "lookaround", inside[3:] if inside.startswith("?<=") else inside[2:]
            elif inside.startswith("?:"):
                kind, text = "group", inside
            else:  # a capture group, a negative lookaround, an atomic group, ...
                kind, text = "other", ""
        else:
            end, kind, text = k + 1, "char", char
        quantifier = _QUANTIFIER.match(pattern, end)
        if quantifier is not None:
            end = quantifier.end()
        items.append(_Item(kind, text, quantifier is not None))
        k = end
    return items


def _escape_end(pattern: str, k: int) -> int:
    """End of the escape at ``k`` (\\b, \\d, \\p{L}, \\x41, \\u00a0, \\12 ...)."""
    letter = pattern[k + 1:k + 2]
    if letter in ("p", "P", "N") and pattern[k + 2:k + 3] == "{":
        return pattern.index("}", k) + 1
    if letter in ("p", "P"):
        return k + 3  # \pL
    if letter in _ESCAPE_ARGUMENT:
        return k + 2 + _ESCAPE_ARGUMENT[letter]
    if letter.isdigit():
        end = k + 1
        while end < len(pattern) and pattern[end].isdigit():
            end += 1
        return end
    return k + 2


def _class_end(pattern: str, k: int) -> int:
    """End of the character class opening at ``k`` ('[^.]', '[\\d\\s]', '[]a]')."""
    end = k + 1
    if pattern[end:end + 1] == "^":
        end += 1
    if pattern[end:end + 1] == "]":
        end += 1
    while pattern[end] != "]":
        end = _escape_end(pattern, end) if pattern[end] == "\\" else end + 1
    return end + 1


def _group_end(pattern: str, k: int) -> int:
    """End of the group opening at ``k`` (escapes and classes inside skipped)."""
    depth, end = 0, k
    while True:
        char = pattern[end]
        if char == "\\":
            end = _escape_end(pattern, end)
            continue
        if char == "[":
            end = _class_end(pattern, end)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        end += 1
        if depth == 0:
            return end


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at each ``|`` outside every group and class."""
    alternatives, start, k = [], 0, 0
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k = _escape_end(pattern, k)
        elif char == "[":
            k = _class_end(pattern, k)
        elif char == "(":
            k = _group_end(pattern, k)
        else:
            if char == "|":
                alternatives.append(pattern[start:k])
                start = k + 1
            k += 1
    alternatives.append(pattern[start:])
    return alternatives

"""Does a JSON object have the shape of a record? Checked against the dataclass's own types.

``model.from_dict`` trusts its input: it is fast on output newsgraph wrote itself. Files
handed to ``show``, ``stories`` or ``analyze --resume`` may hold anything, though (edited
by hand, written by another program, cut by a crash), and a list where a span should be
makes the reader of the record raise far from the line that caused it. ``type_problem``
walks the same type hints ``from_dict`` uses and says what is wrong, so such a line is
skipped (or moved out) with its reason, never a traceback.

It is lenient where a newer newsgraph may differ: unknown keys are ignored, and a
``Literal`` of strings accepts any string (a new entity type or figure kind still loads).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Literal, Mapping, Union

_MAX_DEPTH = 20


@functools.lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, required) of each field: required = no default and None not allowed."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        out.append((f.name, tp, not has_default and type(None) not in typing.get_args(tp)))
    return tuple(out)


def _problem(value: Any, tp: Any, where: str, depth: int) -> str | None:
    if depth > _MAX_DEPTH:
        return f"{where}: nested too deeply"
    if tp is Any:
        return None
    if dataclasses.is_dataclass(tp):
        return type_problem(tp, value, where=where, _depth=depth + 1)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        problems = [_problem(value, a, where, depth) for a in args if a is not type(None)]
        return None if any(p is None for p in problems) else problems[0]
    if origin is Literal:
        return None if any(isinstance(value, type(a)) and not isinstance(value, bool)
                           or value == a for a in args) else f"{where}: {value!r:.40} is not one of {args}"
    if origin in (tuple, list):
        if not isinstance(value, list):
            return f"{where}: expected a list, got {type(value).__name__}"
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(value) != len(args):
                return f"{where}: expected {len(args)} items, got {len(value)}"
            pairs = zip(value, args)
        else:
            item = args[0] if args else Any
            pairs = ((v, item) for v in value)
        for i, (v, a) in enumerate(pairs):
            problem = _problem(v, a, f"{where}[{i}]", depth + 1)
            if problem:
                return problem
        return None
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        return None if isinstance(value, dict) else f"{where}: expected an object, got {type(value).__name__}"
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(tp, type):
        ok = isinstance(value, tp)
    else:  # a hint this checker does not know: from_dict passes it through as it is
        ok = True
    return None if ok else f"{where}: expected {getattr(tp, '__name__', tp)}, got {type(value).__name__}"


def type_problem(cls: type, data: Any, *, where: str = "", _depth: int = 0) -> str | None:
    """What keeps ``data`` (parsed JSON) from being a ``cls`` record, or None when nothing does."""
    name = where or cls.__name__
    if not isinstance(data, dict):
        return f"{name}: expected an object, got {type(data).__name__}"
    for field, tp, required in _fields(cls):
        if field not in data:
            if required:
                return f"{name}: missing {field!r}"
            continue
        problem = _problem(data[field], tp, f"{name}.{field}", _depth)
        if problem:
            return problem
    return None


__all__ = ["type_problem"]

"""Dataclass ⇄ JSON-ready dict, driven by the dataclass's type hints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_doc(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_doc(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_doc(item) for item in value]
    return value


@cache
def _hints(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """Type hints and field names of a dataclass, worked out once per class."""
    names = frozenset(f.name for f in dataclasses.fields(cls))
    return typing.get_type_hints(cls), names


class BadRecord(ValueError):
    """A stored record that does not fit its dataclass: a wrong type, a bad date, a field
    missing. The store reports the file as damaged, naming the record."""


def from_doc(cls: type[T], doc: Any) -> T:
    """The record as `cls`, checked field by field; raises BadRecord saying what is wrong."""
    if not isinstance(doc, dict):
        raise BadRecord(f"a {cls.__name__} must be an object, found {type(doc).__name__}")
    hints, names = _hints(cls)  # type: ignore[arg-type]  # a class is hashable
    values = {}
    for key, value in doc.items():
        if key in names:
            try:
                values[key] = _convert(hints[key], value)
            except (TypeError, ValueError) as exc:
                raise BadRecord(f"field {key!r}: {exc}") from None
    try:
        return cls(**values)
    except TypeError as exc:  # a required field is missing
        raise BadRecord(str(exc).split(".", 1)[-1].strip()) from None


_SCALARS: dict[Any, type | tuple[type, ...]] = {str: str, int: int, float: (int, float), bool: bool}


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        if _optional(hint):
            return None
        raise ValueError("missing value")
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        return _convert(inner, value)
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"expected a list, found {type(value).__name__}")
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, v) for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"expected an object, found {type(value).__name__}")
        return value
    if hint in (dt.datetime, dt.date, dt.time):
        if not isinstance(value, str):
            raise ValueError(f"expected a {hint.__name__} text, found {type(value).__name__}")
        converted = hint.fromisoformat(value)
        if hint is dt.date and isinstance(converted, dt.datetime):
            raise ValueError(f"expected a date, found {value!r}")
        return converted
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_doc(hint, value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    wanted = _SCALARS.get(hint)
    if wanted is not None:
        if not isinstance(value, wanted) or (hint is not bool and isinstance(value, bool)):
            raise ValueError(f"expected {hint.__name__}, found {type(value).__name__}")
        return float(value) if isinstance(value, int | float) and hint is float else value
    return value


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)

"""The render cache's entry format: a composed document and its warnings as JSON, never code.

Pickle would rebuild whatever objects an entry names, so anyone able to write to the cache folder
(a shared ``SMARTIND_CACHE_DIR`` on a network drive) could run code in the next render. This
format can only describe the document model: each node is ``[tag, field, field, ...]`` with the
tag naming one of the classes of :mod:`smartind.document` (or :class:`~smartind.people.Person`),
decimals and enum members are tagged strings, and every node is rebuilt by calling its class, so
its validators run. Anything else in an entry makes :func:`decode` raise :class:`CacheFormatError`,
which the cache treats as a miss.

It is deliberately not :mod:`smartind.document_json`: that is the public, self-describing form
for other languages, built with cattrs; this one must decode a document in a few milliseconds in a
process that has not imported cattrs.
"""

from __future__ import annotations

import enum
import importlib
import json
import typing
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import attrs

from smartind import document as _document
from smartind._validators import Checker, type_checker
from smartind.document import Document
from smartind.people import Person

__all__ = ["CacheFormatError", "decode", "encode"]

Issued = tuple[type[Warning], str, str, int]

_DECIMAL = "#d"
_ENUM = "#e"


class CacheFormatError(ValueError):
    """An entry that is not a document in this format; the cache treats it as a miss."""


@cache
def _classes() -> dict[str, type]:
    found: dict[str, type] = {"Person": Person}
    for name in dir(_document):
        value = getattr(_document, name)
        ours = isinstance(value, type) and value.__module__ == _document.__name__
        if ours and (attrs.has(value) or issubclass(value, enum.Enum)):
            found[name] = value
    return found


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(field.alias for field in attrs.fields(cls) if field.init)


def encode(document: Document, issued: tuple[Issued, ...]) -> bytes:
    """The entry's payload; ``TypeError`` for anything the format cannot hold."""
    warnings = [
        [_category_name(category), message, filename, line]
        for category, message, filename, line in issued
    ]
    payload = {"document": _encode(document), "warnings": warnings}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return [_DECIMAL, str(value)]
    if isinstance(value, enum.Enum):
        return [_ENUM, type(value).__name__, value.value]
    if isinstance(value, tuple | list):
        return {"t": [_encode(item) for item in value]}
    cls = type(value)
    if _classes().get(cls.__name__) is cls and attrs.has(cls):
        return [cls.__name__, *(_encode(getattr(value, name)) for name in _field_names(cls))]
    raise TypeError(f"the render cache cannot hold {cls.__name__}")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls) if field.init)


def decode(payload: bytes) -> tuple[Document, tuple[Issued, ...]]:
    """The document and warnings in ``payload``; :class:`CacheFormatError` for anything else."""
    try:
        data = json.loads(payload.decode("utf-8"))
        if not isinstance(data, dict) or set(data) != {"document", "warnings"}:
            raise CacheFormatError("not a render cache entry")
        document = _decode(data["document"])
        if not isinstance(document, Document):
            raise CacheFormatError("the entry holds no document")
        issued = tuple(_warning(item) for item in data["warnings"])
    except CacheFormatError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        # Validators, unknown fields, wrong shapes: whatever is wrong, the entry is unusable.
        raise CacheFormatError(f"unusable render cache entry: {error}") from None
    return document, issued


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dict):
        if set(value) != {"t"} or not isinstance(value["t"], list):
            raise CacheFormatError("unknown object in entry")
        return tuple(_decode(item) for item in value["t"])
    if not isinstance(value, list) or not value or not isinstance(value[0], str):
        raise CacheFormatError(f"unexpected value in entry: {type(value).__name__}")
    tag = value[0]
    if tag == _DECIMAL:
        return _decimal(value)
    if tag == _ENUM:
        return _enum(value)
    cls = _classes().get(tag)
    if cls is None or not attrs.has(cls):
        raise CacheFormatError(f"unknown node type {tag!r} in entry")
    names = _init_fields(cls)
    if len(value) != len(names) + 1:
        raise CacheFormatError(f"{tag} with {len(value) - 1} fields in entry")
    node = cls(**{name: _decode(item) for name, item in zip(names, value[1:], strict=True)})
    # The document classes take any value; a renderer given the wrong type would fail with a
    # traceback, so every field is checked against its annotation here.
    for name, check in _checks(cls):
        problem = check(getattr(node, name), "")
        if problem is not None:
            raise CacheFormatError(f"{tag}.{name}{problem[0]} is not {problem[1]} in entry")
    return node


@cache
def _checks(cls: type) -> tuple[tuple[str, Checker], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, type_checker(hints[field.name])) for field in attrs.fields(cls))


def _decimal(value: list[Any]) -> Decimal:
    if len(value) != 2 or not isinstance(value[1], str):
        raise CacheFormatError("malformed decimal in entry")
    try:
        return Decimal(value[1])
    except InvalidOperation:
        raise CacheFormatError("malformed decimal in entry") from None


def _enum(value: list[Any]) -> enum.Enum:
    if len(value) != 3:
        raise CacheFormatError("malformed enum in entry")
    cls = _classes().get(value[1])
    if cls is None or not issubclass(cls, enum.Enum):
        raise CacheFormatError(f"unknown enum {value[1]!r} in entry")
    return cls(value[2])


def _warning(item: Any) -> Issued:
    if (
        not isinstance(item, list)
        or len(item) != 4
        or not all(isinstance(part, str) for part in item[:3])
        or not isinstance(item[3], int)
    ):
        raise CacheFormatError("malformed warning in entry")
    category = _category(item[0])
    return category, item[1], item[2], item[3]


def _category_name(category: type[Warning]) -> str:
    name = f"{category.__module__}:{category.__qualname__}"
    try:
        found = _category(name)
    except CacheFormatError:
        found = None
    if found is not category:
        # A warning class decode would not find again (a plugin's, or one made in a function):
        # the entry is not written, rather than read back as a miss every time.
        raise TypeError(f"the render cache cannot name the warning category {name}")
    return name


def _category(name: str) -> type[Warning]:
    module, _, qualname = name.partition(":")
    # Only warning classes of smartind itself or of Python: importing any other module named in
    # a file would run that module's code.
    if module not in {"builtins", "smartind"} and not module.startswith("smartind."):
        raise CacheFormatError(f"warning category {name!r} is not smartind's or Python's")
    try:
        value: Any = importlib.import_module(module)
        for part in qualname.split("."):
            value = getattr(value, part)
    except (ImportError, AttributeError):
        raise CacheFormatError(f"unknown warning category {name!r}") from None
    if not isinstance(value, type) or not issubclass(value, Warning):
        raise CacheFormatError(f"{name!r} is not a warning category")
    return value

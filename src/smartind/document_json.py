"""The JSON form of a :class:`~smartind.document.Document`, for tools in other languages.

Every node is a JSON object whose ``"type"`` names its class in snake case (``"heading"``,
``"bullet_list"``, ``"line_break"``); every field is written, defaults included, so a reader needs
no knowledge of the defaults. ``Decimal`` values are strings (``"20197000"``) so no precision is
lost to a binary float; enums are their values (``"amount"``, ``"right"``). The top-level object
carries ``"version"``; :func:`document_from_json` refuses any version it does not know.

The converter is private to this module (never cattrs' global one) and rejects unknown keys.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, get_args

from smartind.document import DOCUMENT_VERSION, Block, Document, Inline
from smartind.errors import DocumentJSONError

__all__ = ["DocumentJSONError", "document_from_json", "document_to_json"]


def _tag(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _structure_decimal(value: object, _type: object) -> Decimal:
    # A JSON number arrives as a float or int; a float may already have lost digits.
    if not isinstance(value, str):
        raise TypeError(f'a decimal must be written as a string such as "2.5", not {value!r}')
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


@cache
def _converter() -> Any:
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    for union in (Block, Inline):
        _tagged_union(converter, union)
    return converter


def _tagged_union(converter: Any, union: Any) -> None:
    """Hooks for a union of node classes, tagged with ``"type"``.

    cattrs' ``configure_tagged_union`` builds its member hooks at once, before the other union
    is configured, so the Block and Inline unions (which contain each other through Note)
    would lose their tags; these hooks look members up lazily instead.
    """
    members: dict[str, type] = {_tag(cls): cls for cls in get_args(union)}

    def unstructure(node: Any) -> dict[str, Any]:
        data: dict[str, Any] = {"type": _tag(type(node))}
        data.update(converter.unstructure(node, unstructure_as=type(node)))
        return data

    def structure(data: Any, _type: object) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"a node must be a JSON object, not {data!r}")
        tag = data.get("type")
        cls = members.get(tag) if isinstance(tag, str) else None
        if cls is None:
            known = ", ".join(sorted(members))
            raise ValueError(f"unknown node type {tag!r}; expected one of: {known}")
        fields = {key: value for key, value in data.items() if key != "type"}
        return converter.structure(fields, cls)

    converter.register_unstructure_hook(union, unstructure)
    converter.register_structure_hook(union, structure)


def _explain(exc: BaseException, type_: object) -> str:
    from cattrs.v import format_exception

    if isinstance(exc, KeyError | AttributeError) or not str(exc):
        return format_exception(exc, type_)  # type: ignore[arg-type]
    return str(exc)


def document_to_json(document: Document, *, indent: int | None = 2) -> str:
    """The document as JSON text (UTF-8 safe, non-ASCII characters kept as they are)."""
    data = _converter().unstructure(document)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def document_from_json(text: str | bytes) -> Document:
    """A document from its JSON form; raises :class:`DocumentJSONError` saying what is wrong."""
    import cattrs

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DocumentJSONError(f"not valid JSON: {err}") from None
    if not isinstance(data, dict):
        raise DocumentJSONError("a document's JSON form must be an object with a 'version' key")
    version = data.get("version")
    if version != DOCUMENT_VERSION:
        raise DocumentJSONError(
            f"document model version {version!r} is not supported: this smartind reads version "
            f"{DOCUMENT_VERSION}; produce the JSON with a matching smartind version"
        )
    try:
        document: Document = _converter().structure(data, Document)
    except cattrs.BaseValidationError as err:
        details = "; ".join(cattrs.transform_error(err, path="$", format_exception=_explain))
        raise DocumentJSONError(f"the JSON does not fit the document model: {details}") from None
    except (TypeError, ValueError) as err:
        raise DocumentJSONError(f"the JSON does not fit the document model: {err}") from None
    return document

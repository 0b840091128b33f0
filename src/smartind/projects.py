"""The projects an assignment funds: pre-studies (förstudier) and implementation projects.

What a report does not say stays unknown: a grant known only as *cirka 2,5 mkr* is a
:class:`~smartind.numbers.Quantity` in ``granted_about`` with ``granted`` left ``None``; pre-studies
known only in aggregate are a :class:`PrestudyRound`, not invented projects.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

from attrs import field, frozen
from attrs.validators import ge, instance_of

from smartind._validators import (
    WrongType,
    boundary,
    optional_amount,
    optional_quantity,
    optional_share,
    strings,
    to_enum,
    to_tuple,
)
from smartind._validators import share as _share
from smartind.assignment import FocusArea
from smartind.errors import RegionError
from smartind.numbers import Amount, Quantity
from smartind.regions import REGIONS, Region, region

__all__ = [
    "Approach",
    "CoFinancing",
    "PrestudyRound",
    "Project",
    "ProjectKind",
    "Result",
    "ResultCategory",
]


class ProjectKind(enum.Enum):
    """Förstudie (maps a region's needs) or genomförande (acts on what the pre-study found)."""

    PRESTUDY = "prestudy"
    IMPLEMENTATION = "implementation"

    @property
    def label(self) -> str:
        """The Swedish name of the kind, as in *förstudieprojekt*."""
        return "förstudieprojekt" if self is ProjectKind.PRESTUDY else "genomförandeprojekt"


class Approach(enum.Enum):
    """How an implementation project works: with companies, or on regional structures."""

    COMPANY_FACING = "company-facing"
    STRUCTURAL = "structural"

    @property
    def label(self) -> str:
        """The Swedish description of the approach."""
        if self is Approach.COMPANY_FACING:
            return "företagsnära"
        return "regionöverskridande strukturell samverkan"


class ResultCategory(enum.Enum):
    """What a counted result measures, so totals across projects can be computed."""

    REACHED = "reached"
    """Companies reached by seminars, meetings and other broad activities."""
    ADVISED = "advised"
    """Companies given advice or coaching of their own."""
    OTHER = "other"


def _regions(values: Iterable[Region | str]) -> tuple[Region, ...]:
    """Län as :class:`~smartind.regions.Region` values or names or SCB codes (``"Skåne"``)."""
    if isinstance(values, str):
        raise WrongType("a list of län (Region values, or names such as 'Skåne')", values)
    regions = []
    for value in to_tuple(values):
        if isinstance(value, Region):
            regions.append(value)
        elif isinstance(value, str):
            regions.append(region(value))
        else:
            raise WrongType("Region values or län names such as 'Skåne'", value)
    return tuple(regions)


def _kind(value: ProjectKind | str) -> ProjectKind:
    return to_enum(ProjectKind, value)


def _approach(value: Approach | str | None) -> Approach | None:
    return None if value is None else to_enum(Approach, value)


def _category(value: ResultCategory | str) -> ResultCategory:
    return to_enum(ResultCategory, value)


def _focus_areas(values: Iterable[FocusArea | str]) -> tuple[FocusArea, ...]:
    """Focus areas as members or their value strings (``"industri-4.0"``)."""
    return tuple(to_enum(FocusArea, v) for v in to_tuple(values))


def _co_financing(values: Iterable[CoFinancing]) -> tuple[CoFinancing, ...]:
    return to_tuple(values)


def _results(values: Iterable[Result]) -> tuple[Result, ...]:
    return to_tuple(values)


def _in_national_area(instance: Project, _attribute: object, code: str) -> None:
    if not code:
        return
    from smartind.regions import national_area

    try:
        area = national_area(code)
    except RegionError as error:
        raise ValueError(f"national_area {error}") from None
    outside = [r.name for r in instance.regions if r.nuts2 != area.code]
    if outside:
        raise ValueError(
            f"national_area {code!r} ({area.name}) does not hold {', '.join(outside)}; a "
            f"project's län lie in its riksområde: {', '.join(r.name for r in area.regions)}"
        )


def _among_regions(instance: PrestudyRound, _attribute: object, value: tuple[Region, ...]) -> None:
    missing = [r.name for r in value if r not in instance.regions]
    if missing:
        raise ValueError(
            f"without_consultants names {', '.join(missing)}, which ran no pre-study; "
            f"list only län that are in regions"
        )


def _non_negative(_instance: object, attribute: object, value: Amount | None) -> None:
    if value is not None and value.kronor < 0:
        name = getattr(attribute, "name", "amount")
        raise ValueError(f"{name} cannot be negative ({value.kronor} kr)")


@frozen(field_transformer=boundary)
class CoFinancing:
    """Money from others than the agency: a source and, where known, its amount or share."""

    source: str
    amount: Amount | None = field(default=None, converter=optional_amount, validator=_non_negative)
    share: Decimal | None = field(default=None, converter=optional_share, validator=_share)


@frozen(field_transformer=boundary)
class Result:
    """A result a project reports, with the number it states (``över 150 företag``) if any."""

    text: str
    quantity: Quantity | None = field(default=None, converter=optional_quantity)
    category: ResultCategory = field(default=ResultCategory.OTHER, converter=_category)


@frozen(field_transformer=boundary)
class Project:
    """A funded project.

    ``id`` is a short stable key (``digilyft-vasterbotten``). ``granted`` and ``disbursed`` are
    exact when the report gives them; ``granted_about`` holds an approximate grant instead.
    ``total_financing`` is the project's whole budget including co-financing, where stated.
    ``also_funded_by`` names other assignments that put money in.
    """

    id: str
    name: str
    kind: ProjectKind = field(converter=_kind)
    regions: tuple[Region, ...] = field(converter=_regions)
    owner: str = ""
    national_area: str = field(default="", validator=_in_national_area)
    granted: Amount | None = field(default=None, converter=optional_amount, validator=_non_negative)
    granted_about: Quantity | None = field(default=None, converter=optional_quantity)
    disbursed: Amount | None = field(
        default=None, converter=optional_amount, validator=_non_negative
    )
    co_financing: tuple[CoFinancing, ...] = field(converter=_co_financing, factory=tuple)
    total_financing: Quantity | None = field(default=None, converter=optional_quantity)
    also_funded_by: tuple[str, ...] = field(converter=strings, factory=tuple)
    focus_areas: tuple[FocusArea, ...] = field(converter=_focus_areas, factory=tuple)
    approach: Approach | None = field(default=None, converter=_approach)
    extended_to: int | None = None
    results: tuple[Result, ...] = field(converter=_results, factory=tuple)
    continuation: str = ""


@frozen(field_transformer=boundary)
class PrestudyRound:
    """The pre-studies of an assignment, known in aggregate.

    ``count`` projects involved the län in ``regions``. ``max_grant_per_region`` is the cap each
    region could apply for; ``co_financing_required`` whether co-financing was asked for.
    ``without_consultants`` lists the regions that did their pre-study without outside help.
    ``themes`` are the needs the pre-studies found, most important first.
    """

    count: int = field(validator=[instance_of(int), ge(0)])
    regions: tuple[Region, ...] = field(converter=_regions)
    max_grant_per_region: Amount | None = field(
        default=None, converter=optional_amount, validator=_non_negative
    )
    co_financing_required: bool = False
    granted: Amount | None = field(default=None, converter=optional_amount, validator=_non_negative)
    without_consultants: tuple[Region, ...] = field(
        converter=_regions, factory=tuple, validator=_among_regions
    )
    methods: tuple[str, ...] = field(converter=strings, factory=tuple)
    themes: tuple[str, ...] = field(converter=strings, factory=tuple)
    focus_areas: tuple[FocusArea, ...] = field(converter=_focus_areas, factory=tuple)

    @property
    def regions_missing(self) -> tuple[Region, ...]:
        """The län that ran no pre-study, in SCB code order."""
        covered = set(self.regions)
        return tuple(r for r in REGIONS if r not in covered)

"""Sweden's 21 län (with SCB's codes) and the eight NUTS 2 riksområden they group into.

In Smart industri "region" means the regional body of a län, so a region is identified by its
län. :func:`region` finds one by code or by any of the names writers use for it: ``"12"``,
``"Skåne"``, ``"Region Skåne"``, ``"Skåne län"``, ``"Sörmland"``, ``"Jönköpings län"``,
``"Jämtland Härjedalen"``, ``"Västra Götalandsregionen"``.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from attrs import frozen

from smartind._suggest import did_you_mean
from smartind.errors import RegionError

__all__ = [
    "NATIONAL_AREAS",
    "REGIONS",
    "NationalArea",
    "Region",
    "national_area",
    "region",
]


@frozen(order=True)
class Region:
    """A län: its two-digit SCB code, its short name and its NUTS 2 riksområde code."""

    code: str
    name: str
    nuts2: str

    @property
    def county_name(self) -> str:
        """The län's formal name: ``Stockholms län``, ``Skåne län``, ``Västra Götalands län``."""
        return _COUNTY_NAMES.get(self.code, f"{self.name}s län")

    @property
    def area(self) -> NationalArea:
        """The NUTS 2 riksområde the län belongs to."""
        return national_area(self.nuts2)

    def __str__(self) -> str:
        return self.name


@frozen(order=True)
class NationalArea:
    """A NUTS 2 riksområde, such as SE12 Östra Mellansverige."""

    code: str
    name: str

    @property
    def regions(self) -> tuple[Region, ...]:
        """The län in the riksområde, in SCB code order."""
        return tuple(r for r in REGIONS if r.nuts2 == self.code)

    def __str__(self) -> str:
        return self.name


REGIONS: tuple[Region, ...] = (
    Region("01", "Stockholm", "SE11"),
    Region("03", "Uppsala", "SE12"),
    Region("04", "Södermanland", "SE12"),
    Region("05", "Östergötland", "SE12"),
    Region("06", "Jönköping", "SE21"),
    Region("07", "Kronoberg", "SE21"),
    Region("08", "Kalmar", "SE21"),
    Region("09", "Gotland", "SE21"),
    Region("10", "Blekinge", "SE22"),
    Region("12", "Skåne", "SE22"),
    Region("13", "Halland", "SE23"),
    Region("14", "Västra Götaland", "SE23"),
    Region("17", "Värmland", "SE31"),
    Region("18", "Örebro", "SE12"),
    Region("19", "Västmanland", "SE12"),
    Region("20", "Dalarna", "SE31"),
    Region("21", "Gävleborg", "SE31"),
    Region("22", "Västernorrland", "SE32"),
    Region("23", "Jämtland", "SE32"),
    Region("24", "Västerbotten", "SE33"),
    Region("25", "Norrbotten", "SE33"),
)
"""The 21 län in SCB code order."""

NATIONAL_AREAS: tuple[NationalArea, ...] = (
    NationalArea("SE11", "Stockholm"),
    NationalArea("SE12", "Östra Mellansverige"),
    NationalArea("SE21", "Småland med öarna"),
    NationalArea("SE22", "Sydsverige"),
    NationalArea("SE23", "Västsverige"),
    NationalArea("SE31", "Norra Mellansverige"),
    NationalArea("SE32", "Mellersta Norrland"),
    NationalArea("SE33", "Övre Norrland"),
)
"""The eight NUTS 2 riksområden in code order."""

_COUNTY_NAMES = {
    "01": "Stockholms län",
    "09": "Gotlands län",
    "12": "Skåne län",
    "13": "Hallands län",
    "14": "Västra Götalands län",
    "17": "Värmlands län",
    "18": "Örebro län",
    "19": "Västmanlands län",
    "20": "Dalarnas län",
    "21": "Gävleborgs län",
    "22": "Västernorrlands län",
    "23": "Jämtlands län",
    "24": "Västerbottens län",
    "25": "Norrbottens län",
    "03": "Uppsala län",
    "04": "Södermanlands län",
    "05": "Östergötlands län",
    "06": "Jönköpings län",
    "07": "Kronobergs län",
    "08": "Kalmar län",
    "10": "Blekinge län",
}

# Names writers use that are not the län's short name, its formal name or "Region <name>".
_ALIASES = {
    "sörmland": "04",
    "region sörmland": "04",
    "jämtland härjedalen": "23",
    "region jämtland härjedalen": "23",
    "västra götalandsregionen": "14",
    "vgr": "14",
    "region gotland": "09",
    "gotlands kommun": "09",
}


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(folded.replace("-", " ").split())


@cache
def _index() -> dict[str, Region]:
    by_code = {r.code: r for r in REGIONS}
    index: dict[str, Region] = {}
    for r in REGIONS:
        for name in (r.code, r.name, r.county_name, f"region {r.name}", f"{r.name}s län"):
            index[_key(name)] = r
        index[_key(str(int(r.code)))] = r  # "1" for Stockholm, as some spreadsheets strip zeros
    for alias, code in _ALIASES.items():
        index[_key(alias)] = by_code[code]
    return index


def region(name_or_code: str) -> Region:
    """The län that ``name_or_code`` names, by SCB code or any usual variant of its name.

    Raises :class:`~smartind.errors.RegionError` listing the closest names when nothing fits.
    """
    index = _index()
    found = index.get(_key(name_or_code))
    if found is not None:
        return found
    names = sorted({r.name for r in REGIONS})
    hint = (
        did_you_mean(name_or_code.strip(), names, n=3).rstrip()
        or "use a län name such as 'Skåne' or its SCB code such as '12'"
    )
    raise RegionError(f"{name_or_code!r} is not one of the 21 län: {hint}")


def national_area(name_or_code: str) -> NationalArea:
    """The NUTS 2 riksområde with that code (``SE12``) or name (``Östra Mellansverige``)."""
    key = _key(name_or_code)
    for area in NATIONAL_AREAS:
        if key in (_key(area.code), _key(area.name)):
            return area
    hint = did_you_mean(name_or_code, [a.name for a in NATIONAL_AREAS], n=2).rstrip()
    codes = ", ".join(a.code for a in NATIONAL_AREAS)
    raise RegionError(f"{name_or_code!r} is not a NUTS 2 riksområde ({codes}); {hint}".rstrip("; "))

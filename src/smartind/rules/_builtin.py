"""The built-in funding rule kinds.

Each rule decides only what the data lets it decide. A figure the report does not give (a
per-project grant known only in aggregate, a per-year cost when the account has only the period's
total) makes the rule ``not_assessable``, and the message names what is missing; it is never
guessed as met.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import Attribute, field, frozen
from attrs.validators import instance_of

from smartind._validators import WrongType, amount, boundary, optional_amount, share_value, to_enum
from smartind._validators import share as _share
from smartind.errors import ReportDataError
from smartind.findings import RULE, Figure, Finding, Status
from smartind.numbers import Amount
from smartind.projects import Project, ProjectKind
from smartind.rules._base import FundingRule
from smartind.rules._text import join, money, percent

if TYPE_CHECKING:
    from smartind.report import Report

__all__ = [
    "DisbursedWithinGranted",
    "MaxGrantPerRegion",
    "MinCoFinancingShare",
    "MinTotalGranted",
    "ProgrammeCostsCap",
]


def _non_negative(_instance: object, attribute: object, value: Amount | None) -> None:
    if value is not None and value.kronor < 0:
        name = getattr(attribute, "name", "amount")
        raise ValueError(f"{name} cannot be negative ({value.kronor} kr)")


def _project_kind(value: ProjectKind | str) -> ProjectKind:
    return to_enum(ProjectKind, value)


def _not_negative(instance: object, attribute: object, value: Amount) -> None:
    _non_negative(instance, attribute, value)


def _kr(name: str, amount: Amount | None) -> Figure:
    return Figure(name, None if amount is None else amount.kronor, "kr")


def _definite_plural(kind: ProjectKind) -> str:
    return f"{kind.label}en"


def granted_total(report: Report) -> tuple[Amount | None, str, tuple[Figure, ...]]:
    """The total granted to projects, where it comes from, and the figures used.

    The assignment's stated total wins; otherwise the sum of every project's exact grant (and the
    pre-study round's aggregate grant when its projects are not listed one by one). When neither
    is known the amount is ``None`` and the second item says what is missing.
    """
    stated = report.assignment.granted_to_projects
    if stated is not None:
        return stated, "", (_kr("assignment.granted_to_projects", stated),)
    figures = [_kr(f"{p.id}.granted", p.granted) for p in report.projects]
    missing = [p.name for p in report.projects if p.granted is None]
    parts = [p.granted for p in report.projects if p.granted is not None]
    round_ = report.prestudies
    if round_ is not None and not report.projects_of(ProjectKind.PRESTUDY):
        figures.append(_kr("prestudies.granted", round_.granted))
        if round_.granted is None:
            missing.append("förstudierna som helhet")
        else:
            parts.append(round_.granted)
    if not figures:
        return None, "rapporten anger varken totalt beviljat belopp eller några projekt", ()
    if missing:
        return None, f"beviljat belopp saknas för {join(missing)}", tuple(figures)
    total = sum(parts, Amount.zero())
    return total, "", tuple(figures)


@frozen(field_transformer=boundary)
class MinTotalGranted(FundingRule):
    """At least ``minimum`` shall be granted to projects in total (*minst 20 000 tkr*)."""

    kind: ClassVar[str] = "min-total-granted"
    minimum: Amount = field(converter=amount, validator=_not_negative)

    def describe(self) -> str:
        return f"Minst {money(self.minimum)} ska beviljas till projekt."

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        granted, missing, used = granted_total(report)
        figures = (_kr("minimum", self.minimum), *used)
        if granted is None:
            status = Status.NOT_ASSESSABLE
            message = (
                f"Kravet att minst {money(self.minimum)} ska beviljas till projekt går inte att "
                f"bedöma: {missing}."
            )
        elif granted >= self.minimum:
            status = Status.MET
            message = (
                f"Till projekt har {money(granted)} beviljats, vilket uppfyller kravet på minst "
                f"{money(self.minimum)}."
            )
        else:
            status = Status.NOT_MET
            message = (
                f"Till projekt har bara {money(granted)} beviljats, mindre än de minst "
                f"{money(self.minimum)} som uppdraget kräver."
            )
        return (Finding(RULE, self.id, status, message, figures),)


def _worst(statuses: list[Status]) -> Status:
    if Status.NOT_MET in statuses:
        return Status.NOT_MET
    if Status.NOT_ASSESSABLE in statuses or not statuses:
        return Status.NOT_ASSESSABLE
    return Status.MET


@frozen(field_transformer=boundary)
class MaxGrantPerRegion(FundingRule):
    """A project of ``project_kind`` may be granted at most ``maximum`` per participating region.

    A project's grant is divided by the number of its regions. Pre-studies known only in
    aggregate (``report.prestudies``) can be judged only when their total is within the cap
    (then no single grant can exceed it); otherwise the rule is not assessable.
    """

    kind: ClassVar[str] = "max-grant-per-region"
    project_kind: ProjectKind = field(converter=_project_kind)
    maximum: Amount = field(converter=amount, validator=_not_negative)

    def describe(self) -> str:
        return (
            f"Ett {self.project_kind.label} får beviljas högst {money(self.maximum, 'kr')} per "
            f"deltagande region."
        )

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        projects = report.projects_of(self.project_kind)
        if not projects:
            return (self._aggregate(report),)
        figures: list[Figure] = [_kr("maximum", self.maximum)]
        over: list[str] = []
        unknown: list[str] = []
        highest: Amount | None = None
        for p in projects:
            figures.append(_kr(f"{p.id}.granted", p.granted))
            figures.append(Figure(f"{p.id}.regions", Decimal(len(p.regions)), "count"))
            if p.granted is None or not p.regions:
                unknown.append(p.name)
                continue
            per_region = Amount(p.granted.kronor / len(p.regions))
            highest = per_region if highest is None else max(highest, per_region)
            if per_region > self.maximum:
                over.append(f"{p.name} ({money(per_region, 'kr')} per region)")
        cap = f"högst {money(self.maximum, 'kr')} per deltagande region"
        plural = _definite_plural(self.project_kind)
        if over:
            status = Status.NOT_MET
            message = f"Över taket på {cap} ligger {join(over)}."
        elif unknown:
            status = Status.NOT_ASSESSABLE
            message = (
                f"Taket på {cap} går inte att bedöma för {plural} {join(unknown)}: "
                f"exakt beviljat belopp eller deltagande regioner saknas."
            )
        else:
            status = Status.MET
            assert highest is not None
            message = (
                f"Alla {len(projects)} {self.project_kind.label} håller sig inom taket på {cap} "
                f"(högst {money(highest, 'kr')} per region)."
            )
        return (Finding(RULE, self.id, status, message, figures),)

    def _aggregate(self, report: Report) -> Finding:
        cap = f"högst {money(self.maximum, 'kr')} per deltagande region"
        round_ = report.prestudies
        if self.project_kind is not ProjectKind.PRESTUDY or round_ is None:
            message = (
                f"Taket på {cap} går inte att bedöma: rapporten har inga "
                f"{self.project_kind.label} att pröva det mot."
            )
            return Finding(
                RULE, self.id, Status.NOT_ASSESSABLE, message, (_kr("maximum", self.maximum),)
            )
        figures = (
            _kr("maximum", self.maximum),
            _kr("prestudies.granted", round_.granted),
            Figure("prestudies.count", Decimal(round_.count), "count"),
            Figure("prestudies.regions", Decimal(len(round_.regions)), "count"),
        )
        if round_.granted is not None and round_.granted <= self.maximum:
            message = (
                f"Förstudierna fick sammanlagt {money(round_.granted, 'kr')}, så ingen av dem kan "
                f"ha fått mer än taket på {cap}."
            )
            return Finding(RULE, self.id, Status.MET, message, figures)
        total = "" if round_.granted is None else f", sammanlagt {money(round_.granted)}"
        message = (
            f"Taket på {cap} går inte att bedöma: de {round_.count} förstudierna i "
            f"{len(round_.regions)} regioner redovisas bara samlat{total}, utan beviljat "
            f"belopp per projekt."
        )
        return Finding(RULE, self.id, Status.NOT_ASSESSABLE, message, figures)


def _a_share(instance: object, attribute: Attribute[Decimal], value: Decimal) -> None:
    _share(instance, attribute, value)  # type: ignore[arg-type]


def co_financing_share(project: Project) -> Decimal | None:
    """The share of the project's total financing that comes from others, or ``None``.

    From the co-financing entries: each gives an amount, or a share of the project's total
    financing. With the grant known, the total is ``(granted + amounts) / (1 - shares)``. Entries
    that all give shares need no grant. Failing that, an exact ``total_financing`` with the grant
    gives it. A project with no entries, or an entry with neither amount nor share, is unknown.
    """
    entries = project.co_financing
    granted = project.granted
    if entries and all(e.share is not None for e in entries):
        return sum((e.share for e in entries if e.share is not None), Decimal(0))
    if (
        entries
        and granted is not None
        and all(e.amount is not None or e.share is not None for e in entries)
    ):
        amounts = sum((e.amount.kronor for e in entries if e.amount is not None), Decimal(0))
        shares = sum(
            (e.share for e in entries if e.amount is None and e.share is not None), Decimal(0)
        )
        if shares < 1:
            whole = (granted.kronor + amounts) / (1 - shares)
            if whole > 0:
                return 1 - granted.kronor / whole
    total = project.total_financing
    if granted is not None and total is not None and total.exact:
        try:
            whole = Amount.in_unit(total.value, total.noun).kronor
        except ValueError:
            return None
        if whole > 0 and whole >= granted.kronor:
            return 1 - granted.kronor / whole
    return None


@frozen(field_transformer=boundary)
class MinCoFinancingShare(FundingRule):
    """A project of ``project_kind`` needs at least ``minimum_share`` co-financing.

    The share is of the project's whole financing (the agency's grant plus co-financing).
    """

    kind: ClassVar[str] = "min-co-financing-share"
    project_kind: ProjectKind = field(converter=_project_kind)
    minimum_share: Decimal = field(
        converter=share_value, validator=[instance_of(Decimal), _a_share]
    )

    def describe(self) -> str:
        return (
            f"Ett {self.project_kind.label} ska ha minst {percent(self.minimum_share)} "
            f"medfinansiering."
        )

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        projects = report.projects_of(self.project_kind)
        need = f"minst {percent(self.minimum_share)} medfinansiering"
        plural = _definite_plural(self.project_kind)
        figures: list[Figure] = [Figure("minimum_share", self.minimum_share, "share")]
        if not projects:
            message = (
                f"Kravet på {need} går inte att bedöma: rapporten listar inga "
                f"{self.project_kind.label}."
            )
            return (Finding(RULE, self.id, Status.NOT_ASSESSABLE, message, figures),)
        below: list[str] = []
        unknown: list[str] = []
        lowest: Decimal | None = None
        for p in projects:
            share = co_financing_share(p)
            figures.append(Figure(f"{p.id}.co_financing_share", share, "share"))
            if share is None:
                unknown.append(p.name)
                continue
            lowest = share if lowest is None else min(lowest, share)
            if share < self.minimum_share:
                below.append(f"{p.name} ({percent(share)})")
        if below:
            status = Status.NOT_MET
            message = f"Kravet på {need} uppfylls inte av {join(below)}."
        elif unknown:
            status = Status.NOT_ASSESSABLE
            message = (
                f"Kravet på {need} går inte att bedöma för {plural} {join(unknown)}: "
                f"medfinansieringens belopp eller andel saknas."
            )
        else:
            status = Status.MET
            assert lowest is not None
            message = (
                f"Alla {len(projects)} {self.project_kind.label} har {need} "
                f"(lägst {percent(lowest)})."
            )
        return (Finding(RULE, self.id, status, message, figures),)


def _years(_instance: object, _attribute: object, value: Mapping[str, Amount]) -> None:
    for year, cap in value.items():
        if not (isinstance(year, str) and len(year) == 4 and year.isdigit()):
            raise ValueError(f'caps keys are years such as "2016", not {year!r}')
        if not isinstance(cap, Amount) or cap.kronor < 0:
            raise ValueError(f"caps[{year!r}] must be a non-negative amount, not {cap!r}")


def _sorted_caps(value: Mapping[str, Amount | str]) -> dict[str, Amount]:
    if not isinstance(value, Mapping):
        raise WrongType('a mapping of years to amounts, such as {"2016": "2 000 tkr"}', value)
    return {year: amount(cap) for year, cap in sorted(value.items())}


@frozen(field_transformer=boundary)
class ProgrammeCostsCap(FundingRule):
    """Programme-related costs paid from funding source ``source`` are capped per year and in total.

    The costs are the source's operating costs (personnel, purchased services and other costs).
    One finding per year (``id/2016`` ...) and one for the period (``id/total``); ``total``
    defaults to the sum of the yearly caps. ``caps`` may be empty when only a total applies;
    a rule with neither is bad input when evaluated. The account holds the whole period's costs
    only, so a year's cap is met when even the period's costs stay within it, and not assessable
    otherwise.
    """

    kind: ClassVar[str] = "programme-costs-cap"
    source: str = field(validator=instance_of(str))
    caps: Mapping[str, Amount] = field(converter=_sorted_caps, validator=_years)
    total: Amount | None = field(default=None, converter=optional_amount, validator=_non_negative)

    @property
    def total_cap(self) -> Amount:
        """The cap for the whole period: ``total``, or the sum of the yearly caps."""
        if self.total is not None:
            return self.total
        return sum(self.caps.values(), Amount.zero())

    def describe(self) -> str:
        years = join([f"{money(cap)} {year}" for year, cap in self.caps.items()])
        return (
            f"Programanknutna kostnader får uppgå till högst {years}, sammanlagt högst "
            f"{money(self.total_cap)}."
        )

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        if not self.caps and self.total is None:
            raise ReportDataError(
                f"rules: the {self.kind} rule {self.id!r} has neither caps nor total; give the "
                f'yearly caps, such as caps = {{"2016" = "2 000 tkr"}}, a total, or both'
            )
        account = report.account
        caps = [(f"{self.id}/{year}", f"{year}", cap) for year, cap in self.caps.items()]
        if account is None:
            why = "rapporten har ingen ekonomisk redovisning"
            return tuple(
                Finding(
                    RULE,
                    fid,
                    Status.NOT_ASSESSABLE,
                    f"Taket för programanknutna kostnader {label} går inte att bedöma: {why}.",
                    (_kr("cap", cap),),
                )
                for fid, label, cap in [
                    *caps,
                    (f"{self.id}/total", "för hela perioden", self.total_cap),
                ]
            )
        try:
            source = account.source(self.source)
        except KeyError:
            known = ", ".join(s.id for s in account.sources) or "none"
            raise ReportDataError(
                f"rules: the {self.kind} rule {self.id!r} names funding source "
                f"{self.source!r}, which the account does not have; its sources are: {known}"
            ) from None
        costs = source.figures.operating_costs
        used = _kr(f"{source.id}.operating_costs", costs)
        findings = [
            self._year(fid, year, cap, (costs, source.name, used)) for fid, year, cap in caps
        ]
        cap = self.total_cap
        figures = (_kr("cap", cap), used)
        period = f"för hela perioden ({money(costs)} från {source.name})"
        if costs <= cap:
            status = Status.MET
            message = f"Programanknutna kostnader {period} ryms inom taket på {money(cap)}."
        else:
            status = Status.NOT_MET
            message = f"Programanknutna kostnader {period} överstiger taket på {money(cap)}."
        findings.append(Finding(RULE, f"{self.id}/total", status, message, figures))
        return tuple(findings)

    def _year(self, fid: str, year: str, cap: Amount, spent: tuple[Amount, str, Figure]) -> Finding:
        costs, name, used = spent
        figures = (_kr("cap", cap), used)
        if costs <= cap:
            message = (
                f"Programanknutna kostnader {year} ryms inom årets tak på {money(cap)}, eftersom "
                f"hela periodens kostnader från {name} ({money(costs)}) gör det."
            )
            return Finding(RULE, fid, Status.MET, message, figures)
        message = (
            f"Taket på {money(cap)} för programanknutna kostnader {year} går inte att bedöma: "
            f"redovisningen anger bara hela periodens kostnader ({money(costs)} från {name}), "
            f"inte kostnaderna per år."
        )
        return Finding(RULE, fid, Status.NOT_ASSESSABLE, message, figures)


@frozen(field_transformer=boundary)
class DisbursedWithinGranted(FundingRule):
    """What was paid out may not exceed what was granted, per project and in total.

    Two findings: ``id/projects`` compares each project's disbursed and granted amounts;
    ``id/total`` compares the account's transfers (or, without an account, the projects'
    disbursed amounts) with the total granted.
    """

    kind: ClassVar[str] = "disbursed-within-granted"

    def describe(self) -> str:
        return (
            "Utbetalt belopp får inte överstiga beviljat belopp, varken per projekt eller totalt."
        )

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        return (self._per_project(report), self._total(report))

    def _per_project(self, report: Report) -> Finding:
        fid = f"{self.id}/projects"
        figures: list[Figure] = []
        over: list[str] = []
        unknown: list[str] = []
        for p in report.projects:
            figures += [_kr(f"{p.id}.granted", p.granted), _kr(f"{p.id}.disbursed", p.disbursed)]
            if p.granted is None or p.disbursed is None:
                unknown.append(p.name)
            elif p.disbursed > p.granted:
                over.append(f"{p.name} ({money(p.disbursed)} av {money(p.granted)})")
        if over:
            message = f"Mer än beviljat har betalats ut till {join(over)}."
            return Finding(RULE, fid, Status.NOT_MET, message, figures)
        if not report.projects:
            message = (
                "Utbetalt mot beviljat per projekt går inte att bedöma: rapporten listar inga "
                "projekt."
            )
            return Finding(RULE, fid, Status.NOT_ASSESSABLE, message, figures)
        if unknown:
            message = (
                f"Utbetalt mot beviljat per projekt går inte att bedöma för {join(unknown)}: "
                f"beviljat eller utbetalt belopp saknas."
            )
            return Finding(RULE, fid, Status.NOT_ASSESSABLE, message, figures)
        message = f"Inget av de {len(report.projects)} projekten har fått mer utbetalt än beviljat."
        return Finding(RULE, fid, Status.MET, message, figures)

    def _total(self, report: Report) -> Finding:
        fid = f"{self.id}/total"
        granted, missing, used = granted_total(report)
        disbursed: Amount | None
        if report.account is not None:
            disbursed = sum((s.figures.transfers for s in report.account.sources), Amount.zero())
            paid_name = "account.transfers"
        elif report.projects and all(p.disbursed is not None for p in report.projects):
            disbursed = sum(
                (p.disbursed for p in report.projects if p.disbursed is not None), Amount.zero()
            )
            paid_name = "projects.disbursed"
        else:
            disbursed, paid_name = None, "disbursed"
        figures = (_kr(paid_name, disbursed), *used)
        if disbursed is None:
            message = (
                "Utbetalt mot beviljat totalt går inte att bedöma: rapporten har ingen ekonomisk "
                "redovisning och utbetalt belopp saknas för något projekt."
            )
            return Finding(RULE, fid, Status.NOT_ASSESSABLE, message, figures)
        if granted is None:
            message = f"Utbetalt mot beviljat totalt går inte att bedöma: {missing}."
            return Finding(RULE, fid, Status.NOT_ASSESSABLE, message, figures)
        if disbursed <= granted:
            message = (
                f"Till projekt har totalt {money(disbursed)} betalats ut, inom de "
                f"{money(granted)} som beviljats."
            )
            return Finding(RULE, fid, Status.MET, message, figures)
        message = (
            f"Till projekt har totalt {money(disbursed)} betalats ut, mer än de "
            f"{money(granted)} som beviljats."
        )
        return Finding(RULE, fid, Status.NOT_MET, message, figures)


BUILTIN_RULES: Mapping[str, type[FundingRule]] = {
    cls.kind: cls
    for cls in (
        MinTotalGranted,
        MaxGrantPerRegion,
        MinCoFinancingShare,
        ProgrammeCostsCap,
        DisbursedWithinGranted,
    )
}

"""What the agency did besides funding: meetings, project visits, publications, research,
and the recommendations and appendices the report carries."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

from attrs import field, frozen
from attrs.validators import ge, instance_of

from smartind._validators import boundary, optional_share, strings, to_enum, to_tuple
from smartind._validators import share as _share
from smartind.dates import Month

__all__ = [
    "Activities",
    "Appendix",
    "Audience",
    "Meeting",
    "Meetings",
    "ProjectVisits",
    "Publication",
    "PublicationKind",
    "Recommendation",
    "Research",
]


def _notable(values: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(values)


def _publications(values: Iterable[Publication]) -> tuple[Publication, ...]:
    return to_tuple(values)


def _research(values: Iterable[Research]) -> tuple[Research, ...]:
    return to_tuple(values)


def _publication_kind(value: PublicationKind | str) -> PublicationKind:
    return to_enum(PublicationKind, value)


def _audience(value: Audience | str) -> Audience:
    return to_enum(Audience, value)


def _within_total(instance: Meetings, _attribute: object, value: int) -> None:
    if value > instance.total:
        raise ValueError(
            f"assignment_specific {value} is more than the total of {instance.total} meetings"
        )


def _after_first_visit(instance: ProjectVisits, _attribute: object, value: Month | None) -> None:
    if value is not None and instance.start is not None and value < instance.start:
        raise ValueError(f"the visits end ({value}) before they begin ({instance.start})")


@frozen(field_transformer=boundary)
class Meeting:
    """One dialog or experience meeting the report singles out.

    ``positive_share`` is the share of respondents who rated the meeting positively, where an
    evaluation was made.
    """

    month: Month
    place: str = ""
    topic: str = ""
    positive_share: Decimal | None = field(default=None, converter=optional_share, validator=_share)


@frozen(field_transformer=boundary)
class Meetings:
    """Dialog and experience meetings (dialog- och erfarenhetsmöten), counted and singled out.

    ``assignment_specific`` of the ``total`` concerned this assignment alone (the start and the
    close of its implementation projects); the rest were shared with the programme's other
    assignments.
    """

    total: int = field(validator=[instance_of(int), ge(0)])
    assignment_specific: int = field(default=0, validator=[instance_of(int), ge(0), _within_total])
    notable: tuple[Meeting, ...] = field(converter=_notable, factory=tuple)
    appendix: int | None = None


@frozen(field_transformer=boundary)
class ProjectVisits:
    """Visits the agency paid to funded projects, and who came along."""

    projects: tuple[str, ...] = field(converter=strings)
    start: Month | None = None
    end: Month | None = field(default=None, validator=_after_first_visit)
    joined_by: tuple[str, ...] = field(converter=strings, factory=tuple)


class PublicationKind(enum.Enum):
    """What kind of publication something is."""

    STRATEGY = "strategy"
    REPORT = "report"
    ARTICLE = "article"
    FILM = "film"
    POLICY_BRIEF = "policy-brief"


@frozen(field_transformer=boundary)
class Publication:
    """A publication the report cites or produced, with its series number (``Info 0703``).

    ``count`` is more than one for a set of like items (six films). ``produced`` is false for
    publications the report cites but the assignment did not produce.
    """

    id: str
    title: str
    kind: PublicationKind = field(converter=_publication_kind)
    number: str = ""
    publisher: str = ""
    month: Month | None = None
    count: int = field(default=1, validator=ge(1))
    produced: bool = True
    appendix: int | None = None


@frozen(field_transformer=boundary)
class Research:
    """Collaborative research (samverkansforskning) that followed the assignment."""

    partner: str
    question: str = ""
    delivered: Month | None = None
    publications: tuple[str, ...] = field(converter=strings, factory=tuple)


@frozen(field_transformer=boundary)
class Activities:
    """Everything the agency did to spread knowledge and bring people together."""

    meetings: Meetings | None = None
    visits: ProjectVisits | None = None
    publications: tuple[Publication, ...] = field(converter=_publications, factory=tuple)
    research: tuple[Research, ...] = field(converter=_research, factory=tuple)


class Audience(enum.Enum):
    """Whom a recommendation is addressed to."""

    GOVERNMENT = "government"
    REGIONAL_BODIES = "regional-bodies"

    @property
    def label(self) -> str:
        """The Swedish heading for recommendations to this audience."""
        if self is Audience.GOVERNMENT:
            return "Rekommendationer till regeringen"
        return "Rekommendationer till de regionalt utvecklingsansvariga"


@frozen(field_transformer=boundary)
class Recommendation:
    """A recommendation: to whom, and its one-line title (its argument is chapter text)."""

    id: str
    audience: Audience = field(converter=_audience)
    title: str


@frozen(field_transformer=boundary)
class Appendix:
    """An appendix (bilaga) listed at the end of the report; its content lives elsewhere."""

    number: int = field(validator=ge(1))
    title: str

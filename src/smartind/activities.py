"""What the agency did besides funding: meetings, project visits, publications, research,
and the recommendations and appendices the report carries."""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import field, frozen
from attrs.validators import ge, instance_of

from smartind._validators import share as _share
from smartind._validators import to_tuple
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


@frozen
class Meeting:
    """One dialog or experience meeting the report singles out.

    ``positive_share`` is the share of respondents who rated the meeting positively, where an
    evaluation was made.
    """

    month: Month
    place: str = ""
    topic: str = ""
    positive_share: Decimal | None = field(default=None, validator=_share)


@frozen
class Meetings:
    """Dialog and experience meetings (dialog- och erfarenhetsmöten), counted and singled out.

    ``assignment_specific`` of the ``total`` concerned this assignment alone (the start and the
    close of its implementation projects); the rest were shared with the programme's other
    assignments.
    """

    total: int = field(validator=[instance_of(int), ge(0)])
    assignment_specific: int = field(default=0, validator=[instance_of(int), ge(0)])
    notable: tuple[Meeting, ...] = field(converter=to_tuple, factory=tuple)
    appendix: int | None = None


@frozen
class ProjectVisits:
    """Visits the agency paid to funded projects, and who came along."""

    projects: tuple[str, ...] = field(converter=to_tuple)
    start: Month | None = None
    end: Month | None = None
    joined_by: tuple[str, ...] = field(converter=to_tuple, factory=tuple)


class PublicationKind(enum.Enum):
    """What kind of publication something is."""

    STRATEGY = "strategy"
    REPORT = "report"
    ARTICLE = "article"
    FILM = "film"
    POLICY_BRIEF = "policy-brief"


@frozen
class Publication:
    """A publication the report cites or produced, with its series number (``Info 0703``).

    ``count`` is more than one for a set of like items (six films). ``produced`` is false for
    publications the report cites but the assignment did not produce.
    """

    id: str
    title: str
    kind: PublicationKind
    number: str = ""
    publisher: str = ""
    month: Month | None = None
    count: int = field(default=1, validator=ge(1))
    produced: bool = True
    appendix: int | None = None


@frozen
class Research:
    """Collaborative research (samverkansforskning) that followed the assignment."""

    partner: str
    question: str = ""
    delivered: Month | None = None
    publications: tuple[str, ...] = field(converter=to_tuple, factory=tuple)


@frozen
class Activities:
    """Everything the agency did to spread knowledge and bring people together."""

    meetings: Meetings | None = None
    visits: ProjectVisits | None = None
    publications: tuple[Publication, ...] = field(converter=to_tuple, factory=tuple)
    research: tuple[Research, ...] = field(converter=to_tuple, factory=tuple)


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


@frozen
class Recommendation:
    """A recommendation: to whom, and its one-line title (its argument is chapter text)."""

    id: str
    audience: Audience
    title: str


@frozen
class Appendix:
    """An appendix (bilaga) listed at the end of the report; its content lives elsewhere."""

    number: int = field(validator=ge(1))
    title: str

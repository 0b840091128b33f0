"""Sample documents for renderer tests: :data:`SAMPLE` holds every node type of the model.

Renderers of any format can import it (``from tests.documents import SAMPLE``). The text is
invented for testing; it reads like a report but states nothing about the real one. Strings that
look like markup (``HOSTILE``) sit in every place a data string can reach, so a renderer test can
check that they come out literally.
"""

from __future__ import annotations

from decimal import Decimal

from smartind.document import (
    Align,
    BulletList,
    Callout,
    Cell,
    ColumnSpec,
    Computed,
    ComputedBlock,
    Document,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    Metadata,
    Note,
    Number,
    NumberKind,
    OrderedList,
    PageBreak,
    Paragraph,
    Person,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
)

__all__ = ["HOSTILE", "HOSTILE_LINE_STARTS", "SAMPLE", "document_with"]

HOSTILE = "*x* {{ 7*7 }} <b>fet</b> _y_ [l](https://e.se) `kod` | a \\ b ~~c~~ $m$ &amp; <!-- k -->"
"""A data string full of Markdown, template and HTML syntax; it must stay exactly this text."""

HOSTILE_LINE_STARTS = (
    "# inte en rubrik",
    "- inte en lista",
    "+ inte heller",
    "2019. Ett årtal, inte en numrerad lista",
    "3) inte heller",
    "> inget citat",
    "=====",
    "    fyra blanksteg först",
    "```",
)
"""Data strings that become block syntax when they start a line in careless Markdown."""


def _amount(value: str, unit: str = "tkr", **kwargs: object) -> Number:
    return Number(Decimal(value), NumberKind.AMOUNT, unit, **kwargs)  # type: ignore[arg-type]


def _cell(*inlines: object, colspan: int = 1) -> Cell:
    return Cell(inlines, colspan=colspan)  # type: ignore[arg-type]


def _number_cell(thousands: str) -> Cell:
    # The table is in tkr; a Number's value is always in kronor.
    return Cell((_amount(str(Decimal(thousands) * 1000), show_unit=False),))


_INCOME = Table(
    columns=(
        ColumnSpec(Align.LEFT, Decimal(3)),
        ColumnSpec(Align.RIGHT, Decimal(1)),
        ColumnSpec(Align.RIGHT, Decimal(1)),
    ),
    rows=(
        Row((_cell(), _cell(Text("Belopp"), colspan=2)), RowKind.HEAD),
        Row((_cell(Text("Post")), _cell(Text("2018")), _cell(Text("2019"))), RowKind.HEAD),
        Row((_cell(Text("Intäkter av anslag")), _number_cell("20197"), _number_cell("18250"))),
        Row(
            (
                _cell(Text("Kostnader för personal"), Note((Paragraph((Text("Avrundat."),)),))),
                _number_cell("-6108"),
                _number_cell("-5120.4"),
            )
        ),
        Row((_cell(Text(HOSTILE)), _cell(), _number_cell("0"))),
        Row((_cell(Text("Ej fördelat"), colspan=2), _number_cell("12"))),
        Row((_cell(Text("Summa")), _number_cell("14089"), _number_cell("13142")), RowKind.TOTAL),
    ),
    caption=(Text("Resultaträkning, tkr"),),
    id="resultatrakning",
)

_NO_HEAD = Table(
    columns=(ColumnSpec(), ColumnSpec(Align.CENTER)),
    rows=(
        Row((_cell(Text("Län")), _cell(Text("Förstudier")))),
        Row((_cell(Strong((Text("Gotland"),))), _cell(Number(Decimal(0), NumberKind.COUNT)))),
    ),
)

SAMPLE = Document(
    metadata=Metadata(
        title="Exempelrapport om regional utveckling",
        subtitle="Slutrapport för ett påhittat uppdrag",
        organisation="Exempelverket",
        case_numbers=("Ä 2015-0001", "Ä 2016-0002"),
        date="2019-03-29",
        place="Stockholm",
        decided_by=Person("Kim Exempel", "generaldirektör"),
        case_officers=(Person("Alex Prov", "handläggare"), Person("Robin Test")),
        presenter=Person("Sam Mall", "enhetschef"),
        keywords=("regional utveckling", "test"),
    ),
    blocks=(
        TableOfContents(),
        Heading(1, (Text("Sammanfattning"),), numbered=False, id="sammanfattning"),
        Paragraph(
            (
                Text("Uppdraget omfattade "),
                Computed(
                    (_amount("52600000", "mkr", qualifier="cirka", decimals=1),),
                    "00-sammanfattning.md#assignment.budget | mkr(1)",
                ),
                Text(" och nådde "),
                Number(Decimal(1706), NumberKind.COUNT, "företag", qualifier="drygt"),
                Text(", vilket är "),
                Number(Decimal("0.7557"), NumberKind.PERCENT),
                Text(" av målet."),
                Note(
                    (
                        Paragraph((Text("Källa: "), Emphasis((Text("projektdatabasen"),)))),
                        Paragraph((Text("Uppgifterna avser december."),)),
                    )
                ),
            )
        ),
        PageBreak(),
        Heading(1, (Text("Inledning"),), id="inledning"),
        Heading(2, (Text("Uppdraget"),), id="uppdraget"),
        Paragraph(
            (
                Text("Här står "),
                Emphasis((Text("kursiv "), Strong((Text("och fet"),)), Text(" text"))),
                Text(", "),
                Strong((Text("fet text"),)),
                Text(" och en "),
                Link((Text("webblänk"),), "https://tillvaxtverket.se/"),
                Text(", en "),
                Link((Text("e-postadress"),), "mailto:registrator@example.se"),
                Text(" och en "),
                Link((Text("farlig länk"),), "javascript:alert(1)"),
                Text("."),
                LineBreak(),
                Text("Ny rad efter en hård radbrytning."),
                Note((Paragraph((Text(HOSTILE),)),)),
            )
        ),
        Paragraph((Text(HOSTILE),)),
        *(Paragraph((Text(start),)) for start in HOSTILE_LINE_STARTS),
        Paragraph((Text("Rad ett"), LineBreak(), Text("- rad två"), LineBreak(), Text("1. tre"))),
        Heading(2, (Text("Mål och "), Emphasis((Text("målgrupper"),))), id="mal"),
        BulletList(
            (
                (Paragraph((Text("ökad digitalisering"),)),),
                (
                    Paragraph((Text("fler företag som samverkar"),)),
                    BulletList(
                        ((Paragraph((Text("inom länet"),)),), (Paragraph((Text(HOSTILE),)),))
                    ),
                ),
                (Paragraph((Text("# ingen rubrik"),)),),
            )
        ),
        OrderedList(
            (
                (Paragraph((Text("Förstudier"),)),),
                (Paragraph((Text("Genomförandeprojekt"),)),),
            ),
            start=3,
        ),
        Heading(1, (Text("Resultat"),), id="resultat"),
        Heading(2, (Text("Projekt"),), id="projekt"),
        Heading(3, (Text("Förstudier"),), id="forstudier"),
        Heading(4, (Text("Län utan förstudie"),), id="lan-utan-forstudie"),
        _NO_HEAD,
        Callout(
            (Text("Resultat"),),
            (
                Paragraph((Text("Alla län utom ett genomförde en förstudie."),)),
                BulletList(((Paragraph((Text("Exempel ett"),)),), (Paragraph((Text("två"),)),))),
            ),
        ),
        Heading(3, (Text(HOSTILE),), id="hostile"),
        Heading(1, (Text("Ekonomisk redovisning"),), id="ekonomi"),
        ComputedBlock((_INCOME,), "04-ekonomi.md#income-statement"),
        Paragraph(
            (
                Text("Se tabellen ovan."),
                Computed(
                    (
                        Note(
                            (
                                Paragraph((Text("Beloppen är avrundade till tusental kronor."),)),
                                BulletList(((Paragraph((Text("en punkt i en not"),)),),)),
                            )
                        ),
                    ),
                    "04-ekonomi.md#budget | budget_note",
                ),
            )
        ),
    ),
)
"""A document with every block and inline node of :mod:`smartind.document`."""


def document_with(*blocks: object) -> Document:
    """A small document with the sample's metadata and only ``blocks``."""
    return Document(metadata=SAMPLE.metadata, blocks=blocks)  # type: ignore[arg-type]

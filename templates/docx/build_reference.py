"""Build ``reference.docx``, the Word template the DOCX renderer takes its styles from.

Run by hand after changing a style, and commit the output::

    python templates/docx/build_reference.py

The look is a sober Swedish agency report: A4, Times New Roman body text, Arial headings in dark
blue, numbered headings tied to a multilevel list, light table rules. Built-in Word styles keep
their English built-in names (Word shows them translated, "Rubrik 1" for "heading 1"), so an
agency's own template can be matched by name. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
NAVY = "1F3A5F"
RULE = "8C8C8C"
SANS = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
HEADING_NUM_ID = 1
TEXT_WIDTH = 11906 - 2 * 1531  # A4 width minus 2.7 cm margins, in twentieths of a point

# (style id, name, type, basedOn, next, properties XML). Paragraph properties first, run second.
_HEADINGS = [
    (1, 32, 480, 160),
    (2, 26, 360, 120),
    (3, 23, 280, 80),
    (4, 21, 240, 60),
]


def _heading(level: int, size: int, before: int, after: int) -> str:
    # Chapters start on a new page, as in the agency's printed reports; in the style, so a
    # writer can change it for the whole document in Word.
    new_page = "<w:pageBreakBefore/>" if level == 1 else ""
    ppr = (
        f'<w:pPr><w:keepNext/><w:keepLines/>{new_page}<w:numPr><w:ilvl w:val="{level - 1}"/>'
        f'<w:numId w:val="{HEADING_NUM_ID}"/></w:numPr>'
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
        f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
    )
    italic = "<w:i/>" if level == 4 else ""
    rpr = (
        f'<w:rPr>{SANS}<w:b/>{italic}<w:color w:val="{NAVY}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/>'
        "<w:qFormat/>"
        f"{ppr}{rpr}</w:style>"
    )


def _toc(level: int) -> str:
    indent = (level - 1) * 284
    bold = "<w:b/>" if level == 1 else ""
    before = 120 if level == 1 else 0
    return (
        f'<w:style w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
        f'<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="left" w:pos="{indent + 851}"/>'
        f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        f'<w:spacing w:before="{before}" w:after="40"/>'
        f'<w:ind w:left="{indent}" w:right="567"/></w:pPr>'
        f'<w:rPr>{SANS}{bold}<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    )


STYLES = [
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>",
    '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
    '<w:basedOn w:val="Normal"/>'
    '<w:next w:val="Subtitle"/><w:qFormat/><w:pPr><w:spacing w:before="2835" w:after="240" '
    'w:line="240" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr>{SANS}<w:b/><w:color w:val="{NAVY}"/><w:kern w:val="28"/>'
    '<w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/>'
    '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>'
    '<w:pPr><w:spacing w:after="600" w:line="264" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr>{SANS}<w:color w:val="404040"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
    "</w:style>",
    '<w:style w:type="paragraph" w:styleId="CoverDetails"><w:name w:val="Cover Details"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr>'
    f'<w:rPr>{SANS}<w:color w:val="404040"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
    "</w:style>",
    '<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="600" w:after="0"/></w:pPr>'
    "</w:style>",
    *(_heading(*spec) for spec in _HEADINGS),
    '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/>'
    '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="35"/><w:qFormat/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/></w:pPr>'
    f'<w:rPr>{SANS}<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>'
    "</w:style>",
    '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="20" w:after="20" '
    'w:line="240" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr>{SANS}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/>'
    '<w:basedOn w:val="TableText"/><w:qFormat/><w:pPr><w:keepNext/></w:pPr>'
    "<w:rPr><w:b/></w:rPr></w:style>",
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    "</w:style>",
    '<w:style w:type="paragraph" w:styleId="CalloutTitle"><w:name w:val="Callout Title"/>'
    '<w:basedOn w:val="Normal"/><w:next w:val="CalloutText"/><w:qFormat/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="40" w:after="80"/></w:pPr>'
    f'<w:rPr>{SANS}<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>'
    "</w:style>",
    '<w:style w:type="paragraph" w:styleId="CalloutText"><w:name w:val="Callout Text"/>'
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80"/></w:pPr>'
    '<w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/>'
    '<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
    '<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/>'
    '</w:numPr><w:outlineLvl w:val="9"/></w:pPr></w:style>',
    *(_toc(level) for level in range(1, 5)),
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/>'
    f'</w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr>{SANS}<w:sz w:val="18"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
    f'<w:rPr>{SANS}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:color w:val="1F5F9F"/><w:u w:val="single"/></w:rPr></w:style>',
    '<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0"/>'
    "</w:pPr><w:tblPr><w:tblBorders>"
    f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>'
    f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>'
    f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
    '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
    '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
    '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="table" w:styleId="CalloutBox"><w:name w:val="Callout Box"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders>'
    f'<w:left w:val="single" w:sz="24" w:space="0" w:color="{NAVY}"/>'
    '</w:tblBorders><w:tblCellMar><w:top w:w="113" w:type="dxa"/>'
    '<w:left w:w="198" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>'
    '<w:right w:w="198" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/></w:tcPr></w:style>',
]

KEEP_DEFAULT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}


def _heading_numbering() -> str:
    from smartind_render.docx._numbering import heading_abstract

    styles = tuple(f"Heading{level}" for level in range(1, 5))
    root = etree.fromstring(
        f'<w:numbering {NS}><w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="0"/>'
        "</w:num></w:numbering>"
    )
    root.insert(0, heading_abstract(0, styles))
    return str(etree.tostring(root, encoding="unicode"))


def _styles(default_styles: bytes) -> bytes:
    root = etree.fromstring(default_styles)
    w = f"{{{W}}}"
    defaults = root.find(f"{w}docDefaults")
    if defaults is None:
        raise SystemExit("python-docx's default template has no docDefaults")
    defaults.getparent().replace(
        defaults,
        etree.fromstring(
            f"<w:docDefaults {NS}><w:rPrDefault><w:rPr>"
            '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" '
            'w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
            '<w:sz w:val="23"/><w:szCs w:val="23"/>'
            '<w:lang w:val="sv-SE" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="269" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )
    for style in root.findall(f"{w}style"):
        if style.get(f"{w}styleId") not in KEEP_DEFAULT_STYLES:
            root.remove(style)
    for xml in STYLES:
        root.append(etree.fromstring(xml.replace("<w:style ", f"<w:style {NS} ", 1)))
    etree.cleanup_namespaces(root)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _settings(default_settings: bytes) -> bytes:
    root = etree.fromstring(default_settings)
    w = f"{{{W}}}"
    for tag in ("rsids", "proofState", "savePreviewPicture"):
        for found in root.findall(f"{w}{tag}"):
            root.remove(found)
    for found in root.iter(f"{w}defaultTabStop"):
        found.set(f"{w}val", "1304")
    for found in root.iter(f"{w}themeFontLang"):
        found.set(f"{w}val", "sv-SE")
    for found in root.iter(f"{w}decimalSymbol"):
        found.set(f"{w}val", ",")
    for found in root.iter(f"{w}listSeparator"):
        found.set(f"{w}val", ";")
    for found in root.iter("{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        found.getparent().remove(found)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1531" w:bottom="1418" w:left="1531" w:header="709" '
    'w:footer="624" w:gutter="0"/><w:cols w:space="708"/><w:titlePg/>'
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
)


def _document() -> bytes:
    def para(style: str, text: str) -> str:
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'

    body = "".join(
        [
            para("Title", "Smartind referensmall"),
            para("Subtitle", "Formatmallar för slutrapporter"),
            para("Heading1", "Rubrik 1"),
            para("BodyText", "Brödtext i rapportens typsnitt."),
            para("Heading2", "Rubrik 2"),
            para("ListBullet", "Punktlista"),
            para("Caption", "Tabellrubrik"),
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships"><w:body>{body}{SECTION}</w:body></w:document>'
    ).encode()


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


def main(target: Path = HERE / "reference.docx") -> None:
    """Write the reference document to ``target``."""
    default = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(default) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    word_parts = {
        "styles.xml": ("styles", f"{_CT}.wordprocessingml.styles+xml"),
        "numbering.xml": ("numbering", f"{_CT}.wordprocessingml.numbering+xml"),
        "settings.xml": ("settings", f"{_CT}.wordprocessingml.settings+xml"),
        "webSettings.xml": ("webSettings", f"{_CT}.wordprocessingml.webSettings+xml"),
        "fontTable.xml": ("fontTable", f"{_CT}.wordprocessingml.fontTable+xml"),
        "theme/theme1.xml": ("theme", f"{_CT}.theme+xml"),
    }
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="'
            f'{_CT}.wordprocessingml.document.main+xml"/>'
            + "".join(
                f'<Override PartName="/word/{name}" ContentType="{ctype}"/>'
                for name, (_kind, ctype) in word_parts.items()
            )
            + "</Types>"
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ).encode(),
        "word/document.xml": _document(),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{n}" Type="{_REL}/{kind}" Target="{name}"/>'
                for n, (name, (kind, _ct)) in enumerate(word_parts.items(), start=1)
            )
            + "</Relationships>"
        ).encode(),
        "word/styles.xml": _styles(parts["word/styles.xml"]),
        "word/numbering.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _heading_numbering()
        ).encode(),
        "word/settings.xml": _settings(parts["word/settings.xml"]),
        "word/webSettings.xml": parts["word/webSettings.xml"],
        "word/fontTable.xml": parts["word/fontTable.xml"],
        "word/theme/theme1.xml": parts["word/theme/theme1.xml"],
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    docx.Document(str(target))  # python-docx must be able to open it
    print(f"wrote {target}")


if __name__ == "__main__":
    main()

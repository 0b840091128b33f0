"""Render in one call: a report or a composed document to the bytes of one output file.

:func:`render` is what a program calls; ``smartind render`` does the same and then writes the
file safely (:func:`smartind_render.output.write_output`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smartind.document import Document
from smartind.errors import RenderError, SmartindError
from smartind_render.protocol import Renderer, RenderOptions

if TYPE_CHECKING:
    from smartind.report import Report

__all__ = ["render", "run_renderer"]

_BUILT_IN_OPTIONS = {
    "docx": ("reference_docx",),
    "html": ("template_dir",),
    "markdown": (),
}


def render(
    source: Report | Document,
    format: str = "docx",
    *,
    style: str | None = None,
    reference_docx: Path | str | None = None,
    template_dir: Path | str | None = None,
    source_date_epoch: int | None = None,
    **options: str,
) -> bytes:
    """The output file for ``source`` in ``format``, as bytes; nothing is written to disk.

    ``source`` is a :class:`~smartind.report.Report` (checked with :func:`smartind.validate`,
    then composed with :func:`smartind.compose`) or a :class:`~smartind.document.Document`
    composed already. A report without chapters gets the default body of computed blocks: the
    income statement, the key ratios and the rule findings (see
    :func:`smartind.compose.default_body`).

    ``format`` is a format name as ``smartind formats`` lists them (``docx``, ``html``,
    ``markdown`` or an installed plugin's). ``style`` is the number style (``tillvaxtverket``,
    ``sprakradet``); by default the report's own. ``reference_docx`` (docx) and ``template_dir``
    (html) are the same as the command line's options; ``source_date_epoch`` fixes the
    timestamps written into the output. Further keyword options are passed to a third-party
    renderer as text (``RenderOptions.extra``); a built-in format takes none and raises
    ``TypeError`` naming the options it reads.

    Raises :class:`~smartind.errors.ReportDataError` for a report that does not hold together,
    :class:`~smartind.errors.UnknownFormatError` for a format nobody installed, and
    :class:`~smartind.errors.RenderError` when the renderer fails.
    """
    from smartind.report import Report
    from smartind_render.registry import load_renderer

    if isinstance(source, Report):
        from smartind.compose import compose

        document = compose(source, style=style)
    elif isinstance(source, Document):
        document = source
    else:
        raise TypeError(
            f"render() takes a smartind Report or Document, not {type(source).__name__}; "
            f"load a report with smartind.load_report() or build one with smartind.Report(...)"
        )
    if style is not None:
        from smartind.numbers import number_style

        number_style(style)  # an unknown name fails here, with the known ones listed
    renderer = load_renderer(format)
    _check_options(renderer.name, reference_docx, template_dir, options)
    render_options = RenderOptions(
        style=style,
        reference_docx=None if reference_docx is None else Path(reference_docx),
        template_dir=None if template_dir is None else Path(template_dir),
        source_date_epoch=source_date_epoch,
        extra={key: str(value) for key, value in options.items()},
    )
    return run_renderer(renderer, document, render_options)


def _check_options(
    name: str,
    reference_docx: Path | str | None,
    template_dir: Path | str | None,
    extra: dict[str, str],
) -> None:
    reads = _BUILT_IN_OPTIONS.get(name)
    if reads is None:
        return  # a third party's renderer reads what it likes
    given = [
        key
        for key, value in (("reference_docx", reference_docx), ("template_dir", template_dir))
        if value is not None and key not in reads
    ]
    given += sorted(extra)
    if given:
        accepted = ", ".join(["style", "source_date_epoch", *reads])
        raise TypeError(f"the {name} format does not read {', '.join(given)}; it takes: {accepted}")


def run_renderer(renderer: Renderer, document: Document, options: RenderOptions) -> bytes:
    """``renderer.render(document, options)``, with a failure blamed on the renderer.

    A :class:`~smartind.errors.SmartindError` passes through; any other exception, ``SystemExit``
    included, or a result that is not bytes, becomes a :class:`~smartind.errors.RenderError`
    naming the renderer. What the renderer prints goes to standard error.
    """
    from smartind.plugins import describe_failure, plugin_output

    name = getattr(renderer, "name", "?")
    try:
        with plugin_output():
            data = renderer.render(document, options)
    except SmartindError:
        raise
    except (Exception, SystemExit) as error:
        # A renderer's own bug, or a sys.exit() that must not end the command with no file and
        # no word: say whose it is; --debug shows the traceback.
        raise RenderError(
            f"the {name} renderer failed: {describe_failure(error)}; run with --debug to see "
            f"where, and report it to the authors of {_origin(name)}"
        ) from error
    if not isinstance(data, bytes):
        raise RenderError(
            f"the {name} renderer returned {type(data).__name__}, not bytes; "
            f"report it to the authors of {_origin(name)}"
        )
    return data


def _origin(name: str) -> str:
    """The distribution that provides format ``name``, for a message about its renderer."""
    from smartind_render.registry import find_format

    try:
        return find_format(name).origin
    except SmartindError:
        return "the renderer"

"""``--annotate`` output survives LibreOffice: every comment is still there, at its text.

LibreOffice headless (Debian's ``libreoffice-writer``) converts the annotated
copy to PDF; each Word comment becomes a PDF text annotation whose contents
are the comment and whose position is the end of the text it is anchored on
(where Writer draws the comment's anchor). poppler's ``pdftotext -bbox``
gives the words' boxes to check that position. .ci/run installs both where
apt works; otherwise the test is skipped with its reason. A rendered page
goes to tests/output/ (and to docs/ with ``PRLINT_DOCS_SCREENSHOTS=1``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.helpers import REPO, SEEDS
from tests.outputs.test_annotate import _anchors, _draft

#: LibreOffice converts each copy to PDF: tens of seconds.
pytestmark = pytest.mark.slow

OUTPUT = REPO / "tests" / "output"
DOCS = REPO / "docs"
SEED = SEEDS / "001_11140a142e544612.txt"
_PDF_EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _tools() -> tuple[str, str, str]:
    """Return soffice, pdftotext and pdftoppm, or skip saying which is missing."""
    found = {name: shutil.which(name) for name in ("soffice", "pdftotext", "pdftoppm")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not installed (apt-get install libreoffice-writer poppler-utils)"
        )
    return found["soffice"], found["pdftotext"], found["pdftoppm"]  # type: ignore[return-value]


def _seed_draft(path: Path) -> Path:
    """Write seed 001 as a Word draft, one paragraph per line of text."""
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Annotate the drafts and convert the copies to PDF in one LibreOffice run.

    Returns, by name, the annotated .docx and its PDF.
    """
    soffice, _pdftotext, _pdftoppm = _tools()
    work = tmp_path_factory.mktemp("libreoffice")
    drafts = {"draft": _draft(work / "draft.docx", tracked=True)}
    if SEED.exists():
        drafts["seed-001"] = _seed_draft(work / "seed-001.docx")
    reviewed = {}
    for name, draft in drafts.items():
        out = work / f"{name}-reviewed.docx"
        result = CliRunner().invoke(main, ["-q", "--annotate", str(out), str(draft)])
        assert result.exit_code in (0, 1), result.output + result.stderr
        reviewed[name] = out
    command = [
        soffice,
        "--headless",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--convert-to",
        _PDF_EXPORT,
        "--outdir",
        str(work / "pdf"),
        *map(str, reviewed.values()),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return {name: (out, work / "pdf" / f"{out.stem}.pdf") for name, out in reviewed.items()}


def _pdf_string(token: str) -> str:
    """Decode a PDF string: <FEFF...> UTF-16 hex, or a (literal) one."""
    if token.startswith("<"):
        data = bytes.fromhex(token[1:-1])
        return data[2:].decode("utf-16-be") if data[:2] == b"\xfe\xff" else data.decode("latin-1")
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), body)


_STRING = r"(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))"


def _annotations(pdf: Path) -> list[dict]:
    """Return the PDF's text annotations: contents, author and rectangle."""
    raw = pdf.read_bytes().decode("latin-1")
    found = []
    for body in re.findall(r"<<(/Type\s*/Annot\s*/Subtype\s*/Text.*?)>>\s*endobj", raw, re.S):
        rect = [float(n) for n in re.search(r"/Rect\s*\[([^\]]*)\]", body).group(1).split()]
        contents = re.search(r"/Contents\s*" + _STRING, body, re.S)
        author = re.search(r"/T\s*" + _STRING, body, re.S)
        found.append(
            {
                "contents": _pdf_string(re.sub(r"\s", "", contents.group(1)))
                if contents.group(1).startswith("<")
                else _pdf_string(contents.group(1)),
                "author": _pdf_string(re.sub(r"\s", "", author.group(1))) if author else "",
                "rect": rect,
            }
        )
    return found


def _words(pdf: Path) -> tuple[float, list[tuple[str, float, float, float]]]:
    """Return the first page's height and its words with xMax, yMin, yMax (from the top)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    words = [
        (unescape(text), float(x_max), float(y_min), float(y_max))
        for y_min, x_max, y_max, text in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html,
        )
    ]
    return height, words


def test_every_comment_survives_the_pdf_round_trip_at_the_end_of_its_text(converted) -> None:
    reviewed, pdf = converted["draft"]
    anchors = _anchors(reviewed)
    annotations = _annotations(pdf)
    assert len(anchors) == 4
    assert sorted(a["contents"] for a in annotations) == sorted(text for _span, text in anchors)
    assert all(a["author"].startswith("prlint") for a in annotations)
    height, words = _words(pdf)
    for span, text in anchors:  # each comment's anchor is drawn where its span ends
        last = span.split()[-1]
        placed = [
            a
            for a in annotations
            if a["contents"] == text and _ends_a_word(a["rect"], height, words, last)
        ]
        assert placed, (span, text)
        annotations.remove(placed[0])


def _ends_a_word(rect: list[float], height: float, words: list, last: str) -> bool:
    """Is the annotation at *rect* at the end of a word ending with *last*?"""
    x, y = rect[0], height - rect[1]  # pdftotext counts from the top, PDF from the bottom
    return any(w[0].endswith(last) and abs(w[1] - x) < 2 and w[2] <= y <= w[3] + 2 for w in words)


def test_a_rendered_page_of_an_annotated_seed(converted) -> None:
    if "seed-001" not in converted:
        pytest.skip("../shared (seed 001) is not beside this checkout")
    reviewed, pdf = converted["seed-001"]
    assert len(_annotations(pdf)) == len(_anchors(reviewed)) >= 5
    OUTPUT.mkdir(exist_ok=True)
    stem = OUTPUT / "annotate-libreoffice"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    page = stem.with_suffix(".png")
    assert page.stat().st_size > 20_000
    if os.environ.get("PRLINT_DOCS_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(page, DOCS / page.name)

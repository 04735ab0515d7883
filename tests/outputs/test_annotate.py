"""``--annotate``: the Word draft handed back with every finding as a comment on its text."""

from __future__ import annotations

import copy
import re
import zipfile
from html import unescape
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from checker.cli import main

LEAD = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) had the the gain with "


def _draft(path: Path, tracked: bool = False) -> Path:
    """Write a Word draft: a bold misspelled drug, a table cell, maybe a tracked insertion."""
    document = docx.Document()
    document.add_paragraph("Acme Starts Trial")
    paragraph = document.add_paragraph(LEAD)
    paragraph.add_run("metfromin").bold = True
    tail = paragraph.add_run(" in patients.")
    if tracked:  # " in patients." becomes a tracked insertion, as Word writes it
        insertion = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "9", qn("w:author"): "Ed"})
        tail._r.addprevious(insertion)
        insertion.append(tail._r)
        insertion.append(copy.deepcopy(tail._r))
        insertion[-1].find(qn("w:t")).text = " It was a a win."
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Acme is a leader"
    table.cell(0, 1).text = "the the cell"
    document.save(str(path))
    return path


def _anchored(path: Path) -> dict[str, str]:
    """Return each comment's text keyed by the document text it is anchored on."""
    return dict(_anchors(path))


def _anchors(path: Path) -> list[tuple[str, str]]:
    """Return (anchored text, comment text) for every comment, in document order."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    texts = {}
    for start in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>', xml):  # ranges may nest
        end = xml.index(f'<w:commentRangeEnd w:id="{start.group(1)}"/>', start.end())
        texts[start.group(1)] = unescape(re.sub(r"<[^>]+>", "", xml[start.end() : end]))
    comments = {str(c.comment_id): c.text for c in docx.Document(str(path)).comments}
    return [(texts[key], comments[key]) for key in texts]


def _lint(*args: str):
    return CliRunner().invoke(main, ["--no-color", "-q", *args])


def test_each_finding_is_a_comment_on_exactly_its_text_and_the_text_is_unchanged(tmp_path) -> None:
    draft = _draft(tmp_path / "draft.docx", tracked=True)
    before = draft.read_bytes()
    out = tmp_path / "reviewed.docx"
    result = _lint("--annotate", str(out), str(draft))
    assert result.exit_code == 0, result.output + result.stderr
    anchored = _anchored(out)
    assert anchored["metfromin"].startswith("warning: 'metfromin' looks like a misspelling")
    assert "fix: replace with 'metformin'" in anchored["metfromin"]
    assert anchored["metfromin"].endswith("[spelling.drug-name]")
    # the body, the tracked insertion and the table cell
    assert sorted(text for text, _ in _anchors(out)) == ["a a", "metfromin", "the the", "the the"]
    assert all(c.author == "prlint" for c in docx.Document(str(out)).comments)
    original, reviewed = docx.Document(str(draft)), docx.Document(str(out))
    assert [p.text for p in reviewed.paragraphs] == [p.text for p in original.paragraphs]
    assert reviewed.tables[0].cell(0, 1).text == "the the cell"
    bold = [run for p in reviewed.paragraphs for run in p.runs if run.text == "metfromin"]
    assert bold and bold[0].bold  # the split run kept its formatting
    assert draft.read_bytes() == before  # the draft itself is never written


def test_min_severity_and_select_decide_which_findings_become_comments(tmp_path) -> None:
    draft = _draft(tmp_path / "draft.docx")
    out = tmp_path / "r.docx"
    assert _lint("--annotate", str(out), "--select", "spelling", str(draft)).exit_code == 0
    assert list(_anchored(out)) == ["metfromin"]
    assert _lint("--annotate", str(out), "--min-severity", "error", str(draft)).exit_code == 0
    assert _anchored(out) == {}


def test_several_drafts_go_to_a_folder_and_a_text_draft_is_refused(tmp_path) -> None:
    one, two = _draft(tmp_path / "one.docx"), _draft(tmp_path / "two.docx")
    folder = tmp_path / "reviewed"
    assert _lint("--annotate", str(tmp_path / "x.docx"), str(one), str(two)).exit_code == 2
    folder.mkdir()
    assert _lint("--annotate", str(folder), str(one), str(two)).exit_code == 0
    assert (folder / "one.docx").exists() and (folder / "two.docx").exists()
    text = tmp_path / "draft.txt"
    text.write_text(LEAD + "metfromin.\n", encoding="utf-8")
    refused = _lint("--annotate", str(tmp_path / "t.docx"), str(text))
    assert refused.exit_code == 2 and "is not a Word (.docx) draft" in refused.stderr
    same = _lint("--annotate", str(one), str(one))
    assert same.exit_code == 2 and "overwrite the draft" in same.stderr

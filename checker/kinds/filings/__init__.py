"""``filings``: references to SEC filings in a release.

Parameter ``report`` picks the check: ``legend-cites-no-filing`` (no
filing at all), ``legend-cites-generic-filing`` (only "our SEC filings"),
``unknown-form`` ("Form 10-QK"), ``form-style`` ("Form 10K", "Form S1",
"10-KA"), ``title-mismatch`` ("Annual Report on Form 10-Q"),
``period-mismatch`` ("10-K for the quarter ended", a 10-Q for the fiscal
fourth quarter), ``period-future`` (a period ending on or after the release
date), ``stale`` (a 10-K/10-Q/20-F overtaken by a later report that was due)
``retired-form`` (10-KSB, 10-K405, SB-2 ... after they went out of use),
``too-early`` (a period that ended less than 14 days before the release),
``filing-date`` (filed after the release date or on a weekend) and
``fpi-mix`` (a 20-F or 6-K cited beside a 10-K or 8-K).
Optional ``filer_category`` and ``fiscal_year_end`` ("06-30"), else the
profile's, else ``non-accelerated`` (the most lenient) and the fiscal year
end the release states or its cited 10-K shows. Data:
checker/data/sec_forms.json.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis import ticker_mentions
from checker.analysis.filing_refs import FilingRef, family, looks_like_sec_form, references
from checker.analysis.legend import (
    cites_generic_filing,
    legend_and_disclaimer,
    legend_spans,
    legend_text,
    makes_material_fls,
    names_factors,
)
from checker.analysis.release_date import parse_month_day
from checker.analysis.sec_data import (
    compile_data_pattern,
    compile_list,
    first_line_span,
    iso,
    load,
    release_day,
)
from checker.document.model import Document
from checker.kinds.base import Context
from checker.kinds.filings import deadlines
from checker.matching.patterns import PATTERN_TIMEOUT
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

#: The filer category assumed when neither rule nor profile gives one: its deadlines are the latest.
_LENIENT_CATEGORY = "non-accelerated"
_QUARTER_WORDS = {"quarter", "three months", "six months", "nine months"}
#: Characters around a reference searched for words that make a future period fine
#: ("will file its 10-K for the year ending ..."): about one sentence either side.
_FUTURE_FILING_REACH = 150
#: A 10-K or 10-Q cited for a period that ended fewer days ago than this cannot
#: have been filed yet (the earliest deadline, large accelerated filers' 10-Q,
#: is 40 days; two weeks leaves room for early filers).
_EARLIEST_FILING_DAYS = 14
_YEAR_WORDS = {"year", "twelve months"}


Day = datetime.date | None


class Filings(NamedTuple):
    """A compiled ``filings`` check."""

    report: str
    category: str | None
    fiscal_year_end: tuple[int, int] | None
    specific: list[regex.Pattern]
    future_filing: regex.Pattern
    fye_text: regex.Pattern
    non_sec_filer: regex.Pattern
    sec_registrant: regex.Pattern


#: A report's search: the compiled check, the draft, the rule's scope, the context.
Report = Callable[[Filings, Document, Scope, Context], Iterator[Hit]]


@dataclass
class Citations:
    """The filing references in a rule's scope, and what they say together, worked out once.

    Every reference's check may ask for the fiscal year end (a search of the
    whole draft) or the forms cited beside it: asked of each reference anew,
    that would be quadratic in a draft of many references.
    """

    check: Filings
    document: Document
    refs: list[FilingRef]

    @cached_property
    def fiscal_year_end(self) -> tuple[int, int] | None:
        """Return the fiscal year end: configured, stated in the release, or a cited 10-K's."""
        return _fiscal_year_end(self.check, self.document, self.refs)

    @cached_property
    def forms(self) -> frozenset[str | None]:
        """Return the canonical forms cited."""
        return frozenset(ref.form for ref in self.refs)


#: A per-reference check: the check, the draft, one reference, all of them, the release day.
RefCheck = Callable[[Filings, Document, FilingRef, Citations, Day], Iterator[Hit]]


def compile(params: dict[str, Any], where: str) -> Filings:
    """Compile a ``filings`` check and its optional filer profile."""
    data = load("sec_forms")
    fye = params["fiscal_year_end"]
    return Filings(
        report=params["report"],
        category=params["filer_category"],
        fiscal_year_end=(int(fye[:2]), int(fye[3:])) if fye else None,
        specific=compile_list(
            data["specific_filing"], "checker/data/sec_forms.json: specific_filing"
        ),
        future_filing=compile_data_pattern(data["future_filing"], "future_filing"),
        fye_text=compile_data_pattern(data["fiscal_year_end_text"], "fiscal_year_end_text"),
        non_sec_filer=compile_data_pattern(data["non_sec_filer"], "non_sec_filer"),
        sec_registrant=compile_data_pattern(
            data["sec_registrant"], "sec_registrant", ignore_case=False
        ),
    )


def find(check: Filings, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield the hits of the chosen report."""
    yield from REPORTS[check.report](check, document, scope, context)


def _per_reference(ref_check: RefCheck) -> Report:
    """Make a report that runs *ref_check* on every filing reference in scope."""

    def report(check: Filings, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
        check = _with_profile(check, context)
        refs = [ref for ref in references(document) if document.in_scope(ref.start, scope)]
        day = release_day(document, context.release_date)
        cited = Citations(check, document, refs)
        for ref in refs:
            yield from ref_check(check, document, ref, cited, day)

    return report


def _with_profile(check: Filings, context: Context) -> Filings:
    """Take filer category and fiscal year end from the profile when the rule gives none."""
    issuer = dict(context.profile)
    category = check.category or issuer.get("filer_category") or _LENIENT_CATEGORY
    fye = check.fiscal_year_end
    if fye is None and issuer.get("fiscal_year_end"):
        fye = (int(issuer["fiscal_year_end"][:2]), int(issuer["fiscal_year_end"][3:]))
    return check._replace(category=category, fiscal_year_end=fye)


def _unknown_form(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a form type the SEC does not have ("Form 10-QK")."""
    if ref.form is None and looks_like_sec_form(ref.written):
        yield Hit(ref.start, ref.end, _fields(ref))


def _form_style(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a form written otherwise than the SEC writes it ("Form 10K", "10-KA")."""
    if ref.form is None:
        return
    expected = ref.form + ("/A" if ref.amended else "")
    if ref.written != expected and not ref.written.upper().startswith("NT"):
        yield Hit(ref.start, ref.end, {**_fields(ref), "expected": expected}, replacement=expected)


def _title_mismatch(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a periodic form called by another form's title ("Annual Report on Form 10-Q")."""
    if not (ref.title and ref.form):
        return
    allowed = load("sec_forms")["titles"].get(family(ref.form) or "", [])
    if (
        family(ref.form) in ("annual", "quarterly", "current", "transition")
        and ref.title not in allowed
    ):
        yield Hit(ref.start, ref.end, {**_fields(ref), "title": ref.title})


def _period_mismatch(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a period the cited form cannot cover."""
    if ref.period_span:
        problem = _period_problem(ref, cited)
        if problem:
            yield Hit(*ref.period_span, {**_fields(ref), "problem": problem})


def _period_future(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a cited report whose period ends on or after the release date."""
    span = ref.period_span
    if not (ref.period_end and span and day and ref.period_end >= day):
        return
    window = (max(0, ref.start - _FUTURE_FILING_REACH), span[1] + _FUTURE_FILING_REACH)
    if not check.future_filing.search(document.text, *window):
        yield Hit(
            *span,
            {**_fields(ref), "period": ref.period_end.isoformat(), "date": day.isoformat()},
        )


def _stale_reference(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a cited periodic report that a later one, already due, has replaced."""
    if ref.period_end and day:
        yield from _stale(check, ref, cited, day)


def _retired_form(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a form type cited after it went out of use."""
    if ref.form:
        yield from _retired(ref, day)


def _too_early(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a periodic report cited for a period that ended too recently to have been filed."""
    span = ref.period_span
    if not (ref.period_end and span and day and family(ref.form) in ("annual", "quarterly")):
        return
    if (
        datetime.timedelta(0)
        < day - ref.period_end
        < datetime.timedelta(days=_EARLIEST_FILING_DAYS)
    ):
        yield Hit(
            *span,
            {**_fields(ref), "period": ref.period_end.isoformat(), "date": day.isoformat()},
        )


def _filing_date_reference(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a filing date after the release date or on a weekend."""
    if ref.filed_on:
        yield from _filing_date(ref, day)


def _fpi_mix_reference(
    check: Filings, document: Document, ref: FilingRef, cited: Citations, day: Day
) -> Iterator[Hit]:
    """Report a foreign private issuer's form cited beside its domestic counterpart."""
    yield from _fpi_mix(ref, cited)


def _fields(ref: FilingRef) -> dict[str, str]:
    """Return the message fields every reference finding has."""
    return {"form": ref.written, "canonical": ref.form or ""}


def _period_problem(ref: FilingRef, cited: Citations) -> str | None:
    """Return what is wrong with a reference's period, or None."""
    kind = family(ref.form)
    if kind == "annual" and ref.period_word in _QUARTER_WORDS:
        return f"an annual report covers a fiscal year, not the {ref.period_word} it names"
    if kind == "quarterly" and ref.period_word in _YEAR_WORDS:
        return f"a quarterly report covers a quarter, not the {ref.period_word} it names"
    fye = cited.fiscal_year_end
    if (
        kind == "quarterly"
        and ref.period_end
        and fye
        and deadlines.is_fiscal_year_end(ref.period_end, fye)
    ):
        return "no 10-Q is filed for the fiscal fourth quarter: the 10-K covers it"
    return None


def _fiscal_year_end(
    check: Filings, document: Document, refs: list[FilingRef]
) -> tuple[int, int] | None:
    """Return the fiscal year end: configured, stated in the release, or a cited 10-K's."""
    if check.fiscal_year_end:
        return check.fiscal_year_end
    stated = check.fye_text.search(document.text, timeout=PATTERN_TIMEOUT)
    if stated:
        parsed = parse_month_day(stated.group("date"))
        if parsed:
            return parsed[0], parsed[1]
    for ref in refs:
        if family(ref.form) == "annual" and ref.period_word == "year" and ref.period_end:
            return ref.period_end.month, ref.period_end.day
    return None


def _stale(check: Filings, ref: FilingRef, cited: Citations, day: datetime.date) -> Iterator[Hit]:
    """Report a cited periodic report that a later, already due report has replaced."""
    kind = family(ref.form)
    ended, span = ref.period_end, ref.period_span
    if ended is None or span is None:
        return
    category = "foreign-private" if ref.form in ("20-F", "40-F") else check.category
    category = category or _LENIENT_CATEGORY
    if kind == "annual" and ref.period_word in _YEAR_WORDS | {None}:
        later = deadlines.superseded_annual(ended, category, day)
    elif kind == "quarterly" and ref.period_word in _QUARTER_WORDS:
        later = deadlines.superseded_quarterly(ended, category, day, cited.fiscal_year_end)
    else:
        return
    if later is not None and ended < day:
        yield Hit(
            ref.start,
            span[1],
            {
                "form": ref.written,
                "period": ended.isoformat(),
                "later": later.isoformat(),
                "date": day.isoformat(),
                "category": category,
            },
        )


def _retired(ref: FilingRef, day: datetime.date | None) -> Iterator[Hit]:
    """Report a form type that was no longer in use for the period or at the release date."""
    for entry in load("sec_forms")["retired"]:
        if entry["form"] != ref.form:
            continue
        last_period = iso(entry["last_period_end"])
        too_late_period = (
            ref.period_end is not None and last_period is not None and ref.period_end > last_period
        )
        not_after = iso(entry["not_after"])
        too_late_release = day is not None and not_after is not None and day > not_after
        if too_late_period or too_late_release:
            yield Hit(ref.start, ref.end, {"form": ref.written, "note": entry["note"]})


def _filing_date(ref: FilingRef, day: datetime.date | None) -> Iterator[Hit]:
    """Report a filing date after the release date, or on a weekend (EDGAR does not file then)."""
    filed, span = ref.filed_on, ref.filed_span
    if filed is None or span is None:
        return
    fields = {"form": ref.written, "filed": filed.isoformat()}
    if day is not None and filed > day:
        yield Hit(*span, {**fields, "problem": f"after the release date {day.isoformat()}"})
    elif filed.weekday() >= 5:
        yield Hit(
            *span,
            {**fields, "problem": f"a {filed:%A}, when EDGAR accepts no filings"},
        )


def _fpi_mix(ref: FilingRef, cited: Citations) -> Iterator[Hit]:
    """Report a foreign-private-issuer form cited next to its domestic counterpart (10-K and 20-F)."""
    counterpart = load("sec_forms")["domestic_counterparts"].get(ref.form or "")
    if counterpart and counterpart in cited.forms:
        yield Hit(ref.start, ref.end, {"form": ref.written, "other": counterpart})


def _legend_cites_none(
    check: Filings, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report a legend that mentions no SEC filing, or only filings in general and no factor either."""
    if _legend_reference(check, document) == "none":
        yield _legend_hit(document)


def _legend_cites_generic(
    check: Filings, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report a legend that names factors of its own and points to "our filings with the SEC" in general."""
    if _legend_reference(check, document) == "generic":
        yield _legend_hit(document)


def _legend_hit(document: Document) -> Hit:
    """Return a hit on the legend's first line."""
    start, end = first_line_span(document, *legend_spans(document)[0])
    return Hit(start, end, {"legend": document.text[start:end][:60]})


def _legend_reference(check: Filings, document: Document) -> str | None:
    """Say what the legend cites for the full risk factors: "none", "generic", or None when it is fine.

    None also when nothing is to be said: no legend, a foreign filer, an
    issuer nothing shows reporting to the SEC, or a release with no material
    forward-looking statement (a board appointment, a conference notice). A
    generic pointer ("our filings with the SEC") is "generic" when the legend
    names factors of its own, and counts as no reference when it names none.
    The pointer may stand in a disclaimer right after the legend.
    """
    spans = legend_spans(document)
    if not spans:
        return None
    text = legend_and_disclaimer(document, spans)
    if check.non_sec_filer.search(text, timeout=PATTERN_TIMEOUT) or _listed_abroad(document):
        return None  # a Canadian or other foreign filer cites SEDAR+ or nothing: no 10-K to cite
    if not check.sec_registrant.search(
        document.text, timeout=PATTERN_TIMEOUT
    ) and not _listed_in_us(document):
        return None  # nothing says the issuer reports to the SEC (PSLRA, SEC, a US listing)
    if any(pattern.search(text, timeout=PATTERN_TIMEOUT) for pattern in check.specific):
        return None
    if not makes_material_fls(document):
        return None  # nothing forward-looking for the filing's risk factors to cover
    if cites_generic_filing(text) and names_factors(legend_text(document, spans)):
        return "generic"
    return "none"


#: Listings that need SEC registration: the US national exchanges (Exchange Act s. 12(b)) ...
_SEC_LISTING_GROUPS = frozenset({"NYSE", "NYSE American", "NYSE Arca", "Nasdaq"})
#: ... and the OTC Markets tiers whose US companies must report to the SEC (or under Regulation
#: A Tier 2, also filed with the SEC): OTCQX Rules for U.S. Companies and OTCQB Standards, eligibility
#: (https://www.otcmarkets.com/corporate-services/otcqb-venture-market). OTC Pink and OTCID admit
#: companies that report only to OTC Markets, so they prove nothing.
_SEC_OTC_TIERS = frozenset({"OTCQX", "OTCQB"})


def _listed_in_us(document: Document) -> bool:
    """Tell whether the company the lead names has a ticker that needs SEC registration.

    A listing on a US national exchange or on OTCQX or OTCQB (for a US company) does; the
    first ticker on a foreign exchange is ruled out before (see _listed_abroad).
    """
    for mention in ticker_mentions.mentions(document):
        named = mention.owner is None or ticker_mentions.same_company(
            mention.owner, document.company
        )
        if named and (
            mention.venue.group in _SEC_LISTING_GROUPS or mention.venue.name in _SEC_OTC_TIERS
        ):
            return True
    return False


def _listed_abroad(document: Document) -> bool:
    """Tell whether the issuer's first ticker is on a non-US exchange (TSXV, CSE ...)."""
    for mention in ticker_mentions.mentions(document):
        if mention.issuer:
            return mention.venue.country != "US"
    return False


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Report] = {
    "legend-cites-no-filing": _legend_cites_none,
    "legend-cites-generic-filing": _legend_cites_generic,
    "unknown-form": _per_reference(_unknown_form),
    "form-style": _per_reference(_form_style),
    "title-mismatch": _per_reference(_title_mismatch),
    "period-mismatch": _per_reference(_period_mismatch),
    "period-future": _per_reference(_period_future),
    "stale": _per_reference(_stale_reference),
    "retired-form": _per_reference(_retired_form),
    "too-early": _per_reference(_too_early),
    "filing-date": _per_reference(_filing_date_reference),
    "fpi-mix": _per_reference(_fpi_mix_reference),
}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset(
    {
        "canonical",
        "category",
        "date",
        "expected",
        "filed",
        "form",
        "later",
        "legend",
        "note",
        "other",
        "period",
        "problem",
        "title",
    }
)

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "References to SEC filings: form types, titles, periods, staleness.",
    "properties": {
        "kind": True,
        "report": {"enum": list(REPORTS)},
        "filer_category": {
            "enum": [
                "non-accelerated",
                "accelerated",
                "large-accelerated",
                "smaller-reporting",
                "foreign-private",
            ],
            "description": "Deadlines to judge staleness by; default: the profile's, else non-accelerated (the most lenient).",
            "default": None,
        },
        "fiscal_year_end": {
            "type": "string",
            "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": "MM-DD; default: read from the release, else unknown.",
            "default": None,
        },
    },
}

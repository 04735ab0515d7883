"""Choose which rules run: ``select`` and ``ignore`` by id, prefix or category.

``per-file-ignores`` drops rules for the drafts a glob matches; they still
run (one configuration serves every draft beside it), their findings in
those drafts are dropped before anything is reported, fixed or recorded.

As in flake8, the most specific match wins: an exact rule id beats a
longer prefix, which beats a shorter one, which beats a category; on a tie
``ignore`` wins. With nothing selected, every rule is selected.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path

from checker.errors import ConfigError
from checker.model import CATEGORIES, Finding, Rule


def specificity(token: str, rule: Rule) -> int:
    """Return how specifically *token* names *rule*: 0 when it does not."""
    if token == rule.id:
        return 10_000
    if rule.id.startswith(token + "."):
        return 1 + len(token)
    if token == rule.category:
        return 1
    return 0


def is_selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Tell whether *rule* runs under the given select and ignore tokens."""
    select = list(select)
    chosen = max((specificity(token, rule) for token in select), default=0) if select else 1
    dropped = max((specificity(token, rule) for token in ignore), default=0)
    return chosen > 0 and chosen > dropped


def check_tokens(tokens: Iterable[str], rules: Iterable[Rule], option: str) -> None:
    """Raise :class:`ConfigError` for a token that names no rule, prefix or category."""
    rules = list(rules)
    for token in tokens:
        if token in CATEGORIES:
            continue
        if not any(specificity(token, rule) for rule in rules):
            raise ConfigError(f"{option}: {token!r} is not a rule id, id prefix or category")


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str],
    ignore: Iterable[str],
    extend: Iterable[str] = (),
) -> list[Rule]:
    """Return the rules that run, keeping their order.

    ``extend`` adds rules to what ``select`` chose, as ruff's
    ``extend-select`` does. An opt-in rule runs only when ``select`` or
    ``extend`` names it by its id: a prefix or a category never turns it on.
    """
    select, ignore, extend = list(select), list(ignore), list(extend)
    named = set(select) | set(extend)
    chosen = []
    for rule in rules:
        if rule.opt_in and rule.id not in named:
            continue
        if is_selected(rule, select, ignore) or (extend and is_selected(rule, extend, ignore)):
            chosen.append(rule)
    return chosen


def check_per_file_ignores(settings, rules: Iterable[Rule]) -> None:
    """Raise :class:`ConfigError` for a ``per-file-ignores`` id that names no rule."""
    where = (
        f"{settings.source}: [prlint] per-file-ignores" if settings.source else "per-file-ignores"
    )
    for glob, tokens in settings.per_file_ignores:
        check_tokens(tokens, rules, f"{where} {glob}")


def ignored_in_file(path: str, settings) -> tuple[str, ...]:
    """Return the rule tokens ``per-file-ignores`` drops for the draft at *path*.

    As in flake8, a glob is matched against the draft's path relative to the
    config file's folder (``*`` crosses ``/``), and a glob with no ``/`` is
    also matched against the file name alone. Standard input matches none.
    """
    if not settings.per_file_ignores or settings.source is None or path == "<stdin>":
        return ()
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(Path(settings.source).resolve().parent).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    tokens: list[str] = []
    for glob, ids in settings.per_file_ignores:
        pattern = glob.removeprefix("./")
        if fnmatchcase(relative, pattern) or (
            "/" not in pattern and fnmatchcase(absolute.name, pattern)
        ):
            tokens.extend(ids)
    return tuple(tokens)


def drop_ignored(
    findings: Iterable[Finding], tokens: Iterable[str], rules: dict[str, Rule]
) -> list[Finding]:
    """Return *findings* without those whose rule *tokens* name (by id, prefix or category)."""
    tokens = list(tokens)
    if not tokens:
        return list(findings)
    kept = []
    for finding in findings:
        rule = rules.get(finding.rule)
        if rule is None or not any(specificity(token, rule) for token in tokens):
            kept.append(finding)
    return kept

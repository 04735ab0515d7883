"""Choose which rules run: ``select`` and ``ignore`` by id, prefix or category.

As in flake8, the most specific match wins: an exact rule id beats a
longer prefix, which beats a shorter one, which beats a category; on a tie
``ignore`` wins. With nothing selected, every rule is selected.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.errors import ConfigError
from checker.model import CATEGORIES, Rule


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


def select_rules(rules: Iterable[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """Return the rules that run, keeping their order."""
    select, ignore = list(select), list(ignore)
    return [rule for rule in rules if is_selected(rule, select, ignore)]

"""The library interface: load a configuration once, lint many texts.

:func:`lint_text` is pure: the same text and configuration always give the
same findings, and a :class:`LintConfig` pickles, so an archive of releases
can be linted with ``multiprocessing`` or a cluster framework.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.config.selection import check_tokens, select_rules, specificity
from checker.config.settings import Settings
from checker.model import Finding, Rule
from checker.packs.loader import RuleSet, builtin_pack_paths, load_outline, load_packs

if TYPE_CHECKING:  # the engine, the kinds and the document model load only when a draft is checked
    from checker.document.model import Document
    from checker.kinds.base import Context


@dataclass(frozen=True)
class LintConfig:
    """Loaded packs, the rules that run (with their severities), and settings."""

    ruleset: RuleSet
    rules: tuple[Rule, ...]
    settings: Settings

    def context(self) -> Context:
        """Return the check context these settings give, built once per configuration.

        Every draft linted with this configuration shares it (it is frozen),
        rather than each draft building its rule-id sets anew.
        """
        built = self.__dict__.get("_context")
        if built is None:
            from checker.kinds.base import Context

            built = Context(
                release_date=self.settings.date,
                known_rules=frozenset(rule.id for rule in self.ruleset.rules),
                selected_rules=frozenset(rule.id for rule in self.rules),
                profile=self.ruleset.profile,
            )
            object.__setattr__(self, "_context", built)  # a cache, not a field: frozen stays true
        return built


def load_config(settings: Settings | None = None, checks: bool = True) -> LintConfig:
    """Load the built-in packs plus the settings' packs, and choose the rules.

    With ``checks=False`` the rules come without their compiled checks
    (:func:`~checker.packs.loader.load_outline`): enough to select, show and
    fingerprint them, as a run whose findings are all kept does, not to lint.
    """
    settings = settings or Settings()
    paths = [*builtin_pack_paths(), *settings.packs]
    ruleset = load_packs(paths) if checks else load_outline(paths)
    check_tokens(settings.select, ruleset.rules, "select")
    check_tokens(settings.ignore, ruleset.rules, "ignore")
    check_tokens(settings.severities, ruleset.rules, "severity")
    chosen = []
    check_tokens(settings.extend_select, ruleset.rules, "extend-select")
    for rule in select_rules(
        ruleset.rules, settings.select, settings.ignore, settings.extend_select
    ):
        chosen.append(_with_severity(rule, settings))
    return LintConfig(ruleset=ruleset, rules=tuple(chosen), settings=settings)


def _with_severity(rule: Rule, settings: Settings) -> Rule:
    """Apply the most specific configured severity to *rule*."""
    ranked = [(specificity(token, rule), level) for token, level in settings.severities.items()]
    ranked = [item for item in ranked if item[0] > 0]
    return rule._replace(severity=max(ranked)[1]) if ranked else rule


@lru_cache(maxsize=1)
def default_config() -> LintConfig:
    """Return the configuration with every built-in pack and default settings."""
    return load_config(Settings())


def lint_document(document: Document, config: LintConfig) -> list[Finding]:
    """Return the findings of the configuration's rules on a document."""
    from checker.engine import lint

    return lint(document, list(config.rules), config.context())


def lint_text(text: str, config: LintConfig | None = None, path: str = "<text>") -> list[Finding]:
    """Lint a draft given as text and return its findings, sorted."""
    from checker.document.model import Document

    return lint_document(Document.from_text(text, path), config or default_config())


def example_failures(rules: Iterable[Rule], config: LintConfig) -> Iterator[str]:
    """Yield one line for each example of *rules* that does not behave as the rule says.

    A 'fail' example the rule does not report, or a 'pass' example it does,
    means the rule cannot do what its documentation shows: ``prlint
    check-pack`` runs this so pack authors find out before their users do.
    """
    for rule in rules:
        for text in rule.examples_fail:
            if not any(finding.rule == rule.id for finding in lint_text(text, config)):
                yield f"{rule.origin}: {rule.id}: not reported on its fail example {text!r}"
        for text in rule.examples_pass:
            if any(finding.rule == rule.id for finding in lint_text(text, config)):
                yield f"{rule.origin}: {rule.id}: reported on its pass example {text!r}"

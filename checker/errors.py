"""One small hierarchy for everything that ends a run with exit code 2."""

from __future__ import annotations


class PrlintError(Exception):
    """A problem the user must fix before linting can go on (exit code 2)."""


class InputError(PrlintError):
    """A draft that cannot be read: missing, empty, binary or undecodable."""


class ConfigError(PrlintError):
    """A bad ``[prlint]`` section or a bad command-line value."""


class RulePackError(PrlintError):
    """One or more problems in rule packs, each as ``file: $.path: reason``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def __reduce__(self):
        # keep the list when the error crosses a process boundary (--jobs)
        return (RulePackError, (self.problems,))


class PatternTimeout(PrlintError):
    """A rule's pattern ran longer than its time limit on a draft."""

"""Load rule packs: parse JSON, validate against the schema, compile rules.

Every problem in every pack is collected and raised together as one
:class:`RulePackError`, each line ``file: $.json.path: reason``, so a pack
author fixes them in one pass. Nothing here prints or exits.
"""

from __future__ import annotations

import contextlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from checker.cache import store
from checker.cache.digest import hex_digest
from checker.cache.results import code_fingerprint
from checker.cache.store import known_valid, remember_valid, validation_key
from checker.errors import RulePackError
from checker.matching import engine
from checker.model import Rule, Scope, Severity

#: Packs larger than this are refused before parsing.
MAX_PACK_BYTES = 8 * 1024 * 1024

#: Bump when what a cached rule set holds changes meaning.
_RULESET_LAYOUT = "1"


class PackInfo(NamedTuple):
    """What was loaded: for ``prlint rules`` and audit records."""

    id: str
    version: str
    description: str
    path: str
    sha256: str  # of its bytes, for the audit record: what any auditor can recompute
    digest: str  # of its bytes too: what a warm run checks them against (checker.cache.digest)


class RuleSet(NamedTuple):
    """The rules of all loaded packs, in load order, after overrides."""

    rules: tuple[Rule, ...]
    packs: tuple[PackInfo, ...]
    profile: dict[str, Any]  # merged issuer profile of all packs

    def get(self, rule_id: str) -> Rule | None:
        """Return the rule with id *rule_id*, or None."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None


@lru_cache(maxsize=1)
def schema_text() -> str:
    """Return the whole rule-pack JSON Schema (built once: every pack's key holds it).

    The shipped file holds what all packs share; each kind adds the schema
    of its own parameters (:func:`checker.kinds.schema`).
    """
    import json  # as in _Loader._read: a rule set kept in the cache parses no JSON
    from importlib import resources  # it imports tempfile and zipfile: only validation needs it

    from checker import kinds  # the check kinds: only a pack being validated needs their schemas

    shared = resources.files("checker").joinpath("packs/schemas/rulepack.schema.json")
    return (
        json.dumps(
            kinds.schema(json.loads(shared.read_text("utf-8"))), indent=2, ensure_ascii=False
        )
        + "\n"
    )


@lru_cache(maxsize=1)
def _validator():
    import json

    import jsonschema  # imported only when a pack is not known to be valid: it is slow to import

    return jsonschema.Draft202012Validator(json.loads(schema_text()))


def builtin_rules_dir() -> Path:
    """Return the folder of built-in packs (installed, or the source checkout's)."""
    here = Path(__file__).resolve().parent.parent  # the checker package
    installed = here / "rules"
    if installed.is_dir() and any(installed.glob("*.json")):
        return installed
    return here.parent / "rules"


def _is_builtin(path: Path) -> bool:
    """Tell whether *path* is a pack shipped with prlint (in the built-in folder or below it)."""
    return builtin_rules_dir().resolve() in path.resolve().parents


def builtin_pack_paths() -> list[Path]:
    """Return the paths of the built-in packs, sorted by name."""
    return sorted(builtin_rules_dir().glob("*.json"))


def load_packs(paths: list[Path]) -> RuleSet:
    """Load the packs at *paths* (and what they extend) into one rule set.

    Compiling the built-in packs' hundred rules is a tenth of a cold run, and
    they are the same from run to run: so a rule set that loaded without a
    problem is kept in the cache (:func:`_ruleset_key`) and loaded from there.
    """
    key = _ruleset_key([Path(path) for path in paths])
    if key is not None:
        cached = store.read_pickled("rulesets", key, _is_ruleset)
        if isinstance(cached, RuleSet) and _packs_unchanged(cached):
            return cached
    loader = _Loader()
    for path in paths:
        loader.load(Path(path))
    if loader.problems:
        raise RulePackError(loader.problems)
    ruleset = loader.result()
    if key is not None:
        store.write_pickled("rulesets", key, ruleset)
    return ruleset


def load_outline(paths: list[Path]) -> RuleSet:
    """Return the rule set *paths* load with its rules' checks left out (``check`` is None).

    That is all a run needs to look up the findings it kept (which rules, at
    which severity, from which packs): read from the cache, it imports no
    check kind, which is a third of prlint's start. Anything not kept is
    loaded in full (:func:`load_packs`) to make it.
    """
    key = _ruleset_key([Path(path) for path in paths])
    if key is not None:
        cached = store.read_pickled("rule-outlines", key, _is_ruleset)
        if isinstance(cached, RuleSet) and _packs_unchanged(cached):
            return cached
    full = load_packs(paths)
    outline = full._replace(rules=tuple(rule._replace(check=None) for rule in full.rules))
    if key is not None:
        store.write_pickled("rule-outlines", key, outline)
    return outline


def _ruleset_key(paths: list[Path]) -> str | None:
    """Return the cache key of the rule set *paths* load; None with caching off.

    It covers all that loading reads besides the packs' contents: prlint's
    own code and data (which compile the checks), the Python version and the
    installed ``regex`` (whose compiled patterns it holds), the working folder (which
    the paths in messages are relative to), and where each path leads. The
    contents of every pack loaded, bases included, are checked against the
    rule set's own hashes once it is read (:func:`_packs_unchanged`).
    """
    if not store.enabled():
        return None
    parts = [
        _RULESET_LAYOUT,
        code_fingerprint(),
        sys.version,
        engine.stamp(),  # regex.__version__ would import its parser
        str(Path.cwd()),
        str(builtin_rules_dir().resolve()),
        *(f"{path}\0{path.resolve()}" for path in paths),
    ]
    return hex_digest("\0\n".join(parts).encode("utf-8", "surrogateescape"))


def _is_ruleset(value: object) -> bool:
    """Tell whether a cached value is a rule set (of this prlint's classes)."""
    return isinstance(value, RuleSet)


def _packs_unchanged(ruleset: RuleSet) -> bool:
    """Tell whether every pack of *ruleset* still holds the bytes it was loaded from."""
    for info in ruleset.packs:
        try:
            data = Path(info.path).read_bytes()
        except OSError:
            return False
        if hex_digest(data) != info.digest:
            return False
    return True


class _Loader:
    """Collects packs, their rules and every problem found on the way."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.rules: list[Rule] = []
        self.packs: list[PackInfo] = []
        self.overrides: list[tuple[str, str, dict[str, Any]]] = []
        self.profile: dict[str, Any] = {}
        self._seen_paths: set[Path] = set()
        self._seen_ids: dict[str, str] = {}
        self._rule_origins: dict[str, str] = {}

    def load(self, path: Path, chain: tuple[Path, ...] = ()) -> None:
        """Load one pack file, its bases first."""
        path = _display_path(path)
        if path.resolve() in self._seen_paths:
            return
        if path.resolve() in {link.resolve() for link in chain}:
            self.problems.append(f"{path}: $.extends: circular extends")
            return
        loaded = self._read(path)
        if loaded is None:
            return
        raw, sha256, digest, key = loaded
        if not known_valid(key):
            errors = sorted(_validator().iter_errors(raw), key=lambda error: error.json_path)
            if errors:
                self.problems.extend(
                    f"{path}: {error.json_path}: {error.message}" for error in errors
                )
                return
            remember_valid(key)
        for index, base in enumerate(raw.get("extends", [])):
            base_path = self._resolve_base(base, path, index)
            if base_path is not None:
                self.load(base_path, chain + (path,))
        self._seen_paths.add(path.resolve())
        self._add_pack(raw, path, sha256, digest)

    def _read(self, path: Path) -> tuple[Any, str, str, str] | None:
        """Read and parse a pack file (and hash it twice), recording a problem on failure."""
        import hashlib  # only a rule set loaded from its packs reads them: a warm run never does
        import json

        try:
            if path.stat().st_size > MAX_PACK_BYTES:
                self.problems.append(f"{path}: pack is larger than {MAX_PACK_BYTES // 2**20} MB")
                return None
            data = path.read_bytes()
        except OSError as error:
            self.problems.append(f"{path}: cannot read rule pack: {error.strerror or error}")
            return None
        try:
            raw = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            self.problems.append(f"{path}: rule pack is not UTF-8 text")
            return None
        except json.JSONDecodeError as error:
            self.problems.append(
                f"{path}: line {error.lineno} column {error.colno}: invalid JSON: {error.msg}"
            )
            return None
        except RecursionError:
            self.problems.append(f"{path}: $: JSON nested too deeply")
            return None
        return (
            raw,
            hashlib.sha256(data).hexdigest(),
            hex_digest(data),
            validation_key(data, schema_text()),
        )

    def _resolve_base(self, base: str, path: Path, index: int) -> Path | None:
        """Resolve an ``extends`` entry: a built-in pack id or a relative path."""
        if base.endswith(".json"):
            candidate = path.parent / base
        else:
            candidate = builtin_rules_dir() / f"{base}.json"
        if not candidate.is_file():
            self.problems.append(
                f"{path}: $.extends[{index}]: no pack {base!r} (not built in, no such file)"
            )
            return None
        return candidate

    def _add_pack(self, raw: dict[str, Any], path: Path, sha256: str, digest: str) -> None:
        """Compile a validated pack's rules and remember its overrides."""
        pack_id = raw["id"]
        if pack_id in self._seen_ids:
            self.problems.append(
                f"{path}: $.id: pack id {pack_id!r} is also used by {self._seen_ids[pack_id]}"
            )
            return
        self._seen_ids[pack_id] = str(path)
        self.packs.append(
            PackInfo(pack_id, raw["version"], raw["description"], str(path), sha256, digest)
        )
        from checker.matching.patterns import builtin_patterns  # only packs being compiled

        # a built-in pack's patterns run without a per-call timeout (checker.matching.patterns)
        trusted = builtin_patterns() if _is_builtin(path) else contextlib.nullcontext()
        with trusted:
            for index, rule in enumerate(raw["rules"]):
                self._add_rule(rule, pack_id, f"{path}: $.rules[{index}]")
        self.profile.update(raw.get("profile", {}))  # a later pack refines an earlier one
        for target, change in raw.get("overrides", {}).items():
            self.overrides.append((f"{path}: $.overrides['{target}']", target, change))

    def _add_rule(self, raw: dict[str, Any], pack_id: str, origin: str) -> None:
        """Compile one rule, recording id and pattern problems."""
        rule_id = raw["id"]
        if not rule_id.startswith(pack_id + "."):
            self.problems.append(
                f"{origin}.id: rule id {rule_id!r} must start with the pack id '{pack_id}.'"
            )
            return
        if rule_id in self._rule_origins:
            self.problems.append(
                f"{origin}.id: duplicate rule id {rule_id!r} (first at {self._rule_origins[rule_id]})"
            )
            return
        self._rule_origins[rule_id] = origin
        # imported here, as the check kinds: a rule set kept in the cache (the usual run)
        # compiles no check and checks no template
        from checker import kinds
        from checker.matching.patterns import PatternProblem
        from checker.packs.templates import template_problems

        params = raw["check"]
        bad_templates = list(template_problems(raw, kinds.get(params["kind"]).FIELDS))
        for where, reason in bad_templates:
            self.problems.append(f"{origin}{where[1:]}: {reason}")
        if bad_templates:
            return
        try:
            compiled = kinds.compile_check(params, "$.check")
        except PatternProblem as problem:
            self.problems.append(f"{origin}{problem.where[1:]}: {problem.reason}")
            return
        self.rules.append(_make_rule(raw, pack_id, compiled, origin))

    def result(self) -> RuleSet:
        """Apply overrides in load order and return the rule set."""
        rules = {rule.id: rule for rule in self.rules}
        disabled: set[str] = {rule.id for rule in self.rules if not rule.enabled}
        for origin, target, change in self.overrides:
            matched = [
                rule_id
                for rule_id in rules
                if rule_id == target or rule_id.startswith(target + ".")
            ]
            if not matched:
                self.problems.append(f"{origin}: no loaded rule matches {target!r}")
            for rule_id in matched:
                if "severity" in change:
                    rules[rule_id] = rules[rule_id]._replace(
                        severity=Severity.parse(change["severity"])
                    )
                if change.get("enabled") is False:
                    disabled.add(rule_id)
                elif change.get("enabled") is True:
                    disabled.discard(rule_id)
        if self.problems:
            raise RulePackError(self.problems)
        kept = tuple(rule for rule_id, rule in rules.items() if rule_id not in disabled)
        return RuleSet(rules=kept, packs=tuple(self.packs), profile=self.profile)


def _display_path(path: Path) -> Path:
    """Return *path* relative to the working folder when it lies below it."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute


def _make_rule(raw: dict[str, Any], pack_id: str, compiled: Any, origin: str) -> Rule:
    """Build a :class:`Rule` from a validated rule object."""
    scope = raw.get("scope", {})
    return Rule(
        id=raw["id"],
        pack=pack_id,
        category=raw["category"],
        severity=Severity.parse(raw["severity"]),
        message=raw["message"],
        why=raw["why"],
        source=raw["source"],
        examples_fail=tuple(raw["examples"]["fail"]),
        examples_pass=tuple(raw["examples"]["pass"]),
        kind=raw["check"]["kind"],
        check=compiled,
        scope=Scope(
            parts=tuple(scope.get("parts", ())),
            exclude_parts=tuple(scope.get("exclude_parts", ())),
            quotes=scope.get("quotes", "include"),
        ),
        fix=raw.get("fix", "suggest"),
        fix_in_legend=raw.get("fix_in_legend", False),
        enabled=raw.get("enabled", True),
        opt_in=raw.get("opt_in", False),
        once=raw.get("once"),
        origin=origin,
    )

"""The GitHub Action (action.yml): its shell steps, run as the runner would, offline.

The ``uses:`` steps (setup-python, upload-sarif) need GitHub; every ``run:``
step is run here with bash, its ``${{ ... }}`` expressions replaced by test
values, against a draft in a temporary workspace: the install step really
installs prlint from a copy of the action's checkout (no index: the
dependencies come from the test's own environment), and the lint step must
write a SARIF report with the draft's finding.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

ACTION = REPO / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
BROKEN_TICKER = REPO / "corpus" / "corvane-ravolitide-phase2.txt"


def _can_build_offline() -> bool:
    """Tell whether setuptools can build a wheel here without downloading anything."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    import setuptools

    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return importlib.util.find_spec("wheel") is not None or (major, minor) >= (70, 1)


def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def _substitute(value: str, context: dict[str, str]) -> str:
    """Replace each ``${{ name }}`` by its test value; an unknown name fails the test."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        assert name in context, f"action.yml uses {name!r}, which the test does not provide"
        return context[name]

    return EXPRESSION.sub(replace, value)


def _outputs(path: Path) -> dict[str, str]:
    """Read the ``name=value`` lines a step wrote to $GITHUB_OUTPUT."""
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def _environment(tmp_path: Path) -> dict[str, str]:
    """Return an environment whose ``python`` is a fresh venv that sees this test's packages.

    pip then installs prlint into that venv from the local copy, with no index
    and no build isolation, and finds every dependency already installed.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "outer.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        PIP_CONFIG_FILE=os.devnull,
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of --no-build-isolation
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PYTHONNOUSERSITE="1",
        RUNNER_TEMP=str(tmp_path / "runner-temp"),
        GITHUB_ACTIONS="true",
    )
    env.pop("VIRTUAL_ENV", None)
    return env


def _checkout(tmp_path: Path) -> Path:
    """Copy what the action's checkout holds (the package, its packs and metadata)."""
    checkout = tmp_path / "action"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("checker", "rules"):
        shutil.copytree(REPO / name, checkout / name, ignore=ignore)
    for name in ("setup.cfg", "pyproject.toml", "README.md", "action.yml"):
        shutil.copy2(REPO / name, checkout / name)
    return checkout


def test_the_action_has_no_expression_inside_a_script() -> None:
    """Inputs reach the scripts as environment variables, so they cannot inject shell code."""
    steps = _action()["runs"]["steps"]
    assert _action()["runs"]["using"] == "composite"
    for step in steps:
        if "run" in step:
            assert "${{" not in step["run"], step.get("name")
            assert step["shell"] == "bash"
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/setup-python", "github/codeql-action/upload-sarif"]
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"


@pytest.mark.skipif(
    not _can_build_offline(), reason="building prlint offline needs wheel or setuptools>=70.1"
)
@pytest.mark.slow
def test_the_action_installs_prlint_from_its_checkout_and_writes_sarif(tmp_path) -> None:
    action = _action()
    workspace = tmp_path / "workspace"
    (workspace / "releases").mkdir(parents=True)
    shutil.copy(BROKEN_TICKER, workspace / "releases" / "draft.txt")
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(paths="releases", args="--fail-on error", **{"sarif-file": "out/prlint.sarif"})
    (workspace / "out").mkdir()
    env = _environment(tmp_path)
    output_file = tmp_path / "github-output"
    context = {f"inputs.{name}": value for name, value in inputs.items()}
    context["github.action_path"] = str(_checkout(tmp_path))
    statuses = []
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        for step_id, outputs in {"lint": _outputs(output_file)}.items():
            context.update({f"steps.{step_id}.outputs.{k}": v for k, v in outputs.items()})
        step_env = {
            **env,
            **{key: _substitute(str(value), context) for key, value in step.get("env", {}).items()},
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_WORKSPACE": str(workspace),
        }
        process = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        statuses.append((step["name"], process.returncode, process.stderr))
    assert [(name, code) for name, code, _err in statuses] == [
        ("Install prlint", 0),
        ("Lint", 0),
        ("Result", 1),  # the draft has an error: the job fails, after the upload
    ], statuses
    assert _outputs(output_file)["exit-code"] == "1"
    log = json.loads((workspace / "out" / "prlint.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert "sec.ticker-broken-markup" in {result["ruleId"] for result in results}
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results
    }
    assert uris == {"releases/draft.txt"}
    assert shutil.which("prlint", path=env["PATH"]) == str(tmp_path / "venv" / "bin" / "prlint")
    installed = subprocess.run(
        ["python", "-c", "import checker; print(checker.__file__)"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert installed.startswith(str(tmp_path / "venv"))  # the action's copy, not this checkout

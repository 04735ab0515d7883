"""The package list in setup.cfg names every package of the source tree.

setup.cfg lists packages by hand because the built-in packs live outside the
package (``rules/``, installed as ``checker.rules``); a package left off the
list is missing from a plain install, though an editable one still works.
"""

from __future__ import annotations

import configparser

from tests.helpers import REPO


def test_every_package_of_the_tree_is_installed() -> None:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "checker").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"checker.rules"} == listed

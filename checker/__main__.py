"""Allow ``python -m checker``: the ``prlint`` command."""

from checker.command import console

if __name__ == "__main__":
    console()

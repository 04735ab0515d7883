"""Allow ``python -m checker``."""

from checker.cli import console

if __name__ == "__main__":
    console()

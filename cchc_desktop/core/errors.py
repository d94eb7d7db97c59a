"""Two kinds of errors: expected ones the user can act on, and bugs.

A `UserFacingError` carries a Vietnamese message (and an English one for `--lang en`); the GUI
shows it plainly and the CLI prints it to stderr with a non-zero exit code.  Anything else that
escapes is a bug and is reported as such.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """Bad input or an expected failure.  `vi` is shown by default, `en` with `--lang en`."""

    exit_code = 1

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


class InvalidFramework(UserFacingError):
    """A framework file that cannot be used; `problems` lists every finding."""

    exit_code = 2

    def __init__(self, problems: list["FrameworkProblem"]) -> None:  # noqa: F821 - forward ref
        self.problems = problems
        vi = "Bộ tiêu chí không hợp lệ:\n" + "\n".join(f"  - {p.where}: {p.vi}" for p in problems)
        en = "Invalid framework:\n" + "\n".join(f"  - {p.where}: {p.en}" for p in problems)
        super().__init__(vi, en)


class InvalidInput(UserFacingError):
    """A value the rule of an item does not allow.  Nothing is stored."""


class EvidenceError(UserFacingError):
    """An evidence file that cannot be attached.  Nothing is stored."""


class WorkspaceError(UserFacingError):
    """A workspace folder that cannot be created or opened."""

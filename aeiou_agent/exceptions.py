"""Every AEIOU exception, grouped by who must act on it.

- :class:`UserError`: the question or its arguments are wrong; the message tells the user what to change.
- :class:`ToolFailed`: a tool ran and failed; ``retryable`` says whether trying again may help.
- :class:`RemoteServiceError`: an online archive or model endpoint failed.
- :class:`DeveloperError`: the API was misused (a bad tool definition, a wrong type); these propagate.
- :class:`StoreError`: the local observatory store is missing or damaged.
"""

from __future__ import annotations

from collections.abc import Sequence


class AeiouError(Exception):
    """Base class of AEIOU's own exceptions."""


class UserError(AeiouError):
    """The question or its arguments cannot be used as given."""


class InvalidArguments(UserError):
    """Arguments failed validation against a tool's schema."""

    def __init__(self, tool: str, problems: Sequence[str]):
        self.tool = tool
        self.problems = list(problems)
        super().__init__(f"invalid arguments for {tool}: " + "; ".join(self.problems))


class ObjectNotFound(UserError):
    """A name that no catalog in the store knows."""

    def __init__(self, name: str, suggestions: Sequence[str] = (), hint: str = ""):
        self.name = name
        self.suggestions = list(suggestions)
        message = f"I could not find an object called '{name}' in the Hipparcos or OpenNGC catalogs."
        if self.suggestions:
            message += " Did you mean " + " or ".join(f"'{s}'" for s in self.suggestions) + "?"
        if hint:
            message += " " + hint
        super().__init__(message)


class UnsafeQuery(UserError):
    """SQL that the guard refuses: writes, several statements, files, or non-catalog tables."""


class UnknownTool(UserError):
    """A plan named a tool the registry does not have."""


class ToolFailed(AeiouError):
    """A tool raised while running."""

    def __init__(self, message: str, *, retryable: bool = False):
        self.retryable = retryable
        super().__init__(message)


class QueryTimeout(ToolFailed):
    """A query ran past its time limit and was interrupted."""

    def __init__(self, message: str):
        super().__init__(message, retryable=False)


class RemoteServiceError(AeiouError):
    """A remote archive or model endpoint failed or is unreachable."""


class StoreError(AeiouError):
    """The local observatory store is missing, partial or corrupt."""


class DeveloperError(AeiouError):
    """The API was used in a way it does not support."""


class ToolDefinitionError(DeveloperError):
    """A tool function cannot be registered (missing docstring, argument description or type)."""


class ConfigError(DeveloperError):
    """A setting in the environment or aeiou.toml is not valid."""

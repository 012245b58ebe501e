"""Problems found in a promise or a document: path, code, severity, message."""

from __future__ import annotations

import enum
from typing import Literal

import attrs

from medborgarlofte._core import texts

__all__ = ["Language", "Problem", "Severity"]

Language = Literal["sv", "en"]


class Severity(enum.Enum):
    """How serious a problem is (allvarlighetsgrad).

    An error makes a promise invalid; a warning is worth a look but does not
    stop a document from loading.
    """

    ERROR = "error"
    WARNING = "warning"

    def label(self, lang: Language = "sv") -> str:
        """Return the severity as a word in *lang*."""
        return texts.pick(texts.SEVERITIES[self.value], lang)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a promise or a document (problem, anmärkning).

    Attributes:
        path: Where the problem is, as a JSON path in the document's own keys,
            for example ``$.activities[2].target.amount``.
        code: A stable, machine-readable code, for example ``"unknown-party"``.
            The codes are listed in the documentation and never change meaning.
        severity: Error or warning.
        message_sv: What is wrong, in Swedish.
        message_en: What is wrong, in English.
    """

    path: str
    code: str
    severity: Severity
    message_sv: str
    message_en: str

    @property
    def is_error(self) -> bool:
        """Return whether this problem is an error rather than a warning."""
        return self.severity is Severity.ERROR

    def message(self, lang: Language = "sv") -> str:
        """Return the message in *lang* (Swedish by default)."""
        return self.message_sv if lang == "sv" else self.message_en

    def format(self, lang: Language = "sv") -> str:
        """Return one line: ``severity code at path: message``.

        >>> Problem(path="$.id", code="empty-text", severity=Severity.ERROR,
        ...         message_sv="får inte vara tom", message_en="must not be empty").format("en")
        'error empty-text at $.id: must not be empty'
        """
        where = texts.pick(texts.WORDS["at"], lang)
        return f"{self.severity.label(lang)} {self.code} {where} {self.path}: {self.message(lang)}"

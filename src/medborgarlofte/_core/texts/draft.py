"""The words of a draft's review list, per language (utkast).

What :meth:`Draft.review <medborgarlofte.Draft.review>` prints: a head line
that counts what was found, inferred, guessed and left to fill in, and a word
for each line below it. Counts are whole sentences with a singular and a
plural (:data:`DRAFT_COUNTED`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from medborgarlofte._core.problems import Language

DRAFT: Final[Mapping[Language, Mapping[str, str]]] = {
    "sv": {
        "head": "Utkast till {what}: {values} ({found} ordagrant, {inferred}, {guessed}), "
        "{holes} att fylla i.",
        "promise": "medborgarlöfte",
        "follow_up": "uppföljning",
        "verbatim": "hittat",
        "inferred": "härlett",
        "guessed": "gissat",
        "missing": "saknas",
    },
    "en": {
        "head": "Draft of {what}: {values} ({found} verbatim, {inferred}, {guessed}), "
        "{holes} to fill in.",
        "promise": "a promise",
        "follow_up": "a follow-up",
        "verbatim": "found",
        "inferred": "inferred",
        "guessed": "guessed",
        "missing": "missing",
    },
}
"""The review list's head line and the word of each line (``Confidence.value``, ``missing``)."""

DRAFT_COUNTED: Final[Mapping[str, Mapping[Language, tuple[str, str]]]] = {
    "values": {
        "sv": ("{n} värde hittat", "{n} värden hittade"),
        "en": ("{n} value found", "{n} values found"),
    },
    "inferred": {
        "sv": ("{n} härlett", "{n} härledda"),
        "en": ("{n} inferred", "{n} inferred"),
    },
    "guessed": {
        "sv": ("{n} gissat", "{n} gissade"),
        "en": ("{n} guessed", "{n} guessed"),
    },
}
"""The counts of the review list's head line, singular and plural."""

"""Parties, the people who sign and the people to contact, and places."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from medborgarlofte._model.checks import (
    boolean,
    line,
    of,
    optional_date,
    optional_line,
    optional_one_line,
)

__all__ = [
    "Contact",
    "Party",
    "PartyKind",
    "PartyRole",
    "Place",
    "PlaceKind",
    "Signatory",
]


class PartyKind(enum.Enum):
    """What kind of organisation a party is (typ av part)."""

    POLICE = "police"
    """Polisen: a lokalpolisområde, polisområde or region, or just "Polisen"."""
    MUNICIPALITY = "municipality"
    """Kommun, or a unit of it such as a stadsdelsförvaltning."""
    REGION = "region"
    """Region; Region Gotland also acts as Gotland's kommun."""
    COUNTY_BOARD = "county_board"
    """Länsstyrelsen."""
    RESCUE_SERVICE = "rescue_service"
    """Räddningstjänsten."""
    HOUSING_COMPANY = "housing_company"
    """Bostadsbolag, fastighetsägare."""
    SCHOOL = "school"
    """Skola."""
    ASSOCIATION = "association"
    """Förening, trossamfund, ideell organisation."""
    BUSINESS = "business"
    """Näringsliv: a company, a BID, a trade association."""
    OTHER = "other"
    """Any other organisation."""


class PartyRole(enum.Enum):
    """How a party takes part in a promise (roll i löftet)."""

    PRINCIPAL = "principal"
    """Part: one of those giving the promise (police, kommun)."""
    PARTNER = "partner"
    """Samverkanspart: a third party with commitments of its own, such as a BID."""
    CO_ACTOR = "co_actor"
    """Medaktör: named as taking part in activities but signing nothing."""


@attrs.frozen(kw_only=True)
class Party:
    """An organisation taking part in a promise (part, samverkanspart).

    A municipal party carries its ``kommunkod``; so does Region Gotland, which is
    Gotland's kommun. A police party may name its police region, polisområde and
    lokalpolisområde, or none of them when the source just says "Polisen". A unit
    of another party (a stadsdelsförvaltning of a kommun) names that party as
    ``parent``.

    Attributes:
        id: Unique within the promise; other objects refer to the party by it.
        kind: What kind of organisation it is.
        name: Its name as the source writes it.
        role: Whether it gives the promise, has commitments of its own, or only
            takes part.
        kommunkod: The four-digit municipality code (kommunkod) for a kommun,
            or for a region acting as one.
        police_region: Polisregion, for example ``"Mitt"``.
        police_area: Polisområde, for example ``"Gävleborg"``.
        local_police_area: Lokalpolisområde, for example ``"Gästrikland"``.
        parent: The id of the party this one is a unit of.
    """

    id: str = attrs.field(validator=line)
    kind: PartyKind = attrs.field(validator=of(PartyKind))
    name: str = attrs.field(validator=line)
    role: PartyRole = attrs.field(default=PartyRole.PRINCIPAL, validator=of(PartyRole))
    kommunkod: str | None = attrs.field(default=None, validator=optional_one_line)
    police_region: str | None = attrs.field(default=None, validator=optional_one_line)
    police_area: str | None = attrs.field(default=None, validator=optional_one_line)
    local_police_area: str | None = attrs.field(default=None, validator=optional_one_line)
    parent: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class Signatory:
    """A person who signed the promise for a party (undertecknare).

    Attributes:
        name: The person's name.
        party: The id of the party they sign for.
        title: Their title, for example ``"kommunstyrelsens ordförande"``.
        acting: Whether they sign in an acting capacity (``tf.``).
        political_party: Their political party, for example ``"S"``.
        signed_on: When they signed, if the source says.
        signing_stated: Whether the source says they signed; ``False`` for a
            person known only from a photo caption or a name under the text.
    """

    name: str = attrs.field(validator=line)
    party: str = attrs.field(validator=line)
    title: str | None = attrs.field(default=None, validator=optional_one_line)
    acting: bool = attrs.field(default=False, validator=boolean)
    political_party: str | None = attrs.field(default=None, validator=optional_one_line)
    signed_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    signing_stated: bool = attrs.field(default=True, validator=boolean)


@attrs.frozen(kw_only=True)
class Contact:
    """A person to contact about the promise (kontaktperson).

    Attributes:
        name: The person's name.
        party: The id of the party they work for.
        title: Their role, for example ``"kommunpolis"`` or ``"säkerhetssamordnare"``.
        email: An e-mail address.
        phone: A telephone number.
    """

    name: str = attrs.field(validator=line)
    party: str = attrs.field(validator=line)
    title: str | None = attrs.field(default=None, validator=optional_one_line)
    email: str | None = attrs.field(default=None, validator=optional_one_line)
    phone: str | None = attrs.field(default=None, validator=optional_one_line)


class PlaceKind(enum.Enum):
    """What kind of place below the kommun a place is (typ av plats)."""

    LOCALITY = "locality"
    """Tätort."""
    DISTRICT = "district"
    """Stadsdel."""
    AREA = "area"
    """Bostadsområde or other named area."""
    SITE = "site"
    """A single site: a square, a school, a travel centre."""
    OTHER = "other"
    """Any other place."""


@attrs.frozen(kw_only=True)
class Place:
    """A place below the kommun that a promise concerns (plats, område).

    Attributes:
        id: Unique within the promise.
        name: The place's name, for example ``"Råslätt"``.
        kind: Tätort, stadsdel, area or site.
        kommunkod: The kommun the place lies in, when the promise has several.
        within: The id of a larger place this one lies in.
    """

    id: str = attrs.field(validator=line)
    name: str = attrs.field(validator=line)
    kind: PlaceKind = attrs.field(default=PlaceKind.AREA, validator=of(PlaceKind))
    kommunkod: str | None = attrs.field(default=None, validator=optional_line)
    within: str | None = attrs.field(default=None, validator=optional_one_line)

"""The project's vocabulary: every category value the pipeline emits, its display label and colour.

One place for the values a reader sees in tables, charts and the annotated view,
so a chart legend, an HTML tint and an evaluation table never disagree:

* **entity types** of the mentions table (``entity_type``): :data:`ENTITY_TYPES`;
* **attributions** of the claims table (``attribution``): :data:`ATTRIBUTIONS`;
* **zones** of a page (``zone`` of sentences, mentions, claims): :data:`ZONES`;
* **mention kinds** (``mention_kind``): :data:`MENTION_KINDS`;
* the two placeholder **speaker labels**: :data:`NARRATOR_LABEL` for the
  journalist's own voice and :data:`UNRESOLVED_SPEAKER` for an attributed claim
  whose speaker the pipeline could not name ("a source said" with no entity).

Each value has a label (:func:`label`) and colours: a strong colour for chart
marks (:data:`ENTITY_TYPE_COLOURS`, :data:`ATTRIBUTION_COLOURS`, :data:`ZONE_COLOURS`,
:data:`MENTION_KIND_COLOURS`) and, for entity types, a light tint that dark text
stays readable on (:data:`ENTITY_TYPE_TINTS`, the annotated view).

**What the charts count** (:data:`COUNTED_ZONES`): mentions and claims in the
headline, body and captions — the story as the journalist tells it.  The notice
(a cookie or subscription banner), the photo credit and the author bio are page
furniture: an organisation named only in the bio ("X is a reporter at Newsweek")
or the credit ("AFP via Getty Images") is not what the article is about.  Every
chart of :mod:`analysis.charts` applies this one rule.

**What is an entity to rank** (:data:`RANKED_TYPES`): every type except dates.
"Tuesday" is mentioned, but it is not an actor or a place; dates are shown apart
(:func:`analysis.charts.mentions.dates_table`).

This module imports nothing from the package, so any module can import it.
"""
from __future__ import annotations

#: Entity types the mentions table emits, in display order.
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "WEAPON", "DATE")
#: Attributions the claims table emits: a quotation, reported speech with quoted
#: fragments, reported speech, and the journalist's own voice.
ATTRIBUTIONS: tuple[str, ...] = ("direct", "mixed", "indirect", "narrator")
#: Attribution of the journalist's own (unattributed) claims.
NARRATOR: str = "narrator"
#: Zones of a page, in the order they are described.
ZONES: tuple[str, ...] = ("headline", "notice", "body", "caption", "credit", "bio")
#: Mention kinds: a full name, a short form ("Stoltenberg", "NATO"), a role noun
#: ("the NATO chief"), a pronoun ("he").
MENTION_KINDS: tuple[str, ...] = ("name", "alias", "role", "pronoun")

#: Speaker shown for narrator claims (the journalist's own voice).
NARRATOR_LABEL: str = "(narrator)"
#: Speaker shown for an attributed claim whose speaker is not resolved to anyone.
UNRESOLVED_SPEAKER: str = "(speaker unresolved)"

#: Zones whose mentions and claims every chart counts (see the module docstring).
COUNTED_ZONES: tuple[str, ...] = ("headline", "body", "caption")
#: Zones left out of chart counts: page furniture.
UNCOUNTED_ZONES: tuple[str, ...] = tuple(z for z in ZONES if z not in COUNTED_ZONES)
#: Entity types ranked as entities (people, organisations, places, groups, weapons); dates apart.
DATE_TYPE: str = "DATE"
RANKED_TYPES: tuple[str, ...] = tuple(t for t in ENTITY_TYPES if t != DATE_TYPE)

ENTITY_TYPE_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, state or city",
    "NORP": "nationality or group",
    "LOC": "other place",
    "WEAPON": "weapon",
    "DATE": "date",
}
ATTRIBUTION_LABELS: dict[str, str] = {
    "direct": "direct quotation",
    "mixed": "mixed (quoted fragments)",
    "indirect": "indirect (reported speech)",
    "narrator": "narrator (journalist's voice)",
}
ZONE_LABELS: dict[str, str] = {
    "headline": "headline",
    "notice": "notice",
    "body": "body",
    "caption": "photo caption",
    "credit": "photo credit",
    "bio": "author bio",
}
MENTION_KIND_LABELS: dict[str, str] = {
    "name": "name",
    "alias": "short name",
    "role": "role noun",
    "pronoun": "pronoun",
}

#: Chart colour of each entity type (bars, ticks, legends).
ENTITY_TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#4c72b0", "ORG": "#dd8452", "GPE": "#55a868", "NORP": "#8172b3",
    "LOC": "#64b5cd", "WEAPON": "#c44e52", "DATE": "#937860",
}
#: Light tint of each entity type: the background of a mention in the annotated view.
ENTITY_TYPE_TINTS: dict[str, str] = {
    "PERSON": "#ffd8a8", "ORG": "#b2f2bb", "GPE": "#a5d8ff", "NORP": "#fcc2d7",
    "LOC": "#99e9f2", "WEAPON": "#ffc9c9", "DATE": "#e9ecef",
}
#: Colour of each attribution (chart bars and markers).
ATTRIBUTION_COLOURS: dict[str, str] = {
    "direct": "#c44e52", "mixed": "#dd8452", "indirect": "#4c72b0", "narrator": "#999999",
}
#: Line style telling the attribution: CSS ``text-decoration-style`` of a claim's underline.
ATTRIBUTION_LINE_STYLES: dict[str, str] = {
    "direct": "solid", "mixed": "double", "indirect": "dashed", "narrator": "dotted",
}
#: Colour of each zone: the view's gutter bar and every chart's zone shading.
ZONE_COLOURS: dict[str, str] = {
    "headline": "#4c72b0", "notice": "#adb5bd", "body": "#dee2e6",
    "caption": "#dd8452", "credit": "#c44e52", "bio": "#8172b3",
}
#: Colour of each mention kind (markers of role and pronoun mentions).
MENTION_KIND_COLOURS: dict[str, str] = {
    "name": "#343a40", "alias": "#495057", "role": "#1c7ed6", "pronoun": "#ae3ec9",
}
#: Colour of anything whose value is not in the vocabulary (never expected from the pipeline).
UNKNOWN_COLOUR: str = "#999999"

_LABELS: dict[str, dict[str, str]] = {
    "entity_type": ENTITY_TYPE_LABELS, "attribution": ATTRIBUTION_LABELS,
    "zone": ZONE_LABELS, "mention_kind": MENTION_KIND_LABELS,
}
_COLOURS: dict[str, dict[str, str]] = {
    "entity_type": ENTITY_TYPE_COLOURS, "attribution": ATTRIBUTION_COLOURS,
    "zone": ZONE_COLOURS, "mention_kind": MENTION_KIND_COLOURS,
}
#: The four vocabularies by table column.
VALUES: dict[str, tuple[str, ...]] = {
    "entity_type": ENTITY_TYPES, "attribution": ATTRIBUTIONS, "zone": ZONES, "mention_kind": MENTION_KINDS,
}


def label(column: str, value: str) -> str:
    """Display label of ``value`` in ``column`` (``entity_type``, ``attribution``, ``zone``,
    ``mention_kind``); an unknown value is shown as itself."""
    return _LABELS[column].get(value, value)


def colour(column: str, value: str) -> str:
    """Chart colour of ``value`` in ``column``; :data:`UNKNOWN_COLOUR` for an unknown value."""
    return _COLOURS[column].get(value, UNKNOWN_COLOUR)


def speaker_label(attribution: str, speaker: str) -> str:
    """The speaker as shown in summaries: :data:`NARRATOR_LABEL` for narrator claims, the
    speaker's name, else :data:`UNRESOLVED_SPEAKER`."""
    if attribution == NARRATOR:
        return NARRATOR_LABEL
    return speaker.strip() or UNRESOLVED_SPEAKER

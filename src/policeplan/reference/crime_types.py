"""The 14 police.uk street-level crime categories and their measure slugs."""

from __future__ import annotations

ANTI_SOCIAL_BEHAVIOUR = "Anti-social behaviour"

# police.uk category label -> measure slug, as the police.uk API names them.
CRIME_TYPE_SLUGS: dict[str, str] = {
    "Anti-social behaviour": "anti-social-behaviour",
    "Bicycle theft": "bicycle-theft",
    "Burglary": "burglary",
    "Criminal damage and arson": "criminal-damage-arson",
    "Drugs": "drugs",
    "Other crime": "other-crime",
    "Other theft": "other-theft",
    "Possession of weapons": "possession-of-weapons",
    "Public order": "public-order",
    "Robbery": "robbery",
    "Shoplifting": "shoplifting",
    "Theft from the person": "theft-from-the-person",
    "Vehicle crime": "vehicle-crime",
    "Violence and sexual offences": "violent-crime",
}
CRIME_TYPES: tuple[str, ...] = tuple(CRIME_TYPE_SLUGS)


def crime_type_for_label(label: str) -> str | None:
    """The canonical label for any capitalisation ('Violence and Sexual Offences' too)."""
    wanted = " ".join(label.split()).lower()
    for crime_type in CRIME_TYPES:
        if crime_type.lower() == wanted:
            return crime_type
    return None

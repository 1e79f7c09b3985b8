"""The outlet's home country, read from the country-code domain of an article's URL.

A local paper on a national domain ("gloucestershirelive.co.uk", "timeslive.co.za") writes
mostly about its own country, so its ambiguous names ("Gloucester", "Windsor", "Delft") are
read there first. Generic domains (.com, .org) say nothing, nor do the country codes sold
worldwide as vanity names (.tv, .io, .fm ...), whose sites are seldom in that country.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Country-code domains whose sites are mostly not in the country.
_VANITY = frozenset(
    {"ac", "ai", "am", "cc", "co", "fm", "gd", "gg", "gl", "io", "la", "ly", "me", "ms"}
    | {"nu", "sh", "so", "st", "to", "tv", "vc", "ws", "eu", "su"}
)
# Domains that are not the country's ISO code.
_NOT_ISO = {"uk": "GB"}


def home_country(url: str | None) -> str | None:
    """ISO2 code of the country an article's URL is registered under, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    tld = host.rstrip(".").rsplit(".", 1)[1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _VANITY:
        return None
    return _NOT_ISO.get(tld, tld.upper())

"""What is a URL among the sources: the schemes fetched and ``looks_like_url`` — kept apart from
``manifest`` (Pydantic models) so that ingesting local files imports no manifest machinery."""

from __future__ import annotations

import re

ALLOWED_SCHEMES = ("http", "https", "file")
URL_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")   # a scheme of 2+ letters (not "C:")


def looks_like_url(location: str) -> bool:
    """True for 'scheme:…' strings (http://, ftp://, data:…); False for paths, even 'C:\\x'."""
    return bool(URL_PATTERN.match(location))

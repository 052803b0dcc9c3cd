"""What an enterprise offers beyond its listings, for pages and messages of apps that may not import the
app that holds it (the fair's follow-up names the 건강반 of the booths a visitor stamped). The owning app
registers a reader in its ``AppConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

Reader = Callable[[Iterable[int], int], dict[int, list]]
_READERS: dict[str, Reader] = {}


def register(kind: str, reader: Reader) -> None:
    """``reader(provider_ids, limit)`` → {provider id: [objects with ``title`` and ``get_absolute_url``]}."""
    _READERS[kind] = reader


def of_providers(kind: str, provider_ids: Iterable[int], *, limit: int = 2) -> dict[int, list]:
    reader = _READERS.get(kind)
    return reader(list(provider_ids), limit) if reader else {}

"""Records that are private to the person (health answers): apps name them here, and pages for staff that
would list a person's rows (the user-delete confirmation) only say how many there are."""

from __future__ import annotations

PRIVATE_MODELS: set[type] = set()


def register_private(model: type) -> None:
    PRIVATE_MODELS.add(model)

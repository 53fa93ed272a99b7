"""Rows an administrator orders by hand (profile questions, sidebar boxes, custom pages)."""

from collections.abc import Sequence

from django.db.models import Model


def swap_with_neighbour[R: Model](rows: list[R], pk: object, *, up: bool) -> bool:
    """Swaps the row `pk` in `rows` (in their order) with the one before it (`up`) or after
    it; False, changing nothing, when it is not there or already first (last)."""
    ids: Sequence[object] = [row.pk for row in rows]
    if pk not in ids:
        return False
    i = ids.index(pk)
    j = i - 1 if up else i + 1
    if not 0 <= j < len(rows):
        return False
    rows[i], rows[j] = rows[j], rows[i]
    return True

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .cachetags import cached


class ListingPaginator(Paginator[Any]):
    """Pagination whose cost does not grow with the size of the network.

    - The COUNT(*) over every matching row is remembered until one of `count_tags` changes.
    - A page is read in two steps: the ids of its rows from the listing's index alone (deep
      pages skip thousands of index entries, not thousands of table rows), then those rows by
      primary key — through `fetch` when given, because re-applying the listing's own filters
      can lead the database to scan that index again instead.
    """

    object_list: QuerySet[Any]

    def __init__(
        self,
        object_list: QuerySet[Any],
        per_page: int,
        *,
        count_key: str,
        count_tags: Sequence[str],
        fetch: Callable[[list[Any]], Iterable[Any]] | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.count_key = count_key
        self.count_tags = count_tags
        self.fetch = fetch or (lambda ids: self.object_list.filter(pk__in=ids))

    @cached_property
    def count(self) -> int:
        return cached(f"count:{self.count_key}", self.object_list.count, self.count_tags)

    def page(self, number: Any) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        by_id = {row.pk: row for row in self.fetch(ids)} if ids else {}
        return Page([by_id[pk] for pk in ids if pk in by_id], number, self)

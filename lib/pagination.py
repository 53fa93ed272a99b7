from collections.abc import Callable, Iterable, Iterator, Sequence
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
        return Page(_Rows(ids, self.fetch), number, self)


def page_ids(page: Page[Any]) -> list[Any]:
    """The primary keys of a page's rows, in order, without reading the rows themselves."""
    rows = page.object_list
    return list(rows.ids) if isinstance(rows, _Rows) else [row.pk for row in rows]


def lazy_page(ids_page: Page[Any], fetch: Callable[[list[Any]], Iterable[Any]]) -> Page[Any]:
    """`ids_page` (a page of primary keys, in order) as a page of the rows `fetch(ids)` reads,
    read only when first used."""
    return Page(_Rows(list(ids_page.object_list), fetch), ids_page.number, ids_page.paginator)


class _Rows(Sequence[Any]):
    """A page's rows, read by primary key when first used: a page whose rendering is cached
    (lib.cachetags.cached_fragment, keyed by `ids`) does not read them at all."""

    def __init__(self, ids: list[Any], fetch: Callable[[list[Any]], Iterable[Any]]) -> None:
        self.ids = ids
        self._fetch = fetch

    @cached_property
    def _rows(self) -> list[Any]:
        by_id = {row.pk: row for row in self._fetch(self.ids)} if self.ids else {}
        return [by_id[pk] for pk in self.ids if pk in by_id]

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        return self._rows[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def __bool__(self) -> bool:
        return bool(self.ids) and bool(self._rows)

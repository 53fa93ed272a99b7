from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .pagecache import cached


class CachedCountPaginator(Paginator):
    """A paginator whose COUNT(*) is remembered until content changes.

    Counting every matching row costs time in proportion to the network's size; the rows of
    one page, read through an index, do not.
    """

    object_list: QuerySet

    def __init__(self, object_list: QuerySet, per_page: int, *, count_key: str) -> None:
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return cached(f"count:{self.count_key}", self.object_list.count)

"""The technical admin site (/django-admin/) edits the same content the pages show."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from .cachetags import EVERYTHING, invalidate


def _invalidate(obj: models.Model) -> None:
    # A model names what shows it with cache_tags(); for others, the whole site.
    tags = getattr(obj, "cache_tags", None)
    invalidate(*(tags() if callable(tags) else [EVERYTHING]))


class ContentAdmin[M: models.Model](admin.ModelAdmin[M]):
    """Every change made here refreshes the cached pages that show it at once, as the site's
    own forms do.

    Models with derived fields (rendered HTML, counters) override `save_model` or
    `delete_model` to call their app's services, which invalidate too.
    """

    def save_model(self, request: HttpRequest, obj: M, form: ModelForm[M], change: bool) -> None:
        super().save_model(request, obj, form, change)
        _invalidate(obj)

    def save_related(
        self, request: HttpRequest, form: ModelForm[M], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        _invalidate(form.instance)

    def delete_model(self, request: HttpRequest, obj: M) -> None:
        _invalidate(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[M]) -> None:
        for obj in queryset:
            _invalidate(obj)
        super().delete_queryset(request, queryset)

"""The technical admin site (/django-admin/) edits the same content the pages show."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from .contentversion import invalidate_content


class ContentAdmin[M: models.Model](admin.ModelAdmin[M]):
    """Every change made here refreshes the cached pages at once, as the site's own forms do.

    Models with derived fields (rendered HTML, counters) override `save_model` or
    `delete_model` to call their app's services, which invalidate too.
    """

    def save_model(self, request: HttpRequest, obj: M, form: ModelForm[M], change: bool) -> None:
        super().save_model(request, obj, form, change)
        invalidate_content()

    def save_related(
        self, request: HttpRequest, form: ModelForm[M], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        invalidate_content()

    def delete_model(self, request: HttpRequest, obj: M) -> None:
        super().delete_model(request, obj)
        invalidate_content()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[M]) -> None:
        super().delete_queryset(request, queryset)
        invalidate_content()

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class TagsConfig(AppConfig):
    name = "tags"
    verbose_name = _("Tags")

    def ready(self) -> None:
        from . import registry

        # Each content app declares its taggable kind in <app>/tagging.py (tags/registry.py).
        autodiscover_modules("tagging")
        # A deleted item's tags go with it, whichever way it is deleted.
        for kind in registry.kinds():
            if kind.tagged is None:
                post_delete.connect(
                    _forget_tags, sender=kind.model, dispatch_uid=f"tags.forget.{kind.key}"
                )


def _forget_tags(sender: Any, instance: Any, **kwargs: Any) -> None:
    from .services import forget

    forget(instance)

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class TagsConfig(AppConfig):
    name = "tags"
    verbose_name = _("Tags")

    def ready(self) -> None:
        # Each content app declares its taggable kind in <app>/tagging.py (tags/registry.py).
        autodiscover_modules("tagging")

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import indexing, kinds, sections

        kinds.register_all()
        # The content apps' kinds: <app>/search.py of each installed app (blogs, forum, …).
        autodiscover_modules("search")
        indexing.connect_signals()
        sections.register_all()

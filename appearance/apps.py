from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppearanceConfig(AppConfig):
    name = "appearance"
    verbose_name = _("Appearance")

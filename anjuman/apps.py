from django.apps import AppConfig


class AnjumanConfig(AppConfig):
    """The project as an app, last in INSTALLED_APPS.

    Its management commands (loaddemo, generatedata) combine every other app's data, so they
    live here, above all of them.
    """

    name = "anjuman"
    verbose_name = "Anjuman"

from datetime import timedelta

from django.apps import AppConfig


class AnjumanConfig(AppConfig):
    """The project as an app, last in INSTALLED_APPS.

    Its management commands (loaddemo, generatedata, scheduler) combine every other app's data
    and work, so they live here, above all of them.
    """

    name = "anjuman"
    verbose_name = "Anjuman"

    def ready(self) -> None:
        from lib import scheduler
        from lib.email import requeue_abandoned_emails

        scheduler.register(
            "requeue-abandoned-emails", timedelta(minutes=1), requeue_abandoned_emails
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    """ActivityPub: member blogs and the network's blog on the fediverse, replies under the
    network's comment rules."""

    name = "federation"
    verbose_name = _("Federation")

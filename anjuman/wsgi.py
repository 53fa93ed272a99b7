import os

from django.core.wsgi import get_wsgi_application

from lib.gcfreeze import freeze_after_warm_up

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anjuman.settings")
application = get_wsgi_application()
# Full garbage collections walk what requests make, not the loaded application (lib/gcfreeze.py).
freeze_after_warm_up()

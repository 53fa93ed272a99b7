import os

from django.core.wsgi import get_wsgi_application

from lib.gcfreeze import freeze_after_warm_up
from lib.release import release_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anjuman.settings")
application = get_wsgi_application()
release_id()  # read once, before the first request (the cache keys carry it)
# Full garbage collections walk what requests make, not the loaded application (lib/gcfreeze.py).
freeze_after_warm_up()

"""The demo network's own pages: About and Community rules, published, in the navigation."""

import datetime as dt
import random

import pytest
from django.test import Client
from django.utils import timezone

from lib.datagen import DemoContext
from pages import demodata

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_about_page_in_the_navigation(network):
    now = timezone.now()
    ctx = DemoContext(rng=random.Random(1), now=now, start=now - dt.timedelta(days=10))  # noqa: S311
    demodata.load(ctx)
    assert ctx.counts["pages"] == 2
    nav = Client().get("/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    assert nav.index(">About<") < nav.index(">Community rules<")
    about = Client().get("/pages/about/").content.decode()
    assert "<strong>Blogs</strong>" in about

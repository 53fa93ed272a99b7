"""Every registered kind is hidden and deleted from the queue through its own app."""

import pytest

from comments.services import add_comment
from conftest import make_post
from events.tests.helpers import make_event
from groups.tests.helpers import make_group
from members.models import ActionLog
from moderation import registry, services
from photos.tests.helpers import add_photo
from videos.models import Video
from videos.services import save_video

from .helpers import make_moderator

pytestmark = pytest.mark.django_db


def _video(owner):
    return save_video(
        Video(), by=owner, url="https://youtu.be/dQw4w9WgXcQ", title="Class song", description=""
    )


MAKERS = {
    "comment": lambda m, o: add_comment(make_post(o, title="Host"), m, "rude words"),
    "event": lambda m, o: make_event(m),
    "photo": lambda m, o: add_photo(m),
    "video": lambda m, o: _video(m),
    "group": lambda m, o: make_group(m),
}


@pytest.mark.parametrize("key", sorted(MAKERS))
def test_each_kind_hides_and_deletes_through_its_app(key, member, other_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    moderator = make_moderator()
    obj = MAKERS[key](member, other_member)
    kind = registry.kind_of(obj)
    assert kind is not None and kind.key == key
    assert kind.author_of(obj) == member
    assert kind.can_view(other_member, obj)
    services.report(obj, by=other_member, reason="Not right")
    services.hide(kind, obj, by=moderator, reason="Not right")
    obj.refresh_from_db()
    assert kind.is_hidden(obj)
    assert not kind.can_view(other_member, obj)
    services.delete(kind, obj, by=moderator, reason="Not right")
    assert kind.get(obj.pk) is None
    assert list(ActionLog.objects.values_list("action", flat=True).order_by("pk")) == [
        "hide",
        "delete",
    ]

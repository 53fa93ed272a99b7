"""Ordering the sidebar's boxes (Move up / Move down forms, and the endpoint drag and drop
posts to), and deleting one (confirmed, logged)."""

import pytest
from django.urls import reverse

from conftest import client_for
from members.models import ActionLog
from network.models import SidebarBox

pytestmark = pytest.mark.django_db


@pytest.fixture
def boxes(network) -> list[SidebarBox]:
    return [SidebarBox.objects.create(title=t, position=i) for i, t in enumerate("ABC")]


def titles() -> list[str]:
    return list(SidebarBox.objects.values_list("title", flat=True))


def test_move_up_and_down_reorder_the_boxes_everywhere(creator, visitor, boxes):
    a, b, c = boxes
    client = client_for(creator)
    response = client.post(reverse("network:sidebar_move", args=[c.pk]), {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('network:sidebar')}#box-{c.pk}"
    assert titles() == ["A", "C", "B"]
    client.post(reverse("network:sidebar_move", args=[a.pk]), {"direction": "down"})
    assert titles() == ["C", "A", "B"]
    # The first stays first going up, the last last going down.
    client.post(reverse("network:sidebar_move", args=[c.pk]), {"direction": "up"})
    client.post(reverse("network:sidebar_move", args=[b.pk]), {"direction": "down"})
    assert titles() == ["C", "A", "B"]
    html = visitor.get("/").content.decode()
    assert html.index('<h2 dir="auto">C</h2>') < html.index('<h2 dir="auto">A</h2>')


def test_the_list_has_move_buttons_that_work_without_javascript(creator, boxes):
    html = client_for(creator).get(reverse("network:sidebar")).content.decode()
    a, _b, c = boxes
    action = reverse("network:sidebar_move", args=[a.pk])
    form = f'<form class="inline" method="post" action="{action}">'
    assert form in html
    assert f'name="direction" value="up" aria-describedby="box-title-{a.pk}" disabled' in html
    assert f'name="direction" value="down" aria-describedby="box-title-{c.pk}" disabled' in html
    assert "network/sidebar.js" in html  # drag and drop, a static script (no inline script)
    assert 'id="sidebar-order"' in html


def test_a_wrong_direction_is_refused(creator, boxes):
    response = client_for(creator).post(
        reverse("network:sidebar_move", args=[boxes[0].pk]), {"direction": "sideways"}
    )
    assert response.status_code == 400
    assert titles() == ["A", "B", "C"]


def test_drag_and_drop_posts_the_whole_order(creator, boxes):
    a, b, c = boxes
    client = client_for(creator)
    response = client.post(
        reverse("network:sidebar_order"),
        {"order": f"{c.pk},{a.pk},{b.pk}"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 204
    assert titles() == ["C", "A", "B"]
    # A box deleted meanwhile is passed over; one added meanwhile keeps its place after.
    SidebarBox.objects.create(title="D", position=9)
    response = client.post(reverse("network:sidebar_order"), {"order": f"{b.pk},999999,{c.pk}"})
    assert response.status_code == 302  # a plain form goes back to the list
    assert titles() == ["B", "C", "A", "D"]


@pytest.mark.parametrize("order", ["", "1,1", "a,b", "1;2", "-1"])
def test_a_malformed_order_is_refused(creator, boxes, order):
    if order == "1,1":
        order = f"{boxes[0].pk},{boxes[0].pk}"
    response = client_for(creator).post(reverse("network:sidebar_order"), {"order": order})
    assert response.status_code == 400
    assert titles() == ["A", "B", "C"]


def test_only_administrators_order_boxes(member, visitor, boxes):
    a, b, c = boxes
    data = {"order": f"{c.pk},{b.pk},{a.pk}"}
    assert client_for(member).post(reverse("network:sidebar_order"), data).status_code == 403
    url = reverse("network:sidebar_move", args=[c.pk])
    assert client_for(member).post(url, {"direction": "up"}).status_code == 403
    assert visitor.post(url, {"direction": "up"}).status_code == 302  # to sign in
    assert titles() == ["A", "B", "C"]


def test_deleting_a_box_asks_first_and_is_logged(admin_member, visitor, boxes):
    client = client_for(admin_member)
    url = reverse("network:sidebar_delete", args=[boxes[1].pk])
    assert "Delete the box" in client.get(url).content.decode()
    assert titles() == ["A", "B", "C"]
    client.post(url)
    assert titles() == ["A", "C"]
    entry = ActionLog.objects.get()
    assert (entry.actor, entry.action, entry.target_label) == (
        admin_member,
        "delete-sidebar-box",
        "B",
    )
    assert b'<h2 dir="auto">B</h2>' not in visitor.get("/").content


def test_a_new_box_goes_last_unless_given_a_position(creator, boxes):
    client = client_for(creator)
    client.post(reverse("network:sidebar_new"), {"title": "D", "body": "d"})
    assert titles() == ["A", "B", "C", "D"]
    client.post(reverse("network:sidebar_new"), {"title": "E", "body": "e", "position": "0"})
    assert titles() == ["A", "E", "B", "C", "D"]  # equal positions: the older first


def test_deleting_a_box_in_the_technical_admin_is_logged_too(superuser, boxes):
    url = reverse("admin:network_sidebarbox_delete", args=[boxes[0].pk])
    assert client_for(superuser).post(url, {"post": "yes"}).status_code == 302
    assert titles() == ["B", "C"]
    entry = ActionLog.objects.get()
    assert (entry.actor, entry.action, entry.target_label) == (superuser, "delete-sidebar-box", "A")

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from members.models import Member
from network.models import Network

pytestmark = pytest.mark.django_db

SETUP = {
    "name": "Harbour Alumni",
    "tagline": "Old friends, new places",
    "time_zone": "Europe/London",
    "creator_name": "Iqbal Shah",
    "creator_email": "iqbal@example.org",
    "password": "sea breeze 2024 harbour",
}


def test_an_empty_install_sends_everyone_to_setup(django_assert_num_queries):
    client = Client()
    response = client.get("/blog/")
    assert response.url == reverse("network:setup")
    # Known to be empty until something changes: no query for the next visitor.
    with django_assert_num_queries(0):
        assert Client().get("/").url == reverse("network:setup")


def test_setup_names_the_network_and_signs_the_creator_in():
    client = Client()
    response = client.post(reverse("network:setup"), SETUP)
    assert response.url == "/"
    network = Network.objects.get()
    assert (network.name, network.time_zone) == ("Harbour Alumni", "Europe/London")
    creator = network.creator
    assert (
        creator.is_creator and creator.email_confirmed and creator.check_password(SETUP["password"])
    )
    home = client.get("/").content.decode()
    assert "Harbour Alumni" in home and "Old friends, new places" in home
    assert "Created by <a" in home and "Iqbal Shah" in home


def test_setup_refuses_a_weak_password_and_keeps_the_rest():
    response = Client().post(reverse("network:setup"), {**SETUP, "password": "123"})
    assert response.status_code == 400
    assert b"This password is too short" in response.content
    assert b'value="Harbour Alumni"' in response.content
    assert not Network.objects.exists()


def test_setup_is_closed_once_the_network_exists(network):
    response = Client().post(reverse("network:setup"), SETUP)
    assert response.url == "/"
    assert Network.objects.count() == 1


def test_createnetwork_from_the_shell():
    call_command(
        "createnetwork",
        "--name",
        "Shell Net",
        "--creator-name",
        "Root Person",
        "--creator-email",
        "root@example.org",
        "--password",
        "a fine long password",
    )
    assert Network.objects.get().creator.email == "root@example.org"
    with pytest.raises(CommandError, match="already has a network"):
        call_command(
            "createnetwork",
            "--name",
            "Again",
            "--creator-name",
            "X",
            "--creator-email",
            "x@example.org",
            "--password",
            "a fine long password",
        )


def test_there_is_only_one_creator(network):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Member.objects.create_user("two@example.org", "pw", display_name="Two", role="creator")

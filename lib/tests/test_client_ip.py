from django.test import RequestFactory

from lib.ratelimit import client_ip


def request(remote="10.0.0.5", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_peer_is_the_client(settings):
    settings.FORWARDED_FOR_PROXIES = 0
    assert client_ip(request(forwarded="1.2.3.4")) == "10.0.0.5"


def test_behind_one_proxy_the_last_forwarded_address_is_the_client(settings):
    settings.FORWARDED_FOR_PROXIES = 1
    # The first address was written by the client itself and is not believed.
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_behind_two_proxies_it_counts_two_from_the_end(settings):
    settings.FORWARDED_FOR_PROXIES = 2
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"


def test_a_request_that_bypassed_the_proxy_falls_back_to_the_peer(settings):
    settings.FORWARDED_FOR_PROXIES = 1
    assert client_ip(request()) == "10.0.0.5"

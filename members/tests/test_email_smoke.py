from django.core.mail import send_mail

from conftest import body_of


def test_it_delivers_through_the_real_smtp_server(smtp):
    send_mail("Hello", "Body text here", None, ["x@example.org"])
    [message] = smtp.wait_for("x@example.org")
    assert message["Subject"] == "Hello"
    assert "Body text here" in body_of(message)

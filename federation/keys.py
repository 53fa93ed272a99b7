"""Local actors and their keys: RSA 2048, made the first time an actor is needed."""

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import IntegrityError, transaction

from members.models import Member

from .models import LocalActor


def new_pair() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return public, private


def actor_for(member: Member | None) -> LocalActor:
    """The member's actor (None: the network blog's), made with its keys if it is new."""
    found = LocalActor.objects.filter(member=member).first()
    if found is not None:
        return found
    public, private = new_pair()  # outside the transaction: ~50 ms of CPU
    try:
        with transaction.atomic():
            return LocalActor.objects.create(member=member, public_key=public, private_key=private)
    except IntegrityError:  # made meanwhile by another request
        return LocalActor.objects.get(member=member)

"""The exports' part of the access matrix (tests/test_access_matrix.py).

/manage/export/ is the creator's alone (administrators get 403: the archive holds every
password hash and private message). /settings/data/ is every signed-in member's, for their own
data. An export's progress, download and deletion are for whom it belongs to — the creator for
the network's, the member for theirs — and answer 404 to everyone else signed in (nobody learns
that it exists); visitors and suspended members are asked to sign in. Progress and download only
read: POST is 405 for the owner.
"""

from django.utils import timezone

from exports.models import ExportJob
from exports.services import exports_dir
from members.models import Member
from tests.test_access_matrix import LOGIN, REDIRECT, Cell, Outcome, World, row


def _ready(kind: str, member: Member) -> ExportJob:
    name = f"matrix-{kind}.zip"
    folder = exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
    return ExportJob.objects.create(
        kind=kind,
        requested_by=member,
        state=ExportJob.State.DONE,
        file_name=name,
        size=22,
        finished_at=timezone.now(),
    )


def _network_export(w: World) -> ExportJob:
    return _ready(ExportJob.Kind.NETWORK, w.creator)


def _own_export(w: World) -> ExportJob:
    return _ready(ExportJob.Kind.MEMBER, w.author)


def _owner_only(owner: str, post: Outcome) -> dict[str, Cell]:
    cells: dict[str, Cell] = {owner: (200, post)}
    return row((LOGIN, LOGIN), signed_in=(404, 404), **cells)


NETWORK = lambda w: {"pk": w.exports_network.pk}  # noqa: E731
OWN = lambda w: {"pk": w.exports_own.pk}  # noqa: E731

MATRIX = {
    "exports:network": row((LOGIN, LOGIN), signed_in=(403, 403), creator=(200, REDIRECT)),
    "exports:mine": row((LOGIN, LOGIN), signed_in=(200, REDIRECT)),
    "exports:job": _owner_only("creator", 405),
    "exports:download": _owner_only("creator", 405),
    "exports:delete": _owner_only("creator", REDIRECT),
    "exports:job@mine": _owner_only("author", 405),
    "exports:download@mine": _owner_only("author", 405),
    "exports:delete@mine": _owner_only("author", REDIRECT),
}

KWARGS = {
    "exports:job": NETWORK,
    "exports:download": NETWORK,
    "exports:delete": NETWORK,
    "exports:job@mine": OWN,
    "exports:download@mine": OWN,
    "exports:delete@mine": OWN,
}

OBJECTS = {
    "exports_network": _network_export,
    "exports_own": _own_export,
}

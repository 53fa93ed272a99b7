"""Anjuman federates with bovine-herd, a real ActivityPub server this project did not write
(issue 14, "Tests — with a real peer, no mocks").

Both servers run on this machine under their own names (anjuman.test, peer.test) behind nginx
with TLS from the session's own CA (conftest.py). Everything between them is real: WebFinger,
signed deliveries and signed fetches, each side's own queue and parser. The test plays the
people — a member and a moderator here (pages and services), an account there (bovine's
client-to-server API, peer.py) — and checks what each of them would see.

Steps run in order in one test (steps.py says how a step marked with a finding may fail while
the others go on); /tmp/interop-findings.md (for the lead: the issue) describes each finding.
"""

import http.client
import json
import re
import ssl
from typing import Any
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from blogs.models import Post
from blogs.services import delete_post, save_post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post
from federation import remote, signatures
from federation.models import Follower, Following, NetworkChoices, RemoteNote
from federation.tags import CHOICES_TAG
from lib.cachetags import invalidate
from members.models import Member

from .conftest import World
from .peer import AS, PUBLIC, wait_for
from .steps import Steps

pytestmark = [pytest.mark.processes]

REPLY = "Wonderful evening, Bilal! I was there too."


def https(
    world: World, method: str, path: str, *, headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    """A request to anjuman.test through nginx over TLS, verified against the session's CA."""
    parts = urlsplit(world.anjuman)
    context = ssl.create_default_context(cafile=str(world.ca_file))
    conn = http.client.HTTPSConnection(
        parts.hostname or "", parts.port or 443, context=context, timeout=30
    )
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        conn.close()


def visitor_page(world: World, path: str) -> str:
    """The page a visitor's browser gets at `path` (redirects followed)."""
    for _hop in range(4):
        status, headers, body = https(world, "GET", path, headers={"Accept": "text/html"})
        if status in (301, 302) and headers.get("location"):
            path = urlsplit(headers["location"]).path
            continue
        assert status == 200, f"{path}: HTTP {status}"
        return body.decode()
    raise AssertionError(f"{path}: too many redirects")


def id_of(value: Any) -> Any:
    """An id, whether bovine gives the object or (as its proxy does for actor, object and
    attributedTo) the object it names, fetched."""
    return value.get("id") if isinstance(value, dict) else value


def handle_at(url: str) -> str:
    return urlsplit(url).netloc


def forged_signature(world: World, path: str, key_id: str, body: bytes) -> dict[str, str]:
    """Headers signing `body` under `key_id` with a key that is not that key."""
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = stranger.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return signatures.sign(
        "POST", world.anjuman + path, key_id=key_id, private_key_pem=pem, body=body
    )


# The steps, by name (a step that `needs` another names it).
FINDS_US = "bovine finds @bilal@anjuman.test and @network.blog (WebFinger, then the actor)"
READS_THEM = "Anjuman reads alice's actor document (bovine answers only signed GETs)"
ALICE_FOLLOWS = "alice follows bilal: he sees her among his followers; bovine has his Accept"
BOB_FOLLOWS_BLOG = "bob follows the network's blog (a Group); bovine has its Accept"
BILAL_FOLLOWS = "bilal follows @alice@peer.test (WebFinger, Follow); her Accept shows"
STREAM = "alice posts to her followers: bilal reads it in his Following stream"
CREATE = "bilal's new post arrives at alice's as Create{Article}"
ANNOUNCE = "the network's blog passes the post on to bob (Announce)"
DEREFERENCE = "bovine dereferences the post's id (a signed GET asking for ActivityPub JSON)"
UPDATE = "an edit arrives as Update{Article}; bovine's copy has the new title"
REPLY_STEP = "alice's reply waits for a moderator, and shows on the post once approved"
ANSWER = "bilal's answer to her reply reaches alice as a Note replying to hers"
LIKE = "alice's Like is counted on the post"
UNLIKE = "alice takes her Like back (Undo{Like}): the count is gone"
REPLY_DELETED = "alice deletes her reply (Delete): it is gone from the post"
REPLIES_SECTION = "with replies shown under posts, hers shows in 'Replies from elsewhere'"
FORGED = "forged deliveries are refused with 401 and change nothing"
AUTHORIZED = "authorized fetch on: bovine's signed GETs served, unsigned refused, follows work"
DELETE = "deleting the post sends Delete; bovine's copy becomes a Tombstone"
ALICE_UNDOES = "alice unfollows (Undo{Follow}): she is gone from bilal's followers"
BILAL_UNDOES = "bilal unfollows alice: Undo{Follow}, bovine drops him from her followers"
BLOCKED = "an administrator blocks peer.test: its followers dropped, its deliveries refused"


def test_anjuman_and_bovine_federate(world: World, creator: Member) -> None:
    peer = world.peer
    steps = Steps()
    host = handle_at(world.anjuman)
    peer_host = handle_at(peer.origin)  # peer.test, with the port when not 443: as typed
    # Anjuman names accounts elsewhere and keys servers by host name, without a port.
    peer_name = urlsplit(peer.origin).hostname
    bilal = make_member("Bilal Ahmed", "bilal@example.org", handle="bilal")
    bilal_id = f"{world.anjuman}/members/bilal/"
    blog_id = f"{world.anjuman}/blog/"
    bilal_browser = client_for(bilal)
    moderator = client_for(creator)
    alice = peer.register("alice", "Alice Elsewhere")
    bob = peer.register("bob", "Bob Elsewhere")
    state: dict[str, Any] = {}

    def followers_page() -> str:
        """bilal's /settings/federation/: his followers elsewhere, listed."""
        return str(bilal_browser.get("/settings/federation/").content.decode())

    def alice_listed() -> bool:
        return f'<span dir="ltr">@alice@{peer_name}</span>' in followers_page()

    # --- Discovery ----------------------------------------------------------------------------

    @steps.step(FINDS_US)
    def _() -> None:
        found = peer.look_up(alice, f"acct:bilal@{host}")
        assert found.status == 200, found.body
        person = found.json()
        assert person["id"] == bilal_id
        assert person["type"] == "Person"
        assert person["preferredUsername"] == "bilal"
        assert person["name"] == "Bilal Ahmed"
        assert person["inbox"].startswith(world.anjuman)
        found = peer.look_up(alice, f"acct:network.blog@{host}")
        assert found.status == 200, found.body
        blog = found.json()
        assert blog["type"] == "Group"
        assert blog["id"] == blog_id

    @steps.step(READS_THEM)
    def _() -> None:
        actor = remote.fetch_actor(alice.id)
        assert actor.inbox == alice.inbox
        assert actor.key_id == f"{alice.id}#serverKey"
        assert actor.handle == f"@alice@{peer_name}"

    # --- Following, both ways -----------------------------------------------------------------

    @steps.step(ALICE_FOLLOWS)
    def _() -> None:
        state["alice_follow"] = peer.send(
            alice, {"type": "Follow", "object": bilal_id, "to": [bilal_id]}
        )

        def listed() -> bool:
            return alice_listed() and "Alice Elsewhere" in followers_page()

        wait_for("alice on bilal's followers list", listed)
        wait_for(
            "bilal in alice's following collection (bovine applied Anjuman's Accept)",
            lambda: bilal_id in peer.collection(alice, alice.following),
        )

    @steps.step(BOB_FOLLOWS_BLOG)
    def _() -> None:
        peer.send(bob, {"type": "Follow", "object": blog_id, "to": [blog_id]})
        wait_for(
            "the network's blog in bob's following collection",
            lambda: blog_id in peer.collection(bob, bob.following),
        )
        assert Follower.objects.filter(actor__member=None, remote__url=bob.id).exists()

    @steps.step(BILAL_FOLLOWS)
    def _() -> None:
        page = reverse("federation:following")
        response = bilal_browser.post(page, {"handle": f"@alice@{peer_host}"})
        assert response.status_code == 302, response.content.decode()[:2000]
        assert "asked, waiting for their server" in bilal_browser.get(page).content.decode()

        def looked_up() -> Any:
            return (
                Following.objects.exclude(state=Following.State.LOOKING)
                .filter(member=bilal)
                .first()
            )

        row = wait_for("the look-up done (WebFinger, her actor, the Follow queued)", looked_up)
        assert row.state != Following.State.FAILED, row.problem
        assert row.remote is not None
        assert row.remote.url == alice.id  # WebFinger's answer, then her actor
        follow = peer.received(alice, "Follow", alice.id)
        assert id_of(follow["actor"]) == bilal_id
        state["bilal_follow"] = follow["id"]
        # alice's client accepts it (bovine leaves that to its user).
        accepted = {"id": follow["id"], "type": "Follow", "actor": bilal_id, "object": alice.id}
        peer.send(alice, {"type": "Accept", "object": accepted, "to": [bilal_id]})
        wait_for(
            "the follow accepted on Anjuman",
            lambda: Following.objects.filter(pk=row.pk, state=Following.State.ACCEPTED).exists(),
        )
        assert bilal_id in peer.collection(alice, alice.followers)
        page_text = bilal_browser.get(page).content.decode()
        assert f"@alice@{peer_host}" in page_text
        assert str(Following.State.ACCEPTED.label) in page_text

    @steps.step(STREAM, needs=(BILAL_FOLLOWS,))
    def _() -> None:
        text = "Snow in Hunza this morning."
        peer.send(
            alice,
            {
                "type": "Create",
                "to": [PUBLIC],
                "cc": [alice.followers],
                "object": {
                    "type": "Note",
                    "attributedTo": alice.id,
                    "content": f"<p>{text}</p>",
                    "to": [PUBLIC],
                    "cc": [alice.followers],
                },
            },
        )
        stream = reverse("federation:stream")
        wait_for(
            "alice's note in bilal's Following stream",
            lambda: text in bilal_browser.get(stream).content.decode(),
        )

    # --- A post of bilal's travels --------------------------------------------------------------

    post = make_post(
        bilal, "Reunion in Lahore", "We met again after **ten years**.", tags=["lahore"]
    )
    post_id = f"{world.anjuman}/blog/{post.pk}/"
    post_path = urlsplit(post_id).path

    @steps.step(CREATE, needs=(ALICE_FOLLOWS,))
    def _() -> None:
        create = peer.received(alice, "Create", post_id)
        assert id_of(create["actor"]) == bilal_id
        article = create["object"]
        assert isinstance(article, dict), article
        assert article["type"] == "Article"
        assert article["name"] == "Reunion in Lahore"
        assert "<strong>ten years</strong>" in article["content"]
        assert id_of(article["attributedTo"]) == bilal_id
        tags = article["tag"] if isinstance(article["tag"], list) else [article["tag"]]
        assert {"type": "Hashtag", "name": "#lahore"}.items() <= tags[0].items(), tags

    @steps.step(ANNOUNCE, needs=(BOB_FOLLOWS_BLOG,))
    def _() -> None:
        announce = peer.received(bob, "Announce", post_id)
        assert id_of(announce["actor"]) == blog_id

    @steps.step(DEREFERENCE)
    def _() -> None:
        fetched = peer.fetch(bob, post_id)
        assert fetched["status"] == 200, fetched
        assert fetched["content_type"].startswith("application/activity+json")
        article = fetched["document"]
        assert article["id"] == post_id
        assert article["type"] == "Article"
        assert article["name"] == "Reunion in Lahore"
        # The request went through nginx as bovine sent it: the id, asking for ActivityPub.
        assert any(
            f'"GET {post_path} HTTP/1.1" 200 "application/activity+json"' in line
            and "bovine/" in line
            for line in world.access_lines()
        ), "\n".join(world.access_lines()[-10:])
        # A browser at the same address gets the page.
        assert "Reunion in Lahore" in visitor_page(world, post_path)

    @steps.step(UPDATE, needs=(CREATE,))
    def _() -> None:
        save_post(
            Post.objects.get(pk=post.pk),
            by=bilal,
            title="Reunion in Lahore, 2026",
            body="We met again after **ten years**. Photos soon.",
            tags=[],
            links=[],
            publish=True,
        )
        update = peer.received(alice, "Update", post_id)
        assert update["object"]["name"] == "Reunion in Lahore, 2026"
        stored = peer.look_up(alice, post_id)
        assert stored.status == 200
        assert stored.json()["name"] == "Reunion in Lahore, 2026"

    # --- alice answers and likes ---------------------------------------------------------------

    @steps.step(REPLY_STEP, needs=(ALICE_FOLLOWS,))
    def _() -> None:
        peer.send(
            alice,
            {
                "type": "Create",
                "to": [PUBLIC],
                "cc": [bilal_id],
                "object": {
                    "type": "Note",
                    "attributedTo": alice.id,
                    "inReplyTo": post_id,
                    "content": f"<p>{REPLY}</p>",
                    "to": [PUBLIC],
                    "cc": [bilal_id],
                },
            },
        )
        queue = "/manage/moderation/pending/"
        wait_for(
            "alice's reply in the moderation queue",
            lambda: REPLY in moderator.get(queue).content.decode(),
        )
        assert REPLY not in visitor_page(world, post_path)  # not before a moderator says so
        comment = Comment.objects.get(source=peer_name)
        assert comment.author.display_name == "Alice Elsewhere"
        assert comment.source_id.startswith(peer.origin)  # the id bovine gave her note
        page = moderator.get(queue).content.decode()
        approve = re.search(rf'action="([^"]*/{comment.pk}/approve/)"', page)
        assert approve, "no Approve button for the reply"
        response = moderator.post(approve.group(1), {"reason": ""})
        assert response.status_code == 302
        shown = visitor_page(world, post_path)
        assert REPLY in shown
        assert "Alice Elsewhere" in shown
        state["reply"] = comment

    @steps.step(ANSWER, needs=(REPLY_STEP,))
    def _() -> None:
        theirs = Comment.objects.get(pk=state["reply"].pk)  # approved since
        answer = add_comment(
            Post.objects.get(pk=post.pk), bilal, "Thank you, Alice!", parent=theirs
        )
        note_id = f"{world.anjuman}/ap/comments/{answer.pk}/"
        create = peer.received(alice, "Create", note_id)
        note = create["object"]
        assert note["type"] == "Note"
        assert "Thank you, Alice!" in note["content"]
        assert id_of(note["inReplyTo"]) == theirs.source_id
        fetched = peer.fetch(bob, note_id)
        assert fetched["status"] == 200, fetched
        assert fetched["document"]["id"] == note_id

    @steps.step(LIKE, needs=(ALICE_FOLLOWS,))
    def _() -> None:
        peer.send(alice, {"type": "Like", "object": post_id, "to": [bilal_id]})
        wait_for("“1 Like” on the post's page", lambda: "1 Like" in visitor_page(world, post_path))

    @steps.step(UNLIKE, needs=(LIKE,))
    def _() -> None:
        liked = next(a for a in peer.sent(alice) if a.get("type") == "Like")
        peer.send(alice, {"type": "Undo", "object": liked, "to": [bilal_id]})
        wait_for(
            "no “1 Like” on the post's page",
            lambda: "1 Like" not in visitor_page(world, post_path),
        )
        peer.send(alice, {"type": "Like", "object": post_id, "to": [bilal_id]})  # again
        wait_for("“1 Like” again", lambda: "1 Like" in visitor_page(world, post_path))

    @steps.step(REPLY_DELETED, needs=(REPLY_STEP,))
    def _() -> None:
        note_id = Comment.objects.get(pk=state["reply"].pk).source_id
        peer.send(alice, {"type": "Delete", "object": note_id, "to": [PUBLIC], "cc": [bilal_id]})
        wait_for(
            "her reply gone from the post's page",
            lambda: REPLY not in visitor_page(world, post_path),
        )
        assert not Comment.objects.filter(pk=state["reply"].pk).exists()

    @steps.step(REPLIES_SECTION, needs=(ALICE_FOLLOWS,))
    def _() -> None:
        # The administrators' other choice for replies from elsewhere (/manage/federation/);
        # comments need no approval on this network, so the rule lets them show at once.
        NetworkChoices.objects.update_or_create(
            pk=1, defaults={"remote_replies": NetworkChoices.Replies.SECTION}
        )
        invalidate(CHOICES_TAG)  # as the administrators' page does (federation.services)
        try:
            text = "Greetings from Gilgit!"
            peer.send(
                alice,
                {
                    "type": "Create",
                    "to": [PUBLIC],
                    "cc": [bilal_id],
                    "object": {
                        "type": "Note",
                        "attributedTo": alice.id,
                        "inReplyTo": post_id,
                        "content": f"<p>{text}</p>",
                        "to": [PUBLIC],
                        "cc": [bilal_id],
                    },
                },
            )
            wait_for(
                "her reply kept for the post",
                lambda: RemoteNote.objects.filter(reply_to=post.pk).exists(),
            )
            page = visitor_page(world, post_path)
            assert text in page, "kept, but not on the post's page"
            assert "Replies from elsewhere (1)" in page
            assert text not in moderator.get("/manage/moderation/pending/").content.decode()
        finally:
            NetworkChoices.objects.filter(pk=1).update(remote_replies=NetworkChoices.Replies.QUEUE)
            invalidate(CHOICES_TAG)

    # --- Forged deliveries ----------------------------------------------------------------------

    @steps.step(FORGED)
    def _() -> None:
        inbox = "/ap/inbox/"
        # Taken for alice's, it would take her like back.
        undo = json.dumps(
            {
                "@context": AS,
                "id": f"{alice.id}#forged-undo",
                "type": "Undo",
                "actor": alice.id,
                "object": {"type": "Like", "actor": alice.id, "object": post_id},
            }
        ).encode()
        json_type = {"Content-Type": "application/activity+json"}
        unsigned = https(world, "POST", inbox, body=undo, headers=json_type)
        # Signed under alice's key id, by a key that is not hers.
        key_id = f"{alice.id}#serverKey"
        wrong_key = https(
            world, "POST", inbox, body=undo, headers=forged_signature(world, inbox, key_id, undo)
        )
        # The body changed after signing: the Digest no longer matches.
        signed = forged_signature(world, inbox, key_id, undo)
        altered = undo.replace(b"forged", b"altered")
        tampered = https(world, "POST", inbox, body=altered, headers=signed)
        for status, _headers, body in (unsigned, wrong_key, tampered):
            assert status == 401, (status, body)
        assert b"not signed" in unsigned[2]
        assert b"signature does not match" in wrong_key[2]
        assert b"Digest does not match" in tampered[2]
        if steps.passed(LIKE):
            assert "1 Like" in visitor_page(world, post_path)

    @steps.step(AUTHORIZED)
    def _() -> None:
        NetworkChoices.objects.update_or_create(pk=1, defaults={"authorized_fetch": True})
        try:
            ap = {"Accept": "application/activity+json"}
            status, _headers, body = https(world, "GET", post_path, headers=ap)
            assert status == 401, (status, body)
            fetched = peer.fetch(bob, post_id)
            assert fetched["status"] == 200, fetched
            assert fetched["document"]["id"] == post_id
            # Anjuman's own fetches are signed (by its instance actor): bovine serves them.
            assert remote.fetch_actor(bob.id).inbox == bob.inbox
            # bovine checks an Accept from a member it never heard of by fetching their actor
            # (signed by its application actor): Anjuman must serve it.
            make_member("Sana Mir", "sana@example.org", handle="sana")
            sana_id = f"{world.anjuman}/members/sana/"
            peer.send(alice, {"type": "Follow", "object": sana_id, "to": [sana_id]})
            wait_for(
                "sana in alice's following (her Accept verified by bovine)",
                lambda: sana_id in peer.collection(alice, alice.following),
            )
        finally:
            NetworkChoices.objects.filter(pk=1).update(authorized_fetch=False)

    # --- Deletion and unfollowing ---------------------------------------------------------------

    @steps.step(DELETE, needs=(CREATE,))
    def _() -> None:
        delete_post(Post.objects.get(pk=post.pk), by=bilal)
        peer.received(alice, "Delete", post_id)
        wait_for(
            "a Tombstone in bovine's store",
            lambda: peer.look_up(alice, post_id).json().get("type") == "Tombstone",
        )

    @steps.step(ALICE_UNDOES, needs=(ALICE_FOLLOWS,))
    def _() -> None:
        follow = state["alice_follow"]
        peer.send(
            alice,
            {
                "type": "Undo",
                "to": [bilal_id],
                "object": {"id": follow, "type": "Follow", "actor": alice.id, "object": bilal_id},
            },
        )

        wait_for("alice gone from bilal's followers", lambda: not alice_listed())
        assert not Follower.objects.filter(remote__url=alice.id, actor__member=bilal).exists()

    @steps.step(BILAL_UNDOES, needs=(BILAL_FOLLOWS,))
    def _() -> None:
        page = reverse("federation:following")
        listing = bilal_browser.get(page).content.decode()
        stop = re.search(r'action="([^"]*/following/\d+/stop/)"', listing)
        assert stop, "no Unfollow button"
        response = bilal_browser.post(stop.group(1))
        assert response.status_code == 302
        peer.received(alice, "Undo", state["bilal_follow"])
        wait_for(
            "bilal gone from alice's followers",
            lambda: bilal_id not in peer.collection(alice, alice.followers),
        )

    @steps.step(BLOCKED)
    def _() -> None:
        admin = client_for(creator)
        assert Follower.objects.filter(remote__domain="peer.test").exists()  # bob, alice→sana
        asked = admin.get("/manage/federation/block/", {"domain": "peer.test"})
        assert asked.status_code == 200
        done = admin.post(
            "/manage/federation/block/", {"domain": "peer.test", "reason": "Interop test"}
        )
        assert done.status_code == 302, done.content.decode()[:2000]
        assert "peer.test" in admin.get("/manage/federation/").content.decode()
        assert not Follower.objects.filter(remote__domain="peer.test").exists()
        before = len(world.access_lines())
        peer.send(alice, {"type": "Follow", "object": bilal_id, "to": [bilal_id]})
        wait_for(
            "bovine's delivery refused with 403",
            lambda: any(
                '"POST /ap/members/bilal/inbox/ HTTP/1.1" 403' in line
                for line in world.access_lines()[before:]
            ),
        )
        assert not alice_listed()

    built = world.venv.built_in
    print(f"\nbovine-herd's virtualenv: {f'built in {built:.0f} s' if built else 'reused'}")
    steps.finish(diagnostics=world.diagnostics)

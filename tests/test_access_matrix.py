"""Who may open every page of the network, and who may act on it: one table, every route.

MATRIX below names, for every named route of the URLconf, what a GET and a POST answer for the
nine base personas, and for the apps' personas on the rows that name them (below).
test_every_route_is_in_the_matrix fails for a route nobody has written down (add it to the
matrix) and for an entry whose route no longer exists. test_access_post then requests every
POST cell — route × persona — in a savepoint rolled back after it, so a POST that succeeds
changes nothing the next cell sees; test_access_get requests a route's GET as every persona of
its row on one database (a GET only reads; GET_ACTS names the routes whose GET acts, which are
checked like the POSTs).
docs/permissions.md is the same matrix, by action.

Personas:
- visitor: an anonymous client.
- unconfirmed: joined, has not confirmed the email.
- member: a confirmed member who wrote none of the objects under test and is in no group; the
  "non-invited" member of the invited-only event and of the private group.
- author: wrote the posts under test (published, draft, hidden) and owns the handle in blog URLs.
- other_member: wrote the comment under test (on the author's post).
- moderator, administrator, creator: the roles, none of them the author of anything.
- suspended: confirmed, then is_active turned off; Django's authentication backend treats the
  session as anonymous, so they read like a visitor and write nothing.
The apps' personas (APP_PERSONAS), confirmed members whom an app's PERSONA_SETUP relates to
the objects under test:
- friend: the author's friend; blocked: blocked by the author (friends);
- group_admin: made the groups under test, so administers them (groups; no set-up of its own);
- group_member: a member of those groups, the private one and the public one (groups);
- invited: invited to the private group, not answered yet (groups), and invited to the
  invited-only event (events);
- requester: asked to join the private group, waiting for an answer (groups).
An app persona is checked only on the rows that name it (row(..., invited=…), or its key in
the dict): everywhere else it is a plain member, and the `member` cell checks that. A new one
goes into APP_PERSONAS with a property of World that names and sets it up.

A key of MATRIX is a route name, or a route name and a variant after "@" — the same route on a
different object ("blogs:post@draft": the author's draft instead of the published post).

Outcomes: a status code (200, 400, 403, 404, 405), LOGIN (302 to the sign-in page) or REDIRECT
(any other 301/302).

Apps built on these write their part of the matrix beside their code, in `<app>/tests/access.py`
(docs/architecture.md, "Adding an app"), which may define:
- MATRIX, KWARGS, POST_DATA: rows, route arguments and POST bodies, as below;
- OBJECTS: {name: make(world)} — objects the app's routes name, made on first use as
  `world.<name>` (a friend request, a group…);
- PERSONA_SETUP: {persona: set_up(world, member)} — what makes a persona who they are in the
  app (friends: `friend` is the author's friend, `blocked` is blocked by the author; groups:
  `invited` is invited to `world.group`), run when the persona is first used; a set-up may
  make the objects it needs (inviting makes the group);
- WORLD_SETUP: [set_up(world)] — what every world has from the start, because other apps'
  pages show it (profiles: the questions the join form asks), so the hostile-input pass sends
  its payloads to those fields too.
Their entries are merged into this module's tables when it is imported.
"""

import importlib
from collections.abc import Callable
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, join_data, make_member, make_post
from members.models import Member
from members.services import confirmation_token
from network.models import Network, SidebarBox
from network.services import create_network

# Run on the SQLite pass only (scripts/test.sh): who may open what is decided in Python, the
# same on either database, and the matrix is the largest part of the suite.
pytestmark = pytest.mark.matrix

Outcome = int | str
Cell = tuple[Outcome, Outcome]  # (GET, POST)

LOGIN = "login"  # 302 to the sign-in page
REDIRECT = "redirect"  # 301/302 anywhere else

# Every row has a cell for each of these.
BASE_PERSONAS = (
    "visitor",
    "unconfirmed",
    "member",
    "author",
    "other_member",
    "moderator",
    "administrator",
    "creator",
    "suspended",
)
# A row has a cell for these only where it names them; elsewhere they are plain members.
APP_PERSONAS = ("friend", "blocked", "group_admin", "group_member", "invited", "requester")
PERSONAS = BASE_PERSONAS + APP_PERSONAS
GROUPS = {
    "anonymous": ("visitor", "suspended"),
    "signed_in": (
        "unconfirmed",
        "member",
        "author",
        "other_member",
        "moderator",
        "administrator",
        "creator",
    ),
    "confirmed": ("member", "author", "other_member", "moderator", "administrator", "creator"),
    "moderators": ("moderator", "administrator", "creator"),
    "admins": ("administrator", "creator"),
}


def row(default: Cell, **cells: Cell) -> dict[str, Cell]:
    """Every base persona gets `default`; then each keyword — a group of GROUPS or a persona —
    in the order written, later ones winning: row(X, signed_in=Y, admins=Z). An app persona
    (APP_PERSONAS) is in the row only if a keyword names it: then it is checked there."""
    table = dict.fromkeys(BASE_PERSONAS, default)
    for name, cell in cells.items():
        for persona in GROUPS.get(name, (name,)):
            assert persona in PERSONAS, f"unknown persona or group {name!r}"
            table[persona] = cell
    return table


def cell(key: str, persona: str) -> Cell:
    """What `persona` gets on the row `key`: an app persona a row does not name gets what the
    plain member gets."""
    cells = MATRIX[key]
    return cells.get(persona, cells["member"])


# --- Common rows ------------------------------------------------------------------------------

# Anyone reads; the view does not look at the method, so a POST reads too.
PUBLIC = row((200, 200))
# Anyone is sent on (a permanent redirect to the canonical address, …).
ONWARD = row((REDIRECT, REDIRECT))
# The creator and administrators; signed-in others are refused, visitors asked to sign in.
ADMINS_ACT = row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, REDIRECT))


def confirm_then_act(*who: str, refused: Cell = (403, 403), **cells: Cell) -> dict[str, Cell]:
    """A page that shows a form or a confirmation on GET and acts on POST, for `who`; other
    signed-in personas get `refused`, visitors are asked to sign in; `cells` override."""
    allowed = dict.fromkeys(who, (200, REDIRECT))
    return row((LOGIN, LOGIN), signed_in=refused, **allowed, **cells)


# --- The matrix -------------------------------------------------------------------------------

MATRIX: dict[str, dict[str, Cell]] = {
    # network
    "network:home": PUBLIC,
    "network:setup": ONWARD,  # the network exists: setup sends everyone home
    "network:language": ONWARD,  # sets the language cookie, back to ?next
    "network:settings": ADMINS_ACT,
    "network:sidebar": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "network:sidebar_new": ADMINS_ACT,
    "network:sidebar_edit": ADMINS_ACT,
    "network:sidebar_delete": ADMINS_ACT,
    # members
    "members:join": row((200, REDIRECT), signed_in=(REDIRECT, REDIRECT)),
    "members:signin": row((200, 400), signed_in=(REDIRECT, REDIRECT)),  # POST: wrong password
    "members:signout": row((405, REDIRECT)),  # Django's LogoutView takes POST only
    "members:resend_confirmation": row((405, LOGIN), signed_in=(405, REDIRECT)),
    # The unconfirmed persona's own link: it confirms whoever opens it (the token is the proof);
    # a visitor opening it first is signed in as that member, someone signed in as another
    # member is sent to sign in.
    "members:confirm": row(
        (REDIRECT, REDIRECT), signed_in=(LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT)
    ),
    # Without a join in this session, back to the join form.
    "members:join_sent": row((REDIRECT, 405), signed_in=(REDIRECT, 405)),
    "members:password_reset": row((200, REDIRECT)),
    "members:password_reset_done": row((200, 405)),
    "members:password_reset_confirm": row((200, 200)),  # a wrong token: "the link is invalid"
    "members:password_reset_complete": row((200, 405)),
    "members:directory": PUBLIC,
    "members:edit_profile": row((LOGIN, LOGIN), signed_in=(200, REDIRECT)),
    "members:profile": PUBLIC,
    # blogs: listings and feeds show published, not hidden posts to everyone
    "blogs:list": PUBLIC,
    "blogs:feed_rss": PUBLIC,
    "blogs:feed_atom": PUBLIC,
    "blogs:tag": PUBLIC,
    "blogs:member_blog": PUBLIC,
    "blogs:member_archive": PUBLIC,
    "blogs:member_feed_rss": PUBLIC,
    "blogs:member_feed_atom": PUBLIC,
    "blogs:create": row(
        (LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT)
    ),
    # blogs: one post. A draft is the author's and administrators'; a hidden post the author's
    # and moderators'. What someone may not see is 404 for them, on every route.
    "blogs:post": PUBLIC,
    "blogs:post@draft": row((404, 404), author=(200, 200), admins=(200, 200)),
    "blogs:post@hidden": row((404, 404), author=(200, 200), moderators=(200, 200)),
    "blogs:post_short": ONWARD,
    "blogs:post_short@draft": row(
        (404, 404), author=(REDIRECT, REDIRECT), admins=(REDIRECT, REDIRECT)
    ),
    "blogs:edit": confirm_then_act("author", "administrator", "creator"),
    "blogs:edit@draft": confirm_then_act("author", "administrator", "creator", refused=(404, 404)),
    "blogs:edit@hidden": confirm_then_act(
        "author", "administrator", "creator", refused=(404, 404), moderator=(403, 403)
    ),
    "blogs:delete": confirm_then_act("author", "moderator", "administrator", "creator"),
    "blogs:delete@draft": confirm_then_act(
        "author", "administrator", "creator", refused=(404, 404)
    ),
    "blogs:delete@hidden": confirm_then_act(
        "author", "moderator", "administrator", "creator", refused=(404, 404)
    ),
    "blogs:hide": confirm_then_act("moderator", "administrator", "creator"),
    # Only published posts are hidden: a moderator does not see the draft, administrators see
    # it and may not hide it.
    "blogs:hide@draft": confirm_then_act(moderator=(404, 404)),
    "blogs:hide@hidden": confirm_then_act("moderator", "administrator", "creator"),
    "blogs:unhide": confirm_then_act("moderator", "administrator", "creator"),  # a hidden post
    # Featuring is a POST from the post page's button; administrators feature published posts.
    "blogs:feature": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    "blogs:feature@draft": row((405, LOGIN), signed_in=(405, 403), admins=(405, 403)),
    "blogs:unfeature": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    # comments, on the author's published post; the comment under test is other_member's
    # POST only. Visitors and unconfirmed members are refused (403: the page shows a Join button).
    "comments:create": row((405, 403), confirmed=(405, REDIRECT)),
    # A draft takes no comments: 403 for those who see it, 404 for everyone else.
    "comments:create@draft": row((405, 404), author=(405, 403), admins=(405, 403)),
    # A hidden post still takes comments from those who see it (its author, moderators).
    "comments:create@hidden": row((405, 404), author=(405, REDIRECT), moderators=(405, REDIRECT)),
    "comments:delete": confirm_then_act(
        "author", "other_member", "moderator", "administrator", "creator"
    ),
    # A comment on a post that is hidden, or back in draft: for whoever may not see the post,
    # its comments do not exist (404, as comments:create answers) — the comment's author
    # included; moderators see hidden posts but not drafts.
    "comments:delete@hidden": confirm_then_act(
        "author", "moderator", "administrator", "creator", refused=(404, 404)
    ),
    "comments:delete@draft": confirm_then_act(
        "author", "administrator", "creator", refused=(404, 404)
    ),
    "comments:hide": confirm_then_act("moderator", "administrator", "creator"),
    "comments:hide@draft": confirm_then_act(
        "administrator",
        "creator",
        refused=(404, 404),
        member=(403, 403),
        author=(403, 403),
        other_member=(403, 403),
        unconfirmed=(403, 403),
    ),
    "comments:unhide": confirm_then_act("moderator", "administrator", "creator"),  # a hidden one
}

# Routes the matrix leaves to others: Django's own admin site checks is_staff itself, and the
# media route serves uploaded files (photos, logos) to anyone, as a web server would.
SKIPPED_PREFIXES = ("django-admin/", "^media/")


# --- The objects under test -------------------------------------------------------------------


class World:
    """The network, the personas and the objects a route's arguments name; each made on first
    use, so a case builds only what it needs."""

    network: Network

    def __init__(self) -> None:
        self.network = create_network(
            name="Riverbend Alumni",
            tagline="Friends Across Every Border",
            creator_name="Nadia Qureshi",
            creator_email="creator@example.org",
            password="a long test password",
            time_zone="Asia/Karachi",
        )
        for set_up in WORLD_SETUP:
            set_up(self)

    # Personas
    @cached_property
    def creator(self) -> Member:
        return self.network.creator

    @cached_property
    def unconfirmed(self) -> Member:
        return make_member("Uzma Pending", "uzma@example.org", confirmed=False)

    @cached_property
    def member(self) -> Member:
        return make_member("Bilal Ahmed", "bilal@example.org")

    @cached_property
    def author(self) -> Member:
        return make_member("Amina Writer", "amina@example.org")

    @cached_property
    def other_member(self) -> Member:
        return make_member("Charlotte Reyes", "charlotte@example.org")

    @cached_property
    def moderator(self) -> Member:
        return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)

    @cached_property
    def administrator(self) -> Member:
        return make_member("Ali Administrator", "admin@example.org", role=Member.Role.ADMIN)

    @cached_property
    def suspended(self) -> Member:
        return make_member("Sami Suspended", "sami@example.org", is_active=False)

    @cached_property
    def friend(self) -> Member:
        """A confirmed member the apps relate to the author (PERSONA_SETUP: friends)."""
        return self._set_up("friend", make_member("Farid Friend", "farid@example.org"))

    @cached_property
    def blocked(self) -> Member:
        """A confirmed member the author blocked (PERSONA_SETUP: friends)."""
        return self._set_up("blocked", make_member("Babar Blocked", "babar@example.org"))

    @cached_property
    def group_admin(self) -> Member:
        """A confirmed member who made the groups under test (OBJECTS: groups), so administers
        them; PERSONA_SETUP may not make those groups (they name this persona)."""
        return self._set_up("group_admin", make_member("Hina Organiser", "hina@example.org"))

    @cached_property
    def group_member(self) -> Member:
        """A confirmed member of the groups under test (PERSONA_SETUP: groups)."""
        return self._set_up("group_member", make_member("Gulnar Member", "gulnar@example.org"))

    @cached_property
    def invited(self) -> Member:
        """A confirmed member invited, and not answering yet (PERSONA_SETUP: groups, events)."""
        return self._set_up("invited", make_member("Imran Invited", "imran@example.org"))

    @cached_property
    def requester(self) -> Member:
        """A confirmed member who asked to join, and waits (PERSONA_SETUP: groups)."""
        return self._set_up("requester", make_member("Rida Requester", "rida@example.org"))

    def _set_up(self, persona: str, member: Member) -> Member:
        for set_up in PERSONA_SETUP.get(persona, []):
            set_up(self, member)
        return member

    def __getattr__(self, name: str) -> Any:
        """An app's object (OBJECTS of its tests/access.py), made on first use."""
        make = OBJECTS.get(name)
        if make is None:
            raise AttributeError(name)
        value = make(self)
        setattr(self, name, value)
        return value

    def client(self, persona: str) -> Client:
        if persona == "visitor":
            return Client()
        # Logged in as themselves; for `suspended` the next request finds the session anonymous.
        return client_for(getattr(self, persona))

    # Content
    @cached_property
    def post(self) -> Post:
        return make_post(self.author, "Reunion in Lahore", tags=["Reunions"])

    @cached_property
    def draft(self) -> Post:
        return make_post(self.author, "Plans for next year", publish=False)

    @cached_property
    def hidden_post(self) -> Post:
        post = make_post(self.author, "A heated thread")
        Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now())
        post.refresh_from_db()
        return post

    @cached_property
    def comment(self) -> Comment:
        return add_comment(self.post, self.other_member, "What a night it was.")

    @cached_property
    def hidden_comment(self) -> Comment:
        comment = add_comment(self.post, self.other_member, "Something rude.")
        Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now())
        return comment

    @cached_property
    def comment_on_hidden_post(self) -> Comment:
        post = make_post(self.author, "Soon to be hidden")
        comment = add_comment(post, self.other_member, "Before it was hidden.")
        Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now())
        return comment

    @cached_property
    def comment_on_draft(self) -> Comment:
        """Published, commented on, then turned back into a draft by its author."""
        post = make_post(self.author, "Published for a while")
        comment = add_comment(post, self.other_member, "Before it went back to draft.")
        Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)
        return comment

    @cached_property
    def box(self) -> SidebarBox:
        return SidebarBox.objects.create(title="Useful links", body="[Campus](https://e.org)")


def _post_kwargs(which: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": getattr(w, which).pk}


def _post_slug_kwargs(which: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": getattr(w, which).pk, "slug": getattr(w, which).slug}


def _comment_kwargs(which: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": getattr(w, which).pk}


def _archive_kwargs(w: World) -> dict[str, Any]:
    when = w.post.published_at
    assert when is not None
    local = when.astimezone(ZoneInfo(w.network.time_zone))
    return {"handle": w.author.handle, "year": local.year, "month": local.month}


def _reset_kwargs(w: World) -> dict[str, Any]:
    return {"uidb64": urlsafe_base64_encode(force_bytes(w.author.pk)), "token": "wrong-token"}


HANDLE = lambda w: {"handle": w.author.handle}  # noqa: E731

# Arguments of the routes that take some (a route missing here that needs them fails reverse()).
KWARGS: dict[str, Callable[[World], dict[str, Any]]] = {
    "network:language": lambda w: {"code": "ur"},
    "network:sidebar_edit": lambda w: {"pk": w.box.pk},
    "network:sidebar_delete": lambda w: {"pk": w.box.pk},
    "members:confirm": lambda w: {"token": confirmation_token(w.unconfirmed, "/")},
    "members:password_reset_confirm": _reset_kwargs,
    "members:profile": HANDLE,
    "blogs:tag": lambda w: {"slug": w.post.tags.get().slug},
    "blogs:member_blog": HANDLE,
    "blogs:member_archive": _archive_kwargs,
    "blogs:member_feed_rss": HANDLE,
    "blogs:member_feed_atom": HANDLE,
    "blogs:post": _post_slug_kwargs("post"),
    "blogs:post@draft": _post_slug_kwargs("draft"),
    "blogs:post@hidden": _post_slug_kwargs("hidden_post"),
    "blogs:post_short": _post_kwargs("post"),
    "blogs:post_short@draft": _post_kwargs("draft"),
    "blogs:edit": _post_kwargs("post"),
    "blogs:edit@draft": _post_kwargs("draft"),
    "blogs:edit@hidden": _post_kwargs("hidden_post"),
    "blogs:delete": _post_kwargs("post"),
    "blogs:delete@draft": _post_kwargs("draft"),
    "blogs:delete@hidden": _post_kwargs("hidden_post"),
    "blogs:hide": _post_kwargs("post"),
    "blogs:hide@draft": _post_kwargs("draft"),
    "blogs:hide@hidden": _post_kwargs("hidden_post"),
    "blogs:unhide": _post_kwargs("hidden_post"),
    "blogs:feature": _post_kwargs("post"),
    "blogs:feature@draft": _post_kwargs("draft"),
    "blogs:unfeature": _post_kwargs("post"),
    "comments:create": lambda w: {"kind": "post", "pk": w.post.pk},
    "comments:create@draft": lambda w: {"kind": "post", "pk": w.draft.pk},
    "comments:create@hidden": lambda w: {"kind": "post", "pk": w.hidden_post.pk},
    "comments:delete": _comment_kwargs("comment"),
    "comments:delete@hidden": _comment_kwargs("comment_on_hidden_post"),
    "comments:delete@draft": _comment_kwargs("comment_on_draft"),
    "comments:hide": _comment_kwargs("comment"),
    "comments:hide@draft": _comment_kwargs("comment_on_draft"),
    "comments:unhide": _comment_kwargs("hidden_comment"),
}


def _post_form(w: World) -> dict[str, str]:
    return {
        "title": "Scholarships for the class of 2030",
        "body": "We raised **enough** for five students.",
        "tags_text": "Scholarships",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "publish": "1",
    }


def _box_form(w: World) -> dict[str, str]:
    return {"title": "Campus links", "body": "[Library](https://example.org)", "position": "1"}


# The smallest POST body that succeeds for someone allowed (others send the same); {} if none.
POST_DATA: dict[str, Callable[[World], dict[str, str]]] = {
    "network:language": lambda w: {"next": "/blog/"},
    "network:settings": lambda w: {
        "name": "Riverbend Alumni",
        "tagline": "Still friends",
        "description": "",
        "time_zone": "Asia/Karachi",
    },
    "network:sidebar_new": _box_form,
    "network:sidebar_edit": _box_form,
    "members:join": lambda w: join_data(),
    "members:signin": lambda w: {"username": "bilal@example.org", "password": "not it"},
    "members:password_reset": lambda w: {"email": "someone@example.org"},
    "members:edit_profile": lambda w: {"display_name": "A New Name", "about": "Hello."},
    "blogs:create": _post_form,
    "blogs:edit": _post_form,
    "comments:create": lambda w: {"body": "Well said."},
}


# --- The apps' parts: <app>/tests/access.py --------------------------------------------------

OBJECTS: dict[str, Callable[[World], Any]] = {}
PERSONA_SETUP: dict[str, list[Callable[[World, Member], None]]] = {}
WORLD_SETUP: list[Callable[[World], object]] = []


def _merge_app_parts() -> None:
    from django.apps import apps

    for config in apps.get_app_configs():
        try:
            part = importlib.import_module(f"{config.name}.tests.access")
        except ModuleNotFoundError as e:
            if e.name not in (f"{config.name}.tests", f"{config.name}.tests.access"):
                raise
            continue
        tables: list[tuple[dict[str, Any], dict[str, Any]]] = [
            (MATRIX, getattr(part, "MATRIX", {})),
            (KWARGS, getattr(part, "KWARGS", {})),
            (POST_DATA, getattr(part, "POST_DATA", {})),
            (OBJECTS, getattr(part, "OBJECTS", {})),
        ]
        for ours, theirs in tables:
            clash = set(ours) & set(theirs)
            assert not clash, f"{part.__name__} redefines {sorted(clash)}"
            ours.update(theirs)
        for persona, set_up in getattr(part, "PERSONA_SETUP", {}).items():
            PERSONA_SETUP.setdefault(persona, []).append(set_up)
        WORLD_SETUP.extend(getattr(part, "WORLD_SETUP", []))


_merge_app_parts()


# --- Routes and outcomes ----------------------------------------------------------------------


def named_routes() -> tuple[set[str], list[str]]:
    """Every route name of the URLconf (outside SKIPPED_PREFIXES), and the patterns that
    have no name."""
    names: set[str] = set()
    unnamed: list[str] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith(SKIPPED_PREFIXES):
                continue
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, route, ns)
            elif isinstance(p, URLPattern):
                if p.name:
                    names.add(f"{namespace}:{p.name}" if namespace else p.name)
                else:
                    unnamed.append(route)

    walk(get_resolver().url_patterns, "", "")
    return names, unnamed


def outcome(response: Any) -> Outcome:
    if response.status_code in (301, 302):
        signin = reverse("members:signin")
        return LOGIN if response["Location"].split("?")[0] == signin else REDIRECT
    return int(response.status_code)


def route_of(key: str) -> str:
    return key.split("@")[0]


def test_every_route_is_in_the_matrix() -> None:
    routes, unnamed = named_routes()
    assert not unnamed, f"routes without a name cannot be in the access matrix: {unnamed}"
    covered = {route_of(key) for key in MATRIX}
    missing = sorted(routes - covered)
    assert not missing, (
        f"routes missing from MATRIX in tests/test_access_matrix.py: {missing} — write down "
        "who may GET and POST them (and docs/permissions.md)"
    )
    gone = sorted(key for key in MATRIX if route_of(key) not in routes)
    assert not gone, f"MATRIX names routes that no longer exist: {gone}"
    unknown = sorted(set(KWARGS) - set(MATRIX))
    assert not unknown, f"KWARGS names keys that MATRIX does not have: {unknown}"


def test_every_row_names_every_persona() -> None:
    """Every base persona; app personas where the row names them (and no one else)."""
    for key, cells in MATRIX.items():
        assert set(BASE_PERSONAS) <= set(cells), (key, sorted(set(BASE_PERSONAS) - set(cells)))
        assert set(cells) <= set(PERSONAS), (key, sorted(set(cells) - set(PERSONAS)))


# A POST may change what the next one sees, so each cell acts inside a savepoint that is rolled
# back before the next (with the cache and the process's memos emptied, as between tests): one
# world per route, its personas and objects made before the first savepoint so none is
# remembered from a rolled-back one. The GETs of a route only read and share its world
# without savepoints — except the routes whose GET acts (opening a confirmation link confirms
# the address and spends the link), which are checked like the POSTs. The personas of a row
# are its cells: the base ones, and the app personas it names.
GET_ACTS = {"members:confirm"}


def _check(
    world: "World", key: str, persona: str, method: str, data: dict[str, Any] | None = None
) -> str | None:
    """What went wrong with one cell, or None. `data`: the POST body (else POST_DATA's)."""
    kwargs = KWARGS.get(key, lambda w: {})(world)
    url = reverse(route_of(key), kwargs=kwargs)
    client = world.client(persona)
    if method == "GET":
        response = client.get(url)
    else:
        if data is None:
            data = POST_DATA.get(route_of(key), lambda w: {})(world)
        response = client.post(url, data)
    expected = MATRIX[key][persona][0 if method == "GET" else 1]
    got = outcome(response)
    if got == expected:
        return None
    where = f" to {response['Location']}" if got in (LOGIN, REDIRECT) else ""
    return (
        f"{method} {url} ({key}) as {persona}: expected {expected}, got "
        f"{response.status_code}{where}"
    )


class _RolledBack(Exception):
    pass


def _apart(world: "World", key: str, persona: str, method: str, data: dict[str, Any]) -> str | None:
    """One cell checked in a savepoint that is then rolled back, leaving no trace."""
    from django.core.cache import cache
    from django.db import transaction

    from lib.memo import clear_all

    problem: str | None = None
    block = transaction.atomic()
    # Like the test's own transaction: a view's outermost atomic block still counts as the
    # commit that sends its cache invalidations (conftest._cache_tags_at_commit).
    block._from_testcase = True  # type: ignore[attr-defined]
    try:
        with block:
            problem = _check(world, key, persona, method, data)
            raise _RolledBack
    except _RolledBack:
        pass
    finally:
        cache.clear()
        clear_all()
    return problem


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(MATRIX))
def test_access(key: str) -> None:
    """Every persona of the row GETs and POSTs the route: the GETs first, on the world as it
    is, then each POST in a savepoint of its own."""
    world = World()
    personas = list(MATRIX[key])
    acts = route_of(key) in GET_ACTS
    wrong = [] if acts else [_check(world, key, persona, "GET") for persona in personas]
    # Everything a POST cell reads from the world, made now, outside the savepoints.
    for persona in personas:
        if persona != "visitor":
            getattr(world, persona)
    KWARGS.get(key, lambda w: {})(world)
    # One body for every persona (making it may make objects: a member to invite).
    data = POST_DATA.get(route_of(key), lambda w: {})(world)
    methods = ("GET", "POST") if acts else ("POST",)
    wrong += [
        _apart(world, key, persona, method, data) for persona in personas for method in methods
    ]
    assert not [w for w in wrong if w], "\n".join(w for w in wrong if w)


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused() -> None:
    world = World()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    url = reverse("comments:create", kwargs={"kind": "post", "pk": world.post.pk})

    response = client.post(url, {"body": "No token"})
    assert response.status_code == 403
    assert not Comment.objects.exists()

    # The same POST with the token (from the post's page) goes through.
    client.get(world.post.get_absolute_url())
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"body": "With the token", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Comment.objects.get().body == "With the token"


def test_the_personas_are_who_the_docstring_says(db: None) -> None:
    world = World()
    assert world.suspended.is_active is False
    assert world.unconfirmed.email_confirmed is False
    assert world.moderator.role == Member.Role.MODERATOR
    assert world.administrator.role == Member.Role.ADMIN
    assert world.creator.role == Member.Role.CREATOR
    assert world.comment.author == world.other_member
    assert world.post.author == world.author
    assert world.draft.status == Post.Status.DRAFT
    # A suspended member's session reads as a visitor's.
    response = world.client("suspended").get(reverse("members:edit_profile"))
    assert outcome(response) == LOGIN


def test_the_app_personas_are_who_the_docstring_says(db: None) -> None:
    from events.models import Invitation as EventInvitation
    from friends.queries import are_friends, has_blocked
    from groups.models import Invitation, JoinRequest, Membership

    world = World()
    assert are_friends(world.friend, world.author)
    assert has_blocked(world.author, world.blocked)
    private, public = world.group, world.public_group
    assert Membership.objects.get(group=private, member=world.group_admin).is_admin
    assert Membership.objects.get(group=public, member=world.group_admin).is_admin
    assert not Membership.objects.get(group=private, member=world.group_member).is_admin
    assert Membership.objects.filter(group=public, member=world.group_member).exists()
    assert Invitation.objects.filter(group=private, member=world.invited).exists()
    assert EventInvitation.objects.filter(event=world.invited_event, member=world.invited).exists()
    assert JoinRequest.objects.filter(group=private, member=world.requester).exists()
    # The non-invited member is in no group, invited to nothing, asked for nothing.
    for model in (Membership, Invitation, JoinRequest, EventInvitation):
        assert not model.objects.filter(member=world.member).exists(), model
    for persona in ("invited", "requester"):
        assert not Membership.objects.filter(member=getattr(world, persona)).exists()

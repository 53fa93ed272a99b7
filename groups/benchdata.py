"""Groups for the benchmark network (manage.py generatedata): GROUPS at scale 1 (200), a fifth
of them private, with memberships drawn from a log-normal size (most groups have a dozen
members or so, a few have hundreds: the busiest is the bench's "big group"), the first member
of each its administrator, and a handful of requests waiting on groups that take them.

Each membership comes after both the group and the member existed, and has its Latest
Activity entry (the group made, a member joined), placed in the group as the services' are
(activity.registry.register_place): each group's activity page has its joins. The manifest
names the groups list, the biggest public group's page and its activity page (`groups`)."""

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType

from activity.models import Entry
from lib.datagen import Context, Made

from . import services
from .models import Group, JoinRequest, Membership

GROUPS = 200
PRIVATE_SHARE = 0.2
# log-normal sizes: median e^MU ≈ 12 members, a long tail to hundreds.
SIZE_MU = 2.5
SIZE_SIGMA = 1.1
REQUESTS_PER_GROUP = 3
WORDS = (
    "Class of", "Chapter", "Alumni in", "Friends of", "Circle", "Society", "Club", "Network",
)  # fmt: skip
PLACES = (
    "Karachi", "Lahore", "Toronto", "Dubai", "London", "Nairobi", "Dhaka", "Houston",
    "Riyadh", "Sydney", "Berlin", "Chicago",
)  # fmt: skip


def generate(ctx: Context) -> None:
    writers: list[Made] = ctx.made.get("contributors", [])
    if len(writers) < 2:
        return
    n = ctx.scaled(GROUPS)
    rng = ctx.rng
    specs: list[tuple[Group, list[Made]]] = []
    for i in range(n):
        size = min(len(writers), max(1, round(rng.lognormvariate(SIZE_MU, SIZE_SIGMA))))
        people = rng.sample(writers, size)
        people.sort(key=lambda m: m.at)
        founder = people[0]
        at = founder.at + (ctx.now - founder.at) * rng.random() * 0.5
        private = rng.random() < PRIVATE_SHARE
        joining = rng.choice(
            [Group.Joining.OPEN, Group.Joining.OPEN, Group.Joining.REQUEST]
            if not private
            else [Group.Joining.REQUEST, Group.Joining.INVITATION]
        )
        name = f"{rng.choice(WORDS)} {rng.choice(PLACES)} {i + 1}"
        group = Group(
            name=name,
            slug=f"bench-group-{i + 1}",
            description=f"A group of the benchmark network: {name}.",
            description_html=f"<p>A group of the benchmark network: {name}.</p>\n",
            is_private=private,
            joining=joining,
            creator_id=founder.pk,
            created_at=at,
            active_at=at,
            member_count=size,
        )
        specs.append((group, people))
    ids = ctx.bulk_create("groups", Group, (group for group, _people in specs), total=n)
    for pk, (group, _people) in zip(ids, specs, strict=True):
        group.pk = pk

    def memberships() -> Iterator[Membership]:
        for group, people in specs:
            for j, person in enumerate(people):
                since = max(group.created_at, person.at)
                joined = group.created_at if j == 0 else since + (ctx.now - since) * rng.random()
                yield Membership(
                    group_id=group.pk,
                    member_id=person.pk,
                    role=Membership.Role.ADMIN if j == 0 else Membership.Role.MEMBER,
                    joined_at=joined,
                )

    total = sum(len(people) for _group, people in specs)
    made = list(memberships())
    ctx.bulk_create("group members", Membership, iter(made), total=total)
    group_type = ContentType.objects.get_for_model(Group)

    def entries() -> Iterator[Entry]:
        for membership in made:
            yield Entry(
                kind=services.CREATED
                if membership.role == Membership.Role.ADMIN
                else services.JOINED,
                actor_id=membership.member_id,
                target_type=group_type,
                target_id=membership.group_id,
                on_type=group_type,
                on_id=membership.group_id,
                place_type=group_type,
                place_id=membership.group_id,
                created_at=membership.joined_at,
            )

    placed = ctx.bulk_create("group activity", Entry, entries(), total=total)

    def requests() -> Iterator[JoinRequest]:
        for group, people in specs:
            if group.joining != Group.Joining.REQUEST:
                continue
            inside = {p.pk for p in people}
            for asker in rng.sample(writers, min(REQUESTS_PER_GROUP, len(writers))):
                if asker.pk not in inside:
                    yield JoinRequest(group_id=group.pk, member_id=asker.pk, created_at=ctx.now)

    asked = list(requests())
    ctx.bulk_create("group requests", JoinRequest, asked, total=len(asked))
    public = [(g, p) for g, p in specs if not g.is_private]
    big, big_people = max(public or specs, key=lambda spec: len(spec[1]))
    ctx.manifest.setdefault("counts", {})["groups"] = n
    ctx.manifest["counts"]["group_memberships"] = total
    ctx.manifest["groups"] = {
        "list_path": "/groups/",
        # Latest Activity entries written here (the stream's own count is activity's).
        "activity_entries": len(placed),
        "big": {
            "pk": big.pk,
            "slug": big.slug,
            "members": len(big_people),
            "path": big.get_absolute_url(),
            "members_path": f"{big.get_absolute_url()}members/",
            "activity_path": f"{big.get_absolute_url()}activity/",
            "admin_pk": big_people[0].pk,
        },
    }

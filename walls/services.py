"""Finding a member's wall, and what goes with a member who is removed.

Writing, replying, deleting and hiding wall comments are comments.services' (the plug-in's one
write path): a wall is only what they are on."""

from comments.services import delete_all_comments_on
from members.models import Member

from .models import Wall
from .permissions import has_wall


def find_wall(member_id: int) -> Wall | None:
    """The wall of member `member_id` for a comment about to be written on it (the comment
    endpoint asks the registration): its row, made now if this is the wall's first comment;
    None for who has no wall (404)."""
    member = Member.objects.filter(pk=member_id).first()
    if member is None or not has_wall(member):
        return None
    wall, _created = Wall.objects.get_or_create(member=member)
    wall.member = member
    return wall


def wall_of(member: Member) -> Wall:
    """The member's wall as their page shows it, without writing: a wall nobody wrote on yet
    has no row, and is shown with no comments."""
    count = Wall.objects.filter(pk=member.pk).values_list("comment_count", flat=True).first()
    return Wall(member=member, comment_count=count or 0)


def delete_wall_of(member: Member) -> int:
    """A removal step (members.removal): the comments others wrote on the member's wall.
    Those the member wrote anywhere are the comments app's step; the row goes with the
    member."""
    return delete_all_comments_on(Wall(member=member))

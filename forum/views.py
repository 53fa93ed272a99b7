import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comments.models import Comment
from comments.permissions import can_see_comment
from groups.models import Group, member_groups_tag, name_tag
from groups.permissions import can_find_group, can_view_group_content
from lib.cachetags import cached_fragment, collecting, depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator
from lib.urls import fast_reverse
from members.decorators import (
    contributor_required,
    member_required,
    moderator_required,
    role_required,
)
from members.permissions import is_member, is_moderator

from . import permissions, services
from .forms import CategoryForm, DeleteCategoryForm, DiscussionForm
from .models import (
    LISTS_TAG,
    MAX_CATEGORY_POSITION,
    Attachment,
    Category,
    Discussion,
    DiscussionQuerySet,
    discussion_tag,
    groups_on,
    in_groups_read_by,
)

DISCUSSIONS_PER_PAGE = 20
QUOTE_CHARS = 1000

categories_required = role_required(
    permissions.can_manage_categories,
    gettext_lazy("Only the network's administrators can manage the forum's categories."),
)


@functools.cache
def _quote_script() -> str:
    return static("forum/quote.js")


def _listed(user: object, discussions: DiscussionQuerySet) -> tuple[DiscussionQuerySet, str]:
    """What a list shows `user`: moderators also see hidden discussions (marked so); others
    the discussions everyone sees. And the name of that view for the cached count."""
    if is_moderator(user):
        return discussions.approved(), "all"
    return discussions.shown(), "shown"


def _readable(user: object, discussions: DiscussionQuerySet) -> tuple[DiscussionQuerySet, str]:
    """A network-wide list (latest activity): `_listed`, without the discussions of groups
    `user` does not read. Visitors share one count; a member's depends on their groups."""
    discussions, sees = _listed(user, discussions.filter(in_groups_read_by(user)))
    if not groups_on():
        sees = f"{sees}:nogroups"
    if is_member(user):
        return discussions, f"{sees}:m{user.pk}"
    return discussions, sees


def _count_tags(user: object) -> list[str]:
    """A member's counts change when they join or leave a group (its discussions with it)."""
    return [LISTS_TAG, member_groups_tag(user.pk)] if is_member(user) else [LISTS_TAG]


def _page(
    request: NetworkRequest,
    discussions: DiscussionQuerySet,
    count_key: str,
    count_tags: list[str] | None = None,
) -> Any:
    depends_on(LISTS_TAG)
    paginator = ListingPaginator(
        discussions,
        DISCUSSIONS_PER_PAGE,
        count_key=count_key,
        count_tags=count_tags or [LISTS_TAG],
        fetch=lambda ids: Discussion.objects.for_listing().filter(pk__in=ids).order_by(),
    )
    return paginator.get_page(request.GET.get("page"))


@cache_for_visitors
def index(request: NetworkRequest) -> HttpResponse:
    depends_on(LISTS_TAG)

    def render_categories() -> str:
        categories = Category.objects.select_related(
            "last_discussion", "last_discussion__last_reply_by", "last_discussion__author"
        ).defer("last_discussion__body", "last_discussion__body_html")
        return render_to_string("forum/_categories.html", {"categories": categories})

    # The same for every viewer: rendered once per language and time zone until the forum
    # changes (a discussion, a reply, a category) or a name does.
    where = f"{get_language()}:{timezone.get_current_timezone_name()}"
    context = {
        "categories": cached_fragment(
            f"forum:index:{where}", render_categories, [LISTS_TAG, "people"]
        ),
        "can_start": permissions.can_start_discussion(request.user),
        "can_manage": permissions.can_manage_categories(request.user),
    }
    return render(request, "forum/index.html", context)


@cache_for_visitors
def category(request: NetworkRequest, slug: str) -> HttpResponse:
    depends_on(LISTS_TAG)
    category = get_object_or_404(Category, slug=slug)
    discussions, sees = _listed(request.user, Discussion.objects.filter(category=category))
    page = _page(request, discussions.pinned_first(), f"forum-category:{category.pk}:{sees}")
    context = {
        "category": category,
        "page": page,
        "can_start": permissions.can_start_discussion(request.user),
    }
    return render(request, "forum/category.html", context)


@cache_for_visitors
def latest(request: NetworkRequest) -> HttpResponse:
    discussions, sees = _readable(request.user, Discussion.objects.all())
    page = _page(
        request, discussions.by_activity(), f"forum-latest:{sees}", _count_tags(request.user)
    )
    return render(request, "forum/latest.html", {"page": page})


@member_required
def mine(request: MemberRequest) -> HttpResponse:
    """The discussions the member started or replied to, latest activity first."""
    replied = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Discussion), author=request.user
    ).values("object_id")
    discussions = Discussion.objects.visible_to(request.user).filter(
        Q(author=request.user) | Q(pk__in=replied)
    )
    page = _page(
        request,
        discussions.by_activity(),
        f"forum-mine:{request.user.pk}",
        _count_tags(request.user),
    )
    return render(request, "forum/mine.html", {"page": page})


# --- One discussion --------------------------------------------------------------------------


def _discussion_parts(discussion: Discussion) -> tuple[str, str]:
    """The discussion's heading (where it is, title, byline, notices) and its body with its
    attachments: the same for everyone who may read it, kept until it changes or a name does
    (its category's and group's names are in the key: they come with the row)."""
    where = ":".join(
        (
            str(discussion.pk),
            discussion.category.name if discussion.category else "",
            discussion.group.name if discussion.group else "",
            get_language(),
            timezone.get_current_timezone_name(),
        )
    )
    tags = [discussion_tag(discussion.pk), "people"]
    context = {"discussion": discussion}
    head = cached_fragment(
        f"forum:discussion-head:{where}",
        lambda: render_to_string("forum/_discussion_head.html", context),
        tags,
    )
    body = cached_fragment(
        f"forum:discussion-body:{discussion.pk}",
        lambda: render_to_string(
            "forum/_discussion_body.html",
            {**context, "attachments": list(discussion.attachments.all())},
        ),
        [discussion_tag(discussion.pk)],
    )
    return head, body


@cache_for_visitors(query=("comments",))
def discussion(request: NetworkRequest, pk: int, slug: str = "") -> HttpResponse:
    with collecting():
        depends_on(discussion_tag(pk))
        found = get_object_or_404(
            Discussion.objects.visible_to(request.user).select_related(
                "author", "category", "group"
            ),
            pk=pk,
        )
        if slug != found.slug:
            return redirect(found, permanent=True)
        if found.group_id is not None:
            depends_on(name_tag(found.group_id))
        user = request.user
        head, body = _discussion_parts(found)
        context = {
            "discussion": found,
            "head": head,
            "body": body,
            "can_edit": permissions.can_edit_discussion(user, found),
            "can_delete": permissions.can_delete_discussion(user, found),
            "can_hide": permissions.can_hide_discussion(user, found),
            "can_pin": permissions.can_pin_discussion(user, found),
            "can_close": permissions.can_close_discussion(user, found),
            "can_follow": permissions.can_follow(user, found),
            "following": services.is_following(user, found),
            "quote_script": _quote_script(),
        }
        return render(request, "forum/discussion.html", context)


# --- A group's discussions -------------------------------------------------------------------


def _group(request: NetworkRequest, slug: str) -> Group:
    """The group, if `request.user` reads its content (else 404, as the group's own pages)."""
    if not groups_on():
        raise Http404("Groups are switched off.")
    group = get_object_or_404(Group, slug=slug)
    if not (can_find_group(request.user, group) and can_view_group_content(request.user, group)):
        raise Http404
    return group


def _render_group(request: NetworkRequest, group: Group) -> HttpResponse:
    depends_on(name_tag(group.pk))
    discussions, sees = _listed(request.user, Discussion.objects.filter(group=group))
    page = _page(request, discussions.pinned_first(), f"forum-group:{group.pk}:{sees}")
    context = {
        "group": group,
        "page": page,
        "can_start": permissions.can_start_discussion(request.user, group),
    }
    return render(request, "forum/group.html", context)


@cache_for_visitors
def _public_group(request: NetworkRequest, slug: str) -> HttpResponse:
    return _render_group(request, _group(request, slug))


@require_safe
def group(request: NetworkRequest, slug: str) -> HttpResponse:
    """A group's discussions, pinned first. A public group's page is cached for visitors; a
    private (or hidden) one's never is (groups.views.detail does the same)."""
    found = _group(request, slug)
    if found.is_private or found.is_hidden:
        return _render_group(request, found)
    return _public_group(request, slug)


@member_required
def group_start(request: MemberRequest, slug: str) -> HttpResponse:
    """Starts a discussion in the group: its members only."""
    found = _group(request, slug)
    if not permissions.can_start_discussion(request.user, found):
        raise PermissionDenied(_("Only the group's members start discussions in it."))
    form = DiscussionForm(request.POST or None, request.FILES or None, in_group=True)
    context = {"form": form, "group": found}
    if request.method == "POST" and form.is_valid():
        try:
            started = services.start_discussion(
                by=request.user,
                group=found,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                uploads=form.checked,
                tags=form.cleaned_data["tags"],
            )
        except ValidationError as e:
            form.add_error("new_files", e)
        except services.TooManyDiscussions as e:
            form.add_error(None, str(e))
            return render(request, "forum/discussion_form.html", context, status=429)
        else:
            messages.success(request, _started_message(started))
            return redirect(started)
    return render(request, "forum/discussion_form.html", context, status=form_status(form))


def _started_message(started: Discussion) -> str:
    if started.is_pending:
        return _(
            "Your discussion waits for a moderator's approval: others see it once it is approved."
        )
    return _("Your discussion is started.")


def _discussion_for(
    request: MemberRequest,
    pk: int,
    allowed: Callable[[object, Discussion], bool],
    refusal: str,
) -> Discussion:
    found = get_object_or_404(
        Discussion.objects.visible_to(request.user).select_related("category", "group"), pk=pk
    )
    if not allowed(request.user, found):
        raise PermissionDenied(refusal)
    return found


@contributor_required
def start(request: MemberRequest) -> HttpResponse:
    initial: dict[str, Any] = {}
    wanted = request.GET.get("category", "")
    if wanted:
        initial["category"] = Category.objects.filter(slug=wanted).first()
    form = DiscussionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            started = services.start_discussion(
                by=request.user,
                category=form.cleaned_data["category"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                uploads=form.checked,
                tags=form.cleaned_data["tags"],
            )
        except ValidationError as e:
            form.add_error("new_files", e)
        except services.TooManyDiscussions as e:
            form.add_error(None, str(e))
            return render(request, "forum/discussion_form.html", {"form": form}, status=429)
        else:
            messages.success(request, _started_message(started))
            return redirect(started)
    if not Category.objects.exists():
        messages.warning(request, _("The forum has no categories yet."))
        return redirect("forum:index")
    return render(request, "forum/discussion_form.html", {"form": form}, status=form_status(form))


@member_required
def edit(request: MemberRequest, pk: int) -> HttpResponse:
    found = _discussion_for(
        request,
        pk,
        permissions.can_edit_discussion,
        _("Only the author or an administrator can change this discussion."),
    )
    form = DiscussionForm(request.POST or None, request.FILES or None, instance=found)
    if request.method == "POST" and form.is_valid():
        removed = [a.pk for a in form.cleaned_data.get("remove") or []]
        try:
            services.edit_discussion(
                found,
                by=request.user,
                category=form.cleaned_data.get("category"),
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                uploads=form.checked,
                remove=removed,
                tags=form.cleaned_data["tags"],
            )
        except ValidationError as e:
            form.add_error("new_files", e)
        else:
            messages.success(request, _("The discussion is saved."))
            return redirect(found)
    context = {"form": form, "discussion": found}
    return render(request, "forum/discussion_form.html", context, status=form_status(form))


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    found = _discussion_for(
        request, pk, permissions.can_delete_discussion, _("You cannot delete this discussion.")
    )
    if request.method == "POST":
        if found.group is not None:
            where = fast_reverse("forum:group", found.group.slug)
        else:
            assert found.category is not None
            where = found.category.get_absolute_url()
        services.delete_discussion(found, by=request.user)
        messages.success(request, _("The discussion “%s” is deleted.") % found.title)
        return redirect(where)
    return render(request, "forum/confirm_delete.html", {"discussion": found})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    found = _discussion_for(
        request,
        pk,
        permissions.can_hide_discussion,
        _("Only the network's moderators can do this."),
    )
    if request.method == "POST":
        services.set_hidden(found, hidden, by=request.user)
        messages.success(
            request,
            _("The discussion is hidden.") if hidden else _("The discussion is shown again."),
        )
        return redirect(found)
    return render(request, "forum/confirm_hide.html", {"discussion": found, "hide": hidden})


@moderator_required
def hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)


def _moderate(
    request: MemberRequest, pk: int, act: Callable[..., None], value: bool, said: str
) -> HttpResponse:
    found = _discussion_for(
        request, pk, permissions.can_pin_discussion, _("Only the network's moderators can do this.")
    )
    act(found, value, by=request.user)
    messages.success(request, said)
    return redirect(found)


@require_POST
@moderator_required
def pin(request: MemberRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, services.set_pinned, True, _("The discussion is pinned."))


@require_POST
@moderator_required
def unpin(request: MemberRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, services.set_pinned, False, _("The discussion is unpinned."))


@require_POST
@moderator_required
def close(request: MemberRequest, pk: int) -> HttpResponse:
    return _moderate(
        request, pk, services.set_closed, True, _("The discussion is closed to new replies.")
    )


@require_POST
@moderator_required
def reopen(request: MemberRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, services.set_closed, False, _("The discussion is open again."))


def _set_following(request: MemberRequest, pk: int, following: bool) -> HttpResponse:
    found = get_object_or_404(Discussion.objects.visible_to(request.user), pk=pk)
    if following:
        services.follow(found, by=request.user)
    else:
        services.unfollow(found, by=request.user)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"discussion": found, "following": following, "can_follow": True}
        return HttpResponse(render_to_string("forum/_follow.html", context, request=request))
    messages.success(
        request,
        _("You follow this discussion: you will hear of new replies.")
        if following
        else _("You no longer follow this discussion."),
    )
    return redirect(found)


@require_POST
@member_required
def follow(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_following(request, pk, True)


@require_POST
@member_required
def unfollow(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_following(request, pk, False)


@require_safe
def attachment(request: NetworkRequest, pk: int, token: str) -> FileResponse:
    """The file, to those who see its discussion: pictures shown inline as pictures, other
    files downloaded; never served as HTML."""
    found = get_object_or_404(Attachment.objects.select_related("discussion"), pk=pk, token=token)
    if not permissions.can_view_discussion(request.user, found.discussion):
        raise Http404
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not found.is_image,
        filename=found.name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def quote(request: NetworkRequest, pk: int, comment_pk: int) -> HttpResponse:
    """The reply form with a reply quoted in it (what the Quote button does in the page
    itself, for browsers without JavaScript)."""
    found = get_object_or_404(Discussion.objects.visible_to(request.user), pk=pk)
    comment = get_object_or_404(
        Comment.objects.select_related("author"),
        pk=comment_pk,
        content_type=ContentType.objects.get_for_model(Discussion),
        object_id=found.pk,
    )
    if not can_see_comment(request.user, comment, found):
        raise Http404
    context = {"discussion": found, "text": quoted(comment), "comment": comment}
    return render(request, "forum/quote.html", context)


def quoted(comment: Comment) -> str:
    """“> ” before each line of the reply (cut to QUOTE_CHARS), after who wrote it."""
    body = comment.body if len(comment.body) <= QUOTE_CHARS else comment.body[:QUOTE_CHARS] + "…"
    lines = "\n".join(f"> {line}".rstrip() for line in body.splitlines())
    name = comment.author.display_name if not comment.author.is_former else _("A former member")
    return _("%(name)s wrote:") % {"name": name} + f"\n{lines}\n\n"


# --- Categories (administrators) -------------------------------------------------------------


@categories_required
def manage(request: MemberRequest) -> HttpResponse:
    return render(request, "forum/manage.html", {"categories": Category.objects.all()})


@categories_required
def category_new(request: MemberRequest) -> HttpResponse:
    return _category_form(request, Category())


@categories_required
def category_edit(request: MemberRequest, pk: int) -> HttpResponse:
    return _category_form(request, get_object_or_404(Category, pk=pk))


def _category_form(request: MemberRequest, found: Category) -> HttpResponse:
    if found.pk is None:
        last = Category.objects.order_by("-position").values_list("position", flat=True).first()
        initial: dict[str, Any] = {"position": min((last or 0) + 10, MAX_CATEGORY_POSITION)}
    else:
        initial = {}
    form = CategoryForm(request.POST or None, instance=found, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_category(
            found,
            by=request.user,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            position=form.cleaned_data["position"],
        )
        messages.success(request, _("The category is saved."))
        return redirect("forum:manage")
    context = {"form": form, "category": found}
    return render(request, "forum/category_form.html", context, status=form_status(form))


@categories_required
def category_delete(request: MemberRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Category, pk=pk)
    count = Discussion.objects.filter(category=found).count()
    bound = request.POST if request.method == "POST" else None
    form = DeleteCategoryForm(bound, category=found, has_discussions=bool(count))
    if request.method == "POST" and form.is_valid():
        move_to = form.cleaned_data.get("move_to")
        services.delete_category(found, by=request.user, move_to=move_to)
        messages.success(request, _("The category “%s” is deleted.") % found.name)
        return redirect("forum:manage")
    # With discussions and no other category, there is nowhere to move them: the page says so.
    nowhere = bool(count) and not Category.objects.exclude(pk=found.pk).exists()
    context = {"category": found, "count": count, "form": None if nowhere else form}
    status = 400 if request.method == "POST" else 200
    return render(request, "forum/category_confirm_delete.html", context, status=status)

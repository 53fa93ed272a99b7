"""The groups' pages and actions. Thin: who may is groups.permissions, what happens is
groups.services; an action answers with a redirect and a message, or 400 with the reason.

Visitors' pages (the index, a public group's page and members) are cached until what they show
changes; a private group's pages never are (visitors see only its teaser, and it is rendered
fresh each time)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from activity.views import place_stream
from lib.cachetags import depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator
from members.decorators import contributor_required, member_required
from members.models import Member
from members.permissions import is_member
from members.services import safe_next

from . import permissions, services
from .forms import GroupForm, InviteForm, MemberSearchForm, SearchForm
from .models import (
    LISTS_TAG,
    Group,
    Invitation,
    JoinRequest,
    Membership,
    group_tag,
    members_tag,
    name_tag,
)

GROUPS_PER_PAGE = 20
MEMBERS_PER_PAGE = 30
REQUESTS_SHOWN = 100
ADMINS_SHOWN = 10
# Members a search on the invitations page shows.
FOUND_SHOWN = 20


def _group(request: NetworkRequest, slug: str) -> Group:
    group = get_object_or_404(Group, slug=slug)
    if not permissions.can_find_group(request.user, group):
        raise Http404
    return group


def _readable_group(request: NetworkRequest, slug: str) -> Group:
    group = _group(request, slug)
    if not permissions.can_view_group_content(request.user, group):
        raise Http404
    return group


def _managed_group(request: MemberRequest, slug: str) -> Group:
    group = _group(request, slug)
    if not permissions.can_manage_group(request.user, group):
        raise PermissionDenied
    return group


def _other(member_id: int) -> Member:
    return get_object_or_404(Member, pk=member_id)


# --- Lists -----------------------------------------------------------------------------------


def _listing(request: NetworkRequest, groups: Any, count_key: str) -> Any:
    paginator = ListingPaginator(
        groups.order_by("name", "id"),
        GROUPS_PER_PAGE,
        count_key=count_key,
        count_tags=[LISTS_TAG],
        fetch=lambda ids: Group.objects.filter(pk__in=ids).defer("description", "description_html"),
    )
    return paginator.get_page(request.GET.get("page"))


@require_safe
@cache_for_visitors
def index(request: NetworkRequest) -> HttpResponse:
    """Every group the viewer may see, by name; `q` searches their names."""
    depends_on(LISTS_TAG)
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    groups = Group.objects.visible_to(request.user)
    viewer = request.user
    key = "groups:public"
    if is_member(viewer):
        key = f"groups:for:{viewer.pk}"
    if query:
        groups = groups.filter(name__icontains=query)
        key += ":q:" + query.casefold()
    page = _listing(request, groups, key)
    context = {"page": page, "query": query, "form": form, "mine": False}
    return render(request, "groups/index.html", context, status=form_status(form))


@require_safe
@member_required
def mine(request: MemberRequest) -> HttpResponse:
    groups = Group.objects.visible_to(request.user).filter(memberships__member=request.user)
    page = _listing(request, groups, f"groups:mine:{request.user.pk}")
    return render(request, "groups/index.html", {"page": page, "query": "", "mine": True})


@require_safe
@member_required
def pending(request: MemberRequest) -> HttpResponse:
    """The member's invitations to groups and their requests waiting for an answer."""
    me = request.user
    invitations = list(
        Invitation.objects.filter(member=me, group__hidden_at=None)
        .select_related("group", "invited_by")
        .order_by("-created_at", "-id")[:REQUESTS_SHOWN]
    )
    requests = list(
        JoinRequest.objects.filter(member=me, group__hidden_at=None)
        .select_related("group")
        .order_by("-created_at", "-id")[:REQUESTS_SHOWN]
    )
    context = {"invitations": invitations, "requests": requests}
    return render(request, "groups/pending.html", context)


# --- A group ---------------------------------------------------------------------------------


def _viewer_state(request: NetworkRequest, group: Group) -> dict[str, Any]:
    """What the viewer's join box shows."""
    user = request.user
    membership = permissions.membership_of(user, group)
    invited = requested = False
    if is_member(user) and membership is None:
        invited = Invitation.objects.filter(group=group, member=user).exists()
        requested = JoinRequest.objects.filter(group=group, member=user).exists()
    return {
        "membership": membership,
        "invited": invited,
        "requested": requested,
        "can_join": permissions.can_join(user, group),
        "can_ask": permissions.can_ask_to_join(user, group) and not requested,
        "can_manage": permissions.can_manage_group(user, group),
        "can_delete": permissions.can_delete_group(user, group),
        "can_hide": permissions.can_hide_group(user),
    }


def _render_group(request: NetworkRequest, group: Group) -> HttpResponse:
    readable = permissions.can_view_group_content(request.user, group)
    admins: list[Membership] = []
    if readable:
        depends_on(group_tag(group.pk))
        admins = list(
            Membership.objects.filter(group=group, role=Membership.Role.ADMIN)
            .select_related("member")
            .order_by("joined_at", "id")[:ADMINS_SHOWN]
        )
    context = {"group": group, "readable": readable, "admins": admins}
    context.update(_viewer_state(request, group))
    if context["can_manage"]:
        context["request_count"] = JoinRequest.objects.filter(group=group).count()
    return render(request, "groups/detail.html", context)


@cache_for_visitors
def _public_group_page(request: NetworkRequest, slug: str) -> HttpResponse:
    return _render_group(request, _group(request, slug))


@require_safe
def detail(request: NetworkRequest, slug: str) -> HttpResponse:
    """The group's page. A public one is cached for visitors; a private one never (its
    members' page is theirs, and visitors get its teaser fresh)."""
    group = _group(request, slug)
    if group.is_private or group.is_hidden:
        return _render_group(request, group)
    return _public_group_page(request, slug)


def _render_members(request: NetworkRequest, group: Group) -> HttpResponse:
    depends_on(members_tag(group.pk), group_tag(group.pk))
    memberships = Membership.objects.filter(group=group).order_by("role", "joined_at", "id")
    paginator = ListingPaginator(
        memberships,
        MEMBERS_PER_PAGE,
        count_key=f"group-members:{group.pk}",
        count_tags=[members_tag(group.pk)],
        fetch=lambda ids: Membership.objects.filter(pk__in=ids).select_related("member"),
    )
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "group": group,
        "page": page,
        "can_manage": permissions.can_manage_group(request.user, group),
        "me": request.user,
    }
    return render(request, "groups/members.html", context)


@cache_for_visitors
def _public_members_page(request: NetworkRequest, slug: str) -> HttpResponse:
    return _render_members(request, _readable_group(request, slug))


@require_safe
def members(request: NetworkRequest, slug: str) -> HttpResponse:
    group = _readable_group(request, slug)
    if group.is_private or group.is_hidden:
        return _render_members(request, group)
    return _public_members_page(request, slug)


def _render_activity(request: NetworkRequest, group: Group) -> HttpResponse:
    depends_on(name_tag(group.pk))
    return place_stream(request, "groups/activity.html", group, {"group": group})


@cache_for_visitors
def _public_activity_page(request: NetworkRequest, slug: str) -> HttpResponse:
    return _render_activity(request, _readable_group(request, slug))


@require_safe
def group_activity(request: NetworkRequest, slug: str) -> HttpResponse:
    """What happened in the group, newest first (`?before=<cursor>`, as Latest Activity's
    pages): its members joining, its discussions and their replies, its wall's comments — to
    those who read its content, and each line only if the viewer may see it."""
    group = _readable_group(request, slug)
    if group.is_private or group.is_hidden:
        return _render_activity(request, group)
    return _public_activity_page(request, slug)


# --- Making and changing ---------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@contributor_required
def create(request: MemberRequest) -> HttpResponse:
    form = GroupForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = services.create_group(
            by=request.user,
            name=data["name"],
            slug=data["slug"],
            description=data["description"],
            is_private=data["is_private"],
            joining=data["joining"],
            icon=data.get("icon"),
            tags=data["tags"],
        )
        messages.success(request, _("Your group is made. You are its administrator."))
        return redirect(group.get_absolute_url())
    return render(request, "groups/form.html", {"form": form}, status=form_status(form))


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def edit(request: MemberRequest, slug: str) -> HttpResponse:
    group = _managed_group(request, slug)
    form = GroupForm(request.POST or None, request.FILES or None, instance=group, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_group(
            Group.objects.get(pk=group.pk),
            by=request.user,
            name=data["name"],
            description=data["description"],
            joining=data["joining"],
            icon=data.get("icon"),
            tags=data["tags"],
        )
        messages.success(request, _("The group is saved."))
        return redirect(group.get_absolute_url())
    context = {"form": form, "group": group}
    return render(request, "groups/form.html", context, status=form_status(form))


def _confirm(
    request: MemberRequest,
    group: Group,
    act: Callable[[], str],
    *,
    question: str,
    explanation: str,
    button: str,
    back: str,
) -> HttpResponse:
    """GET asks; POST does `act()` (which says what happened) and goes back."""
    if request.method == "POST":
        try:
            done = act()
        except ValidationError as e:
            return _refused(request, group, e, back)
        messages.success(request, done)
        return redirect(safe_next(request.POST.get("next"), back))
    context = {
        "group": group,
        "question": question,
        "explanation": explanation,
        "button": button,
        "back": back,
    }
    return render(request, "groups/confirm.html", context)


def _refused(
    request: NetworkRequest, group: Group, error: ValidationError, back: str
) -> HttpResponse:
    context = {"group": group, "error": " ".join(error.messages), "back": back}
    return render(request, "groups/refused.html", context, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def delete(request: MemberRequest, slug: str) -> HttpResponse:
    group = _group(request, slug)
    if not permissions.can_delete_group(request.user, group):
        raise PermissionDenied

    def act() -> str:
        services.delete_group(group, by=request.user)
        return _("The group is deleted.")

    response = _confirm(
        request,
        group,
        act,
        question=_("Delete the group “%(name)s”?") % {"name": group.name},
        explanation=_(
            "Its page, its wall's comments and its memberships go for good. This cannot be undone."
        ),
        button=_("Delete the group"),
        back=group.get_absolute_url(),
    )
    if request.method == "POST" and response.status_code == 302:
        return redirect("groups:index")
    return response


def _hiding(hidden: bool) -> Callable[..., HttpResponse]:
    @require_POST
    @member_required
    def view(request: MemberRequest, slug: str) -> HttpResponse:
        group = _group(request, slug)
        services.set_hidden(group, by=request.user, hidden=hidden)
        if hidden:
            messages.success(request, _("The group is hidden: only moderators see it now."))
        else:
            messages.success(request, _("The group is shown again."))
        return redirect(group.get_absolute_url())

    return view


hide = _hiding(True)
show = _hiding(False)


# --- Joining and leaving ---------------------------------------------------------------------


def _act(request: MemberRequest, slug: str, action: Callable[[Group, Member], str]) -> HttpResponse:
    group = _group(request, slug)
    back = safe_next(request.POST.get("next"), group.get_absolute_url())
    try:
        done = action(group, request.user)
    except ValidationError as e:
        return _refused(request, group, e, back)
    messages.success(request, done)
    return redirect(back)


@require_POST
@member_required
def join(request: MemberRequest, slug: str) -> HttpResponse:
    """Joins an open group, asks to join one by request, or accepts an invitation."""

    def action(group: Group, me: Member) -> str:
        if group.joining == Group.Joining.REQUEST and not permissions.is_group_member(me, group):
            if Invitation.objects.filter(group=group, member=me).exists():
                services.accept_invitation(group, by=me)
                return _("Welcome to the group.")
            services.ask_to_join(group, by=me)
            return _("Your request is sent to the group's administrators.")
        if group.joining == Group.Joining.INVITATION and not permissions.is_group_member(me, group):
            services.accept_invitation(group, by=me)
            return _("Welcome to the group.")
        services.join(group, by=me)
        return _("Welcome to the group.")

    return _act(request, slug, action)


@require_POST
@member_required
def cancel_request(request: MemberRequest, slug: str) -> HttpResponse:
    def action(group: Group, me: Member) -> str:
        services.cancel_request(group, by=me)
        return _("Your request to join is withdrawn.")

    return _act(request, slug, action)


@require_POST
@member_required
def accept_invitation(request: MemberRequest, slug: str) -> HttpResponse:
    def action(group: Group, me: Member) -> str:
        services.accept_invitation(group, by=me)
        return _("Welcome to the group.")

    return _act(request, slug, action)


@require_POST
@member_required
def decline_invitation(request: MemberRequest, slug: str) -> HttpResponse:
    def action(group: Group, me: Member) -> str:
        services.decline_invitation(group, by=me)
        return _("You declined the invitation.")

    return _act(request, slug, action)


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def leave(request: MemberRequest, slug: str) -> HttpResponse:
    group = _group(request, slug)
    if not permissions.is_group_member(request.user, group):
        return _refused(
            request,
            group,
            ValidationError(_("You are not in this group.")),
            group.get_absolute_url(),
        )

    def act() -> str:
        services.leave(group, by=request.user)
        return _("You left the group.")

    return _confirm(
        request,
        group,
        act,
        question=_("Leave the group “%(name)s”?") % {"name": group.name},
        explanation=(
            str(permissions.LAST_ADMIN)
            if services.is_last_admin(group, request.user)
            else _("You will no longer see its wall and members.")
            if group.is_private
            else _("You can join again later, if the group lets you.")
        ),
        button=_("Leave the group"),
        back=group.get_absolute_url(),
    )


# --- The group's administrators --------------------------------------------------------------


@require_safe
@member_required
def requests(request: MemberRequest, slug: str) -> HttpResponse:
    group = _managed_group(request, slug)
    waiting = list(
        JoinRequest.objects.filter(group=group)
        .select_related("member")
        .order_by("created_at", "id")[:REQUESTS_SHOWN]
    )
    return render(request, "groups/requests.html", {"group": group, "waiting": waiting})


def _answer(approve: bool) -> Callable[..., HttpResponse]:
    @require_POST
    @member_required
    def view(request: MemberRequest, slug: str, member_id: int) -> HttpResponse:
        group = _managed_group(request, slug)
        other = _other(member_id)
        back = safe_next(request.POST.get("next"), f"{group.get_absolute_url()}requests/")
        try:
            if approve:
                services.approve(group, other, by=request.user)
                messages.success(request, _("%(name)s is in the group.") % {"name": other})
            else:
                services.decline(group, other, by=request.user)
                messages.success(request, _("You declined %(name)s's request.") % {"name": other})
        except ValidationError as e:
            return _refused(request, group, e, back)
        return redirect(back)

    return view


approve = _answer(True)
decline = _answer(False)


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def invitations(request: MemberRequest, slug: str) -> HttpResponse:
    """Find members by name or handle (`q`) and invite them; the invitations waiting."""
    group = _managed_group(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["member"]
        try:
            services.invite(group, other, by=request.user)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": other})
            return redirect("groups:invitations", slug=group.slug)
    search = MemberSearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    found: list[Member] = []
    if query:
        inside = Membership.objects.filter(group=group).values("member_id")
        found = list(
            Member.objects.listed()
            .filter(email_confirmed=True)
            .filter(Q(display_name__icontains=query) | Q(handle__icontains=query))
            .exclude(pk__in=inside)
            .order_by("display_name", "id")[:FOUND_SHOWN]
        )
    sent = list(
        Invitation.objects.filter(group=group)
        .select_related("member")
        .order_by("-created_at", "-id")[:REQUESTS_SHOWN]
    )
    context = {
        "group": group,
        "form": form,
        "search": search,
        "query": query,
        "found": found,
        "sent": sent,
    }
    status = max(form_status(form), form_status(search))
    return render(request, "groups/invitations.html", context, status=status)


@require_POST
@member_required
def cancel_invitation(request: MemberRequest, slug: str, member_id: int) -> HttpResponse:
    group = _managed_group(request, slug)
    services.cancel_invitation(group, _other(member_id), by=request.user)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("groups:invitations", slug=group.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def remove_member(request: MemberRequest, slug: str, member_id: int) -> HttpResponse:
    group = _managed_group(request, slug)
    other = _other(member_id)
    back = f"{group.get_absolute_url()}members/"
    if not Membership.objects.filter(group=group, member=other).exists():
        raise Http404

    def act() -> str:
        services.remove_member(group, other, by=request.user)
        return _("%(name)s is no longer in the group.") % {"name": other}

    return _confirm(
        request,
        group,
        act,
        question=_("Remove %(name)s from the group?") % {"name": other},
        explanation=_("They will no longer be in the group; they are not told."),
        button=_("Remove"),
        back=back,
    )


def _role(admin: bool) -> Callable[..., HttpResponse]:
    @require_POST
    @member_required
    def view(request: MemberRequest, slug: str, member_id: int) -> HttpResponse:
        group = _managed_group(request, slug)
        other = _other(member_id)
        back = f"{group.get_absolute_url()}members/"
        try:
            services.set_role(group, other, admin=admin, by=request.user)
        except ValidationError as e:
            return _refused(request, group, e, back)
        if admin:
            messages.success(
                request, _("%(name)s is an administrator of the group.") % {"name": other}
            )
        else:
            messages.success(
                request, _("%(name)s is no longer an administrator.") % {"name": other}
            )
        return redirect(back)

    return view


promote = _role(True)
demote = _role(False)

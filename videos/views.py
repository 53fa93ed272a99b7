from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from lib.cachetags import collecting, depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator
from members.decorators import contributor_required, member_required, moderator_required
from members.models import Member
from members.permissions import is_moderator, manages_content_of
from tags.services import tags_text

from . import permissions, services
from .forms import VideoForm
from .models import LISTS, Video, VideoQuerySet, member_tag

PER_PAGE = 12


def _page(
    request: NetworkRequest, videos: VideoQuerySet, count_key: str, tags: list[str]
) -> Page[Any]:
    paginator = ListingPaginator(
        videos.for_listing(),
        PER_PAGE,
        count_key=count_key,
        count_tags=tags,
        fetch=lambda ids: Video.objects.for_listing().filter(pk__in=ids).order_by(),
    )
    return paginator.get_page(request.GET.get("page"))


@cache_for_visitors
def video_list(request: NetworkRequest) -> HttpResponse:
    depends_on(LISTS)
    sees = "all" if is_moderator(request.user) else "shown"
    videos = Video.objects.all() if sees == "all" else Video.objects.shown()
    page = _page(request, videos, f"videos:{sees}", [LISTS])
    return render(
        request,
        "videos/video_list.html",
        {"page": page, "can_add": permissions.can_add_videos(request.user)},
    )


@cache_for_visitors
def member_videos(request: NetworkRequest, handle: str) -> HttpResponse:
    owner = get_object_or_404(Member.objects.listed(), handle=handle)
    depends_on(member_tag(owner.pk))
    if is_moderator(request.user):
        sees = "all"
    elif manages_content_of(request.user, owner.pk):
        sees = "own"
    else:
        sees = "shown"
    videos = Video.objects.visible_to(request.user).filter(owner=owner)
    page = _page(request, videos, f"videos-of:{owner.pk}:{sees}", [member_tag(owner.pk)])
    can_add = request.user.pk == owner.pk and permissions.can_add_videos(request.user)
    return render(
        request, "videos/member_videos.html", {"owner": owner, "page": page, "can_add": can_add}
    )


@cache_for_visitors(query=("comments",))
def video_detail(request: NetworkRequest, pk: int) -> HttpResponse:
    with collecting():
        depends_on(f"video:{pk}")
        video = get_object_or_404(
            Video.objects.visible_to(request.user).select_related("owner"), pk=pk
        )
        user = request.user
        return render(
            request,
            "videos/video_detail.html",
            {
                "video": video,
                "can_edit": permissions.can_edit_video(user, video),
                "can_delete": permissions.can_delete_video(user, video),
                "can_hide": permissions.can_hide_video(user, video),
            },
        )


def _video_for(
    request: MemberRequest, pk: int, allowed: Callable[[object, Video], bool], refusal: str
) -> Video:
    video = get_object_or_404(Video.objects.visible_to(request.user).select_related("owner"), pk=pk)
    if not allowed(request.user, video):
        raise PermissionDenied(refusal)
    return video


@contributor_required
def video_add(request: MemberRequest) -> HttpResponse:
    return _edit(request, Video())


@member_required
def video_edit(request: MemberRequest, pk: int) -> HttpResponse:
    video = _video_for(
        request,
        pk,
        permissions.can_edit_video,
        _("Only the owner or an administrator can change this video."),
    )
    return _edit(request, video)


def _edit(request: MemberRequest, video: Video) -> HttpResponse:
    initial = (
        {
            "url": video.url,
            "title": video.title,
            "description": video.description,
            "tags": tags_text(video),
        }
        if video.pk
        else {}
    )
    form = VideoForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.save_video(
            video,
            by=request.user,
            url=form.cleaned_data["url"],
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            tags=form.cleaned_data["tags"],
        )
        messages.success(request, _("The video is saved."))
        return redirect(saved)
    return render(
        request, "videos/video_form.html", {"form": form, "video": video}, status=form_status(form)
    )


@member_required
def video_delete(request: MemberRequest, pk: int) -> HttpResponse:
    video = _video_for(
        request, pk, permissions.can_delete_video, _("You cannot delete this video.")
    )
    if request.method == "POST":
        owner = video.owner
        services.delete_video(video, by=request.user)
        messages.success(request, _("The video is deleted."))
        if owner.pk != request.user.pk:
            return redirect("videos:list")
        return redirect(reverse("videos:member", args=[owner.handle]))
    return render(request, "videos/video_confirm_delete.html", {"video": video})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    video = _video_for(
        request, pk, permissions.can_hide_video, _("Only the network's moderators can do this.")
    )
    if request.method == "POST":
        services.set_hidden(video, hidden, by=request.user)
        messages.success(
            request, _("The video is hidden.") if hidden else _("The video is shown again.")
        )
        return redirect(video)
    return render(request, "videos/video_confirm_hide.html", {"video": video, "hide": hidden})


@moderator_required
def video_hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def video_unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)

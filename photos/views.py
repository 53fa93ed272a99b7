from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.cachetags import collecting, depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator
from members.decorators import contributor_required, member_required, moderator_required
from members.models import Member
from members.permissions import is_moderator, manages_content_of, moderates
from tags.services import tags_text

from . import permissions, services
from .forms import AlbumForm, PhotoForm, UploadForm
from .models import LISTS, Album, Photo, PhotoQuerySet, member_tag

PER_PAGE = 24


def _grid(
    request: NetworkRequest,
    photos: PhotoQuerySet,
    *,
    count_key: str,
    count_tags: list[str],
) -> Any:
    paginator = ListingPaginator(
        photos.for_listing(),
        PER_PAGE,
        count_key=count_key,
        count_tags=count_tags,
        fetch=lambda ids: Photo.objects.for_listing().filter(pk__in=ids).order_by(),
    )
    return paginator.get_page(request.GET.get("page"))


def _sees(request: NetworkRequest, owner_id: int | None = None) -> str:
    """Who sees which photos alike, for the cached counts: the photos' moderators see hidden
    and waiting ones, other moderators hidden ones, the owner their own hidden and waiting
    ones."""
    user = request.user
    if moderates(user, "photos"):
        return "all"
    hidden = "+hidden" if is_moderator(user) else ""
    if owner_id is not None and manages_content_of(user, owner_id):
        return f"own{hidden}"
    return f"shown{hidden}"


@cache_for_visitors
def photo_list(request: NetworkRequest) -> HttpResponse:
    depends_on(LISTS)
    sees = "all" if is_moderator(request.user) else "shown"
    photos = Photo.objects.approved() if sees == "all" else Photo.objects.shown()
    page = _grid(request, photos, count_key=f"photos:{sees}", count_tags=[LISTS])
    return render(
        request,
        "photos/photo_list.html",
        {"page": page, "can_add": permissions.can_add_photos(request.user)},
    )


@cache_for_visitors
def member_photos(request: NetworkRequest, handle: str) -> HttpResponse:
    owner = get_object_or_404(Member.objects.listed(), handle=handle)
    depends_on(member_tag(owner.pk))
    photos = Photo.objects.visible_to(request.user).filter(owner=owner)
    page = _grid(
        request,
        photos,
        count_key=f"photos-of:{owner.pk}:{_sees(request, owner.pk)}",
        count_tags=[member_tag(owner.pk)],
    )
    albums = Album.objects.filter(owner=owner).only("id", "title", "owner_id")[:100]
    return render(
        request,
        "photos/member_photos.html",
        {
            "owner": owner,
            "page": page,
            "albums": albums,
            "is_own": request.user.pk == owner.pk,
            "can_add": request.user.pk == owner.pk and permissions.can_add_photos(request.user),
        },
    )


@cache_for_visitors
def album_detail(request: NetworkRequest, pk: int) -> HttpResponse:
    depends_on(f"album:{pk}")
    album = get_object_or_404(Album.objects.select_related("owner"), pk=pk)
    photos = Photo.objects.visible_to(request.user).filter(album=album)
    page = _grid(
        request,
        photos,
        count_key=f"album:{album.pk}:{_sees(request, album.owner_id)}",
        count_tags=[f"album:{album.pk}"],
    )
    user = request.user
    return render(
        request,
        "photos/album_detail.html",
        {
            "album": album,
            "page": page,
            "can_edit": permissions.can_edit_album(user, album),
            "can_delete": permissions.can_delete_album(user, album),
            "can_add": user.pk == album.owner_id and permissions.can_add_photos(user),
        },
    )


def _neighbours(request: NetworkRequest, photo: Photo) -> tuple[Photo | None, Photo | None]:
    """The photos before (newer) and after (older) this one in its album, or, outside any
    album, among its owner's photos — those the viewer may see."""
    rows = Photo.objects.visible_to(request.user)
    if photo.album_id is not None:
        rows = rows.filter(album_id=photo.album_id)
    else:
        rows = rows.filter(owner_id=photo.owner_id)
    rows = rows.only("id", "thumb", "caption")
    at = photo.created_at
    newer = Q(created_at__gt=at) | Q(created_at=at, id__gt=photo.pk)
    older = Q(created_at__lt=at) | Q(created_at=at, id__lt=photo.pk)
    previous = rows.filter(newer).order_by("created_at", "id").first()
    following = rows.filter(older).order_by("-created_at", "-id").first()
    return previous, following


def _photo_for_page(request: NetworkRequest, pk: int) -> Photo:
    depends_on(f"photo:{pk}")
    photo = get_object_or_404(
        Photo.objects.visible_to(request.user).select_related("owner", "album"), pk=pk
    )
    depends_on(member_tag(photo.owner_id))
    return photo


@cache_for_visitors(query=("comments",))
def photo_detail(request: NetworkRequest, pk: int) -> HttpResponse:
    with collecting():
        photo = _photo_for_page(request, pk)
        previous, following = _neighbours(request, photo)
        user = request.user
        return render(
            request,
            "photos/photo_detail.html",
            {
                "photo": photo,
                "previous": previous,
                "next": following,
                "can_edit": permissions.can_edit_photo(user, photo),
                "can_delete": permissions.can_delete_photo(user, photo),
                "can_hide": permissions.can_hide_photo(user, photo),
            },
        )


@cache_for_visitors(query=())
def slideshow(request: NetworkRequest, pk: int) -> HttpResponse:
    photo = _photo_for_page(request, pk)
    previous, following = _neighbours(request, photo)
    return render(
        request,
        "photos/slideshow.html",
        {"photo": photo, "previous": previous, "next": following},
    )


# --- Writing ----------------------------------------------------------------------------------


def _bound(request: NetworkRequest) -> tuple[Any, Any]:
    """The form's data and files on POST (an empty POST is a refused form, not a blank one)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _wants_json(request: NetworkRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@contributor_required
def upload(request: MemberRequest) -> HttpResponse:
    """Several photos in one request (a `multiple` input); photos/static/photos/upload.js
    sends them one request per file instead, to show each file's progress."""
    owner = request.user
    initial = {}
    album_pk = request.GET.get("album", "")
    if album_pk.isdigit():
        initial["album"] = album_pk
    form = UploadForm(*_bound(request), owner=owner, initial=initial)
    if request.method == "POST" and form.is_valid():
        album = form.cleaned_data["album"]
        new_album = None
        if title := form.cleaned_data["new_album"]:
            album = new_album = services.save_album(Album(), by=owner, title=title, description="")
        result = services.add_photos(
            owner, form.cleaned_data["photos"], album=album, tags=form.cleaned_data["tags"]
        )
        if new_album is not None and not result.photos:
            # No photo to put in it: the album is not made (the form keeps its title).
            services.delete_album(new_album, by=owner)
            album = None
        where = album.get_absolute_url() if album else _member_url(owner)
        if _wants_json(request):
            return JsonResponse(
                {
                    "added": len(result.photos),
                    "refused": result.refused,
                    "album": album.pk if album else None,
                    "next": where,
                },
                status=200 if result.photos else 400,
            )
        if result.photos:
            n = len(result.photos)
            if result.photos[0].is_pending:
                added = ngettext(
                    "%(count)s photo added: it waits for a moderator's approval.",
                    "%(count)s photos added: they wait for a moderator's approval.",
                    n,
                )
            else:
                added = ngettext("%(count)s photo added.", "%(count)s photos added.", n)
            messages.success(request, added % {"count": n})
            for refusal in result.refused:
                messages.warning(request, refusal)
            return redirect(where)
        for refusal in result.refused:
            form.add_error("photos", refusal)
    elif request.method == "POST" and _wants_json(request):
        errors = [str(e) for field in form.errors.values() for e in field]
        return JsonResponse({"added": 0, "refused": errors, "album": None}, status=400)
    return render(request, "photos/upload.html", {"form": form}, status=form_status(form))


def _member_url(member: Member) -> str:
    from django.urls import reverse

    return reverse("photos:member", args=[member.handle])


def _photo_for(
    request: MemberRequest, pk: int, allowed: Callable[[object, Photo], bool], refusal: str
) -> Photo:
    photo = get_object_or_404(
        Photo.objects.visible_to(request.user).select_related("owner", "album"), pk=pk
    )
    if not allowed(request.user, photo):
        raise PermissionDenied(refusal)
    return photo


@member_required
def photo_edit(request: MemberRequest, pk: int) -> HttpResponse:
    photo = _photo_for(
        request,
        pk,
        permissions.can_edit_photo,
        _("Only the owner or an administrator can change this photo."),
    )
    owner = photo.owner
    initial = {"caption": photo.caption, "album": photo.album_id, "tags": tags_text(photo)}
    form = PhotoForm(
        request.POST if request.method == "POST" else None, initial=initial, owner=owner
    )
    if request.method == "POST" and form.is_valid():
        services.edit_photo(
            photo,
            by=request.user,
            caption=form.cleaned_data["caption"],
            album=form.cleaned_data["album"],
            tags=form.cleaned_data["tags"],
        )
        messages.success(request, _("The photo is saved."))
        return redirect(photo)
    return render(
        request, "photos/photo_form.html", {"form": form, "photo": photo}, status=form_status(form)
    )


@member_required
def photo_delete(request: MemberRequest, pk: int) -> HttpResponse:
    photo = _photo_for(
        request, pk, permissions.can_delete_photo, _("You cannot delete this photo.")
    )
    if request.method == "POST":
        owner = photo.owner
        services.delete_photo(photo, by=request.user)
        messages.success(request, _("The photo is deleted."))
        if owner.pk != request.user.pk:
            return redirect("photos:list")
        return redirect(_member_url(owner))
    return render(request, "photos/photo_confirm_delete.html", {"photo": photo})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    photo = _photo_for(
        request, pk, permissions.can_hide_photo, _("Only the network's moderators can do this.")
    )
    if request.method == "POST":
        services.set_hidden(photo, hidden, by=request.user)
        messages.success(
            request, _("The photo is hidden.") if hidden else _("The photo is shown again.")
        )
        return redirect(photo)
    return render(request, "photos/photo_confirm_hide.html", {"photo": photo, "hide": hidden})


@moderator_required
def photo_hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def photo_unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)


@contributor_required
def album_create(request: MemberRequest) -> HttpResponse:
    return _album_form(request, Album(owner=request.user))


@member_required
def album_edit(request: MemberRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album, pk=pk)
    if not permissions.can_edit_album(request.user, album):
        raise PermissionDenied(_("Only the owner or an administrator can change this album."))
    return _album_form(request, album)


def _album_form(request: MemberRequest, album: Album) -> HttpResponse:
    initial = {"title": album.title, "description": album.description} if album.pk else {}
    form = AlbumForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.save_album(
            album,
            by=request.user,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The album is saved."))
        return redirect(saved)
    return render(
        request, "photos/album_form.html", {"form": form, "album": album}, status=form_status(form)
    )


@member_required
def album_delete(request: MemberRequest, pk: int) -> HttpResponse:
    album = get_object_or_404(Album.objects.select_related("owner"), pk=pk)
    if not permissions.can_delete_album(request.user, album):
        raise PermissionDenied(_("You cannot delete this album."))
    if request.method == "POST":
        owner = album.owner
        services.delete_album(album, by=request.user)
        messages.success(request, _("The album is deleted; its photos are kept."))
        return redirect(_member_url(owner))
    count = album.photos.count()
    return render(request, "photos/album_confirm_delete.html", {"album": album, "count": count})

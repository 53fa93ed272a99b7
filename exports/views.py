"""The creator's /manage/export/, a member's /settings/data/, and each export's progress,
download and deletion."""

from collections.abc import Callable
from functools import wraps
from typing import cast

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.http import MemberRequest
from members.decorators import member_required, role_required

from . import permissions, services
from .models import ExportJob

# The creator's page lists the newest exports (a network keeps a few: each is the whole network).
LISTED = 20


@role_required(
    permissions.can_export_network, gettext_lazy("Only the network's creator exports it.")
)
def network_export(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        job = services.request_network_export(by=request.user)
        messages.success(request, _("The export has started; this page shows how far it is."))
        return redirect(job)
    jobs = list(
        ExportJob.objects.filter(kind=ExportJob.Kind.NETWORK)
        .select_related("requested_by")
        .order_by("-created_at", "-pk")[:LISTED]
    )
    # Whether each archive is still on disk (a stat each, no query): only those offer a link.
    rows = [(job, services.file_of(job) is not None) for job in jobs]
    context = {"rows": rows, "listed": LISTED}
    return render(request, "exports/network.html", context)


@member_required
def own_data(request: MemberRequest) -> HttpResponse:
    if not permissions.can_export_own_data(request.user):
        raise Http404
    if request.method == "POST":
        try:
            services.request_own_data(by=request.user)
        except services.TooManyRequests as refusal:
            messages.error(request, str(refusal))
        return redirect("exports:mine")
    job = (
        ExportJob.objects.filter(kind=ExportJob.Kind.MEMBER, requested_by=request.user)
        .order_by("-created_at", "-pk")
        .first()
    )
    ready = job is not None and services.file_of(job) is not None
    return render(request, "exports/own_data.html", {"job": job, "download": ready})


def _job_for(request: MemberRequest, pk: int, *, reading: bool = False) -> ExportJob:
    job = get_object_or_404(ExportJob.objects.select_related("requested_by"), pk=pk)
    if not permissions.can_see_job(request.user, job):
        raise Http404  # nobody learns that someone else's export exists
    if reading and request.method not in ("GET", "HEAD"):
        raise _NotAllowed
    return job


class _NotAllowed(Exception):
    pass


def _read_only(view: Callable[[MemberRequest, int], HttpResponse]) -> Callable[..., HttpResponse]:
    """A page that only reads: other methods answer 405 (once the job is known to be theirs)."""

    @wraps(view)
    def wrapper(request: MemberRequest, pk: int) -> HttpResponse:
        try:
            return view(request, pk)
        except _NotAllowed:
            return HttpResponseNotAllowed(["GET", "HEAD"])

    return wrapper


@member_required
@_read_only
def job(request: MemberRequest, pk: int) -> HttpResponse:
    """How far the export is; htmx polls the fragment until it is done (without JavaScript,
    the page reloads itself)."""
    found = _job_for(request, pk, reading=True)
    context = {"job": found, "download": services.file_of(found) is not None}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "exports/_job.html", context)
    return render(request, "exports/job.html", context)


@member_required
@_read_only
def download(request: MemberRequest, pk: int) -> HttpResponse:
    found = _job_for(request, pk, reading=True)
    path = services.file_of(found)
    if path is None:
        raise Http404
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=services.download_name(found)
    )
    response["Cache-Control"] = "private, no-store"
    # Streamed from the file; the decorators' type names HttpResponse, which this is not.
    return cast(HttpResponse, response)


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    found = _job_for(request, pk)
    back = "exports:network" if found.kind == ExportJob.Kind.NETWORK else "exports:mine"
    if request.method == "POST":
        services.delete_job(found, by=request.user)
        messages.success(request, _("The export was deleted."))
        return redirect(back)
    return render(request, "exports/confirm_delete.html", {"job": found, "back": back})

"""Making exports: by command (`export_network`), and in the background for the creator's button
and a member's "Download your data" (an ExportJob, run by the task worker: tasks.py).

Limits: one job of a kind waits or runs at a time (asking again shows the one under way); a
member asks for their data at most OWN_DATA_PER_DAY times a day and keeps only their latest
archive (a new one replaces the old). The creator's archives stay until the creator deletes them.
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib import ratelimit
from lib.tasks import enqueue_with_change
from members import actionlog
from members.models import Member
from network.services import current_network

from . import permissions
from .archive import Manifest, Progress, write_archive
from .models import ExportJob
from .scopes import member_selection, network_selection

logger = logging.getLogger(__name__)

OWN_DATA_PER_DAY = 5
_PROGRESS_EVERY_SECONDS = 1.0


class TooManyRequests(Exception):
    """A member asked for their data more often than OWN_DATA_PER_DAY in a day."""


def exports_dir() -> Path:
    """Where archives made in the background are kept: EXPORTS_DIR, or DATA_DIR/exports —
    never under MEDIA_ROOT, whose files may be served without asking who wants them."""
    configured = getattr(settings, "EXPORTS_DIR", "")
    folder = Path(configured) if configured else Path(settings.DATA_DIR) / "exports"
    if folder.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        # Archives there could be fetched by address, and each export would hold the last.
        raise ImproperlyConfigured("EXPORTS_DIR must not be inside MEDIA_ROOT")
    return folder


def _network_name() -> str:
    network = current_network()
    return network.name if network is not None else ""


def export_network(destination: Path, progress: Progress | None = None) -> Manifest:
    return write_archive(
        destination, network_selection(), network_name=_network_name(), progress=progress
    )


def export_member(member: Member, destination: Path, progress: Progress | None = None) -> Manifest:
    return write_archive(
        destination, member_selection(member), network_name=_network_name(), progress=progress
    )


def file_of(job: ExportJob) -> Path | None:
    if job.state != ExportJob.State.DONE or not job.file_name:
        return None
    path = exports_dir() / job.file_name
    return path if path.is_file() else None


def download_name(job: ExportJob) -> str:
    when = job.created_at.astimezone(timezone.get_current_timezone())
    what = "network" if job.kind == ExportJob.Kind.NETWORK else "my-data"
    return f"{what}-{when:%Y%m%d-%H%M}.zip"


def _open_job(kind: str, by: Member | None = None) -> ExportJob | None:
    jobs = ExportJob.objects.filter(
        kind=kind, state__in=[ExportJob.State.WAITING, ExportJob.State.RUNNING]
    )
    if by is not None:
        jobs = jobs.filter(requested_by=by)
    job = jobs.order_by("-created_at").first()
    return None if job is None or job.is_stalled else job


@transaction.atomic
def request_network_export(*, by: Member) -> ExportJob:
    """Queues an export of the whole network (or returns the one under way)."""
    if not permissions.can_export_network(by):
        raise PermissionDenied(_("Only the network's creator exports the whole network."))
    job = _open_job(ExportJob.Kind.NETWORK)
    if job is not None:
        return job
    job = ExportJob.objects.create(kind=ExportJob.Kind.NETWORK, requested_by=by)
    actionlog.record(by, "export-network", job, label=str(job))
    _queue(job)
    return job


@transaction.atomic
def request_own_data(*, by: Member) -> ExportJob:
    """Queues an export of `by`'s own data (or returns the one under way); their earlier
    archives are deleted."""
    if not permissions.can_export_own_data(by):
        raise PermissionDenied(_("Sign in to download your data."))
    job = _open_job(ExportJob.Kind.MEMBER, by)
    if job is not None:
        return job
    if ratelimit.is_limited("own-data", str(by.pk), OWN_DATA_PER_DAY):
        raise TooManyRequests(
            _("You asked for your data %(n)d times today; please try again tomorrow.")
            % {"n": OWN_DATA_PER_DAY}
        )
    ratelimit.record_attempt("own-data", str(by.pk), 24 * 3600)
    for old in ExportJob.objects.filter(kind=ExportJob.Kind.MEMBER, requested_by=by):
        _forget(old)
    job = ExportJob.objects.create(kind=ExportJob.Kind.MEMBER, requested_by=by)
    _queue(job)
    return job


def _queue(job: ExportJob) -> None:
    from .tasks import run_export

    enqueue_with_change(run_export, job.pk)


def _forget(job: ExportJob) -> None:
    """Deletes the job and, once that is committed, its archive."""
    name = job.file_name
    job.delete()
    if name:
        path = exports_dir() / name
        transaction.on_commit(lambda: path.unlink(missing_ok=True))


@transaction.atomic
def delete_job(job: ExportJob, *, by: Member) -> None:
    """Deletes an export and its archive (one under way stops at its next step)."""
    if not permissions.can_delete_job(by, job):
        raise PermissionDenied(_("This export is not yours to delete."))
    if job.kind == ExportJob.Kind.NETWORK:
        actionlog.record(by, "delete-export", job, label=str(job))
    _forget(job)


def forget_exports_of(member: Member) -> None:
    """A member removed or leaving: their archives go with them (members.removal)."""
    for job in ExportJob.objects.filter(requested_by=member):
        _forget(job)


# --- The worker's side ------------------------------------------------------------------------


class _Cancelled(Exception):
    """The job was deleted while it ran."""


def run_job(job_id: int) -> None:
    """Makes the job's archive, telling its progress as it goes; a deleted job stops."""
    claimed = ExportJob.objects.filter(pk=job_id, state=ExportJob.State.WAITING).update(
        state=ExportJob.State.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        return  # done, deleted, or another worker has it
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    stamp = f"{timezone.now():%Y%m%d-%H%M%S}"
    name = f"{job.kind}-{stamp}-{job.pk}.zip"
    destination = exports_dir() / name
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < _PROGRESS_EVERY_SECONDS and done < total:
            return
        last = now
        mine = ExportJob.objects.filter(pk=job_id)
        if not mine.update(done=done, total=total, updated_at=timezone.now()):
            raise _Cancelled

    try:
        if job.kind == ExportJob.Kind.NETWORK:
            export_network(destination, progress)
        else:
            export_member(job.requested_by, destination, progress)
    except _Cancelled:
        destination.unlink(missing_ok=True)
        return
    except Exception as error:
        logger.exception("export %s failed", job_id)
        ExportJob.objects.filter(pk=job_id).update(
            state=ExportJob.State.FAILED,
            error=str(error)[:2000],
            updated_at=timezone.now(),
            finished_at=timezone.now(),
        )
        return
    now = timezone.now()
    if not ExportJob.objects.filter(pk=job_id).update(
        state=ExportJob.State.DONE,
        file_name=name,
        size=destination.stat().st_size,
        updated_at=now,
        finished_at=now,
    ):
        destination.unlink(missing_ok=True)  # deleted at the last moment

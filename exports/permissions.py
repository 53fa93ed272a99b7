"""Who takes data out.

- The whole network's export holds every member's email address, password hash and private
  messages: the creator's alone (administrators manage the network but do not take all of it
  away; they have the members' CSV at /manage/members/). Only the creator downloads or deletes
  its archives — the creator of now, after a hand-over too.
- A member's own data: every signed-in member (unconfirmed too: it is theirs), for themselves
  only; nobody else opens their archive, not even the creator.
"""

from members.permissions import is_member

from .models import ExportJob


def can_export_network(user: object) -> bool:
    return is_member(user) and user.is_creator


def can_export_own_data(user: object) -> bool:
    return is_member(user)


def can_see_job(user: object, job: ExportJob) -> bool:
    if job.kind == ExportJob.Kind.NETWORK:
        return can_export_network(user)
    return is_member(user) and job.requested_by_id == user.pk


def can_delete_job(user: object, job: ExportJob) -> bool:
    return can_see_job(user, job)

"""The log of what administrators and moderators did (docs/permissions.md, "Every
destructive action … is logged"): one call per action, in the action's transaction."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ActionLog, Member


def record(
    actor: Member | None,
    action: str,
    target: models.Model | None = None,
    *,
    label: str = "",
    reason: str = "",
) -> ActionLog:
    """Writes who (`actor`, None for the system) did `action` ("hide", "suspend",
    "role:admin", "delete-page"…) to `target` (any row; `label` names it, default str(target))
    and why."""
    return ActionLog.objects.create(
        actor=actor,
        actor_name=actor.display_name if actor is not None else "",
        action=action[:40],
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=target.pk if target is not None else None,
        target_label=(label or (str(target) if target is not None else ""))[:200],
        reason=reason[:2000],
    )

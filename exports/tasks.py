"""Exports are made by the task worker, never inside a request (services.run_job)."""

from django.tasks import task


@task
def run_export(job_id: int) -> None:
    from .services import run_job

    run_job(job_id)

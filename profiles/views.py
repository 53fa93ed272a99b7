from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lib.http import MemberRequest, form_status
from members.decorators import role_required
from members.models import Member

from . import services
from .forms import FeatureForm, MoveForm, QuestionForm
from .models import Question
from .permissions import can_feature_members, can_manage_questions

manager_required = role_required(
    can_manage_questions, gettext_lazy("Only the network's administrators can do this.")
)
featuring_required = role_required(
    can_feature_members, gettext_lazy("Only the network's administrators can do this.")
)


def _list_context() -> dict[str, object]:
    questions = list(Question.objects.order_by("position", "id"))
    return {
        "questions": [q for q in questions if not q.is_removed],
        "removed": [q for q in questions if q.is_removed],
    }


@manager_required
def questions(request: MemberRequest) -> HttpResponse:
    return render(request, "profiles/manage_questions.html", _list_context())


@manager_required
def question_edit(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    question = get_object_or_404(Question.objects.active(), pk=pk) if pk else Question()
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        services.save_question(form.save(commit=False), by=request.user)
        messages.success(request, _("The question is saved."))
        return redirect("profiles:questions")
    return render(
        request,
        "profiles/manage_question_form.html",
        {"form": form, "question": question},
        status=form_status(form),
    )


@manager_required
def question_remove(request: MemberRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.active(), pk=pk)
    if request.method == "POST":
        services.remove_question(question, by=request.user)
        messages.success(request, _("The question “%s” is removed.") % question.label)
        return redirect("profiles:questions")
    answers = question.answers.count()
    return render(
        request, "profiles/manage_question_remove.html", {"question": question, "answers": answers}
    )


@require_POST
@manager_required
def question_move(request: MemberRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.active(), pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        context = {**_list_context(), "move_error": True}
        return render(request, "profiles/manage_questions.html", context, status=400)
    services.move_question(question, by=request.user, up=form.cleaned_data["direction"] == "up")
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "profiles/_question_list.html", _list_context())
    return redirect("profiles:questions")


@featuring_required
def feature(request: MemberRequest, handle: str) -> HttpResponse:
    """Features a member in the directory, or stops: a confirmation page, then the POST."""
    member = get_object_or_404(Member.objects.listed(), handle=handle)
    form = FeatureForm(
        request.POST or None, initial={"featured": "0" if member.featured_at else "1"}
    )
    if request.method == "POST" and form.is_valid():
        featured = form.cleaned_data["featured"]
        services.set_featured(member, by=request.user, featured=featured)
        if featured:
            messages.success(request, _("%s is featured in the directory.") % member.display_name)
        else:
            messages.success(request, _("%s is no longer featured.") % member.display_name)
        return redirect(member)
    return render(
        request, "profiles/feature.html", {"member": member, "form": form}, status=form_status(form)
    )

"""The messages pages: inbox, sent, archive, a thread, writing, broadcasts and their progress.

A thread someone is not in does not exist for them: every route that names one answers 404 to
anyone but its participants (and to a participant who deleted it for themselves). Refused forms
answer 400 (lib.http.form_status) with the errors and what was typed; sending too fast, 429.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.validators import MaxLengthValidator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.cachetags import cached_fragment
from lib.http import MemberRequest, form_status
from lib.pagination import ListingPaginator
from members.decorators import contributor_required, member_required, role_required
from members.models import Member

from . import permissions, queries, services
from .forms import (
    MAX_TO_CHARS,
    BroadcastForm,
    PolicyForm,
    ReplyForm,
    WriteForm,
    find_recipients,
    recipient_label,
    split_names,
)
from .models import MAX_SUBJECT_CHARS, Broadcast, Message, Participant, Policy

THREADS_PER_PAGE = 20
MESSAGES_PER_PAGE = 30
MAX_QUERY_CHARS = 80


# --- The lists -------------------------------------------------------------------------------


def _list(request: MemberRequest, box: str) -> HttpResponse:
    me = request.user
    rows = {
        "inbox": Participant.objects.inbox,
        "sent": Participant.objects.sent,
        "archive": Participant.objects.archived,
    }[box](me).newest_first()
    paginator = ListingPaginator(
        rows,
        THREADS_PER_PAGE,
        count_key=f"messages:{box}:{me.pk}",
        count_tags=[queries.inbox_tag(me)],
        fetch=lambda ids: Participant.objects.filter(pk__in=ids).select_related("thread"),
    )
    number = _page_number(paginator, request.GET.get("page"))

    def rows_html() -> str:
        page = paginator.page(number)
        participants = list(page.object_list)
        others = queries.others_in([p.thread for p in participants], me)
        context = {
            "box": box,
            "page": page,
            "rows": [(p, others.get(p.thread_id, [])) for p in participants],
        }
        return render_to_string("messaging/_rows.html", context, request=request)

    # The rows are the same until something in the member's lists changes (a message, reading,
    # archiving: their tag), or a name or the network's time zone (site-wide tags).
    name = f"messages:{box}:{me.pk}:{number}:{get_language()}"
    context = {
        "box": box,
        "rows_html": mark_safe(cached_fragment(name, rows_html, [queries.inbox_tag(me)])),  # noqa: S308 — our template's output
        "unread": queries.unread_count(me),
        "can_write": permissions.can_write_messages(me),
        "can_broadcast": permissions.can_broadcast(me) if me.is_network_admin else False,
    }
    return render(request, "messaging/list.html", context)


def _page_number(paginator: ListingPaginator, raw: str | None) -> int:
    """The page asked for, as Paginator.get_page reads it: the first for nonsense, the last
    for a number past the end."""
    try:
        return int(paginator.validate_number(raw or 1))
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return max(1, paginator.num_pages)


@require_safe
@member_required
def inbox(request: MemberRequest) -> HttpResponse:
    return _list(request, "inbox")


@require_safe
@member_required
def sent(request: MemberRequest) -> HttpResponse:
    return _list(request, "sent")


@require_safe
@member_required
def archive(request: MemberRequest) -> HttpResponse:
    return _list(request, "archive")


# --- A thread --------------------------------------------------------------------------------


def _own_row(request: MemberRequest, pk: int) -> Participant:
    """The member's row of thread `pk`, or 404: a thread they are not in does not exist."""
    own = queries.own_row(request.user, pk)
    if not permissions.can_view_thread(request.user, own):
        raise Http404
    assert own is not None
    return own


def _thread_page(
    request: MemberRequest, own: Participant, form: ReplyForm | None = None, status: int = 200
) -> HttpResponse:
    me = request.user
    thread = own.thread
    shown = queries.messages_of(own)
    paginator = ListingPaginator(
        shown,
        MESSAGES_PER_PAGE,
        count_key=f"messages:thread:{thread.pk}:{own.cleared_upto}",
        count_tags=[queries.thread_tag(thread)],
        fetch=lambda ids: Message.objects.filter(pk__in=ids).select_related("author"),
    )
    # The newest messages first come into view: the last page unless another is asked for.
    number = _page_number(paginator, request.GET.get("page") or str(paginator.num_pages))

    def messages_html() -> str:
        page = paginator.page(number)
        return render_to_string("messaging/_messages.html", {"page": page}, request=request)

    # The same for every member who sees the thread from the same message on, until a message
    # is written in it (its tag) or a name changes (site-wide).
    name = f"messages:thread:{thread.pk}:{own.cleared_upto}:{number}:{get_language()}"
    html = cached_fragment(name, messages_html, [queries.thread_tag(thread)])
    others = queries.others_in([thread], me)[thread.pk]
    broadcast = None
    if thread.is_broadcast:
        broadcast = Broadcast.objects.filter(thread=thread).select_related("sender").first()
    if own.unread:
        services.mark_read(own)
    can_reply = permissions.can_reply(me, thread, own)
    context = {
        "thread": thread,
        "own": own,
        "messages_html": mark_safe(html),  # noqa: S308 — our template's output
        "others": others,
        "broadcast": broadcast,
        "is_sender": broadcast is not None and broadcast.sender_id == me.pk,
        "form": form or (ReplyForm() if can_reply else None),
        "can_reply": can_reply,
    }
    return render(request, "messaging/thread.html", context, status=status)


@require_safe
@member_required
def thread(request: MemberRequest, pk: int) -> HttpResponse:
    return _thread_page(request, _own_row(request, pk))


@require_POST
@member_required
def reply(request: MemberRequest, pk: int) -> HttpResponse:
    own = _own_row(request, pk)
    if not permissions.can_write_messages(request.user):
        messages.warning(request, _("Please confirm your email before you write."))
        return redirect(own.thread)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            message = services.reply(
                by=request.user,
                thread=own.thread,
                body=form.cleaned_data["body"],
                token=form.cleaned_data["token"],
            )
        except ValidationError as e:
            _add_errors(form, e)
        except services.TooManyMessages as e:
            form.add_error(None, str(e))
            return _thread_page(request, own, form, status=429)
        else:
            return redirect(f"{own.thread.get_absolute_url()}#message-{message.pk}")
    return _thread_page(request, own, form, status=form_status(form))


@require_POST
@member_required
def archive_thread(request: MemberRequest, pk: int) -> HttpResponse:
    own = _own_row(request, pk)
    services.set_archived(by=request.user, thread=own.thread, archived=True)
    messages.success(request, _("The conversation is in your archive."))
    return redirect("messaging:inbox")


@require_POST
@member_required
def unarchive_thread(request: MemberRequest, pk: int) -> HttpResponse:
    own = _own_row(request, pk)
    services.set_archived(by=request.user, thread=own.thread, archived=False)
    messages.success(request, _("The conversation is back in your inbox."))
    return redirect(own.thread)


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    """Asks first (GET), deletes for the member alone (POST)."""
    own = _own_row(request, pk)
    if request.method != "POST":
        return render(request, "messaging/confirm_delete.html", {"thread": own.thread})
    services.delete_for(by=request.user, thread=own.thread)
    messages.success(request, _("The conversation is deleted for you."))
    return redirect("messaging:inbox")


# --- Writing ---------------------------------------------------------------------------------


@require_safe
@contributor_required
def compose(request: MemberRequest) -> HttpResponse:
    """Choosing whom to write to: names typed (with suggestions, static/messaging/
    recipients.js) are looked up, and once each names one member the writer may write to, on
    to the form (`write`). A name that matches nobody is a search without results, said
    plainly with what was typed. Names longer than the field takes (the box stops at
    MAX_TO_CHARS; a hand-made address need not) are refused with the field's error, as they
    were typed, rather than cut (which could drop or change the last names)."""
    typed = request.GET.get("to", "")
    subject = request.GET.get("subject", "")[:MAX_SUBJECT_CHARS]
    problems: list[str] = []
    too_long: list[str] = []
    try:
        MaxLengthValidator(MAX_TO_CHARS)(typed)
    except ValidationError as e:
        too_long = e.messages
    if typed.strip() and not too_long:
        members, problems = find_recipients(request.user, split_names(typed))
        if not problems:
            return redirect(write_url(members, subject))
    context = {"typed": typed, "subject": subject, "problems": problems, "too_long": too_long}
    return render(request, "messaging/compose.html", context, status=400 if too_long else 200)


def write_url(members: list[Member], subject: str = "") -> str:
    url = reverse("messaging:write", args=[",".join(m.handle for m in members)])
    return f"{url}?{urlencode({'subject': subject})}" if subject else url


def _add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form: on the field it names when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@contributor_required
def write(request: MemberRequest, handles: str) -> HttpResponse:
    """The subject and message to the members named in the address (up to MAX_RECIPIENTS)."""
    me = request.user
    entries = [f"@{h}" for h in split_names(handles)]
    members, problems = find_recipients(me, entries)
    if request.method == "POST":
        form = WriteForm(request.POST)
    else:
        form = WriteForm(initial={"subject": request.GET.get("subject", "")[:MAX_SUBJECT_CHARS]})
    # What is wrong with the recipients shows above the form, whatever was typed in it.
    status = 400 if problems else None
    if not problems and request.method == "POST" and form.is_valid():
        try:
            message = services.start_thread(
                by=me,
                recipients=members,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                token=form.cleaned_data["token"],
            )
        except ValidationError as e:
            _add_errors(form, e)
        except services.TooManyMessages as e:
            form.add_error(None, str(e))
            status = 429
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(message.thread)
    typed = entries if problems else [recipient_label(m) for m in members]
    query = {"to": ", ".join(typed), "subject": form["subject"].value() or ""}
    change = f"{reverse('messaging:compose')}?{urlencode(query)}"
    context = {"form": form, "members": members, "problems": problems, "change_url": change}
    return render(request, "messaging/write.html", context, status=status or form_status(form))


@require_safe
@member_required
def recipients(request: MemberRequest) -> JsonResponse:
    """Suggestions for the To field (static/messaging/recipients.js): members the writer may
    write to whose name or handle has what they typed."""
    text = request.GET.get("q", "")[:MAX_QUERY_CHARS]
    found = queries.recipient_choices(request.user, text)
    return JsonResponse(
        {"results": [{"label": recipient_label(m), "handle": m.handle} for m in found]}
    )


# --- Broadcasts ------------------------------------------------------------------------------


def _may_broadcast(user: object) -> bool:
    return permissions.can_broadcast(user)


@role_required(_may_broadcast, gettext_lazy("Only the network's creator can send to everyone."))
def broadcast(request: MemberRequest) -> HttpResponse:
    me = request.user
    status = None
    if request.method == "POST":
        form = BroadcastForm(request.POST)
        if form.is_valid():
            try:
                sent = services.start_broadcast(
                    by=me,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    token=form.cleaned_data["token"],
                )
            except ValidationError as e:
                _add_errors(form, e)
            except services.TooManyMessages as e:
                form.add_error(None, str(e))
                status = 429
            else:
                return redirect(sent)
    else:
        form = BroadcastForm()
    context = {"form": form, "recent": list(queries.broadcasts_by(me)[:10])}
    return render(request, "messaging/broadcast.html", context, status=status or form_status(form))


@require_safe
@member_required
def broadcast_progress(request: MemberRequest, pk: int) -> HttpResponse:
    """Delivered N of M, for the sender alone; htmx polls the fragment until it is done."""
    sent = get_object_or_404(Broadcast.objects.select_related("thread"), pk=pk, sender=request.user)
    context = {"broadcast": sent}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "messaging/_progress.html", context)
    return render(request, "messaging/progress.html", context)


@role_required(permissions.can_manage_messaging, gettext_lazy("Only the creator can change this."))
def manage(request: MemberRequest) -> HttpResponse:
    policy = Policy.current()
    if request.method == "POST":
        form = PolicyForm(request.POST)
        if form.is_valid():
            services.set_policy(
                by=request.user, admins_may_broadcast=form.cleaned_data["admins_may_broadcast"]
            )
            messages.success(request, _("Saved."))
            return redirect("messaging:manage")
    else:
        form = PolicyForm(initial={"admins_may_broadcast": policy.admins_may_broadcast})
    return render(request, "messaging/manage.html", {"form": form}, status=form_status(form))

"""The people's pages of federation: a member's choice and blocks, the administrators'
blocked servers."""

from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from lib.http import MemberRequest, NetworkRequest, form_status
from members.decorators import member_required, role_required
from members.models import Member

from . import choices, ids, rules, services
from .forms import (
    DomainBlockForm,
    DomainForm,
    FederationSettingsForm,
    NetworkChoicesForm,
    RemoteFollowForm,
)
from .models import Delivery, Follower, LocalActor, MemberBlock, RemoteActor, Server
from .permissions import can_manage_federation

PER_PAGE = 50

admin_required = role_required(
    can_manage_federation, gettext_lazy("Only the network's administrators can do this.")
)


@member_required
def own_settings(request: MemberRequest) -> HttpResponse:
    member = request.user
    actor = LocalActor.objects.filter(member=member).first()
    federated = actor is None or actor.federated
    form = FederationSettingsForm(
        request.POST if request.method == "POST" else None, initial={"federated": federated}
    )
    if request.method == "POST" and form.is_valid():
        services.set_federated(member, form.cleaned_data["federated"], by=member)
        messages.success(request, _("Your choice is saved."))
        return redirect("federation:settings")
    followers = Paginator(
        Follower.objects.filter(actor__member=member)
        .select_related("remote")
        .order_by("-created_at", "-id"),
        PER_PAGE,
    ).get_page(request.GET.get("page"))
    blocks = (
        MemberBlock.objects.filter(member=member).select_related("remote").order_by("-id")[:200]
    )
    context = {
        "form": form,
        "handle": f"@{member.handle}@{ids.host()}",
        "enabled": rules.enabled(),
        "followers": followers,
        "blocks": blocks,
        "replies_under_posts": choices.replies_under_posts(),
    }
    return render(request, "federation/settings.html", context, status=form_status(form))


@require_POST
@member_required
def block_account(request: MemberRequest, pk: int) -> HttpResponse:
    remote = get_object_or_404(RemoteActor, pk=pk)
    services.block_remote(request.user, remote, by=request.user)
    messages.success(request, _("Blocked: %(handle)s.") % {"handle": remote.handle})
    return redirect("federation:settings")


@require_POST
@member_required
def unblock_account(request: MemberRequest, pk: int) -> HttpResponse:
    block = get_object_or_404(MemberBlock, pk=pk, member=request.user)
    services.unblock_remote(block, by=request.user)
    messages.success(request, _("Unblocked."))
    return redirect("federation:settings")


@require_safe
@admin_required
def manage(request: MemberRequest) -> HttpResponse:
    blocked = Server.objects.exclude(blocked_at=None).order_by("domain")[:500]
    dead = Server.objects.exclude(dead_at=None).filter(blocked_at=None).order_by("domain")[:100]
    counts = {
        state: Delivery.objects.filter(state=state).count()
        for state in (Delivery.State.PENDING, Delivery.State.RETRYING, Delivery.State.GIVEN_UP)
    }
    context = {
        "form": DomainForm(),
        "blocked": blocked,
        "dead": dead,
        "pending": counts[Delivery.State.PENDING],
        "retrying": counts[Delivery.State.RETRYING],
        "given_up": counts[Delivery.State.GIVEN_UP],
        "enabled": rules.enabled(),
        "followers": Follower.objects.count(),
        "choices_form": NetworkChoicesForm(instance=choices.current()),
        "rule_allows_section": choices.replies_rule_allows(),
    }
    return render(request, "federation/manage.html", context)


@require_POST
@admin_required
def save_choices(request: MemberRequest) -> HttpResponse:
    form = NetworkChoicesForm(request.POST, instance=choices.current())
    if not form.is_valid():
        context = {"choices_form": form, "rule_allows_section": choices.replies_rule_allows()}
        return render(request, "federation/choices.html", context, status=400)
    services.save_choices(form.save(commit=False), by=request.user)
    messages.success(request, _("Your choice is saved."))
    return redirect("federation:manage")


@admin_required
def block_server(request: MemberRequest) -> HttpResponse:
    """Asks before blocking a server (GET ?domain=…), blocks it (POST)."""
    if request.method == "POST":
        form: DomainForm = DomainBlockForm(request.POST)
        if form.is_valid():
            server = services.block_domain(
                form.cleaned_data["domain"], by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Blocked: %(domain)s.") % {"domain": server.domain})
            return redirect("federation:manage")
    else:
        form = DomainForm(request.GET or None)
        if form.is_valid():
            form = DomainBlockForm(initial={"domain": form.cleaned_data["domain"]})
    confirming = isinstance(form, DomainBlockForm)
    domain = ""
    if confirming:
        domain = str(form.data.get("domain", "") if form.is_bound else form.initial["domain"])
    context = {
        "form": form,
        "confirming": confirming,
        "domain": domain,
        "followers": Follower.objects.filter(remote__domain=domain).count() if domain else 0,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "federation/block_server.html", context, status=status)


@require_POST
@admin_required
def unblock_server(request: MemberRequest, pk: int) -> HttpResponse:
    server = get_object_or_404(Server, pk=pk)
    services.unblock_domain(server, by=request.user)
    messages.success(request, _("Unblocked: %(domain)s.") % {"domain": server.domain})
    return redirect("federation:manage")


@require_safe
def remote_follow(request: NetworkRequest, handle: str) -> HttpResponse:
    """ "Follow from your server": sends the visitor to their own server, which asks them to
    confirm (Mastodon's and compatible servers' /authorize_interaction); nothing is fetched
    here."""
    member = get_object_or_404(Member.objects.listed(), handle=handle)
    if not rules.enabled() or not rules.member_federates(member):
        raise Http404
    form = RemoteFollowForm(request.GET or None)
    if form.is_valid():
        _user, host = form.cleaned_data["account"]
        uri = quote(ids.member_actor(member.handle), safe="")
        return redirect(f"https://{host}/authorize_interaction?uri={uri}")
    context = {"form": form, "member": member, "handle": f"@{member.handle}@{ids.host()}"}
    return render(request, "federation/remote_follow.html", context, status=form_status(form))

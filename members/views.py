from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.cachetags import cached_fragment, depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator, lazy_page, page_ids
from lib.sections import render_sections

from . import devices, permissions, profilefields, services
from . import directory as directory_hooks
from .decorators import member_required
from .forms import (
    JoinForm,
    LeaveForm,
    NewPasswordForm,
    ProfileForm,
    QueuedPasswordResetForm,
    SignInForm,
    join_is_limited,
    may_send_email,
    record_join_attempt,
)
from .models import Member

MEMBERS_PER_PAGE = 30
MAX_QUERY_CHARS = 100
JOINED_EMAIL = "members.joined-email"


def join(request: NetworkRequest) -> HttpResponse:
    next_url = services.safe_next(request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(next_url)
    if request.network.join_mode == "invitation":
        # By invitation only: the invitation's emailed link (access:accept) is the way in.
        status = 403 if request.method not in ("GET", "HEAD") else 200
        return render(request, "members/join_invitation_only.html", status=status)
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST":
        email = request.POST.get("email", "")
        if join_is_limited(request, email):
            form.add_error(None, _("Too many attempts to join from here. Please try again later."))
            status = 429
        elif form.is_robot:
            # Answered like a success, so the robot learns nothing; nobody is made or emailed.
            record_join_attempt(request, email)
            request.session[JOINED_EMAIL] = email[:254]
            return redirect("members:join_sent")
        else:
            record_join_attempt(request, email)
            if form.is_valid():
                email = form.cleaned_data["email"]
                # The same answer whether or not the email is already a member's (the
                # service emails that member instead): the form does not tell who is here.
                # What other apps asked (profile questions) is kept only for a member made now.
                with transaction.atomic():
                    member = services.join(
                        network=request.network,
                        display_name=form.cleaned_data["display_name"],
                        email=email,
                        password=form.cleaned_data["password1"],
                        next_url=next_url,
                        base_url=request.build_absolute_uri("/").rstrip("/"),
                        may_email_existing=may_send_email(request, email),
                        awaiting_approval=(request.network.join_mode == "approval"),
                    )
                    if member is not None:
                        profilefields.save_all(member, form.cleaned_data)
                request.session[JOINED_EMAIL] = email
                return redirect("members:join_sent")
            status = 400
    return render(request, "members/join.html", {"form": form, "next": next_url}, status=status)


@require_safe
def join_sent(request: NetworkRequest) -> HttpResponse:
    """After joining: open the emailed link to confirm and come in."""
    email = request.session.get(JOINED_EMAIL)
    if not email:
        return redirect("members:join")
    return render(request, "members/join_sent.html", {"email": email})


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "members/signin.html"
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        devices.remember(self.request, response, form.get_user().pk)
        return response

    def form_invalid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        limited = any(e.code == "rate_limited" for e in form.non_field_errors().as_data())
        return self.render_to_response(
            self.get_context_data(form=form), status=429 if limited else 400
        )


def admin_signin(request: NetworkRequest) -> HttpResponse:
    """The technical admin's sign-in is the site's own, with its limits (django-admin/login/)."""
    return redirect_to_login(
        services.safe_next(request.GET.get("next"), fallback="/django-admin/"),
        reverse("members:signin"),
    )


def confirm(request: NetworkRequest, token: str) -> HttpResponse:
    try:
        member, next_url, confirmed_now = services.confirm_email(token)
    except services.InvalidToken:
        return render(request, "members/confirm_failed.html", status=400)
    if request.user.is_authenticated and request.user.pk == member.pk:
        messages.success(request, _("Thank you, your email is confirmed."))
        return redirect(next_url)
    if confirmed_now and member.is_active and not request.user.is_authenticated:
        # The first click of the emailed link signs the new member in; later clicks only
        # lead to the sign-in page (a forwarded old email is not a key to the account).
        login(request, member, backend="django.contrib.auth.backends.ModelBackend")
        if member.awaiting_approval:
            # Every page now says they wait for an administrator (access.middleware).
            return redirect("network:home")
        messages.success(
            request,
            _("Welcome to %(network)s! Your email is confirmed: you can post and comment now.")
            % {"network": request.network.name},
        )
        return redirect(next_url)
    messages.success(request, _("Your email is confirmed. Please sign in."))
    return redirect_to_login(next_url, reverse("members:signin"))


@require_POST
@member_required
def resend_confirmation(request: MemberRequest) -> HttpResponse:
    member = request.user
    next_url = services.safe_next(request.POST.get("next"))
    if member.email_confirmed:
        return redirect(next_url)
    if not may_send_email(request, member.address):
        messages.error(request, _("We have sent several links already. Please try again later."))
    else:
        services.send_confirmation(
            network=request.network,
            member=member,
            next_url=next_url,
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.info(request, _("We sent a new confirmation link to %s.") % member.email)
    return redirect(next_url)


@cache_for_visitors(query=("page", "comments"))
def profile(request: NetworkRequest, handle: str) -> HttpResponse:
    member = get_object_or_404(Member.objects.listed(), handle=handle)
    context = {
        "member": member,
        "can_edit_profile": permissions.can_edit_profile(request.user, member),
        # What other apps show here (the member's blog posts, …): lib/sections.py
        "sections": render_sections("member", request, member),
        "head_sections": render_sections("member_head", request, member),
    }
    return render(request, "members/profile.html", context)


@member_required
def edit_profile(request: MemberRequest) -> HttpResponse:
    member = request.user
    form = ProfileForm(
        request.POST or None,
        request.FILES or None,
        instance=member,
        network_zone=request.network.time_zone,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.update_profile(
                member,
                display_name=form.cleaned_data["display_name"],
                about=form.cleaned_data["about"],
                photo=form.cleaned_data.get("photo"),
                time_zone=form.cleaned_data["time_zone"],
                language=form.cleaned_data["language"],
            )
            profilefields.save_all(member, form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect(member)
    if request.method == "POST":
        # The form's instance was changed by validation; show the stored name in the header.
        member.refresh_from_db(fields=["display_name", "about", "time_zone"])
    return render(request, "members/edit_profile.html", {"form": form}, status=form_status(form))


LEFT_KEEPING = gettext_lazy(
    "You have left %(network)s. Your posts and comments stay, shown as by a former member."
)
LEFT_DELETING = gettext_lazy(
    "You have left %(network)s. Your account, your posts and your comments are deleted."
)


@member_required
def leave(request: MemberRequest) -> HttpResponse:
    """Leaving the network (from the profile settings): a choice for the member's posts and
    comments, confirmed with their password; then they are signed out and told."""
    member = request.user
    may_leave = permissions.can_leave(member)
    if request.method == "POST" and not may_leave:
        raise PermissionDenied(permissions.CREATOR_CANNOT_LEAVE)
    form = LeaveForm(member, request.POST or None)
    if request.method == "POST" and form.is_valid():
        keep = form.keep_content
        services.leave(member, keep_content=keep)
        network_name = request.network.name
        logout(request)  # this session ends now; the others at their next request
        messages.success(
            request,
            (LEFT_KEEPING if keep else LEFT_DELETING) % {"network": network_name},
        )
        return redirect("network:home")
    context = {"form": form, "may_leave": may_leave}
    return render(request, "members/leave.html", context, status=form_status(form))


# The directory's orders (?sort=…): digits, so that visitors' pages of each are cached.
NEWEST, ALPHABETICAL, MOST_ACTIVE = "", "1", "2"
FEATURED_SHOWN = 12
_LISTED_FIELDS = ("handle", "display_name", "photo_thumb", "role")


def _viewer_level(user: object) -> str:
    """Who a search is for, as the apps' matchers tell viewers apart (members/directory.py)."""
    if permissions.is_admin(user):
        return "admin"
    return "member" if permissions.is_member(user) else "visitor"


# How long the "most active" order is kept: counting every member's posts and comments reads
# them all (seconds on a large network), and a ranking a few minutes old is still the ranking.
MOST_ACTIVE_SECONDS = 10 * 60


def _most_active_ids() -> list[int]:
    """Listed members' ids, the most active first (members/directory.py's counters), as
    counted at most MOST_ACTIVE_SECONDS ago. Not invalidated by each comment: on a busy
    network the count would be made again for nearly every request."""
    key = "anjuman:directory:most-active"
    ranked: list[int] | None = cache.get(key)
    if ranked is None:
        members = Member.objects.listed().annotate(activity=directory_hooks.activity())
        ranked = list(
            members.order_by("-activity", "-date_joined", "-id").values_list("pk", flat=True)
        )
        cache.set(key, ranked, MOST_ACTIVE_SECONDS)
    return ranked


def _listed_rows(ids: list[int]) -> "models.QuerySet[Member]":
    return Member.objects.listed().filter(pk__in=ids).only(*_LISTED_FIELDS)


@cache_for_visitors(query=("page", "sort"))
def directory(request: NetworkRequest) -> HttpResponse:
    depends_on("directory")
    sort = request.GET.get("sort", NEWEST)
    if sort not in (ALPHABETICAL, MOST_ACTIVE):
        sort = NEWEST
    typed = request.GET.get("q", "").strip()
    query = typed[:MAX_QUERY_CHARS]
    members = Member.objects.listed()
    if query:
        members = members.filter(directory_hooks.search(request.user, query))
    page: Page[Any]
    if sort == MOST_ACTIVE and directory_hooks.has_activity():
        ranked = _most_active_ids()
        if query:
            matching = set(members.values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in matching]
        ids_page = Paginator(ranked, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
        page = lazy_page(ids_page, _listed_rows)
    else:
        if sort == ALPHABETICAL:
            members = members.order_by("display_name", "id")
        else:
            members = members.order_by("-date_joined", "-id")
        paginator = ListingPaginator(
            members,
            MEMBERS_PER_PAGE,
            count_key=f"members:{_viewer_level(request.user)}:{query}",
            count_tags=["directory"],
            fetch=_listed_rows,
        )
        page = paginator.get_page(request.GET.get("page"))
    with_featured = page.number == 1 and not query

    def render_grid() -> str:
        featured: list[Member] = []
        if with_featured:
            featured = list(
                Member.objects.listed()
                .filter(featured_at__isnull=False)
                .order_by("-featured_at")
                .only(*_LISTED_FIELDS)[:FEATURED_SHOWN]
            )
        return render_to_string(
            "members/_directory_grid.html", {"members": page.object_list, "featured": featured}
        )

    # The same for every viewer of these members: rendered once until one of them changes.
    ids = ",".join(map(str, page_ids(page)))
    grid = cached_fragment(
        f"directory:{ids}:{with_featured}:{get_language()}", render_grid, ["directory"]
    )
    orders = [(NEWEST, _("Newest")), (ALPHABETICAL, _("Alphabetical"))]
    if directory_hooks.has_activity():
        orders.append((MOST_ACTIVE, _("Most active")))
    context = {
        "page": page,
        "grid": grid,
        "query": query,
        "sort": sort,
        "orders": orders,
        "query_too_long": len(typed) > MAX_QUERY_CHARS,
        "typed": typed,  # the search box keeps what was typed, even what was not searched
    }
    # A search longer than the box allows is shortened, and the page says so (400).
    status = 400 if context["query_too_long"] else 200
    return render(request, "members/directory.html", context, status=status)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "members/password_reset_form.html"
    email_template_name = "members/email/password_reset_body.txt"
    subject_template_name = "members/email/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_done")
    form_class = QueuedPasswordResetForm

    def form_valid(self, form: QueuedPasswordResetForm) -> HttpResponse:  # type: ignore[override]
        if not may_send_email(self.request, form.cleaned_data["email"]):
            form.add_error(None, _("Too many reset emails were asked for. Please try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        # The email names the network, not the bare host name.
        self.extra_email_context = {"site_name": self.request.network.name}  # type: ignore[attr-defined]
        return super().form_valid(form)

    def form_invalid(self, form: QueuedPasswordResetForm) -> HttpResponse:  # type: ignore[override]
        return self.render_to_response(self.get_context_data(form=form), status=400)


password_reset = PasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="members/password_reset_done.html"
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password from the emailed link signs the member in on this device, and
    remembers the device (an account under attack still lets its owner in: members/devices.py)."""

    template_name = "members/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("members:password_reset_complete")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        devices.remember(self.request, response, form.user.pk)
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="members/password_reset_complete.html"
)
signout = auth_views.LogoutView.as_view()

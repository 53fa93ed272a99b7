import copy

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from lib.http import MemberRequest, NetworkRequest, form_status, reads_no_session
from lib.pagecache import cache_for_visitors
from lib.sections import render_sections
from members.decorators import role_required
from members.services import safe_next, set_language

from . import services
from .forms import MoveForm, NetworkForm, OrderForm, SetupForm, SidebarBoxForm
from .models import SidebarBox
from .permissions import can_manage_network

# Anjuman's own favicon, for a network that chose none.
DEFAULT_FAVICON = "anjuman/favicon.svg"

manager_required = role_required(
    can_manage_network, gettext_lazy("Only the network's administrators can do this.")
)


@cache_for_visitors
def home(request: NetworkRequest) -> HttpResponse:
    # The network's description, then what each app adds (blogs: the latest posts).
    return render(request, "network/home.html", {"sections": render_sections("home", request)})


@require_safe
@reads_no_session
def favicon(request: NetworkRequest) -> HttpResponse:
    """/favicon.ico, where browsers and feed readers look without reading the page: the
    network's favicon, else Anjuman's own. A redirect, kept a day by the browser."""
    network = request.network
    target = network.favicon.url if network and network.favicon else static(DEFAULT_FAVICON)
    response = redirect(target)
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response


def language(request: NetworkRequest, code: str) -> HttpResponse:
    """Switches the interface language with a plain link.

    Django's own set_language wants a POST with a CSRF token, which would keep every page
    from being cached for visitors; a language preference needs no such protection.
    """
    if code not in dict(django_settings.LANGUAGES):
        raise Http404
    if request.user.is_authenticated:
        # Kept for the member, so it follows them to their other devices.
        set_language(request.user, code)
    response = redirect(safe_next(request.GET.get("next")))
    response.set_cookie(
        django_settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=django_settings.SESSION_COOKIE_SECURE,
    )
    return response


def setup(request: NetworkRequest) -> HttpResponse:
    if request.network is not None:
        return redirect("network:home")
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        network = services.create_network(**form.cleaned_data)
        login(request, network.creator, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your network “%s” is ready.") % network.name)
        return redirect("network:home")
    return render(request, "network/setup.html", {"form": form}, status=form_status(form))


@manager_required
def settings_view(request: MemberRequest) -> HttpResponse:
    # A copy: a form that fails validation has already changed its instance, and the page's
    # header shows request.network.
    form = NetworkForm(
        request.POST or None, request.FILES or None, instance=copy.copy(request.network)
    )
    if request.method == "POST" and form.is_valid():
        logo = form.cleaned_data.get("logo")
        favicon = form.cleaned_data.get("favicon")
        network = form.save(commit=False)
        # A new file (not the one already kept) is stored re-encoded by the service.
        services.update_network(
            network,
            logo=logo if isinstance(logo, UploadedFile) else None,
            favicon=favicon if isinstance(favicon, UploadedFile) else None,
        )
        messages.success(request, _("The network's settings are saved."))
        return redirect("network:settings")
    return render(request, "network/settings.html", {"form": form}, status=form_status(form))


def _order_of(boxes: list[SidebarBox]) -> str:
    return ",".join(str(box.pk) for box in boxes)


@manager_required
def sidebar(request: MemberRequest) -> HttpResponse:
    boxes = list(SidebarBox.objects.all())
    return render(
        request,
        "network/sidebar_list.html",
        {
            "boxes": boxes,
            "order_form": OrderForm(initial={"order": ",".join(str(b.pk) for b in boxes)}),
        },
    )


@manager_required
def sidebar_edit(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    box = get_object_or_404(SidebarBox, pk=pk) if pk else SidebarBox()
    form = SidebarBoxForm(request.POST or None, instance=box)
    if request.method == "POST" and form.is_valid():
        saved = services.save_sidebar_box(form.instance, by=request.user, last=form.goes_last)
        if saved.is_feed and pk is None:
            messages.success(
                request, _("The feed box is saved; its feed is being read and shows in a moment.")
            )
        else:
            messages.success(request, _("The sidebar box is saved."))
        return redirect("network:sidebar")
    return render(
        request, "network/sidebar_form.html", {"form": form, "box": box}, status=form_status(form)
    )


@manager_required
def sidebar_delete(request: MemberRequest, pk: int) -> HttpResponse:
    box = get_object_or_404(SidebarBox, pk=pk)
    if request.method == "POST":
        services.delete_sidebar_box(box, by=request.user)
        messages.success(request, _("The sidebar box “%s” is deleted.") % box.title)
        return redirect("network:sidebar")
    return render(request, "network/sidebar_confirm_delete.html", {"box": box})


@require_POST
@manager_required
def sidebar_move(request: MemberRequest, pk: int) -> HttpResponse:
    """“Move up” / “Move down”: a form per box, which works without JavaScript."""
    box = get_object_or_404(SidebarBox, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose up or down."))
    services.move_sidebar_box(box, up=form.cleaned_data["direction"] == "up", by=request.user)
    return redirect(f"{reverse('network:sidebar')}#box-{box.pk}")


@require_POST
@manager_required
def sidebar_order(request: MemberRequest) -> HttpResponse:
    """The whole order at once, as drag and drop sends it (network/static/network/sidebar.js);
    204 for the script, back to the list for a form."""
    form = OrderForm(request.POST)
    if form.is_valid():
        try:
            services.order_sidebar_boxes(form.cleaned_data["order"], by=request.user)
        except ValueError:
            form.add_error("order", _("The list changed meanwhile: reload the page and try again."))
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(str(e) for e in form.errors.get("order", [])))
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    messages.success(request, _("The order of the boxes is saved."))
    return redirect("network:sidebar")

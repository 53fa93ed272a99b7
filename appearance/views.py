from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from lib.http import MemberRequest, NetworkRequest, form_status
from members.decorators import role_required

from . import services, stylesheets, themes
from .forms import AppearanceForm, CustomCssForm
from .permissions import can_change_appearance, can_change_custom_css

manager_required = role_required(
    can_change_appearance, gettext_lazy("Only the network's administrators can do this.")
)
YEAR = 365 * 24 * 3600


def _initial(request: MemberRequest) -> dict[str, str]:
    network = request.network
    colours = themes.colours_of(network.theme, network.colours)
    return {
        "theme": network.theme if network.theme in themes.BY_KEY else themes.CUSTOM,
        "background": colours.background,
        "surface": colours.surface,
        "text": colours.text,
        "accent": colours.accent,
        "footer_text": network.footer_text,
    }


def _page(
    request: MemberRequest, form: AppearanceForm, css_form: CustomCssForm | None, status: int
) -> HttpResponse:
    return render(
        request,
        "appearance/manage.html",
        {"form": form, "css_form": css_form, "presets": themes.PRESETS},
        status=status,
    )


@manager_required
def manage(request: MemberRequest) -> HttpResponse:
    form = AppearanceForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        theme = form.cleaned_data["theme"]
        services.set_appearance(
            request.network,
            theme=theme,
            colours=form.custom_colours() if theme == themes.CUSTOM else None,
            footer_text=form.cleaned_data["footer_text"],
            by=request.user,
        )
        messages.success(request, _("The network's appearance is saved."))
        return redirect("appearance:manage")
    css_form = (
        CustomCssForm(initial={"custom_css": request.network.custom_css})
        if can_change_custom_css(request.user)
        else None
    )
    return _page(request, form, css_form, form_status(form))


@require_POST
@manager_required
def custom_css_edit(request: MemberRequest) -> HttpResponse:
    if not can_change_custom_css(request.user):
        raise PermissionDenied(_("Only the network's creator can change its CSS."))
    css_form = CustomCssForm(request.POST)
    if css_form.is_valid():
        typed = css_form.cleaned_data["custom_css"]
        kept = services.set_custom_css(request.network, typed, by=request.user)
        if kept.strip() != typed.strip() and typed.strip():
            messages.warning(
                request,
                _(
                    "Your CSS is saved; what was not ordinary, safe CSS was left out: "
                    "check it below."
                ),
            )
        else:
            messages.success(request, _("Your CSS is saved."))
        return redirect("appearance:manage")
    form = AppearanceForm(initial=_initial(request))
    return _page(request, form, css_form, form_status(css_form))


def _stylesheet(request: NetworkRequest, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == themes.version(text):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def theme_css(request: NetworkRequest) -> HttpResponse:
    return _stylesheet(request, stylesheets.theme_css(request.network))


@require_GET
def custom_css(request: NetworkRequest) -> HttpResponse:
    return _stylesheet(request, stylesheets.custom_css(request.network.custom_css))

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lib.cachetags import depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from members.decorators import role_required

from . import services
from .forms import PageForm
from .models import PAGES_TAG, Page, page_tag
from .permissions import can_manage_pages, can_view_page

manager_required = role_required(
    can_manage_pages, gettext_lazy("Only the network's administrators can do this.")
)


@cache_for_visitors(query=())
def index(request: NetworkRequest) -> HttpResponse:
    depends_on(PAGES_TAG)
    pages = Page.objects.visible_to(request.user).only("title", "slug", "published")
    return render(request, "pages/index.html", {"pages": pages})


@cache_for_visitors(query=())
def page(request: NetworkRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Page, slug=slug)
    if not can_view_page(request.user, found):
        raise Http404
    depends_on(page_tag(found.pk))
    return render(
        request,
        "pages/page.html",
        {"page": found, "can_manage": can_manage_pages(request.user)},
    )


@manager_required
def manage(request: MemberRequest) -> HttpResponse:
    pages = Page.objects.only("title", "slug", "published", "in_navigation", "position")
    return render(request, "pages/manage.html", {"pages": pages})


@manager_required
def edit(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(Page, pk=pk) if pk is not None else Page()
    form = PageForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_page(form.save(commit=False), by=request.user)
        except services.TooManyPages:
            form.add_error(
                None, _("A network has at most %d pages: delete one first.") % services.MAX_PAGES
            )
        else:
            messages.success(request, _("The page “%s” is saved.") % saved.title)
            return redirect("pages:manage")
    return render(
        request,
        "pages/form.html",
        {"form": form, "page": instance},
        status=form_status(form),
    )


@manager_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Page, pk=pk)
    if request.method == "POST":
        services.delete_page(found, by=request.user)
        messages.success(request, _("The page “%s” is deleted.") % found.title)
        return redirect("pages:manage")
    return render(request, "pages/confirm_delete.html", {"page": found})


@require_POST
@manager_required
def move(request: MemberRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Page, pk=pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponse(_("Move a page up or down."), status=400)
    services.move_page(found, "up" if direction == "up" else "down", by=request.user)
    return redirect("pages:manage")

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.http import MemberRequest, form_status
from members.decorators import role_required
from network.permissions import can_manage_network

from . import services
from .forms import FeaturesForm

manager_required = role_required(
    can_manage_network, gettext_lazy("Only the network's administrators can do this.")
)


@manager_required
def manage(request: MemberRequest) -> HttpResponse:
    network = request.network
    form = FeaturesForm(
        request.POST if request.method == "POST" else None, off=list(network.features_off or [])
    )
    if request.method == "POST" and form.is_valid():
        services.set_features(network, form.switched_on(), by=request.user)
        messages.success(request, _("The network's features are saved."))
        return redirect("features:manage")
    return render(request, "features/manage.html", {"form": form}, status=form_status(form))

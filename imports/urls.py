"""The administrators' page of an import: imported members and their invitations. (Old Ning
addresses have no route: imports.middleware answers them.)"""

from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("manage/imports/", views.manage, name="manage"),
    path("manage/imports/invite/", views.invite, name="invite"),
]

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "moderation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("report/<slug:kind>/<int:pk>/", views.report, name="report"),
    path("manage/moderation/", views.queue, name="queue"),
    path("manage/moderation/log/", views.log, name="log"),
    path("manage/moderation/pending/", views.pending, name="pending"),
    path("manage/moderation/members/<int:pk>/", views.member_record, name="member"),
    path("manage/moderation/members/<int:pk>/suspend/", views.suspend, name="suspend"),
    path("manage/moderation/members/<int:pk>/reinstate/", views.reinstate, name="reinstate"),
    path("manage/moderation/<slug:kind>/<int:pk>/<slug:action>/", views.act, name="act"),
]

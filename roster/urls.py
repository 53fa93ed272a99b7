from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "roster"
urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/members/", views.member_list, name="members"),
    path("manage/members/export.csv", views.export, name="export"),
    path("manage/members/<int:pk>/", views.member_admin, name="member"),
    path("manage/members/<int:pk>/role/", views.member_role, name="role"),
    path("manage/members/<int:pk>/badges/", views.member_badges, name="member_badges"),
    path("manage/members/<int:pk>/suspend/", views.member_suspend, name="suspend"),
    path("manage/members/<int:pk>/reinstate/", views.member_reinstate, name="reinstate"),
    path("manage/members/<int:pk>/remove/", views.member_remove, name="remove"),
    path("manage/badges/", views.badge_list, name="badges"),
    path("manage/badges/new/", views.badge_edit, name="badge_new"),
    path("manage/badges/<int:pk>/", views.badge_edit, name="badge_edit"),
    path("manage/badges/<int:pk>/delete/", views.badge_delete, name="badge_delete"),
    path("manage/hand-over/", views.hand_over, name="hand_over"),
    path("manage/hand-over/cancel/", views.hand_over_cancel, name="hand_over_cancel"),
    path("manage/hand-over/<int:pk>/", views.hand_over_answer, name="hand_over_answer"),
]

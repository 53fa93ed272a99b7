from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "access"
urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/access/", views.settings_view, name="settings"),
    path("manage/access/pending/", views.pending, name="pending"),
    path("manage/access/pending/<int:pk>/approve/", views.approve, name="approve"),
    path("manage/access/pending/<int:pk>/decline/", views.decline, name="decline"),
    path("invite/", views.invite, name="invite"),
    path("invite/sent/", views.invitations, name="invitations"),
    path("invite/sending/<int:pk>/", views.batch, name="batch"),
    path("invite/sent/<int:pk>/resend/", views.resend, name="resend"),
    path("invite/sent/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("invite/<str:token>/", views.accept, name="accept"),
]

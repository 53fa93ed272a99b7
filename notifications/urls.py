from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read/", views.mark_all_read, name="mark_all_read"),
    path("notifications/<int:pk>/", views.open_notification, name="open"),
    path("notifications/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("notifications/settings/", views.preferences, name="settings"),
    path("notifications/mentions/", views.mention_candidates, name="mentions"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

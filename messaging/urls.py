from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "messaging"
urlpatterns: list[URLPattern | URLResolver] = [
    path("messages/", views.inbox, name="inbox"),
    path("messages/sent/", views.sent, name="sent"),
    path("messages/archive/", views.archive, name="archive"),
    path("messages/new/", views.compose, name="compose"),
    path("messages/to/<str:handles>/", views.write, name="write"),
    path("messages/recipients/", views.recipients, name="recipients"),
    path("messages/<int:pk>/", views.thread, name="thread"),
    path("messages/<int:pk>/reply/", views.reply, name="reply"),
    path("messages/<int:pk>/archive/", views.archive_thread, name="archive_thread"),
    path("messages/<int:pk>/unarchive/", views.unarchive_thread, name="unarchive_thread"),
    path("messages/<int:pk>/delete/", views.delete, name="delete"),
    path("messages/everyone/", views.broadcast, name="broadcast"),
    path("messages/everyone/<int:pk>/", views.broadcast_progress, name="broadcast_progress"),
    path("manage/messages/", views.manage, name="manage"),
]

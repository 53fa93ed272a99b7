from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "events"

urlpatterns: list[URLPattern | URLResolver] = [
    path("events/", views.upcoming, name="upcoming"),
    path("events/past/", views.past, name="past"),
    path("events/mine/", views.mine, name="mine"),
    path("events/new/", views.create, name="create"),
    path("events/upcoming.ics", views.upcoming_ics, name="upcoming_ics"),
    path("events/calendar/", views.calendar_now, name="calendar_now"),
    path("events/calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar"),
    path("events/<int:pk>/", views.detail, name="short"),
    path("events/<int:pk>/edit/", views.edit, name="edit"),
    path("events/<int:pk>/delete/", views.delete, name="delete"),
    path("events/<int:pk>/hide/", views.hide, name="hide"),
    path("events/<int:pk>/unhide/", views.unhide, name="unhide"),
    path("events/<int:pk>/rsvp/", views.rsvp, name="rsvp"),
    path("events/<int:pk>/invite/", views.invite, name="invite"),
    path("events/<int:pk>/event.ics", views.event_ics, name="ics"),
    path("events/<int:pk>/<str:slug>/", views.detail, name="detail"),
]

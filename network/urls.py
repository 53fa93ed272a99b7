from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.home, name="home"),
    path("setup/", views.setup, name="setup"),
    path("language/<str:code>/", views.language, name="language"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("manage/", views.settings_view, name="settings"),
    path("manage/sidebar/", views.sidebar, name="sidebar"),
    path("manage/sidebar/new/", views.sidebar_edit, name="sidebar_new"),
    path("manage/sidebar/<int:pk>/", views.sidebar_edit, name="sidebar_edit"),
    path("manage/sidebar/<int:pk>/delete/", views.sidebar_delete, name="sidebar_delete"),
    path("manage/sidebar/<int:pk>/move/", views.sidebar_move, name="sidebar_move"),
    path("manage/sidebar/order/", views.sidebar_order, name="sidebar_order"),
]

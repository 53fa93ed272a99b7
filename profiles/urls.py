from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("manage/questions/", views.questions, name="questions"),
    path("manage/questions/new/", views.question_edit, name="question_new"),
    path("manage/questions/<int:pk>/", views.question_edit, name="question_edit"),
    path("manage/questions/<int:pk>/remove/", views.question_remove, name="question_remove"),
    path("manage/questions/<int:pk>/move/", views.question_move, name="question_move"),
    path("members/<str:handle>/feature/", views.feature, name="feature"),
]

from django.urls import path

from . import views

app_name = "groups"

urlpatterns = [
    path("groups/", views.group_list, name="list"),
    path("groups/<slug:slug>/", views.group_detail, name="detail"),
    path("groups/<slug:slug>/join/", views.group_join, name="join"),
    path("groups/<slug:slug>/leave/", views.group_leave, name="leave"),
    path("my/groups/", views.my_groups, name="mine"),
    path("my/groups/calendar/new/", views.calendar_regenerate, name="calendar_new"),
    path("calendar/groups/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("my/groups/sessions/<int:session_id>/absence/", views.session_absence, name="absence"),
]

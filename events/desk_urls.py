"""The door desk and the booth pages, for cooperative staff and booth members (views in ``desk.py``)."""

from django.urls import path

from . import desk

urlpatterns = [
    path("fairs/<slug:slug>/desk/", desk.desk, name="desk"),
    path("fairs/<slug:slug>/desk/scan/", desk.desk_scan, name="desk_scan"),
    path("fairs/<slug:slug>/desk/undo/", desk.desk_undo, name="desk_undo"),
    path("fairs/<slug:slug>/desk/walk-in/", desk.desk_walk_in, name="desk_walk_in"),
    path("fairs/<slug:slug>/desk/search/", desk.desk_search, name="desk_search"),
    path("fairs/<slug:slug>/desk/counts/", desk.desk_counts, name="desk_counts"),
    path("fairs/<slug:slug>/booths/<int:booth_id>/", desk.booth, name="booth"),
    path("fairs/<slug:slug>/booths/<int:booth_id>/stamp/", desk.booth_stamp, name="booth_stamp"),
    path("fairs/<slug:slug>/booths/<int:booth_id>/poster/", desk.booth_poster, name="booth_poster"),
]

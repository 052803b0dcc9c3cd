from django.urls import path

from . import desk_urls, views

app_name = "events"

urlpatterns = [
    path("fair/", views.fair_current, name="current"),
    path("fairs/<slug:slug>/", views.fair_detail, name="fair"),
    path("fairs/<slug:slug>/register/", views.register, name="register"),
    path("fairs/<slug:slug>/booths/apply/", views.booth_apply_public, name="booth_apply"),
    path("fairs/<slug:slug>/tickets/<str:secret>/", views.ticket, name="ticket"),
    path("fairs/<slug:slug>/tickets/<str:secret>/cancel/", views.ticket_cancel, name="ticket_cancel"),
    path("fairs/<slug:slug>/tickets/<str:secret>/book/", views.program_book, name="program_book"),
    path("fairs/<slug:slug>/tickets/<str:secret>/unbook/", views.program_unbook, name="program_unbook"),
    path("fairs/<slug:slug>/tickets/<str:secret>/qr.png", views.ticket_qr, name="ticket_qr"),
    path("fairs/<slug:slug>/tickets/<str:secret>/calendar.ics", views.ticket_ics, name="ticket_ics"),
    path("fairs/<slug:slug>/stamp/<str:token>/", views.poster_stamp, name="poster_stamp"),
    # The ticket by a short address for text messages.
    path("t/<str:secret>/", views.ticket_short, name="ticket_short"),
    # The door desk and the booth pages (staff and booth members): desk_urls.py, views in desk.py.
    *desk_urls.urlpatterns,
]

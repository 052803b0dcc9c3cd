"""찜: the 찜한 것 page and the button's address, under /my/saved/ (web/urls.py includes this)."""

from django.urls import path

from . import views_saved

app_name = "saved"

urlpatterns = [
    path("", views_saved.saved_list, name="list"),
    path("<slug:kind>/<int:pk>/", views_saved.saved_change, name="change"),
]

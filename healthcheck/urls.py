from django.urls import path

from . import views

app_name = "healthcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("quick/", views.take_test, {"kind": "quick"}, name="quick"),
    path("detailed/", views.take_test, {"kind": "detailed"}, name="detailed"),
    path("results/<uuid:token>/", views.results, name="results"),
    path("results/<uuid:token>/save/", views.save_result, name="save"),
    path("results/<uuid:token>/delete/", views.delete_result, name="delete"),
    path("go/<str:kind>/<int:object_id>/", views.go, name="go"),
    path("history/", views.history, name="history"),
    path("history/delete-all/", views.delete_all, name="delete_all"),
]

from django.urls import path

from . import views

# The service page itself ("catalog:service_detail") shows reviews and the cart form too; it is composed
# and routed on the top floor (web/urls.py), in this namespace.

app_name = "catalog"

urlpatterns = [
    path("services/", views.service_list, name="service_list"),
    path("providers/", views.provider_list, name="provider_list"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("partners/join/", views.partner_join, name="partner_join"),
    path("partners/join/thanks/", views.partner_thanks, name="partner_thanks"),
]

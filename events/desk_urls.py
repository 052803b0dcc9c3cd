"""The door desk and the booth pages, for cooperative staff and booth members (views in ``desk.py``)."""

urlpatterns: list = []

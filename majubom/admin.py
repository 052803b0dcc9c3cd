from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import NotificationLog, User
from .privacy import PRIVATE_MODELS


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    ordering = ["email"]
    list_display = ["email", "name", "district", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "district"]
    search_fields = ["email", "name", "phone"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("개인 정보"), {"fields": ["name", "phone", "district", "birth_year"]}),
        (_("권한"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("중요한 날짜"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_deleted_objects(self, objs, request):
        """The confirmation lists what else goes with the account, but a resident's private records
        (health tests) only by how many: their kinds and dates are nobody else's business."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in PRIVATE_MODELS)
        if not prefixes:
            return deleted, counts, perms_needed, protected
        deleted = _hide_private_rows(deleted, prefixes)
        for model in PRIVATE_MODELS:
            n = counts.get(model._meta.verbose_name_plural)
            if n:
                deleted.append(
                    _("%(name)s %(n)d건 (민감정보라 내용은 보여 드리지 않아요)")
                    % {"name": model._meta.verbose_name_plural, "n": n}
                )
        return deleted, counts, perms_needed, protected

    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "name", "usable_password", "password1", "password2"]},
        )
    ]


def _hide_private_rows(rows, prefixes: tuple[str, ...]):
    kept = []
    for row in rows:
        if isinstance(row, list):
            kept.append(_hide_private_rows(row, prefixes))
        elif not str(row).startswith(prefixes):
            kept.append(row)
    return kept


@admin.register(NotificationLog)
class NotificationLogAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key", "recipient", "subject"]
    readonly_fields = ["key", "recipient", "subject", "status", "attempts", "created_at", "sent_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

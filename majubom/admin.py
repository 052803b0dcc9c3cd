from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Consent, NotificationLog, User
from .privacy import PRIVATE_MODELS


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class ConsentInline(admin.TabularInline):
    """What the person agreed to and when, for staff to read: the record is the person's own act, so
    nobody changes, adds or deletes it here (marketing is switched by the person on 내 정보)."""

    model = Consent
    extra = 0
    can_delete = False
    fields = ["kind", "version", "agreed_at", "withdrawn_at", "source"]
    readonly_fields = fields
    ordering = ["kind", "-agreed_at"]
    verbose_name_plural = _("동의 기록 (읽기 전용)")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        # Whoever may see the user may see what they agreed to.
        return (
            request.user.is_active
            and request.user.is_staff
            and (request.user.has_perm("majubom.view_user") or request.user.has_perm("majubom.change_user"))
        )


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    inlines = [ConsentInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

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

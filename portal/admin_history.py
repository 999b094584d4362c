"""Read-only change history in the admin (django-simple-history)."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Who changed what and when, with the previous values; never a revert.

    Reverting saves an old version straight through the admin form, which would
    bypass the workflow services (status, publication, permissions), and the
    library lets anyone who may only view an object post that form.
    """

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

"""Exchange activities as a spreadsheet (see portal/imports/)."""

from import_export import fields

from partners.models import Partner
from portal.imports.resources import SpreadsheetResource, per_language
from portal.imports.widgets import DateWidget, KeysWidget, KeyWidget
from portal.taxonomy.models import Country, Theme

from .models import Activity, Project


class ActivitySheet(SpreadsheetResource):
    project = fields.Field(
        attribute="project", column_name="project", widget=KeyWidget(Project, "slug")
    )
    start_date = fields.Field(
        attribute="start_date", column_name="start_date", widget=DateWidget()
    )
    end_date = fields.Field(
        attribute="end_date", column_name="end_date", widget=DateWidget()
    )
    host_country = fields.Field(
        attribute="host_country",
        column_name="host_country",
        widget=KeyWidget(Country, "iso3"),
    )
    providers = fields.Field(
        attribute="providers",
        column_name="providers",
        widget=KeysWidget(Partner, field="slug"),
    )
    beneficiaries = fields.Field(
        attribute="beneficiaries",
        column_name="beneficiaries",
        widget=KeysWidget(Partner, field="slug"),
    )
    themes = fields.Field(
        attribute="themes", column_name="themes", widget=KeysWidget(Theme, field="slug")
    )

    class Meta(SpreadsheetResource.Meta):
        model = Activity
        fields = (
            "slug",
            "status",
            "kind",
            *per_language("title", "summary", "body", "outcomes"),
            "project",
            "start_date",
            "end_date",
            "format",
            *per_language("city"),
            "host_country",
            "providers",
            "beneficiaries",
            "themes",
            "participants",
            "women_participants",
        )
        export_order = fields
        import_order = fields

    def with_export_data(self, queryset):
        return queryset.select_related("project", "host_country").prefetch_related(
            "providers", "beneficiaries", "themes"
        )

"""Library resources as a spreadsheet (see portal/imports/).

Documents are files and stay out of the sheet: upload them in the admin.
"""

from import_export import fields

from portal.imports.resources import SpreadsheetResource, per_language
from portal.imports.widgets import DateWidget, KeysWidget
from portal.taxonomy.models import Country, Region, Theme
from programme.models import Activity

from .models import Resource


class ResourceSheet(SpreadsheetResource):
    published_on = fields.Field(
        attribute="published_on", column_name="published_on", widget=DateWidget()
    )
    themes = fields.Field(
        attribute="themes", column_name="themes", widget=KeysWidget(Theme, field="slug")
    )
    regions = fields.Field(
        attribute="regions",
        column_name="regions",
        widget=KeysWidget(Region, field="slug"),
    )
    countries = fields.Field(
        attribute="countries",
        column_name="countries",
        widget=KeysWidget(Country, field="iso3"),
    )
    activities = fields.Field(
        attribute="activities",
        column_name="activities",
        widget=KeysWidget(Activity, field="slug"),
    )

    class Meta(SpreadsheetResource.Meta):
        model = Resource
        fields = (
            "slug",
            "status",
            "kind",
            *per_language("title", "summary", "body", "url"),
            "published_on",
            *per_language("publisher"),
            "access",
            "themes",
            "regions",
            "countries",
            "activities",
        )
        export_order = fields
        import_order = fields

    def with_export_data(self, queryset):
        return queryset.prefetch_related("themes", "regions", "countries", "activities")

"""Partners as a spreadsheet (see portal/imports/)."""

from import_export import fields

from portal.imports.resources import SpreadsheetResource, per_language
from portal.imports.widgets import KeysWidget, KeyWidget
from portal.taxonomy.models import Country, Region, Theme

from .models import Partner


class PartnerSheet(SpreadsheetResource):
    country = fields.Field(
        attribute="country", column_name="country", widget=KeyWidget(Country, "iso3")
    )
    region = fields.Field(
        attribute="region", column_name="region", widget=KeyWidget(Region, "slug")
    )
    offers = fields.Field(
        attribute="offers", column_name="offers", widget=KeysWidget(Theme, field="slug")
    )
    seeks = fields.Field(
        attribute="seeks", column_name="seeks", widget=KeysWidget(Theme, field="slug")
    )

    class Meta(SpreadsheetResource.Meta):
        model = Partner
        fields = (
            "slug",
            "status",
            "kind",
            *per_language("name", "acronym", "summary", "description"),
            "country",
            "region",
            "website",
            "offers",
            "seeks",
            "since",
        )
        export_order = fields
        import_order = fields

    def with_export_data(self, queryset):
        return queryset.select_related("country", "region").prefetch_related(
            "offers", "seeks"
        )

"""Spreadsheet import and export of content for staff (django-import-export).

Partners, activities and resources go to and from CSV and XLSX with one column per
language (``title_ru``, ``title_en``...), natural keys for relations (slugs, ISO
codes) and ``slug`` as the row's identity.

The editorial rules an import keeps (see ``resources.SpreadsheetResource``):

- it creates drafts and edits existing items; it never changes ``status``;
- a row for an item in review, published or archived is an error unless the user
  may publish that kind of item (a publisher's correction; the status stays);
- every row needs the Russian text of the model's required translated fields;
- one bad row and nothing is written: the admin shows a dry run first, and the
  real run rolls back on any error.
"""

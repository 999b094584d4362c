"""Rich text: the admin edits it with django-prose-editor; nh3 cleans it on save.

The editor's allowlist and the server's allowlist come from one configuration, so
what an editor can write is exactly what survives sanitising.
"""

from django_prose_editor.fields import ProseEditorField

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


class RichTextField(ProseEditorField):
    """A TextField of sanitised HTML, whatever path the value took to the database.

    ProseEditorField sanitises in ``clean()`` only (forms, ``full_clean``); we also
    sanitise in ``pre_save`` so that code which saves directly cannot store a script.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(RICH_TEXT_EXTENSIONS))
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = self.sanitize(value)
            setattr(model_instance, self.attname, value)
        return value


def sanitize_html(html: str) -> str:
    """Clean HTML with the same allowlist as the editor (for imports and forms)."""
    return RichTextField().sanitize(html or "")

"""Every upload goes through here: type detected from the content, an allowlist,
size limits per kind, images re-encoded, names generated.

Model fields: ``CheckedFileField`` (documents) and ``CheckedImageField``; forms:
``UploadFormField`` and ``MultipleUploadField``; code: ``check_upload``.
"""

from .checks import (
    ATTACHMENTS,
    DOCUMENTS,
    IMAGES,
    TYPES,
    CheckedUpload,
    FileType,
    check_upload,
    display_name,
)
from .fields import (
    CheckedFileField,
    CheckedImageField,
    MultipleUploadField,
    UploadFormField,
    UploadValidator,
)

__all__ = [
    "ATTACHMENTS",
    "DOCUMENTS",
    "IMAGES",
    "TYPES",
    "CheckedFileField",
    "CheckedImageField",
    "CheckedUpload",
    "FileType",
    "MultipleUploadField",
    "UploadFormField",
    "UploadValidator",
    "check_upload",
    "display_name",
]

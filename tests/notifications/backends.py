"""Mail backends that answer like a refusing SMTP server, for unit tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

# The SMTP code the next sends are refused with; None lets them through.
refuse_with: list[int | None] = []


class RefusingBackend(EmailBackend):
    """Refuses each message with the next code in ``refuse_with``, then accepts."""

    def send_messages(self, messages):
        code = refuse_with.pop(0) if refuse_with else None
        if code is not None:
            raise smtplib.SMTPRecipientsRefused(
                {m.to[0]: (code, b"refused by the test") for m in messages}
            )
        return super().send_messages(messages)

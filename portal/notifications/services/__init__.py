"""The outbox: publications become deliveries, deliveries become mails.

Nothing is lost: an Event is written with the publication, a Delivery row exists
before any mail is sent, and the sweeper re-queues whatever was left pending
(broker down, worker killed). Nothing is sent twice: a Delivery is unique per
subscription and event, and a send holds its row locked from the check of its
status to the commit of ``sent``; only a mail the SMTP server accepted at the
instant a worker died can go twice.
"""

from .outbox import (
    CHUNK_SIZE,
    event_dispatch,
    event_queue_dispatch,
    matching_subscriptions,
    outbox_sweep,
    queue_on_commit,
    subscriptions_purge_unconfirmed,
)
from .sending import (
    TemporaryMailError,
    deliveries_send,
    delivery_resend,
    delivery_send,
    digest_send,
    digests_queue,
    retry_delay,
)
from .staff import (
    content_submitted_notify,
    proposal_submitted_notify,
    publishers_notify,
)

__all__ = [
    "CHUNK_SIZE",
    "TemporaryMailError",
    "content_submitted_notify",
    "deliveries_send",
    "delivery_resend",
    "delivery_send",
    "digest_send",
    "digests_queue",
    "event_dispatch",
    "event_queue_dispatch",
    "matching_subscriptions",
    "outbox_sweep",
    "proposal_submitted_notify",
    "publishers_notify",
    "queue_on_commit",
    "retry_delay",
    "subscriptions_purge_unconfirmed",
]

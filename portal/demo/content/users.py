"""The three demo accounts: one per kind of signed-in user except the superuser."""

from portal.accounts.models import (
    EDITORS_GROUP,
    MISSION_MEMBERS_GROUP,
    PUBLISHERS_GROUP,
)

USERS = [
    {
        "email": "editor@example.org",
        "full_name": "Demo Editor",
        "group": EDITORS_GROUP,
        "is_staff": True,
        "preferred_language": "ru",
        "country": None,
        "organisation": "UNCCT",
    },
    {
        "email": "publisher@example.org",
        "full_name": "Demo Publisher",
        "group": PUBLISHERS_GROUP,
        "is_staff": True,
        "preferred_language": "en",
        "country": None,
        "organisation": "UNCCT",
    },
    {
        "email": "mission@example.org",
        "full_name": "Demo Mission Member",
        "group": MISSION_MEMBERS_GROUP,
        "is_staff": False,
        "preferred_language": "en",
        "country": "KEN",
        "organisation": "Permanent Mission of Kenya to the United Nations",
    },
]

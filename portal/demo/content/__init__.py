"""The demo content as plain data, written for people who try the portal.

Conventions used by every module here:

- a translated text is a pair ``(russian, english)``;
- prose is a pair of lists of paragraphs, ``([ru, ...], [en, ...])``, which the
  loader wraps in ``<p>``; a few long texts (projects, pages) are HTML already;
- themes, regions and countries are referred to by the slugs and ISO codes of the
  reference data (``portal/taxonomy/data``), partners and activities by their slug.

Everything here is fictional: the organisations are real or plausible, but the
activities, figures, documents and focal points are invented for the demonstration.
"""

# Theme slugs of the reference data, short enough to keep the tables readable.
PVE = "prevention-violent-extremism"
CTF = "countering-terrorist-financing"
BSM = "border-security-management"
CJ = "criminal-justice-rule-of-law"
VOT = "victims-of-terrorism"
CYB = "cybersecurity-new-technologies"
HR = "human-rights"
GEN = "gender-women-peace-security"
CI = "critical-infrastructure-soft-targets"
FTF = "foreign-terrorist-fighters"
COM = "strategic-communications"
YTH = "youth-engagement"
NCS = "national-ct-strategies"

# Region slugs of the reference data.
AFRICA = "africa"
ASIA = "asia-pacific"
MIDDLE_EAST = "middle-east"
LATAM = "latin-america-caribbean"
OTHER = "other"

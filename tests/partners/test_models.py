import pytest
from django.db import IntegrityError, transaction

from tests.factories import ContactFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_a_partner_has_one_primary_focal_point_at_most():
    partner = PartnerFactory()
    ContactFactory(partner=partner, is_primary=True)
    ContactFactory(partner=partner, is_primary=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactFactory(partner=partner, is_primary=True)


def test_partner_since_must_be_a_plausible_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(since=1200)


def test_a_partner_page_lives_under_its_slug_in_each_language():
    from django.utils import translation

    partner = PartnerFactory(slug="kenya-ctc")
    with translation.override("en"):
        assert partner.get_absolute_url() == "/en/partners/kenya-ctc/"
    with translation.override("ru"):
        assert partner.get_absolute_url() == "/ru/partners/kenya-ctc/"

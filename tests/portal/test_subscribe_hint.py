"""A list filtered by theme offers the subscription to those themes."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name", ["resources:list", "programme:activity_list", "partners:list"]
)
def test_a_theme_filter_links_to_the_subscription_with_those_themes(client, url_name):
    theme = factories.ThemeFactory(slug="border-security")
    url = reverse(url_name)
    assert "subscribe/?theme" not in client.get(url).content.decode()
    page = client.get(url, {"theme": theme.slug}).content.decode()
    assert f"{reverse('notifications:subscribe')}?theme=border-security" in page


def test_the_subscription_form_starts_with_the_linked_themes(client):
    theme = factories.ThemeFactory(slug="border-security")
    response = client.get(reverse("notifications:subscribe"), {"theme": theme.slug})
    assert response.context["form"].initial["themes"] == [theme]

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/ru/resources/", "/ru/feeds/resources"),
        ("/en/programme/activities/", "/en/feeds/activities"),
    ],
)
def test_list_pages_announce_their_feeds(client, page, feed):
    html = client.get(page).content.decode()
    assert 'type="application/rss+xml" title="' in html
    assert f'href="{feed}.rss"' in html
    assert f'href="{feed}.atom"' in html

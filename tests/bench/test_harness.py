"""The bench harness, kept honest without the big data set or a real server.

The load generator against a tiny local HTTP server, the percentiles, the reading
of wrk's report, the targets, and the row builders at a tiny size on the test
database.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from partners.models import Contact, Partner
from portal.publishing import Status
from programme.models import Activity, Photo, Project
from resources.models import Resource
from tests import factories
from tests.bench.dataset import generate, ship_files
from tests.bench.load import PythonClient, Result, _parse_wrk, percentile
from tests.bench.pages import DETAIL, LIST, Page
from tests.bench.report import Row, summary, table, verdict
from tests.bench.rows import Sizes

DELAY = 0.005


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the client expects
    served = 0
    lock = threading.Lock()

    def do_GET(self):
        time.sleep(DELAY)
        with _Handler.lock:
            _Handler.served += 1
        body = b"ok"
        self.send_response(500 if self.path == "/error" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tiny_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    _Handler.served = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_python_client_counts_every_request_and_its_latency(tiny_server):
    result = PythonClient().run(f"{tiny_server}/", connections=2, seconds=1)

    assert result.requests == _Handler.served
    assert result.requests > 20
    assert result.errors == 0
    assert 0.9 <= result.seconds < 3
    assert result.rps == pytest.approx(result.requests / result.seconds)
    assert DELAY * 1000 <= result.p50_ms <= result.p95_ms <= result.p99_ms
    assert result.p99_ms <= result.max_ms


def test_python_client_counts_error_statuses(tiny_server):
    result = PythonClient().run(f"{tiny_server}/error", connections=1, seconds=0.3)

    assert result.requests == _Handler.served > 0
    assert result.errors == result.requests


def test_percentiles_are_nearest_rank_over_every_value():
    values = [float(number) for number in range(1, 101)]

    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile(values, 100) == 100
    assert percentile([7.0], 95) == 7
    assert percentile([], 95) == 0
    # Not an average: one slow request in twenty shows at p95 and above only.
    skewed = sorted([1.0] * 19 + [100.0])
    assert percentile(skewed, 50) == 1
    assert percentile(skewed, 95) == 1
    assert percentile(skewed, 96) == 100


def test_wrk_report_line_is_read_in_milliseconds():
    result = _parse_wrk("BENCH-RESULT 500 5000000 0 1 0 2 0 8000 15500 30000 42000")

    assert result.requests == 500
    assert result.rps == 100
    assert result.errors == 3
    assert (result.p50_ms, result.p95_ms, result.p99_ms, result.max_ms) == (
        8,
        15.5,
        30,
        42,
    )


def _result(rps: float, p95: float) -> Result:
    return Result(
        requests=int(rps * 5),
        errors=0,
        seconds=5,
        p50_ms=p95 / 2,
        p95_ms=p95,
        p99_ms=p95,
        max_ms=p95,
    )


def test_targets_of_the_issue():
    page = Page("resources", "/ru/resources/", LIST)
    detail = Page("resource", "/ru/resources/x/", DETAIL)
    trivial = 1000.0  # the trivial view's requests/s

    assert verdict(Row("off", page, 1, _result(71, 99)), trivial)[1] is True
    assert verdict(Row("off", page, 1, _result(71, 101)), trivial)[1] is False
    assert verdict(Row("off", page, 1, _result(69, 50)), trivial)[1] is False
    assert verdict(Row("off", page, 16, _result(10, 900)), trivial)[1] is None
    assert verdict(Row("redis", page, 16, _result(400, 5)), trivial)[1] is True
    assert verdict(Row("redis", page, 16, _result(399, 5)), trivial)[1] is False
    assert verdict(Row("redis", detail, 16, _result(10, 5)), trivial)[1] is None
    # Not measured: missing pages have no verdict, pages skipped as too slow fail.
    assert verdict(Row("off", page, 1, None), trivial)[1] is None
    assert verdict(Row("redis", page, 16, None, "skipped"), trivial)[1] is False


def test_a_warm_list_page_is_held_to_the_trivial_view_measured_next_to_it():
    page = Page("calendar", "/ru/programme/calendar/", LIST)
    # The run's yardstick, read minutes apart while the host slowed down...
    trivials = {("redis", 16): 2500.0}
    # ...and the trivial view just before and after the page: 2,000 req/s.
    slowed = Row("redis", page, 16, _result(900, 20), reference=2000.0)
    unmatched = Row("redis", page, 16, _result(900, 20))

    assert summary([slowed], trivials) == []
    assert "45%" in table([slowed], trivials)
    assert "pass" in table([slowed], trivials)
    # Without a reference of its own, the run's yardstick applies.
    assert summary([unmatched], trivials) == [
        "warm (Redis), calendar, 16 conn: 900 req/s, p95 20.0 ms, "
        "trivial view 2500 req/s (target >=40% of trivial)"
    ]
    assert "36%" in table([unmatched], trivials)


@override_settings(ROOT_URLCONF="tests.bench.urls")
def test_the_trivial_view_renders_a_tiny_template(client):
    response = client.get("/bench/trivial/")

    assert response.status_code == 200
    assert b"trivial" in response.content
    assert len(response.content) < 500


@pytest.fixture
def taxonomy(db):
    regions = factories.RegionFactory.create_batch(2)
    for region in regions:
        factories.CountryFactory.create_batch(3, region=region)
    factories.ThemeFactory.create_batch(5)


def test_row_builders_make_valid_rows_at_a_tiny_size(taxonomy):
    sizes = Sizes(partners=10, projects=3, activities=20, photos=5, resources=50)

    generate(sizes, say=lambda line: None)
    ship_files()  # the few real files the rows point at (photos are opened)

    assert Partner.objects.count() == 10
    assert Project.objects.count() == 3
    assert Activity.objects.count() == 20
    assert Photo.objects.count() == 5
    assert Resource.objects.count() == 50
    assert Contact.objects.filter(is_primary=True).count() == 10
    for model in (Partner, Contact, Project, Activity, Photo, Resource):
        for obj in model.objects.order_by("pk")[:5]:
            obj.full_clean()
    for resource in Resource.objects.prefetch_related("themes", "activities"):
        assert 1 <= len(resource.themes.all()) <= 3
        assert len(resource.activities.all()) <= 2
        assert resource.title_ru or resource.title_en
        assert (resource.status == Status.PUBLISHED) <= bool(resource.published_at)
    for activity in Activity.objects.prefetch_related("providers", "beneficiaries"):
        providers = set(activity.providers.all())
        beneficiaries = set(activity.beneficiaries.all())
        assert providers and beneficiaries and not providers & beneficiaries
        assert activity.end_date >= activity.start_date


def test_row_builders_add_after_existing_rows(taxonomy):
    existing = factories.PartnerFactory()

    generate(Sizes(partners=3, projects=1, activities=2, photos=1, resources=2))

    assert Partner.objects.count() == 4
    assert Partner.objects.filter(pk__gt=existing.pk).count() == 3
    # Sequences follow the generated ids: a normal save still works.
    factories.ResourceFactory()
    assert Resource.objects.count() == 3


def test_sizes_scale_down_and_never_to_zero():
    assert Sizes().scaled(0.01) == Sizes(
        partners=10, projects=3, activities=100, photos=30, resources=1000
    )
    assert Sizes().scaled(0.00001).partners == 1

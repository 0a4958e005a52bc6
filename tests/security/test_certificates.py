"""Certificate verification cannot be used to guess codes: one limit per client, shared by the
verification page and the Open Badges assertions, and read from the client's real address
behind the load balancer. (Code entropy and the edited-PDF check: see test_catalogue.py.)"""

import pytest

from certificates.models import CertificateTemplate
from certificates.services import certificate_issue
from certificates.views import VERIFY_LIMIT
from tests.certificates.conftest import certified_course, complete

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def issued(learner, django_capture_on_commit_callbacks):
    course = certified_course(CertificateTemplate.objects.get(title="Certificate of Completion"))
    complete(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(learner=learner, course=course)
    certificate.refresh_from_db()
    return certificate


def verify(client, certificate, **headers):
    return client.get(f"/verify/{certificate.display_code}/", **headers)


def badge(client, certificate, **headers):
    return client.get(f"/badges/assertions/{certificate.code}.json", **headers)


def test_badge_assertions_share_the_verification_limit(client, issued):
    for n in range(VERIFY_LIMIT):
        lookup = badge if n % 2 else verify
        assert lookup(client, issued).status_code == 200

    assert badge(client, issued).status_code == 429
    assert verify(client, issued).status_code == 429
    assert badge(client, issued, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_behind_the_load_balancer_each_client_has_its_own_limit(client, issued, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(VERIFY_LIMIT):
        verify(client, issued, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")

    guesser = verify(client, issued, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")
    neighbour = verify(client, issued, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.50")
    # A made-up address written in front of the real one changes nothing.
    disguised = verify(
        client, issued, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.66"
    )

    assert (guesser.status_code, neighbour.status_code, disguised.status_code) == (429, 200, 429)


def test_without_a_trusted_proxy_a_forged_header_does_not_reset_the_limit(client, issued):
    for n in range(VERIFY_LIMIT):
        verify(client, issued, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    assert verify(client, issued, HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429

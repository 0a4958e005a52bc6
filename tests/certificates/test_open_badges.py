"""Open Badges 2.0 hosted verification: Issuer, BadgeClass and Assertion JSON-LD documents with
the fields the specification requires, a hashed recipient, and revocation reported as such."""

import hashlib
import json
from datetime import datetime

import pytest

from certificates.services import certificate_reissue, certificate_request, certificate_revoke
from tests.certificates.conftest import certified_course, complete
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTEXT = "https://w3id.org/openbadges/v2"
BASE = "http://testserver"


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/ld+json")
    return response, json.loads(response.content)


def assertion_path(certificate):
    return f"/badges/assertions/{certificate.display_code}.json"


def is_iri(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def test_the_issuer_profile_has_the_required_fields(client):
    _response, issuer = get_json(client, "/badges/issuer.json")

    assert issuer["@context"] == CONTEXT
    assert issuer["type"] == "Issuer"
    assert issuer["id"] == BASE + "/badges/issuer.json"
    assert issuer["name"]
    assert is_iri(issuer["url"])


def test_the_badge_class_has_the_required_fields(client, course):
    _response, badge = get_json(client, f"/badges/courses/{course.pk}.json")

    assert badge["@context"] == CONTEXT
    assert badge["type"] == "BadgeClass"
    assert badge["id"] == BASE + f"/badges/courses/{course.pk}.json"
    assert badge["name"] == "Good Local Governance"
    assert badge["description"] == "What good governance means."
    assert is_iri(badge["image"])
    assert badge["criteria"]["narrative"]
    assert is_iri(badge["criteria"]["id"])
    assert badge["criteria"]["id"] == BASE + course.url
    assert badge["issuer"] == BASE + "/badges/issuer.json"


def test_an_unknown_course_has_no_badge_class(client):
    response = client.get("/badges/courses/999999.json")

    assert response.status_code == 404


def test_the_assertion_has_the_required_fields_and_a_hashed_recipient(client, issued):
    response, assertion = get_json(client, assertion_path(issued))

    assert assertion["@context"] == CONTEXT
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == BASE + assertion_path(issued)
    recipient = assertion["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    assert recipient["salt"]
    expected = hashlib.sha256(("amra@lap.example" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == "sha256$" + expected
    assert assertion["badge"] == BASE + f"/badges/courses/{issued.course_id}.json"
    assert assertion["verification"] == {"type": "hosted"}
    issued_on = datetime.fromisoformat(assertion["issuedOn"])
    assert issued_on.tzinfo is not None
    assert issued_on == issued.issued_at
    assert "revoked" not in assertion
    assert b"amra@lap.example" not in response.content
    assert b"amra" not in response.content.lower()


def test_the_assertion_id_is_the_url_it_is_served_from_whatever_was_typed(client, issued):
    _response, assertion = get_json(client, f"/badges/assertions/{issued.code.lower()}.json")

    assert assertion["id"] == BASE + assertion_path(issued)
    _again, served = get_json(client, assertion["id"].removeprefix(BASE))
    assert served == assertion


def test_the_badge_and_issuer_linked_from_an_assertion_resolve(client, issued):
    _response, assertion = get_json(client, assertion_path(issued))

    _response, badge = get_json(client, assertion["badge"].removeprefix(BASE))
    _response, issuer = get_json(client, badge["issuer"].removeprefix(BASE))
    assert badge["id"] == assertion["badge"]
    assert issuer["id"] == badge["issuer"]


def test_each_certificate_has_its_own_salt(client, issued, course, issue):
    other = UserFactory(email="ivana@lap.example", full_name="Ivana Šarić")
    complete(other, course)
    second = issue(other, course)

    _r, first_doc = get_json(client, assertion_path(issued))
    _r, second_doc = get_json(client, assertion_path(second))
    assert first_doc["recipient"]["salt"] != second_doc["recipient"]["salt"]


def test_a_revoked_assertion_answers_410_with_the_reason(client, issued, cert_admin):
    certificate_revoke(certificate=issued, reason="Identity fraud.", revoked_by=cert_admin)

    _response, assertion = get_json(client, assertion_path(issued), status=410)

    assert assertion["revoked"] is True
    assert assertion["revocationReason"] == "Identity fraud."
    assert assertion["id"] == BASE + assertion_path(issued)


def test_a_superseded_assertion_is_reported_as_revoked(client, issued, cert_admin):
    new = certificate_reissue(certificate=issued, issued_by=cert_admin)

    _response, old = get_json(client, assertion_path(issued), status=410)
    _response, current = get_json(client, assertion_path(new))

    assert old["revoked"] is True
    assert old["revocationReason"] == "Superseded"
    assert "revoked" not in current


def test_an_expiring_certificate_states_its_expiry(client, learner, template, issue):
    course = certified_course(template, valid_for_days=30)
    complete(learner, course)
    certificate = issue(learner, course)

    _response, assertion = get_json(client, assertion_path(certificate))

    expires = datetime.fromisoformat(assertion["expires"])
    assert expires.date() == certificate.expires_on
    assert expires.tzinfo is not None


def test_unknown_and_pending_codes_have_no_assertion(client, learner, template):
    course = certified_course(template, issuance="manual")
    complete(learner, course)
    request = certificate_request(learner=learner, course=course)

    assert client.get(assertion_path(request)).status_code == 404
    assert client.get("/badges/assertions/7KQ2-M9XD-4RTA-0HWE.json").status_code == 404
    assert client.get("/badges/assertions/not-a-code.json").status_code == 404

"""Open Badges 3.0: every certificate is also a signed OpenBadgeCredential a learner downloads
from "My certificates". Its proof verifies offline against the keys in /.well-known/did.json
(checked here from the specifications with `cryptography`, not with our signing code); it has
every property Open Badges 3.0 requires; a revocation or correction shows in a Bitstring Status
List; and the public page that checks an uploaded credential refuses a tampered one, one signed
with another key, an expired and a revoked one."""

import base64
import copy
import gzip
import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from academy.accounts.erasure import erasure_approve, erasure_request
from certificates.keys import signing_key_create
from certificates.models import Certificate
from certificates.ob3_validation import achievement_credential_problems
from certificates.services import certificate_reissue, certificate_revoke
from tests.certificates.conftest import certified_course, complete
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DID = "did:web:testserver"
STATUS_LIST = "http://testserver/credentials/status/1"
VERIFY = "/verify/credential/"


@pytest.fixture
def keys_dir(settings, tmp_path):
    settings.CREDENTIAL_KEYS_DIR = tmp_path / "credential-keys"
    return settings.CREDENTIAL_KEYS_DIR


@pytest.fixture
def signing_key(keys_dir):
    return signing_key_create()


# What a verifier does, written from RFC 7515 / RFC 8037 and did:web, without our code.


def b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def did_document(client) -> dict:
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    return json.loads(response.content)


def verify_jwt(token: str, did: dict) -> tuple[dict, dict]:
    """Split the compact JWS, find the key its `kid` names in the DID document and check the
    Ed25519 signature over `header.payload`; raises InvalidSignature if it does not hold."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url_decode(header_b64))
    assert header["alg"] == "EdDSA"
    method = next(m for m in did["verificationMethod"] if m["id"] == header["kid"])
    assert method["id"] in did["assertionMethod"]
    jwk = method["publicKeyJwk"]
    assert (jwk["kty"], jwk["crv"]) == ("OKP", "Ed25519")
    assert "d" not in jwk  # never the private key
    public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    public_key.verify(b64url_decode(signature_b64), f"{header_b64}.{payload_b64}".encode())
    return header, json.loads(b64url_decode(payload_b64))


def download(client, certificate, extension="json", user=None):
    client.force_login(user or certificate.learner)
    return client.get(f"/en/certificates/{certificate.pk}/open-badge.{extension}")


def credential_token(client, certificate) -> str:
    response = download(client, certificate)
    assert response.status_code == 200, response.content
    envelope = json.loads(response.content)
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    prefix = "data:application/vc+jwt,"
    assert envelope["id"].startswith(prefix)
    return envelope["id"].removeprefix(prefix)


def signed_credential(client, certificate) -> dict:
    _header, credential = verify_jwt(credential_token(client, certificate), did_document(client))
    return credential


def upload(client, content: bytes, name="badge.jwt"):
    return client.post(VERIFY, {"credential": SimpleUploadedFile(name, content)})


def status_bits(client) -> bytes:
    response = client.get("/credentials/status/1")
    assert response.status_code == 200
    _header, status_list = verify_jwt(response.content.decode(), did_document(client))
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert status_list["id"] == STATUS_LIST
    subject = status_list["credentialSubject"]
    assert (subject["type"], subject["statusPurpose"]) == ("BitstringStatusList", "revocation")
    assert subject["encodedList"].startswith("u")  # multibase base64url
    return gzip.decompress(b64url_decode(subject["encodedList"][1:]))


def bit(bits: bytes, index: int) -> int:
    return (bits[index // 8] >> (7 - index % 8)) & 1  # bit 0 is the leftmost


# The credential


def test_a_learner_downloads_a_credential_whose_proof_verifies_against_did_json(
    client, issued, signing_key
):
    token = credential_token(client, issued)

    header, payload = verify_jwt(token, did_document(client))

    assert header == {"alg": "EdDSA", "kid": f"{DID}#{signing_key.kid}", "typ": "JWT"}
    assert payload["iss"] == payload["issuer"]["id"] == DID
    assert payload["jti"] == payload["id"]
    assert payload["nbf"] == int(issued.issued_at.timestamp())
    assert "exp" not in payload  # the certificate never expires


def test_the_jwt_download_is_the_same_signed_credential(client, issued, signing_key):
    response = download(client, issued, "jwt")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert f"{issued.serial}-open-badge.jwt" in response["Content-Disposition"]
    _header, payload = verify_jwt(response.content.decode(), did_document(client))
    assert payload["name"] == "Good Local Governance"


def test_the_credential_states_the_certificate(client, issued, signing_key):
    credential = signed_credential(client, issued)

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["issuer"]["name"] == "LAP Academy"
    assert credential["validFrom"] == issued.issued_at.astimezone(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    [identity] = subject["identifier"]
    expected = hashlib.sha256(("amra@lap.example" + identity["salt"]).encode()).hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": "sha256$" + expected,
        "identityType": "emailAddress",
        "hashed": True,
        "salt": issued.badge_salt,
    }
    assert "amra@lap.example" not in json.dumps(credential)
    achievement = subject["achievement"]
    assert achievement["name"] == "Good Local Governance"
    assert "12 hours" in achievement["description"]
    assert achievement["criteria"]["narrative"]
    assert [a["targetName"] for a in achievement["alignment"]] == [
        f"{p['number']}. {p['name']}" for p in issued.principles
    ]
    assert [a["targetCode"] for a in achievement["alignment"]] == ["6", "9"]
    assert credential["credentialStatus"] == {
        "id": f"{STATUS_LIST}#{issued.pk}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(issued.pk),
        "statusListCredential": STATUS_LIST,
    }


def every_kind_of_issued_certificate(issued, template, cert_admin, issue):
    """A plain certificate, one that expires, and a correction of the first."""
    expiring_course = certified_course(template, title="Budget Transparency", valid_for_days=365)
    complete(issued.learner, expiring_course)
    expiring = issue(issued.learner, expiring_course)
    correction = certificate_reissue(certificate=issued, issued_by=cert_admin)
    return [Certificate.objects.get(pk=issued.pk), expiring, correction]


def test_every_issued_credential_has_what_open_badges_3_requires(
    client, issued, template, cert_admin, issue, signing_key
):
    certificates = every_kind_of_issued_certificate(issued, template, cert_admin, issue)
    certificates = [c for c in certificates if c.status == Certificate.Status.VALID]
    assert len(certificates) == 2

    for certificate in certificates:
        credential = signed_credential(client, certificate)
        assert achievement_credential_problems(credential) == [], certificate.serial


def test_an_expiring_certificate_gives_valid_until_and_exp(
    client, completed_learner, template, issue, signing_key
):
    course = certified_course(template, title="Budget Transparency", valid_for_days=30)
    complete(completed_learner, course)
    certificate = issue(completed_learner, course)

    credential = signed_credential(client, certificate)

    assert credential["validUntil"] == f"{certificate.expires_on.isoformat()}T23:59:59Z"
    assert credential["exp"] == int(datetime.fromisoformat(credential["validUntil"]).timestamp())


@pytest.mark.parametrize(
    ("remove", "reported"),
    [
        (["@context"], "@context"),
        (["type"], "type"),
        (["id"], "id"),
        (["name"], "name"),
        (["validFrom"], "validFrom"),
        (["issuer", "id"], "issuer.id"),
        (["issuer", "type"], "issuer.type"),
        (["credentialSubject", "type"], "credentialSubject.type"),
        (["credentialSubject", "identifier"], "credentialSubject.identifier"),
        (["credentialSubject", "achievement"], "credentialSubject.achievement"),
        (["credentialSubject", "achievement", "id"], "credentialSubject.achievement.id"),
        (["credentialSubject", "achievement", "type"], "credentialSubject.achievement.type"),
        (["credentialSubject", "achievement", "name"], "credentialSubject.achievement.name"),
        (
            ["credentialSubject", "achievement", "description"],
            "credentialSubject.achievement.description",
        ),
        (
            ["credentialSubject", "achievement", "criteria"],
            "credentialSubject.achievement.criteria",
        ),
        (["credentialStatus", "statusListIndex"], "credentialStatus.statusListIndex"),
        (["credentialStatus", "statusListCredential"], "credentialStatus.statusListCredential"),
    ],
)
def test_the_validator_reports_each_missing_required_property(
    client, issued, signing_key, remove, reported
):
    credential = signed_credential(client, issued)
    broken = copy.deepcopy(credential)
    *parents, last = remove
    node = broken
    for name in parents:
        node = node[name]
    del node[last]

    assert achievement_credential_problems(credential) == []
    assert reported in achievement_credential_problems(broken)


@pytest.mark.parametrize(
    ("path", "value", "reported"),
    [
        (["credentialSubject", "identifier", 0, "hashed"], "yes", "identifier[0].hashed"),
        (["credentialSubject", "identifier", 0, "identityType"], "email", "identityType"),
        (["credentialSubject", "achievement", "alignment", 0, "targetUrl"], "n/a", "targetUrl"),
        (["validFrom"], "2026-01-01T10:00:00", "validFrom"),  # a DateTime needs its zone
        (["type"], ["VerifiableCredential"], "type"),
    ],
)
def test_the_validator_reports_invalid_values(client, issued, signing_key, path, value, reported):
    broken = signed_credential(client, issued)
    node = broken
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = value

    assert any(problem.endswith(reported) for problem in achievement_credential_problems(broken))


# Keys and did:web


def test_did_json_publishes_old_keys_after_rotation_and_old_credentials_still_verify(
    client, issued, signing_key
):
    before = credential_token(client, issued)

    call_command("credential_keys", "rotate")
    after = credential_token(client, issued)

    did = did_document(client)
    assert did["id"] == DID
    assert len(did["verificationMethod"]) == 2
    header_before, _ = verify_jwt(before, did)
    header_after, _ = verify_jwt(after, did)
    assert header_before["kid"] == f"{DID}#{signing_key.kid}"
    assert header_after["kid"] != header_before["kid"]  # the new key signs
    response = upload(client, before.encode())
    assert response.context["verdict"].holds


def test_the_keys_command_generates_once_rotates_and_lists(keys_dir, capsys):
    call_command("credential_keys", "generate")
    call_command("credential_keys", "generate")
    assert len(list(keys_dir.glob("*.json"))) == 1
    assert "exists already" in capsys.readouterr().out

    call_command("credential_keys", "rotate")
    call_command("credential_keys", "list")

    files = list(keys_dir.glob("*.json"))
    assert len(files) == 2
    assert all(f.stat().st_mode & 0o077 == 0 for f in files)  # the owner's only
    assert "signs now" in capsys.readouterr().out


def test_without_a_key_the_download_page_says_how_to_make_one(client, issued, keys_dir):
    response = download(client, issued)

    assert response.status_code == 503
    assert "manage.py credential_keys generate" in response.content.decode()
    assert did_document(client)["verificationMethod"] == []
    assert client.get("/credentials/status/1").status_code == 503


# Who may download


def test_only_the_owner_and_certificate_administrators_download_it(
    client, issued, other_learner, cert_admin, signing_key
):
    assert download(client, issued, user=other_learner).status_code == 404
    assert download(client, issued, user=cert_admin).status_code == 200
    client.logout()
    assert client.get(f"/en/certificates/{issued.pk}/open-badge.json").status_code == 302


def test_a_revoked_certificate_has_no_credential_to_download(
    client, issued, cert_admin, signing_key
):
    certificate_revoke(certificate=issued, reason="Plagiarism.", revoked_by=cert_admin)

    assert download(client, issued).status_code == 404


def test_my_certificates_links_the_credential(client, issued, signing_key):
    client.force_login(issued.learner)

    html = client.get(reverse("learner_certificates:mine")).content.decode()

    assert f"/en/certificates/{issued.pk}/open-badge.json" in html
    assert f"/en/certificates/{issued.pk}/open-badge.jwt" in html


# Revocation


def test_the_status_list_sets_the_bit_of_a_revoked_certificate_only(
    client, issued, other_learner, course, issue, cert_admin, signing_key
):
    complete(other_learner, course)
    other = issue(other_learner, course)
    assert bit(status_bits(client), issued.pk) == 0

    certificate_revoke(certificate=issued, reason="Plagiarism.", revoked_by=cert_admin)

    bits = status_bits(client)
    assert len(bits) >= 16 * 1024  # 131,072 entries at least, for group privacy
    assert bit(bits, issued.pk) == 1
    assert bit(bits, other.pk) == 0


def test_a_correction_revokes_the_old_credential_and_gets_a_new_one(
    client, issued, cert_admin, signing_key
):
    old = signed_credential(client, issued)

    correction = certificate_reissue(certificate=issued, issued_by=cert_admin)

    new = signed_credential(client, correction)
    assert new["id"] != old["id"]
    assert new["credentialStatus"]["statusListIndex"] != old["credentialStatus"]["statusListIndex"]
    bits = status_bits(client)
    assert bit(bits, issued.pk) == 1
    assert bit(bits, correction.pk) == 0


# Checking an uploaded credential


def test_an_uploaded_credential_as_issued_holds(client, issued, signing_key):
    envelope = download(client, issued).content
    client.logout()

    response = upload(client, envelope, name="badge.json")

    assert response.status_code == 200
    verdict = response.context["verdict"]
    assert [check.ok for check in verdict.checks] == [True] * 5
    html = response.content.decode()
    assert "The proof holds" in html
    assert f"The issuer is LAP Academy ({DID})" in html
    assert "has not been revoked" in html
    assert "has not expired" in html


def test_a_tampered_credential_is_refused(client, issued, signing_key):
    header, payload, signature = credential_token(client, issued).split(".")
    credential = json.loads(b64url_decode(payload))
    credential["credentialSubject"]["achievement"]["name"] = "Advanced Public Finance"
    forged = b64url_encode(json.dumps(credential).encode())

    response = upload(client, f"{header}.{forged}.{signature}".encode())

    assert not response.context["verdict"].holds
    assert response.context["verdict"].proof.ok is False
    assert "was changed after it was signed" in response.content.decode()


def test_a_credential_signed_with_another_key_is_refused(client, issued, signing_key):
    header, payload, _signature = credential_token(client, issued).split(".")
    impostor = Ed25519PrivateKey.generate()  # same kid in the header, another key
    signature = impostor.sign(f"{header}.{payload}".encode())

    response = upload(client, f"{header}.{payload}.{b64url_encode(signature)}".encode())

    assert response.context["verdict"].proof.ok is False
    assert not response.context["verdict"].holds
    with pytest.raises(InvalidSignature):
        verify_jwt(f"{header}.{payload}.{b64url_encode(signature)}", did_document(client))


def test_a_credential_naming_a_key_we_never_published_is_refused(client, issued, signing_key):
    header, payload, signature = credential_token(client, issued).split(".")
    unknown = json.loads(b64url_decode(header)) | {"kid": "did:web:elsewhere.example#k1"}

    response = upload(
        client, f"{b64url_encode(json.dumps(unknown).encode())}.{payload}.{signature}".encode()
    )

    assert response.context["verdict"].proof.ok is False
    assert "not signed with a key we publish" in response.content.decode()


def test_an_expired_credential_is_refused(client, issued, signing_key):
    Certificate.objects.filter(pk=issued.pk).update(
        expires_on=timezone.localdate() - timedelta(days=2)
    )
    issued.refresh_from_db()
    token = credential_token(client, issued)

    response = upload(client, token.encode())

    verdict = response.context["verdict"]
    assert verdict.proof.ok and verdict.status.ok
    assert verdict.validity.ok is False
    assert not verdict.holds
    assert "The credential expired on" in response.content.decode()


def test_a_revoked_credential_is_refused(client, issued, cert_admin, signing_key):
    token = credential_token(client, issued)
    assert upload(client, token.encode()).context["verdict"].holds

    certificate_revoke(certificate=issued, reason="Plagiarism.", revoked_by=cert_admin)
    response = upload(client, token.encode())

    verdict = response.context["verdict"]
    assert verdict.proof.ok and verdict.validity.ok
    assert verdict.status.ok is False
    assert "The credential was revoked" in response.content.decode()


def test_a_holder_erased_at_their_request_has_their_credential_revoked(
    client, issued, learner, signing_key, django_capture_on_commit_callbacks
):
    token = credential_token(client, issued)
    admin = UserFactory(email="admin@lap.example", is_superuser=True)

    with django_capture_on_commit_callbacks(execute=True):
        erasure_approve(request=erasure_request(user=learner), by=admin)

    assert bit(status_bits(client), issued.pk) == 1
    assert upload(client, token.encode()).context["verdict"].status.ok is False


def test_a_credential_claiming_another_issuer_is_refused(client, issued, signing_key):
    from certificates.open_badges_3 import credential_document, sign

    document = credential_document(issued)
    document["issuer"]["id"] = "did:web:elsewhere.example"

    response = upload(client, sign(document).encode())

    assert response.context["verdict"].issuer.ok is False
    assert "The issuer is not LAP Academy." in response.content.decode()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"%PDF-1.7 not a credential", "not a credential we can read"),
        (b"\xff\xfe\x00binary", "not a credential we can read"),
        (b'{"name": "unsigned"', "not valid JSON"),
        (b'{"type": ["VerifiableCredential"], "name": "unsigned"}', "carries no signed credential"),
        (b"one.two.three", "not a credential we can read"),
        (b"x" * (64 * 1024 + 1), "larger than 64 KB"),
    ],
)
def test_a_malformed_upload_gets_a_clear_error(client, content, error):
    response = upload(client, content)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert "verdict" not in response.context


def test_an_empty_form_asks_for_a_file(client):
    response = client.post(VERIFY, {})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_the_verification_form_links_the_credential_check(client):
    html = client.get("/verify/").content.decode()

    assert 'href="/verify/credential/"' in html
    assert client.get(VERIFY).status_code == 200


def test_a_status_list_that_does_not_exist_is_not_found(client, signing_key):
    # LocaleMiddleware tries the language-prefixed address before answering 404.
    assert client.get("/credentials/status/0", follow=True).status_code == 404

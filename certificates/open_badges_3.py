"""Open Badges 3.0: each issued certificate as an OpenBadgeCredential (a W3C Verifiable Credential
2.0), signed as a VC-JWT, with its revocation published in a Bitstring Status List.

- Signed on request: a credential follows from the certificate and the current key, so nothing
  is stored and a revocation or correction shows in the status list at once.
- The proof is the JSON Web Token Proof Format of Open Badges 3.0 (section 8.2): a compact JWS,
  header `{"alg": "EdDSA", "kid": "<did>#<key id>", "typ": "JWT"}`, payload the credential itself
  with the claims `iss` (issuer.id), `jti` (id), `nbf` (validFrom) and `exp` (validUntil, when it
  expires). There is no `sub`: the recipient has no id, only a salted hash of their email.
- A certificate's place in the status lists is its id: list `id // LIST_SIZE + 1`, bit
  `id % LIST_SIZE`, set when the certificate is revoked or superseded.
- Checking an uploaded credential fetches nothing: the keys and the status lists are ours."""

import base64
import binascii
import gzip
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwa import EdDSAAlgorithm

from .badges import absolute, hashed_identity, issuer_email, issuer_name
from .keys import current_key, issuer_did, signing_keys, verification_method
from .ob3_validation import achievement_credential_problems
from .selectors import withdrawn_certificate_pks

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
PRINCIPLES_URL = "https://www.coe.int/en/web/good-governance/12-principles"
LIST_SIZE = 16 * 1024 * 8  # bits: the minimum the Bitstring Status List asks, for group privacy
ALGORITHM = "EdDSA"
MEDIA_TYPE_JWT = "application/vc+jwt"


class _EdDSA(EdDSAAlgorithm):
    # RFC 9864 prefers the newer name "Ed25519" for Ed25519 signatures, and joserfc warns at
    # each use of "EdDSA"; wallets and verifiers know "EdDSA", so we keep it, knowingly.
    security_warning = None


class _Registry(jws.JWSRegistry):
    algorithms = {ALGORITHM: _EdDSA()}


REGISTRY = _Registry(algorithms=[ALGORITHM])


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def status_position(certificate_pk: int) -> tuple[int, int]:
    """(status list number, bit index) of a certificate."""
    return certificate_pk // LIST_SIZE + 1, certificate_pk % LIST_SIZE


def status_list_url(number: int) -> str:
    return absolute(reverse("certificates:status_list", args=[number]))


def issuer_profile() -> dict:
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": issuer_name(),
        "url": absolute("/"),
        "email": issuer_email(),
    }


def credential_document(certificate) -> dict:
    """The OpenBadgeCredential of an issued certificate, written in the certificate's language
    from what was printed on it (its snapshots), so a later edit of the course changes nothing."""
    number, index = status_position(certificate.pk)
    with translation.override(certificate.language):
        description = ngettext(
            "Completion of the LAP Academy course %(course)s, %(count)s hour of study.",
            "Completion of the LAP Academy course %(course)s, %(count)s hours of study.",
            certificate.hours,
        ) % {"course": certificate.course_title, "count": certificate.hours}
        narrative = _(
            "Completed every required step of the course %(course)s and met the conditions of "
            "its certificate."
        ) % {"course": certificate.course_title}
        framework = _("Council of Europe 12 Principles of Good Democratic Governance")
    document = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": uuid.uuid5(uuid.NAMESPACE_URL, absolute(certificate.verification_path)).urn,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile(),
        "validFrom": _timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": hashed_identity(
                        certificate.learner.email, certificate.badge_salt
                    ),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": certificate.badge_salt,
                }
            ],
            "achievement": {
                "id": absolute(reverse("certificates:badge_class", args=[certificate.course_id])),
                "type": ["Achievement"],
                "achievementType": "CertificateOfCompletion",
                "name": certificate.course_title,
                "description": description,
                "criteria": {"narrative": narrative},
                "image": {"id": absolute(settings.STATIC_URL + "img/badge.svg"), "type": "Image"},
                "inLanguage": certificate.language,
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": f"{principle['number']}. {principle['name']}",
                        "targetUrl": PRINCIPLES_URL,
                        "targetFramework": framework,
                        "targetCode": str(principle["number"]),
                    }
                    for principle in certificate.principles
                ],
            },
        },
        "credentialStatus": {
            "id": f"{status_list_url(number)}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": status_list_url(number),
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if certificate.expires_on:
        document["validUntil"] = certificate.expires_on.isoformat() + "T23:59:59Z"
    return document


def encoded_bitstring(indices) -> str:
    """The Bitstring Status List's `encodedList`: multibase base64url (prefix "u", no padding)
    of the GZIP-compressed bitstring, bit 0 being the leftmost bit of the first byte."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_list_document(number: int) -> dict:
    """The BitstringStatusListCredential of list `number`, as the certificates stand now."""
    first = (number - 1) * LIST_SIZE
    withdrawn = withdrawn_certificate_pks(pks=range(first, first + LIST_SIZE))
    url = status_list_url(number)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_bitstring(pk - first for pk in withdrawn),
        },
    }


def sign(document: dict) -> str:
    """`document` as a VC-JWT signed with the current key (raises keys.NoSigningKey if none)."""
    key = current_key()
    issuer = document["issuer"]
    claims = {
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "jti": document["id"],
        "nbf": int(datetime.fromisoformat(document["validFrom"]).timestamp()),
    }
    if "validUntil" in document:
        claims["exp"] = int(datetime.fromisoformat(document["validUntil"]).timestamp())
    payload = json.dumps({**document, **claims}, ensure_ascii=False, separators=(",", ":"))
    header = {"alg": ALGORITHM, "kid": verification_method(key.kid), "typ": "JWT"}
    return jws.serialize_compact(header, payload.encode(), key.key, registry=REGISTRY)


def credential_jwt(certificate) -> str:
    return sign(credential_document(certificate))


def enveloped(token: str) -> dict:
    """The VC-JWT as JSON: a VC 2.0 EnvelopedVerifiableCredential carrying it as a data: URL."""
    return {
        "@context": [VC_CONTEXT],
        "id": f"data:{MEDIA_TYPE_JWT},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


class MalformedCredential(ValueError):
    """Uploaded bytes that are no credential we can read; the message says why, for the user."""


def _b64url_json(segment: str) -> dict:
    try:
        value = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (binascii.Error, ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise MalformedCredential(_("This file is not a credential we can read."))
    return value


def read_credential(data: bytes) -> str:
    """The compact VC-JWT in an uploaded file: the .jwt itself, or the JSON download (an
    EnvelopedVerifiableCredential). Raises MalformedCredential with a clear reason."""
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError as error:
        raise MalformedCredential(_("This file is not a credential we can read.")) from error
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise MalformedCredential(_("This file is not valid JSON.")) from error
        envelope = document.get("id", "") if isinstance(document, dict) else ""
        if not (isinstance(envelope, str) and envelope.startswith(f"data:{MEDIA_TYPE_JWT},")):
            raise MalformedCredential(
                _(
                    "This JSON carries no signed credential. Upload the .json or .jwt file "
                    "downloaded from My certificates."
                )
            )
        text = envelope.split(",", 1)[1]
    segments = text.split(".")
    if len(segments) != 3 or not all(segments):
        raise MalformedCredential(_("This file is not a credential we can read."))
    _b64url_json(segments[0])
    _b64url_json(segments[1])
    return text


@dataclass(frozen=True)
class Check:
    ok: bool | None  # None: not checked
    message: str


@dataclass(frozen=True)
class CredentialVerdict:
    proof: Check
    issuer: Check
    status: Check
    validity: Check
    structure: Check
    name: str = ""

    @property
    def checks(self) -> list[Check]:
        return [self.proof, self.issuer, self.status, self.validity, self.structure]

    @property
    def holds(self) -> bool:
        return all(check.ok for check in self.checks)


def _proof(token: str, header: dict) -> Check:
    key = next((k for k in signing_keys() if verification_method(k.kid) == header.get("kid")), None)
    if header.get("alg") != ALGORITHM or key is None:
        return Check(
            False,
            _("The proof does not hold: the credential is not signed with a key we publish."),
        )
    try:
        jws.deserialize_compact(token, key.key, registry=REGISTRY)
    except JoseError:
        return Check(
            False,
            _(
                "The proof does not hold: the credential was changed after it was signed, or "
                "it was signed with another key."
            ),
        )
    return Check(True, _("The proof holds: the credential is exactly as we signed it."))


def _issuer(credential: dict) -> Check:
    did = issuer_did()
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if credential.get("iss") == did and issuer_id == did:
        return Check(True, _("The issuer is LAP Academy (%(did)s).") % {"did": did})
    return Check(False, _("The issuer is not LAP Academy."))


def _status(credential: dict) -> Check:
    entry = credential.get("credentialStatus")
    entry = entry if isinstance(entry, dict) else {}
    url, index = str(entry.get("statusListCredential", "")), str(entry.get("statusListIndex"))
    try:
        match = resolve(urlsplit(url).path) if url.startswith(absolute("/")) else None
    except Resolver404:
        match = None
    if match is None or match.url_name != "status_list" or not index.isdigit():
        return Check(False, _("The credential names no status list of ours."))
    first = (match.kwargs["number"] - 1) * LIST_SIZE
    if first + int(index) in withdrawn_certificate_pks(pks=range(first, first + LIST_SIZE)):
        return Check(
            False, _("The credential was revoked: the certificate was revoked or replaced.")
        )
    return Check(True, _("The credential has not been revoked."))


def _validity(credential: dict) -> Check:
    now = timezone.now()
    try:
        valid_from = datetime.fromisoformat(credential["validFrom"])
        valid_until = credential.get("validUntil")
        valid_until = datetime.fromisoformat(valid_until) if valid_until else None
    except (KeyError, TypeError, ValueError):
        return Check(False, _("The credential does not say when it is valid."))
    if valid_from > now:
        return Check(False, _("The credential is not valid yet."))
    if valid_until is not None and valid_until < now:
        return Check(
            False,
            _("The credential expired on %(date)s.")
            % {"date": formats.date_format(valid_until.date(), "DATE_FORMAT")},
        )
    return Check(True, _("The credential has not expired."))


def _structure(credential: dict) -> Check:
    problems = achievement_credential_problems(credential)
    if problems:
        return Check(
            False,
            _("Properties Open Badges 3.0 requires are missing or invalid: %(names)s.")
            % {"names": ", ".join(problems)},
        )
    return Check(True, _("It has every property Open Badges 3.0 requires."))


def credential_verify(token: str) -> CredentialVerdict:
    """Whether a VC-JWT (as `read_credential` returns it) is a credential we issued, unchanged,
    not revoked and not expired. What a credential whose proof fails says about itself is not
    checked: none of it can be trusted."""
    segments = token.split(".")
    header, credential = _b64url_json(segments[0]), _b64url_json(segments[1])
    proof = _proof(token, header)
    if not proof.ok:
        unchecked = Check(None, _("Not checked: the proof does not hold."))
        return CredentialVerdict(proof, unchecked, unchecked, unchecked, unchecked)
    return CredentialVerdict(
        proof=proof,
        issuer=_issuer(credential),
        status=_status(credential),
        validity=_validity(credential),
        structure=_structure(credential),
        name=str(credential.get("name", "")),
    )

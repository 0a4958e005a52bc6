"""Open Badges 2.0 hosted verification: Issuer, BadgeClass and Assertion documents (JSON-LD).

The recipient is identified by a salted SHA-256 of their email, never the email itself."""

import hashlib

from django.conf import settings
from django.urls import reverse

CONTEXT = "https://w3id.org/openbadges/v2"


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL + path


def issuer_name() -> str:
    return getattr(settings, "OPEN_BADGES_ISSUER_NAME", "LAP Academy")


def issuer_email() -> str:
    return getattr(settings, "OPEN_BADGES_ISSUER_EMAIL", "certificates@lap.example")


def issuer_document() -> dict:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": absolute(reverse("certificates:badge_issuer")),
        "name": issuer_name(),
        "url": absolute("/"),
        "email": issuer_email(),
    }


def badge_class_document(course) -> dict:
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": absolute(reverse("certificates:badge_class", args=[course.pk])),
        "name": course.title,
        "description": course.summary or course.title,
        "image": absolute(settings.STATIC_URL + "img/badge.svg"),
        "criteria": {"narrative": f"Completed {course.title}.", "id": absolute(course.url or "/")},
        "issuer": absolute(reverse("certificates:badge_issuer")),
    }


def hashed_identity(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()


def assertion_document(certificate) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": absolute(reverse("certificates:badge_assertion", args=[certificate.display_code])),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": certificate.badge_salt,
            "identity": hashed_identity(certificate.learner.email, certificate.badge_salt),
        },
        "badge": absolute(reverse("certificates:badge_class", args=[certificate.course_id])),
        "verification": {"type": "hosted"},
        "issuedOn": certificate.issued_at.isoformat(),
        "evidence": absolute(certificate.verification_path),
    }
    if certificate.expires_on:
        document["expires"] = certificate.expires_on.isoformat() + "T23:59:59Z"
    if certificate.status != certificate.Status.VALID:
        document["revoked"] = True
        document["revocationReason"] = certificate.revocation_reason or str(
            certificate.get_status_display()
        )
    return document

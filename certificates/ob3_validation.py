"""What the Open Badges 3.0 specification requires of an AchievementCredential (an
OpenBadgeCredential), checked without JSON-LD processing: every required property of the
credential and of the objects it holds (Profile, AchievementSubject, IdentityObject,
Achievement, Criteria, Alignment, Image, BitstringStatusListEntry), with the types the
specification gives them.

`achievement_credential_problems` answers the paths of the properties that are missing or
invalid, such as `credentialSubject.achievement.criteria`; no answer means none."""

from datetime import datetime
from urllib.parse import urlsplit

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0."
IDENTITY_TYPES = {
    "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress",
    "nationalIdentityNumber", "isbn", "issn", "lisSourcedId", "oneRosterSourcedId", "sisSourcedId",
    "ltiContextId", "ltiDeploymentId", "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier",
}  # fmt: skip


def _is_uri(value) -> bool:
    return isinstance(value, str) and bool(urlsplit(value).scheme) and " " not in value


def _is_url(value) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def _is_datetime(value) -> bool:
    """A DateTime with a time zone, as the specification's DateTimeZ asks."""
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except (TypeError, ValueError):
        return False


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _types(value) -> list:
    return value if isinstance(value, list) else [value]


def _has_type(node: dict, *wanted: str) -> bool:
    return any(name in _types(node.get("type")) for name in wanted)


class _Problems(list):
    def check(self, ok: bool, path: str) -> bool:
        if not ok:
            self.append(path)
        return ok

    def object(self, node, path: str) -> bool:
        return self.check(isinstance(node, dict), path)


def achievement_credential_problems(credential) -> list[str]:
    problems = _Problems()
    if not problems.object(credential, "$"):
        return problems
    contexts = credential.get("@context")
    problems.check(
        isinstance(contexts, list)
        and contexts[:1] == [VC_CONTEXT]
        and any(isinstance(c, str) and c.startswith(OB_CONTEXT_PREFIX) for c in contexts),
        "@context",
    )
    problems.check(
        "VerifiableCredential" in _types(credential.get("type"))
        and _has_type(credential, "AchievementCredential", "OpenBadgeCredential"),
        "type",
    )
    problems.check(_is_uri(credential.get("id")), "id")
    problems.check(_is_text(credential.get("name")), "name")
    problems.check(_is_datetime(credential.get("validFrom")), "validFrom")
    if "validUntil" in credential:
        problems.check(_is_datetime(credential["validUntil"]), "validUntil")
    _profile(credential.get("issuer"), "issuer", problems)
    _subject(credential.get("credentialSubject"), "credentialSubject", problems)
    if "credentialStatus" in credential:
        _status_entry(credential["credentialStatus"], "credentialStatus", problems)
    for index, schema in enumerate(_types(credential.get("credentialSchema", []))):
        path = f"credentialSchema[{index}]"
        if problems.object(schema, path):
            problems.check(_is_uri(schema.get("id")), f"{path}.id")
            problems.check(_is_text(schema.get("type")), f"{path}.type")
    return problems


def _profile(profile, path, problems):
    if problems.object(profile, path):
        problems.check(_is_uri(profile.get("id")), f"{path}.id")
        problems.check(_has_type(profile, "Profile"), f"{path}.type")


def _subject(subject, path, problems):
    if not problems.object(subject, path):
        return
    problems.check(_has_type(subject, "AchievementSubject"), f"{path}.type")
    identifiers = subject.get("identifier")
    # The recipient is named by an `id` or by at least one IdentityObject.
    if problems.check(
        _is_uri(subject.get("id")) or (isinstance(identifiers, list) and bool(identifiers)),
        f"{path}.identifier",
    ):
        for index, identity in enumerate(identifiers or []):
            _identity(identity, f"{path}.identifier[{index}]", problems)
    _achievement(subject.get("achievement"), f"{path}.achievement", problems)


def _identity(identity, path, problems):
    if not problems.object(identity, path):
        return
    problems.check(identity.get("type") == "IdentityObject", f"{path}.type")
    problems.check(isinstance(identity.get("hashed"), bool), f"{path}.hashed")
    problems.check(_is_text(identity.get("identityHash")), f"{path}.identityHash")
    problems.check(
        identity.get("identityType") in IDENTITY_TYPES
        or str(identity.get("identityType", "")).startswith("ext:"),
        f"{path}.identityType",
    )
    if identity.get("hashed") is True:
        hashed = str(identity.get("identityHash", ""))
        problems.check(hashed.startswith(("sha256$", "md5$")), f"{path}.identityHash")
    if "salt" in identity:
        problems.check(isinstance(identity["salt"], str), f"{path}.salt")


def _achievement(achievement, path, problems):
    if not problems.object(achievement, path):
        return
    problems.check(_is_uri(achievement.get("id")), f"{path}.id")
    problems.check(_has_type(achievement, "Achievement"), f"{path}.type")
    problems.check(_is_text(achievement.get("name")), f"{path}.name")
    problems.check(_is_text(achievement.get("description")), f"{path}.description")
    criteria = achievement.get("criteria")
    if problems.object(criteria, f"{path}.criteria"):
        problems.check(
            _is_uri(criteria.get("id")) or _is_text(criteria.get("narrative")),
            f"{path}.criteria",
        )
    for index, alignment in enumerate(achievement.get("alignment", [])):
        _alignment(alignment, f"{path}.alignment[{index}]", problems)
    if "image" in achievement:
        image = achievement["image"]
        if problems.object(image, f"{path}.image"):
            problems.check(_is_uri(image.get("id")), f"{path}.image.id")
            problems.check(image.get("type") == "Image", f"{path}.image.type")


def _alignment(alignment, path, problems):
    if problems.object(alignment, path):
        problems.check(_has_type(alignment, "Alignment"), f"{path}.type")
        problems.check(_is_text(alignment.get("targetName")), f"{path}.targetName")
        problems.check(_is_url(alignment.get("targetUrl")), f"{path}.targetUrl")


def _status_entry(entry, path, problems):
    """CredentialStatus: a type; a BitstringStatusListEntry also its purpose, its index (an
    integer written as a string) and the URL of its status list credential."""
    if not problems.object(entry, path) or not problems.check(
        _is_text(entry.get("type")), f"{path}.type"
    ):
        return
    if "id" in entry:
        problems.check(_is_uri(entry["id"]), f"{path}.id")
    if entry["type"] == "BitstringStatusListEntry":
        problems.check(_is_text(entry.get("statusPurpose")), f"{path}.statusPurpose")
        index = entry.get("statusListIndex")
        problems.check(isinstance(index, str) and index.isdigit(), f"{path}.statusListIndex")
        problems.check(_is_url(entry.get("statusListCredential")), f"{path}.statusListCredential")

"""The Ed25519 keys that sign Open Badges 3.0 credentials, and the did:web document that
publishes them.

Private keys are JWK files in a directory outside the database (`CREDENTIAL_KEYS_DIR`, from the
settings or the environment; `var/credential-keys` by default), one file per key, created by
`manage.py credential_keys`. The newest key signs; every key stays published in
`/.well-known/did.json` until its file is removed, so what an older key signed still verifies."""

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from joserfc.jwk import OKPKey


class NoSigningKey(Exception):
    """No key to sign credentials with: `manage.py credential_keys generate` makes one."""


@dataclass(frozen=True)
class SigningKey:
    kid: str
    created: str  # ISO 8601, UTC: orders the keys, the newest signs
    key: OKPKey
    path: Path

    @property
    def public_jwk(self) -> dict:
        public = self.key.as_dict(private=False)
        return {name: public[name] for name in ("kty", "crv", "x")}


def keys_dir() -> Path:
    configured = getattr(settings, "CREDENTIAL_KEYS_DIR", None) or os.environ.get(
        "CREDENTIAL_KEYS_DIR"
    )
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "credential-keys"


def issuer_did() -> str:
    """did:web of the site's host (WAGTAILADMIN_BASE_URL); a port is written %3A, as did:web
    asks. Resolves to https://<host>/.well-known/did.json."""
    return "did:web:" + quote(urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc, safe="")


def verification_method(kid: str) -> str:
    return f"{issuer_did()}#{kid}"


def signing_keys() -> list[SigningKey]:
    """Every key in the directory, oldest first."""
    found = []
    for path in sorted(keys_dir().glob("*.json")):
        jwk = json.loads(path.read_text())
        found.append(
            SigningKey(
                kid=jwk["kid"],
                created=jwk.get("created", ""),
                key=OKPKey.import_key({k: v for k, v in jwk.items() if k != "created"}),
                path=path,
            )
        )
    return sorted(found, key=lambda key: (key.created, key.kid))


def current_key() -> SigningKey:
    """The key that signs now: the newest. Raises NoSigningKey when there is none."""
    keys = signing_keys()
    if not keys:
        raise NoSigningKey(
            f"No credential signing key in {keys_dir()}: run manage.py credential_keys generate"
        )
    return keys[-1]


def signing_key_create() -> SigningKey:
    """A new Ed25519 key, which becomes the one that signs; the others stay published. The file
    is readable by its owner only and never overwritten."""
    directory = keys_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = datetime.now(UTC)
    kid = f"{now:%Y-%m-%d}-{secrets.token_hex(4)}"
    jwk = OKPKey.generate_key("Ed25519", parameters={"kid": kid}).as_dict(private=True)
    jwk["created"] = now.isoformat()
    path = directory / f"{kid}.json"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(jwk, handle)
    return next(key for key in signing_keys() if key.kid == kid)


def did_document() -> dict:
    """The issuer's DID document: every published key, current and older, as a JsonWebKey
    verification method usable for assertions (signing credentials)."""
    did = issuer_did()
    methods = [
        {
            "id": verification_method(key.kid),
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": key.public_jwk,
        }
        for key in signing_keys()
    ]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://www.w3.org/ns/cid/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }

"""Ed25519 keys that sign Open Badges 3.0 credentials (certificates.keys).

    manage.py credential_keys generate   create the first key; does nothing if one exists
    manage.py credential_keys rotate     create a new key that signs from now on
    manage.py credential_keys list       the published keys, the one that signs last

Older keys stay published in /.well-known/did.json, so what they signed still verifies; remove
a key's file only if it must no longer be trusted (what it signed then fails)."""

from django.core.management.base import BaseCommand

from certificates.keys import issuer_did, keys_dir, signing_key_create, signing_keys


class Command(BaseCommand):
    help = "Generate, rotate or list the keys that sign Open Badges 3.0 credentials."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["generate", "rotate", "list"])

    def handle(self, *args, action, **options):
        existing = signing_keys()
        if action == "generate" and existing:
            self.stdout.write(
                f"A signing key exists already ({existing[-1].kid} in {keys_dir()}); "
                "use `rotate` to replace it."
            )
        elif action in ("generate", "rotate"):
            key = signing_key_create()
            self.stdout.write(self.style.SUCCESS(f"New signing key {key.kid}: {key.path}"))
            if existing:
                self.stdout.write(f"{len(existing)} older key(s) stay published for verification.")
        else:
            self.stdout.write(f"{issuer_did()} ({len(existing)} key(s) in {keys_dir()})")
            for key in existing:
                current = "  signs now" if key is existing[-1] else ""
                self.stdout.write(f"{key.kid}  created {key.created}{current}")

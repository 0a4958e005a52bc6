from datetime import timedelta

from django.core.management.base import BaseCommand

from academy.core.outbox import outbox_relay


class Command(BaseCommand):
    help = "Send the tasks a broker outage kept in the outbox (Celery beat does this every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Also the tasks queued in the last 30 seconds."
        )

    def handle(self, *args, **options):
        older_than = {"older_than": timedelta(0)} if options["all"] else {}
        sent = outbox_relay(**older_than)
        self.stdout.write(f"Sent {sent} queued task(s).")

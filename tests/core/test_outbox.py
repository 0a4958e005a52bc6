"""Tasks are written in the transaction that decides them and sent when it commits; what the
broker cannot take waits in the outbox for the relay (academy/core/outbox.py). A real broker
outage, and the relay once it is back: tests/services/test_outages.py."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from academy.core.models import OutboxTask
from academy.core.outbox import outbox_relay
from courses.services import enrollment_create

pytestmark = pytest.mark.django_db
TASK = "courses.tasks.send_enrollment_confirmation"


def test_a_committed_task_is_sent_and_leaves_nothing_behind(
    learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(learner=learner, course=course)

    assert len(mail.outbox) == 1
    assert not OutboxTask.objects.exists()


def test_a_rolled_back_transaction_queues_nothing(learner, course):
    with pytest.raises(RuntimeError), transaction.atomic():
        enrollment_create(learner=learner, course=course)
        raise RuntimeError("the request failed after enrolling")

    assert mail.outbox == []
    assert not OutboxTask.objects.exists()


def test_the_relay_sends_what_waited_and_leaves_what_was_just_queued(learner, course):
    enrollment = enrollment_create(learner=learner, course=course, notify=False)[0]
    waited = OutboxTask.objects.create(
        task=TASK, args=[enrollment.pk], created_at=timezone.now() - timedelta(minutes=5)
    )
    just_queued = OutboxTask.objects.create(task=TASK, args=[enrollment.pk])

    assert outbox_relay() == 1

    assert len(mail.outbox) == 1 and learner.email in mail.outbox[0].to
    assert list(OutboxTask.objects.all()) == [just_queued]
    assert not OutboxTask.objects.filter(pk=waited.pk).exists()

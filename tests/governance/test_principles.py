"""The 12 Principles of Good Democratic Governance, seeded by a data migration with both the
2023 (CM/Rec(2023)5) and the 2008 numbering, and editable as snippets."""

import pytest
from django.urls import reverse

from academy.accounts.models import User
from academy.governance.models import Principle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# 2023 number -> (name, 2008 number), as in /work/shared/DOMAIN.md.
EXPECTED_PRINCIPLES = {
    1: ("Democratic Participation", 1),
    2: ("Human Rights", 11),
    3: ("Rule of Law", 5),
    4: ("Public Ethics", 6),
    5: ("Accountability", 12),
    6: ("Openness and Transparency", 4),
    7: ("Efficient, Effective and Sound Administration", 3),
    8: ("Leadership, Capability and Capacity", 7),
    9: ("Responsiveness", 2),
    10: ("Sound Financial and Economic Management", 10),
    11: ("Sustainability and Long-term Orientation", 9),
    12: ("Openness to Change and Innovation", 8),
}


@pytest.fixture
def admin_client(client):
    client.force_login(
        User.objects.create_superuser(email="admin@lap.example", full_name="Admin Adminović")
    )
    return client


def test_migration_seeds_the_twelve_principles_with_both_numberings():
    seeded = {p.number: (p.name, p.number_2008) for p in Principle.objects.in_order()}

    assert seeded == EXPECTED_PRINCIPLES


def test_responsiveness_is_9_in_2023_and_2_in_2008():
    responsiveness = Principle.objects.get(slug="responsiveness")

    assert responsiveness.number == 9
    assert responsiveness.number_2008 == 2


def test_both_numberings_run_from_1_to_12_without_gaps():
    principles = Principle.objects.all()

    assert sorted(p.number for p in principles) == list(range(1, 13))
    assert sorted(p.number_2008 for p in principles) == list(range(1, 13))


def test_principles_have_unique_slugs():
    slugs = list(Principle.objects.values_list("slug", flat=True))

    assert len(slugs) == 12
    assert len(set(slugs)) == 12
    assert all(slugs)


def test_every_principle_has_three_outcome_statements_and_a_summary():
    for principle in Principle.objects.all():
        assert len(principle.outcomes) == 3, principle
        assert all(text.strip() for text in principle.outcomes), principle
        assert len(set(principle.outcomes)) == 3, principle
        assert principle.summary.strip(), principle


def test_principles_are_seeded_in_the_default_locale():
    locales = set(Principle.objects.values_list("locale__language_code", flat=True))

    assert locales == {"en"}


def test_principles_are_listed_by_their_2023_number():
    assert [p.number for p in Principle.objects.all()] == list(range(1, 13))


def test_str_is_the_2023_number_and_the_name():
    assert str(Principle.objects.get(number=9)) == "9. Responsiveness"


def test_outcomes_skip_empty_statements():
    principle = Principle.objects.get(number=1)
    principle.outcome_2 = ""

    assert len(principle.outcomes) == 2


def test_superuser_sees_all_principles_in_the_snippet_listing(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_governance_principle:list"))

    assert response.status_code == 200
    content = response.content.decode()
    for name, _number_2008 in EXPECTED_PRINCIPLES.values():
        assert name in content


def test_superuser_can_open_a_principle_for_editing(admin_client):
    principle = Principle.objects.get(number=9)

    response = admin_client.get(
        reverse("wagtailsnippets_governance_principle:edit", args=[principle.pk])
    )

    assert response.status_code == 200
    assert "Responsiveness" in response.content.decode()


@pytest.mark.parametrize("query", ["Responsiveness", "responsiv"])
def test_principle_listing_finds_seeded_principles_by_name(admin_client, query):
    # The seeded rows were never added to a search index; search must still find them.
    response = admin_client.get(reverse("wagtailsnippets_governance_principle:list"), {"q": query})

    assert response.status_code == 200
    assert [p.name for p in response.context["object_list"]] == ["Responsiveness"]


def test_principle_listing_searches_summaries(admin_client):
    response = admin_client.get(
        reverse("wagtailsnippets_governance_principle:list"), {"q": "future generations"}
    )

    assert [p.number for p in response.context["object_list"]] == [11]


def test_learner_cannot_open_the_principle_snippets(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailsnippets_governance_principle:list"))

    assert response.status_code != 200

from django.contrib.auth.models import Group
from django.db import transaction

from .models import Organisation, User
from .roles import LEARNERS


@transaction.atomic
def user_register(
    *,
    email: str,
    full_name: str,
    password: str | None,
    preferred_language: str,
    organisation: Organisation | None = None,
    role: str = "",
) -> User:
    """Create a learner account (email normalised, member of the Learners group)."""
    user = User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name.strip(),
        preferred_language=preferred_language,
        organisation=organisation,
        role=role,
    )
    user.groups.add(Group.objects.get(name=LEARNERS))
    return user

"""Deployment checks: `check --deploy` (run by `make test`) refuses what would lose data."""

from django.core.checks import run_checks


def deploy_check_ids():
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_deploy_checks_warn_when_emails_would_only_be_printed(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert "academy.W001" in deploy_check_ids()


def test_deploy_checks_accept_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert "academy.W001" not in deploy_check_ids()


def test_deploy_checks_warn_when_each_process_has_its_own_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "academy.W002" in deploy_check_ids()


def test_deploy_checks_accept_redis(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://x:6379/0"}
    }
    assert "academy.W002" not in deploy_check_ids()

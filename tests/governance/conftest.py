from tests.certificates.conftest import issue, template  # noqa: F401 - shared fixtures

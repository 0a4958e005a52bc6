from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from courses.reports import register_column_source, register_organisation_column_source
        from courses.signals import course_completed
        from quizzes.signals import attempt_graded

        from . import handlers
        from .reports import certificate_status_column, certificates_per_organisation

        course_completed.connect(handlers.on_course_completed, dispatch_uid="certificates.issue")
        attempt_graded.connect(handlers.on_attempt_graded, dispatch_uid="certificates.rescore")
        register_column_source(certificate_status_column)
        register_organisation_column_source(certificates_per_organisation)

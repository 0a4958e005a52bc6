from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from academy.accounts.personal_data import register_eraser, register_personal_data
        from courses.portfolio import register_portfolio_section
        from courses.reports import register_column_source, register_organisation_column_source
        from courses.signals import course_completed, course_result_changed

        from . import handlers
        from .data_sections import certificates, erase
        from .portfolio import certificates_section
        from .reports import certificate_status_column, certificates_per_organisation

        course_completed.connect(handlers.on_course_completed, dispatch_uid="certificates.issue")
        course_result_changed.connect(
            handlers.on_course_result_changed, dispatch_uid="certificates.rescore"
        )
        register_column_source(certificate_status_column)
        register_organisation_column_source(certificates_per_organisation)
        register_portfolio_section(certificates_section, order=10)
        register_personal_data(certificates, order=50)
        register_eraser(erase, order=50)

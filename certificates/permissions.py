def can_manage_certificates(user) -> bool:
    """Certificate administrators (and superusers) issue, revoke and read every certificate."""
    return user.is_authenticated and user.has_perm("certificates.change_certificate")

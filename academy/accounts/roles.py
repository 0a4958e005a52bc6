"""The groups that give people their role on the platform (created by migration)."""

LEARNERS = "Learners"
TRAINERS = "Trainers"
CERTIFICATE_ADMINISTRATORS = "Certificate administrators"

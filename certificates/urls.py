from django.urls import path

from . import views

# Language-neutral: the QR code and badge ids must stay the same whatever the reader's language.
app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/credential/", views.verify_credential, name="verify_credential"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("badges/issuer.json", views.badge_issuer, name="badge_issuer"),
    path("badges/courses/<int:course_id>.json", views.badge_class, name="badge_class"),
    path("badges/assertions/<str:code>.json", views.badge_assertion, name="badge_assertion"),
    # Open Badges 3.0: the issuer's did:web document and the revocation status lists.
    path(".well-known/did.json", views.did_json, name="did"),
    path("credentials/status/<int:number>", views.status_list, name="status_list"),
]

from django.urls import path, re_path

from . import views

# Under the language prefix: pages for signed-in learners.
app_name = "learner_certificates"

urlpatterns = [
    path("my-certificates/", views.my_certificates, name="mine"),
    path("certificates/<int:pk>/pdf/", views.download, name="download"),
    re_path(
        r"^certificates/(?P<pk>[0-9]+)/open-badge\.(?P<extension>json|jwt)$",
        views.credential_download,
        name="credential",
    ),
    # LocaleMiddleware answers the 404 of an unknown code at /verify/<code>/ with a redirect to
    # /<language>/verify/<code>/ (Wagtail's catch-all makes that path look valid). Serving the
    # same view there shows "No certificate has this code" in the visitor's language instead of
    # a bare "Not Found". The canonical address (in QR codes) stays language-neutral.
    path("verify/<str:code>/", views.verify, name="verify"),
]

"""Trainers work in Wagtail's admin in their language. Our own admin screens are translated in
locale/; Wagtail's strings come from academy/core/catalogues.py where Wagtail has no catalogue:
Bosnian shows Wagtail's Croatian, each Serbian script shows its own script, and what no
catalogue translates stays English. Needs `make translations` (as the whole suite does)."""

import json
import re
from pathlib import Path

import django
import polib
import pytest
import wagtail
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site
from wagtail.users.models import UserProfile

from academy.accounts.models import User
from academy.core.catalogues import in_script, locale_dirs

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_LETTER = re.compile(r"[A-Za-zČĆĐŠŽčćđšž]")
# Main menu items of Wagtail's own, by name, with their English labels; our catalogues translate
# none of these labels, so each shows what Wagtail's (and the generated fallbacks) say.
WAGTAIL_MENU = {
    "explorer": "Pages",
    "images": "Images",
    "snippets": "Snippets",
    "reports": "Reports",
    "settings": "Settings",
    "users": "Users",
    "groups": "Groups",
    "help": "Help",
    "account": "Account",
}


@pytest.fixture(autouse=True)
def fallback_catalogues_exist():
    assert any((Path(settings.FALLBACK_LOCALE_DIR) / "bs").glob("LC_MESSAGES/*.mo")), (
        "The fallback catalogues are missing: run `make translations`."
    )


@pytest.fixture
def trainer_in(client):
    """A client signed in to the admin whose Wagtail preference is the given language."""
    user = User.objects.create_superuser(email="trener@lap.example", full_name="Trener Trenerić")
    client.force_login(user)

    def in_language(language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return client

    return in_language


def wagtail_translations(language, msgid, domain="django"):
    """Every translation of `msgid` in Wagtail's own catalogues for `language`."""
    found = set()
    for name in locale_dirs(language):
        pattern = f"**/locale/{name}/LC_MESSAGES/{domain}.mo"
        for path in Path(wagtail.__file__).parent.glob(pattern):
            entry = polib.mofile(str(path)).find(msgid)
            if entry and entry.msgstr:
                found.add(entry.msgstr)
    return found


def menu_labels(html):
    """The sidebar's labels by item name (the sidebar is drawn from this JSON)."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    labels = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str) and "label" in node:
                labels.setdefault(node["name"], node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return labels


def admin_pages(client):
    """The dashboard, the page explorer and the home page's editor, as a trainer opens them."""
    home = Site.objects.get(is_default_site=True).root_page
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


@pytest.mark.parametrize("language", ["bs", "hr", "sr", "sr-latn"])
def test_the_admin_offers_each_of_our_languages(trainer_in, language):
    account = trainer_in("").get(reverse("wagtailadmin_account")).content.decode()

    select = re.search(r'<select name="locale-preferred_language".*?</select>', account, re.S)
    assert f'value="{language}"' in select.group()


def test_without_a_preference_the_admin_speaks_the_language_chosen_on_the_site(trainer_in):
    client = trainer_in("")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "bs"

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert '<html lang="bs"' in html


@pytest.mark.parametrize("language", ["bs", "hr"])
def test_bosnian_and_croatian_show_wagtails_croatian(trainer_in, language):
    pages = admin_pages(trainer_in(language))

    dashboard, _explorer, editor = pages.values()
    assert all(f'<html lang="{language}"' in html for html in pages.values())
    labels = menu_labels(dashboard)
    for name, english in WAGTAIL_MENU.items():
        # "Help" has no Croatian in Wagtail: it stays English.
        expected = wagtail_translations("hr", english) or {english}
        assert labels[name] in expected, (name, labels[name])
    assert labels["explorer"] != "Pages"
    for english in ("Dashboard", "Publish", "Preview"):
        croatian = wagtail_translations("hr", english)
        assert croatian and any(text in dashboard + editor for text in croatian), english


def test_serbian_cyrillic_shows_wagtails_serbian_in_cyrillic(trainer_in):
    pages = admin_pages(trainer_in("sr"))

    labels = menu_labels(pages[reverse("wagtailadmin_home")])
    # Wagtail's few Serbian strings are written in Latin script; Cyrillic pages show them so.
    assert wagtail_translations("sr", "Settings") == {"Podešavanja"}
    assert labels["settings"] == "Подешавања"
    for name, english in WAGTAIL_MENU.items():
        # Untranslated labels stay English; none is Serbian in Latin script.
        assert labels[name] == english or not LATIN_LETTER.search(labels[name]), labels[name]


def test_serbian_latin_admin_has_no_cyrillic(trainer_in):
    pages = admin_pages(trainer_in("sr-latn"))

    labels = menu_labels(pages[reverse("wagtailadmin_home")])
    assert labels["settings"] == "Podešavanja"
    assert not any(CYRILLIC.search(label) for label in labels.values())
    for url, html in pages.items():
        text = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
        assert not CYRILLIC.findall(text), url


def test_serbian_latin_never_falls_back_to_a_cyrillic_catalogue():
    """Python's gettext reads the `sr` catalogue where an app has no `sr_Latn` one."""
    django_root = Path(django.__file__).parent / "conf" / "locale"
    sources = [django_root, *(Path(config.path) / "locale" for config in apps.get_app_configs())]
    msgids = {
        entry.msgid
        for root in sources
        for path in root.glob("sr/LC_MESSAGES/django.mo")
        for entry in polib.mofile(str(path))
        if entry.msgid and not entry.msgid_plural
    }
    with translation.override("sr-latn"):
        cyrillic = [msgid for msgid in msgids if CYRILLIC.search(translation.gettext(msgid))]

    assert len(msgids) > 100
    assert cyrillic == []


def test_the_admins_javascript_strings_follow_the_same_fallbacks(trainer_in):
    catalogue = trainer_in("bs").get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    found = re.search(
        r"const newcatalog = (\{.*?\});\s*for \(const key in newcatalog\)", catalogue, re.S
    )
    strings = json.loads(found.group(1)) if found else {}  # no catalogue at all: English
    croatian = wagtail_translations("hr", "Loading…", domain="djangojs")
    assert croatian and strings.get("Loading…") in croatian


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Uredi %(title)s u <b>{locale}</b>", "sr", "Уреди %(title)s у <b>{locale}</b>"),
        ("%s GB", "sr", "%s GB"),  # acronyms stay Latin, as Django's Serbian writes them
        ("Поруке: %(count)s", "sr", "Поруке: %(count)s"),
        ("Измене %(title)s", "sr-latn", "Izmene %(title)s"),
        ("Измене", "bs", "Izmene"),
        ("Spremi", "hr", "Spremi"),
    ],
)
def test_borrowed_strings_are_written_in_the_languages_script(text, language, expected):
    assert in_script(text, language) == expected

"""Journey 1, keyboard only: a visitor signs up, confirms, picks Bosnian, browses the catalogue,
enrolls in the LAP course, reads a lesson, marks it complete, logs out, logs back in and lands on
"Continue where you left off"."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.keyboard import activate, choose_option, open_menu, type_into

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "snijeg na Bjelašnici 2026"


def sign_up(page):
    type_into(page, page.locator("#id_full_name"), "Amra Hodžić")
    type_into(page, page.locator("#id_email"), "amra@lap.example")
    choose_option(page, page.locator("#id_role"), "Municipal official")
    choose_option(page, page.locator("#id_preferred_language"), "English")
    type_into(page, page.locator("#id_password1"), PASSWORD)
    type_into(page, page.locator("#id_password2"), PASSWORD)
    page.keyboard.press("Enter")


def test_a_visitor_signs_up_and_comes_back_to_continue_where_they_left_off(
    page, site_url, lap_course, screenshot
):
    page.goto("/en/")
    screenshot(page, "j1", "1-home")

    open_menu(page)
    activate(page, page.get_by_role("link", name="Sign up"))
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    sign_up(page)

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    expect(page.get_by_text("We have sent a link to amra@lap.example")).to_be_visible()
    screenshot(page, "j1", "2-check-email")
    [message] = mail.outbox
    [confirm_url] = re.findall(r"https?://\S+/confirm/\S+/", message.body)

    page.goto(confirm_url)  # the link in the email
    expect(page.get_by_text("Your email address is confirmed")).to_be_visible()

    open_menu(page)
    activate(page, page.locator(".language-switcher a[hreflang='bs']"))
    expect(page.locator("html")).to_have_attribute("lang", "bs")

    open_menu(page)
    activate(page, page.locator(".site-nav a[href='/bs/courses/']"))
    expect(page).to_have_url(re.compile(r"/bs/courses/$"))
    screenshot(page, "j1", "3-catalogue")

    activate(page, page.get_by_role("link", name=lap_course.title))
    expect(page.get_by_role("heading", level=1)).to_have_text(lap_course.title)
    activate(page, page.get_by_role("button", name="Upiši se"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")
    expect(page.get_by_text("Upisani ste")).to_be_visible()
    expect(page.get_by_text("Publish the draft budget before the debate.")).to_be_visible()
    screenshot(page, "j1", "4-lesson")
    activate(page, page.get_by_role("button", name="Označi kao završeno"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.2")

    open_menu(page)
    activate(page, page.get_by_role("button", name="Odjavi se"))
    expect(page.locator(".site-nav a", has_text="Prijavi se")).to_have_count(1)  # logged out

    page.goto("/bs/accounts/login/")  # from a bookmark
    type_into(page, page.locator("#id_username"), "amra@lap.example")
    type_into(page, page.locator("#id_password"), PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Moje učenje")).to_be_visible()
    card = page.locator(".card", has_text=lap_course.title)
    expect(card).to_contain_text("Nastavite gdje ste stali")
    expect(card.get_by_role("progressbar")).to_have_attribute("value", "20")  # 1 of 5 steps
    screenshot(page, "j1", "5-continue")
    activate(page, card.get_by_role("link", name="Lesson 1.2"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.2")

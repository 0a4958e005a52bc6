"""A keyboard-only person: Tab to move, Enter, Space and arrow keys to act; never the mouse."""

TAB_LIMIT = 120


def has_focus(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator):
    """Press Tab until `locator` has the focus, as a keyboard user moves through a page."""
    for _ in range(TAB_LIMIT):
        if has_focus(locator):
            return locator
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}: it is not keyboard-reachable")


def activate(page, locator, key="Enter"):
    """Tab to a link or button and press Enter."""
    tab_to(page, locator)
    page.keyboard.press(key)


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def choose_option(page, select, label):
    """Tab to a <select> and move through its options with the arrow keys until `label`."""
    tab_to(page, select)
    page.keyboard.press("Home")
    for _ in range(select.locator("option").count()):
        if select.evaluate("s => s.options[s.selectedIndex].text.trim()") == label:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {label!r} in {select}")


def choose_radio(page, radio):
    """Tab into the radio's group (focus lands on its checked or first radio), then arrow to
    `radio`: arrows move and check, Space confirms."""
    name = radio.get_attribute("name")
    for _ in range(TAB_LIMIT):
        if page.evaluate("name => document.activeElement.name === name", name):
            break
        page.keyboard.press("Tab")
    for _ in range(page.locator(f"input[name='{name}']").count() + 1):
        if has_focus(radio):
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"arrow keys never reached {radio}")


def open_menu(page):
    """On a phone the header's links are behind the Menu button: open it with the keyboard
    (nothing to do on a desktop, where they are in view)."""
    toggle = page.locator(".site-menu__toggle")
    if toggle.is_visible() and page.locator(".site-menu[open]").count() == 0:
        activate(page, toggle)

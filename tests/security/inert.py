"""What "inert" means for an HTML page: nothing in it can run script.

A page is inert when it has no inline `<script>` (only `src=` from our own origin, or JSON data
blocks a browser never runs), no event-handler attribute (`onerror=`, `onclick=`...), no
`javascript:` or `data:` URL in a link, source or form, and no `<iframe srcdoc>`, `<object>`,
`<embed>` or `<meta http-equiv="refresh">`. That is also exactly what the learner pages'
Content-Security-Policy would block, so an inert page loses nothing under it.
"""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


def _scheme(url):
    """The scheme as a browser reads it: control characters and spaces inside it are ignored."""
    cleaned = "".join(ch for ch in url if ch > " ").lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._open_script = None  # index of the problem an inline script's text belongs to

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        where = self.get_starttag_text()
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= in {where}")
            if name in URL_ATTRIBUTES and value and _scheme(value) in {"javascript", "vbscript"}:
                self.problems.append(f"script URL in {where}")
            if name in URL_ATTRIBUTES and value and _scheme(value) == "data" and tag != "img":
                self.problems.append(f"data: URL in {where}")
        if tag == "script":
            src = named.get("src") or ""
            kind = (named.get("type") or "").lower()
            if kind not in DATA_SCRIPT_TYPES and (not src or "//" in src.split("?")[0][:8]):
                self.problems.append(f"inline or foreign script {where}")
                self._open_script = len(self.problems) - 1
        if tag in {"object", "embed"} or (tag == "iframe" and "srcdoc" in named):
            self.problems.append(f"active content {where}")
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"meta refresh {where}")

    def handle_data(self, data):
        if self._open_script is not None:
            self.problems[self._open_script] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open_script = None


def script_risks(html: str) -> list[str]:
    """Everything in `html` that could run script; [] for an inert page."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.problems


def assert_inert(response):
    assert response.status_code == 200, response
    assert script_risks(response.content.decode()) == []

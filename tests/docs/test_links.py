"""The README is the front door and docs/ holds the rest: every relative link and image in them
must lead somewhere, every guide in docs/ must be reachable from the README, and the README must
stay short. No database: these tests read files only."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_MAX_LINES = 220

MARKDOWN_FILES = [README, *sorted(DOCS.rglob("*.md"))]

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# The end of an inline link or image, `[text](target)` or `![alt](target "title")`: matching on
# "](" finds the target of a link around an image, `[![alt](image)](target)`, too.
INLINE_TARGET = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]+)")
# A reference definition: `[label]: target`.
REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.MULTILINE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:, ...
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def _prose(text: str) -> str:
    """The text without fenced code blocks and inline code, where brackets are not links."""
    kept, in_fence = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            kept.append(line)
    return INLINE_CODE.sub("", "\n".join(kept))


def links(path: Path) -> list[str]:
    """Every link and image target written in `path`, in order."""
    prose = _prose(path.read_text(encoding="utf-8"))
    targets = INLINE_TARGET.findall(prose) + REFERENCE_TARGET.findall(prose)
    return [target.strip("<>") for target in targets]


def relative_links(path: Path) -> list[tuple[str, Path, str]]:
    """(link as written, file or folder it points at, #fragment) for each relative link that
    names a file: links with a scheme (https:, mailto:) and pure #anchors are left out."""
    found = []
    for target in links(path):
        if SCHEME.match(target) or target.startswith("#"):
            continue
        file_part, _, fragment = target.partition("#")
        file_part = unquote(file_part.split("?", 1)[0])
        base = ROOT if file_part.startswith("/") else path.parent
        found.append((target, (base / file_part.lstrip("/")).resolve(), fragment))
    return found


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of `path`: lower case, punctuation dropped, spaces
    as hyphens, a repeated heading numbered -1, -2, ..."""
    seen: dict[str, int] = {}
    for line in _prose(path.read_text(encoding="utf-8")).splitlines():
        heading = HEADING.match(line)
        if not heading:
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))  # a link: its text
        slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if count:
            seen[f"{slug}-{count}"] = 1
    return set(seen)


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_name)
def test_every_relative_link_resolves(path):
    broken = [
        f"{_name(path)}: ({written}) -> {target} does not exist"
        for written, target, _ in relative_links(path)
        if not target.exists()
    ]
    outside = [
        f"{_name(path)}: ({written}) leads outside the repository"
        for written, target, _ in relative_links(path)
        if not target.is_relative_to(ROOT)
    ]
    assert not broken + outside, "\n".join(broken + outside)


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_name)
def test_every_anchor_names_a_heading(path):
    """`file.md#section` and `#section` must name a heading of that file."""
    wanted = [(target, path, target[1:]) for target in links(path) if target.startswith("#")]
    wanted += [
        (written, target, fragment)
        for written, target, fragment in relative_links(path)
        if fragment and target.suffix == ".md" and target.is_file()
    ]
    missing = [
        f"{_name(path)}: ({written}) -> no heading #{fragment} in {_name(target)}"
        for written, target, fragment in wanted
        if unquote(fragment).lower() not in anchors(target)
    ]
    assert not missing, "\n".join(missing)


def test_the_link_finder_sees_what_it_should():
    """Guards the guards: links, images, images inside links and reference definitions are
    found; code is not prose."""
    sample = (
        'See [a](docs/a.md) and ![shot](docs/s.png "title"), [![b](img.png)](docs/b.md#part).\n'
        "[ref]: docs/c.md\n"
        "`[not](a-link.md)` and\n```\n[nor](this.md)\n```\n"
        "[web](https://example.org) [mail](mailto:x@example.org) [here](#top)\n"
    )
    prose = _prose(sample)
    found = INLINE_TARGET.findall(prose) + REFERENCE_TARGET.findall(prose)
    assert found == [
        "docs/a.md",
        "docs/s.png",
        "img.png",
        "docs/b.md#part",
        "https://example.org",
        "mailto:x@example.org",
        "#top",
        "docs/c.md",
    ]


def test_every_guide_in_docs_is_linked_from_the_readme():
    linked = {target for _, target, _ in relative_links(README)}
    unlinked = [_name(doc) for doc in sorted(DOCS.glob("*.md")) if doc.resolve() not in linked]
    assert not unlinked, f"not linked from README.md: {', '.join(unlinked)}"


def test_the_readme_stays_short():
    lines = len(README.read_text(encoding="utf-8").splitlines())
    assert lines <= README_MAX_LINES, (
        f"README.md has {lines} lines (at most {README_MAX_LINES}): move detail into docs/ "
        "and link it"
    )

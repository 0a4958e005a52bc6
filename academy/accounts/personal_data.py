"""What the platform keeps about a person, told by the apps that keep it, for "Download my
data". Each app registers a section in `ready()` (so `accounts` names no higher app): a
function of the user that returns their records as JSON-ready dicts and the files that go
with them. A section reads only the user's own records, in a fixed number of queries."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DataSection:
    name: str  # the file in the archive: <name>.json
    title: str  # the heading in the archive's index, in the user's language
    records: list[dict]
    # (path in the archive, an open-able stored file: a FieldFile)
    files: list[tuple[str, object]] = field(default_factory=list)


_sections: list[tuple[int, Callable]] = []


def register_personal_data(section: Callable, *, order: int) -> None:
    """`section(*, user) -> DataSection`; `order` places it in the archive (profile first)."""
    if all(registered is not section for _order, registered in _sections):
        _sections.append((order, section))


def personal_data_sections() -> list[Callable]:
    return [section for _order, section in sorted(_sections, key=lambda pair: pair[0])]


# eraser(*, user) -> None: anonymise or delete what the app keeps of `user` that is theirs alone
# (free text they wrote, their files), keeping what others rely on (counts, grades, registers).
_erasers: list[tuple[int, Callable]] = []


def register_eraser(eraser: Callable, *, order: int) -> None:
    """`order` runs it: apps' erasers before the account's own (100), which removes the name
    and email they may still need to find the person's records."""
    if all(registered is not eraser for _order, registered in _erasers):
        _erasers.append((order, eraser))


def erasers() -> list[Callable]:
    return [eraser for _order, eraser in sorted(_erasers, key=lambda pair: pair[0])]

"""Serbian Cyrillic <-> Latin for content: HTML (rich text), StreamField data and plain text.

Only the words a reader sees are converted: tags and their attributes, URLs, e-mail addresses
and HTML entities are kept as they are, so links, markup and addresses survive a round trip.
The letter tables (and the digraphs Lj, Nj, Dž) are in academy.core.text."""

import re
from collections.abc import Callable
from functools import partial

from wagtail import blocks

from .text import URL_OR_EMAIL, cyrillic_to_latin, has_no_lowercase, latin_to_cyrillic

# A tag (with its attributes), an entity, a URL or an e-mail address: never converted.
_KEEP = re.compile(
    r"<[^>]*>"
    r"|\{\w+\}"  # certificate placeholders such as {learner}
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
    rf"|{URL_OR_EMAIL}"
)

CONVERTERS: dict[str, Callable[[str], str]] = {
    "sr-latn": cyrillic_to_latin,  # into Serbian Latin
    "sr": latin_to_cyrillic,  # into Serbian Cyrillic
}


def convert_text(text: str, convert: Callable[[str], str]) -> str:
    """`convert` applied to the words of `text` (plain or HTML), everything in `_KEEP` kept.
    Into Cyrillic, whether words in capitals are acronyms ("<b>EU</b>") or words (a text all in
    capitals) is judged on the whole text, not on the piece between two tags."""
    if convert is latin_to_cyrillic:
        in_capitals = has_no_lowercase(_KEEP.sub(" ", text))
        convert = partial(latin_to_cyrillic, in_capitals=in_capitals)
    out, position = [], 0
    for match in _KEEP.finditer(text):
        out.append(convert(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(convert(text[position:]))
    return "".join(out)


_TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def convert_stream(block, raw, convert: Callable[[str], str]):
    """StreamField raw data with the text of its text blocks converted; choices, numbers, URLs,
    e-mail, page and image blocks, block types and ids untouched."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **item,
                "value": convert_stream(block.child_blocks[item["type"]], item["value"], convert),
            }
            if item.get("type") in block.child_blocks
            else item
            for item in raw
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return {
            name: convert_stream(block.child_blocks[name], value, convert)
            if name in block.child_blocks
            else value
            for name, value in raw.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": convert_stream(block.child_block, item["value"], convert)}
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else convert_stream(block.child_block, item, convert)
            for item in raw
        ]
    if isinstance(block, _TEXT_BLOCKS) and isinstance(raw, str):
        return convert_text(raw, convert)
    return raw

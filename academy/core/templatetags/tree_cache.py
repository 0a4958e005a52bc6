"""`{% treecache "name" vary_on... %}...{% endtreecache %}`: a fragment that is the same for every
reader who shares `vary_on` (the language, logged in or not, a page), rendered once per tree
generation and kept with the tree (`academy.core.page_cache.tree_cached`): in the process's memory,
then the cache. For what a page shows around its content (the site's header and footer) and a
lesson's body, never for anything of one person's (progress, a form's CSRF token).

The key also carries a digest of the template file the fragment is written in, so that a release
that changes it renders its own (two releases can run side by side)."""

import hashlib
from functools import cache
from pathlib import Path

from django import template
from django.core.cache.utils import make_template_fragment_key

from academy.core.page_cache import cache_name, tree_cached

register = template.Library()


class TreeCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on, source_digest):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on
        self.source_digest = source_digest

    def render(self, context):
        if getattr(context.get("request"), "is_preview", False):  # a draft: never kept
            return self.nodelist.render(context)
        key = make_template_fragment_key(
            self.source_digest, [value.resolve(context) for value in self.vary_on]
        )
        rendered = tree_cached(
            _fragments(self.name), [key], lambda keys: {keys[0]: self.nodelist.render(context)}
        )
        return rendered[key]


@cache
def _fragments(name: str) -> str:
    return cache_name(f"fragment-{name}", TreeCacheNode)


def _digest_of(origin) -> str:
    """The template file's content, as a short digest ("" for a template made from a string)."""
    try:
        return hashlib.blake2b(Path(origin.name).read_bytes(), digest_size=8).hexdigest()
    except (OSError, TypeError):
        return ""


@register.tag("treecache")
def do_treecache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a quoted fragment name, then what the fragment varies on."
        )
    nodelist = parser.parse(("endtreecache",))
    parser.delete_first_token()
    return TreeCacheNode(
        nodelist,
        bits[1][1:-1],
        [parser.compile_filter(bit) for bit in bits[2:]],
        _digest_of(parser.origin),
    )

"""The tree cache of courses: each course as published (its roots in every language, live
modules and steps, lessons' principles), read once and kept until the page tree next changes
(`academy.core.page_cache.tree_cached`). The same for every reader; nothing per learner."""

from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from types import SimpleNamespace

from django.db.models import Q
from wagtail.models import Page

from academy.core.models import remember_url
from academy.core.page_cache import cache_name, tree_cached
from academy.governance.models import Principle

from .models import LessonPage, ModulePage
from .steps import step_models
from .translations import best_version, versions_by_key


def live_modules_and_steps(courses) -> tuple[list[ModulePage], list[Page]]:
    """Live modules of the given courses and the live steps inside them, in tree order.

    Three queries plus one per step type, however many steps there are.
    """
    if not courses:
        return [], []
    under_courses = reduce(or_, (Q(path__startswith=c.path, depth__gt=c.depth) for c in courses))
    modules = list(ModulePage.objects.live().filter(under_courses).order_by("path"))
    live_module_paths = {module.path for module in modules}
    steps = [
        step
        for step in Page.objects.live()
        .filter(under_courses)
        .type(*step_models())
        .order_by("path")
        .specific()
        .defer_streamfields()
        if step.path[: -Page.steplen] in live_module_paths
    ]
    return modules, steps


@dataclass
class CourseTree:
    """A course as published: its original's root, its live translations' roots by language
    code, and the live modules and steps below all of them (`languages_by_locale` reads their
    `locale_id`), with the principles of each lesson by its id. The same for every reader, so
    cached until the page tree next changes (or a principle is edited)."""

    canonical: Page
    roots: dict[str, Page]
    languages_by_locale: dict[int, str]
    modules: list[ModulePage] = field(default_factory=list)
    steps: list[Page] = field(default_factory=list)
    principles: dict[int, list[Principle]] = field(default_factory=dict)
    _shown: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # Worked out once per tree: a process keeps its trees for many requests (page_cache).
    @cached_property
    def module_versions(self) -> dict:
        """The modules grouped as versions of one module (`translations.versions_by_key`)."""
        return versions_by_key(self.modules, self._language_of)

    @cached_property
    def step_versions(self) -> dict:
        return versions_by_key(self.steps, self._language_of)

    def _language_of(self, page) -> str | None:
        return self.languages_by_locale.get(page.locale_id)

    def versions_shown(self, languages: tuple[str, ...]) -> list[tuple[ModulePage, list]]:
        """The original's live modules, each with its live steps as (step, the original's id),
        in the version a reader of `languages` (best first) sees (`translations.best_version`):
        the same for every such reader, so worked out once per tree and languages."""
        if languages not in self._shown:
            steps = {}  # by their module's path
            for step in self.steps:
                shown = best_version(self.step_versions[step.translation_key], step, languages)
                steps.setdefault(step.path[: -Page.steplen], []).append((shown, step.pk))
            self._shown[languages] = [
                (
                    best_version(self.module_versions[module.translation_key], module, languages),
                    steps.get(module.path, []),
                )
                for module in self.modules
                if module.path.startswith(self.canonical.path)
            ]
        return self._shown[languages]


COURSE_TREES = cache_name("course", CourseTree)


def course_trees(courses) -> dict:
    """The trees of `courses` (pages in any language), by translation key: one cache read, and
    for those not cached five queries plus one per step type, however many."""
    return tree_cached(COURSE_TREES, {c.translation_key for c in courses}, _read_course_trees)


def _read_course_trees(translation_keys) -> dict:
    rows = (
        Page.objects.filter(translation_key__in=translation_keys)
        .select_related("locale")
        .only("pk", "path", "depth", "live", "translation_key", "locale__language_code")
        .order_by("pk")
    )
    trees = {}
    for row in rows:
        tree = trees.setdefault(row.translation_key, CourseTree(row, {}, {}))
        tree.languages_by_locale[row.locale_id] = row.locale.language_code
        if row.live:
            tree.roots[row.locale.language_code] = row
    roots = {r.pk: r for tree in trees.values() for r in (tree.canonical, *tree.roots.values())}
    modules, steps = live_modules_and_steps(list(roots.values()))
    site_paths = SimpleNamespace()  # Wagtail remembers the sites' root paths on it, once
    for page in (*modules, *steps):
        remember_url(page, site_paths)
    principles = _principles_by_lesson([step.pk for step in steps if isinstance(step, LessonPage)])
    for tree in trees.values():
        inside = tuple(root.path for root in (tree.canonical, *tree.roots.values()))
        tree.modules = [module for module in modules if module.path.startswith(inside)]
        tree.steps = [step for step in steps if step.path.startswith(inside)]
        tree.principles = {
            step.pk: principles.get(step.pk, [])
            for step in tree.steps
            if isinstance(step, LessonPage)
        }
    return trees


def _principles_by_lesson(lesson_ids) -> dict[int, list[Principle]]:
    """The principles of each lesson, in their order (`LessonPage.principles`): one query."""
    links = (
        LessonPage.principles.through.objects.filter(lessonpage_id__in=lesson_ids)
        .select_related("principle")
        .order_by("principle__number", "pk")  # as `Principle.objects.in_order()`
    )
    principles = {}
    for link in links:
        principles.setdefault(link.lessonpage_id, []).append(link.principle)
    return principles


def live_steps_of(courses, model=None) -> list[Page]:
    """The live steps of `courses` as written (their originals, not translations), only those
    of `model` when given: from the cached trees, so usually without a query. Lets an app
    skip its own queries for a course that has none of its steps."""
    steps = []
    for tree in course_trees(courses).values():
        steps += [
            step
            for step in tree.steps
            if step.path.startswith(tree.canonical.path)
            and (model is None or isinstance(step, model))
        ]
    return steps

"""The Vietnamese catalogue of the admin's third-party strings (Wagtail, wagtail-localize).

Wagtail ships only a partial Vietnamese translation; the project ships its own,
complete one in ``cms/admin_locale/vi/LC_MESSAGES`` (``django.po`` for the
server side, ``djangojs.po`` for the admin's JavaScript). That directory is the
second entry of ``LOCALE_PATHS``: it overrides the packages' own catalogues, and
the project's catalogue (``cms/locale``, first) overrides it.

``sources()`` lists the installed English catalogues of the packages whose
strings writers, reviewers, translators and the spokesperson see; ``merge()``
brings our catalogue in line with them after an upgrade (new strings are added
untranslated, strings that are gone are dropped, translations are kept), and
``coverage()`` measures how much of what is installed is translated.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "admin_locale" / "vi" / "LC_MESSAGES"

# (package, domain): the parts of Wagtail and wagtail-localize the editorial roles use,
# and Django's own strings that its Vietnamese catalogue leaves untranslated
# (relative times, form and validation messages: ``GAPS_ONLY``).
GAPS_ONLY = {"django"}
PACKAGES = (
    ("django", "django"),
    ("wagtail", "django"),
    ("wagtail.admin", "django"),
    ("wagtail.admin", "djangojs"),
    ("wagtail.documents", "django"),
    ("wagtail.embeds", "django"),
    ("wagtail.images", "django"),
    ("wagtail.locales", "django"),
    ("wagtail.search", "django"),
    ("wagtail.sites", "django"),
    ("wagtail.snippets", "django"),
    ("wagtail.users", "django"),
    ("wagtail.contrib.redirects", "django"),
    ("wagtail.contrib.settings", "django"),
    ("wagtail.contrib.table_block", "django"),
    ("wagtail.contrib.typed_table_block", "django"),
    ("wagtail_localize", "django"),
    ("wagtail_localize", "djangojs"),
    ("wagtail_localize.locales", "django"),
    ("taggit", "django"),
)
DOMAINS = ("django", "djangojs")
HEADER = {
    "Project-Id-Version": "xuantruong-cms admin",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(package)
    return Path(next(iter(spec.submodule_search_locations)))


def sources_with_packages(domain: str) -> list[tuple[str, Path]]:
    """(package, installed English catalogue of ``domain``) for ``PACKAGES``."""
    found = []
    for package, package_domain in PACKAGES:
        if package_domain != domain:
            continue
        base = package_dir(package)
        locale = base / "conf" / "locale" if package == "django" else base / "locale"
        path = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            found.append((package, path))
    return found


def sources(domain: str) -> list[Path]:
    return [path for _package, path in sources_with_packages(domain)]


def key(entry) -> tuple[str | None, str, str | None]:
    return (entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)


def is_translated(entry) -> bool:
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural and all(entry.msgstr_plural.values()))
    return bool(entry.msgstr)


def installed_entries(domain: str) -> dict[tuple, object]:
    """Every msgid of the installed English catalogues of ``domain``, first occurrence wins."""
    import polib

    entries: dict[tuple, object] = {}
    for package, path in sources_with_packages(domain):
        own = set()
        if package in GAPS_ONLY:
            vi = path.parent.parent.parent / "vi" / "LC_MESSAGES" / path.name
            if vi.exists():
                own = {key(entry) for entry in polib.pofile(str(vi)) if is_translated(entry)}
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid or key(entry) in own:
                continue
            entries.setdefault(key(entry), entry)
    return entries


def catalogue_path(domain: str) -> Path:
    return CATALOGUE_DIR / f"{domain}.po"


def load(domain: str):
    import polib

    path = catalogue_path(domain)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = dict(HEADER)
    return catalogue


@dataclass
class Coverage:
    domain: str
    total: int = 0
    translated: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.translated / self.total if self.total else 1.0


def coverage(domain: str) -> Coverage:
    """How many of the installed strings of ``domain`` our catalogue translates."""
    installed = installed_entries(domain)
    ours = {key(entry): entry for entry in load(domain) if not entry.obsolete}
    result = Coverage(domain, total=len(installed))
    for entry_key in installed:
        entry = ours.get(entry_key)
        if entry is not None and is_translated(entry):
            result.translated += 1
        else:
            result.missing.append(entry_key[1])
    return result


def merge(domain: str) -> tuple[int, int]:
    """Add the installed strings our catalogue lacks and drop those no longer installed.

    Returns (added, dropped). Translations of strings that remain are kept.
    """
    import polib

    installed = installed_entries(domain)
    catalogue = load(domain)
    ours = {key(entry): entry for entry in catalogue if not entry.obsolete}
    merged = polib.POFile(wrapwidth=0)
    merged.metadata = {**HEADER, **{k: v for k, v in catalogue.metadata.items() if k in HEADER}}
    added = 0
    for entry_key, source in installed.items():
        entry = ours.get(entry_key)
        if entry is None:
            added += 1
            entry = polib.POEntry(
                msgctxt=source.msgctxt,
                msgid=source.msgid,
                msgid_plural=source.msgid_plural,
                flags=[flag for flag in source.flags if flag != "fuzzy"],
            )
            if source.msgid_plural:
                entry.msgstr_plural = {0: ""}
        entry.occurrences = source.occurrences[:1]
        merged.append(entry)
    dropped = len(set(ours) - set(installed))
    merged.save(str(catalogue_path(domain)))
    return added, dropped

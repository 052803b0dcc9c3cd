"""The import rules of DESIGN.md §3, checked on the code and the templates.

The core (``majubom``) imports no app; ``catalog`` imports no other app; the other domain apps import only
in the given direction; the top floor (``web``: URLs and the pages that compose apps) may import every
domain app; ``demo`` sits above everything; nothing imports ``web`` or ``demo``. A template belongs to the
app of its folder (``templates/<app>/``, ``templates/admin/<app>/``); loading another app's tags,
including or extending its templates, or linking to its URLs counts as an import. Root templates
(``base.html``) and ``templates/web/`` are the top floor; ``partials/``, ``notifications/`` and
``allauth/`` are the core's.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["majubom", "catalog", "healthcheck", "groups", "events", "orders", "web", "demo"]
DOMAIN = ["catalog", "healthcheck", "groups", "events", "orders"]

# Which apps each app may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "majubom": set(),
    "catalog": {"majubom"},
    "orders": {"majubom", "catalog"},
    "groups": {"majubom", "catalog"},
    "events": {"majubom", "catalog"},
    "healthcheck": {"majubom", "catalog", "groups", "events"},
    "web": {"majubom", *DOMAIN},
    "demo": {"majubom", *DOMAIN, "web"},
}
TEMPLATE_OWNER_ALIASES = {"notifications": "majubom", "allauth": "majubom", "partials": "majubom"}


def python_imports() -> list[tuple[str, str, str]]:
    """(importing app, imported app, "file:line") for every import between the project's apps."""
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    target = name.split(".")[0]
                    if target in APPS and target != app:
                        found.append((app, target, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def template_libraries() -> dict[str, str]:
    """Template tag library name → the app that defines it."""
    return {path.stem: app for app in APPS for path in (ROOT / app / "templatetags").glob("[!_]*.py")}


def url_namespaces() -> dict[str, str]:
    namespaces = {}
    for app in APPS:
        urls = ROOT / app / "urls.py"
        if urls.exists():
            match = re.search(r'^app_name\s*=\s*"(\w+)"', urls.read_text(encoding="utf-8"), re.M)
            if match:
                namespaces[match.group(1)] = app
    return namespaces


def template_owner(path: Path) -> str:
    parts = path.relative_to(ROOT / "templates").parts
    if len(parts) == 1:
        return "web"  # base.html and other root layouts
    first = parts[1] if parts[0] == "admin" and len(parts) > 2 else parts[0]
    return TEMPLATE_OWNER_ALIASES.get(first, first)


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([\w-]+)/""")
URL = re.compile(r"""{%\s*url\s+["'](\w+):""")


def template_imports() -> list[tuple[str, str, str]]:
    libraries, namespaces = template_libraries(), url_namespaces()
    found = []
    for path in (ROOT / "templates").rglob("*"):
        if path.suffix not in {".html", ".txt"}:
            continue
        owner = template_owner(path)
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        targets = []
        for match in LOAD.finditer(text):
            words = match.group(1).split()
            if "from" in words:
                words = words[words.index("from") + 1 :]
            targets += [libraries[word] for word in words if word in libraries]
        for match in INCLUDE.finditer(text):
            folder = match.group(1)
            if folder in APPS or folder in TEMPLATE_OWNER_ALIASES:
                targets.append(TEMPLATE_OWNER_ALIASES.get(folder, folder))
        targets += [namespaces[m.group(1)] for m in URL.finditer(text) if m.group(1) in namespaces]
        found += [(owner, target, where) for target in targets if target != owner and owner in ALLOWED]
    return found


def violations(edges) -> list[str]:
    return sorted(
        f"{where}: {source} → {target}" for source, target, where in edges if target not in ALLOWED[source]
    )


def test_python_imports_follow_the_layers():
    assert violations(python_imports()) == []


def test_templates_follow_the_layers():
    assert violations(template_imports()) == []


def test_no_two_apps_import_each_other():
    edges = {(source, target) for source, target, _where in [*python_imports(), *template_imports()]}
    assert sorted((a, b) for a, b in edges if (b, a) in edges and a < b) == []


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("majubom", "from catalog.models import Service\n"),
        ("catalog", "import orders.services\n"),
        ("orders", "from web import views\n"),
    ],
)
def test_the_check_catches_a_wrong_import(tmp_path, monkeypatch, source, code):
    """The rules are not vacuous: a wrong import in a module of ``source`` is reported."""
    probe = ROOT / source / "_architecture_probe.py"
    probe.write_text(code, encoding="utf-8")
    try:
        assert any("_architecture_probe.py" in line for line in violations(python_imports()))
    finally:
        probe.unlink()


def test_the_check_catches_a_template_loading_another_apps_tags():
    probe = ROOT / "templates" / "catalog" / "_architecture_probe.html"
    probe.write_text("{% load i18n orders %}", encoding="utf-8")
    try:
        assert any("_architecture_probe.html" in line for line in violations(template_imports()))
    finally:
        probe.unlink()

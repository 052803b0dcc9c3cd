"""``demo`` sits above every app: it may import any of them, and none imports it."""

import ast
from pathlib import Path

from django.apps import apps
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_app_imports_demo():
    project_apps = [
        config
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT and config.name != "demo"
    ]
    assert {config.name for config in project_apps} >= {"majubom", "catalog", "orders", "healthcheck"}
    for config in project_apps:
        for path in Path(config.path).rglob("*.py"):
            demo = {name for name in imported_modules(path) if name == "demo" or name.startswith("demo.")}
            assert not demo, f"{path.relative_to(ROOT)} imports {sorted(demo)}"


def test_seed_demo_is_the_demo_apps_command():
    assert get_commands()["seed_demo"] == "demo"

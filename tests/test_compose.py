"""docker-compose.yml describes the production shape; no Docker engine runs here, so check it as data."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = (ROOT / "majubom" / "settings.py").read_text()


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def settings_env_names() -> set[str]:
    names = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', SETTINGS))
    names |= set(re.findall(r'\("(?:kakao|naver)", "([A-Z_]+)", "([A-Z_]+)"\)', SETTINGS)[0])
    names |= set(re.findall(r'\("(?:kakao|naver)", "([A-Z_]+)", "([A-Z_]+)"\)', SETTINGS)[1])
    return names


def test_production_services_with_healthchecks():
    services = compose()["services"]
    for name in ["web", "worker", "beat", "postgres", "redis"]:
        assert name in services, name
        assert "healthcheck" in services[name], f"{name} has no healthcheck"
    assert services["web"]["command"][0] == "gunicorn"
    assert services["worker"]["command"][:3] == ["celery", "-A", "majubom"]
    assert "worker" in services["worker"]["command"] and "beat" in services["beat"]["command"]
    assert services["web"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_environment_names_match_the_settings():
    known = settings_env_names()
    assert {
        "DJANGO_DEBUG",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_URL",
        "KAKAO_CLIENT_ID",
        "KAKAO_SECRET",
        "NAVER_CLIENT_ID",
        "NAVER_SECRET",
    } <= known
    services = compose()["services"]
    for name in ["web", "worker", "beat"]:
        env = services[name]["environment"]
        assert set(env) <= known, f"{name} sets variables the settings never read: {set(env) - known}"
        assert env["DJANGO_DEBUG"] == "false"
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:6379")


def test_database_is_created_with_a_utf8_ctype_for_korean_search():
    postgres = compose()["services"]["postgres"]
    assert "C.UTF-8" in postgres["environment"]["POSTGRES_INITDB_ARGS"]

"""Settings come from the environment; production settings are safe and fail loudly and briefly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "x7Gq2-Lm9vR4tP0wZs8yBnK3cJf6hUe1aDiXoVlQ5gTrYbNkMwEpSzCuHjFdIAO"


def run_manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KAKAO_", "NAVER_"))}
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def run_python(code: str, **env_overrides: str) -> str:
    result = run_manage("shell", "--no-imports", "-c", code, **env_overrides)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_missing_secret_key_with_debug_off_is_one_clear_line():
    result = run_manage("check", DJANGO_DEBUG="false")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "DJANGO_SECRET_KEY" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("hosts", ["*", "majubom.kr,*"])
def test_any_host_with_debug_off_is_one_clear_line(hosts):
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "DJANGO_ALLOWED_HOSTS" in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_the_language_cookie_is_secure_in_production():
    code = (
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="majubom.kr",
    )
    assert result.stdout.split()[-3:] == ["True", "True", "Lax"], result.stderr


def test_check_deploy_reports_no_issues():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_development_defaults_need_no_environment():
    out = run_python(
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.CELERY_TASK_ALWAYS_EAGER, s.MAILERS['default']['BACKEND'], s.LANGUAGE_CODE, s.TIME_ZONE)"
    )
    assert out.split() == [
        "True",
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "ko",
        "Asia/Seoul",
    ]


def test_redis_url_switches_cache_and_broker_and_tasks_leave_the_request():
    out = run_python(
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER)",
        REDIS_URL="redis://cache.internal:6379/2",
    )
    assert out.split() == [
        "majubom.redis_cache.RedisCache",
        "redis://cache.internal:6379/2",
        "False",
    ]


def test_database_and_email_urls_are_read():
    out = run_python(
        "from django.conf import settings as s; "
        "m = s.MAILERS['default']; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], m['BACKEND'], "
        "m['OPTIONS']['host'], m['OPTIONS']['port'], m['OPTIONS']['use_tls'])",
        DATABASE_URL="postgres://u:p@db.internal:5432/majubom",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.example.org:587",
    )
    assert out.split() == [
        "django.db.backends.postgresql",
        "majubom",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "True",
    ]


@pytest.mark.parametrize("debug,expected", [("true", "optional"), ("false", "mandatory")])
def test_email_verification_is_mandatory_in_production(debug, expected):
    out = run_python(
        "from django.conf import settings as s; print(s.ACCOUNT_EMAIL_VERIFICATION)",
        DJANGO_DEBUG=debug,
        DJANGO_SECRET_KEY=GOOD_KEY,
    )
    assert out == expected


def test_social_login_only_when_keys_are_configured():
    code = (
        "from django.conf import settings as s; "
        "print(sorted(a.rsplit('.', 1)[-1] for a in s.INSTALLED_APPS if 'providers' in a))"
    )
    assert run_python(code) == "[]"
    assert run_python(code, KAKAO_CLIENT_ID="kakao-id", KAKAO_SECRET="kakao-secret") == "['kakao']"
    both = run_python(code, KAKAO_CLIENT_ID="k", KAKAO_SECRET="ks", NAVER_CLIENT_ID="n", NAVER_SECRET="ns")
    assert both == "['kakao', 'naver']"
    # A client id without its secret does not show a broken button.
    assert run_python(code, NAVER_CLIENT_ID="n") == "[]"

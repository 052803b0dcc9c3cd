"""Settings for 마주봄, read from the environment (django-environ).

Development needs no environment at all: SQLite, local-memory cache, Celery tasks inline, mail to the
console. Production is switched on by ``DJANGO_DEBUG=false`` and then requires ``DJANGO_SECRET_KEY``.
The names of the variables are part of the contract with docker-compose.yml and the README.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        # One clear line instead of a traceback: the process cannot run safely without a key.
        raise SystemExit(
            "ERROR: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production-majubom"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
if not DEBUG and any(host.strip() in {"*", ".*"} for host in ALLOWED_HOSTS):
    # Any Host header would be trusted (password-reset links, absolute URLs): refuse to start.
    raise SystemExit(
        "ERROR: DJANGO_ALLOWED_HOSTS must name the site's hosts when DJANGO_DEBUG is false, not '*' "
        "(e.g. DJANGO_ALLOWED_HOSTS=majubom.kr,www.majubom.kr)."
    )
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "majubom",
    "catalog",
    "healthcheck",
    "groups",
    "events",
    "orders",
    "web",
    "demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "majubom.middleware.RefuseNulMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "majubom.middleware.KoreanFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "web.urls"
WSGI_APPLICATION = "majubom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "majubom.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Korean text search (pg_trgm) needs a UTF-8 ctype; template0 lets the test database get one.
    DATABASES["default"]["TEST"] = {"TEMPLATE": "template0", "CHARSET": "UTF8"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "majubom.User"

# --- Cache and background jobs --------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "majubom.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "majubom",
            # A cache that does not answer is skipped quickly (see majubom/redis_cache.py).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Seoul"
# django-celery-beat does not support Django 6.1: the schedule is static, its tasks scan for what is due.
CELERY_BEAT_SCHEDULE = {
    "healthcheck-purge-anonymous": {
        "task": "healthcheck.tasks.assessment_purge_expired_task",
        "schedule": crontab(minute=20),
    },
    "orders-expire-unpaid": {
        "task": "orders.tasks.orders_expire_unpaid_task",
        "schedule": crontab(minute="*/10"),
    },
    "orders-payment-deadlines": {
        "task": "orders.tasks.payment_deadlines_remind_task",
        "schedule": crontab(minute="*/30"),
    },
    "orders-booking-reminders": {
        "task": "orders.tasks.bookings_remind_task",
        "schedule": crontab(minute=5),
    },
    "groups-sessions-materialise": {
        "task": "groups.tasks.sessions_materialise_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "groups-sessions-remind": {
        "task": "groups.tasks.sessions_remind_task",
        "schedule": crontab(minute=15),
    },
    "events-followups": {
        "task": "events.tasks.followups_send_task",
        "schedule": crontab(minute=5, hour="9-12"),
    },
    "notifications-send-pending": {
        "task": "majubom.tasks.notifications_send_pending_task",
        "schedule": crontab(minute="*"),
    },
    "notification-log-purge": {
        "task": "majubom.tasks.notification_log_purge_task",
        "schedule": crontab(hour=4, minute=10),
    },
}
NOTIFICATION_LOG_RETENTION = timedelta(days=365)

# KakaoTalk 알림톡 and SMS/LMS through SOLAPI (CoolSMS accounts work). Without a key, secret and sender
# number the phone channels are off and notifications go by email; in development (DEBUG) they are printed
# to the console instead, unless MESSAGES_TO_CONSOLE=false. See README "문자와 알림톡".
SOLAPI_API_KEY = env.str("SOLAPI_API_KEY", default="")
SOLAPI_API_SECRET = env.str("SOLAPI_API_SECRET", default="")
SOLAPI_SENDER = env.str("SOLAPI_SENDER", default="")  # a sender number registered with the gateway
SOLAPI_PF_ID = env.str("SOLAPI_PF_ID", default="")  # the Kakao channel's profile id (pfId)
SOLAPI_TEMPLATES = env.str("SOLAPI_TEMPLATES", default="")  # "kind=template id,kind=template id"
SOLAPI_BASE_URL = env.str("SOLAPI_BASE_URL", default="https://api.solapi.com")
SOLAPI_WEBHOOK_SECRET = env.str("SOLAPI_WEBHOOK_SECRET", default="")
MESSAGES_TO_CONSOLE = env.bool("MESSAGES_TO_CONSOLE", default=True)
# Orders: bank transfer to the cooperative, seats held until the payment deadline.
ORDER_PAYMENT_WINDOW = timedelta(hours=48)
ORDER_BANK_ACCOUNT = {
    "bank": env.str("MAJUBOM_BANK_NAME", default="농협은행"),
    "number": env.str("MAJUBOM_BANK_ACCOUNT", default="351-1234-5678-93"),
    "holder": env.str("MAJUBOM_BANK_HOLDER", default="마주봄협동조합"),
}
# The cooperative's fee on completed sales, as a fraction (0.05 = 5 %), for the monthly settlement.
MAJUBOM_FEE_RATE = env.float("MAJUBOM_FEE_RATE", default=0.05)
SITE_URL = env.str("MAJUBOM_SITE_URL", default="http://127.0.0.1:8000")
# Anonymous health-check results (sensitive data) are deleted after this period.
HEALTHCHECK_RETENTION = timedelta(days=30)

# --- Email ----------------------------------------------------------------------------------------------
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email = env.email_url_config(EMAIL_URL)
_email_options: dict = {}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email.get("EMAIL_HOST", "localhost"),
        "port": _email.get("EMAIL_PORT", 25),
        "username": _email.get("EMAIL_HOST_USER", ""),
        "password": _email.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": 20,
    }
elif _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    _email_options = {"file_path": _email.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="마주봄 <no-reply@majubom.kr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts (django-allauth) ---------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
ACCOUNT_ADAPTER = "majubom.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "majubom.forms.SignupForm"
# The sign-up forms save the user and their consents in one transaction (majubom/adapters.py).
ACCOUNT_FORMS = {"signup": "majubom.adapters.SignupForm"}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env.str(
    "ACCOUNT_EMAIL_VERIFICATION", default="optional" if DEBUG else "mandatory"
)
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[마주봄] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Rate limits stay on (allauth's defaults) everywhere but the test suite, which turns them off.
# Never skip the sign-up form on a first 카카오·네이버 login: that form carries the required consents.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_ADAPTER = "majubom.adapters.SocialAccountAdapter"
SOCIALACCOUNT_FORMS = {"signup": "majubom.adapters.SocialSignupForm"}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS: dict = {}
for _provider, _id_var, _secret_var in (
    ("kakao", "KAKAO_CLIENT_ID", "KAKAO_SECRET"),
    ("naver", "NAVER_CLIENT_ID", "NAVER_SECRET"),
):
    _client_id, _secret = env.str(_id_var, default=""), env.str(_secret_var, default="")
    if _client_id and _secret:
        INSTALLED_APPS.append(f"allauth.socialaccount.providers.{_provider}")
        SOCIALACCOUNT_PROVIDERS[_provider] = {"APPS": [{"client_id": _client_id, "secret": _secret}]}

# --- Language and time ----------------------------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("DJANGO_MANIFEST_STATIC", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF, "https://kauth.kakao.com", "https://nid.naver.com"],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.server": {"level": "WARNING" if not DEBUG else "INFO"}},
}

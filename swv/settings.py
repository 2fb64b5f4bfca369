"""Settings of the SWV portal, read from the environment.

Every variable is documented in ``.env.example``. Without any environment the portal runs in the
embedded mode: SQLite, kombu's filesystem broker and console e-mail, with ``DEBUG`` on. Production
sets ``DJANGO_DEBUG=false`` and must then provide a secret key, allowed hosts, ``DATABASE_URL``
and ``CELERY_BROKER_URL``; malformed values fail loudly at start-up.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from swv.storage import s3_opties

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="onveilig-alleen-voor-ontwikkeling-" + "x" * 40)
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
    if "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS may not contain a wildcard in production.")

CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The SWV this instance serves (one portal instance, one samenwerkingsverband).
SWV_CODE = env.str("SWV_CODE", default="PO2801")
# DUO open data (CC-0) carried in the repository (data/duo/SOURCE.md); DUO_DATA_DIR points to newer files.
DUO_DATA_DIR = Path(env.str("DUO_DATA_DIR", default=str(BASE_DIR / "data" / "duo")))

# Demo mode: demo accounts may skip two-factor set-up. Never in production (see swv.checks).
DEMO_MODE = env.bool("SWV_DEMO_MODE", default=DEBUG)
# Django's technical 404/500 pages (URL list, traceback) with DEBUG on; off in the demo, which shows
# the portal's own error pages like production (swv.middleware.EigenFoutpaginasMiddleware).
SWV_TECHNISCHE_FOUTPAGINAS = env.bool("SWV_TECHNISCHE_FOUTPAGINAS", default=DEBUG and not DEMO_MODE)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "guardian",
    "simple_history",
    "django_htmx",
    "csp",
    "swv",
    "leerlingen",
    "arrangementen",
    "tlv",
    "financien",
    "kwaliteit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "swv.middleware.EigenFoutpaginasMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "swv.middleware.TweeFactorVerplichtMiddleware",
    "swv.middleware.GeenOpslagMiddleware",
    "swv.middleware.ExterneGebruikerMiddleware",
]

ROOT_URLCONF = "swv.urls"
WSGI_APPLICATION = "swv.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "swv.context_processors.portaal",
            ],
        },
    }
]

# Database: SQLite in the embedded mode, PostgreSQL (psycopg 3) through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'swv.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file-backed test database lets a separate Celery worker process see the test data.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / f"test_swv{env.str('SWV_TEST_DB_SUFFIX', default='')}.sqlite3")
    }
    # The embedded mode has a web process and worker processes writing at once: WAL lets readers
    # and one writer work together, IMMEDIATE transactions avoid lock-upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # test_<database>: checkouts side by side with their own DATABASE_URL never share a test database.
    DATABASES["default"]["TEST"] = {
        "NAME": f"test_{DATABASES['default']['NAME']}{env.str('SWV_TEST_DB_SUFFIX', default='')}"
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_USER_MODEL = "swv.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Weak Dutch passwords (wachtwoord12, Welkom2025!): a word list shipped in swv/accounts.
    {"NAME": "swv.accounts.wachtwoorden.NederlandsWachtwoordValidator"},
]
PASSWORD_HASHERS = env.list(
    "DJANGO_PASSWORD_HASHERS",
    # Argon2id (Django's defaults: 2 passes over 100 MiB, above OWASP's minimum) costs a login about
    # 0.1 s of CPU where PBKDF2 with 1,000,000 rounds cost 0.7-2.5 s, and resists GPU guessing
    # better. Existing PBKDF2 hashes keep working and are upgraded at the next login.
    default=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    ],
)

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail login, no self sign-up (accounts are personal and made by the beheerder).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "swv.accounts.adapter.PortaalAccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
# Throttling: strict per account (key = the e-mail address), loose per IP address, because a school
# or a board's office logs in from behind one NAT address: 5 failures lock one account for 15
# minutes; only 100 failures from one address in 15 minutes lock the address; and the limit on all
# logins per address (allauth's 30/m would answer 429 to a school at 08:30) is 300 a minute.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("SWV_LOGIN_RATE", default="5/15m/key,100/15m/ip"),
    "login": env.str("SWV_LOGIN_IP_RATE", default="300/m/ip"),
    "reset_password": "5/h/ip,3/h/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="SWV-portaal")

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
# Parents (issue 14) are logged out sooner: 30 minutes without activity.
SWV_SESSIE_EXTERN_SECONDEN = env.int("SWV_SESSIE_EXTERN_SECONDEN", default=30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private files (uploads, generated reports) live outside any web root and are only served
    # through views that check permissions.
    "private": {
        "BACKEND": "swv.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))},
    }
    # Several web and worker nodes: an S3-compatible object store that every node reaches.
    if not env.str("SWV_S3_BUCKET", default="")
    else {"BACKEND": "swv.storage.PrivateS3Storage", "OPTIONS": s3_opties(env)},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_BYTES = env.int("SWV_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portaal@swv.example")

# Celery: Redis through CELERY_BROKER_URL; otherwise kombu's filesystem transport.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery"
    for _sub in ("out", "processed", "control"):
        (_queue_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "out"),
        "data_folder_out": str(_queue_dir / "out"),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),  # else kombu writes ./control in the checkout
        "store_processed": False,
    }
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="swv")
CELERY_TASK_IGNORE_RESULT = True  # job state lives in swv.Taak, not in a result backend
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}

from celery.schedules import crontab  # noqa: E402

# Scheduled jobs (each idempotent: running twice sends nothing twice).
CELERY_BEAT_SCHEDULE["arrangementen-evaluatieherinneringen"] = {  # evaluation moments due or overdue
    "task": "arrangementen.tasks.evaluatieherinneringen_versturen",
    "schedule": crontab(hour=6, minute=30),
}
CELERY_BEAT_SCHEDULE["tlv-dagelijkse-ronde"] = {  # start/expiry by date, end-date and review reminders
    "task": "tlv.tasks.tlv_dagelijkse_ronde",
    "schedule": crontab(hour=6, minute=30),
}
CELERY_BEAT_SCHEDULE["kwaliteit-kalender-herinneringen"] = {  # the accountability calendar
    "task": "kwaliteit.tasks.kalender_herinneringen",
    "schedule": crontab(hour=7, minute=0),
}
CELERY_BEAT_SCHEDULE["leerlingen-zorgplicht-herinneringen"] = {  # zorgplicht deadlines
    "task": "leerlingen.tasks.zorgplicht_herinneringen",
    "schedule": crontab(hour=7, minute=0),
}
# On the first of each month; a T-rapportage starts only in the configured months
# (FINANCIEN_T_RAPPORTAGE_MAANDEN, default April, September, November).
CELERY_BEAT_SCHEDULE["financien-t-rapportage-kalender"] = {
    "task": "financien.tasks.t_rapportage_volgens_kalender",
    "schedule": crontab(minute=0, hour=6, day_of_month=1),
}

# Jobs that survive a dead worker or broker (docs/architecture.md, "Jobs and PDFs"). A running job
# holds a lease of SWV_TAAK_LEASE that its worker renews while it works; once it lapses another
# worker may take the job over. Each minute a sweep re-queues such jobs and jobs the broker refused.
SWV_TAAK_LEASE = timedelta(seconds=env.int("SWV_TAAK_LEASE_SECONDEN", default=120))
SWV_TAAK_MAX_POGINGEN = env.int("SWV_TAAK_MAX_POGINGEN", default=5)
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # Redis hands an unacknowledged message (acks_late) to another worker after this time: longer
    # than the longest job (a yearly report PDF takes minutes) and the longest retry countdown
    # (10 min), so a live job is never redelivered; a dead worker's job is resumed sooner by the sweep.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_BEAT_SCHEDULE["swv-taken-herplannen"] = {"task": "swv.tasks.taken_herplannen", "schedule": 60.0}

# Content Security Policy: no inline scripts or styles anywhere.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Always true in production; only the local load test (make loadtest, plain http on 127.0.0.1)
    # turns it off, and `check --deploy` warns whenever it is off.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = MFA_TRUST_COOKIE_SECURE = env.bool(
        "DJANGO_SECURE_COOKIES", default=True
    )

# Domain settings with the defaults of the seeds (PROCESSES.md); each may be overridden.
SWV_KLEINE_AANTALLEN_DREMPEL = env.int("SWV_KLEINE_AANTALLEN_DREMPEL", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

HEALTH_WORKER_TIMEOUT = timedelta(seconds=env.int("SWV_HEALTH_WORKER_TIMEOUT", default=5))

# Base of the links in e-mails (e-mails carry a link, never pupil details).
SWV_PORTAAL_URL = env.str("SWV_PORTAAL_URL", default="http://127.0.0.1:8000")

# OSO intake (leerlingen.oso): the largest OSO dossier accepted (attachments included), in bytes.
OSO_MAX_BYTES = env.int("SWV_OSO_MAX_BYTES", default=50 * 1024 * 1024)
CELERY_BEAT_SCHEDULE["leerlingen-privacyverzoeken-herinneren"] = {  # AVG deadlines of privacy requests
    "task": "leerlingen.tasks.privacyverzoeken_herinneren",
    "schedule": crontab(hour=7, minute=15),
}
CELERY_BEAT_SCHEDULE["leerlingen-bewaartermijn"] = {  # retention: 2 years after leaving (PRIVACY.md)
    "task": "leerlingen.tasks.bewaartermijn_uitvoeren",
    "schedule": crontab(hour=2, minute=30),
}
# Scheduled jobs of the procedures of issue 17 (idempotent, like the ones above).
CELERY_BEAT_SCHEDULE["kwaliteit-klacht-herinneringen"] = {  # complaint terms (acknowledge, handle)
    "task": "kwaliteit.tasks.klacht_herinneringen",
    "schedule": crontab(hour=7, minute=5),
}
CELERY_BEAT_SCHEDULE["financien-innovatie-evaluaties"] = {  # innovation projects due for evaluation
    "task": "financien.tasks.innovatie_evaluatieherinneringen",
    "schedule": crontab(hour=7, minute=10),
}

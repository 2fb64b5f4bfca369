# Production image: gunicorn web, Celery worker and beat share it (see docker-compose.yml).
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/copy-assets.mjs scripts/
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 gettext fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The production lock: runtime dependencies only (no pytest, Playwright, mypy or ruff in the image).
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
COPY --from=assets /app/static/vendor static/vendor
RUN DJANGO_DEBUG=true python manage.py compilemessages -l nl \
    && DJANGO_DEBUG=false DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=build python manage.py collectstatic --noinput
RUN useradd --create-home swv && mkdir -p /app/var && chown -R swv /app/var
USER swv
EXPOSE 8000
CMD ["gunicorn", "swv.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]

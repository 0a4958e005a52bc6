#!/usr/bin/env bash
# Learner pages vs a minimal view through gunicorn on PostgreSQL and Redis (production settings).
# Usage: benchmarks/run_pages.sh [rounds] [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}; WORKERS=${2:-4}; PORT=8101
export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lap_bench_pages}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/10}
export DJANGO_SECRET_KEY=benchmark-only-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(16))')
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false
# No worker recycling during the run: at 1,000 requests a second gunicorn's max_requests (2,000)
# restarts a worker every couple of seconds, and its boot lands on whichever target is running.
export GUNICORN_MAX_REQUESTS=${GUNICORN_MAX_REQUESTS:-0}
.venv/bin/pip install --quiet -e ".[bench]"
if ! psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='${DATABASE_URL##*/}'" | grep -q 1; then
    psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE ${DATABASE_URL##*/}"
fi
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python benchmarks/pages.py setup
.venv/bin/python benchmarks/pages.py queries
GUNICORN_WORKERS=$WORKERS GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_ACCESS_LOG=/dev/null \
    .venv/bin/gunicorn -c gunicorn.conf.py --log-level warning academy.wsgi \
    --env DJANGO_SETTINGS_MODULE=benchmarks.settings &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 30); do curl -fs -o /dev/null http://127.0.0.1:$PORT/bench/minimal/ && break; sleep 1; done
echo "command: benchmarks/run_pages.sh $ROUNDS $WORKERS"
.venv/bin/python benchmarks/pages.py run --base-url http://127.0.0.1:$PORT --rounds "$ROUNDS"

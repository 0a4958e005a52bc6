#!/usr/bin/env bash
# Quiz load benchmark on PostgreSQL behind gunicorn: 50 learners start, answer and submit a
# 20-question quiz at once. Usage: [THINK=s RAMP=s] benchmarks/run_quiz_load.sh [learners] [questions] [workers]
# As in production: Redis cache and cached sessions, gunicorn.conf.py (workers: 2 x cores + 1).
# Learners arrive logged in (sessions made by setup): password hashing is not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
LEARNERS=${1:-50}; QUESTIONS=${2:-20}; WORKERS=${3:-$(( $(nproc) * 2 + 1 ))}; PORT=8100
export DJANGO_SETTINGS_MODULE=academy.settings.base
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lap_bench}
export ALLOWED_HOSTS=127.0.0.1,localhost
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/10} CELERY_BROKER_URL=""  # tasks in-process
.venv/bin/pip install --quiet -e ".[bench]"
psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS ${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE ${DATABASE_URL##*/}"
.venv/bin/python manage.py migrate -v0
.venv/bin/python -c "import redis; redis.Redis.from_url('$REDIS_URL').flushdb()"
.venv/bin/python benchmarks/quiz_load.py setup --learners "$LEARNERS" --questions "$QUESTIONS"
GUNICORN_ACCESS_LOG=/dev/null .venv/bin/gunicorn -c gunicorn.conf.py academy.wsgi \
    -w "$WORKERS" -b 127.0.0.1:$PORT --log-level warning &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 30); do curl -fs -o /dev/null http://127.0.0.1:$PORT/en/ && break; sleep 1; done
echo "command: THINK=${THINK:-0} RAMP=${RAMP:-0} benchmarks/run_quiz_load.sh $LEARNERS $QUESTIONS $WORKERS ($(nproc) cores)"
.venv/bin/python benchmarks/quiz_load.py run --sessions --learners "$LEARNERS" \
    --think "${THINK:-0}" --ramp "${RAMP:-0}" --base-url http://127.0.0.1:$PORT
.venv/bin/python benchmarks/quiz_load.py verify

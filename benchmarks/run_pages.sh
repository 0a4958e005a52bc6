#!/usr/bin/env bash
# Learner pages vs a minimal view through gunicorn on PostgreSQL and Redis (production settings).
# With WAGTAIL_LMS=1, also wagtail-lms 0.11's lesson page with the same body, from its own
# virtual environment (benchmarks/wagtail_lms), on the same gunicorn settings, in the same run.
# Usage: [WAGTAIL_LMS=1] benchmarks/run_pages.sh [rounds] [workers]
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
# A fresh database each run: the courses are made with the body of this commit's lesson_body.py.
psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS ${DATABASE_URL##*/} WITH (FORCE)"
psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE ${DATABASE_URL##*/}"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python benchmarks/pages.py setup
.venv/bin/python benchmarks/pages.py queries
GUNICORN_WORKERS=$WORKERS GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_ACCESS_LOG=/dev/null \
    .venv/bin/gunicorn -c gunicorn.conf.py --log-level warning academy.wsgi \
    --env DJANGO_SETTINGS_MODULE=benchmarks.settings &
SERVERS=$!
trap 'kill $SERVERS' EXIT
COMPARE=()
if [ "${WAGTAIL_LMS:-0}" = 1 ]; then
    LMS=benchmarks/wagtail_lms; LMS_DB=${DATABASE_URL%/*}/lap_bench_wagtail_lms
    [ -x $LMS/.venv/bin/python ] || python3 -m venv $LMS/.venv
    $LMS/.venv/bin/pip install --quiet -r $LMS/requirements.txt
    psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS lap_bench_wagtail_lms WITH (FORCE)"
    psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE lap_bench_wagtail_lms"
    (cd $LMS && export DATABASE_URL=$LMS_DB REDIS_URL=${REDIS_URL%/*}/11 DJANGO_SETTINGS_MODULE=settings \
        && .venv/bin/python -m django migrate -v0 --pythonpath . && .venv/bin/python bench.py setup \
        && GUNICORN_WORKERS=$WORKERS GUNICORN_BIND=127.0.0.1:$((PORT + 1)) GUNICORN_ACCESS_LOG=/dev/null \
           exec .venv/bin/gunicorn -c ../../gunicorn.conf.py --log-level warning wsgi) &
    SERVERS="$SERVERS $!"
    for _ in $(seq 60); do curl -fs -o /dev/null http://127.0.0.1:$((PORT + 1))/ && break; sleep 1; done
    COMPARE=(--wagtail-lms-url http://127.0.0.1:$((PORT + 1)))
fi
for _ in $(seq 30); do curl -fs -o /dev/null http://127.0.0.1:$PORT/bench/minimal/ && break; sleep 1; done
echo "command: WAGTAIL_LMS=${WAGTAIL_LMS:-0} benchmarks/run_pages.sh $ROUNDS $WORKERS"
.venv/bin/python benchmarks/pages.py run --base-url http://127.0.0.1:$PORT --rounds "$ROUNDS" "${COMPARE[@]}"

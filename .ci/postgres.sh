#!/usr/bin/env bash
# Install and start Debian's PostgreSQL, and make the role the tests connect as.
# Prints the URL the tests use (CARECAST_TEST_POSTGRES_URL).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >&2
fi
as_root pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  as_root su postgres -c "pg_isready -q" && break
  sleep 1
done
as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'carecast') THEN
    CREATE ROLE carecast LOGIN PASSWORD 'carecast' CREATEDB;
  END IF;
END $$;
SQL
echo "postgresql://carecast:carecast@127.0.0.1:$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')/postgres"

#!/usr/bin/env bash
# migrate: applies the trade-lifecycle database schema (Flyway migrations in the schema jar).
# Installed in the image as /usr/local/bin/migrate; run by migrate-job.yaml.
#
#   migrate                        uses POSTGRES_URL and POSTGRES_USER from the environment
#   migrate <jdbc-url> <user>      uses the arguments
# The password is always read from PGPASSWORD. After the migrations it sets the password of each job role whose
# variable is given (FLINK_TRADE_HOTPATH_PASSWORD, ...: com.globeco.trading.schema.DatabaseRole).
set -euo pipefail

url="${1:-${POSTGRES_URL:-}}"
user="${2:-${POSTGRES_USER:-}}"
if [[ -z "$url" || -z "$user" ]]; then
    echo "migrate: give <jdbc-url> <user>, or set POSTGRES_URL and POSTGRES_USER" >&2
    exit 2
fi
if [[ -z "${PGPASSWORD:-}" ]]; then
    echo "migrate: PGPASSWORD is not set" >&2
    exit 2
fi

echo "migrate: applying the schema to $url as $user"
# The quoted wildcard is expanded by java itself: every jar in /opt/migrate.
exec java -cp '/opt/migrate/*' com.globeco.trading.schema.Migrate "$url" "$user"

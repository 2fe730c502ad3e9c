# Sourced by .ci/run: a private PostgreSQL cluster for the team-store tests, on a Unix socket
# in a temporary folder and on a loopback port with TLS (a certificate made here), run as an
# unprivileged user (initdb refuses root), stopped and removed when the sourcing shell exits.
# Exports DEALDESK_TEST_PGHOST/PGPORT/PGUSER (and DEALDESK_TEST_PGTLS_CERT) for the tests.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(pg_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "ci: PostgreSQL is not installed; installing it from the machine's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin)
fi
as_server=()
pgdir=$(mktemp -d /tmp/dealdesk-ci-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
    as_server=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    chown nobody:nogroup "$pgdir"
fi
stop_pg() {
    "${as_server[@]}" "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
}
trap stop_pg EXIT
"${as_server[@]}" "$bin/initdb" -D "$pgdir/data" -U dealdesk_admin --auth=trust -E UTF8 --locale=C -N >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$pgdir/server.key" -out "$pgdir/server.crt" >/dev/null 2>&1
chmod 600 "$pgdir/server.key"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$pgdir/server.key" "$pgdir/server.crt"
cat >>"$pgdir/data/postgresql.auto.conf" <<CONF
unix_socket_directories = '$pgdir'
listen_addresses = '127.0.0.1'
port = $port
max_connections = 200
ssl = on
ssl_cert_file = '$pgdir/server.crt'
ssl_key_file = '$pgdir/server.key'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
cat >"$pgdir/data/pg_hba.conf" <<HBA
local all +dealdesk_test_password scram-sha-256
local all all trust
hostssl all all 127.0.0.1/32 trust
HBA
"${as_server[@]}" "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start >/dev/null
export DEALDESK_TEST_PGHOST="$pgdir" DEALDESK_TEST_PGPORT="$port" DEALDESK_TEST_PGUSER=dealdesk_admin
export DEALDESK_TEST_PGTLS_CERT="$pgdir/server.crt"
echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $pgdir (port $port)"

#!/usr/bin/env bash
# A two-node Realty.Live cluster on this machine, everything on 127.0.0.1: PostgreSQL, Redis, two app
# nodes and nginx with sticky sessions in front. For trying scale-out and failover by hand:
#   deploy/cluster.sh start    # then open http://127.0.0.1:8080 (demo sign-ins as in the README)
#   deploy/cluster.sh status
#   deploy/cluster.sh stop
# Kill one node (kill $(cat artifacts/cluster/node1.pid)) and watch its boards move to the other.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN="$PWD/artifacts/cluster"
LISTEN="127.0.0.1:${REALTY_CLUSTER_PORT:-8080}"
NODES=("127.0.0.1:5101" "127.0.0.1:5102")
REDIS_PORT=6391
DATABASE=realty_cluster
PG="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_healthy() {
  for _ in $(seq 120); do
    curl -fs "http://$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "no answer from $1 — see $RUN/*.log" >&2
  return 1
}

start() {
  mkdir -p "$RUN/nginx/tmp"
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi

  if ! $SUDO pg_ctlcluster 15 main status >/dev/null 2>&1; then
    $SUDO pg_ctlcluster 15 main start
    touch "$RUN/postgres.started"
  fi
  $SUDO su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  $SUDO su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='$DATABASE'\"" | grep -q 1 \
    || $SUDO su postgres -c "createdb $DATABASE"

  alive "$RUN/redis.pid" || redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log"

  echo "== Publishing the app"
  dotnet publish src/Realty.Live.Web -c Release -o "$RUN/app" --nologo -v quiet

  # One node at a time: the first applies the migrations and seeds the demo, the second finds them done.
  for i in "${!NODES[@]}"; do
    local n=$((i + 1)) pidfile="$RUN/node$((i + 1)).pid"
    alive "$pidfile" && continue
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    Database__Provider=PostgreSql ConnectionStrings__Realty="$PG;Database=$DATABASE" \
    ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" Realtime__Node="node$n" Demo__Seed="$([ $n -eq 1 ] && echo true || echo false)" \
      nohup dotnet "$RUN/app/Realty.Live.Web.dll" --contentRoot "$RUN/app" --urls "http://${NODES[$i]}" >"$RUN/node$n.log" 2>&1 &
    echo $! >"$pidfile"
    wait_healthy "${NODES[$i]}"
  done

  sed -e "s/\${REALTY_LISTEN}/$LISTEN/" -e "s/\${REALTY_NODE1}/${NODES[0]}/" -e "s/\${REALTY_NODE2}/${NODES[1]}/" \
    deploy/nginx/realty.conf.template >"$RUN/nginx/realty.conf"
  cat >"$RUN/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $RUN/nginx/nginx.pid;
error_log $RUN/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $RUN/nginx/tmp/body;
    proxy_temp_path $RUN/nginx/tmp/proxy;
    fastcgi_temp_path $RUN/nginx/tmp/fastcgi;
    uwsgi_temp_path $RUN/nginx/tmp/uwsgi;
    scgi_temp_path $RUN/nginx/tmp/scgi;
    include $RUN/nginx/realty.conf;
}
CONF
  alive "$RUN/nginx/nginx.pid" || nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf"
  wait_healthy "$LISTEN"
  echo "Realty.Live cluster: http://$LISTEN  (nodes ${NODES[*]}, Redis 127.0.0.1:$REDIS_PORT, PostgreSQL database $DATABASE)"
}

stop() {
  alive "$RUN/nginx/nginx.pid" && kill "$(cat "$RUN/nginx/nginx.pid")"
  for n in 1 2; do alive "$RUN/node$n.pid" && kill "$(cat "$RUN/node$n.pid")"; done
  alive "$RUN/redis.pid" && kill "$(cat "$RUN/redis.pid")"
  if [ -f "$RUN/postgres.started" ]; then
    $SUDO pg_ctlcluster 15 main stop
    rm -f "$RUN/postgres.started"
  fi
  echo "stopped"
}

status() {
  for name in nginx/nginx node1 node2 redis; do
    if alive "$RUN/$name.pid"; then echo "$name: running (pid $(cat "$RUN/$name.pid"))"; else echo "$name: stopped"; fi
  done
  curl -fsI "http://$LISTEN/health" 2>/dev/null | grep -i '^x-realty-node' || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

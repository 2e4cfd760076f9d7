#!/usr/bin/env bash
# Start or stop a dockerd of our own for the probe tests (own data root, logs kept for failures),
# and build the tiny local image the tests use (no registry is reachable: docker import).
set -euo pipefail
ROOT=${DOCKERD_ROOT:-/tmp/dokploy-doctor-dockerd}
SOCK=/var/run/docker.sock
LOG=$ROOT/dockerd.log
IMAGE=dokploy-doctor/busybox:test

case "${1:-start}" in
  start)
    mkdir -p "$ROOT"
    if docker -H "unix://$SOCK" version >/dev/null 2>&1; then
      echo "dockerd: already running"
    else
      echo "dockerd: starting (data root $ROOT/data, log $LOG)"
      nohup dockerd --data-root "$ROOT/data" --host "unix://$SOCK" --pidfile "$ROOT/dockerd.pid" >"$LOG" 2>&1 &
      for _ in $(seq 1 60); do
        docker -H "unix://$SOCK" version >/dev/null 2>&1 && break
        sleep 0.5
      done
      if ! docker -H "unix://$SOCK" version >/dev/null 2>&1; then
        echo "dockerd: did not start; last log lines:"; tail -n 40 "$LOG" || true
        exit 1
      fi
    fi
    if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
      tmp=$(mktemp -d)
      mkdir -p "$tmp/bin" "$tmp/etc" "$tmp/tmp" "$tmp/www"
      cp /bin/busybox "$tmp/bin/busybox"
      for applet in sh httpd nc wget sleep cat echo getent nslookup ls ps netstat hostname; do
        ln -sf busybox "$tmp/bin/$applet"
      done
      echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/etc/passwd"
      echo 'hosts: files dns' > "$tmp/etc/nsswitch.conf"
      tar -C "$tmp" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
      rm -rf "$tmp"
      echo "dockerd: built $IMAGE"
    fi
    ;;
  stop)
    if [ -f "$ROOT/dockerd.pid" ]; then
      kill "$(cat "$ROOT/dockerd.pid")" 2>/dev/null || true
    fi
    ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac

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
    # the recipe is part of the image's label: a changed recipe rebuilds the image
    recipe="busybox-applets-v2"
    if [ "$(docker image inspect -f '{{index .Config.Labels "dev.dokploydoctor.recipe"}}' "$IMAGE" 2>/dev/null || true)" != "$recipe" ]; then
      tmp=$(mktemp -d)
      mkdir -p "$tmp/bin" "$tmp/etc" "$tmp/tmp" "$tmp/www"
      cp /bin/busybox "$tmp/bin/busybox"
      # only the applets this busybox really has (Debian's static build has nslookup and netstat
      # but no getent), so "command missing" paths are exercised as they are in real images
      for applet in $(/bin/busybox --list); do
        [ "$applet" = busybox ] || ln -sf busybox "$tmp/bin/$applet"
      done
      echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/etc/passwd"
      echo 'root:x:0:' > "$tmp/etc/group"
      echo 'hosts: files dns' > "$tmp/etc/nsswitch.conf"
      tar -C "$tmp" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' \
        -c "LABEL dev.dokploydoctor.recipe=$recipe" - "$IMAGE" >/dev/null
      rm -rf "$tmp"
      echo "dockerd: built $IMAGE"
    fi
    ;;
  stop)
    if [ -f "$ROOT/dockerd.pid" ]; then
      pid=$(cat "$ROOT/dockerd.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      echo "dockerd: stopped (log kept in $LOG)"
    fi
    ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac

#!/usr/bin/env bash
# ensure_service.sh postgres|redis|chromium — make a test dependency available if we can.
# Exit 0 when it is usable, 1 (with a reason on stderr) when it is not.
set -u
have_root() { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  postgres)
    port_open 5432 && exit 0
    if have_root; then
      (as_root service postgresql start || as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql 2>/dev/null | tail -1)" main start) >/dev/null 2>&1
      for _ in 1 2 3 4 5 6 7 8 9 10; do port_open 5432 && exit 0; sleep 1; done
    fi
    echo "PostgreSQL: nothing listens on 127.0.0.1:5432" >&2; exit 1 ;;
  redis)
    port_open 6379 && exit 0
    if command -v redis-server >/dev/null 2>&1; then
      redis-server --daemonize yes --port 6379 >/dev/null 2>&1
      for _ in 1 2 3 4 5; do port_open 6379 && exit 0; sleep 1; done
    fi
    echo "Redis: nothing listens on 127.0.0.1:6379" >&2; exit 1 ;;
  chromium)
    [ -x /usr/bin/chromium ] && exit 0
    if have_root && command -v apt-get >/dev/null 2>&1; then
      echo "installing Debian's chromium for the browser tests..." >&2
      (as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-noto-cjk) >/dev/null 2>&1
    fi
    [ -x /usr/bin/chromium ] && exit 0
    echo "Chromium: /usr/bin/chromium missing and apt-get install failed" >&2; exit 1 ;;
  *) echo "usage: $0 postgres|redis|chromium" >&2; exit 2 ;;
esac

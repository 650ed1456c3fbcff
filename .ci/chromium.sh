#!/usr/bin/env bash
# Install Debian's chromium for the browser test (tests/web/test_browser.py) when it is
# missing. Playwright drives it as it is: no browser download of Playwright's own.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >&2
fi
chromium --version >&2

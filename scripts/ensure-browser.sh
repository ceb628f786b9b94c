#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests is on the machine (Debian's package, driven by playwright-core).
# Runs before `npm test`. Installs with apt-get when it can (root on Debian); otherwise says what to do.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium >&2
  exit 0
fi
echo "ensure-browser: no Chromium found. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1

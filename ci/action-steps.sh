#!/usr/bin/env bash
# The commands of action.yml's steps, one per argument: `install` and `check`.
# Inputs come as action.yml passes them (INPUT_*), paths from GitHub's
# variables (GITHUB_ACTION_PATH: the action's checkout; RUNNER_TEMP;
# GITHUB_PATH, GITHUB_OUTPUT: files the runner reads after the step).
set -euo pipefail
step=${1:?usage: action-steps.sh install|check}
root=${RUNNER_TEMP:-/tmp}/galley-action

case "$step" in
  install)
    if [ -n "${GALLEY_ACTION_BIN:-}" ]; then
      # A binary built already (ci/run-action-locally.sh --bin, the test suite).
      mkdir -p "$root/bin"
      cp "$GALLEY_ACTION_BIN" "$root/bin/galley"
    elif [ -n "${INPUT_VERSION:-}" ]; then
      cargo install --locked --root "$root" galley-lint --version "$INPUT_VERSION"
    else
      cargo install --locked --root "$root" --path "$GITHUB_ACTION_PATH"
    fi
    echo "$root/bin" >> "${GITHUB_PATH:-/dev/null}"
    "$root/bin/galley" --version
    ;;
  check)
    galley=$root/bin/galley
    [ -x "$galley" ] || galley=galley
    # Word splitting of paths and args is what a user writing `args:` expects.
    # shellcheck disable=SC2086
    set +e
    "$galley" check --format sarif --output "${INPUT_SARIF_FILE:-galley.sarif}" \
      --fail-on "${INPUT_FAIL_ON:-warning}" ${INPUT_ARGS:-} ${INPUT_PATHS:-.}
    code=$?
    set -e
    echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
    exit "$code"
    ;;
  *)
    echo "action-steps.sh: unknown step '$step' (install, check)" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Runs `galley server` under a real editor client: headless Neovim (Debian's
# package, `apt-get install neovim`, 0.7 or later) with its built-in LSP client,
# configured by editors/galley.lua (the README's Neovim snippet). Opens a
# fixture, prints the diagnostics Neovim received, applies the preferred code
# action, and prints the line after it. Exit 0 only when diagnostics came and
# the fix changed the text.
#   editors/nvim-check.sh [GALLEY_BIN] [ARTICLE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/galley}
article=${2:-$here/../fixtures/articles/minsk-talks.txt}
command -v nvim >/dev/null || { echo "nvim not found: apt-get install -y neovim" >&2; exit 2; }
[ -x "$bin" ] || { echo "no galley binary at $bin" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$article" "$work/article.txt"
GALLEY_BIN=$bin GALLEY_LUA=$here/galley.lua timeout 60 nvim --headless --clean -n \
  -c "luafile $here/nvim-check.lua" "$work/article.txt"

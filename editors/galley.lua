-- galley's language server in Neovim's built-in client (no plugin needed;
-- Neovim 0.7 or later). Put it in init.lua, or `luafile` it.
-- GALLEY_BIN overrides the command.
local function root_of(file)
  local marker = vim.fn.findfile("galley.toml", vim.fn.fnamemodify(file, ":h") .. ";")
  if marker == "" then marker = vim.fn.finddir(".git", vim.fn.fnamemodify(file, ":h") .. ";") end
  if marker == "" then return vim.fn.fnamemodify(file, ":p:h") end
  return vim.fn.fnamemodify(marker, ":p:h:s?/\\.git$??")
end
local config = function(buf)
  return {
    name = "galley",
    cmd = { os.getenv("GALLEY_BIN") or "galley", "server" },
    root_dir = root_of(vim.api.nvim_buf_get_name(buf)),
  }
end
local client_id
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown", "html" },
  callback = function(args)
    if vim.lsp.start then -- Neovim 0.8+
      vim.lsp.start(config(args.buf))
    else -- Neovim 0.7 (Debian 12)
      client_id = client_id or vim.lsp.start_client(config(args.buf))
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})

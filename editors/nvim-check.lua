-- Driven by nvim-check.sh: load the README's set-up, wait for diagnostics,
-- print them, apply the preferred code action, print the result, quit.
dofile(os.getenv("GALLEY_LUA"))
local function out(s) io.stdout:write(s .. "\n") end
vim.cmd("filetype on")
vim.cmd("edit")  -- fire FileType again now that the autocmd exists
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then out("no diagnostics received"); vim.cmd("cquit 1") end
local ds = vim.diagnostic.get(buf)
table.sort(ds, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
out(string.format("received %d diagnostics from galley server:", #ds))
local sev = { "error", "warning", "info", "hint" }
for _, d in ipairs(ds) do
  out(string.format("  %d:%d %s[%s] %s", d.lnum + 1, d.col + 1, sev[d.severity] or "?",
    tostring(d.code), (d.message:gsub("\n.*", ""))))
end
-- The preferred code action of the first finding that has one.
local client
for _, c in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
  if c.name == "galley" then client = c end
end
local applied = false
for _, d in ipairs(ds) do
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local res, err = client.request_sync("textDocument/codeAction", params, 5000, buf)
  if os.getenv("GALLEY_DEBUG") then out(vim.inspect(res) .. " " .. tostring(err)) end
  for _, a in ipairs((res and res.result) or {}) do
    if a.isPreferred and a.edit then
      local before = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding or "utf-16")
      local after = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
      out("applied: " .. a.title)
      out("  line " .. (d.lnum + 1) .. " was:  " .. before:sub(1, 100))
      out("  line " .. (d.lnum + 1) .. " now:  " .. after:sub(1, 100))
      applied = before ~= after
      break
    end
  end
  if applied then break end
end
if not applied then out("no preferred code action applied"); vim.cmd("cquit 1") end
vim.cmd("qall!")

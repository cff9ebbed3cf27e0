-- Headless Neovim (Debian's 0.7.2) as a second, independent LSP client of the
-- Archwright server over stdio. It checks diagnostics, `@ref(` completion and
-- a quick fix applied through Neovim's own workspace-edit code.
--
-- Run (test/nvim/nvim.test.ts does this on a copy of examples/antipatterns.arch):
--   ARCH_SERVER=dist/server.js ARCH_NVIM_RESULT=/tmp/result.json \
--     nvim --headless -u NONE -i NONE -n -c "luafile test/nvim/lsp-test.lua" /tmp/x/antipatterns.arch
--
-- Prints one line per check and a final "N passed, N failed"; writes the
-- results as JSON to $ARCH_NVIM_RESULT (if set); exits 0 only if every check
-- passed. Every wait has a limit and a watchdog quits after $ARCH_NVIM_TIMEOUT_MS
-- (default 60 s), so the script never hangs.

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function out(s) io.stdout:write(s .. "\n"); io.stdout:flush() end

local server = os.getenv("ARCH_SERVER") or "dist/server.js"
local result_path = os.getenv("ARCH_NVIM_RESULT")
local wait_ms = tonumber(os.getenv("ARCH_NVIM_WAIT_MS") or "") or 15000
local overall_ms = tonumber(os.getenv("ARCH_NVIM_TIMEOUT_MS") or "") or 60000

local results = { nvim = tostring(vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch), checks = {} }
local client_id

local function write_results()
  results.elapsedMs = ms()
  local passed, failed = 0, 0
  for _, c in ipairs(results.checks) do
    if c.ok then passed = passed + 1 else failed = failed + 1 end
  end
  results.passed, results.failed = passed, failed
  results.ok = failed == 0 and passed > 0 and not results.error
  if result_path then
    local f = io.open(result_path, "w")
    if f then
      f:write(vim.fn.json_encode(results))
      f:close()
    end
  end
  out(string.format("%d passed, %d failed%s", passed, failed, results.error and (" (error: " .. results.error .. ")") or ""))
  return results.ok
end

local finished = false
local function finish()
  if finished then return end
  finished = true
  local ok = write_results()
  if client_id then pcall(vim.lsp.stop_client, client_id, true) end
  vim.cmd(ok and "qa!" or "cq!")
end

local function check(name, ok, detail)
  table.insert(results.checks, { name = name, ok = ok and true or false, detail = detail or "" })
  out(string.format("[%5dms] %s %s%s", ms(), ok and "PASS" or "FAIL", name, detail and detail ~= "" and (": " .. detail) or ""))
  return ok
end

-- The watchdog: vim.wait and buf_request_sync run the event loop, so this fires even mid-wait.
vim.defer_fn(function()
  if finished then return end
  results.error = "timed out after " .. overall_ms .. " ms"
  finish()
end, overall_ms)

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == "" then error("open an .arch file: nvim ... -c 'luafile lsp-test.lua' <file.arch>") end
  vim.bo[bufnr].filetype = "arch"
  local original = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  -- The raw LSP diagnostics as published, to send back in full in the codeAction context.
  local raw = {}
  local publishes = 0
  client_id = vim.lsp.start_client({
    name = "archwright",
    cmd = { "node", server, "--stdio" },
    root_dir = vim.fn.fnamemodify(fname, ":p:h"),
    flags = { debounce_text_changes = 50 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        if result and vim.uri_to_bufnr(result.uri) == bufnr then
          raw = result.diagnostics
          publishes = publishes + 1
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not client_id then error("vim.lsp.start_client failed for node " .. server) end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function codes()
    local set = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code then set[code] = (set[code] or 0) + 1 end
    end
    return set
  end

  -- (a) diagnostics arrive through vim.diagnostic
  local got = vim.wait(wait_ms, function()
    local c = codes()
    return c["rest/verb-in-path"] ~= nil and c["schema/timestamp-without-time-zone"] ~= nil
  end, 20)
  local c = codes()
  results.diagnostics = #vim.diagnostic.get(bufnr)
  results.diagnosticsMs = ms()
  check("diagnostics", got, string.format("%d diagnostics; rest/verb-in-path x%d, schema/timestamp-without-time-zone x%d",
    results.diagnostics, c["rest/verb-in-path"] or 0, c["schema/timestamp-without-time-zone"] or 0))
  if not got then return end

  -- (b) completion inside `@ref(` offers Entity.field targets
  local ref_line, ref_col
  for i, line in ipairs(original) do
    local s, e = line:find("@ref(", 1, true)
    if s then ref_line, ref_col = i - 1, e break end
  end
  if not ref_line then error("the file has no @ref( to complete in") end
  local res, err = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = ref_line, character = ref_col }, -- just after "(" (ASCII: bytes = UTF-16 units)
    context = { triggerKind = 2, triggerCharacter = "(" },
  }, wait_ms)
  local comp = res and res[client_id] and res[client_id].result
  local items = comp and (comp.items or comp) or {}
  local labels = {}
  local has_warehouse_id = false
  for _, item in ipairs(items) do
    if #labels < 8 then table.insert(labels, item.label) end
    if item.label == "Warehouse.id" then has_warehouse_id = true end
  end
  local all_dotted = #items > 0
  for _, item in ipairs(items) do
    if not item.label:match("^[%a_][%w_]*%.[%a_][%w_]*$") then all_dotted = false end
  end
  results.completion = { line = ref_line, character = ref_col, count = #items, sample = labels }
  check("completion in @ref(", has_warehouse_id and all_dotted,
    string.format("%d items (%s)%s%s", #items, table.concat(labels, ", "),
      has_warehouse_id and "" or "; Warehouse.id missing", all_dotted and "" or "; not all Entity.field", err and ("; " .. tostring(err)) or ""))

  -- (c) the quick fix for schema/timestamp-without-time-zone, with the full diagnostic sent back
  local target
  for _, d in ipairs(raw) do
    if d.code == "schema/timestamp-without-time-zone" then target = d break end
  end
  if not check("raw diagnostic captured", target ~= nil, target and ("line " .. (target.range.start.line + 1)) or "none") then return end
  local line_no = target.range.start.line
  local before_line = original[line_no + 1]
  res, err = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = target.range,
    context = { diagnostics = { target }, only = { "quickfix" } },
  }, wait_ms)
  local actions = res and res[client_id] and res[client_id].result or {}
  local titles, preferred = {}, nil
  for _, a in ipairs(actions) do
    table.insert(titles, a.title)
    if a.isPreferred and not preferred then preferred = a end
  end
  results.codeActions = titles
  if not check("code actions", preferred ~= nil and preferred.edit ~= nil,
      string.format("%d actions [%s]; preferred: %s%s", #actions, table.concat(titles, " | "),
        preferred and preferred.title or "none", err and ("; " .. tostring(err)) or "")) then return end

  local publishes_before = publishes
  vim.lsp.util.apply_workspace_edit(preferred.edit, "utf-16")
  local now = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local changed = {}
  for i = 1, math.max(#now, #original) do
    if now[i] ~= original[i] then table.insert(changed, i) end
  end
  local after_line = now[line_no + 1] or ""
  results.fix = { title = preferred.title, line = line_no + 1, before = before_line, after = after_line, changedLines = changed }
  check("quick fix applied", #changed == 1 and changed[1] == line_no + 1 and after_line:find("timestamptz", 1, true) ~= nil
      and before_line:find("timestamptz", 1, true) == nil,
    string.format("%q -> %q (%d changed lines)", vim.trim(before_line), vim.trim(after_line), #changed))

  -- the diagnostic goes away once the server sees the change; the others stay
  local cleared = vim.wait(wait_ms, function()
    local cc = codes()
    return publishes > publishes_before and cc["schema/timestamp-without-time-zone"] == nil and cc["rest/verb-in-path"] ~= nil
  end, 20)
  local cc = codes()
  results.diagnosticsAfterFix = #vim.diagnostic.get(bufnr)
  check("diagnostic cleared after the fix", cleared,
    string.format("%d diagnostics; schema/timestamp-without-time-zone x%d, rest/verb-in-path x%d",
      results.diagnosticsAfterFix, cc["schema/timestamp-without-time-zone"] or 0, cc["rest/verb-in-path"] or 0))
end

local ok, e = xpcall(main, debug.traceback)
if not ok then
  results.error = tostring(e)
  out("ERROR " .. tostring(e))
end
finish()

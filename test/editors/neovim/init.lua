-- A Neovim user's setup for trigger-lint (docs/editors.md), run headless by neovim.test.ts:
-- open the file, attach `trigger-lint lsp --stdio`, wait for diagnostics, ask for the code
-- actions on the first one, and write what Neovim holds to TL_OUT as JSON.
local cmd = { os.getenv('TL_NODE'), os.getenv('TL_BIN'), 'lsp', '--stdio' }
local root = os.getenv('TL_ROOT')
local out = os.getenv('TL_OUT')

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TL_FILE')))
local bufnr = vim.api.nvim_get_current_buf()

-- vim.lsp.start arrived in Neovim 0.8; Debian 12 ships 0.7, which has start_client + buf_attach_client
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start({ name = 'trigger-lint', cmd = cmd, root_dir = root })
else
  client_id = vim.lsp.start_client({ name = 'trigger-lint', cmd = cmd, root_dir = root })
  vim.lsp.buf_attach_client(bufnr, client_id)
end

local result = { api = vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client', diagnostics = {}, actions = {} }
-- a guard against a hang, not a measurement: the test only reads what arrived
vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  table.insert(result.diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
    message = d.message, source = d.source or lsp.source, code = d.code or lsp.code,
  })
end
table.sort(result.diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)

-- the code actions of the first prefix-leading-slash diagnostic, asked with the diagnostic in LSP
-- form as Neovim's own code_action() sends it (range, severity, message, source, code)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.code == 'prefix-leading-slash' and #result.actions == 0 then
    local lsp = {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, message = d.message, source = d.source, code = d.code,
    }
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), range = lsp.range, context = { diagnostics = { lsp } } }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
    for _, r in pairs(responses) do
      for _, a in ipairs(r.result or {}) do table.insert(result.actions, a.title) end
    end
  end
end

vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.lsp.stop_client(client_id)
vim.cmd('qa!')

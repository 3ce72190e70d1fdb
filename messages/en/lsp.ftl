### The language server's words (jixiao lsp): hover, completion, quick fixes.

lsp-article = { $article }: { $text }
lsp-article-without-text = { $article }: the file gives no text for this article (条文)
lsp-type = Type: { $ty }
lsp-type-and-range = Type: { $ty } · range { $range }
lsp-parameter = Parameter in { $unit }, default { $default }
lsp-input = Data field `{ $field }`
lsp-input-and-range = Data field `{ $field }`, range { $range }
lsp-keyword = keyword
lsp-function = function
lsp-replace = Replace `{ $written }` with `{ $replacement }`

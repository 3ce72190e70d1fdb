### The language server's words (jixiao lsp): hover, completion, quick fixes.

lsp-article = { $article }：{ $text }
lsp-article-without-text = { $article }：文件中没有用“条文”给出这一条的内容
lsp-type = 类型：{ $ty }
lsp-type-and-range = 类型：{ $ty } · 范围 { $range }
lsp-parameter = 参数，单位为{ $unit }，默认 { $default }
lsp-input = 数据字段“{ $field }”
lsp-input-and-range = 数据字段“{ $field }”，范围 { $range }
lsp-keyword = 关键字
lsp-function = 函数
lsp-replace = 把“{ $written }”改为“{ $replacement }”

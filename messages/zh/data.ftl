## src/data/batches.rs

data-table-read-file-not-batch = 表格须从文件读取
data-name-line-line-longer-than = { $name }:{ $line }：这一行超过 { $value } MB
data-json-lines-holds-one-department = JSON Lines 文件每行一个部门的记录；JSON 数组请存为 .json 文件

## src/data/err.rs

data-record-field-path = { $record }，字段“{ $path }”
data-field-cell = { $field }（{ $cell }）
data-file-line-column-data-not = { $file }:{ $line }:{ $column }：数据不是有效的 JSON：{ $what }
data-check-brackets-commas-quotes-near = 请检查该处附近的括号、逗号和引号；从电子表格导出的文件可能不完整
data-file-line-column-key-key = { $file }:{ $line }:{ $column }：同一个对象中，键“{ $key }”出现了两次
data-keep-one-them-reader-would = 请只保留其中一个：否则读取时只会用最后一个，且不作任何提示
data-input-s-default-does-not = 这个输入的默认值与它的类型不符
data-write-default-input-s-type = 请写出符合输入类型和范围的默认值，如“默认 0”或“默认 []”
data-data-must-json-array-records = 数据必须是由记录组成的 JSON 数组，每个部门一条记录；实际为{ $found }
data-wrap-records-even-when-there = 请用 [ … ] 把各条记录括起来，只有一条记录时也要如此
data-words-field-missing = { $at_words }：缺少此字段
data-add-path-expected = 请填写“{ $path }”：{ $expected }
data-expected-found = { $at_words }：应为{ $expected }，实际为{ $found }
data-write-expected-here = 此处请填写{ $expected }
data-did-you-mean-s-allowed = 是否应为“{ $s }”？可填：{ $allowed }
data-allowed-allowed = 可填：{ $allowed }
data-words-expected-one-one-found = { $at_words }：应为 { $one_of } 之一，实际为“{ $word }”
data-correct-value-must-expected = 请更正此值：它必须是{ $expected }
data-wrong-length = { $at_words }：应为{ $expected }，实际有 { $found } 项
data-give-expected = 请给出{ $expected }
data-did-you-mean-s = 是否应为“{ $s }”？
data-fields-allowed = 可用的字段有：{ $allowed }
data-words-unknown-field-field = { $at_words }：未知的字段“{ $field }”
data-unknown-quoted = 有未知的键{ $quoted }
data-missing-quoted = 缺少{ $quoted }
data-did-you-mean-s-keys = 是否应为“{ $s }”？可用的键有：{ $keys }
data-keys-keys = 可用的键有：{ $keys }
data-words-parts = { $at_words }：{ $parts }
data-each-department-may-appear-once = 每个部门在数据文件中只能出现一次；请合并这些记录，或更改名称
data-words-expected-least-one-answer = { $at_words }：应至少有一份答卷，实际一份也没有
data-survey-s-counts-must-add = 调查各项票数的合计必须大于 0；请检查计票是否已经填写
data-words-number-text-cannot-read = { $at_words }：数字 { $text } 无法精确读取

## src/data/files.rs

data-rename-xlsx = 请把扩展名改为 .xlsx
data-json-jsonl-csv-xlsx = .json、.jsonl、.csv 和 .xlsx
data-text-file-without-extension = 没有扩展名的文本文件
data-text-file-ext = 文本文件（{ $ext }）
data-ext-file = { $ext } 文件
data-open-excel-wps-save-excel = 请用 Excel 或 WPS 打开，另存为 Excel 工作簿：文件 → 另存为 → Excel 工作簿（*.xlsx）
data-jixiao-cannot-read-data-document = jixiao 无法从文档中读取数据：请取得电子表格（.xlsx）或 CSV 格式的数据
data-unpack-give-jixiao-data-file = 请解压后使用其中的数据文件
data-save-data-reads-jixiao-template = 请按 jixiao template 生成的格式，把数据存为 { $reads } 之一
data-name-line-col-file-encoding = { $name }:{ $line }:{ $col }：文件是 { $encoding } 编码的文本，而 JSON 必须是 UTF-8 编码（第 { $at } 字节）
data-save-utf-8-notepad-utf = 请另存为 UTF-8 编码：记事本中 另存为 → 编码 → UTF-8；VS Code 中 通过编码保存 → UTF-8
data-file-starts-utf-16-text = 文件开头标明是 UTF-16 编码，内容却不是有效的 UTF-16
data-file-neither-utf-8-nor = 文件既不是 UTF-8 也不是 GBK 编码的文本
data-name-line-col-what-byte = { $name }:{ $line }:{ $col }：{ $what }（第 { $at } 字节）
data-save-table-again-csv-wps = 请重新另存为 CSV（WPS 或 Excel：另存为 → CSV UTF-8）；被截断或由几部分拼接的文件，在该处可能有损坏的字节
data-name-line-col-file-not = { $name }:{ $line }:{ $col }：文件不是有效的 UTF-8 文本（第 { $at } 字节）
data-save-file-utf-8-wps = 请将文件另存为 UTF-8 编码（WPS 或 Excel：另存为 → UTF-8）；GBK 编码的文件需要先转换
data-cannot-read-name-why = 无法读取 { $name }：{ $why }
data-check-file-s-path-permissions = 请检查文件路径和读取权限
data-file-table-field-missing-expected = { $file }：缺少“{ $field }”表：应有 { $expected }
data-regulation-declares-field-give-table = 办法中声明了“{ $field }”；请提供这张表，若各部门都没有此项，只保留表头行即可（jixiao template 会生成）；缺少的表不会被当作“没有”
data-sheet-n = 工作表“{ $n }”
data-file-what-not-read-regulation = { $file }：{ $what } 未被读取：办法中没有这个名称的表
data-tables-read-read-rename-if = 读取的表有：{ $read }；如果其中有数据，请改为正确的名称，否则可删除或忽略

## src/data/record.rs

data-record-object-department-s-fields = 一条记录（包含该部门各字段的对象）
data-empty-text = 空文本
data-department-s-name = 部门名称
data-text = 文本
data-non-empty-list-item = 非空列表（每项为{ $item }）
data-least-lo-items = 至少含 { $lo } 项的列表
data-lo-hi-items = 含 { $lo } 至 { $hi } 项的列表
data-record-names = 包含 { $names } 的记录
data-one-words = { $words } 之一
data-list-item = 列表（每项为{ $item }）
data-counts-per-level-levels = 各级别的票数（{ $levels }）
data-object-keys-keys = 以 { $keys } 为键的对象
data-yes-no-true-false = 是或否（是/否、true/false）
data-null = 空值（null）
data-b = 是/否值 { $b }
data-number-n = 数字 { $n }
data-text-s = 文本“{ $s }”
data-list-item-s = 含 { $a } 项的列表
data-object = 对象（{"{"} … {"}"}）

## src/data/sheet.rs

data-sheet-named-field = 名为“{ $field }”的工作表
data-row-header-header = 第 { $header_at } 行（表头）
data-column-letters = 第 { $letters } 列
data-formula-saved-without-computed-value = 公式没有保存计算结果
data-file-was-written-program-does = 文件由不计算公式的程序生成：请用 Excel 打开后保存（WPS 或 LibreOffice 须先重新计算再保存；LibreOffice：数据 → 计算 → 强制重新计算），或直接填写数值
data-date-time-where-jixiao-reads = 日期或时间，而 jixiao 不读取日期
data-type-number-field-asks-format = 请填写该字段需要的数值，并把单元格格式设为“常规”或“数值”
data-error-value-not-value = 错误值，不是数值
data-correct-formula-division-zero-missing = 请更正公式（除数为零、引用缺失等），使单元格显示数值
data-shows-shown-holds-held = 显示 { $shown }，实际为 { $held }
data-cell-holds-more-digits-than = 单元格实际的数位多于显示的数位
data-type-value-you-mean-round = 请按本意填写数值，或在表中取整（=ROUND(…, { $places })），或增加显示的小数位数
data-held-in-number-format = { $held }，数字格式为 { $format }
data-number-format-shows-another-number = 数字格式显示的不是单元格中的数（分数、科学记数、以千为单位）
data-format-cell-general-number = 请把单元格格式设为“常规”或“数值”
data-computed-value-all-15-significant = 计算出的数值，用满了电子表格保存的 15 位有效数字（如 1/3），表中显示的是按列宽截短的值
data-round-sheet-round-2-keeps = 请在表中取整（=ROUND(…, 2) 保留两位小数），或直接填写数值
data-leftover-calculation-s-binary-arithmetic = 计算中二进制运算留下的余数，小到不可能是填写的数值
data-held-in-number-format-after = { $held }，数字格式为 { $format }
data-number-number-format-does-not = 数字格式没有显示出这个数
data-show-value-format-cell-general = 请让数值显示出来（把单元格格式设为“常规”或“数值”），或清空该单元格
data-number-too-large-read-exactly = 数字太大，无法精确读取
data-check-value = 请检查这个值
data-open-excel-wps-libreoffice-save = 请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx
data-cannot-read-file-sheet-name = 无法读取 { $file }：工作表“{ $name }”解压后超过 { $limit } MB，超出 jixiao 整体读取的上限
data-save-sheet-csv-which-read = 请把该工作表另存为 CSV（CSV 分批读取）；或检查文件：解压后达到数 GB 的小文件已损坏或是刻意构造的
data-file-sheet-name-hidden-jixiao = { $file }：工作表“{ $name }”被隐藏；jixiao 只读取工作簿中看得见的内容
data-unhide-sheet-name-right-click = 请取消隐藏工作表“{ $name }”（右键单击工作表标签 → 取消隐藏）并检查其内容，或将其删除
data-sheet-what-hidden-values-jixiao = { $sheet }，{ $what }：被隐藏，其中有数据；jixiao 只读取表中看得见的内容
data-unhide-select-rows-columns-around = 请取消隐藏（选中其两侧的行或列 → 取消隐藏；或清除筛选）并检查其内容，或将其删除
data-unmerge-range-give-each-row = 请取消合并 { $range }，并为每一行分别填写数值
data-shows-93-holds-92-5 = 显示 93%，实际为 92.5%

## src/data/sniff.rs

data-excel-workbook-xlsx = Excel 工作簿（.xlsx）
data-opendocument-spreadsheet-ods = OpenDocument 表格（.ods）
data-word-document = Word 文档
data-zip-archive = ZIP 压缩文件
data-excel-97-2003-workbook-xls = Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）
data-html-page-what-web-systems = 网页（HTML）文件（网上系统导出的 .xls 常是这种文件）
data-excel-2003-xml-spreadsheet = Excel 2003 XML 表格
data-pdf-document = PDF 文档
data-text-file = 文本文件
data-file-kind-jixiao-does-not = jixiao 不认识的文件
data-empty-file = 空文件
data-json-text = JSON 文本
data-text-tab-separated-columns = 以制表符分隔各列的文本
data-csv-text = CSV 文本
data-looks-like-json-rename-json = 内容像是 JSON：请把扩展名改为 .json（记录组成的数组）或 .jsonl（每行一条记录）
data-holds-tab-separated-columns-copied = 内容是以制表符分隔的各列（从电子表格复制出来的常是这样）：请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV（.csv）
data-looks-like-csv-rename-csv = 内容像是 CSV：请把扩展名改为 .csv
data-save-data-xlsx-csv-csv = 请按 jixiao template 生成的格式，把数据存为 .xlsx、CSV（.csv）或 JSON

## src/data/tables.rs

data-cell-cell-name = 单元格 { $cell_name }
data-column-column-letters = 第 { $column_letters } 列
data-row = 第 { $at } 行
data-line = 第 { $at } 行
data-column-col = 第 { $column } 列
data-line-line-column-col = 第 { $line } 行第 { $column } 列
data-percentage-92 = 带 % 的百分比，如 92%
data-number-without = 不带 % 的数
data-number = 数
data-items-separated-none-empty = 以“、”分隔且没有空项的各项
data-department-main-table = 主表中的部门
data-indicator-s-name = 指标名称
data-shown-cell = { $shown }，{ $cell }
data-header-place-column-no-field = { $header_place }（{ $column }）：办法中没有这个字段
data-use-headers-jixiao-template-writes = 请使用 jixiao template 生成的表头；备注等说明列请在评估前删除
data-shown-b-column-column-named = { $shown }，{ $b }（{ $column }）：这一列的名称重复（第一次在{ $a }），无法确定以哪一列为准
data-keep-one-column-each-name = 同名的列只保留一列：删除或更名另一列
data-shown-table-field-empty-without = { $shown }：“{ $field }”表是空的，连表头行也没有
data-empty-file-never-read-none = 空文件不会被当作“没有”：请给这张表加上表头行（jixiao template 会生成），并填写有此项的部门的各行
data-place-first-row-anything-header = { $place }：第一个有内容的行是表头，但它只有一个单元格“{ $title }”（是标题吗？）
data-delete-rows-above-header-so = 请删除表头上方的行，让字段名称成为第一行
data-shown-table-column-has-values = { $shown }，{ $column }：这一列有数据（第一个在{ $cell }），但表头中没有列名
data-write-field-s-name-header = 请在表头写上字段名称，或删除这一列
data-cell-problem = { $shown }，{ $cell }（部门“{ $department }”，字段“{ $field }”）：{ $problem }：{ $found }
data-cell-expected = { $shown }，{ $cell }（部门“{ $department }”，字段“{ $field }”）：应为{ $expected }，实际为“{ $found }”
data-correct-value-cell = 请更正{ $cell }的值

## Records, quotes and data errors
data-record-department = 部门“{ $name }”
data-record-number = 第 { $n } 条记录
data-record-test-unit = 测试中的第 { $n } 个单位
data-record-default = 默认值
data-quoted = “{ $item }”
data-out-of-range = { $at_words }：应为{ $expected }，实际为{ $zh_space }{ $found }
data-duplicate-unit = { $at_words }：同一部门再次出现（第一次出现在第 { $first } 条记录）
data-duplicate-unit-written = { $at_words }：同一部门再次出现（第一次出现在第 { $first } 条记录），写作“{ $written }”（看不见的字符和首尾空白不算）

## serde_json's messages (English as serde_json words them)
data-json-eof-while-parsing-a-list = 列表（[ … ]）没有结束，文件就结束了
data-json-eof-while-parsing-an-object = 对象（{"{"} … {"}"}）没有结束，文件就结束了
data-json-eof-while-parsing-a-string = 文本的引号没有结束，文件就结束了
data-json-eof-while-parsing-a-value = 文件在应有值的地方结束了
data-json-expected-colon = 此处应为“:”
data-json-expected-comma-or-bracket = 此处应为“,”或“]”
data-json-expected-comma-or-brace = 此处应为“,”或“{"}"}”
data-json-expected-ident = 此处应为一个值
data-json-expected-value = 此处应为一个值
data-json-key-must-be-a-string = 键必须是引号中的文本
data-json-invalid-escape = 文本中有无效的转义符（\）
data-json-invalid-number = 无效的数字
data-json-number-out-of-range = 数字超出范围
data-json-invalid-unicode-code-point = 无效的 Unicode 字符
data-json-control-character-u0000-u001f-found-while = 文本中有控制字符（如未转义的换行）
data-json-trailing-comma = 最后一项之后多了逗号
data-json-trailing-characters = 数据结束之后还有多余的内容
data-json-expected-quote = 此处应为引号“"”
data-json-unexpected-end-of-hex-escape = 文本中的 \u 转义不完整
data-json-lone-leading-surrogate-in-hex-escape = 文本中的 \u 转义是不成对的代理项
data-json-recursion-limit-exceeded = 嵌套层数太多

## What a number or percentage field accepts
data-noun-whole = 整数
data-noun-number = 数
data-any-whole = 整数
data-any-number = 数字
data-number-between = 介于 { $low } 至 { $high } 之间的{ $noun }
data-number-bounded = { $lower } 且{ $upper } 的{ $noun }
data-number-bound = { $bound } 的{ $noun }
data-at-least = 不小于 { $value }
data-more-than = 大于 { $value }
data-at-most = 不大于 { $value }
data-less-than = 小于 { $value }
data-percentage = 带 % 的百分比（如“92%”）
data-percentage-between = 带 % 的百分比（如“92%”，{ $low } 至 { $high }）
data-percentage-bound = 带 % 的百分比（如“92%”，{ $bound }）

## Workbooks and merged cells
data-not-a-workbook = 无法读取 { $file }：工作簿无法读取（文件已损坏、不完整或设有密码）
data-merged-cells = { $sheet }，单元格 { $range }：数值位于合并单元格中，无法确定属于哪一行
data-merged-cells-of = { $sheet }，单元格 { $range }（部门 { $departments }）：数值位于合并单元格中，无法确定属于哪一行

## Files whose content is not what their name says
data-cannot-read-kind = { $name } 是{ $zh_space }{ $what }：jixiao 只能读取 { $reads } 格式的数据文件
data-misnamed-no-extension = { $name } 的内容是{ $zh_space }{ $what }，文件名却没有扩展名
data-misnamed = { $name } 的内容是{ $zh_space }{ $what }，扩展名却是“{ $ext }”

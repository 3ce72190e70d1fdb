## src/data/batches.rs

data-table-read-file-not-batch = a table is read from its file, not a batch at a time
data-name-line-line-longer-than = { $name }:{ $line }: the line is longer than { $value } MB
data-json-lines-holds-one-department = JSON Lines holds one department's record a line; a JSON array belongs in a .json file

## src/data/err.rs

data-record-field-path = { $record }, field `{ $path }`
data-field-cell = { $field } ({ $cell })
data-file-line-column-data-not = { $file }:{ $line }:{ $column }: the data is not valid JSON: { $what }
data-check-brackets-commas-quotes-near = check the brackets, commas and quotes near that place; a spreadsheet export may have cut the file short
data-file-line-column-key-key = { $file }:{ $line }:{ $column }: the key "{ $key }" appears twice in the same object
data-keep-one-them-reader-would = keep one of them: a reader would silently use only the last
data-input-s-default-does-not = this input's default does not fit its type
data-write-default-input-s-type = write a default of the input's type and within its limits, as in `默认 0` or `默认 []`
data-data-must-json-array-records = the data must be a JSON array of records, one per department; found { $found }
data-wrap-records-even-when-there = wrap the records in [ … ], even when there is only one
data-words-field-missing = { $at_words }: the field is missing
data-add-path-expected = add `{ $path }` with { $expected }
data-expected-found = { $at_words }: expected { $expected }, found { $found }
data-write-expected-here = write { $expected } here
data-did-you-mean-s-allowed = did you mean `{ $s }`? Allowed: { $allowed }
data-allowed-allowed = allowed: { $allowed }
data-words-expected-one-one-found = { $at_words }: expected one of { $one_of }, found "{ $word }"
data-correct-value-must-expected = correct the value: it must be { $expected }
data-wrong-length = { $at_words }: expected { $expected }, found { $found } item(s)
data-give-expected = give { $expected }
data-did-you-mean-s = did you mean `{ $s }`?
data-fields-allowed = the fields are: { $allowed }
data-words-unknown-field-field = { $at_words }: unknown field `{ $field }`
data-unknown-quoted = unknown { $quoted }
data-missing-quoted = missing { $quoted }
data-did-you-mean-s-keys = did you mean `{ $s }`? The keys are: { $keys }
data-keys-keys = the keys are: { $keys }
data-words-parts = { $at_words }: { $parts }
data-each-department-may-appear-once = each department may appear once in a data file; merge or rename the records
data-words-expected-least-one-answer = { $at_words }: expected at least one answer, found none
data-survey-s-counts-must-add = a survey's counts must add up to more than 0; check that the tally was filled in
data-words-number-text-cannot-read = { $at_words }: the number { $text } cannot be read exactly

## src/data/files.rs

data-rename-xlsx = rename it to .xlsx
data-json-jsonl-csv-xlsx = .json, .jsonl, .csv and .xlsx
data-text-file-without-extension = a text file without an extension
data-text-file-ext = a text file ({ $ext })
data-ext-file = a { $ext } file
data-open-excel-wps-save-excel = open it in Excel or WPS and save it as an Excel workbook: 文件 → 另存为 → Excel 工作簿 (*.xlsx)
data-jixiao-cannot-read-data-document = jixiao cannot read data from a document: get the data as a spreadsheet (.xlsx) or CSV
data-unpack-give-jixiao-data-file = unpack it and give jixiao the data file inside
data-save-data-reads-jixiao-template = save the data as { $reads }, as `jixiao template` writes them
data-name-line-col-file-encoding = { $name }:{ $line }:{ $col }: the file is { $encoding } text, and JSON must be UTF-8 (byte { $at })
data-save-utf-8-notepad-utf = save it as UTF-8: in Notepad 另存为 → 编码 → UTF-8; in VS Code 通过编码保存 → UTF-8
data-file-starts-utf-16-text = the file starts as UTF-16 text but is not valid UTF-16
data-file-neither-utf-8-nor = the file is neither UTF-8 nor GBK text
data-name-line-col-what-byte = { $name }:{ $line }:{ $col }: { $what } (byte { $at })
data-save-table-again-csv-wps = save the table again as CSV (WPS or Excel: 另存为 → CSV UTF-8); a file cut short or joined from pieces may have broken bytes there
data-name-line-col-file-not = { $name }:{ $line }:{ $col }: the file is not valid UTF-8 text (byte { $at })
data-save-file-utf-8-wps = save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted
data-cannot-read-name-why = cannot read { $name }: { $why }
data-check-file-s-path-permissions = check the file's path and permissions
data-file-table-field-missing-expected = { $file }: the table of `{ $field }` is missing: expected { $expected }
data-regulation-declares-field-give-table = the regulation declares `{ $field }`; give its table, with only the header row if no department has any (jixiao template writes it); a missing table is never read as "none"
data-sheet-n = sheet { $n }
data-file-what-not-read-regulation = { $file }: { $what } is not read: the regulation has no table of that name
data-tables-read-read-rename-if = the tables read are: { $read }; rename it if it holds data, else delete it or ignore this

## src/data/record.rs

data-record-object-department-s-fields = a record (an object with the department's fields)
data-empty-text = empty text
data-department-s-name = the department's name
data-text = text
data-non-empty-list-item = a non-empty list of { $item }
data-least-lo-items = at least { $lo } items
data-lo-hi-items = { $lo } to { $hi } items
data-record-names = a record with { $names }
data-one-words = one of { $words }
data-list-item = a list of { $item }
data-counts-per-level-levels = counts per level ({ $levels })
data-object-keys-keys = an object with the keys { $keys }
data-yes-no-true-false = yes or no (是/否, true/false)
data-null = null
data-b = { $b }
data-number-n = the number { $n }
data-text-s = the text "{ $s }"
data-list-item-s = a list of { $a } item(s)
data-object = an object

## src/data/sheet.rs

data-sheet-named-field = a sheet named { $field }
data-row-header-header = row { $header_at } (the header)
data-column-letters = column { $letters }
data-formula-saved-without-computed-value = a formula saved without its computed value
data-file-was-written-program-does = the file was written by a program that does not compute formulas: open it in Excel and save it (in WPS or LibreOffice, recalculate before saving; LibreOffice: Data → Calculate → Recalculate Hard), or type the value
data-date-time-where-jixiao-reads = a date or time, where jixiao reads no dates
data-type-number-field-asks-format = type the number the field asks for, and format the cell as General (常规) or Number (数值)
data-error-value-not-value = an error value, not a value
data-correct-formula-division-zero-missing = correct the formula (a division by zero, a missing reference …) so that the cell shows a value
data-shows-shown-holds-held = shows { $shown }, holds { $held }
data-cell-holds-more-digits-than = the cell holds more digits than it shows
data-type-value-you-mean-round = type the value as you mean it, or round it in the sheet (=ROUND(…, { $places })), or show more decimal places
data-held-in-number-format = { $held } in the number format { $format }
data-number-format-shows-another-number = a number format that shows another number than the cell holds (a fraction, scientific notation, thousands)
data-format-cell-general-number = format the cell as General (常规) or Number (数值)
data-computed-value-all-15-significant = a computed value with all 15 significant digits a spreadsheet keeps (such as 1/3), which the sheet shows cut to its column
data-round-sheet-round-2-keeps = round it in the sheet (=ROUND(…, 2) keeps two decimal places) or type the value
data-leftover-calculation-s-binary-arithmetic = a leftover of a calculation's binary arithmetic, too small to be a value anyone typed
data-held-in-number-format-after = { $held }, in the number format { $format }
data-number-number-format-does-not = a number its number format does not show
data-show-value-format-cell-general = show the value (format the cell as General (常规) or Number (数值)) or clear the cell
data-number-too-large-read-exactly = a number too large to read exactly
data-check-value = check the value
data-open-excel-wps-libreoffice-save = open it in Excel, WPS or LibreOffice and save it again as .xlsx
data-cannot-read-file-sheet-name = cannot read { $file }: the sheet { $name } unpacks to more than { $limit } MB, more than jixiao reads whole
data-save-sheet-csv-which-read = save the sheet as CSV (which is read a batch at a time), or check the file: a small file that unpacks to gigabytes is damaged or crafted
data-file-sheet-name-hidden-jixiao = { $file }: the sheet { $name } is hidden; jixiao reads only what the workbook shows
data-unhide-sheet-name-right-click = unhide the sheet { $name } (right-click a sheet tab → Unhide) and check it, or delete it
data-sheet-what-hidden-values-jixiao = { $sheet }, { $what }: hidden, with values in it; jixiao reads only what the sheet shows
data-unhide-select-rows-columns-around = unhide it (select the rows or columns around it → Unhide; clear a filter) and check it, or delete it
data-unmerge-range-give-each-row = unmerge { $range } and give each row its own value
data-shows-93-holds-92-5 = shows 93%, holds 92.5%

## src/data/sniff.rs

data-excel-workbook-xlsx = an Excel workbook (.xlsx)
data-opendocument-spreadsheet-ods = an OpenDocument spreadsheet (.ods)
data-word-document = a Word document
data-zip-archive = a ZIP archive
data-excel-97-2003-workbook-xls = an Excel 97-2003 workbook (.xls) or a WPS spreadsheet (.et)
data-html-page-what-web-systems = an HTML page (what web systems often export as .xls)
data-excel-2003-xml-spreadsheet = an Excel 2003 XML spreadsheet
data-pdf-document = a PDF document
data-text-file = a text file
data-file-kind-jixiao-does-not = a file of a kind jixiao does not know
data-empty-file = an empty file
data-json-text = JSON text
data-text-tab-separated-columns = text of tab-separated columns
data-csv-text = CSV text
data-looks-like-json-rename-json = it looks like JSON: rename it to .json (an array of records) or .jsonl (a record a line)
data-holds-tab-separated-columns-copied = it holds tab-separated columns (as copied from a spreadsheet): open it in Excel or WPS and save it as .xlsx or CSV (.csv)
data-looks-like-csv-rename-csv = it looks like CSV: rename it to .csv
data-save-data-xlsx-csv-csv = save the data as .xlsx, CSV (.csv) or JSON, as `jixiao template` writes them

## src/data/tables.rs

data-cell-cell-name = cell { $cell_name }
data-column-column-letters = column { $column_letters }
data-row = row { $at }
data-line = line { $at }
data-column-col = column { $column }
data-line-line-column-col = line { $line }, column { $column }
data-percentage-92 = a percentage with %, as 92%
data-number-without = a number without %
data-number = a number
data-items-separated-none-empty = items separated by 、 with none empty
data-department-main-table = a department of the main table
data-indicator-s-name = the indicator's name
data-shown-cell = { $shown }, { $cell }
data-header-place-column-no-field = { $header_place } ({ $column }): no field of the regulation has this name
data-use-headers-jixiao-template-writes = use the headers `jixiao template` writes; delete a column of notes (备注) before evaluating
data-shown-b-column-column-named = { $shown }, { $b } ({ $column }): the column is named twice (first in { $a }); which one counts is not clear
data-keep-one-column-each-name = keep one column of each name: delete or rename the other
data-shown-table-field-empty-without = { $shown }: the table of `{ $field }` is empty, without even its header row
data-empty-file-never-read-none = an empty file is never read as "none": give the table its header row (jixiao template writes it), with the rows of the departments that have any
data-place-first-row-anything-header = { $place }: the first row with anything in it is the header, but it holds one cell, "{ $title }" (a title?)
data-delete-rows-above-header-so = delete the rows above the header, so that the field names are the first row
data-shown-table-column-has-values = { $shown }, { $column }: the column has values (first at { $cell }) but no name in the header
data-write-field-s-name-header = write the field's name in the header, or delete the column
data-cell-problem = { $shown }, { $cell } (department "{ $department }", field `{ $field }`): { $problem }: { $found }
data-cell-expected = { $shown }, { $cell } (department "{ $department }", field `{ $field }`): expected { $expected }, found "{ $found }"
data-correct-value-cell = correct the value at { $cell }

## Records, quotes and data errors
data-record-department = department "{ $name }"
data-record-number = record { $n }
data-record-test-unit = unit { $n } of the test
data-record-default = the default
data-quoted = `{ $item }`
# `zh_space` is a space before a value written in ASCII, which Chinese typography wants.
data-out-of-range = { $at_words }: expected { $expected }, found { $found }
data-duplicate-unit = { $at_words }: the same department appears again (first as record { $first })
data-duplicate-unit-written = { $at_words }: the same department appears again (first as record { $first }), written "{ $written }" (invisible characters and spaces at the ends do not count)

## serde_json's messages (English as serde_json words them)
data-json-eof-while-parsing-a-list = EOF while parsing a list
data-json-eof-while-parsing-an-object = EOF while parsing an object
data-json-eof-while-parsing-a-string = EOF while parsing a string
data-json-eof-while-parsing-a-value = EOF while parsing a value
data-json-expected-colon = expected `:`
data-json-expected-comma-or-bracket = expected `,` or `]`
data-json-expected-comma-or-brace = expected `,` or `{"}"}`
data-json-expected-ident = expected ident
data-json-expected-value = expected value
data-json-key-must-be-a-string = key must be a string
data-json-invalid-escape = invalid escape
data-json-invalid-number = invalid number
data-json-number-out-of-range = number out of range
data-json-invalid-unicode-code-point = invalid unicode code point
data-json-control-character-u0000-u001f-found-while = control character (\u0000-\u001F) found while parsing a string
data-json-trailing-comma = trailing comma
data-json-trailing-characters = trailing characters
data-json-expected-quote = expected `"`
data-json-unexpected-end-of-hex-escape = unexpected end of hex escape
data-json-lone-leading-surrogate-in-hex-escape = lone leading surrogate in hex escape
data-json-recursion-limit-exceeded = recursion limit exceeded

## What a number or percentage field accepts
data-noun-whole = a whole number
data-noun-number = a number
data-any-whole = a whole number
data-any-number = a number
data-number-between = { $noun } from { $low } to { $high }
data-number-bounded = { $noun } { $lower } and { $upper }
data-number-bound = { $noun } { $bound }
data-at-least = ≥ { $value }
data-more-than = > { $value }
data-at-most = ≤ { $value }
data-less-than = < { $value }
data-percentage = a percentage, written with % (as "92%")
data-percentage-between = a percentage from { $low } to { $high }, written with % (as "92%")
data-percentage-bound = a percentage { $bound }, written with % (as "92%")

## Workbooks and merged cells
# `en_why` is the spreadsheet library's own English words; the Chinese leaves them out.
data-not-a-workbook = cannot read { $file }: not a workbook that can be read (damaged, cut short, or protected): { $en_why }
data-merged-cells = { $sheet }, cells { $range }: a value in merged cells; which row it belongs to is not clear
data-merged-cells-of = { $sheet }, cells { $range } (departments { $departments }): a value in merged cells; which row it belongs to is not clear

## Files whose content is not what their name says
data-cannot-read-kind = { $name } is { $what }: jixiao reads data from { $reads } files
data-misnamed-no-extension = { $name } is { $what }, though its name has no extension
data-misnamed = { $name } is { $what }, though its name ends in `{ $ext }`

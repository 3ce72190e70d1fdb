## src/cli.rs

cli-more-more = …… 另有 { $more } 条
cli-check-file-s-path-permissions = 请检查文件的路径和访问权限
cli-name-line-col-file-not = { $name }:{ $line }:{ $col }：文件不是有效的 UTF-8 文本（第 { $at } 字节处）
cli-save-file-utf-8-wps = 请把文件保存为 UTF-8 编码（在 WPS 或 Excel 中：另存为 → UTF-8）；GBK 编码的文件须先转换
cli-check-disk-program-reading-output = 请检查磁盘或读取输出的程序；也可以用 --output 把结果写入文件
cli-output-path-also-input-writing = --output { $path } 同时也是输入文件；写入它会毁掉输入
cli-write-results-another-file = 请把结果写到另一个文件
cli-output-path-folder = --output { $path } 是一个文件夹
cli-name-file-output-json = 请指定一个文件，如 --output 结果.json
cli-format-xlsx-needs-output-file = --format xlsx 需要同时指定 --output 文件.xlsx
cli-spreadsheet-cannot-printed-terminal = 电子表格不能输出到终端
cli-cannot-write-path-why = 无法写入 { $path }：{ $why }
cli-write-csv-instead-instead-has = 请改为写入 CSV（{ $instead }）：CSV 没有行数限制
cli-folder-does-not-exist = 文件夹不存在
cli-permission-denied = 没有写入权限
cli-check-folder-exists-writable = 请检查文件夹是否存在、是否可以写入

## src/cli/atomic.rs

cli-interrupted = 已中断
cli-interrupted-temporary-files-removed = 已中断：临时文件已删除
cli-files-result-do-not-belong = 这次结果的几个文件彼此不一致：请重新运行这条命令

## src/cli/check.rs

cli-file-ok = { $file }：通过
cli-file-errors-error-s = { $file }：{ $errors } 个错误
cli-n-warning-s = （{ $n } 条警告）

## src/cli/data_files.rs

cli-wrote-path = 已写入 { $path }
cli-output-name-jixiao-cannot-write = --output { $name }：jixiao 不能写 .{ $ext } 文件
cli-output-name-file-name-has = --output { $name }：文件名没有扩展名，无法确定格式
cli-name-file-ending-one-formats = 请使用以下扩展名之一：{ $formats }；或用 { $option } 指定格式

## src/cli/diff.rs

cli-data-data-read-once-each = { $data }：每次评估都要重新读取数据，因此数据必须是文件，不能是管道或文件夹
cli-save-data-file-first-name = 请先把数据保存为文件，再指定该文件
cli-data-must-suit-both-versions = 数据须同时适用于两个版本：只有一个版本读取的字段，另一个版本会跳过；但每个版本自己的字段都须符合该版本的要求
cli-jixiao-diff-needs-two-versions = jixiao diff 需要两个版本来比较：旧.jx 新.jx 数据，或 办法.jx 数据 加上 --vs 名称=值
cli-jixiao-diff-2024-jx-2025 = 例如：jixiao diff 2024.jx 2025.jx 数据.json，或 jixiao diff 办法.jx 数据.json --vs 优秀线=92
cli-department-traces-one-department-s = --department 追溯一个部门的各项数值，CSV 和 XLSX 中没有放置它的位置
cli-use-format-table-format-json = 请配合 --format table 或 --format json 使用 --department，或去掉 --department

## src/cli/evaluate.rs

cli-jobs-0-run-needs-least = --jobs 0：至少需要一个线程
cli-jobs-too-many = --jobs { $n }：线程数最多为 { $most_jobs }
cli-jobs-number = 请给出 1 到 { $most_jobs } 之间的数，或不写 --jobs 以使用全部核心（本机 { $cores } 个）

## src/cli/explain.rs

cli-did-you-mean-n = 是否应为“{ $n }”？
cli-data-has-names-departments-such = 数据中有 { $names } 个部门，例如 { $some }
cli-no-department-named-shown-data = { $data } 中没有名为“{ $shown }”的部门

## src/cli/format.rs

cli-file-formatting-would-change-file = { $file }：整理格式会改变文件的含义，未写入
cli-defect-jixiao-fmt-please-report = 这是 jixiao fmt 的缺陷，请连同该文件一起报告
cli-file-not-canonical-layout-first = { $file }：不是规范格式（第 { $line } 行起不同）；请运行 jixiao fmt
cli-file-formatted = { $file }：已整理格式

## src/cli/params.rs

cli-regulation-has-no-parameters = 这个办法没有参数
cli-parameters-names = 参数有：{ $names }
cli-option-item-expected-name-value = { $option } { $item }：应写成 名称=值
cli-option-unknown-parameter-name = { $option }：未知的参数“{ $name }”
cli-option-name-given-twice = { $option } { $name } 给出了两次
cli-set-each-parameter-once = 每个参数只能设定一次
cli-option-name-value-not-number = { $option } { $name }：“{ $value }”不是这个参数所需的那种数
cli-write-decimal-number-option-name = 请写一个十进制数，如 { $option } { $name }={ $example }
cli-option-name-0-name-divides = { $option } { $name }=0：办法中以“{ $name }”作除数，不能设为 0
cli-set-name-value-other-than = 请把 { $name } 设为非零的值（默认值为 { $program }）

## src/cli/report.rs

cli-data-file-larger-than-16 = 数据文件大于 16 MB
cli-there-too-many-departments = 单位太多
cli-note-departments-departments-why-report = 提示：共 { $departments } 个单位，{ $why }：报告只列出每组得分最高和最低的单位，不含各单位详情（单位数不超过 { $most } 且数据文件不超过 16 MB 时才有）
cli-date-text-not-date = --date { $text }：不是日期
cli-write-date-year-month-day = 请按“年-月-日”书写，如 --date 2026-12-01
cli-cannot-make-report-out-why = 无法生成报告 { $page }：{ $why }
cli-fault-jixiao-not-data-please = 这是 jixiao 的缺陷，不是数据的问题：请连同办法文件一起报告

## src/cli/stream.rs

cli-cannot-use-temporary-file-run = 无法使用本次评估的临时文件：{ $e }
cli-results-printed-terminal-wait-temporary = 输出到终端的结果会先暂存到临时文件，全部部门评估完毕后才显示：请清理临时文件夹、将 TMPDIR 设为空间充足的文件夹，或用 --output 写入文件
cli-cannot-start-worker-threads-e = 无法启动工作线程：{ $e }
cli-run-fewer-threads-jobs-1 = 请减少线程数（--jobs 1）
cli-spinner-evaluating-bar-40-percent = {"{"}spinner{"}"} 正在评估 [{"{"}bar:40{"}"}] {"{"}percent{"}"}% 已用 {"{"}elapsed_precise{"}"}（约剩 {"{"}eta{"}"}）

## src/cli/sweep.rs

cli-sweep-each-parameter-over-one = 每个参数只能给一个扫描范围
cli-sweep-too-many-runs-help = 最多 { $most_runs } 次：请加大步长
cli-set-text-why = --set { $text }：{ $why }
cli-expected-name-step = 应写成 名称=起..止[:步长]
cli-expected = 应写成 起..止
cli-parameter-also-given-single-value = 该参数同时被设定为单个值
cli-step-must-more-than-0 = 步长必须大于 0
cli-must-not-more-than = 起点不能大于终点
cli-sweep-too-many-values = 超过 { $most_runs } 个值：请加大步长
cli-values-too-large = 数值过大
cli-jixiao-sweep-jx-json-set = 例如：jixiao sweep 办法.jx 数据.json --set 优秀线=85..95（步长 0.5 写作 85..95:0.5）
cli-jixiao-sweep-needs-parameter-sweep = jixiao sweep 需要一个扫描的参数，写作 --set 名称=起..止
cli-too-many-swept = 扫描了 { $given } 个参数；最多只能扫描 2 个
cli-jixiao-sweep-writes-table-json = jixiao sweep 只能输出表格、JSON 或 CSV，不能输出 xlsx
cli-write-csv-format-csv-opens = 请输出 CSV（--format csv）：Excel 和 WPS 都能打开

## src/cli/test.rs

cli-data-names-data-one-regulation = --data 只能指定一个办法的数据，但给出了多个办法
cli-run-jixiao-test-once-each = 请对每个办法分别运行 jixiao test 并给出其数据
cli-file-does-not-check-tests = { $file }：检查未通过，其中的测试没有运行
cli-ok = 通过
cli-fail-name-line-line = 失败  { $name }（第 { $line } 行）
cli-result-snapshot = 结果快照
cli-saved = 已保存
cli-fail = 失败
cli-not-exercised-any-test = 以下规则没有任何测试用到：
cli-line-line-what = 第 { $line } 行：{ $what }
cli-unexercised-rule-s-not-exercised = { $unexercised } 条规则没有测试用到（--strict）
cli-passed-passed-failed-failed = 通过 { $passed } 个，失败 { $failed } 个
cli-result-snapshot-data-count-departments = 结果快照（{ $data }，{ $count } 个部门）
cli-d-does-not-evaluate-see = { $d } 无法评估（见上文）
cli-results-could-not-read-back = 结果无法按 JSON 读回：这是 jixiao 的缺陷，请报告
cli-data-snapshot-names-d-not = 快照所指的数据 { $d } 不存在：请恢复该文件，或用 --data 数据 指定
cli-no-snapshot-yet-review-results = 还没有快照：请先审阅结果（jixiao eval），再用以下命令保存：jixiao test { $f } --data { $d } --accept
cli-path-not-result-snapshot-why = { $path }：不是结果快照：{ $why }
cli-restore-version-control-make-again = 请从版本库恢复该文件，或用 jixiao test 办法 --data 数据 --accept 重新生成
cli-data-not-path-file = 其 "data" 不是文件路径
cli-rules-not-list-texts = 其 "rules" 不是文本列表
cli-results-not-list = 其 "results" 不是列表
cli-accept-file-has-no-result = --accept：{ $file } 还没有结果快照，因此不知道用哪个数据生成
cli-name-data-jixiao-test-file = 请指定数据：jixiao test { $file } --data 数据 --accept
cli-swept-twice = { $name } 被扫描了两次
cli-sweep-runs = 这次扫描需要运行 { $runs } 次
cli-replaced-kept = { $path } 已被替换，且无法恢复；原来的内容保存在 { $old }
cli-replaced = { $path } 已被替换，且无法恢复
cli-old-version-refused = 旧版本（{ $file }）无法评估这份数据：见上文
cli-new-version-refused = 新版本（{ $file }）无法评估这份数据：见上文
cli-cannot-read = 无法读取 { $name }：{ $why }
cli-cannot-write-stdout = 无法把结果写到标准输出：{ $why }

## jixiao lsp
cli-lsp-failed = 语言服务器已停止：{ $why }
cli-lsp-failed-help = 编辑器须在标准输入和输出上使用语言服务器协议（LSP）；请由编辑器启动它，而不是手动运行

## src/cli/usage.rs: the command line's own words (--help, usage errors)

## What each command does (usage-about-program: the program itself; help: clap's own)

usage-about-program = 绩效：检查绩效管理办法，并按办法评估各单位的数据
usage-about-check = 检查办法文件，报告每一处错误和警告
usage-about-eval = 按办法评估各单位的数据
usage-about-explain = 解释一个单位的结果：从公布的得分一直到其数据的计算过程
usage-about-schema = 输出一个单位数据记录的 JSON Schema
usage-about-template = 生成空白数据文件（含一行示例），供各单位填写
usage-about-convert = 在 json、jsonl、csv、xlsx 格式之间转换数据，同时按办法检查
usage-about-fmt = 把办法文件改写成规范格式（保留注释）
usage-about-diff = 比较一个办法的两个版本（或同一办法的两组参数）在同一数据上的结果：改动的条款，得分、等次和排名的变化，以及等次变化矩阵
usage-about-sweep = 让一两个参数在一个范围内逐个取值分别评估：每个取值下各等次的单位数，以及与默认参数相比等次有变化的单位
usage-about-test = 运行办法文件中的测试用例，并列出没有测试用到的规则
usage-about-report = 把结果写成一个供人阅读和打印的 HTML 页面：分组排名表、等次和得分分布图，以及每个单位的计算过程（默认中文，--lang en 为英文）
usage-about-lsp = 为编辑器提供语言服务（LSP，经标准输入和输出）：输入时即检查、悬停说明、跳转到定义、查找引用、补全、格式化和快速修复
usage-about-help = 显示本帮助，或指定命令的帮助

## Each argument's help: usage-arg-<command>-<argument>, or usage-arg-<argument> when shared

usage-arg-help = 显示帮助
usage-arg-version = 显示版本
usage-arg-help-subcommand = 要查看帮助的命令
usage-arg-lang = 消息使用的语言（默认按系统的语言设置）
usage-arg-regulations = 一个或多个办法文件（.jx）
usage-arg-regulation = 办法文件（.jx）
usage-arg-data = 数据：各单位的记录，可以是 .json（数组）、.jsonl、.csv 或 .xlsx
usage-arg-format = 输出格式（默认按 --output 的扩展名，否则为表格）
usage-arg-set = 本次运行中改变一个参数，写作 名称=值（可重复）
usage-arg-jobs = 线程数（默认每个处理器核心一个）
usage-arg-no-bom = CSV：不写字节顺序标记（不写时中文 Excel 会把文字读成乱码）
usage-arg-data-output = 要写入的文件（CSV：记录列表写入它旁边的文件）
usage-arg-check-ranges = 同时列出每个命名数值可能取到的最低值和最高值
usage-arg-eval-output = 把结果写入此文件（原子写入：运行失败时不留下任何文件）
usage-arg-eval-jobs = 处理数据的线程数（默认每个处理器核心一个；超过可用核心数时按核心数；最多 256）
usage-arg-explain-department = 要解释的单位（数据中的名称）
usage-arg-explain-format = 输出格式
usage-arg-explain-losses = 同时列出失分之处（从大到小）以及升到上一等次还差多少分
usage-arg-template-format = 要写入的格式（默认按输出文件的扩展名）
usage-arg-convert-data = 要转换的数据（按扩展名判断格式）
usage-arg-convert-to = 要写入的格式（默认按输出文件的扩展名）
usage-arg-fmt-check = 不写入任何文件；有文件不是规范格式时失败
usage-arg-fmt-keywords = 关键字用中文还是英文书写（默认与文件相同）
usage-arg-diff-files = 旧.jx 新.jx 数据；或 办法.jx 数据，再加 --vs
usage-arg-diff-set = 在新旧两次运行中都改变一个参数，写作 名称=值（可重复）
usage-arg-diff-vs = 只在新的一次运行中改变一个参数，写作 名称=值（可重复）
usage-arg-diff-output = 把比较结果写入此文件（原子写入）
usage-arg-diff-department = 同时列出该单位有变化的数值，以及每个数值受哪些改动影响
usage-arg-sweep-set = 要扫描的参数，写作 名称=起..止 或 名称=起..止:步长（默认步长 1，百分比为 1%；可写一到两个）；或固定的值，写作 名称=值
usage-arg-sweep-output = 把扫描结果写入此文件（原子写入）
usage-arg-report-output = 要写入的页面（原子写入），如 -o 报告.html；写 - 则输出到标准输出
usage-arg-report-date = 报告上印的评估日期，写作 年-月-日（默认今天）
usage-arg-test-strict = 有规则没有被任何测试用例用到时也算失败
usage-arg-test-data = 结果快照所用的数据（默认为快照中记录的数据）；只能用于一个办法
usage-arg-test-accept = 审阅结果之后，把现在的规则和结果保存为办法的结果快照（保存在办法文件旁边）

## What a value is called in usage lines and help (<文件>)

usage-value-file = 文件
usage-value-files = 文件
usage-value-output = 文件
usage-value-data = 数据
usage-value-format = 格式
usage-value-to = 格式
usage-value-department = 部门
usage-value-jobs = 线程数
usage-value-keywords = 语言
usage-value-lang = 语言
usage-value-set = 名称=值
usage-value-sweep = 名称=起..止[:步长]
usage-value-date = 日期
usage-value-command = 命令
usage-value-options = 选项

## Headings, and what follows an argument's help (English: clap writes these itself)

usage-heading-usage = 用法：
usage-heading-commands = 命令：
usage-heading-arguments = 参数：
usage-heading-options = 选项：
usage-choices = 。可选：{ $choices }
usage-default = ；默认 { $default }
usage-list-separator = 、
usage-or = 或
usage-quoted = “{ $name }”

## Usage errors (English: clap writes these itself)

usage-error = 错误：{ $problem }
usage-valid-values = {"  "}可选的值：{ $valid }
usage-suggestion = {"  "}提示：是否应为{ $names }？
usage-more-help = 详细说明请加 --help 查看。
usage-problem-missing-value = “{ $arg }”需要一个值，但没有给出
usage-problem-invalid-value = “{ $arg }”的值“{ $value }”无效
usage-problem-unknown-argument = 不认识的参数“{ $arg }”
usage-problem-unknown-command = 没有“{ $command }”这个命令
usage-problem-no-equals = 给“{ $arg }”赋值时须用等号，写作“{ $arg }=值”
usage-problem-too-many-values = “{ $arg }”的值“{ $value }”多余
usage-problem-too-few-values = “{ $arg }”至少需要 { $least } 个值，只给出了 { $given } 个
usage-problem-wrong-number-of-values = “{ $arg }”需要 { $wanted } 个值，给出了 { $given } 个
usage-problem-number-of-values = “{ $arg }”的值的个数不对
usage-problem-conflict = “{ $arg }”不能与“{ $prior }”同时使用
usage-problem-once = “{ $arg }”只能用一次
usage-problem-missing-argument = 缺少必需的参数：{ $arg }
usage-problem-missing-command = 缺少命令
usage-problem-invalid-utf8 = 参数不是有效的 UTF-8 文本
usage-problem-other = 命令行的用法有误

## src/syntax/err.rs

syntax-file-too-large-regulation-bytes = 文件太大（{ $bytes } 字节），不像是办法文件
syntax-regulation-file-most-mib-mib = 办法文件最大为 { $mib } MiB；请确认打开的是否为正确的文件
syntax-t = “{ $t }”
syntax-end-file = 文件末尾
syntax-expected-wanted-found-found = 此处应为{ $wanted }，实际为{ $found }
syntax-unexpected-here = 此处不应出现
syntax-expected-wanted-here = 此处应为{ $wanted }
syntax-file-ends-middle-declaration-last = 文件在一条声明的中途结束：是否缺少最后一行？
syntax-kw-keyword-cannot-name-input = “{ $kw }”是关键字，不能用作输入或计算值的名称；请另选一个名称（记录的字段可以使用它）
syntax-check-punctuation-keywords-before-point = 请检查此处之前的标点和关键字；每条声明都以关键字开头，如 计算、输入、指标 或 等次
syntax-brackets-formulas-nest-more-than = 括号或公式嵌套超过 { $n } 层
syntax-nested-too-deep-here = 此处嵌套过深
syntax-split-formula-deep = 请用“计算”把公式拆成几个有名称的步骤，每一步只嵌套几层
syntax-formula-more-than-n-steps = 公式的嵌套超过 { $n } 步
syntax-formula = 此公式
syntax-split-formula = 请用“计算”把公式拆成几个有名称的步骤
syntax-word-read-one-name-not = “{ $word }”被读作一个名称，而不是关键字“{ $keyword }”加上一个名称
syntax-one-name = 一个名称
syntax-put-space-after-keyword-keyword = 请在“{ $keyword }”后加一个空格：“{ $keyword } { $rest }”
syntax-unknown-keyword-word = 未知的关键字“{ $word }”
syntax-not-keyword = 不是关键字
syntax-did-you-mean-keyword = 是否应为“{ $keyword }”？
syntax-rounding-not-function = “{ $kw }”不是函数：取舍要写在整个公式之后，如“计算 得分 = 分数 保留 2 位 四舍五入”
syntax-number-number-cannot-used = 数字“{ $number }”无法使用
syntax-too-many-digits = 位数太多
syntax-numbers-have-most-28-significant = 数字最多只能有 28 位有效数字
syntax-text-quotes-never-closed = 这段引号中的文本缺少后引号
syntax-quote-opened-here = 引号从这里开始
syntax-add-closing-quote-mark-end = 请在文本末尾加上后引号（" 或 ”）
syntax-value-can-rounded-most-10 = 数值最多只能保留 10 位小数
syntax-too-many-places = 位数太多
syntax-write-whole-number-0-10 = 请写 0 至 10 之间的整数，如“保留 2 位”
syntax-something-else = 其他内容
syntax-init-last = { $init }或{ $last }

## Grammar rules in words (syntax::err::describe)
syntax-rule-end-file = 文件末尾
syntax-rule-name = 名称
syntax-rule-number = 数字
syntax-rule-text-quotes = 引号中的文本
syntax-rule-date-2014-04-25 = 日期（如 2014-04-25）
syntax-rule-article = 条文（如 第十五条(一)）
syntax-rule-formula = 公式
syntax-rule-formula-inside-another-needs = 公式（“如果”里面再写“如果”时要加括号）
syntax-rule-type-list-lists-needs = 类型（列表里再套列表时，中间要有一层“记录”）
syntax-rule-equals = “=”
syntax-rule-approx = “≈”
syntax-rule-operator = 运算符（+ − × ÷ ≥ ≤ 且 或）
syntax-rule-type-scale-s-name = 类型（文本、次数、分数、数值、列表 …，或等级的名称）
syntax-rule-value = 值
syntax-rule-new-declaration = 新的声明（计算、输入、指标、等次 …）
syntax-rule-per = “依据”
syntax-rule-points = “分值”
syntax-rule-weight = “权重”
syntax-rule-default = “默认”
syntax-rule-to = “至”
syntax-rule-in = “属于”
syntax-rule-clause = 子句（封顶、保底、保留）
syntax-rule-by = “按”
syntax-rule-then = “则”
syntax-rule-else = “否则”
syntax-rule-unit = “单位”
syntax-rule-expect = “期望”
syntax-rule-set = “设定”
syntax-rule-role = 公布项（单位、得分、等次、排名、类别）
syntax-rule-indicator = 指标
syntax-rule-level-100 = 级别（如“好 = 100%”）
syntax-rule-grade-band-90 = 等次（如“先进 ≥ 90”）
syntax-rule-case-20 = 对应项（如“优秀 = 20%”）
syntax-rule-leaf-binder = “[项 属于 指标]”
syntax-rule-field = 字段（如“部门："省财政厅"”）
syntax-rule-expectation-91-35 = 期望（如“总分 = 91.35”）

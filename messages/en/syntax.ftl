## src/syntax/err.rs

syntax-file-too-large-regulation-bytes = the file is too large to be a regulation ({ $bytes } bytes)
syntax-regulation-file-most-mib-mib = a regulation file is at most { $mib } MiB; check that this is the right file
syntax-t = `{ $t }`
syntax-end-file = the end of the file
syntax-expected-wanted-found-found = expected { $wanted }, found { $found }
syntax-unexpected-here = unexpected here
syntax-expected-wanted-here = expected { $wanted } here
syntax-file-ends-middle-declaration-last = the file ends in the middle of a declaration: is its last line missing?
syntax-kw-keyword-cannot-name-input = `{ $kw }` is a keyword and cannot name an input or value; choose another name (record fields may use it)
syntax-check-punctuation-keywords-before-point = check the punctuation and keywords before this point; a declaration starts with a keyword such as 计算, 输入, 指标 or 等次
syntax-brackets-formulas-nest-more-than = brackets or formulas nest more than { $n } levels deep
syntax-nested-too-deep-here = nested too deep here
syntax-split-formula-deep = split the formula into named steps with 计算 (let), each a few levels deep
syntax-formula-more-than-n-steps = the formula is more than { $n } steps deep
syntax-formula = this formula
syntax-split-formula = split the formula into named steps with 计算 (let)
syntax-word-read-one-name-not = `{ $word }` is read as one name, not as the keyword `{ $keyword }` followed by a name
syntax-one-name = one name
syntax-put-space-after-keyword-keyword = put a space after `{ $keyword }`: `{ $keyword } { $rest }`
syntax-unknown-keyword-word = unknown keyword `{ $word }`
syntax-not-keyword = not a keyword
syntax-did-you-mean-keyword = did you mean `{ $keyword }`?
syntax-rounding-not-function = `{ $kw }` is not a function: rounding is a clause after the whole formula, as in `计算 得分 = 分数 保留 2 位 四舍五入`
syntax-number-number-cannot-used = the number `{ $number }` cannot be used
syntax-too-many-digits = too many digits
syntax-numbers-have-most-28-significant = numbers have at most 28 significant digits
syntax-text-quotes-never-closed = this text in quotes is never closed
syntax-quote-opened-here = the quote opened here
syntax-add-closing-quote-mark-end = add the closing quote mark (" or ”) at the end of the text
syntax-value-can-rounded-most-10 = a value can be rounded to at most 10 decimal places
syntax-too-many-places = too many places
syntax-write-whole-number-0-10 = write a whole number from 0 to 10, as in `保留 2 位`
syntax-something-else = something else
syntax-init-last = { $init } or { $last }

## Grammar rules in words (syntax::err::describe)
syntax-rule-end-file = the end of the file
syntax-rule-name = a name
syntax-rule-number = a number
syntax-rule-text-quotes = text in quotes
syntax-rule-date-2014-04-25 = a date such as 2014-04-25
syntax-rule-article = an article such as 第十五条(一)
syntax-rule-formula = a formula
syntax-rule-formula-inside-another-needs = a formula (a 如果 inside another 如果 needs brackets)
syntax-rule-type-list-lists-needs = a type (a list of lists needs a record in between)
syntax-rule-equals = `=`
syntax-rule-approx = `≈`
syntax-rule-operator = an operator (+ − × ÷ ≥ ≤ 且 或)
syntax-rule-type-scale-s-name = a type (文本, 次数, 分数, 数值, 列表 …, or a scale's name)
syntax-rule-value = a value
syntax-rule-new-declaration = a new declaration (计算, 输入, 指标, 等次 …)
syntax-rule-per = `依据` (per)
syntax-rule-points = `分值` (points)
syntax-rule-weight = `权重` (weight)
syntax-rule-default = `默认` (default)
syntax-rule-to = `至` (to)
syntax-rule-in = `属于` (in)
syntax-rule-clause = a clause (封顶, 保底, 保留)
syntax-rule-by = `按` (by)
syntax-rule-then = `则` (then)
syntax-rule-else = `否则` (else)
syntax-rule-unit = `单位` (unit)
syntax-rule-expect = `期望` (expect)
syntax-rule-set = `设定` (set)
syntax-rule-role = a role (单位, 得分, 等次, 排名, 类别)
syntax-rule-indicator = an indicator
syntax-rule-level-100 = a level such as `好 = 100%`
syntax-rule-grade-band-90 = a grade band such as `先进 ≥ 90`
syntax-rule-case-20 = a case such as `优秀 = 20%`
syntax-rule-leaf-binder = `[项 属于 指标]`
syntax-rule-field = a field such as `部门："省财政厅"`
syntax-rule-expectation-91-35 = an expectation such as `总分 = 91.35`

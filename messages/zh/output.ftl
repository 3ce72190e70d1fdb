## src/output/review.rs

output-changes-regulation-old-new = 办法的改动（旧 → 新）：
output-only-comments-layout-differ-rules = 只有注释或排版不同，规则相同
output-none-rules-same = 无：规则相同
output-added-what-line = 
    + 新增 { $what }
    {"      "}{ $line }
output-removed-what-line = 
    - 删除 { $what }
    {"      "}{ $line }
output-changed-what-was-line-now = 
    ~ 修改 { $what }
    {"      "}原：{ $line }
    {"      "}现：{ $line_new_text }
output-both-runs-set-same-value = （两次评估都用 --set 设为同一个值：它不影响结果）
output-parameters-set-both-runs-set = 两次评估都设定的参数：{ $set }
output-grades-before-rows-after-columns = 等次变化（行：原等次，列：新等次）：
output-results-compared-departments-compared-grade = 结果：比较 { $compared } 个部门；等次变化 { $grade_changed } 个，排名变化 { $rank_changed } 个，得分变化 { $score_changed } 个
output-flag-changed-departments-had-flag = 标记有变化的部门 { $flag_changed } 个
output-largest-rises-movers = 得分上升最多：{ $movers }
output-largest-falls-movers = 得分下降最多：{ $movers }
output-no-department-s-score-grade = 没有部门的得分、等次或排名发生变化。
output-departments-moved = 有变化的部门：
output-more-more-format-csv-json = …… 另有 { $more } 个：--format csv、json 或 xlsx 列出全部部门
output-same-departments-unchanged = 其余 { $same } 个部门没有变化
output-old-new = 原 \ 新
output-values-name-changed = { $name } 有变化的数值：
output-none = （无）
output-refs = （{ $refs }）
output-because-because = 因为改动了：{ $because }
output-only-here = （仅此处有）
output-sweep-changed-grade = 等次变化
output-defaults = （默认值）
output-not-evaluated-why = 无法评估：{ $why }
output-step-changed-some = { $step } 个（{ $changed } 等）
output-step-changed-all = { $step } 个（{ $changed }）
output-departments-departments-grades-value-sweep = 共 { $departments } 个部门；{ $sweep } 取各值时的等次分布
output-every-run-sweep = （每次都设定：{ $sweep }）
output-sweep-changed-grade-count = 等次变化数
output-departments-changed-grade = 等次变化的部门
output-only-old-results = 只在旧结果中
output-only-new-results = 只在新结果中
output-sheet-departments = 部门
output-sheet-grades = 等次变化
output-added = 新增
output-removed = 删除
output-changed = 修改
output-rules = 办法改动
output-rules-changed = 规则有改动：
output-no-department-s-results-moved = 没有部门的结果发生变化
output-results-moved-departments-moved = { $moved } 个部门的结果有变化：
output-name-new-not-snapshot = { $name }：新出现，快照中没有
output-name-gone-snapshot-only = { $name }：已不在结果中，只在快照中
output-moved-more = …… 另有 { $moved } 个
output-if-these-changes-intended-accept = 如果这些变化是有意的，请接受：jixiao test { $file } --accept
output-category = 类别
output-score = 得分
output-grade = 等次
output-rank = 排名

## src/output/table.rs

output-name-now-default-default = { $name } = { $now }（默认 { $default }）
output-parameters-set-run-said = 参数（本次运行设定）：{ $said }

## src/output/report/mod.rs

output-evaluation-results = 考核结果
output-document-number = 文号
report-issuer = 发布机关
report-issued = 印发
output-force = 施行
output-evaluated = 评估日期
output-parameters = 参数
output-parameter = 参数
output-value = 取值
output-default = 默认值
output-set-run = 本次设定
output-notes = 说明
output-regulation-has-no-parameters = 本办法没有参数。
output-data = 数据
output-sha-256 = SHA-256 校验值
report-departments = 个单位
output-results = 结果
output-all = 全部
report-grades = 等次分布
output-scores = 得分分布
output-click-column-s-title-sort = 点击列标题可按该列排序。
report-department-sections = 各单位详情
output-show = 展开
output-hide = 收起
output-show-all = 全部展开
output-hide-all = 全部收起
output-data-has-no-departments = 数据中没有单位。
output-score-part-against-most-each = 得分构成（与各部分满分对照）
output-how-score-was-computed = 计算过程
output-deductions-bonuses-caps-floors-rounding = 起作用的扣分、加分、封顶、保底与取舍
output-where-points-were-lost = 失分情况
output-articles-cited = 引用条文
output-back-table = 返回结果表
report-none = 无。

## src/output/report/view.rs

report-only-ends = 共 { $departments } 个单位：本报告只列出每组得分最高和最低的各 { $ends } 个单位，不含各单位详情（单位数不超过 { $most_departments } 且数据文件不超过 16 MB 时才有）。查看某个单位请用 jixiao explain。
report-grades-of = 等次分布：{ $g }
output-n-more-departments-between-these = ……中间另有 { $n } 个单位
output-scores-program-grades-cut-offs = 得分分布（{ $score }）及各等次分数线
output-rank-r-c = { $c }第 { $r } 名
output-rank-r = 第 { $r } 名
output-text-most-text-most = −{ $text }（最多 { $text_most }）
output-parts-add-up-output-but = 以上各部分合计 { $output }，但{ $name }为 { $value }：{ $name } = { $formula }。
output-too-many-rows = 工作表“{ $name }”将有 { $rows } 行，而一张工作表最多只能有 { $most } 行

## Column names of the comparison tables
output-column-department = 部门
output-column-category = 类别
output-column-old-score = 原得分
output-column-new-score = 新得分
output-column-change = 得分变化
output-column-old-grade = 原等次
output-column-new-grade = 新等次
output-column-old-rank = 原排名
output-column-new-rank = 新排名
output-column-places-up = 排名上升
output-column-flags = 标记变化
output-change-column-change = 改动
output-change-column-kind = 类别
output-change-column-name = 名称
output-change-column-old = 原
output-change-column-new = 现
output-change-column-articles = 依据
output-only-in-old = 只在旧结果中的部门
output-only-in-new = 只在新结果中的部门
schema-description = 一个单位的数据记录；数据文件是由这样的记录组成的 JSON 数组。

## The table's last line
output-summary = 共 { $count } 个单位
output-summary-grades = 共 { $count } 个单位：{ $counts }

## src/explain/losses.rs

explain-step = { $to }（{ $step }）
explain-every-item-best = 每一项都取最好
explain-none = 无
explain-n-item-s = { $n } 项

## src/explain/mod.rs

explain-one-value-per-leaf = { $of } 的每个末级指标各一个值
explain-text-within-category-equal-values = 按{ $by_text }在所属类别内排名，{ $by_text }相同者名次相同
explain-text-among-all-departments-equal = 按{ $by_text }在全部单位中排名，{ $by_text }相同者名次相同
explain-set-run = 本次运行另行设定
explain-exact-shown-rounded-half-away = { $exact } → { $shown }，四舍五入保留 { $places } 位小数
explain-exact-shown-truncated-places-places = { $exact } → { $shown }，截断保留 { $places } 位小数
explain-written-sign-shown-limit = { $written }：{ $sign }{ $shown }（已达上限）
explain-before-0 = 扣完为止：{ $before } → 0
explain-score = 得分
explain-subject-text-below-every-band = { $subject_text } 低于以上各档：{ $label }
explain-subject-text-conds-label = { $subject_text } { $conds }：{ $label }
explain-counts-all-all = { $counts }（共 { $all } 个）
explain-not-given = 无（未填）
explain-x = （{ $x }）

## src/explain/render.rs

explain-articles-cited = 依据
explain-w = ［{ $w }］
explain-where-points-were-lost-largest = 失分（可增加的分数，从大到小）
explain-none-every-field-already-gives = 无：每一项都已取得最高分
explain-data = 数据
explain-parameter = 参数
explain-see-above = 见上
explain-exactly-exact = 精确值 { $exact }
explain-text = （{ $text }）
explain-now-g-score-next-needs = 现为“{ $g }”（{ $score }），距“{ $next }”还差 { $needed } 分
explain-now-g-score-highest-grade = 现为“{ $g }”（{ $score }），已是最高等次

explain-capped-by = ，按{ $article }封顶
explain-floored-by = ，按{ $article }保底
explain-limited-by = ，按{ $article }限定
explain-capped = ，封顶
explain-floored = ，保底
explain-limited = ，限定

explain-one-more-time = 每多 1 次；没有上限
explain-one-more = 每多 1；没有上限
explain-one-fewer-time = 每少 1 次；没有下限
explain-one-fewer = 每少 1；没有下限
explain-more-times = 多 { $k } 次；没有上限
explain-more = 多 { $k }；没有上限
explain-fewer-times = 少 { $k } 次；没有下限
explain-fewer = 少 { $k }；没有下限

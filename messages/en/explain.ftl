## src/explain/losses.rs

explain-step = { $to } ({ $step })
explain-every-item-best = every item at its best
explain-none = none
explain-n-item-s = { $n } item(s)

## src/explain/mod.rs

explain-one-value-per-leaf = one value per leaf of { $of }
explain-text-within-category-equal-values = by { $by_text }, within its category; equal values share a rank
explain-text-among-all-departments-equal = by { $by_text }, among all departments; equal values share a rank
explain-set-run = set for this run
explain-exact-shown-rounded-half-away = { $exact } → { $shown }, rounded half away from zero (四舍五入) to { $places } places
explain-exact-shown-truncated-places-places = { $exact } → { $shown }, truncated (截断) to { $places } places
explain-written-sign-shown-limit = { $written }: { $sign }{ $shown } (its limit)
explain-before-0 = 扣完为止: { $before } → 0
explain-score = the score
explain-subject-text-below-every-band = { $subject_text } is below every band above: { $label }
explain-subject-text-conds-label = { $subject_text } is { $conds }: { $label }
explain-counts-all-all = { $counts }  ({ $all } in all)
explain-not-given = 无 (not given)
explain-x = {" "}({ $x })

## src/explain/render.rs

explain-articles-cited = 依据 (articles cited)
explain-w = [{ $w }]
explain-where-points-were-lost-largest = 失分 (where points were lost, largest first)
explain-none-every-field-already-gives = none: every field already gives its most
explain-data = data
explain-parameter = parameter
explain-see-above = see above
explain-exactly-exact = exactly { $exact }
explain-text = ({ $text })
explain-now-g-score-next-needs = Now { $g } ({ $score }); { $next } needs { $needed } more points
explain-now-g-score-highest-grade = Now { $g } ({ $score }), the highest grade

explain-capped-by = , capped by { $article }
explain-floored-by = , floored by { $article }
explain-limited-by = , limited by { $article }
explain-capped = , capped
explain-floored = , floored
explain-limited = , limited

explain-one-more-time = one more; no upper limit, so no best
explain-one-more = one more; no upper limit, so no best
explain-one-fewer-time = one fewer; no lower limit, so no best
explain-one-fewer = one fewer; no lower limit, so no best
explain-more-times = { $k } more; no upper limit, so no best
explain-more = { $k } more; no upper limit, so no best
explain-fewer-times = { $k } fewer; no lower limit, so no best
explain-fewer = { $k } fewer; no lower limit, so no best

## src/analysis/warnings.rs

analysis-name-decided-exact-but-published = `{ $name }` is decided on the exact `{ $by }`, but `{ $by }` is published rounded to 2 places
analysis-compares-exact = compares the exact { $by }
analysis-round-where-computed-2-so = round `{ $by }` where it is computed (`计算 { $by } = … 保留 2 位`), so that what is published is what is graded and ranked: 89.995 would be published as 90.00 but graded below 90
analysis-deductions-can-take-name-below = the deductions can take `{ $name }` below 0: it can be { $range }
analysis-name-can-range = { $name } can be { $range }
analysis-if-table-says-write-stop = if the table says 扣完为止 (or 扣满为止), write `扣完为止`; to stop at another score, `保底 x分`; or limit each rule with `最多扣`
analysis-name-added-up-within-points = `{ $name }` is added up within its { $points } points, but its score can be { $range }
analysis-points-points = points { $points }
analysis-department-scored-outside-0-points = a department scored outside 0 to { $points } is refused (E0806); keep the score within: `扣完为止`, `封顶 { $points }分`, `保底 0分`, or bound the inputs
analysis-cap-said-name-can-never = the cap { $said } on `{ $name }` can never bind: it is at most { $hi }
analysis-name-can-raw = { $name } can be { $raw }
analysis-check-cap-against-regulation-remove = check the cap against the regulation, or remove it
analysis-floor-said-name-can-never = the floor { $said } on `{ $name }` can never bind: it is at least { $lo }
analysis-check-floor-against-regulation-remove = check the floor against the regulation, or remove it
analysis-no-score-can-reach-band = no score can reach the band `{ $label }` of `{ $name }`
analysis-score-can-only-range = the score can only be { $range }
analysis-check-band-s-threshold-points = check the band's threshold and the points that make up the score

## src/analysis/wording.rs

analysis-article-leaves-open-which-grade = { $article } leaves open which grade a score of exactly { $n } gets
analysis-here-n-label = here { $n } is in `{ $label }`
analysis-article-s-words-put-n = the article's words put { $n } on both sides (以上、以下 include the number itself); state the reading in a comment that cites the article

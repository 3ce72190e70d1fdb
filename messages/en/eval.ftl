## src/eval/err.rs

eval-correct-data-so-requirement-holds = correct the data so that the requirement holds
eval-check-data-numbers-far-larger = check the data for numbers far larger than the regulation expects
eval-divisor-was-zero-department-check = a divisor was zero for this department; check its data
eval-record-computing-value-part-scored = { $record }, computing `{ $value }`: `{ $part }` scored { $score }, outside its points (0 to { $points })
eval-keep-part-within-points-regulation = keep `{ $part }` within its points in the regulation (`封顶 { $points }分`, `扣完为止`), or correct the data it is computed from
eval-defect-jixiao-not-your-file = this is a defect in jixiao, not in your file; please report it with the regulation and the data
eval-set-bands-grade-wrong-problem = with { $set }, the bands of `{ $grade }` are wrong: { $problem }
eval-choose-cut-offs-keep-bands = choose cut-offs that keep the bands in order, highest first

## src/eval/mod.rs

eval-nothing-covers-scores-above-label = nothing covers scores above `{ $label }`
eval-label-label-i-overlap = `{ $label }` and `{ $label_i }` overlap
eval-gap-between-label-label-i = a gap between `{ $label }` and `{ $label_i }`
eval-label-can-never-reached = `{ $label }` can never be reached
eval-nothing-covers-scores-below-label = nothing covers scores below `{ $label }`

## src/eval/stream.rs

eval-changed-while-was-being-read = it changed while it was being read
eval-temporary-file-run-was-changed = a temporary file of this run was changed by something else while it ran
eval-run-again-if-happens-again = run again; if it happens again, set TMPDIR to a folder nothing else writes to
eval-ranked-run-keeps-each-department = a ranked run keeps each department's values in a temporary file (about a tenth of the data's size): free space in the temporary folder, or set TMPDIR to a folder with room

## Internal faults (a defect in jixiao)
eval-internal-a-number-was-expected = a number was expected
eval-internal-an-entry-outside-the-indicator = an entry outside the indicator's leaves
eval-internal-entries-per-indicator-were-expected = entries per indicator were expected
eval-internal-a-level-was-expected = a level was expected
eval-internal-a-rating-was-expected = a rating was expected
eval-internal-one-value-per-leaf-was = one value per leaf was expected
eval-internal-a-leaf-without-a-value = a leaf without a value
eval-internal-numbers-were-expected = numbers were expected
eval-internal-conditions-per-item-were-expected = conditions per item were expected
eval-internal-a-list-and-a-condition = a list and a condition per item were expected

## Arithmetic and requirements
eval-overflow = the result is too large to compute exactly
eval-division-by-zero = division by zero
eval-arithmetic = { $record }, computing `{ $value }`: { $what }
eval-internal = { $record }, computing `{ $value }`: internal error: { $what }
eval-requirement = { $at_words }: requirement not met: { $message }
eval-requirement-of-article = { $at_words }: requirement not met ({ $article }): { $message }
eval-requirement-found = { $message }; found { $found }

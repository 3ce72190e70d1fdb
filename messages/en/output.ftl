## src/output/review.rs

output-changes-regulation-old-new = Changes to the regulation (old → new):
output-only-comments-layout-differ-rules = only comments or layout differ; the rules are the same
output-none-rules-same = none: the rules are the same
output-added-what-line = 
    + added { $what }
    {"      "}{ $line }
output-removed-what-line = 
    - removed { $what }
    {"      "}{ $line }
output-changed-what-was-line-now = 
    ~ changed { $what }
    {"      "}was: { $line }
    {"      "}now: { $line_new_text }
output-both-runs-set-same-value = (both runs set it to the same value with --set: it moves nothing)
output-parameters-set-both-runs-set = Parameters set in both runs: { $set }
output-grades-before-rows-after-columns = Grades before (rows) and after (columns):
output-results-compared-departments-compared-grade = Results: { $compared } departments compared; { $grade_changed } changed grade, { $rank_changed } changed rank, { $score_changed } changed score
output-flag-changed-departments-had-flag = { $flag_changed } departments had a flag raised or lowered
output-largest-rises-movers = largest rises: { $movers }
output-largest-falls-movers = largest falls: { $movers }
output-no-department-s-score-grade = No department's score, grade or rank changed.
output-departments-moved = Departments that moved:
output-more-more-format-csv-json = … and { $more } more: --format csv, json or xlsx lists every department
output-same-departments-unchanged = { $same } departments unchanged
output-old-new = old \ new
output-values-name-changed = Values of { $name } that changed:
output-none = (none)
output-refs = {" "}({ $refs })
output-because-because = because of: { $because }
output-only-here = (only here)
output-sweep-changed-grade = changed grade
output-defaults = (defaults)
output-not-evaluated-why = not evaluated: { $why }
output-step-changed-some = { $step } ({ $changed }, …)
output-step-changed-all = { $step } ({ $changed })
output-departments-departments-grades-value-sweep = { $departments } departments; grades by value of { $sweep }
output-every-run-sweep = {" "}(in every run: { $sweep })
output-sweep-changed-grade-count = changed grade
output-departments-changed-grade = departments that changed grade
output-only-old-results = only in the old results
output-only-new-results = only in the new results
output-sheet-departments = departments
output-sheet-grades = grades
output-added = added
output-removed = removed
output-changed = changed
output-rules = rules
output-rules-changed = the rules changed:
output-no-department-s-results-moved = no department's results moved
output-results-moved-departments-moved = results of { $moved } departments moved:
output-name-new-not-snapshot = { $name }: new, not in the snapshot
output-name-gone-snapshot-only = { $name }: gone, in the snapshot only
output-moved-more = … and { $moved } more
output-if-these-changes-intended-accept = if these changes are intended, accept them: jixiao test { $file } --accept
output-category = category
output-score = score
output-grade = grade
output-rank = rank

## src/output/table.rs

output-name-now-default-default = { $name } = { $now } (default { $default })
output-parameters-set-run-said = Parameters set for this run: { $said }

## src/output/report/mod.rs

output-evaluation-results = Evaluation results
output-document-number = Document number
report-issuer = Issued by
report-issued = Issued
output-force = In force from
output-evaluated = Evaluated on
output-parameters = Parameters
output-parameter = Parameter
output-value = Value
output-default = Default
output-set-run = set for this run
output-notes = Notes
output-regulation-has-no-parameters = This regulation has no parameters.
output-data = Data
output-sha-256 = SHA-256
report-departments = departments
output-results = Results
output-all = All
report-grades = Grades
output-scores = Scores
output-click-column-s-title-sort = Click a column's title to sort by it.
report-department-sections = Departments
output-show = Show
output-hide = Hide
output-show-all = Show all
output-hide-all = Hide all
output-data-has-no-departments = The data has no departments.
output-score-part-against-most-each = Score by part, against the most each part gives
output-how-score-was-computed = How the score was computed
output-deductions-bonuses-caps-floors-rounding = Deductions, bonuses, caps, floors and rounding that took effect
output-where-points-were-lost = Where points were lost
output-articles-cited = Articles cited
output-back-table = Back to the table
report-none = None.

## src/output/report/view.rs

report-only-ends = { $departments } departments: this report lists the { $ends } highest and lowest of each group and leaves out the sections per department (they are given for at most { $most_departments } departments, from data files up to 16 MB). Use `jixiao explain` for one department.
report-grades-of = Grades: { $g }
output-n-more-departments-between-these = … and { $n } more departments between these
output-scores-program-grades-cut-offs = Scores ({ $score }) and the grades' cut-offs
output-rank-r-c = rank { $r } in { $c }
output-rank-r = rank { $r }
output-text-most-text-most = −{ $text } (at most { $text_most })
output-parts-add-up-output-but = The parts add up to { $output }, but { $name } is { $value }: { $name } = { $formula }.
output-too-many-rows = the sheet { $name } would have { $rows } rows, and a worksheet holds at most { $most }

## Column names of the comparison tables
output-column-department = department
output-column-category = category
output-column-old-score = old score
output-column-new-score = new score
output-column-change = change
output-column-old-grade = old grade
output-column-new-grade = new grade
output-column-old-rank = old rank
output-column-new-rank = new rank
output-column-places-up = places up
output-column-flags = flags
output-change-column-change = change
output-change-column-kind = kind
output-change-column-name = name
output-change-column-old = old
output-change-column-new = new
output-change-column-articles = articles
output-only-in-old = only in the old results
output-only-in-new = only in the new results
schema-description = One department's record; a data file is a JSON array of them.

## The table's last line
output-summary = { $count } units
output-summary-grades = { $count } units: { $counts }

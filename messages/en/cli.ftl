## src/cli.rs

cli-more-more = … and { $more } more
cli-check-file-s-path-permissions = check the file's path and permissions
cli-name-line-col-file-not = { $name }:{ $line }:{ $col }: the file is not valid UTF-8 text (byte { $at })
cli-save-file-utf-8-wps = save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted
cli-check-disk-program-reading-output = check the disk or the program reading the output; or write to a file with --output
cli-output-path-also-input-writing = --output { $path } is also an input; writing it would destroy the input
cli-write-results-another-file = write the results to another file
cli-output-path-folder = --output { $path } is a folder
cli-name-file-output-json = name a file, as in --output 结果.json
cli-format-xlsx-needs-output-file = --format xlsx needs --output FILE.xlsx
cli-spreadsheet-cannot-printed-terminal = a spreadsheet cannot be printed to the terminal
cli-cannot-write-path-why = cannot write { $path }: { $why }
cli-write-csv-instead-instead-has = write CSV instead ({ $instead }): it has no limit on rows
cli-folder-does-not-exist = the folder does not exist
cli-permission-denied = permission denied
cli-check-folder-exists-writable = check that the folder exists and is writable

## src/cli/atomic.rs

cli-interrupted = interrupted
cli-interrupted-temporary-files-removed = interrupted: temporary files removed
cli-files-result-do-not-belong = the files of this result do not belong together: run the command again

## src/cli/check.rs

cli-file-ok = { $file }: ok
cli-file-errors-error-s = { $file }: { $errors } error(s)
cli-n-warning-s = {" "}({ $n } warning(s))

## src/cli/data_files.rs

cli-wrote-path = wrote { $path }
cli-output-name-jixiao-cannot-write = --output { $name }: jixiao cannot write .{ $ext } files
cli-output-name-file-name-has = --output { $name }: the file name has no extension to tell the format
cli-name-file-ending-one-formats = name a file ending in one of { $formats }, or give the format with { $option }

## src/cli/diff.rs

cli-data-data-read-once-each = { $data }: the data is read once for each run, so it must be a file, not a pipe or a folder
cli-save-data-file-first-name = save the data to a file first, and name that file
cli-data-must-suit-both-versions = the data must suit both versions: a field only one version reads is skipped by the other, but each version's own fields must be right for it
cli-jixiao-diff-needs-two-versions = jixiao diff needs two versions to compare: OLD.jx NEW.jx DATA, or REG.jx DATA with --vs NAME=VALUE
cli-jixiao-diff-2024-jx-2025 = as in: jixiao diff 2024.jx 2025.jx 数据.json, or jixiao diff 办法.jx 数据.json --vs 优秀线=92
cli-department-traces-one-department-s = --department traces one department's values, which CSV and XLSX have no place for
cli-use-format-table-format-json = use --format table or --format json with --department, or leave --department out

## src/cli/evaluate.rs

cli-jobs-0-run-needs-least = --jobs 0: a run needs at least one thread
cli-jobs-too-many = --jobs { $n }: at most { $most_jobs } threads
cli-jobs-number = give a number from 1 to { $most_jobs }, or leave --jobs out to use every core ({ $cores } here)

## src/cli/explain.rs

cli-did-you-mean-n = did you mean `{ $n }`?
cli-data-has-names-departments-such = the data has { $names } departments, such as { $some }
cli-no-department-named-shown-data = no department named `{ $shown }` in { $data }

## src/cli/format.rs

cli-file-formatting-would-change-file = { $file }: formatting would change the file's meaning
cli-defect-jixiao-fmt-please-report = this is a defect in jixiao fmt; please report it with the file
cli-file-not-canonical-layout-first = { $file }: not in the canonical layout (first difference at line { $line }); run jixiao fmt
cli-file-formatted = { $file }: formatted

## src/cli/params.rs

cli-regulation-has-no-parameters = this regulation has no parameters
cli-parameters-names = the parameters are: { $names }
cli-option-item-expected-name-value = { $option } { $item }: expected NAME=VALUE
cli-option-unknown-parameter-name = { $option }: unknown parameter `{ $name }`
cli-option-name-given-twice = { $option } { $name } is given twice
cli-set-each-parameter-once = set each parameter once
cli-option-name-value-not-number = { $option } { $name }: `{ $value }` is not a number of the parameter's kind
cli-write-decimal-number-option-name = write a decimal number, as in { $option } { $name }={ $example }
cli-option-name-0-name-divides = { $option } { $name }=0: `{ $name }` divides a value in the regulation, so it may not be 0
cli-set-name-value-other-than = set { $name } to a value other than 0 (its default is { $program })

## src/cli/report.rs

cli-data-file-larger-than-16 = the data file is larger than 16 MB
cli-there-too-many-departments = there are too many departments
cli-note-departments-departments-why-report = note: { $departments } departments and { $why }: the report shows the highest and lowest of each group, without a section per department (given for at most { $most } departments, from data files up to 16 MB)
cli-date-text-not-date = --date { $text }: not a date
cli-write-date-year-month-day = write the date as YEAR-MONTH-DAY, as in --date 2026-12-01
cli-cannot-make-report-out-why = cannot make the report { $page }: { $why }
cli-fault-jixiao-not-data-please = this is a fault in jixiao, not in the data: please report it with the regulation file

## src/cli/stream.rs

cli-cannot-use-temporary-file-run = cannot use a temporary file for this run: { $e }
cli-results-printed-terminal-wait-temporary = results printed to the terminal wait in a temporary file until every department is evaluated: free space in the temporary folder, set TMPDIR to a folder with room, or write them with --output
cli-cannot-start-worker-threads-e = cannot start worker threads: { $e }
cli-run-fewer-threads-jobs-1 = run with fewer threads (--jobs 1)
cli-spinner-evaluating-bar-40-percent = {"{"}spinner{"}"} evaluating [{"{"}bar:40{"}"}] {"{"}percent{"}"}% {"{"}elapsed_precise{"}"} (about {"{"}eta{"}"} left)

## src/cli/sweep.rs

cli-sweep-each-parameter-over-one = sweep each parameter over one range
cli-sweep-too-many-runs-help = at most { $most_runs }: take a larger step
cli-set-text-why = --set { $text }: { $why }
cli-expected-name-step = expected NAME=FROM..TO[:STEP]
cli-expected = expected FROM..TO
cli-parameter-also-given-single-value = the parameter is also given a single value
cli-step-must-more-than-0 = the step must be more than 0
cli-must-not-more-than = FROM must not be more than TO
cli-sweep-too-many-values = more than { $most_runs } values: take a larger step
cli-values-too-large = the values are too large
cli-jixiao-sweep-jx-json-set = as in: jixiao sweep 办法.jx 数据.json --set 优秀线=85..95 (or 85..95:0.5 for a step of 0.5)
cli-jixiao-sweep-needs-parameter-sweep = jixiao sweep needs a parameter to sweep, as --set NAME=FROM..TO
cli-too-many-swept = { $given } parameters are swept; at most 2 can be
cli-jixiao-sweep-writes-table-json = jixiao sweep writes table, JSON or CSV, not xlsx
cli-write-csv-format-csv-opens = write CSV (--format csv): it opens in Excel and WPS

## src/cli/test.rs

cli-data-names-data-one-regulation = --data names the data of one regulation, but several were given
cli-run-jixiao-test-once-each = run jixiao test once for each regulation with its data
cli-file-does-not-check-tests = { $file }: does not check; its tests were not run
cli-ok = ok{"  "}
cli-fail-name-line-line = FAIL  { $name } (line { $line })
cli-result-snapshot = result snapshot
cli-saved = saved{" "}
cli-fail = FAIL
cli-not-exercised-any-test = not exercised by any test:
cli-line-line-what = line { $line }: { $what }
cli-unexercised-rule-s-not-exercised = { $unexercised } rule(s) not exercised (--strict)
cli-passed-passed-failed-failed = { $passed } passed, { $failed } failed
cli-result-snapshot-data-count-departments = result snapshot ({ $data }, { $count } departments)
cli-d-does-not-evaluate-see = { $d } does not evaluate (see above)
cli-results-could-not-read-back = the results could not be read back as JSON: a defect of jixiao, please report it
cli-data-snapshot-names-d-not = the data the snapshot names, { $d }, is not there: restore it, or name the data with --data DATA
cli-no-snapshot-yet-review-results = no snapshot yet: review the results (jixiao eval), then save them with: jixiao test { $f } --data { $d } --accept
cli-path-not-result-snapshot-why = { $path }: not a result snapshot: { $why }
cli-restore-version-control-make-again = restore it from version control, or make it again with jixiao test REGULATION --data DATA --accept
cli-data-not-path-file = its "data" is not the path of a file
cli-rules-not-list-texts = its "rules" are not a list of texts
cli-results-not-list = its "results" are not a list
cli-accept-file-has-no-result = --accept: { $file } has no result snapshot yet, so no data to take one of
cli-name-data-jixiao-test-file = name the data: jixiao test { $file } --data DATA --accept
cli-swept-twice = { $name } is swept twice
cli-sweep-runs = the sweep would make { $runs } runs
cli-replaced-kept = { $path } was replaced and could not be put back; the old contents are in { $old }
cli-replaced = { $path } was replaced and could not be put back
cli-old-version-refused = the old version ({ $file }) cannot evaluate the data: see above
cli-new-version-refused = the new version ({ $file }) cannot evaluate the data: see above
cli-cannot-read = cannot read { $name }: { $why }
cli-cannot-write-stdout = cannot write the results to standard output: { $why }

## jixiao lsp
cli-lsp-failed = the language server stopped: { $why }
cli-lsp-failed-help = the editor must speak the Language Server Protocol on standard input and output; start the server from the editor, not by hand

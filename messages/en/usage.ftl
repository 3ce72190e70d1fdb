## src/cli/usage.rs: the command line's own words (--help, usage errors)

## What each command does (usage-about-program: the program itself; help: clap's own)

usage-about-program = 绩效: check and evaluate performance-evaluation regulations
usage-about-check = Check regulation files and report every error and warning
usage-about-eval = Evaluate department data against a regulation
usage-about-explain = Explain one department's results: the computation from the score down to its data
usage-about-schema = Print the JSON Schema of one department's record
usage-about-template = Write a blank data file (one example row) for departments to fill in
usage-about-convert = Convert department data between formats (json, jsonl, csv, xlsx), checked against the regulation on the way
usage-about-fmt = Rewrite regulation files in the canonical layout (comments kept)
usage-about-diff = Compare two versions of a regulation (or one with two sets of parameters) on the same data: the declarations that differ, who changes score, grade and rank, and the grade transition matrix
usage-about-sweep = Evaluate with one or two parameters swept over a range: for each value, departments per grade, and those that change grade from the run at the defaults
usage-about-test = Run the test cases embedded in regulation files, and list the rules no case exercises
usage-about-report = Write the results as one HTML page for people to read and print: the ranked table per group, charts of grades and scores, and a section per department with its explanation (Chinese unless --lang en)
usage-about-lsp = Serve an editor: a language server (LSP) on standard input and output, with diagnostics as you type, hover, go to definition, references, completion, formatting and quick fixes
usage-about-help = Print this message or the help of the given subcommand(s)

## Each argument's help: usage-arg-<command>-<argument>, or usage-arg-<argument> when shared

usage-arg-help = Print help
usage-arg-version = Print version
usage-arg-help-subcommand = Print help for the subcommand(s)
usage-arg-lang = The language of messages (default: from the locale, LANG=zh_CN.UTF-8 gives Chinese)
usage-arg-regulations = One or more regulation files (.jx)
usage-arg-regulation = The regulation file (.jx)
usage-arg-data = The data: department records in .json (an array), .jsonl, .csv or .xlsx
usage-arg-format = Output format (default: from --output's extension, else table)
usage-arg-set = Override a parameter for this run, as NAME=VALUE (repeatable)
usage-arg-jobs = Threads (default: one per core)
usage-arg-no-bom = CSV: leave out the byte-order mark (without it Chinese Excel misreads the text)
usage-arg-data-output = The file to write (CSV: lists of records go to files beside it)
usage-arg-check-ranges = Also print the lowest and highest value every named quantity can take
usage-arg-eval-output = Write the result to this file (atomically: nothing is left if the run fails)
usage-arg-eval-jobs = Threads for JSON Lines and CSV data (default: one per core; more than the cores available uses the cores; at most 256)
usage-arg-explain-department = The department to explain (its name in the data)
usage-arg-explain-format = Output format
usage-arg-explain-losses = Also list where points were lost, largest first, and what the next grade needs
usage-arg-template-format = json, csv or xlsx (default: from the output file's extension)
usage-arg-convert-data = The data to convert (format by its extension)
usage-arg-convert-to = The format to write (default: from the output file's extension)
usage-arg-fmt-check = Write nothing; fail if a file is not in the canonical layout
usage-arg-fmt-keywords = Write keywords in Chinese or English (default: as the file does)
usage-arg-diff-files = OLD.jx NEW.jx DATA; or REG.jx DATA with --vs
usage-arg-diff-set = Override a parameter in both runs, as NAME=VALUE (repeatable)
usage-arg-diff-vs = Override a parameter in the new run only, as NAME=VALUE (repeatable)
usage-arg-diff-output = Write the comparison to this file (atomically)
usage-arg-diff-department = Also list this department's values that changed, each with the changed declarations it is computed from
usage-arg-sweep-set = A parameter to sweep, as NAME=FROM..TO or NAME=FROM..TO:STEP (default step 1, or 1% for a percentage; one or two of these); or a fixed value, as NAME=VALUE
usage-arg-sweep-output = Write the sweep to this file (atomically)
usage-arg-report-output = The page to write (atomically), as in -o 报告.html; - prints it
usage-arg-report-date = The evaluation date the report prints, as YEAR-MONTH-DAY (default: today)
usage-arg-test-strict = Fail when some rule is exercised by no test case
usage-arg-test-data = Data for the result snapshot (default: the data the snapshot names); one regulation only
usage-arg-test-accept = Save the rules and results now as the regulation's result snapshot (NAME.snapshot.json beside it), after reviewing them

## What a value is called in usage lines and help (<FILE>)

usage-value-file = FILE
usage-value-files = FILES
usage-value-output = OUTPUT
usage-value-data = DATA
usage-value-format = FORMAT
usage-value-to = TO
usage-value-department = DEPARTMENT
usage-value-jobs = JOBS
usage-value-keywords = KEYWORDS
usage-value-lang = LANG
usage-value-set = NAME=VALUE
usage-value-sweep = NAME=FROM..TO[:STEP]
usage-value-date = DATE
usage-value-command = COMMAND
usage-value-options = OPTIONS

## Headings, and what follows an argument's help (English: clap writes these itself)

usage-heading-usage = Usage:{" "}
usage-heading-commands = Commands:
usage-heading-arguments = Arguments:
usage-heading-options = Options:
usage-choices = {" "}[possible values: { $choices }]
usage-default = {" "}[default: { $default }]
usage-list-separator = {", "}
usage-or = {" or "}
usage-quoted = '{ $name }'

## Usage errors (English: clap writes these itself)

usage-error = error: { $problem }
usage-valid-values = {"  "}[possible values: { $valid }]
usage-suggestion = {"  "}tip: did you mean { $names }?
usage-more-help = For more information, try '--help'.
usage-problem-missing-value = a value is required for '{ $arg }' but none was supplied
usage-problem-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-problem-unknown-argument = unexpected argument '{ $arg }' found
usage-problem-unknown-command = unrecognized subcommand '{ $command }'
usage-problem-no-equals = equal sign is needed when assigning values to '{ $arg }', as in '{ $arg }=VALUE'
usage-problem-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
usage-problem-too-few-values = at least { $least } values are required by '{ $arg }'; only { $given } were given
usage-problem-wrong-number-of-values = '{ $arg }' requires { $wanted } values, but { $given } were given
usage-problem-number-of-values = wrong number of values for '{ $arg }'
usage-problem-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
usage-problem-once = the argument '{ $arg }' cannot be used multiple times
usage-problem-missing-argument = the following required arguments were not provided: { $arg }
usage-problem-missing-command = a command is required
usage-problem-invalid-utf8 = invalid UTF-8 was found in an argument
usage-problem-other = the command line is used wrongly

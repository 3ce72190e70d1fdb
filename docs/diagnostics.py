#!/usr/bin/env python3
"""Regenerates docs/diagnostics.md from the list below and the test fixtures' snapshots.

Run from the repository root after `cargo test` has updated the snapshots:
    python3 docs/diagnostics.py
tests/docs.rs checks that every code the source can produce is listed.
"""
import glob
import os

CODES = {
    "E0100": ("File too large", "A regulation file over 4 MiB is refused before parsing.", "Check that the path names a regulation (`.jx`) file."),
    "E0101": ("Syntax error", "The text does not follow the grammar at this point: the message lists what could come next, in words.", "Fix the punctuation or keyword the message points at; a missing `=` or a cut-off last line are the usual causes."),
    "E0102": ("Nested too deep", "Brackets nest more than 100 levels, or a formula is more than 500 steps deep.", "Split the formula into named steps with `计算`."),
    "E0103": ("Keyword glued to a name", "A keyword is written with no space before the name after it (`计算总分`, `则得分`), so the two read as one name.", "Put a space after the keyword: `计算 总分`."),
    "E0104": ("Number cannot be read exactly", "A number in the file has more digits than a decimal holds (28 significant digits); it is refused rather than rounded.", "Write the number with fewer digits."),
    "E0105": ("Unclosed quotes", "Text in quotes (`\"…\"` or `“…”`) is never closed.", "Add the closing quote mark."),
    "E0106": ("Too many decimal places", "`保留 N 位` asks for more than 10 places.", "Round to at most 10 places (publication uses 2)."),
    "E0107": ("Not a date", "A header date (`印发`, `施行`) is not a real calendar date.", "Write a real date, as in 2014-04-25 or 2014年4月25日."),
    "E0108": ("Misspelled keyword", "A word where the grammar takes a keyword is one slip away from that keyword: a character of the same sound or shape, as a pinyin input method offers (`输人` for `输入`, `四舍五人` for `四舍五入`, `已上` for `以上`), a character wrong, missing or extra, or an English keyword misspelled (`indicater`). Only a word that, written as the keyword, lets the file read further is reported, so a name that merely looks like a keyword is not. The caret is on the word; an editor can offer the keyword as a quick fix.", "Write the keyword the help names."),
    "E0201": ("Unknown name", "A formula names something never declared; the help suggests the closest name.", "Correct the spelling or declare the input/value."),
    "E0202": ("Declared twice", "Two declarations, levels, bands, record fields, data field names, articles, tests or publication roles share a name.", "Rename or remove one of them."),
    "E0203": ("Circular definition", "Values depend on each other in a circle; the message shows the circle.", "Compute one of them from inputs instead."),
    "E0204": ("Unknown function", "A call names no built-in function. A rounding keyword written as a function (`四舍五人(x, 2)`) is told to be a clause after the formula.", "Use one of 最小 最大 合计 平均 个数 因子 计数 汇总 有 (min max sum mean length factor count_of rollup given)."),
    "E0205": ("Not an indicator", "`每项 X` or `汇总(X, …)` names something that is not an indicator.", "Name an indicator declared with `指标`."),
    "E0206": ("Unknown entry", "An index `x[键]` or field `x.字段` names an entry the value does not have.", "Use one of the entries the help lists."),
    "E0207": ("Unknown level", "A word compared with a grade or rating, or a case of `对应`, is not one of its levels.", "Use one of the levels the help lists."),
    "E0301": ("Units do not match", "Points are added to (or compared with) a percentage or a count. The help names what to change: a number or parameter written without a unit that makes a product a count (`20分 - x × 扣分次数` with `参数 x = 5`), or a count that wants points for each one.", "Write the unit where the help says (`参数 x = 5分`, `5分`); multiply a count by the points for each one (`5分 × 扣分次数`) and a percentage by points (`100分 × 10%`)."),
    "E0302": ("Rating used as a number", "A rating (好/较好/差) is used in arithmetic without its percentage.", "Write `因子(…)`."),
    "E0303": ("Wrong kind of value", "A value of one kind is used where another is wanted: a grade compared with a number, levels or optional values compared by size, a list where a number is wanted, a scale name as a value …", "Use a value of the kind the message names."),
    "E0304": ("Tally used as a list", "A tally (count per level) is used where a list is wanted.", "Use `合计(…)`, `计数(…, 级)` or `平均(因子(…))`."),
    "E0305": ("May divide by zero", "A divisor, or the number of items averaged, can be zero for some department.", "Declare the input `非空`, or guard the division with `如果 x > 0 则 … 否则 …`."),
    "E0306": ("Wrong number of arguments", "A function is called with the wrong number of arguments.", "See the function table in docs/language.md."),
    "E0307": ("Not a fixed number", "A scale percentage, points, weight, parameter value or grade threshold depends on data.", "Write a number, or a parameter for thresholds."),
    "E0308": ("Points times points", "Two values in points are multiplied.", "One side should be a percentage or a count."),
    "E0309": ("Different lists combined", "Two lists that may differ in length are combined item by item (`甲项.权重 × 乙项.得分`).", "Combine fields of the same list: `合计(项目.权重 ÷ 100 × 项目.得分)`."),
    "E0310": ("Part without a value", "`汇总(指标)` rolls an indicator up from values named after its parts, and a leaf has no such value.", "Compute the leaf (`计算 其他工作 = …`), or pass one score per leaf: `汇总(指标, 分数)`."),
    "E0311": ("Requirement reads computed values", "A `要求` uses a computed value; requirements are checked on the data, before anything is computed.", "State the rule on the inputs it is about."),
    "E0312": ("Empty range", "A range or item count has its lower bound above its upper bound, so no value fits.", "Write the smaller number first."),
    "E0313": ("Item count not whole", "`项数 a 至 b` with a bound that is not a whole number ≥ 0.", "Write whole numbers."),
    "E0401": ("Points do not add up", "The points of an indicator's children do not add up to the indicator's points.", "Correct the points so they add up."),
    "E0402": ("Weights do not add up", "The weights of an indicator's children do not add up to 100%.", "Correct the weights so they add up to 100%."),
    "E0403": ("Mixed shares", "Some children of an indicator have points, others weights, others neither.", "Give all children points, or all weights, or none (equal shares)."),
    "E0404": ("Grade bands overlap", "A band's upper bound reaches into the band above it.", "Make each band's upper bound the band above's lower bound."),
    "E0405": ("Grade bands leave a gap", "Some score falls in no band: between two bands, above the first, below the last, or there are no bands.", "Close the gap; let the last band take everything below (`不合格 < 60`)."),
    "E0406": ("Grade band unreachable", "A band is taken entirely by the bands above it (bands are read from the top).", "Write bands from the highest threshold to the lowest."),
    "E0407": ("Missing publication", "The file has no `公布` declaration, or it lacks the department (`单位`) or the score (`得分`).", "Add `公布 { 单位：部门；得分：总分；等次：等次；排名：排名 }`."),
    "E0408": ("Cases not covered", "`对应 等次 { … }` leaves a level without a case.", "Give each level exactly one case."),
    "E0409": ("No header", "The file has no `办法` declaration naming the regulation.", "Start the file with `办法 \"…\" 文号 \"…\"`."),
    "E0410": ("Empty scale", "A scale (`等级`) lists no levels.", "List its levels and their percentages."),
    "E0411": ("Share not positive", "An indicator has points or a weight of 0 or less.", "Leave out an indicator that counts for nothing."),
    "E0601": ("Test cannot be checked", "An embedded test expects a kind of value the named value cannot have, names an input instead of a computed value, has no `单位` record, or has `期望` before any `单位`.", "Give records with `单位 …` and, after each, `期望 名 = 值` about computed values."),
    "W0501": ("Never used (warning)", "An input, parameter or scale is declared but never used.", "Use it, or remove it if the regulation does not need it."),
    "W0502": ("Cap or floor never binds (warning)", "By range analysis, the value can never exceed its cap (or fall below its floor), so the limit has no effect.", "Check the limit against the regulation, or remove it."),
    "W0503": ("Grade band out of reach (warning)", "By range analysis, no score can fall in this band (for example a band above the highest possible score).", "Check the band's threshold and the points that make up the score."),
    "W0504": ("Threshold the regulation leaves open (warning)", "The article a grade cites puts a band's boundary value on both sides: a range such as `60—90分` includes 60, while `60分以下` includes it too (以上、以下 include the number itself by convention).", "State the reading the file takes in a comment that cites the article."),
    "E0701": ("Data is not JSON", "The data file is not valid JSON; the message gives the line and column.", "Fix the JSON near that place."),
    "E0702": ("Data is not a list", "The data file's top level is not an array of records.", "Wrap the records in `[ … ]`."),
    "E0703": ("Missing field", "A record lacks a required field.", "Add the field."),
    "E0704": ("Wrong JSON type", "A field holds the wrong kind of JSON value (text for a number …).", "Write the value as the message says."),
    "E0705": ("Unknown level", "A rating or category word is not one the regulation allows.", "Use one of the listed words."),
    "E0706": ("Out of range", "A count is negative or fractional, a number is outside its range, or a department's name is empty.", "Correct the value."),
    "E0707": ("Wrong number of items", "A list is empty where it must not be, or has too few or too many items.", "Give the number of items the message names."),
    "E0708": ("Unknown field", "A record has a field the regulation does not know (often a misspelling, which would otherwise count as missing).", "Correct or remove it."),
    "E0709": ("Wrong keys", "An object keyed by indicators, record fields or levels lacks a key or has an unknown one.", "Use exactly the keys the help lists."),
    "E0710": ("Department twice", "The same department (spaces at the ends ignored) appears in two records.", "Merge or rename the records."),
    "E0711": ("No answers", "A survey tally that must have answers adds up to 0.", "Fill in the tally."),
    "E0712": ("Number cannot be read exactly", "A number in the data has more digits than a decimal holds; it is refused rather than rounded.", "Write fewer digits."),
    "E0713": ("Requirement not met", "A record breaks a `要求` (require) rule of the regulation; the message gives the field, the rule and the values found.", "Correct the data."),
    "E0714": ("Key given twice", "A JSON object in the data has the same key twice; a JSON reader would silently keep the last.", "Keep one of them."),
    "E0715": ("Default does not fit", "An input's default (`默认 …`) is not of the input's type or outside its limits.", "Write a default of the input's type."),
    "E0716": ("Unknown column", "A CSV file or spreadsheet sheet has a column no field of the regulation has (headers follow `jixiao template`: nested fields as `父.子`).", "Rename the column as the template names it, or remove it."),
    "E0717": ("Cell of the wrong kind", "A CSV or spreadsheet cell holds text where a number is wanted, or a list row names a department the main table does not have; the message gives the sheet, the cell (`C12`, or line and column), the department and the field.", "Correct the cell."),
    "E0801": ("Overflow", "A computation's exact result needs more digits than jixiao keeps (for example, means over many different numbers of raters, whose common denominator grows very large).", "Check the data for unexpectedly large numbers or unusual list lengths."),
    "E0802": ("Division by zero", "A division by zero happened at run time. The checker proves divisors non-zero, so this indicates a defect in jixiao.", "Report the case with its regulation and data."),
    "E0803": ("Bands broken by parameters", "With the `--set` values given, the grade bands overlap, leave a gap or become unreachable.", "Choose cut-offs that keep the bands in order."),
    "E0805": ("Internal error", "A value of a kind the checker rules out reached the evaluator: a defect in jixiao, not in the file.", "Report the case with its regulation and data."),
    "E0901": ("Cannot read file", "A file named on the command line cannot be read.", "Check the path and permissions."),
    "E0902": ("Not UTF-8", "A file is not valid UTF-8; the message gives the line and column.", "Save the file as UTF-8 (GBK files must be converted)."),
    "E0903": ("Bad --set (usage, exit 2)", "`--set` names no parameter of the regulation, is not `NAME=VALUE`, or sets a parameter twice.", "Use a name the help lists, once."),
    "E0904": ("Parameter value wrong (usage, exit 2)", "`--set NAME=VALUE` with a value that is not a decimal number of the parameter's kind (a percentage parameter needs `%`).", "Write a number, as in `--set 优秀线=85` or `--set 比例=50%`."),
    "E0905": ("Cannot write output", "The `--output` file cannot be written; nothing is left behind.", "Check that the folder exists and is writable."),
    "E0906": ("Cannot write to standard output", "Writing the results to standard output failed (a full disk …); a closed pipe (`| head`) is not an error.", "Check the disk, or write to a file with `--output`."),
    "E0909": ("Formatting would change meaning", "`jixiao fmt` produced text that does not read back as the same file; nothing is written. This is a defect in jixiao.", "Report the file; keep it as it is meanwhile."),
    "E0908": ("Unknown department (usage, exit 2)", "`jixiao explain --department` names no department of the data; the help suggests the closest name.", "Use the department's name as the data writes it."),
    "E0718": ("Line too long in JSON Lines", "A line of a `.jsonl` file is longer than 64 MB: the file is most likely one JSON array, not a record a line.", "Save a JSON array as `.json`, or write one record a line."),
    "E0719": ("Temporary file failed during the run", "A ranked run over JSON Lines keeps each department's values between passes in a temporary file (about a tenth of the data's size). It could not be written (a full disk) or read back, or it did not read back as written because something else changed it.", "Free space in the temporary folder, or set `TMPDIR` to a folder with room that nothing else writes to, and run again."),
    "E0908": ("Cannot start worker threads", "The system refused the threads a JSON Lines run evaluates on (too many threads, or too little memory for their stacks).", "Run with fewer threads (`--jobs 1`)."),
    "E0907": ("Bad output path (usage, exit 2)", "`--output` names one of the input files (writing it would destroy the input) or a folder.", "Write the results to another file."),
}

EXTRA = {
    "E0716": "E0716\n\n  × tests/cases/eval/unknown-column.csv, column 4 (备注): no field of the regulation has this name\n  help: use the headers `jixiao template` writes",
    "E0717": "E0717\n\n  × tests/cases/eval/bad-cell.csv, line 3, column 2 (department \"乙\", field `得分`): expected a\n  │ number, found \"abc\"\n  help: correct the value at line 3, column 2",
    "E0718": "E0718\n\n  × big.jsonl:1: the line is longer than 64 MB\n  help: JSON Lines holds one department's record a line; a JSON array belongs in a .json file",
    "E0719": "E0719\n\n  × cannot use a temporary file for this run: No space left on device (os error 28)\n  help: a ranked run keeps each department's values in a temporary file (about a tenth of the data's size): free space in the temporary folder, or set TMPDIR to a folder with room",
    "E0908": "E0908\n\n  × cannot start worker threads: Resource temporarily unavailable (os error 11)\n  help: run with fewer threads (--jobs 1)",
    "E0100": "E0100\n\n  × the file is too large to be a regulation (6291456 bytes)\n  help: a regulation file is at most 4 MiB; check that this is the right file",
    "E0802": "E0802\n\n  × department \"甲\", computing `总分`: division by zero\n  help: a divisor was zero for this department; check its data",
    "E0805": "E0805\n\n  × department \"甲\", computing `总分`: internal error: a number was expected\n  help: this is a defect in jixiao, not in your file; please report it with the regulation and the data",
    "E0902": "E0902\n\n  × bad.jx:3:1: the file is not valid UTF-8 text (byte 38)\n  help: save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted",
    "E0905": "E0905\n\n  × cannot write /nonexistent-dir/out.json: the folder does not exist\n  help: check that the folder exists and is writable",
    "E0906": "E0906\n\n  × cannot write the results to standard output: No space left on device (os error 28)\n  help: check the disk or the program reading the output; or write to a file with --output",
}

HEAD = """# Diagnostics

Every diagnostic jixiao reports has a stable code. Codes do not change when a message is reworded;
tests assert codes, snapshots keep the wording. Exit status: 1 for errors in files or data, 2 for
usage errors (a bad flag, an unknown `--set` name), 0 when only warnings were reported. Places in a
regulation file are given as `file:line:column`, columns counting characters.

| range | stage |
| --- | --- |
| E01xx | syntax (`grammar/jixiao.pest`, `src/syntax`) |
| E02xx | names (`src/check`) |
| E03xx | types and units (`src/check`) |
| E04xx | structure: header, indicator trees, scales, grade bands, publication (`src/check`) |
| E06xx | embedded tests (`src/check`) |
| W05xx | warnings (`src/check`) |
| E07xx | data records and input defaults (`src/data/`) |
| E08xx | evaluation (`src/eval`) |
| E09xx | command line (`src/cli.rs`) |

Each example below is a fixture under `tests/cases/` or `tests/data/`, and its report is the snapshot
the test suite checks (`tests/snapshots/`). This page is generated by `docs/diagnostics.py`.
"""


def example(code):
    """(fixture path or None, source or None, report) from the first snapshot showing `code`."""
    for snap in sorted(glob.glob("tests/snapshots/diagnostics__*.snap")):
        name = os.path.basename(snap)
        body = open(snap, encoding="utf-8").read().split("---", 2)[2]
        stderr = body.split("--- stderr\n", 1)[1].strip("\n")
        if f"\n{code}\n" not in "\n" + stderr:
            continue
        if "__check__" in name:
            if not name.split("__check__")[1].startswith(code):
                continue
            fixture = "tests/cases/check/" + name.split("__check__")[1].replace(".snap", ".jx")
            source = open(fixture, encoding="utf-8").read()
            if len(source) > 600:
                source = source[:300] + " …\n"
            return fixture, source, stderr
        return None, None, stderr
    return None, None, EXTRA.get(code)


def main():
    out = [HEAD]
    for code, (title, when, fix) in CODES.items():
        out.append(f"## {code} {title}\n\n{when}\n")
        fixture, source, report = example(code)
        if source:
            out.append(f"Example (`{fixture}`):\n\n```\n{source.rstrip()}\n```\n")
        if report:
            out.append(f"```text\n{report}\n```\n")
        out.append(f"**Fix:** {fix}\n")
    open("docs/diagnostics.md", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()

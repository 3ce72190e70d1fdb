#!/usr/bin/env python3
"""jixiao against the hand-written evaluator, one command:

    python3 benches/run.py [--sizes 10000,100000,1000000] [--runs 3] [--regulations jiangsu-2011]

The yardstick is ../shared/bench/native (native-anchor): a hand-written, exact-decimal
evaluator of both contracts, typed serde records, formulas compiled in, single-threaded. It
is built here into target/yardstick (shared/ is read-only).

For each shipped regulation and size N, N records are generated (the 40 example departments
repeated under new names) as a JSON array and as JSON Lines, in a temporary folder. Then:

- native-anchor on the JSON array (it reads no other format);
- jixiao eval on the JSON array and on the JSON Lines, output JSON (-o out.json), with
  --jobs 1 and --jobs 2; every department's score, grade and rank must be the native's;
- evaluation alone, records already read, evaluated and ranked K times in memory:
  native-anchor --repeat and benches/evaluate_alone.rs on the same 100,000 records (or the
  largest size asked, if smaller).

Each end-to-end run is repeated --runs times (3; once for a million records) and the fastest
counts; the runs take turns (the hand-written evaluator, then each jixiao run, round after
round), since this machine's speed drifts over minutes; evaluation alone likewise. Peak memory
is the largest resident set of the runs. Prints Markdown tables for the
README, with each time as a multiple of the hand-written evaluator's on the same records.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIVE = ROOT.parent / "shared" / "bench" / "native"
REGULATIONS = {"sichuan-2014": "sichuan", "jiangsu-2011": "jiangsu"}


def build():
    """The jixiao binary, the evaluation-alone bench binary and native-anchor."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "jixiao"], cwd=ROOT, check=True)
    out = subprocess.run(
        ["cargo", "bench", "--no-run", "--message-format=json", "--bench", "evaluate_alone"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    alone = None
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "evaluate_alone":
            alone = msg.get("executable")
    env = dict(os.environ, CARGO_TARGET_DIR=str(ROOT / "target" / "yardstick"))
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--locked", "--manifest-path", str(NATIVE / "Cargo.toml")],
        cwd=ROOT, check=True, env=env,
    )
    return ROOT / "target/release/jixiao", alone, ROOT / "target/yardstick/release/native-anchor"


def generate(name, n, folder):
    """N records as JSON Lines and as a JSON array (one record a line)."""
    lines, array = folder / f"{name}-{n}.jsonl", folder / f"{name}-{n}.json"
    if lines.exists() and array.exists():
        return lines, array
    examples = json.loads((ROOT / f"examples/{name}/departments.json").read_text(encoding="utf-8"))
    with lines.open("w", encoding="utf-8") as jl, array.open("w", encoding="utf-8") as ja:
        ja.write("[\n")
        for i in range(n):
            record = dict(examples[i % len(examples)])
            record["部门"] = f"单位{i + 1:07d}"
            text = json.dumps(record, ensure_ascii=False)
            jl.write(text + "\n")
            ja.write(text + (",\n" if i + 1 < n else "\n"))
        ja.write("]\n")
    return lines, array


def timed(cmd, stdout=None):
    """Wall seconds and peak memory (MB) of one run."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if stdout is not None:
            fd = os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return seconds, usage.ru_maxrss / 1024


def interleaved(cmds, runs, check):
    """For each command, the fastest of `runs` runs and the largest peak memory among them.
    The commands take turns, round after round: this machine's speed drifts by a third over
    minutes, and a ratio of two runs far apart in time measures the drift. `check(i)` is
    called after command i's first run. A command is (argv, file for its stdout or None)."""
    results = [[] for _ in cmds]
    for r in range(runs):
        for i, (cmd, stdout) in enumerate(cmds):
            results[i].append(timed(cmd, stdout))
            if r == 0:
                check(i)
    return [(min(s for s, _ in rs), max(mb for _, mb in rs)) for rs in results]


def placings(path):
    """(department, score, grade, rank) of each result, read a line at a time: the native
    writes a result a line, jixiao indents its JSON."""
    compact = re.compile(r'"department":"([^"]*)","score":"([^"]*)","grade":"([^"]*)",.*?"rank":(\d+)')
    current = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = compact.search(line)
            if m:
                yield m.groups()
                continue
            line = line.strip().rstrip(",")
            for key in ("department", "score", "grade", "rank"):
                prefix = f'"{key}": '
                if line.startswith(prefix):
                    current[key] = json.loads(line[len(prefix):])
                    if key == "rank":
                        yield (current["department"], current["score"], current["grade"], str(current["rank"]))
                        current = {}


def agree(ours, native):
    for a, b in zip(placings(ours), placings(native), strict=True):
        if a != b:
            sys.exit(f"jixiao and the hand-written evaluator disagree: {a} against {b}")


def evaluation_alone(alone, native, name, array, runs):
    """Records per second of evaluation alone, the best of `runs` rounds taken in turn:
    (jixiao, native)."""
    rates = [0.0, 0.0]
    for _ in range(runs):
        for i, cmd in enumerate(([alone, str(ROOT / f"regulations/{name}.jx"), str(array), "--repeat", "5"],
                                 [str(native), REGULATIONS[name], str(array), "--no-output", "--repeat", "20"])):
            err = subprocess.run(cmd, check=True, capture_output=True, text=True).stderr
            rates[i] = max(rates[i], float(re.search(r"eval_records_per_s=([0-9.]+)", err).group(1)))
    return rates


def main():
    sizes = [10_000, 100_000, 1_000_000]
    if "--sizes" in sys.argv:
        sizes = [int(s) for s in sys.argv[sys.argv.index("--sizes") + 1].split(",")]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    names = list(REGULATIONS)
    if "--regulations" in sys.argv:
        names = sys.argv[sys.argv.index("--regulations") + 1].split(",")
    jixiao, alone, native = build()
    folder = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    rows, alone_rows = [], []
    for name in names:
        for n in sizes:
            lines, array = generate(name, n, folder)
            k = runs if n < 1_000_000 else 1
            native_out, out = folder / "native.json", folder / "out.json"
            cmds = [([str(native), REGULATIONS[name], str(array)], native_out)]
            labels = [("hand-written, JSON array", "1")]
            for data, label in ((array, "JSON array"), (lines, "JSON Lines")):
                for jobs in ("1", "2"):
                    cmds.append(([str(jixiao), "eval", str(ROOT / f"regulations/{name}.jx"), str(data), "-o",
                                  str(out), "--jobs", jobs], None))
                    labels.append((f"jixiao, {label}", jobs))
            timings = interleaved(cmds, k, lambda i: i == 0 or agree(out, native_out))
            base = timings[0][0]
            for (label, jobs), (seconds, mb) in zip(labels, timings):
                rows.append((name, n, label, jobs, seconds, mb, seconds / base))
            if n == max(s for s in sizes if s <= 100_000) if any(s <= 100_000 for s in sizes) else n == sizes[0]:
                ours, theirs = evaluation_alone(alone, native, name, array, runs)
                alone_rows.append((name, n, ours, theirs))
            lines.unlink()
            array.unlink()
    print("| regulation | records | run | cores | seconds | peak MB | × hand-written |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for name, n, label, jobs, seconds, mb, ratio in rows:
        print(f"| {name} | {n:,} | {label} | {jobs} | {seconds:.2f} | {mb:.0f} | {ratio:.2f} |")
    print()
    print("| regulation | records | evaluation alone, records/s: jixiao | hand-written | jixiao ÷ hand-written |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, n, ours, theirs in alone_rows:
        print(f"| {name} | {n:,} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:.2f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmarks end to end, one command: python3 benches/run.py [--sizes 10000,100000,1000000]

For each shipped regulation and each size N, generates N records as JSON Lines (the 40
example departments repeated under new names, in a temporary folder), then times
`jixiao eval REG DATA -o OUT.jsonl` on one core (--jobs 1) and on two, and the hand-written
Jiangsu evaluator (benches/jiangsu_by_hand.rs) on the same file, checking that its output is
byte-identical to jixiao's. Each is run three times; the fastest time counts. Reports wall time, records per second and peak memory (the
largest resident set of the run) as a Markdown table for the README. Evaluation alone is
measured by criterion: cargo bench --bench evaluation.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGULATIONS = ["sichuan-2014", "jiangsu-2011"]


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "jixiao"], cwd=ROOT, check=True)
    out = subprocess.run(
        ["cargo", "bench", "--no-run", "--message-format=json", "--bench", "jiangsu_by_hand"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    by_hand = None
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "jiangsu_by_hand":
            by_hand = msg.get("executable")
    return ROOT / "target/release/jixiao", by_hand


def generate(name, n, folder):
    path = folder / f"{name}-{n}.jsonl"
    if path.exists():
        return path
    examples = json.loads((ROOT / f"examples/{name}/departments.json").read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            record = dict(examples[i % len(examples)])
            record["部门"] = f"单位{i + 1:07d}"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


RUNS = 3


def best(cmd):
    """The fastest of RUNS runs (wall seconds) and the largest peak memory (MB) among them:
    one run on a shared machine varies by several percent."""
    results = [timed(cmd) for _ in range(RUNS)]
    return min(s for s, _ in results), max(mb for _, mb in results)


def timed(cmd):
    """Wall seconds and peak memory (MB) of one run."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return seconds, usage.ru_maxrss / 1024


def main():
    sizes = [10_000, 100_000, 1_000_000]
    if "--sizes" in sys.argv:
        sizes = [int(s) for s in sys.argv[sys.argv.index("--sizes") + 1].split(",")]
    jixiao, by_hand = build()
    folder = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    rows = []
    for name in REGULATIONS:
        for n in sizes:
            data = generate(name, n, folder)
            out = folder / "out.jsonl"
            runs = []
            for jobs in ["1", "2"]:
                cmd = [str(jixiao), "eval", str(ROOT / f"regulations/{name}.jx"), str(data), "-o", str(out), "--jobs", jobs]
                runs.append((f"jixiao, {jobs} core{'s' if jobs == '2' else ''}", *best(cmd)))
            if name == "jiangsu-2011" and by_hand:
                expected = out.read_bytes()
                hand_out = folder / "by-hand.jsonl"
                runs.append(("by hand, 1 core", *best([by_hand, str(data), str(hand_out)])))
                if hand_out.read_bytes() != expected:
                    sys.exit("the hand-written evaluator and jixiao disagree")
            for label, seconds, mb in runs:
                rows.append((name, n, label, seconds, n / seconds, mb))
            data.unlink()
    print("| regulation | records | run | seconds | records/s | peak MB |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for name, n, label, seconds, rate, mb in rows:
        print(f"| {name} | {n:,} | {label} | {seconds:.2f} | {rate:,.0f} | {mb:.0f} |")
    hand = {n: s for name, n, label, s, _, _ in rows if label.startswith("by hand")}
    for name, n, label, s, _, _ in rows:
        if name == "jiangsu-2011" and label.startswith("jixiao") and n in hand:
            print(f"jiangsu-2011, {n:,} records, {label}: {s / hand[n]:.2f}× the hand-written evaluator's time")


if __name__ == "__main__":
    main()

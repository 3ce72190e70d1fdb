#!/usr/bin/env python3
"""Generate examples/sichuan-2014/departments.json (synthetic data, fixed seed).

Data contract: shared spec "Contract: regulations/sichuan-2014.jx" (川府发〔2014〕25号).
The records are invented; only the department names are real 2014-era Sichuan
provincial government departments.

Usage:  python3 generate.py            # writes departments.json next to this script
        python3 generate.py --check    # only recompute and print the summary

Besides the ordinary spread (mostly 合格, a handful 先进, two 不合格), the data
deliberately contains these edge cases for the evaluator's tests:

* 省统计局 totals exactly 89.995 (reached via thirds): it publishes as 90.00 and
  is therefore 先进 (等次 is taken from the published 总分).  28-digit Decimal
  arithmetic yields 89.99499...9 and publishes 89.99 (合格), which is wrong.
* 省粮食局 totals exactly 59.995 (also via thirds): publishes 60.00, 合格.
  28-digit Decimal gives 59.99 (不合格), and so does round(float(total), 2).
  Its survey also has a level with a count of 0 (满意: 0).
* About a third of the records leave out the counts that are 0.
* 省体育局 and 省旅游局 have exactly the same 总分 (the same ratings in a different
  order), so they share a rank and the next rank is skipped.
* 省国资委 has awards worth 2*2 + 3*1 = 7 points, capped at 5.
"""

import json
import random
import sys
from decimal import Decimal, getcontext
from fractions import Fraction as F
from pathlib import Path

SEED = 20140425  # 川府发〔2014〕25号, 2014-04-25

INDICATORS = {  # 一级指标: (points, 二级指标) -- 第五条, 第十三条
    "职能职责": (60, ["职责任务", "依法行政", "政令畅通"]),
    "行政效能": (15, ["效能建设", "行政成本", "应急管理"]),
    "服务质量": (15, ["服务群众", "接受监督", "协作配合"]),
    "自身建设": (10, ["党建工作", "政风行风", "廉政建设"]),
}
KEYS = [k for _, (_, ks) in INDICATORS.items() for k in ks]
COUNTS = ["中央表彰", "省级表彰", "中央通报批评", "省级通报批评", "未完成交办任务",
          "领导班子违纪", "处级干部违纪", "直属单位违纪", "问责"]
FACTOR = {"好": F(1), "较好": F(4, 5), "差": F(1, 2),
          "满意": F(1), "比较满意": F(4, 5), "不满意": F(1, 2)}
MEMBERS = 15  # 省政府绩效委 members rating every department (第十八条)

# (name, quality in [0, 1], special counts).  quality is the chance of the top
# rating; the rest splits between the middle and the bottom rating.
DEPARTMENTS = [
    ("省政府办公厅", 0.58, {"省级表彰": 1}),
    ("省发展改革委", 0.52, {"中央表彰": 1}),
    ("省经济和信息化委", 0.40, {}),
    ("省教育厅", 0.45, {"省级表彰": 1}),
    ("省科技厅", 0.36, {}),
    ("省民族宗教委", 0.32, {}),
    ("省公安厅", 0.50, {"中央表彰": 1, "处级干部违纪": 1}),
    ("省民政厅", 0.36, {"问责": 2}),
    ("省司法厅", 0.30, {}),
    ("省财政厅", 0.63, {"中央表彰": 1, "省级表彰": 1}),
    ("省人力资源社会保障厅", 0.42, {}),
    ("省国土资源厅", 0.05, {"中央通报批评": 1, "领导班子违纪": 1,
                          "处级干部违纪": 2, "直属单位违纪": 3, "问责": 4}),
    ("省环境保护厅", 0.25, {"省级通报批评": 1, "未完成交办任务": 1}),
    ("省住房城乡建设厅", 0.29, {"直属单位违纪": 2, "问责": 3}),
    ("省交通运输厅", 0.37, {"处级干部违纪": 1}),
    ("省水利厅", 0.43, {"省级表彰": 1}),
    ("省农业厅", 0.35, {}),
    ("省林业厅", 0.33, {}),
    ("省商务厅", 0.40, {}),
    ("省文化厅", 0.29, {}),
    ("省卫生计生委", 0.32, {"省级通报批评": 1, "问责": 1}),
    ("省审计厅", 0.48, {"省级表彰": 2}),
    ("省外事侨务办", 0.30, {}),
    ("省国资委", 0.43, {"中央表彰": 2, "省级表彰": 3}),  # 7 points, capped at 5
    ("省地税局", 0.45, {"省级表彰": 1}),
    ("省工商局", 0.33, {}),
    ("省质监局", 0.29, {"未完成交办任务": 1}),
    ("省新闻出版广电局", 0.31, {}),
    ("省体育局", 0.27, {}),
    ("省安全监管局", 0.06, {"中央通报批评": 1, "省级通报批评": 2, "未完成交办任务": 2,
                          "领导班子违纪": 1, "处级干部违纪": 1, "问责": 6}),
    ("省食品药品监管局", 0.34, {"省级通报批评": 1}),
    ("省统计局", 0.54, {"省级表彰": 1}),
    ("省旅游局", 0.27, {}),  # copy of 省体育局's ratings, see TIES
    ("省粮食局", 0.15, {"省级通报批评": 1, "直属单位违纪": 2}),
    ("省机关事务管理局", 0.36, {}),
    ("省法制办", 0.37, {}),
    ("省信访局", 0.27, {"问责": 1}),
    ("省政务服务管理办", 0.42, {"省级表彰": 1}),
    ("省政府应急办", 0.39, {}),
    ("省扶贫移民局", 0.32, {"直属单位违纪": 1}),
]
# department -> exact 总分 it is made to hit (by solving for the survey counts)
TARGETS = {"省统计局": F(89995, 1000), "省粮食局": F(59995, 1000)}
# department -> department whose ratings it copies (shuffled): an exact tie
TIES = {"省旅游局": "省体育局"}


def draw(rng, q, words):
    """One rating: words = (top, middle, bottom)."""
    x = rng.random()
    if x < q:
        return words[0]
    if x < 1 - bottom_share(q):
        return words[1]
    return words[2]


def bottom_share(q):
    """Chance of the bottom rating: rare for good departments, common for poor ones."""
    return 0.8 * (1 - q) ** 4


def survey_part(s):
    n = sum(s.values())
    return 15 * sum(c * FACTOR[w] for w, c in s.items()) / n


def parts(r):
    """The contract's named quantities, exact."""
    def mean(xs):
        return sum(FACTOR[x] for x in xs) / len(xs)
    lead = 10 * FACTOR[r["省长评价"]] + 10 * FACTOR[r["副省长评价"]]
    org = F(1, 2) * sum(pts * sum(mean(r["绩效委评价"][k]) for k in ks) / 3
                        for pts, ks in INDICATORS.values())
    mutual = 15 * mean(r["部门互评"])
    survey = survey_part(r["社会公众评价"])
    c = {k: r.get(k, 0) for k in COUNTS}
    bonus = min(F(5), 2 * c["中央表彰"] + c["省级表彰"])
    malus = (2 * c["中央通报批评"] + c["省级通报批评"] + c["未完成交办任务"]
             + c["领导班子违纪"] + F(1, 2) * c["处级干部违纪"]
             + F(3, 10) * c["直属单位违纪"] + F(1, 10) * c["问责"])
    return {"政府领导评价": lead, "绩效组织评价": org, "部门互评": mutual,
            "社会公众评价": survey, "特殊加分": bonus, "特殊扣分": malus,
            "总分": lead + org + mutual + survey + bonus - malus}


def publish(x):
    """Round to 2 decimals, half away from zero; return a decimal string."""
    sign = -1 if x < 0 else 1
    cents = (abs(x) * 100 + F(1, 2)).__floor__() * sign
    s = f"{abs(cents) // 100}.{abs(cents) % 100:02d}"
    return ("-" if cents < 0 else "") + s


def grade(published):
    p = Decimal(published)
    return "先进" if p >= 90 else "合格" if p >= 60 else "不合格"


def decimal28_total(r):
    """The wrong way: Decimal arithmetic cut at 28 digits (for the report only)."""
    getcontext().prec = 28
    D = {w: Decimal(f.numerator) / Decimal(f.denominator) for w, f in FACTOR.items()}

    def mean(xs):
        return sum(D[x] for x in xs) / len(xs)
    lead = 10 * D[r["省长评价"]] + 10 * D[r["副省长评价"]]
    org = Decimal("0.5") * sum(pts * sum(mean(r["绩效委评价"][k]) for k in ks) / 3
                               for pts, ks in INDICATORS.values())
    s = r["社会公众评价"]
    survey = 15 * sum(c * D[w] for w, c in s.items()) / sum(s.values())
    p = parts(r)
    rest = (Decimal(p["特殊加分"].numerator) / p["特殊加分"].denominator
            - Decimal(p["特殊扣分"].numerator) / p["特殊扣分"].denominator)
    return lead + org + 15 * mean(r["部门互评"]) + survey + rest


def solve_survey(rng, r, target, want):
    """Survey counts (满意, 比较满意, 不满意) making r's 总分 exactly target,
    with shares as close as possible to want."""
    r = dict(r, 社会公众评价={"满意": 1})
    p = parts(r)
    need = target - (p["总分"] - p["社会公众评价"])  # = 15 * S / N
    # a + 0.8 b + 0.5 c = N * need / 15 with a + b + c = N
    #   <=> 2 b + 5 c = 10 N (1 - need / 15)
    best = None
    for n in range(rng.randint(500, 900), 2001):
        k = 10 * n * (1 - need / 15)
        if k.denominator != 1 or k < 0:
            continue
        k = int(k)
        for c in range(0, min(n, k // 5) + 1):
            if (k - 5 * c) % 2:
                continue
            b = (k - 5 * c) // 2
            a = n - b - c
            if a < 0 or b < 0:
                continue
            err = sum((x / n - w) ** 2 for x, w in zip((a, b, c), want))
            if best is None or err < best[0]:
                best = (err, {"满意": a, "比较满意": b, "不满意": c})
        if best is not None and best[0] < 0.0005:
            break
    if best is None:
        raise SystemExit(f"no survey counts reach {target} for {r['部门']}")
    return best[1]


def make_record(rng, name, q, counts, n_depts):
    top3 = ("好", "较好", "差")
    sat3 = ("满意", "比较满意", "不满意")
    r = {"部门": name,
         "省长评价": draw(rng, min(1, q + 0.1), top3),
         "副省长评价": draw(rng, min(1, q + 0.15), top3),
         "绩效委评价": {k: [draw(rng, q, top3) for _ in range(MEMBERS)] for k in KEYS},
         # every other department rates; a few abstain
         "部门互评": [draw(rng, q, sat3) for _ in range(n_depts - 1 - rng.choice([0, 0, 0, 1, 2, 4]))]}
    n = rng.randint(300, 2000)
    qs = max(0.05, q - 0.1)  # the public is a little harsher
    a = round(n * qs * rng.uniform(0.9, 1.1))
    c = round(n * bottom_share(qs) * rng.uniform(0.6, 1.4))
    r["社会公众评价"] = {"满意": a, "比较满意": n - a - c, "不满意": c}
    # the contract lets zero counts be left out; about a third of the records do so
    omit_zeros = rng.random() < 0.35
    for k in COUNTS:
        if counts.get(k, 0) or not omit_zeros:
            r[k] = counts.get(k, 0)
    return r


def build():
    rng = random.Random(SEED)
    records = {}
    for name, q, counts in DEPARTMENTS:
        records[name] = make_record(rng, name, q, counts, len(DEPARTMENTS))
    for name, src in TIES.items():
        s = records[src]
        r = json.loads(json.dumps(s))
        r["部门"] = name
        for k in KEYS:
            rng.shuffle(r["绩效委评价"][k])
        rng.shuffle(r["部门互评"])
        r["社会公众评价"] = dict(s["社会公众评价"])
        records[name] = r
    qual = {name: q for name, q, _ in DEPARTMENTS}
    cnts = {name: c for name, _, c in DEPARTMENTS}
    for name, target in TARGETS.items():
        # redraw the ratings (nudging the quality) until the survey can close the
        # gap with about the share of answers the department would get anyway
        q = qual[name]
        for _ in range(100000):
            r = make_record(rng, name, q, cnts[name], len(DEPARTMENTS))
            r["部门互评"] = r["部门互评"][:36]  # 36 raters keeps denominators small
            natural = parts(r)["社会公众评价"]
            p = parts(dict(r, 社会公众评价={"满意": 1}))
            need = target - (p["总分"] - p["社会公众评价"])
            if need < natural - F(1, 2):
                q = max(0.0, q - 0.005)
            elif need > natural + F(1, 2):
                q = min(1.0, q + 0.005)
            elif (10 * (1 - need / 15)).denominator <= 400 and r["省长评价"] != "差":
                s = r["社会公众评价"]
                n = sum(s.values())
                shares = tuple(s[w] / n for w in ("满意", "比较满意", "不满意"))
                r["社会公众评价"] = solve_survey(rng, r, target, shares)
                assert parts(r)["总分"] == target
                # keep it only if the total is reached via thirds, i.e. 28-digit
                # Decimal arithmetic publishes it wrongly
                d = decimal28_total(r).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
                if str(d) != publish(target):
                    break
        else:
            raise SystemExit(f"cannot reach {target} for {name}")
        records[name] = r
    return [records[name] for name, _, _ in DEPARTMENTS]


def dump(records):
    """JSON, indent 2, ensure_ascii=False, with every rating list on one line."""
    def j(v):
        return json.dumps(v, ensure_ascii=False)
    out = ["["]
    for i, r in enumerate(records):
        lines = []
        for k, v in r.items():
            if k == "绩效委评价":
                inner = [f"      {j(kk)}: {j(vv)}" for kk, vv in v.items()]
                lines.append(f"    {j(k)}: {{\n" + ",\n".join(inner) + "\n    }")
            else:
                lines.append(f"    {j(k)}: {j(v)}")
        out.append("  {\n" + ",\n".join(lines) + "\n  }" + ("," if i < len(records) - 1 else ""))
    out.append("]")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == records
    return text


def summary(records):
    totals = [(r["部门"], parts(r)["总分"]) for r in records]
    pubs = {name: publish(t) for name, t in totals}
    ordered = sorted(totals, key=lambda x: -Decimal(pubs[x[0]]))
    rank = {}
    for i, (name, _) in enumerate(ordered):
        prev = ordered[i - 1][0] if i else None
        rank[name] = rank[prev] if prev and pubs[prev] == pubs[name] else i + 1
    print(f"{'部门':<14}\t{'总分':>6}\t等次\t排名\t(exact total)")
    for name, t in totals:
        print(f"{name:<14}\t{pubs[name]:>6}\t{grade(pubs[name])}\t{rank[name]}\t{t}")
    by = {}
    for name, t in totals:
        by.setdefault(grade(pubs[name]), []).append(name)
    print({g: len(v) for g, v in by.items()})
    # published ties must be exact ties, so that the rank does not depend on
    # whether ties are judged on the published or the exact 总分
    seen = {}
    for name, t in totals:
        p = pubs[name]
        if p in seen:
            other, t2 = seen[p]
            kind = "exact" if t == t2 else "PUBLISHED ONLY"
            print(f"tie at {p}: {other} / {name} ({kind})")
            if t != t2:
                raise SystemExit("published-only tie: retune")
        seen[p] = (name, t)
    for r in records:
        t = parts(r)["总分"]
        if (t * 200).denominator == 1 and (t * 200).numerator % 2:
            d = decimal28_total(r)
            print(f"half cent: {r['部门']} exact {t} = {float(t)!r} -> {publish(t)}; "
                  f"Decimal(28) gives {d} -> "
                  f"{d.quantize(Decimal('0.01'), rounding='ROUND_HALF_UP')}; "
                  f"float round gives {round(float(t), 2)}")


def main():
    records = build()
    names = [r["部门"] for r in records]
    assert len(set(names)) == len(names)
    summary(records)
    if "--check" not in sys.argv:
        path = Path(__file__).with_name("departments.json")
        path.write_text(dump(records), encoding="utf-8")
        print(f"wrote {path} ({len(records)} records)")


if __name__ == "__main__":
    main()

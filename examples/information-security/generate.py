#!/usr/bin/env python3
"""Generate examples/information-security/units.json (synthetic data, fixed seed).

Data contract: README.md, "Data contracts", regulations/information-security.jx
(信息安全管理办法（政府部门要求）, scored as a compliance inspection of a unit).
The records are invented: the unit names are plausible 2015-era provincial
government departments, the inspection findings are drawn at random.

Usage:  python3 generate.py            # writes units.json next to this script
        python3 generate.py --check    # only recompute and print the summary

One record per unit: 单位; for each of the ten scored parts an object rating
every requirement of that part 符合 / 基本符合 / 不符合; and the two yes/no
veto questions 涉密信息系统未物理隔离 and 数据中心设在境外 (JSON booleans).

The scoring mirrors the regulation's assumptions (default parameters): each
part starts from its points; every 不符合 takes 3; every 基本符合 takes 1, at
most 2 in one part; a part never goes below 0 (扣完为止).  检查得分 is the sum
of the parts; a veto makes 总分 0 (不合格); grades are 优秀 90 以上, 良好 75 至 89,
合格 60 至 74, 不合格 59 以下; ranks are competition ranks on 总分.  All
arithmetic is done with Fraction, so the totals printed are exact.

Each unit's findings are drawn from its own random stream (seeded by SEED,
the unit's name and an attempt number); a unit with a target below takes the
first attempt that meets it.  Besides the ordinary spread, the data
deliberately contains these edge cases for the evaluator's tests:

* 省统计局 totals exactly 90: 优秀, on the cut-off (89 would be 良好).
* 省水利厅 totals exactly 60: 合格, on the cut-off (59 would be 不合格).
* 省国土资源厅 answers 涉密信息系统未物理隔离 = true (3.2 a) 网络隔离 is 不符合):
  one-vote veto, 总分 0 and 不合格 although its 检查得分 is in the 良好 range.
* 省旅游局 answers 数据中心设在境外 = true (2.4 f) 数据中心和灾备中心 is 不符合):
  veto too.  The two vetoed units tie at 0 and share the last rank.
* 省住房城乡建设厅 has four 基本符合 in 终端计算机防护管理: the part loses 2, not
  4 (基本符合 at most 2 in one part).
* 省农业厅 has 日常管理基本要求 2.1 a) and b) 不符合 and c) 基本符合: 6 - 6 - 1
  would be -1, the part scores 0 (扣完为止).
* 省文化厅 and 省科技厅 have the same 总分 from different findings: a tie, so
  they share a rank and the next rank is skipped.
Every other unit's total differs from all others and from the cut-offs 90,
75 and 60.
"""

import json
import random
import sys
from fractions import Fraction as F
from pathlib import Path

SEED = 2015

YES, BASIC, NO = "符合", "基本符合", "不符合"

# (part = data field, points, requirements in the order of the text)
PARTS = [
    ("信息安全组织管理", 10, ["责任制和工作机制", "主管领导", "管理机构", "信息安全员"]),
    ("日常管理基本要求", 6, ["方针和目标", "管理制度", "安全管理和经费投入"]),
    ("采购管理", 12, ["安全可控产品和服务", "关键软硬件", "国产产品", "捐赠产品", "第三方认证服务",
                    "数据中心和灾备中心"]),
    ("外包管理", 8, ["外包管理制度", "服务合同和保密协议", "外包服务人员"]),
    ("网络边界防护管理", 10, ["网络隔离", "互联网接入", "边界防护措施", "分区分域", "网络日志"]),
    ("信息系统防护管理", 10, ["风险评估", "等级保护管理", "安全保护等级", "安全建设整改"]),
    ("终端计算机防护管理", 12, ["集中统一管理", "软硬件使用", "账户口令", "终端接入控制", "终端安全审计",
                          "非涉密计算机"]),
    ("存储介质防护管理", 8, ["大容量存储介质", "移动存储介质", "非涉密移动存储介质", "接入前查杀",
                        "信息消除和销毁"]),
    ("信息安全教育培训", 8, ["专业技能培训", "纳入工作考核", "培训考核记录"]),
    ("信息安全检查", 16, ["组织开展检查", "年度全面检查", "检查工作责任制", "安全技术检测",
                      "检查保密和风险控制", "问题整改", "检查报告"]),
]
assert sum(p for _, p, _ in PARTS) == 100
assert sum(len(items) for _, _, items in PARTS) == 46

# The regulation's parameters (参数) at their defaults.
DEDUCT_NO = F(3)
DEDUCT_BASIC = F(1)
BASIC_AT_MOST = F(2)

CUT_OFFS = (90, 75, 60)

# (单位, share of requirements found 符合, overrides {part: {requirement: rating}},
#  veto answers, target) — target: ("total", n), ("tie", other unit) or None.
UNITS = [
    ("省发展改革委", 0.80, {}, {}, None),
    ("省经济和信息化委", 0.92, {}, {}, None),
    ("省教育厅", 0.70, {}, {}, None),
    ("省科技厅", 0.78, {}, {}, None),
    ("省公安厅", 0.90, {}, {}, None),
    ("省民政厅", 0.48, {}, {}, None),
    ("省财政厅", 0.88, {}, {}, None),
    ("省人力资源社会保障厅", 0.68, {}, {}, None),
    ("省国土资源厅", 0.80, {"网络边界防护管理": {"网络隔离": NO}}, {"涉密信息系统未物理隔离": True}, None),
    ("省环境保护厅", 0.66, {}, {}, None),
    ("省住房城乡建设厅", 0.74,
     {"终端计算机防护管理": {"集中统一管理": BASIC, "软硬件使用": BASIC, "账户口令": BASIC,
                            "终端接入控制": BASIC, "终端安全审计": YES, "非涉密计算机": YES}}, {}, None),
    ("省交通运输厅", 0.76, {}, {}, None),
    ("省水利厅", 0.55, {}, {}, ("total", 60)),
    ("省农业厅", 0.60, {"日常管理基本要求": {"方针和目标": NO, "管理制度": NO, "安全管理和经费投入": BASIC}},
     {}, None),
    ("省商务厅", 0.72, {}, {}, None),
    ("省文化厅", 0.76, {}, {}, ("tie", "省科技厅")),
    ("省卫生计生委", 0.70, {}, {}, None),
    ("省审计厅", 0.84, {}, {}, None),
    ("省统计局", 0.84, {}, {}, ("total", 90)),
    ("省旅游局", 0.64, {"采购管理": {"数据中心和灾备中心": NO}}, {"数据中心设在境外": True}, None),
]
assert len(UNITS) == 20


# ------------------------------------------------------------------ scoring (the regulation's)

def part_score(points, ratings):
    """Points less 3 a 不符合 and 1 a 基本符合 (at most 2), never below 0."""
    values = list(ratings.values())
    score = F(points) - DEDUCT_NO * values.count(NO)
    score -= min(DEDUCT_BASIC * values.count(BASIC), BASIC_AT_MOST)
    return max(score, F(0))


def raw_part_score(points, ratings):
    """The same before 扣完为止, and before the 基本符合 limit: what the rules would take."""
    values = list(ratings.values())
    return F(points) - DEDUCT_NO * values.count(NO) - DEDUCT_BASIC * values.count(BASIC)


def scores(record):
    parts = {name: part_score(points, record[name]) for name, points, _ in PARTS}
    check = sum(parts.values(), F(0))
    veto = record["涉密信息系统未物理隔离"] or record["数据中心设在境外"]
    total = F(0) if veto else check
    return parts, check, veto, total


def grade(total):
    if total >= 90:
        return "优秀"
    if total >= 75:
        return "良好"
    if total >= 60:
        return "合格"
    return "不合格"


def ranks(records):
    totals = {r["单位"]: scores(r)[3] for r in records}
    return {n: 1 + sum(1 for t in totals.values() if t > totals[n]) for n in totals}


# ------------------------------------------------------------------ drawing

def draw(name, quality, overrides, veto, attempt):
    rng = random.Random(f"{SEED}/{name}/{attempt}")
    record = {"单位": name}
    for part, _, items in PARTS:
        ratings = {}
        for item in items:
            u = rng.random()
            # The worse a unit, the larger the share of 不符合 among its shortfalls.
            ratings[item] = YES if u < quality else BASIC if u < 1 - (1 - quality) ** 2 * 0.9 else NO
        ratings.update(overrides.get(part, {}))
        record[part] = ratings
    record["涉密信息系统未物理隔离"] = veto.get("涉密信息系统未物理隔离", False)
    record["数据中心设在境外"] = veto.get("数据中心设在境外", False)
    return record


def build():
    done = {}
    # Units without a target first, so that a tie has its partner to meet.
    order = sorted(UNITS, key=lambda u: u[4] is not None)
    for name, quality, overrides, veto, target in order:
        taken = {scores(r)[3] for r in done.values() if not scores(r)[2]}
        for attempt in range(10_000):
            record = draw(name, quality, overrides, veto, attempt)
            _, _, vetoed, total = scores(record)
            if target is None:
                ok = vetoed or (total not in taken and total not in CUT_OFFS)
            elif target[0] == "total":
                ok = total == target[1]
            else:
                ok = total == scores(done[target[1]])[3] and record != done[target[1]]
            if ok:
                done[name] = record
                break
        else:
            raise SystemExit(f"no draw meets the target of {name}")
    return [done[name] for name, *_ in UNITS]


# ------------------------------------------------------------------ checks and output

def validate(records):
    """The contract's input rules, and the edge cases the docstring promises."""
    names = [r["单位"] for r in records]
    assert len(set(names)) == len(names) == 20
    for r in records:
        assert list(r) == ["单位", *(p for p, _, _ in PARTS), "涉密信息系统未物理隔离", "数据中心设在境外"]
        for part, _, items in PARTS:
            assert list(r[part]) == items and set(r[part].values()) <= {YES, BASIC, NO}
        # A veto's requirement is rated 不符合 as well (3.2 a), 2.4 f)).
        assert not r["涉密信息系统未物理隔离"] or r["网络边界防护管理"]["网络隔离"] == NO
        assert not r["数据中心设在境外"] or r["采购管理"]["数据中心和灾备中心"] == NO
    by = {r["单位"]: r for r in records}
    rk = ranks(records)
    assert scores(by["省统计局"])[3] == 90 and grade(F(90)) == "优秀"
    assert scores(by["省水利厅"])[3] == 60 and grade(F(60)) == "合格"
    for name in ("省国土资源厅", "省旅游局"):
        assert scores(by[name])[2] and scores(by[name])[3] == 0
    assert rk["省国土资源厅"] == rk["省旅游局"] == 19
    assert scores(by["省国土资源厅"])[1] >= 75
    hz = by["省住房城乡建设厅"]["终端计算机防护管理"]
    assert list(hz.values()).count(BASIC) == 4 and part_score(12, hz) == 10
    ny = by["省农业厅"]["日常管理基本要求"]
    assert raw_part_score(6, ny) < 0 and part_score(6, ny) == 0
    assert scores(by["省文化厅"])[3] == scores(by["省科技厅"])[3]
    assert rk["省文化厅"] == rk["省科技厅"]
    totals = [scores(r)[3] for r in records if not scores(r)[2]]
    assert len(totals) == len(set(totals)) + 1, "one tie besides the vetoed units"


def dump(records):
    """JSON, indent 2, ensure_ascii=False, each part's ratings on one line."""
    def j(v):
        return json.dumps(v, ensure_ascii=False)

    out = ["["]
    for i, r in enumerate(records):
        lines = []
        for k, v in r.items():
            if isinstance(v, dict):
                inner = ", ".join(f"{j(kk)}: {j(vv)}" for kk, vv in v.items())
                lines.append(f"    {j(k)}: {{{inner}}}")
            else:
                lines.append(f"    {j(k)}: {j(v)}")
        out.append("  {\n" + ",\n".join(lines) + "\n  }" + ("," if i < len(records) - 1 else ""))
    out.append("]")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == records, "dump does not round-trip"
    return text


def summary(records):
    rk = ranks(records)
    short = ["组织", "基本", "采购", "外包", "边界", "系统", "终端", "介质", "培训", "检查"]
    print("单位\t" + "\t".join(short) + "\t不符合\t基本符合\t检查得分\t总分\t等次\t排名\t标记")
    grades = {}
    for r in records:
        parts, check, veto, total = scores(r)
        g = grade(total)
        grades[g] = grades.get(g, 0) + 1
        values = [v for part, _, _ in PARTS for v in r[part].values()]
        marks = []
        if veto:
            marks.append("一票否决")
        if values.count(NO):
            marks.append("限期整改")
        print(f"{r['单位']}\t" + "\t".join(str(parts[p]) for p, _, _ in PARTS)
              + f"\t{values.count(NO)}\t{values.count(BASIC)}\t{check}\t{total}\t{g}\t{rk[r['单位']]}\t"
              + "、".join(marks))
    print({g: grades.get(g, 0) for g in ("优秀", "良好", "合格", "不合格")})
    for r in records:
        for part, points, _ in PARTS:
            values = list(r[part].values())
            if DEDUCT_BASIC * values.count(BASIC) > BASIC_AT_MOST:
                print(f"基本符合 limit reached: {r['单位']} {part} ({values.count(BASIC)} 基本符合, 2 taken)")
            if raw_part_score(points, r[part]) < 0 and part_score(points, r[part]) == 0:
                print(f"扣完为止: {r['单位']} {part} (rules would take it to {raw_part_score(points, r[part])})")
    seen = {}
    for r in records:
        total = scores(r)[3]
        if total in seen:
            print(f"tie at {total}: {seen[total]} / {r['单位']} (rank {rk[r['单位']]})")
        seen[total] = r["单位"]


def main():
    records = build()
    validate(records)
    summary(records)
    if "--check" not in sys.argv:
        path = Path(__file__).with_name("units.json")
        path.write_text(dump(records), encoding="utf-8")
        print(f"wrote {path} ({len(records)} records)")


if __name__ == "__main__":
    main()

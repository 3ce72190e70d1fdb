//! `jixiao check --ranges`: the lowest and highest value of each value, within what the
//! conditions of `如果` say of the quantities they compare.

mod common;

use common::jixiao;

#[test]
fn conditions_narrow_the_ranges_of_their_branches() {
    let run = jixiao(&["check", "--ranges", "tests/cases/ranges/narrowing.jx"]);
    assert_eq!(run.code, 0, "{}", run.text());
    for row in [
        // `如果 增长 ≥ 1 则 增长 × 5分`: 增长 may be negative, but not in that branch.
        "增长加分  0.00 … +∞",
        // `如果 通报扣分 > 20分 则 20分 否则 通报扣分`: at most 20 either way.
        "实扣      0.00 … 20.00",
        // `通报 > 0` for a count is at least 1.
        "每次扣分  0.00 … 10.00",
        // `自评 < 及格线 且 自评 ≥ 50分`: between 50 and 60.
        "补差      0.00 … 10.00",
        // `自评 > 100分` never holds for a score from 0 to 100.
        "越界      0.00 … 100.00",
    ] {
        assert!(run.stdout.contains(row), "{row}\n{}", run.text());
    }
    insta::assert_snapshot!(run.text());
}

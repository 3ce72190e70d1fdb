//! A parameter swept over a range (`jixiao sweep`): for each value, how many departments get
//! each grade, and which change grade from the run with the parameter's default. It answers
//! "where should the 优秀 cut-off be so that about 20% are 优秀?" (Jiangsu, 第十八条 ties
//! quotas of civil servants rated 优秀 to the grades).

use super::results::{NO_GRADE, Outcome};
use crate::number::Number;

/// One run of a sweep.
#[derive(Clone, Debug)]
pub struct Step {
    /// The swept parameters' values, in the order they were given.
    pub values: Vec<Number>,
    /// Departments per grade, in the order of `Sweep::grades`.
    pub counts: Vec<usize>,
    /// Departments whose grade differs from the baseline run's, in the data's order.
    pub changed: Vec<String>,
    /// Why these values could not be evaluated (a grade band that cannot be reached with
    /// them, …): the sweep goes on with the next values.
    pub refused: Option<String>,
}

/// A sweep: the grades counted, the baseline's counts, and each step.
#[derive(Clone, Debug)]
pub struct Sweep {
    /// The swept parameters' names.
    pub parameters: Vec<String>,
    /// The parameters every run sets (`名称 = 值`), besides the defaults.
    pub fixed: Vec<String>,
    /// The regulation's grades, then `无` if some department has none.
    pub grades: Vec<String>,
    /// Departments in the data (in every run).
    pub departments: usize,
    /// Departments per grade with the swept parameters at their defaults.
    pub baseline: Vec<usize>,
    /// A run each combination of values, the first parameter changing slowest.
    pub steps: Vec<Step>,
}

impl Sweep {
    /// A sweep of `parameters` (with `fixed` set in every run), whose baseline run gave
    /// `departments` departments `baseline` per grade of `grades`. Counts are made as long as
    /// `grades`, which may have grown (`无`) after earlier steps were counted.
    pub fn new(
        parameters: Vec<String>,
        fixed: Vec<String>,
        (grades, departments, mut baseline): (Vec<String>, usize, Vec<usize>),
        mut steps: Vec<Step>,
    ) -> Sweep {
        for step in steps.iter_mut().filter(|s| s.refused.is_none()) {
            step.counts.resize(grades.len(), 0);
        }
        baseline.resize(grades.len(), 0);
        Sweep { parameters, fixed, grades, departments, baseline, steps }
    }
}

/// Every combination of the values of each swept parameter (`values[k]`: the `k`th
/// parameter's), the first parameter changing slowest.
pub fn combinations<T: Clone>(values: &[Vec<T>]) -> Vec<Vec<T>> {
    let mut out = vec![Vec::new()];
    for each in values {
        out = out
            .into_iter()
            .flat_map(|prefix: Vec<T>| each.iter().map(move |v| [prefix.clone(), vec![v.clone()]].concat()))
            .collect();
    }
    out
}

/// Departments per grade of `grades` (a department without a grade under `无`, added to
/// `grades` when it occurs).
pub fn counts(outcomes: &[Outcome], grades: &mut Vec<String>) -> Vec<usize> {
    if outcomes.iter().any(|o| o.grade.is_none()) && !grades.iter().any(|g| g == NO_GRADE) {
        grades.push(NO_GRADE.to_string());
    }
    grades.iter().map(|g| outcomes.iter().filter(|o| o.grade.as_deref().unwrap_or(NO_GRADE) == g).count()).collect()
}

/// The departments of `now` whose grade differs from `baseline`'s (departments by name).
pub fn regraded(baseline: &[Outcome], now: &[Outcome]) -> Vec<String> {
    let before: std::collections::HashMap<&str, &Option<std::sync::Arc<str>>> =
        baseline.iter().map(|o| (o.unit.as_str(), &o.grade)).collect();
    now.iter().filter(|o| before.get(o.unit.as_str()).is_some_and(|g| **g != o.grade)).map(|o| o.unit.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(unit: &str, grade: Option<&str>) -> Outcome {
        Outcome {
            unit: unit.into(),
            category: None,
            score: None,
            grade: grade.map(std::sync::Arc::from),
            rank: None,
            flags: Vec::new(),
        }
    }

    #[test]
    fn combinations_change_the_first_slowest() {
        assert_eq!(combinations(&[vec![1, 2], vec![7, 8, 9]]), [[1, 7], [1, 8], [1, 9], [2, 7], [2, 8], [2, 9]]);
        assert_eq!(combinations(&[vec![5]]), [[5]]);
    }

    #[test]
    fn grades_are_counted_and_changes_named() {
        let mut grades = vec!["优秀".to_string(), "合格".to_string()];
        let base = [outcome("甲", Some("优秀")), outcome("乙", Some("合格")), outcome("丙", Some("合格"))];
        let now = [outcome("甲", Some("合格")), outcome("乙", Some("合格")), outcome("丙", None)];
        assert_eq!(counts(&base, &mut grades), [1, 2]);
        assert_eq!(counts(&now, &mut grades), [0, 2, 1]);
        assert_eq!(grades, ["优秀", "合格", NO_GRADE]);
        assert_eq!(regraded(&base, &now), ["甲", "丙"]);
    }
}

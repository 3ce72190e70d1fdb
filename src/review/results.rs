//! Two runs' results compared department by department: score, grade and rank before and
//! after, the grade transition matrix (old × new, counts), and a summary of who moved.

use std::collections::HashMap;
use std::sync::Arc;

use crate::eval::{UnitResult, Value};
use crate::number::Number;
use crate::output::{category_text, grade_text, number_text, rank_of};
use crate::program::Program;

/// What a department got in one run: what people read of its results. A run over a million
/// departments keeps one of these each, so texts many share are shared (`Shared`).
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The department's name, as people read it (`names::normalise`).
    pub unit: String,
    /// Its category (类别), when the regulation ranks within categories.
    pub category: Option<Arc<str>>,
    /// The score as computed (rounded if the regulation rounds it).
    pub score: Option<Number>,
    /// Its grade (等次), if the regulation grades.
    pub grade: Option<Arc<str>>,
    /// Its place in the published ranking (1 is first), if the regulation ranks.
    pub rank: Option<i64>,
    /// The published yes/no values (标记) that are raised, in the regulation's order.
    pub flags: Vec<Arc<str>>,
}

/// Texts many departments share (categories, grades, flags), each kept once.
#[derive(Default)]
pub struct Shared(HashMap<String, Arc<str>>);

impl Shared {
    /// `text`, shared with every earlier department that had it.
    pub fn get(&mut self, text: String) -> Arc<str> {
        if let Some(shared) = self.0.get(&text) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(text.as_str());
        self.0.insert(text, shared.clone());
        shared
    }
}

impl Outcome {
    /// A department's outcome in `program`'s results (`inputs`: its record's inputs).
    pub fn of(program: &Program, result: &UnitResult, inputs: &[Value], shared: &mut Shared) -> Outcome {
        Outcome {
            unit: result.unit.clone(),
            category: category_text(program, result, inputs).map(|c| shared.get(c)),
            score: result.values[program.roles.score].as_num(),
            grade: grade_text(program, result).map(|g| shared.get(g)),
            rank: rank_of(program, result).and_then(|r| i64::try_from(r).ok()),
            flags: program
                .roles
                .flags
                .iter()
                .filter(|&&v| result.values[v] == Value::Bool(true))
                .map(|&v| shared.get(program.values[v].name.clone()))
                .collect(),
        }
    }
}

/// The labels of a program's published grade (等次), in order; none if it publishes none.
pub fn grade_labels(program: &Program) -> Vec<String> {
    let Some(g) = program.roles.grade else { return Vec::new() };
    match &program.values[g].ty {
        crate::program::Ty::Label(l) => program.label_sets[*l].clone(),
        _ => Vec::new(),
    }
}

/// One department in both runs.
#[derive(Clone, Debug)]
pub struct Moved {
    pub old: Outcome,
    pub new: Outcome,
}

impl Moved {
    /// New score less old (`None` if either is missing); exact.
    pub fn score_change(&self) -> Option<Number> {
        self.new.score?.checked_sub(self.old.score?).ok()
    }

    /// Places moved up (old rank less new rank: positive is better).
    pub fn rank_change(&self) -> Option<i64> {
        self.old.rank?.checked_sub(self.new.rank?)
    }

    /// Whether its grade differs between the runs.
    pub fn grade_changed(&self) -> bool {
        self.old.grade != self.new.grade
    }

    /// The flags raised (`+名称`) and lowered (`-名称`) from the old run to the new.
    pub fn flag_changes(&self) -> Vec<String> {
        let raised = self.new.flags.iter().filter(|f| !self.old.flags.contains(f)).map(|f| format!("+{f}"));
        let lowered = self.old.flags.iter().filter(|f| !self.new.flags.contains(f)).map(|f| format!("-{f}"));
        raised.chain(lowered).collect()
    }

    /// Whether anything people read changed.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Two runs over the same data compared.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// Departments in both runs, in the old run's order.
    pub both: Vec<Moved>,
    /// Departments only one run has (a version may refuse or drop some).
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Grades, the old version's first, then those only the new one has; `无` for a
    /// department without a grade is last when it occurs.
    pub grades: Vec<String>,
    /// `matrix[i][j]`: departments of grade `grades[i]` before and `grades[j]` after. The
    /// counts add up to `both.len()`.
    pub matrix: Vec<Vec<usize>>,
}

/// The grade of a department without one, in the transition matrix.
pub const NO_GRADE: &str = "无";

/// Compares the outcomes of two runs (`old_grades`, `new_grades`: each version's grade labels
/// in order).
pub fn compare(old: Vec<Outcome>, new: Vec<Outcome>, old_grades: &[String], new_grades: &[String]) -> Comparison {
    // Each new outcome is moved into its pair, not copied.
    let by_name: HashMap<String, usize> = new.iter().enumerate().map(|(i, o)| (o.unit.clone(), i)).collect();
    let mut new: Vec<Option<Outcome>> = new.into_iter().map(Some).collect();
    let mut out = Comparison::default();
    for o in old {
        match by_name.get(&o.unit).and_then(|&i| new[i].take()) {
            Some(n) => out.both.push(Moved { old: o, new: n }),
            None => out.only_old.push(o.unit),
        }
    }
    drop(by_name);
    out.only_new = new.into_iter().flatten().map(|o| o.unit).collect();
    let mut grades: Vec<String> = old_grades.to_vec();
    grades.extend(new_grades.iter().filter(|g| !old_grades.contains(g)).cloned());
    let ungraded = out.both.iter().any(|m| m.old.grade.is_none() || m.new.grade.is_none());
    if ungraded {
        grades.push(NO_GRADE.to_string());
    }
    let at =
        |g: &Option<Arc<str>>| grades.iter().position(|x| Some(x.as_str()) == g.as_deref()).unwrap_or(grades.len() - 1);
    let mut matrix = vec![vec![0; grades.len()]; grades.len()];
    for m in &out.both {
        matrix[at(&m.old.grade)][at(&m.new.grade)] += 1;
    }
    out.grades = grades;
    out.matrix = matrix;
    out
}

/// What a reader wants first: how many moved, and who moved most.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Departments in both runs.
    pub compared: usize,
    /// Departments whose grade, rank or score differs.
    pub grade_changed: usize,
    pub rank_changed: usize,
    pub score_changed: usize,
    /// Departments with a flag (标记) raised or lowered.
    pub flag_changed: usize,
    /// The largest score rises and falls (at most `TOP` each), largest first, as indices
    /// into `Comparison::both`.
    pub up: Vec<usize>,
    pub down: Vec<usize>,
}

/// Movers listed in a summary, each way.
pub const TOP: usize = 5;

impl Comparison {
    /// How many moved, and who moved most.
    pub fn summary(&self) -> Summary {
        let changes: Vec<(usize, Number)> =
            self.both.iter().enumerate().filter_map(|(i, m)| Some((i, m.score_change()?))).collect();
        let mut up: Vec<(usize, Number)> = changes.iter().copied().filter(|(_, c)| *c > Number::ZERO).collect();
        let mut down: Vec<(usize, Number)> = changes.iter().copied().filter(|(_, c)| *c < Number::ZERO).collect();
        up.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        down.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        Summary {
            compared: self.both.len(),
            grade_changed: self.both.iter().filter(|m| m.grade_changed()).count(),
            rank_changed: self.both.iter().filter(|m| m.old.rank != m.new.rank).count(),
            score_changed: changes.iter().filter(|(_, c)| !c.is_zero()).count(),
            flag_changed: self.both.iter().filter(|m| m.old.flags != m.new.flags).count(),
            up: up.into_iter().take(TOP).map(|(i, _)| i).collect(),
            down: down.into_iter().take(TOP).map(|(i, _)| i).collect(),
        }
    }
}

/// A score or a change of score as published: two places.
pub fn points_text(n: Option<Number>) -> String {
    n.map(|n| number_text(n, 2)).unwrap_or_default()
}

/// A change of score with its sign (`+1.50`, `-0.25`, `0.00`).
pub fn change_text(n: Option<Number>) -> String {
    match n {
        Some(n) if n > Number::ZERO => format!("+{}", number_text(n, 2)),
        Some(n) => number_text(n, 2),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(unit: &str, score: i128, grade: &str, rank: i64) -> Outcome {
        Outcome {
            unit: unit.into(),
            category: None,
            score: Some(Number::int(score)),
            grade: (!grade.is_empty()).then(|| Arc::from(grade)),
            rank: Some(rank),
            flags: Vec::new(),
        }
    }

    #[test]
    fn departments_are_paired_by_name_and_counted_once_in_the_matrix() {
        let grades = ["优秀".to_string(), "合格".to_string()];
        let old = vec![outcome("甲", 91, "优秀", 1), outcome("乙", 89, "合格", 2), outcome("丙", 70, "合格", 3)];
        let new = vec![outcome("乙", 93, "优秀", 1), outcome("甲", 91, "优秀", 2), outcome("丁", 50, "", 3)];
        let c = compare(old, new, &grades, &grades);
        assert_eq!(c.only_old, ["丙"]);
        assert_eq!(c.only_new, ["丁"]);
        assert_eq!(c.grades, ["优秀", "合格"]);
        assert_eq!(c.matrix, [[1, 0], [1, 0]]);
        assert_eq!(c.matrix.iter().flatten().sum::<usize>(), c.both.len());
        let s = c.summary();
        assert_eq!((s.compared, s.grade_changed, s.rank_changed, s.score_changed), (2, 1, 2, 1));
        assert_eq!(c.both[s.up[0]].new.unit, "乙");
        assert!(s.down.is_empty());
        assert_eq!(change_text(c.both[1].score_change()), "+4.00");
        assert_eq!(c.both[0].rank_change(), Some(-1));
    }

    #[test]
    fn a_department_without_a_grade_has_its_own_row() {
        let grades = ["优秀".to_string()];
        let c = compare(vec![outcome("甲", 91, "优秀", 1)], vec![outcome("甲", 80, "", 1)], &grades, &[]);
        assert_eq!(c.grades, ["优秀", NO_GRADE]);
        assert_eq!(c.matrix, [[0, 1], [0, 0]]);
    }
}

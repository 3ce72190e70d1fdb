//! Large JSON Lines files, record by record, in memory bounded by what ranking needs.
//!
//! A ranking needs every record's key before any record's later values, so the file is read
//! once per ranking to collect the keys (a group, a number and an index a record), then once
//! more to evaluate everything and hand the results on in input order. Records are parsed and
//! evaluated in parallel, a batch of lines at a time; no pass keeps the records.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use rayon::prelude::*;

use super::data::{MAX_ERRORS, json_text, read_record};
use super::err::{self, At};
use super::{Record, UnitResult, Value, expr};
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
use crate::number::Number;
use crate::program::*;

/// Lines read, parsed and evaluated together (in parallel) before the next batch.
const BATCH: usize = 2048;
/// The longest line read, in bytes: a file without line breaks is not JSON Lines.
const MAX_LINE: u64 = 64 << 20;

/// One department's results with the inputs they came from, as handed to the output.
pub struct Evaluated {
    pub record: Record,
    pub result: UnitResult,
}

/// How far through the passes a run is, for a progress bar: bytes read of all passes.
pub trait Progress: Sync {
    fn start(&self, total_bytes: u64);
    fn advance(&self, bytes: u64);
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// Evaluates a JSON Lines file, giving `sink` each batch of results in input order. The
/// sink's error stops the run.
pub fn evaluate_json_lines<E>(
    program: &Program,
    params: &[Number],
    path: &Path,
    progress: &dyn Progress,
    sink: &mut dyn FnMut(Vec<Evaluated>) -> Result<(), E>,
) -> Result<Result<(), E>, Vec<Diagnostic>> {
    super::check_bands(program, params)?;
    let ranks: Vec<ValueId> =
        program.order.iter().copied().filter(|&v| matches!(program.values[v].kind, ValueKind::Rank { .. })).collect();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    progress.start(size * (ranks.len() as u64 + 1));
    let mut known: Vec<(ValueId, Vec<i128>)> = Vec::new();
    let mut names = Names::default();
    for (pass, &rank) in ranks.iter().enumerate() {
        let ValueKind::Rank { by, within, ascending } = &program.values[rank].kind else { continue };
        let mut keys: Vec<(u32, Number, usize)> = Vec::new();
        let mut groups: HashMap<String, u32> = HashMap::new();
        let mut errors = Vec::new();
        each_batch(program, path, progress, &mut errors, |batch, errors| {
            let found: Vec<_> = batch
                .par_iter()
                .map(|(index, record)| {
                    let values = values_before(program, record, params, *index, &known, Some(rank))?;
                    let env = expr::Env {
                        program,
                        inputs: &record.inputs,
                        values: &values.values,
                        params,
                        bound: None,
                        coverage: None,
                    };
                    super::rank_key(&env, by, within.as_ref(), &record.unit).map_err(|d| vec![d])
                })
                .collect();
            for ((index, record), key) in batch.iter().zip(found) {
                if pass == 0 {
                    names.note(*index, &record.unit);
                }
                match key {
                    Ok((group, key)) => {
                        let next = groups.len() as u32;
                        let group = *groups.entry(super::group_key(&group)).or_insert(next);
                        keys.push((group, key, *index));
                    }
                    Err(e) => errors.extend(e),
                }
            }
        })?;
        // Groups are ranked apart; their order does not matter, only that each is whole.
        let mut ranked = super::competition_ranks(keys, *ascending);
        ranked.shrink_to_fit();
        known.push((rank, ranked));
    }
    let mut outcome = Ok(());
    let mut errors = Vec::new();
    let check_names = ranks.is_empty();
    let mut duplicates = names.verify(program, path)?;
    if !duplicates.is_empty() {
        duplicates.truncate(MAX_ERRORS);
        return Err(duplicates);
    }
    each_batch(program, path, progress, &mut errors, |batch, errors| {
        if check_names {
            for (index, record) in &batch {
                names.note(*index, &record.unit);
            }
        }
        let done: Vec<Result<Evaluated, Vec<Diagnostic>>> = batch
            .into_par_iter()
            .map(|(index, record)| {
                let result = values_before(program, &record, params, index, &known, None)?;
                Ok(Evaluated { record, result })
            })
            .collect();
        let mut good = Vec::with_capacity(done.len());
        for d in done {
            match d {
                Ok(e) => good.push(e),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() && outcome.is_ok() {
            outcome = sink(good);
        }
    })?;
    if check_names {
        let duplicates = names.verify(program, path)?;
        if !duplicates.is_empty() {
            return Err(duplicates);
        }
    }
    Ok(outcome)
}

/// One record's values in the checked order, stopping before `stop` if given. Rankings come
/// from `known`, by the record's index.
fn values_before(
    program: &Program,
    record: &Record,
    params: &[Number],
    index: usize,
    known: &[(ValueId, Vec<i128>)],
    stop: Option<ValueId>,
) -> Result<UnitResult, Vec<Diagnostic>> {
    let requirements = super::requirement_errors(program, record, params);
    if !requirements.is_empty() {
        return Err(requirements);
    }
    let n = program.values.len();
    let mut result = UnitResult { unit: record.unit.clone(), values: vec![Value::Absent; n], unrounded: vec![None; n] };
    for &v in &program.order {
        if Some(v) == stop {
            break;
        }
        if let Some((_, ranks)) = known.iter().find(|(r, _)| *r == v) {
            let Some(&rank) = ranks.get(index) else { return Err(vec![changed_during_run()]) };
            result.values[v] = Value::Num(Number::int(rank));
            continue;
        }
        let env =
            expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None, coverage: None };
        match env.value(v) {
            Ok((value, unrounded)) => {
                result.values[v] = value;
                result.unrounded[v] = unrounded;
            }
            Err(e) => return Err(vec![e.at(&record.unit, &program.values[v].name)]),
        }
    }
    Ok(result)
}

/// Reads the file a batch of lines at a time, parsing and checking the batch's records in
/// parallel, and gives each batch (records with their index among the records) to `each`.
/// Stops reading once `MAX_ERRORS` errors are known.
fn each_batch(
    program: &Program,
    path: &Path,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    mut each: impl FnMut(Vec<(usize, Record)>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let defaults = super::data::default_values(program);
    let file = std::fs::File::open(path).map_err(|e| vec![super::files::cannot_read(&name, &e.to_string())])?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let (mut line_no, mut index, mut offset) = (0usize, 0usize, 0usize);
    loop {
        let mut lines: Vec<(usize, usize, usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        while lines.len() < BATCH {
            let mut line = Vec::new();
            let read = (&mut reader)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut line)
                .map_err(|e| vec![super::files::cannot_read(&name, &e.to_string())])?;
            if read == 0 {
                break;
            }
            progress.advance(read as u64);
            line_no += 1;
            let start = offset;
            offset += read;
            if read as u64 > MAX_LINE {
                return Err(vec![line_too_long(&name, line_no)]);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.push((line_no, index, start, line));
            index += 1;
        }
        if lines.is_empty() {
            break;
        }
        let parsed: Vec<Result<(usize, Record), Vec<Diagnostic>>> = lines
            .into_par_iter()
            .map(|(line_no, index, start, bytes)| {
                parse_line((program, &defaults), &name, (line_no, start), index, &bytes)
            })
            .collect();
        let mut batch = Vec::with_capacity(parsed.len());
        for p in parsed {
            match p {
                Ok(r) => batch.push(r),
                Err(e) => errors.extend(e),
            }
        }
        each(batch, errors);
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.truncate(MAX_ERRORS);
        Err(std::mem::take(errors))
    }
}

/// One line: UTF-8, then JSON, then a record of the regulation's fields.
fn parse_line(
    (program, defaults): (&Program, &[Option<Value>]),
    name: &str,
    (line_no, start): (usize, usize),
    index: usize,
    bytes: &[u8],
) -> Result<(usize, Record), Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let col = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).chars().count() + 1;
        vec![super::files::not_utf8(name, line_no, col, start + e.valid_up_to())]
    })?;
    let text = if line_no == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    // Positions are within the line: its break is not part of it.
    let text = text.trim_end_matches(['\n', '\r']);
    if let Some(record) = super::fast::record(program, defaults, text) {
        return Ok((index, record));
    }
    let json = json_text(name, text, line_no).map_err(|d| vec![d])?;
    read_record(program, &json, &format!("record {}", index + 1)).map(|r| (index, r))
}

/// Department names seen, by a hash of each (the names themselves would take more memory
/// than the scores). Two names with the same hash are checked against the file afterwards,
/// so a duplicate is reported only when the names are equal.
#[derive(Default)]
struct Names {
    first: HashMap<u64, u32>,
    same_hash: Vec<(u32, u32)>,
    hasher: std::collections::hash_map::RandomState,
}

impl Names {
    fn note(&mut self, index: usize, unit: &str) {
        let mut h = self.hasher.build_hasher();
        unit.hash(&mut h);
        let hash = std::hash::Hasher::finish(&h);
        match self.first.get(&hash) {
            Some(&first) => self.same_hash.push((first, index as u32)),
            None => {
                self.first.insert(hash, index as u32);
            }
        }
    }

    /// The duplicates among names with the same hash, found by reading their names again.
    fn verify(&mut self, program: &Program, path: &Path) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
        if self.same_hash.is_empty() {
            return Ok(Vec::new());
        }
        let wanted: std::collections::HashSet<usize> =
            self.same_hash.iter().flat_map(|&(a, b)| [a as usize, b as usize]).collect();
        let mut units: HashMap<usize, String> = HashMap::new();
        let mut errors = Vec::new();
        each_batch(program, path, &Quiet, &mut errors, |batch, _| {
            for (index, record) in batch {
                if wanted.contains(&index) {
                    units.insert(index, record.unit);
                }
            }
        })?;
        let field = &program.inputs[program.roles.unit].field;
        let mut out = Vec::new();
        for &(first, again) in &self.same_hash {
            let (a, b) = (units.get(&(first as usize)), units.get(&(again as usize)));
            if let (Some(a), Some(b)) = (a, b)
                && a == b
            {
                let at = At { record: format!("department \"{b}\""), path: field.clone(), cell: None };
                out.push(err::duplicate_unit(&at, first as usize + 1));
            }
        }
        self.same_hash.clear();
        Ok(out)
    }
}

fn line_too_long(name: &str, line: usize) -> Diagnostic {
    Diagnostic::error(
        "E0718",
        tr(
            format!("{name}:{line}: the line is longer than {} MB", MAX_LINE >> 20),
            format!("{name}:{line}：这一行超过 {} MB", MAX_LINE >> 20),
        ),
    )
    .help(tr(
        "JSON Lines holds one department's record a line; a JSON array belongs in a .json file",
        "JSON Lines 文件每行一个部门的记录；JSON 数组请存为 .json 文件",
    ))
}

/// A later pass found more records than the first: the file was written to during the run.
fn changed_during_run() -> Diagnostic {
    Diagnostic::error(
        "E0719",
        tr(
            "the data file changed while it was being evaluated (it now has more records)",
            "评估过程中数据文件发生了变化（记录比开始时多）",
        ),
    )
    .help(tr(
        "evaluate a file that nothing else is writing to; copy it first if need be",
        "请评估一个没有其他程序正在写入的文件；必要时先复制一份",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn a_record_beyond_the_first_pass_is_an_error_not_a_panic() {
        let text = include_str!("../../regulations/sichuan-2014.jx");
        let (program, _) = crate::compile(&SourceFile::new("sichuan-2014.jx", text)).expect("checks");
        let examples: serde_json::Value =
            serde_json::from_str(include_str!("../../examples/sichuan-2014/departments.json")).unwrap();
        let record = read_record(&program, &examples[0], "record 3").expect("reads");
        let params = crate::eval::parameters(&program, &[]);
        let rank = program.value_named("排名").expect("a ranking");
        let known = vec![(rank, vec![1, 2])];
        let errors = values_before(&program, &record, &params, 2, &known, None).expect_err("an error");
        assert_eq!(errors[0].code, "E0719");
        assert!(values_before(&program, &record, &params, 1, &known, None).is_ok());
    }
}

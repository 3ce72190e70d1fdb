//! Data files of any size, record by record, in memory bounded by what ranking needs.
//!
//! A ranking needs every record's key before any record's later values (`passes`). The data
//! is read once, a batch at a time (`data::batches`): each record is evaluated up to the first
//! ranking, its key kept (a group, a number and an index a record) and its values so far
//! written to a temporary file (`spill`). After the ranking, that file is read back for the
//! values up to the next ranking, and so on; the last pass hands the results on in input
//! order. Records are parsed and evaluated in parallel; no pass keeps the records in memory.
//! The data file is read again only to tell apart two names with the same hash, and to place
//! a fault of a JSON file.

use std::collections::HashMap;
use std::hash::BuildHasher;

use rayon::prelude::*;

use super::passes::{Plan, fresh};
use super::spill::{self, SpillReader, SpillWriter};
use super::{Record, UnitResult, Value};
use crate::data::batches::{BATCH, Cells, Data, Progress, Quiet, each_batch, each_batch_then, none_or_all};
use crate::data::err;
use crate::data::json_array::Source;
use crate::data::record::MAX_ERRORS;
use crate::data::record::name_at;
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;

/// One department's results with the inputs they came from, as handed to the output.
pub struct Evaluated {
    pub record: Record,
    pub result: UnitResult,
}

/// Evaluates data record by record, giving `sink` each batch of results in input order. The
/// sink's error stops the run.
pub fn evaluate_streamed<E>(
    program: &Program,
    params: &[Number],
    data: Data,
    progress: &dyn Progress,
    sink: &mut dyn FnMut(Vec<Evaluated>) -> Result<(), E>,
) -> Result<Result<(), E>, Vec<Diagnostic>> {
    super::check_bands(program, params)?;
    let plan = Plan::new(program, params);
    let size = match data.source {
        Source::File(path) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        Source::Bytes(bytes) => bytes.len() as u64,
    };
    progress.start(size * (plan.ranks.len() as u64 + 1));
    let mut run = Run { spill: None, keys: super::Keys::default(), outcome: Ok(()), sink };
    if !plan.ranks.is_empty() {
        run.spill = Some(SpillWriter::new().map_err(|e| vec![temp_failed(e)])?);
    }
    let mut names = Names::default();
    // Names are hashed by the thread that reads them; `names` notes the hashes in order.
    let hasher = std::collections::hash_map::RandomState::new();
    let mut errors = Vec::new();
    // The data: requirements, and the values up to the first ranking (or all of them), each
    // record as soon as it is read.
    let first = |record: Record, cells: Cells| {
        let hash = hasher.hash_one(&record.unit);
        let requirements = plan.requirement_errors(params, &record, cells.as_ref());
        if !requirements.is_empty() {
            return (hash, Err(requirements));
        }
        let result = fresh(program, &record);
        (hash, step(&plan, params, 0, record, result))
    };
    let read = each_batch_then(program, data, progress, &mut errors, first, |batch, errors| {
        let mut done = Vec::with_capacity(batch.len());
        for (index, (hash, step)) in batch {
            names.note(index, hash);
            done.push(step);
        }
        run.take(done, errors);
    });
    read?;
    if !errors.is_empty() {
        // A department given twice is reported beside the other faults, as reading whole does.
        if errors.len() < MAX_ERRORS {
            errors.extend(names.verify(program, data)?);
        }
        return none_or_all(&mut errors).map(|()| Ok(()));
    }
    none_or_all(&mut names.verify(program, data)?)?;
    // After each ranking: its ranks, then the values up to the next ranking (or the rest).
    for (k, rank) in plan.ranks.iter().enumerate() {
        let spilled = run.spill.take().map(SpillWriter::finish).transpose().map_err(|e| vec![temp_failed(e)])?;
        let Some(mut spilled) = spilled else { break };
        let ranked = std::mem::take(&mut run.keys).ranks(rank.ascending);
        if k + 1 < plan.ranks.len() {
            run.spill = Some(SpillWriter::new().map_err(|e| vec![temp_failed(e)])?);
        }
        let read_back = each_spilled(&mut spilled, progress, size, |batch| {
            let done: Vec<_> = batch
                .into_par_iter()
                .map(|(index, bytes)| {
                    let (record, mut result) = spill::decode(&bytes, program.inputs.len(), program.values.len())
                        .ok_or_else(|| vec![changed_during_run()])?;
                    let &place = ranked.get(index).ok_or_else(|| vec![changed_during_run()])?;
                    result.values[rank.value] = Value::Num(Number::int(place));
                    step(&plan, params, k + 1, record, result)
                })
                .collect();
            run.take(done, &mut errors);
            errors.len() < MAX_ERRORS
        })?;
        if errors.is_empty() && read_back != ranked.len() {
            // Fewer records came back than went in.
            errors.push(changed_during_run());
        }
        none_or_all(&mut errors)?;
    }
    Ok(run.outcome)
}

/// Reads the records of a temporary file a batch at a time (each with its index), giving each
/// batch to `each` until it returns false; the number of records read.
fn each_spilled(
    spilled: &mut SpillReader,
    progress: &dyn Progress,
    size: u64,
    mut each: impl FnMut(Vec<(usize, Vec<u8>)>) -> bool,
) -> Result<usize, Vec<Diagnostic>> {
    let (mut read, mut index) = (0u64, 0usize);
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        let before = read;
        while batch.len() < BATCH {
            let Some(bytes) = spilled.next().map_err(|e| vec![temp_failed(e)])? else { break };
            read += bytes.len() as u64 + 4;
            batch.push((index, bytes));
            index += 1;
        }
        if batch.is_empty() {
            return Ok(index);
        }
        progress.advance(scaled(read, spilled.bytes, size) - scaled(before, spilled.bytes, size));
        if !each(batch) {
            return Ok(index);
        }
    }
}

/// `part` of `whole` bytes of a temporary file, as bytes of the data file of `size`.
fn scaled(part: u64, whole: u64, size: u64) -> u64 {
    if whole == 0 { 0 } else { (u128::from(part) * u128::from(size) / u128::from(whole)) as u64 }
}

/// One record after a pass: its ranking key and itself, written for the next pass; or, after
/// the last pass, its results.
enum Step {
    Keyed { group: Option<Value>, key: Number, bytes: Vec<u8> },
    Done(Evaluated),
}

/// Pass `k` for one record, whose values before it are in `result`: its ranking key and
/// itself, written for the next pass, or its results after the last.
fn step(
    plan: &Plan,
    params: &[Number],
    k: usize,
    record: Record,
    mut result: UnitResult,
) -> Result<Step, Vec<Diagnostic>> {
    plan.pass(params, k, &record, &mut result, None).map_err(|f| vec![f.diagnostic])?;
    if k == plan.ranks.len() {
        return Ok(Step::Done(Evaluated { record, result }));
    }
    let (group, key) = plan.key(params, k, (&record, &result), false).map_err(|d| vec![d])?;
    let mut bytes = Vec::new();
    spill::encode(&record, &result, &plan.keep, &mut bytes);
    Ok(Step::Keyed { group, key, bytes })
}

/// What the passes hand on: ranking keys and the next pass's records, or results.
struct Run<'s, E> {
    spill: Option<SpillWriter>,
    keys: super::Keys,
    outcome: Result<(), E>,
    sink: &'s mut dyn FnMut(Vec<Evaluated>) -> Result<(), E>,
}

impl<E> Run<'_, E> {
    /// One batch's steps, in input order.
    fn take(&mut self, done: Vec<Result<Step, Vec<Diagnostic>>>, errors: &mut Vec<Diagnostic>) {
        let mut results = Vec::new();
        for step in done {
            match step {
                Err(e) => errors.extend(e),
                Ok(Step::Done(e)) => results.push(e),
                Ok(Step::Keyed { group, key, bytes }) => {
                    self.keys.push(&group, key);
                    if let Some(spill) = &mut self.spill
                        && let Err(e) = spill.write(&bytes)
                    {
                        errors.push(temp_failed(e));
                    }
                }
            }
        }
        if errors.is_empty() && self.outcome.is_ok() && !results.is_empty() {
            self.outcome = (self.sink)(results);
        }
    }
}

/// Department names seen, by a hash of each (the names themselves would take more memory
/// than the scores). Two names with the same hash are checked against the file afterwards,
/// so a duplicate is reported only when the names are equal.
#[derive(Default)]
struct Names {
    first: HashMap<u64, u32>,
    same_hash: Vec<(u32, u32)>,
}

impl Names {
    /// Department `index`, whose name has `hash` (the same hasher for every name of a run).
    fn note(&mut self, index: usize, hash: u64) {
        match self.first.get(&hash) {
            Some(&first) => self.same_hash.push((first, index as u32)),
            None => {
                self.first.insert(hash, index as u32);
            }
        }
    }

    /// The duplicates among names with the same hash (at most `MAX_ERRORS`), found by reading
    /// their names again, `MAX_ERRORS` pairs at a time (only names that merely share a hash
    /// need another reading). A name that does not come back means the file changed.
    fn verify(&mut self, program: &Program, data: Data) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
        let mut out = Vec::new();
        let pairs = std::mem::take(&mut self.same_hash);
        for chunk in pairs.chunks(MAX_ERRORS) {
            if out.len() >= MAX_ERRORS {
                break;
            }
            let wanted: std::collections::HashSet<usize> =
                chunk.iter().flat_map(|&(a, b)| [a as usize, b as usize]).collect();
            // Each wanted department's name, and its name as written.
            let mut names: HashMap<usize, (String, Option<String>)> = HashMap::new();
            // Faults in records were reported by the first reading; a fault of the file is one now.
            let mut faults = Vec::new();
            each_batch(program, data, &Quiet, &mut faults, |batch, _| {
                for (index, record, _) in batch {
                    if wanted.contains(&index) {
                        names.insert(index, (record.unit, record.written));
                    }
                }
            })?;
            for &(first, again) in chunk {
                let (Some(a), Some(b)) = (names.get(&(first as usize)), names.get(&(again as usize))) else {
                    let why = msg!("eval-changed-while-was-being-read");
                    return Err(vec![crate::data::files::cannot_read(data.name, &why)]);
                };
                if a.0 == b.0 && out.len() < MAX_ERRORS {
                    out.push(err::duplicate_unit(&name_at(program, &b.0), first as usize + 1, b.1.as_deref()));
                }
            }
        }
        Ok(out)
    }
}

/// A temporary file of the run did not read back as written: something else changed it.
fn changed_during_run() -> Diagnostic {
    Diagnostic::error("E0719", msg!("eval-temporary-file-run-was-changed"))
        .help(msg!("eval-run-again-if-happens-again"))
}

/// The temporary file that holds records between passes could not be written or read.
fn temp_failed(e: std::io::Error) -> Diagnostic {
    Diagnostic::error("E0719", msg!("cli-cannot-use-temporary-file-run", e))
        .help(msg!("eval-ranked-run-keeps-each-department"))
}

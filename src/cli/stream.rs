//! `jixiao eval` of data files into JSON, JSON Lines or CSV: record by record, on every
//! core, with a progress bar when stderr is a terminal.

use std::io::{IsTerminal, Seek, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::{Failure, R, stdout_error, write_error, write_through};
use crate::data::batches::{Data, Progress};
use crate::data::files::DataFormat;
use crate::data::json_array::Source;
use crate::diagnostic::Diagnostic;
use crate::eval::stream::evaluate_streamed;
use crate::lang::msg;
use crate::number::Number;
use crate::output::{ResultFormat, ResultWriter};
use crate::program::Program;

/// Files smaller than this finish before a progress bar would help.
const PROGRESS_FROM_BYTES: u64 = 32 << 20;

pub(super) fn evaluate(
    program: &Program,
    params: &[Number],
    (data, format): (&Path, DataFormat),
    (result_format, bom, set): (ResultFormat, bool, Option<String>),
    out: Option<&Path>,
    jobs: Option<usize>,
) -> R<()> {
    let pool = pool(jobs)?;
    let progress = Bar::new();
    let name = data.display().to_string();
    let data = Data { name: &name, format, source: Source::File(data) };
    let io_failure = |e: std::io::Error| -> Failure {
        match out {
            Some(path) => vec![write_error(path, &e)].into(),
            None => vec![cannot_hold(&e)].into(),
        }
    };
    let run = |w: &mut (dyn Write + Send)| -> R<()> {
        let mut writer =
            ResultWriter::start(program, result_format, w).map_err(io_failure)?.with_parameters_set(set.clone());
        if !bom {
            writer = writer.without_bom();
        }
        let outcome =
            pool.install(|| evaluate_streamed(program, params, data, &progress, &mut |batch| writer.write(&batch)));
        progress.0.finish_and_clear();
        outcome?.map_err(io_failure)?;
        writer.finish().map_err(io_failure)?;
        Ok(())
    };
    match out {
        Some(path) => write_through(path, run),
        // Nothing is printed unless every record reads and evaluates: the results wait in a
        // temporary file (a fault in the last record would otherwise follow printed results).
        None => {
            let held = tempfile::tempfile().map_err(|e| vec![cannot_hold(&e)])?;
            let mut held = std::io::BufWriter::with_capacity(1 << 20, held);
            run(&mut held)?;
            let mut held = held.into_inner().map_err(|e| vec![cannot_hold(e.error())])?;
            let copied = held.seek(std::io::SeekFrom::Start(0)).and_then(|_| {
                let mut stdout = std::io::stdout().lock();
                std::io::copy(&mut held, &mut stdout).and_then(|_| stdout.flush())
            });
            match copied {
                // `| head`: the reader has seen enough.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(vec![stdout_error(&e)].into()),
                Ok(()) => Ok(()),
            }
        }
    }
}

/// Whether data is read record by record: it can be read again (a file, not a pipe), and a
/// table's list rows are in the main table's order and its sheets plain (no merged or hidden
/// cells); other data is read whole. The check of a table runs on `pool`'s threads.
pub(super) fn streams(program: &Program, (data, format): (&Path, DataFormat), pool: &rayon::ThreadPool) -> bool {
    let rereadable = std::fs::metadata(data).is_ok_and(|m| m.is_file());
    let table = matches!(format, DataFormat::Csv | DataFormat::Xlsx);
    rereadable && (!table || pool.install(|| crate::data::table_stream::aligned(program, format, data)))
}

/// The temporary file that holds results until they are printed could not be used.
fn cannot_hold(e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("E0719", msg!("cli-cannot-use-temporary-file-run", e))
        .help(msg!("cli-results-printed-terminal-wait-temporary"))
}

/// The threads a run reads and evaluates on: `--jobs`, or one per core.
pub(super) fn pool(jobs: Option<usize>) -> R<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        // Formulas nest as deeply as a regulation writes them; evaluation recurses.
        .stack_size(64 << 20)
        .build()
        .map_err(|e| {
            vec![
                Diagnostic::error("E0908", msg!("cli-cannot-start-worker-threads-e", e))
                    .help(msg!("cli-run-fewer-threads-jobs-1")),
            ]
            .into()
        })
}

/// A bar over the bytes of every pass, on stderr when it is a terminal.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0);
        let template = msg!("cli-spinner-evaluating-bar-40-percent");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar)
    }
}

impl Progress for Bar {
    fn start(&self, total_bytes: u64) {
        if total_bytes < PROGRESS_FROM_BYTES {
            self.0.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        self.0.set_length(total_bytes);
    }

    fn advance(&self, bytes: u64) {
        self.0.inc(bytes);
    }
}

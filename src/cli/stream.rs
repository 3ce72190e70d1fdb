//! `jixiao eval` of data files into JSON, JSON Lines or CSV: record by record, on every
//! core, with a progress bar when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::{Failure, R, stdout_error, write_error, write_through};
use crate::data::batches::{Data, Progress};
use crate::data::json_array::Source;
use crate::diagnostic::Diagnostic;
use crate::eval::stream::evaluate_streamed;
use crate::lang::tr;
use crate::number::Number;
use crate::output::{ResultFormat, ResultWriter};
use crate::program::Program;

/// Files smaller than this finish before a progress bar would help.
const PROGRESS_FROM_BYTES: u64 = 32 << 20;

pub(super) fn evaluate(
    program: &Program,
    params: &[Number],
    data: &Path,
    (result_format, bom): (ResultFormat, bool),
    out: Option<&Path>,
    jobs: Option<usize>,
) -> R<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        // Formulas nest as deeply as a regulation writes them; evaluation recurses.
        .stack_size(64 << 20)
        .build()
        .map_err(|e| {
            vec![
                Diagnostic::error(
                    "E0908",
                    tr(format!("cannot start worker threads: {e}"), format!("无法启动工作线程：{e}")),
                )
                .help(tr("run with fewer threads (--jobs 1)", "请减少线程数（--jobs 1）")),
            ]
        })?;
    let progress = Bar::new();
    let name = data.display().to_string();
    let format = crate::data::files::DataFormat::detect(data).map_err(|d| vec![d])?;
    let data = Data { name: &name, format, source: Source::File(data) };
    let closed_pipe = std::cell::Cell::new(false);
    let io_failure = |e: std::io::Error| -> Failure {
        closed_pipe.set(out.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe);
        match out {
            Some(path) => vec![write_error(path, &e)].into(),
            None => vec![stdout_error(&e)].into(),
        }
    };
    let run = |w: &mut (dyn Write + Send)| -> R<()> {
        let mut writer = ResultWriter::start(program, result_format, w).map_err(io_failure)?;
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
        // `| head`: the reader has seen enough.
        None => run(&mut std::io::BufWriter::with_capacity(1 << 20, std::io::stdout()))
            .or_else(|f| if closed_pipe.get() { Ok(()) } else { Err(f) }),
    }
}

/// A bar over the bytes of every pass, on stderr when it is a terminal.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0);
        let template = tr(
            "{spinner} evaluating [{bar:40}] {percent}% {elapsed_precise} (about {eta} left)",
            "{spinner} 正在评估 [{bar:40}] {percent}% 已用 {elapsed_precise}（约剩 {eta}）",
        );
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

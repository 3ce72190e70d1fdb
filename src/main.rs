//! The `jixiao` command: a thin wrapper over the library's CLI.

/// Evaluation makes many small, short-lived allocations (values, lists, lines of output);
/// mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // A generous stack: formulas are walked recursively (their depth is bounded by the parser).
    let worker = std::thread::Builder::new().stack_size(64 * 1024 * 1024).spawn(jixiao::cli::main);
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("jixiao: internal error; please report it with the files that caused it");
            std::process::ExitCode::from(70)
        }
    }
}

//! The `jixiao` command: a thin wrapper over the library's CLI.

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

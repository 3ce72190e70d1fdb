//! The hand-written Jiangsu evaluator as a program: `cargo bench --bench jiangsu_by_hand --
//! DATA.jsonl OUT.jsonl`. `benches/run.sh` times it beside `jixiao eval`.

#[path = "yardstick/jiangsu.rs"]
mod jiangsu;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: jiangsu_by_hand DATA.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let run = || -> Result<(), String> {
        let input = std::io::BufReader::new(std::fs::File::open(data).map_err(|e| e.to_string())?);
        let mut output = std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| e.to_string())?);
        jiangsu::run(input, &mut output)?;
        std::io::Write::flush(&mut output).map_err(|e| e.to_string())
    };
    if let Err(e) = run() {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

//! Memory stays bounded whatever the size of the data: a JSON array of 200,000 records is
//! read element by element, not as a whole, and ranked through a temporary file; a workbook
//! of 40,000 departments is read a row at a time. The peak
//! resident memory of the run is read from the operating system (`wait4`), not estimated.
//! Linux only: elsewhere the peak is counted in other units, or not at all.
#![cfg(target_os = "linux")]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A small regulation with a list of records per department and a ranking (which keeps
/// every record's key until all are read).
const REGULATION: &str = r#"办法 "内存测试"
输入 部门：文本
输入 得分：分数 0 至 100
输入 项目：列表 记录 { 名称：文本，得分：分数 0 至 100 } 非空
计算 项目平均 = 合计(项目.得分) ÷ 3
计算 总分 = 得分 × 60% + 项目平均 × 40% 保留 2 位
排名 排名 按 总分
公布 { 单位：部门；得分：总分；排名：排名 }
"#;

const RECORDS: usize = 200_000;
/// Reading the whole array first took several hundred MB for these records.
const LIMIT_MB: u64 = 120;

#[test]
fn a_json_array_of_200000_records_evaluates_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let regulation = tmp.path().join("内存.jx");
    std::fs::write(&regulation, REGULATION).unwrap();
    let data = tmp.path().join("数据.json");
    write_array(&data, RECORDS);
    let size_mb = std::fs::metadata(&data).unwrap().len() >> 20;

    let out = tmp.path().join("结果.jsonl");
    let (status, peak_mb) = eval_with_peak(&regulation, &data, &out, &["--jobs", "2"]);
    assert_eq!(status, 0, "jixiao failed");
    eprintln!("{RECORDS} records ({size_mb} MB as a JSON array): peak {peak_mb} MB");
    assert!(peak_mb < LIMIT_MB, "peak memory {peak_mb} MB for {RECORDS} records ({size_mb} MB of JSON)");

    let results = std::fs::read_to_string(&out).unwrap();
    assert_eq!(results.lines().count(), RECORDS);
    let last = results.lines().last().unwrap();
    assert!(last.contains("单位199999") && last.contains("\"rank\""), "{last}");
}

/// Departments in the workbook of `a_workbook_is_read_a_row_at_a_time`, with three list rows
/// each on a sheet of their own.
const SHEET_ROWS: usize = 40_000;
/// Reading the workbook whole took about 200 MB for these rows (34 MB row by row).
const SHEET_LIMIT_MB: u64 = 100;

/// A workbook of 40,000 departments and 120,000 list rows evaluates to JSON a row at a time,
/// in bounded memory, with the results of the same records given as a JSON array.
#[test]
fn a_workbook_is_read_a_row_at_a_time() {
    let tmp = tempfile::tempdir().unwrap();
    let regulation = tmp.path().join("内存.jx");
    std::fs::write(&regulation, REGULATION).unwrap();
    let (xlsx, json) = (tmp.path().join("数据.xlsx"), tmp.path().join("数据.json"));
    write_workbook_and_json(&regulation, &xlsx, &json);
    let size_mb = std::fs::metadata(&xlsx).unwrap().len() >> 20;
    let (from_xlsx, from_json) = (tmp.path().join("表格结果.json"), tmp.path().join("结果.json"));
    let (status, peak_mb) = eval_with_peak(&regulation, &xlsx, &from_xlsx, &[]);
    assert_eq!(status, 0, "jixiao failed");
    eprintln!("{SHEET_ROWS} departments ({size_mb} MB as XLSX): peak {peak_mb} MB");
    assert!(peak_mb < SHEET_LIMIT_MB, "peak memory {peak_mb} MB for {SHEET_ROWS} departments ({size_mb} MB of XLSX)");
    assert_eq!(eval_with_peak(&regulation, &json, &from_json, &[]).0, 0);
    let results = std::fs::read(&from_xlsx).unwrap();
    assert!(results == std::fs::read(&from_json).unwrap(), "the workbook's results differ from the JSON's");
}

/// The same departments as a JSON array and, converted by `jixiao convert` in a process of its
/// own (whose memory is not this one's), as a workbook with sheets 部门 and 项目. A child's peak
/// counts the memory of the process that starts it, until it starts: this one stays small.
fn write_workbook_and_json(regulation: &Path, xlsx: &Path, json: &Path) {
    write_array(json, SHEET_ROWS);
    let (r, j, x) = (regulation.to_str().unwrap(), json.to_str().unwrap(), xlsx.to_str().unwrap());
    let convert = Command::new(env!("CARGO_BIN_EXE_jixiao")).args(["convert", r, j, "-o", x]).output().unwrap();
    assert!(convert.status.success(), "{}", String::from_utf8_lossy(&convert.stderr));
}

/// `n` departments of `REGULATION` as a JSON array, one a line, each with three items.
fn write_array(path: &Path, n: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    file.write_all(b"[\n").unwrap();
    for i in 0..n {
        let comma = if i + 1 < n { "," } else { "" };
        let (a, b, c) = (i % 39 + 60, i % 37 + 60, i % 29 + 70);
        writeln!(
            file,
            r#"  {{"部门": "单位{i:06}", "得分": {a}.5, "项目": [{{"名称": "甲", "得分": {b}}}, {{"名称": "乙", "得分": {c}}}, {{"名称": "丙", "得分": 88.25}}]}}{comma}"#
        )
        .unwrap();
    }
    file.write_all(b"]\n").unwrap();
    file.flush().unwrap();
}

/// `jixiao eval REGULATION DATA -o OUT` with `more` arguments: its exit status and its peak
/// resident memory in MB.
// The child is waited for by `wait4`, which gives its peak memory, not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn eval_with_peak(regulation: &Path, data: &Path, out: &Path, more: &[&str]) -> (i32, u64) {
    let (r, d, o) = (regulation.to_str().unwrap(), data.to_str().unwrap(), out.to_str().unwrap());
    let child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["eval", r, d, "-o", o])
        .args(more)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let (status, peak_kb) = wait_with_peak(child.id() as libc::pid_t);
    (status, peak_kb >> 10)
}

/// Waits for the process and gives its exit status and its peak resident memory in KB.
fn wait_with_peak(pid: libc::pid_t) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: `wait4` writes only into the two values passed, which live for the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    (code, usage.ru_maxrss as u64)
}

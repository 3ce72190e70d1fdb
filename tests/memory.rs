//! Memory stays bounded whatever the size of the data: a JSON array of 200,000 records is
//! read element by element, not as a whole, and ranked through a temporary file. The peak
//! resident memory of the run is read from the operating system (`wait4`), not estimated.
//! Linux only: elsewhere the peak is counted in other units, or not at all.
#![cfg(target_os = "linux")]

mod common;

use std::io::Write;
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
// The child is waited for by `wait4`, which gives its peak memory, not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn a_json_array_of_200000_records_evaluates_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let regulation = tmp.path().join("内存.jx");
    std::fs::write(&regulation, REGULATION).unwrap();
    let data = tmp.path().join("数据.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&data).unwrap());
    file.write_all(b"[\n").unwrap();
    for i in 0..RECORDS {
        let comma = if i + 1 < RECORDS { "," } else { "" };
        let (a, b, c) = (i % 39 + 60, i % 37 + 60, i % 29 + 70);
        writeln!(
            file,
            r#"  {{"部门": "单位{i:06}", "得分": {a}.5, "项目": [{{"名称": "甲", "得分": {b}}}, {{"名称": "乙", "得分": {c}}}, {{"名称": "丙", "得分": 88.25}}]}}{comma}"#
        )
        .unwrap();
    }
    file.write_all(b"]\n").unwrap();
    file.flush().unwrap();
    drop(file);
    let size_mb = std::fs::metadata(&data).unwrap().len() >> 20;

    let out = tmp.path().join("结果.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "eval",
            regulation.to_str().unwrap(),
            data.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--jobs",
            "2",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let (status, peak_kb) = wait_with_peak(child.id() as libc::pid_t);
    assert_eq!(status, 0, "jixiao failed");
    let peak_mb = peak_kb >> 10;
    eprintln!("{RECORDS} records ({size_mb} MB as a JSON array): peak {peak_mb} MB");
    assert!(peak_mb < LIMIT_MB, "peak memory {peak_mb} MB for {RECORDS} records ({size_mb} MB of JSON)");

    let results = std::fs::read_to_string(&out).unwrap();
    assert_eq!(results.lines().count(), RECORDS);
    let last = results.lines().last().unwrap();
    assert!(last.contains("单位199999") && last.contains("\"rank\""), "{last}");
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

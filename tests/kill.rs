//! `kill -9` during `--fix`, hundreds of times over hundreds of files: every
//! article is its old text or its fixed text after every kill, never
//! truncated or mixed, and what a kill leaves behind is only galley's own
//! temporary files (`.galley-XXXXXX.tmp`, reported by a later `--fix` once
//! stale). Runs in CI in well under a minute (each kill waits up to one uninterrupted run's time).

use std::path::Path;
use std::process::{Command, Stdio};

const FILES: usize = 300;
const KILLS: usize = 200;

fn article(i: usize) -> String {
    format!(
        "Talks in Minsk, part {i}\n\n{}\n",
        "The the delegation met officials in Belarussia on Monday, and trade grew. "
            .repeat(60 + i % 40)
    )
}

/// A small deterministic generator: the delays differ from kill to kill
/// and from run to run of the suite alike.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn check_all(dir: &Path, old: &[String], new: &[String], kill: usize) -> usize {
    let mut fixed = 0;
    for (i, (o, n)) in old.iter().zip(new).enumerate() {
        let now = std::fs::read_to_string(dir.join(format!("a{i:03}.txt"))).unwrap();
        assert!(
            now == *o || now == *n,
            "a{i:03}.txt after kill {kill}: {} bytes, neither old ({}) nor fixed ({})",
            now.len(),
            o.len(),
            n.len()
        );
        fixed += usize::from(now == *n);
    }
    fixed
}

#[test]
fn hundreds_of_kills_during_fix_leave_every_file_old_or_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("galley");
    let old: Vec<String> = (0..FILES).map(article).collect();
    // The fixed text of each, from one uninterrupted run on a copy.
    let reference = tempfile::tempdir().unwrap();
    for (i, t) in old.iter().enumerate() {
        std::fs::write(reference.path().join(format!("a{i:03}.txt")), t).unwrap();
    }
    let started = std::time::Instant::now();
    Command::new(&bin)
        .current_dir(reference.path())
        .args(["check", "--no-config", "--fix", "--quiet", "."])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    // Kills land anywhere in a run's time, most of them while files are written.
    let run_ms = u64::try_from(started.elapsed().as_millis())
        .unwrap_or(1000)
        .max(20);
    let new: Vec<String> = (0..FILES)
        .map(|i| std::fs::read_to_string(reference.path().join(format!("a{i:03}.txt"))).unwrap())
        .collect();
    assert!(old.iter().zip(&new).all(|(o, n)| o != n));

    let mut rng = Lcg(0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id()));
    let reset = |dir: &Path| {
        for (i, t) in old.iter().enumerate() {
            std::fs::write(dir.join(format!("a{i:03}.txt")), t).unwrap();
        }
    };
    reset(dir.path());
    let mut kills_mid_run = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(&bin)
            .current_dir(dir.path())
            .args([
                "check",
                "--no-config",
                "--fix",
                "--quiet",
                "--format",
                "short",
                ".",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1 + rng.next(run_ms)));
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let _ = child.wait();
        let fixed = check_all(dir.path(), &old, &new, kill);
        if !finished && fixed > 0 && fixed < FILES {
            kills_mid_run += 1;
        }
        // Start over once everything is fixed, so that kills keep landing mid-run.
        if fixed == FILES {
            reset(dir.path());
        }
    }
    // Most kills must have landed while files were being written, or this proved little.
    assert!(
        kills_mid_run >= KILLS / 4,
        "only {kills_mid_run} kills landed mid-run"
    );
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".txt") || (name.starts_with(".galley-") && name.ends_with(".tmp")),
            "a kill left {name}"
        );
    }
}

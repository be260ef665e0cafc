//! Writes a seeded corpus of news-like articles for benchmarking galley.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out DIR --size 100MB --seed 42
//! ```
//!
//! `--size` takes `5MB`, `100MB`, `1GB` (binary units) or bytes;
//! `--manifest FILE` writes one line per defective article: its path and
//! the injected defects with the rules expected to report them. The same
//! seed and size always give a byte-identical corpus. The generator itself
//! is `examples/gen_corpus/corpus.rs`, shared with the smoke test and the
//! micro-benchmarks.

#[path = "gen_corpus/corpus.rs"]
mod corpus;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen_corpus --out DIR [--size 100MB] [--seed 42] [--manifest FILE]";

fn main() -> ExitCode {
    let mut out: Option<PathBuf> = None;
    let mut size = 100u64 << 20;
    let mut seed = 42u64;
    let mut manifest: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        let parsed = match arg.as_str() {
            "--out" => value("--out").map(|v| out = Some(v.into())),
            "--size" => value("--size").and_then(|v| {
                corpus::parse_size(&v)
                    .map(|n| size = n)
                    .ok_or_else(|| format!("--size: cannot read '{v}' (try 5MB, 100MB, 1GB)"))
            }),
            "--seed" => value("--seed").and_then(|v| {
                v.parse()
                    .map(|n| seed = n)
                    .map_err(|_| format!("--seed: '{v}' is not a number"))
            }),
            "--manifest" => value("--manifest").map(|v| manifest = Some(v.into())),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument '{other}'\n{USAGE}")),
        };
        if let Err(e) = parsed {
            eprintln!("gen_corpus: {e}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("gen_corpus: --out DIR is required\n{USAGE}");
        return ExitCode::from(2);
    };
    if std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!(
            "gen_corpus: {} is not empty; remove it or choose another --out",
            out.display()
        );
        return ExitCode::from(2);
    }
    let start = Instant::now();
    let summary = match corpus::write_corpus(&out, size, seed) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gen_corpus: writing {}: {e}", out.display());
            return ExitCode::from(1);
        }
    };
    if let Some(path) = manifest {
        let write = || -> std::io::Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
            for (file, defects) in &summary.manifest {
                write!(f, "{file}")?;
                for d in defects {
                    write!(f, "\t{}={}", d.name(), d.rule())?;
                }
                writeln!(f)?;
            }
            f.flush()
        };
        if let Err(e) = write() {
            eprintln!("gen_corpus: writing {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    eprintln!(
        "gen_corpus: {} files ({} Markdown, {} with defects), {:.1} MiB in {} in {:.1} s",
        summary.files,
        summary.markdown,
        summary.defective,
        summary.bytes as f64 / (1 << 20) as f64,
        out.display(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

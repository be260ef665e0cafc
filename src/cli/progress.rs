//! A progress bar on standard error for long runs: shown only when standard
//! error is a terminal, not in CI (`CI` set) and not with `--quiet`, and
//! only once the run has taken a second, so short runs print nothing extra.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs shorter than this show no bar.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

/// Counts one file as done when dropped (after it is checked).
pub struct Tick<'a>(&'a Progress);

impl Drop for Tick<'_> {
    fn drop(&mut self) {
        let p = self.0;
        let Some(bar) = &p.bar else { return };
        bar.inc(1);
        if !p.shown.load(Ordering::Relaxed)
            && p.start.elapsed() >= SHOW_AFTER
            && !p.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

/// Whether a bar may be drawn: a person watching a terminal, no CI log.
pub fn wanted(quiet: bool) -> bool {
    !quiet
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false")
}

impl Progress {
    pub fn new(files: usize, quiet: bool) -> Progress {
        let bar = (wanted(quiet) && files > 1).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files checked, {rate}/s, {eta} left",
            ) {
                // Whole files per second: `{per_sec}` prints four decimals.
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}", state.per_sec());
                    },
                ));
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    pub fn tick(&self) -> Tick<'_> {
        Tick(self)
    }

    /// Clears the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

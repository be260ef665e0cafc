use std::process::ExitCode;

fn main() -> ExitCode {
    match galley::cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed pipe (`galley check | head`) is the reader's choice, not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // Paths and values in errors come from untrusted input: shown escaped.
            let visible = |s: String| galley::output::escape::visible(&s).into_owned();
            eprintln!("error: {}", visible(e.to_string()));
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {}", visible(cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

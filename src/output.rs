//! Where text leaves the process. Everything passes through the secret redactor on its way out.

use std::io::Write;
use std::path::Path;

use colored::Colorize;

/// Writes a rendered report to stdout, or to `--output FILE`.
pub fn emit(text: &str, file: Option<&Path>) -> anyhow::Result<()> {
    let text = crate::redact::redact(text);
    match file {
        Some(path) => std::fs::write(path, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("cannot write the report to {}: {e}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`doctor … | head`) is not an error worth a message.
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(()),
            }
        }
    }
}

/// A line for the user on stderr (notes, progress words), redacted.
pub fn note(text: &str) {
    eprintln!("{}", crate::redact::redact(text));
}

/// A fatal error message on stderr.
pub fn error_line(text: &str) {
    eprintln!("{} {}", "error:".red().bold(), crate::redact::redact(text));
}

//! Where text leaves the process. Everything passes through the secret redactor on its way out.

use std::io::Write;
use std::path::Path;

use colored::Colorize;

/// Makes sure `--output FILE` can be written before anything runs: it must be a regular file or
/// not exist yet (a FIFO would block, a device such as `/dev/full` cannot hold a report, a
/// directory is no file), in a directory that exists. Creates it, so a bad path is exit 2 with
/// nothing checked rather than a finished run whose result is lost.
pub fn prepare(path: &Path) -> anyhow::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            anyhow::bail!("cannot write the report to {}: it is not a regular file", path.display())
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => anyhow::bail!("cannot write the report to {}: {e}", path.display()),
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot write the report to {}: {e}", path.display()))?;
    Ok(())
}

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

/// Writes a line to stderr, ignoring a closed or full stderr (`doctor -v 2>&1 | head -1`):
/// `eprintln!` would panic there, turning a healthy run into errors.
pub fn stderr_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// A line for the user on stderr (notes, progress words), redacted.
pub fn note(text: &str) {
    stderr_line(&crate::redact::redact(text));
}

/// A fatal error message on stderr: redacted, and made safe for the terminal line by line
/// (an echoed `--profile` or `--only` value may hold escape sequences).
pub fn error_line(text: &str) {
    let safe = crate::sanitize::for_terminal_lines(&crate::redact::redact(text));
    stderr_line(&format!("{} {safe}", "error:".red().bold()));
}

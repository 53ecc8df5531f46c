//! One decision, made once, about what the terminal can show: colour (`--color`, `NO_COLOR`,
//! `TERM=dumb`, not a terminal) and Unicode symbols (a UTF-8 locale), and whether spinners may
//! be drawn. Renderers receive the decision; they never look at the environment themselves.

use std::io::IsTerminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    /// Columns to wrap to: `COLUMNS`, else the terminal's width, else 100.
    pub width: usize,
}

/// Text wraps to this many columns when the output is not a terminal and `COLUMNS` is unset.
pub const DEFAULT_WIDTH: usize = 100;

impl Style {
    pub const PLAIN: Style = Style { color: false, unicode: false, width: DEFAULT_WIDTH };

    /// `to_terminal` is false when the output goes to a file.
    pub fn detect(choice: ColorChoice, to_terminal: bool) -> Style {
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && std::io::stdout().is_terminal() && !no_color && !dumb,
        };
        colored::control::set_override(color);
        Style { color, unicode: utf8_locale() && !dumb, width: width(to_terminal) }
    }
}

/// `COLUMNS` when it is a sane number, else the terminal's width, else `DEFAULT_WIDTH`.
fn width(to_terminal: bool) -> usize {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()) {
        return columns.clamp(40, 400);
    }
    if to_terminal && std::io::stdout().is_terminal() {
        return textwrap::termwidth().clamp(40, 400);
    }
    DEFAULT_WIDTH
}

fn utf8_locale() -> bool {
    if cfg!(windows) {
        return true;
    }
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            if !value.is_empty() {
                let v = value.to_ascii_lowercase();
                return v.contains("utf-8") || v.contains("utf8");
            }
        }
    }
    false
}

/// Spinners only on an interactive stderr, never in CI.
pub fn spinners_allowed() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && !std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

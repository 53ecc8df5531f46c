//! One Report, one renderer per format: human (a checklist), JSON (interface.md), JUnit XML
//! (CI) and Markdown (paste into a support ticket). Renderers only read the Report.

pub mod accept;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod model;
pub mod sweep;

pub use model::{exit_code, unaccepted, AllReport, CheckResult, Document, FailOn, Report, Summary};

use crate::term::Style;
use model::Status;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Junit,
    Markdown,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
        }
    }
}

pub trait Renderer {
    fn render(&self, document: &Document) -> String;
}

/// The renderer of `format`; `quiet` keeps only problems, `verbose` shows every check (human).
pub fn renderer(format: Format, style: Style, quiet: bool, verbose: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(human::Human { style, quiet, verbose }),
        Format::Json => Box::new(json::Json),
        Format::Junit => Box::new(junit::Junit),
        Format::Markdown => Box::new(markdown::Markdown),
    }
}

/// The failing and erroring checks, as "what was expected vs what was seen", for support.
pub fn support_lines(report: &Report) -> Vec<String> {
    report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Error))
        .map(|c| format!("{} [{}]: expected \"{}\"; saw: {}", c.id, c.status.as_str(), c.title, c.detail))
        .collect()
}

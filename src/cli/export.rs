//! `study-planner export`: the plan as PDF, iCalendar, Markdown or CSV, from the learner's saved
//! progress and plan with this run's plan flags on top. The bytes come from
//! [`crate::export::export`], the same function the window's "Export…" uses.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};
use clap::{Args, ValueEnum};

use super::plan::PlanArgs;
use crate::clock::Clock;
use crate::date::PlanDate;
use crate::export::{CalendarEvents, ExportFormat, ExportInput, Paper, export_described};

/// `export` arguments.
#[derive(Clone, Debug, PartialEq, Args)]
pub struct ExportArgs {
    /// pdf = a printable plan, ics = calendar events, md = Markdown checklists,
    /// csv = one row per item for spreadsheets
    #[arg(long, value_enum)]
    pub format: FormatArg,

    /// Write to FILE instead of standard output (a PDF needs it when stdout is a terminal)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Paper size of the PDF [default: from the locale: letter in the US and Canada, else a4]
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,

    /// Treat this day as today: the PDF's today line and print date, the calendar's
    /// timestamps. Gives the same file on every run [default: the system date]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<PlanDate>,

    /// Calendar: one event per phase only, without an event for each week
    #[arg(long)]
    pub phases_only: bool,

    #[command(flatten)]
    pub plan: PlanArgs,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Ics,
    Md,
    Csv,
}

impl From<FormatArg> for ExportFormat {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Pdf => Self::Pdf,
            FormatArg::Ics => Self::Ics,
            FormatArg::Md => Self::Md,
            FormatArg::Csv => Self::Csv,
        }
    }
}

/// `--paper` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(value: PaperArg) -> Self {
        match value {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

/// Loads the roadmap and the saved progress, exports, and writes the result.
pub fn run(cli: &super::Cli, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = ExportFormat::from(args.format);
    // Refuse before doing any work: binary data would garble the terminal.
    if args.out.is_none() && !format.is_text() && std::io::stdout().is_terminal() {
        return Err(anyhow!(
            "a PDF is binary; give a file with --out FILE.pdf (or redirect standard output)"
        ));
    }
    let roadmap = super::load_roadmap(cli)?;
    let progress = super::plan::saved_progress(cli, &roadmap)?;
    let today = args
        .today
        .map_or_else(|| Clock::system().today(), PlanDate::get);
    let plan = args.plan.plan_for(roadmap, progress, today);
    let paper = args.paper.map_or_else(Paper::from_locale, Paper::from);
    let input = ExportInput { plan: &plan, paper };
    let events = if args.phases_only {
        CalendarEvents::Phases
    } else {
        CalendarEvents::PhasesAndWeeks
    };
    let exported = export_described(format, &input, events)?;
    match &args.out {
        Some(path) => {
            write_file(path, &exported.bytes)?;
            // Standard output stays clean for pipes; the word on what was written goes to
            // standard error, as a person running it by hand wants to see.
            eprintln!("Wrote {}: {}", path.display(), exported.contents);
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&exported.bytes)
                .and_then(|()| stdout.flush())
                .context("cannot write to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to `path` atomically: a reader never sees half a file, and a failed write
/// leaves any earlier file in place.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    crate::storage::atomic_write(&crate::storage::RealFs, path, bytes)
        .map_err(|err| anyhow!("cannot write the file ({}): {}", err.source, path.display()))
}

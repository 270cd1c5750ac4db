//! The command line: every feature of the app is reachable from here, and every mistake in
//! the arguments or files becomes a message and a non-zero exit, never a panic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

pub mod export;
pub mod plan;
pub mod week;

use crate::app::{AppOptions, View};
use crate::roadmap::{self, Roadmap};

/// A study planner: phase cards, a timeline and a week-by-week plan for a learning roadmap.
#[derive(Debug, Parser)]
#[command(name = "study-planner", version, about, long_about = None)]
pub struct Cli {
    /// Use this roadmap file (same RON schema as the embedded one) instead of the embedded
    /// Python roadmap.
    #[arg(long, global = true, value_name = "FILE")]
    pub roadmap: Option<PathBuf>,

    /// Keep the learner's data (progress, plan, window) in DIR instead of the OS data directory.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "STUDY_PLANNER_DATA_DIR"
    )]
    pub data_dir: Option<PathBuf>,

    /// Open the window, let it settle, write a PNG of it to FILE and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,

    /// The view to open (with or without --screenshot). Without it the window opens on "week"
    /// while your plan is under way (a start date set, not yet finished), otherwise on the
    /// view you last chose (cards at first).
    #[arg(long, value_enum)]
    pub view: Option<ViewArg>,

    /// Open the window on this roadmap: a .ron file, or a Markdown (.md) or text (.txt)
    /// roadmap, imported in memory as `study-planner import` would. The same as --roadmap;
    /// it is what a file manager's "Open with" passes.
    #[arg(value_name = "FILE", conflicts_with = "roadmap")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a roadmap file: prints FILE:LINE:COL: message and exits 1 when it is broken, or a
    /// summary and its format when it is good. Format 1 keeps resources on phases only;
    /// format 2 also lets every topic and hands-on item carry its own `resources`. Both are
    /// read.
    Check {
        /// The roadmap file to check.
        file: PathBuf,
    },
    /// Print the schedule: each phase's start, end, weeks and progress. Dates are ISO
    /// (YYYY-MM-DD) and END IS INCLUSIVE: the last day of that phase. The flags change the
    /// saved plan for this run only.
    Plan {
        #[command(flatten)]
        plan: plan::PlanArgs,
        /// Plan the weekly hours to finish on or before DATE: prints the hours per week that
        /// needs and the plan at those hours, or why it cannot be done
        #[arg(long, value_name = "DATE", value_parser = plan::parse_day)]
        finish_by: Option<chrono::NaiveDate>,
        /// Print JSON: {"start", "finish", "phases": [{"id", "title", "start", "end", "weeks",
        /// "optional", "progress": {"complete", "total"}}], "breaks": [{"start", "end",
        /// "label", "weeks"}], "finish_by": {"date", "hours_per_week"}, ...}; "end" and
        /// "finish" are inclusive
        #[arg(long)]
        json: bool,
    },
    /// Turn a roadmap written as Markdown (.md) or plain text (.txt) into the roadmap format
    /// (RON), printed to standard output unless --out FILE is given. Every line it cannot
    /// place is reported on standard error as FILE:LINE: skipped "…" (why).
    Import {
        /// The Markdown or text file.
        file: PathBuf,
        /// Write the roadmap here instead of standard output.
        #[arg(long, value_name = "FILE.ron")]
        out: Option<PathBuf>,
    },
    /// This week of the plan: dates, phase, items with their state, catch-up from earlier
    /// weeks, next up, and whether you are on track.
    Week(week::WeekArgs),
    /// Export the plan: a printable PDF, calendar events (.ics), Markdown checklists or CSV.
    /// Text formats go to standard output unless --out FILE is given.
    Export(export::ExportArgs),
}

/// The views of the main window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// This week: what to study now, catch-up, next up, on track.
    Week,
    Cards,
    Timeline,
    Weeks,
}

impl From<ViewArg> for View {
    fn from(value: ViewArg) -> Self {
        match value {
            ViewArg::Week => View::ThisWeek,
            ViewArg::Cards => View::Cards,
            ViewArg::Timeline => View::Timeline,
            ViewArg::Weeks => View::Weeks,
        }
    }
}

/// Parses the process arguments and runs.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout and mistakes to stderr, with the right code.
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return Ok(ExitCode::from(code));
        }
    };
    run_cli(cli)
}

/// Runs an already parsed command line.
pub fn run_cli(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { ref file }) => Ok(check(file)),
        Some(Command::Plan {
            ref plan,
            finish_by,
            json,
        }) => plan::run(&cli, plan, finish_by, json),
        Some(Command::Week(ref args)) => week::run(&cli, args),
        Some(Command::Export(ref args)) => export::run(&cli, args),
        Some(Command::Import { ref file, ref out }) => import(file, out.as_deref()),
        None => open_window(&cli),
    }
}

fn check(file: &Path) -> ExitCode {
    match roadmap::read_roadmap_file(file) {
        Ok(roadmap) => {
            println!("{}: ok: {}", file.display(), roadmap.summary_line());
            println!("{}: {}", file.display(), roadmap.format_text());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            // The line itself with a caret under the column, as compilers show it.
            if let Some(position) = err.position
                && let Ok(bytes) = std::fs::read(file)
                && let Some(excerpt) = roadmap::excerpt(&String::from_utf8_lossy(&bytes), position)
            {
                eprintln!("{excerpt}");
            }
            ExitCode::FAILURE
        }
    }
}

/// `study-planner import`: the notes go to standard error, the RON to standard output or
/// `--out` (written atomically, so a half-written roadmap never replaces a good one).
fn import(file: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let imported = match crate::import::read_file(file) {
        Ok(imported) => imported,
        Err(err) => {
            eprintln!("{err}");
            return Ok(ExitCode::FAILURE);
        }
    };
    for message in imported.messages() {
        eprintln!("{message}");
    }
    let ron = imported.to_ron();
    match out {
        Some(path) => {
            crate::storage::atomic_write(&crate::storage::RealFs, path, ron.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "{}: wrote {}: {}",
                file.display(),
                path.display(),
                imported.roadmap.summary_line()
            );
        }
        None => print!("{ron}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The roadmap the command line asks for: `--roadmap FILE` or the embedded one.
pub fn load_roadmap(cli: &Cli) -> anyhow::Result<Roadmap> {
    match cli.file.as_ref().or(cli.roadmap.as_ref()) {
        Some(path) => read_any_roadmap(path),
        None => Ok(roadmap::embedded()),
    }
}

/// A `.ron` roadmap, or a Markdown or text one imported in memory (what the import could not
/// place is said on standard error, as `study-planner import` says it).
pub fn read_any_roadmap(path: &Path) -> anyhow::Result<Roadmap> {
    if crate::import::SourceKind::of_path(path).is_some() {
        let imported = crate::import::read_file(path).map_err(|err| anyhow!("{err}"))?;
        for message in imported.messages() {
            eprintln!("{message}");
        }
        return Ok(imported.roadmap);
    }
    roadmap::read_roadmap_file(path).map_err(|err| anyhow!("{err}"))
}

/// `--data-dir`, `STUDY_PLANNER_DATA_DIR`, or the OS data directory.
pub fn data_dir(cli: &Cli) -> anyhow::Result<PathBuf> {
    match &cli.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => crate::paths::default_data_dir()
            .context("cannot find the OS data directory (no home directory?); pass --data-dir DIR"),
    }
}

fn open_window(cli: &Cli) -> anyhow::Result<ExitCode> {
    // A roadmap that does not load opens the window on a screen that says why (with Reload
    // and Open another…), rather than exiting; a screenshot run still fails at once.
    let (roadmap, broken) = match cli.file.as_ref().or(cli.roadmap.as_ref()) {
        None => (roadmap::embedded(), None),
        Some(path) => match crate::app::load_roadmap_file(path) {
            Ok(roadmap) => (roadmap, None),
            Err(problem) if cli.screenshot.is_none() => {
                eprintln!("{problem}");
                if let Some(excerpt) = &problem.excerpt {
                    eprintln!("{excerpt}");
                }
                (roadmap::embedded(), Some(problem))
            }
            Err(problem) => return Err(anyhow!("{problem}")),
        },
    };
    crate::startup_trace::mark("roadmap read");
    let options = AppOptions {
        roadmap: Arc::new(roadmap),
        data_dir: data_dir(cli)?,
        view: cli.view.map(View::from),
        screenshot: cli.screenshot.clone(),
        clock: crate::clock::Clock::system(),
    };
    if let Some(path) = &options.screenshot
        && path.extension().and_then(|e| e.to_str()) != Some("png")
    {
        return Err(anyhow!(
            "--screenshot writes a PNG file; give it a name ending in .png: {}",
            path.display()
        ));
    }
    let source = cli.file.clone().or_else(|| cli.roadmap.clone());
    match (broken, source) {
        (Some(problem), _) => crate::app::run_native_broken(problem, options)?,
        (None, Some(path)) => crate::app::run_native_on_file(options, path)?,
        (None, None) => crate::app::run_native(options)?,
    }
    Ok(ExitCode::SUCCESS)
}

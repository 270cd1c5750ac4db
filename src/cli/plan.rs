//! `study-planner plan`: the schedule as a table or as JSON, from the saved plan settings with
//! this run's overrides on top. The numbers come from the joined [`Plan`], which the window
//! reads too.

use std::fmt::Write as _;
use std::io::Write as _;

use anyhow::{Context as _, anyhow};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::clock::Clock;
use crate::date::PlanDate;
use crate::plan::Plan;
use crate::progress::{Break, Pace, PlanSettings, RoadmapProgress};
use crate::roadmap::{Roadmap, format_number};
use crate::schedule::{self, MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK};

/// Plan overrides shared by `plan` and `export`: they change the plan for this run only and
/// are never saved.
#[derive(Clone, Debug, Default, PartialEq, Args)]
pub struct PlanArgs {
    /// First day of study, 1900-01-01 to 9999-12-31, e.g. 2027-01-04 [default: the saved
    /// start date, else today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<PlanDate>,

    /// fast = the low end of each estimate, steady = the middle, relaxed = the high end
    /// [default: the saved pace, else steady]
    #[arg(long, value_enum)]
    pub pace: Option<PaceArg>,

    /// Weekly study hours; every length scales from the hours the roadmap assumes
    /// [default: the saved hours, else the roadmap's]
    #[arg(long, value_name = "N", value_parser = parse_hours)]
    pub hours_per_week: Option<f32>,

    /// Leave out every optional phase
    #[arg(long)]
    pub skip_optional: bool,

    /// Take time off, e.g. 2027-12-20..2028-01-02 (inclusive ISO dates; add :LABEL to name
    /// it). Repeatable; added to the saved breaks. Every calendar week a break touches is off
    #[arg(long = "break", value_name = "START..END", value_parser = parse_break)]
    pub breaks: Vec<Break>,
}

/// "2027-12-20..2028-01-02" or "2027-12-20..2028-01-02:holiday".
pub fn parse_break(text: &str) -> Result<Break, String> {
    let (dates, label) = text.split_once(':').unwrap_or((text, ""));
    let Some((start, end)) = dates.split_once("..") else {
        return Err(format!(
            "'{text}' is not a break; expected START..END, e.g. 2027-12-20..2028-01-02"
        ));
    };
    let start = parse_day(start)?;
    let end = parse_day(end)?;
    if end < start {
        return Err(format!("the break {text} ends before it starts"));
    }
    Ok(Break {
        start,
        end,
        label: label.trim().to_owned(),
    })
}

/// An ISO date a plan can use (1900-01-01 to 9999-12-31), as `--start` reads it.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    text.parse::<PlanDate>()
        .map(PlanDate::get)
        .map_err(|err| err.to_string())
}

/// `--pace` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaceArg {
    Fast,
    Steady,
    Relaxed,
}

impl From<PaceArg> for Pace {
    fn from(value: PaceArg) -> Self {
        match value {
            PaceArg::Fast => Pace::Fast,
            PaceArg::Steady => Pace::Steady,
            PaceArg::Relaxed => Pace::Relaxed,
        }
    }
}

fn parse_hours(text: &str) -> Result<f32, String> {
    let hours: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of hours"))?;
    if (MIN_HOURS_PER_WEEK..=MAX_HOURS_PER_WEEK).contains(&hours) {
        Ok(hours)
    } else {
        Err(format!(
            "{text} hours per week is out of range; expected {MIN_HOURS_PER_WEEK} to {MAX_HOURS_PER_WEEK}"
        ))
    }
}

impl PlanArgs {
    /// The saved settings with this run's overrides applied. Per-phase lengths the learner set
    /// in the window are kept; `--skip-optional` leaves out every optional phase.
    pub fn apply(&self, saved: &PlanSettings, roadmap: &Roadmap) -> PlanSettings {
        let mut settings = saved.clone();
        if let Some(start) = self.start {
            settings.start = Some(start);
        }
        if let Some(pace) = self.pace {
            settings.pace = pace.into();
        }
        if let Some(hours) = self.hours_per_week {
            settings.hours_per_week = Some(hours);
        }
        settings.breaks.extend(self.breaks.iter().cloned());
        if self.skip_optional {
            settings.excluded.extend(
                roadmap
                    .phases
                    .iter()
                    .filter(|phase| phase.optional)
                    .map(|phase| phase.id.clone()),
            );
        }
        settings
    }

    /// The plan for this run: the saved progress with [`Self::apply`]'s settings.
    pub fn plan_for(
        &self,
        roadmap: Roadmap,
        mut progress: RoadmapProgress,
        today: NaiveDate,
    ) -> Plan {
        progress.plan = self.apply(&progress.plan, &roadmap);
        Plan::new(std::sync::Arc::new(roadmap), progress, today)
    }
}

/// `plan --json`: one object, ISO dates, `end` inclusive.
#[derive(Debug, Serialize)]
pub struct PlanJson {
    pub start: NaiveDate,
    /// Last day of study, inclusive.
    pub finish: NaiveDate,
    pub total_weeks: u32,
    pub pace: &'static str,
    pub hours_per_week: f32,
    /// The included phases (and the final project) in order.
    pub phases: Vec<PhaseJson>,
    /// Ids of optional phases left out of this plan.
    pub left_out: Vec<String>,
    /// Every break, with the weeks of this plan it takes (0 when outside it).
    pub breaks: Vec<BreakJson>,
    /// With `--finish-by`: the date and the weekly hours this plan was computed at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finish_by: Option<FinishByJson>,
}

#[derive(Debug, Serialize)]
pub struct BreakJson {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    pub label: String,
    pub weeks: u32,
}

#[derive(Debug, Serialize)]
pub struct FinishByJson {
    pub date: NaiveDate,
    pub hours_per_week: f32,
}

#[derive(Debug, Serialize)]
pub struct PhaseJson {
    pub id: String,
    pub title: String,
    pub start: NaiveDate,
    /// Last day of the phase, inclusive.
    pub end: NaiveDate,
    pub weeks: u32,
    pub optional: bool,
    pub progress: ProgressJson,
}

#[derive(Debug, Serialize)]
pub struct ProgressJson {
    pub complete: usize,
    pub total: usize,
}

/// The JSON document for a plan.
pub fn plan_json(plan: &Plan) -> PlanJson {
    let schedule = plan.schedule();
    let mut phases = Vec::new();
    let mut left_out = Vec::new();
    for stage in plan.stages() {
        let scheduled = stage.scheduled;
        if !scheduled.included {
            left_out.push(scheduled.id.clone());
            continue;
        }
        let (complete, total) = stage.counts;
        phases.push(PhaseJson {
            id: scheduled.id.clone(),
            title: scheduled.title.clone(),
            start: scheduled.start,
            end: scheduled.end,
            weeks: scheduled.weeks,
            optional: scheduled.optional,
            progress: ProgressJson { complete, total },
        });
    }
    PlanJson {
        start: schedule.start,
        finish: schedule.finish,
        total_weeks: schedule.total_weeks,
        pace: plan.settings().pace.label(),
        hours_per_week: schedule.hours_per_week,
        phases,
        left_out,
        breaks: schedule
            .breaks
            .iter()
            .map(|b| BreakJson {
                start: b.start,
                end: b.end,
                label: b.label.clone(),
                weeks: b.weeks_in_plan,
            })
            .collect(),
        finish_by: None,
    }
}

/// The plan as an aligned text table, with the forecast underneath.
pub fn plan_table(plan: &Plan) -> String {
    let schedule = plan.schedule();
    let mut rows: Vec<[String; 6]> = vec![[
        "Phase".into(),
        "Start".into(),
        "End (incl.)".into(),
        "Weeks".into(),
        "Optional".into(),
        "Progress".into(),
    ]];
    for stage in plan.stages() {
        let scheduled = stage.scheduled;
        let name = scheduled.label();
        let optional = if scheduled.optional { "yes" } else { "" };
        let (complete, total) = stage.counts;
        let row = if scheduled.included {
            let flag = if scheduled.outside_estimate { "!" } else { "" };
            [
                name,
                scheduled.start.to_string(),
                scheduled.end.to_string(),
                format!("{}{flag}", scheduled.weeks),
                optional.into(),
                format!("{complete}/{total}"),
            ]
        } else {
            [
                name,
                "left out".into(),
                String::new(),
                String::new(),
                optional.into(),
                format!("{complete}/{total}"),
            ]
        };
        rows.push(row);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = format!(
        "{}: {} to {} ({} weeks, {} pace, {} h/week)\n\n",
        plan.roadmap().title,
        schedule.start,
        schedule.finish,
        schedule.total_weeks,
        plan.settings().pace.label(),
        format_number(schedule.hours_per_week)
    );
    for row in &rows {
        let mut line = String::new();
        for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
            let pad = width - cell.chars().count();
            // Numbers right-aligned, text left-aligned.
            if index == 3 {
                let _ = write!(line, "{}{cell}  ", " ".repeat(pad));
            } else {
                let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if schedule.included().any(|s| s.outside_estimate) {
        out.push_str("\n! a length you set outside the roadmap's estimate\n");
    }
    if !schedule.breaks.is_empty() {
        out.push_str("\nBreaks (every week a break touches is off):\n");
        for b in &schedule.breaks {
            let weeks = if b.in_plan() {
                schedule::weeks_text(b.weeks_in_plan)
            } else {
                "outside the plan".to_owned()
            };
            let _ = writeln!(out, "  {}  {} to {} ({weeks})", b.label, b.start, b.end);
        }
    }
    let _ = writeln!(out, "\n{}", plan.forecast().sentence());
    out
}

/// `study-planner plan`: loads the roadmap and the learner's saved data, then prints.
pub fn run(
    cli: &super::Cli,
    args: &PlanArgs,
    finish_by: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let roadmap = super::load_roadmap(cli)?;
    let progress = saved_progress(cli, &roadmap)?;
    // The window's clock: with no saved start, both start the plan on the same day.
    let today = Clock::system().today();
    let text = plan_text(&args.plan_for(roadmap, progress, today), finish_by, json)?;
    write_stdout(&text).context("cannot write the plan to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The learner's saved progress and plan for this roadmap, read without locking or writing
/// (a window may be open). Notices about the files go to stderr.
pub fn saved_progress(cli: &super::Cli, roadmap: &Roadmap) -> anyhow::Result<RoadmapProgress> {
    let dir = super::data_dir(cli)?;
    let loaded = crate::storage::load_read_only(&dir, &roadmap.id).map_err(|err| anyhow!(err))?;
    for notice in &loaded.notices {
        match &notice.path {
            Some(path) => eprintln!("note: {}: {}", notice.text, path.display()),
            None => eprintln!("note: {}", notice.text),
        }
    }
    Ok(loaded.progress)
}

/// What `plan` prints: the table or the JSON of `plan`; with `finish_by`, at the hours that
/// date needs (or the reason it cannot be done, as an error).
pub fn plan_text(plan: &Plan, finish_by: Option<NaiveDate>, json: bool) -> anyhow::Result<String> {
    let mut answer = None;
    let moved;
    let plan = match finish_by {
        Some(date) => {
            let found = plan
                .finish_by(date)
                .map_err(|err| anyhow!("cannot finish by {date}: {err}"))?;
            moved = plan.with_settings(found.settings.clone());
            answer = Some(found);
            &moved
        }
        None => plan,
    };
    Ok(if json {
        let mut document = plan_json(plan);
        document.finish_by = answer.map(|a| FinishByJson {
            date: a.date,
            hours_per_week: a.hours_per_week,
        });
        serde_json::to_string_pretty(&document)? + "\n"
    } else {
        let mut text = String::new();
        if let Some(answer) = &answer {
            let _ = writeln!(
                text,
                "To finish by {}: {}\n",
                schedule::long_date(answer.date),
                answer.sentence()
            );
        }
        text + &plan_table(plan)
    })
}

/// Writes `text` to standard output; a reader that closes the pipe early
/// (`study-planner plan | head`) is not an error.
pub fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_only_what_is_given() {
        let roadmap = crate::roadmap::embedded();
        let saved = PlanSettings {
            start: NaiveDate::from_ymd_opt(2027, 1, 4).map(PlanDate::clamped),
            pace: Pace::Relaxed,
            hours_per_week: Some(6.0),
            stage_weeks: [("backend".to_owned(), 5)].into(),
            ..PlanSettings::default()
        };
        assert_eq!(PlanArgs::default().apply(&saved, &roadmap), saved);
        let args = PlanArgs {
            pace: Some(PaceArg::Fast),
            skip_optional: true,
            ..PlanArgs::default()
        };
        let applied = args.apply(&saved, &roadmap);
        assert_eq!(applied.pace, Pace::Fast);
        assert_eq!(applied.hours_per_week, Some(6.0));
        assert_eq!(applied.stage_weeks, saved.stage_weeks);
        let excluded: Vec<&str> = applied.excluded.iter().map(String::as_str).collect();
        assert_eq!(excluded, ["ai-ml", "frontend"]);
    }

    #[test]
    fn breaks_are_read_in_order_with_an_optional_label() {
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap_or_default();
        assert_eq!(
            parse_break("2027-12-20..2027-12-31:holiday"),
            Ok(Break {
                start: day(12, 20),
                end: day(12, 31),
                label: "holiday".into()
            })
        );
        assert_eq!(
            parse_break("2027-03-01..2027-03-01").map(|b| b.label),
            Ok(String::new())
        );
        assert!(parse_break("2027-03-08..2027-03-01").is_err_and(|e| e.contains("ends before")));
        assert!(parse_break("2027-03-01").is_err_and(|e| e.contains("START..END")));
        assert!(parse_break("2027-02-30..2027-03-01").is_err());
        assert!(parse_break("0999-01-01..2027-03-01").is_err_and(|e| e.contains("1900-01-01")));
    }

    #[test]
    fn hours_outside_a_week_are_refused() {
        assert_eq!(parse_hours("12.5"), Ok(12.5));
        assert!(parse_hours("0").is_err());
        assert!(parse_hours("200").is_err());
        assert!(parse_hours("ten").is_err());
    }
}

//! `study-planner week`: this week of the plan — its dates, phase and items, the catch-up
//! list, next up and whether the learner is on track — as text or JSON. The numbers come from
//! [`Plan::this_week`], the same function the window's "This week" view draws.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::plan::{PlanArgs, parse_day, saved_progress, write_stdout};
use crate::plan::{Plan, ThisWeek, WeekItem, When};
use crate::progress::ItemState;
use crate::schedule::{long_date, short_date};

/// `week` arguments.
#[derive(Clone, Debug, PartialEq, Args)]
pub struct WeekArgs {
    /// Show the week holding this day [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<NaiveDate>,

    /// Print JSON: {"today", "when": {"kind", ...}, "week": {"number", "first_day",
    /// "sunday", "stage_id", ...}, "items": [{"id", "text", "state", "note", "week", ...}],
    /// "resources", "catch_up": [...], "next_up": {"week", "items"}, "on_track": {"behind",
    /// "ahead", "text"}, "summary", "heading", "forecast"}
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub plan: PlanArgs,
}

/// `week --json`: the pure model as it is, with the two sentences the window shows above it.
#[derive(Serialize)]
pub struct WeekJson<'a> {
    #[serde(flatten)]
    pub week: &'a ThisWeek,
    pub heading: String,
    pub forecast: String,
}

/// `study-planner week`.
pub fn run(cli: &super::Cli, args: &WeekArgs) -> anyhow::Result<ExitCode> {
    let roadmap = super::load_roadmap(cli)?;
    let progress = saved_progress(cli, &roadmap)?;
    let today = args
        .date
        .unwrap_or_else(|| crate::clock::Clock::system().today());
    let text = week_text(&args.plan.plan_for(roadmap, progress, today), args.json)?;
    write_stdout(&text).context("cannot write the week to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// What `week` prints for this plan (as of its today).
pub fn week_text(plan: &Plan, json: bool) -> anyhow::Result<String> {
    let week = plan.this_week();
    let forecast = plan.forecast().sentence();
    if json {
        let document = WeekJson {
            week: &week,
            heading: week.heading(),
            forecast,
        };
        return Ok(serde_json::to_string_pretty(&document)? + "\n");
    }
    Ok(week_table(&week, &forecast))
}

/// "[x]" done, "[~]" in progress, "[-]" skipped, "[ ]" not started.
fn mark(state: ItemState) -> &'static str {
    match state {
        ItemState::Done => "[x]",
        ItemState::InProgress => "[~]",
        ItemState::Skipped => "[-]",
        ItemState::NotStarted => "[ ]",
    }
}

fn item_lines(out: &mut String, items: &[WeekItem], with_due_week: bool) {
    for item in items {
        let due = if with_due_week {
            format!(
                "  (due week {}, {})",
                item.week,
                short_date(item.week_monday)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} {} ({}){due}",
            mark(item.state),
            item.text,
            item.kind.label()
        );
        if !item.note.trim().is_empty() {
            let _ = writeln!(out, "      note: {}", item.note.trim());
        }
    }
}

/// The week as text.
pub fn week_table(week: &ThisWeek, forecast: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", week.heading());
    let _ = writeln!(out, "{}", week.on_track.text);
    let title = match &week.when {
        When::BeforeStart { .. } => "Week 1",
        When::AfterFinish { .. } => "",
        _ => "This week",
    };
    if !title.is_empty() {
        if week.items.is_empty() {
            let empty = match &week.when {
                When::OnBreak { .. } => "a break: nothing planned",
                _ => "no new items: time to practise",
            };
            let _ = writeln!(out, "\n{title}: {empty}");
        } else {
            let _ = writeln!(out, "\n{title}:");
            item_lines(&mut out, &week.items, false);
        }
    }
    if !week.resources.is_empty() {
        out.push_str("\nResources:\n");
        for resource in &week.resources {
            let _ = writeln!(out, "  {} <{}>", resource.title, resource.url);
        }
    }
    if !week.catch_up.is_empty() {
        let _ = writeln!(
            out,
            "\nCatch-up ({} from earlier weeks):",
            week.catch_up.len()
        );
        item_lines(&mut out, &week.catch_up, true);
    }
    if let Some(next) = &week.next_up {
        let more = next.total.saturating_sub(next.items.len());
        let _ = writeln!(
            out,
            "\nNext up (week {}, from {}, {}):",
            next.week,
            long_date(next.first_day),
            next.stage_label
        );
        item_lines(&mut out, &next.items, false);
        if more > 0 {
            let _ = writeln!(out, "  … and {more} more");
        }
    }
    if let When::AfterFinish { .. } = week.when {
        let _ = writeln!(out, "\n{}", week.summary.sentence());
    }
    let _ = writeln!(out, "\n{forecast}");
    out
}

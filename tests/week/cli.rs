//! The command line shows the window's numbers: `week --json` is the pure "This week" model,
//! and `plan --break / --finish-by` are the schedule and finish-by the window uses.

use std::path::Path;

use study_planner::date::PlanDate;
use study_planner::progress::{PlanSettings, RoadmapProgress};
use study_planner::schedule::{self, compute, finish_by};
use study_planner::storage;

use super::{date, embedded, off};

fn run_in(data_dir: &Path, args: &[&str]) -> std::process::Output {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_study-planner"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("STUDY_PLANNER_DATA_DIR")
        .output();
    match output {
        Ok(output) => output,
        Err(err) => panic!("cannot run study-planner: {err}"),
    }
}

fn json_of(output: &std::process::Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    match serde_json::from_slice(&output.stdout) {
        Ok(json) => json,
        Err(err) => panic!(
            "not JSON ({err}): {}",
            String::from_utf8_lossy(&output.stdout)
        ),
    }
}

/// A data folder whose saved plan starts on 4 Jan 2027 with a holiday in March, two items
/// done and one with a note.
fn saved() -> (tempfile::TempDir, RoadmapProgress) {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("cannot make a temporary folder");
    };
    let text = r#"(
  version: 3,
  roadmaps: {
    "python-enterprise": (
      items: {
        "advanced-oop": (state: Done, done_on: Some("2027-01-05")),
        "concurrency": (state: InProgress, note: "chapter 3"),
      },
      plan: (
        start: Some("2027-01-04"),
        breaks: [(start: "2027-01-25", end: "2027-02-07", label: "holiday")],
      ),
    ),
  },
)
"#;
    if let Err(err) = std::fs::write(dir.path().join("progress.ron"), text) {
        panic!("cannot write the saved progress: {err}");
    }
    let progress = match storage::load_read_only(dir.path(), "python-enterprise") {
        Ok(loaded) => loaded.progress,
        Err(err) => panic!("the saved progress reads back: {err}"),
    };
    assert_eq!(progress.plan.breaks.len(), 1);
    (dir, progress)
}

#[test]
fn week_json_is_the_window_model() {
    let (dir, progress) = saved();
    let roadmap = embedded();
    for day in [
        "2026-12-20",
        "2027-01-20",
        "2027-01-27",
        "2027-02-10",
        "2029-01-01",
    ] {
        let json = json_of(&run_in(dir.path(), &["week", "--json", "--date", day]));
        let today =
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("the test names a real date");
        let plan = super::joined(&roadmap, &progress.plan, &progress, today);
        let model = plan.this_week();
        let mut expected = serde_json::to_value(&model).unwrap_or_default();
        expected["heading"] = model.heading().into();
        expected["forecast"] = plan.forecast().sentence().into();
        assert_eq!(json, expected, "{day}");
    }
    // Spot checks that the JSON says what a reader expects.
    let json = json_of(&run_in(
        dir.path(),
        &["week", "--json", "--date", "2027-01-27"],
    ));
    assert_eq!(json["when"]["kind"], "on_break");
    assert_eq!(json["when"]["label"], "holiday");
    let json = json_of(&run_in(
        dir.path(),
        &["week", "--json", "--date", "2027-01-20"],
    ));
    assert_eq!(json["week"]["number"], 3);
    assert_eq!(json["catch_up"][0]["id"], "concurrency");
    assert_eq!(json["catch_up"][0]["state"], "in progress");
    assert_eq!(json["catch_up"][0]["note"], "chapter 3");
    assert_eq!(json["catch_up"][0]["week"], 2);
    assert_eq!(json["on_track"]["text"], "1 item behind — about 1 week");
    // The text form says the same.
    let text = run_in(dir.path(), &["week", "--date", "2027-01-20"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("Week 3 of 63 · 18 – 24 Jan 2027 · 1. Advanced Python, week 3 of 7\n1 item behind — about 1 week\n"), "{text}");
    assert!(text.contains("[~] Multithreading"), "{text}");
    assert!(text.contains("note: chapter 3"), "{text}");
    // A bad date is refused with a message, not a panic.
    let bad = run_in(dir.path(), &["week", "--date", "2027-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn plan_breaks_and_finish_by_are_the_engine_numbers() {
    let (dir, progress) = saved();
    let roadmap = embedded();
    // One more break on the command line, added to the saved one for this run.
    let json = json_of(&run_in(
        dir.path(),
        &["plan", "--json", "--break", "2027-07-05..2027-07-18:summer"],
    ));
    let settings = PlanSettings {
        breaks: [
            progress.plan.breaks.clone(),
            vec![off(date(2027, 7, 5), date(2027, 7, 18), "summer")],
        ]
        .concat(),
        ..progress.plan.clone()
    };
    let plan = compute(&roadmap, &settings, date(2027, 1, 4));
    assert_eq!(json["finish"], plan.finish.to_string());
    assert_eq!(json["total_weeks"], plan.total_weeks);
    assert_eq!(
        json["breaks"],
        serde_json::json!([
            {"start": "2027-01-25", "end": "2027-02-07", "label": "holiday", "weeks": 2},
            {"start": "2027-07-05", "end": "2027-07-18", "label": "summer", "weeks": 2},
        ])
    );
    for (phase, stage) in json["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .zip(plan.included())
    {
        assert_eq!(phase["end"], stage.end.to_string());
    }
    assert!(json.get("finish_by").is_none(), "only when asked");
    // Nothing was saved: the saved plan still has one break.
    let again = json_of(&run_in(dir.path(), &["plan", "--json"]));
    assert_eq!(again["breaks"].as_array().map(Vec::len), Some(1));

    // Finish by a date 40 weeks after a start a week from now (so the answer never depends
    // on the day the test runs): the hours the window's "Finish by…" finds, and the plan at
    // them.
    let today = chrono::Local::now().date_naive();
    let start = today + chrono::Days::new(7);
    let by = start + chrono::Days::new(280);
    let (start_arg, by_arg) = (start.to_string(), by.to_string());
    let json = json_of(&run_in(
        dir.path(),
        &[
            "plan",
            "--json",
            "--start",
            &start_arg,
            "--finish-by",
            &by_arg,
        ],
    ));
    let moved = PlanSettings {
        start: Some(PlanDate::clamped(start)),
        ..progress.plan.clone()
    };
    let Ok(answer) = finish_by(&roadmap, &moved, today, by) else {
        panic!("40 weeks is reachable");
    };
    assert_eq!(
        json["finish_by"],
        serde_json::json!({"date": by_arg, "hours_per_week": answer.hours_per_week})
    );
    assert_eq!(json["hours_per_week"], answer.hours_per_week);
    assert_eq!(json["finish"], answer.finish.to_string());
    let text = run_in(
        dir.path(),
        &["plan", "--start", &start_arg, "--finish-by", &by_arg],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.starts_with(&format!(
            "To finish by {}: {}",
            schedule::long_date(by),
            answer.sentence()
        )),
        "{text}"
    );
    // Impossible (seven phases of at least a week in three weeks): a clear reason and a
    // failing exit code.
    let too_soon = (start + chrono::Days::new(20)).to_string();
    let refused = run_in(
        dir.path(),
        &["plan", "--start", &start_arg, "--finish-by", &too_soon],
    );
    assert_eq!(refused.status.code(), Some(1));
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        why.contains(&format!("cannot finish by {too_soon}")),
        "{why}"
    );
    assert!(why.contains("every phase takes at least a week"), "{why}");
    let bad = run_in(dir.path(), &["plan", "--break", "2027-03-08..2027-03-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ends before it starts"));
}

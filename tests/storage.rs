//! Saving the learner's progress: round trips, recovery from broken files, faults at every
//! step of a save, processes killed mid-save, and two windows on one data folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "everything in an integration test crate is test code, but clippy only counts #[test] functions as tests; a helper that cannot set up fails the test loudly"
)]

use std::fs;
use std::io::{self, BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use chrono::NaiveDate;
use proptest::prelude::*;
use study_planner::date::PlanDate;
use study_planner::progress::{Break, Pace, PlanSettings};
use study_planner::progress::{ItemProgress, ItemState, RoadmapProgress};
use study_planner::storage::{
    self, BACKUP_FILE, CURRENT_VERSION, Decoded, Fs, NoticeLevel, PROGRESS_FILE, ProgressStore,
    ReadOnlyReason, Saver, SaverEvent, Step,
};

const ROADMAP: &str = "python-enterprise";

/// The kill test spawns processes; until a child has exec'd it shares the parent's open
/// files, including another test's lock file, which would make that test's next open
/// read-only. So the kill test runs alone and the others share.
static SPAWNING: RwLock<()> = RwLock::new(());

thread_local! {
    /// How many [`Shared`] guards this thread holds: only the first takes the read lock.
    static SHARED_HELD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A share of [`SPAWNING`]. Taking it again on a thread that holds it (a test calling a
/// helper that also takes it) does not lock again: with a writer waiting, a second read lock
/// on the same thread would wait for the writer, which waits for the first: a deadlock that
/// hung the suite whenever the kill test queued between the two.
struct Shared(
    #[allow(dead_code, reason = "held for its Drop")] Option<RwLockReadGuard<'static, ()>>,
);

impl Drop for Shared {
    fn drop(&mut self) {
        SHARED_HELD.with(|held| held.set(held.get().saturating_sub(1)));
    }
}

fn shared() -> Shared {
    let first = SHARED_HELD.with(|held| {
        let before = held.get();
        held.set(before + 1);
        before == 0
    });
    Shared(first.then(|| SPAWNING.read().unwrap_or_else(PoisonError::into_inner)))
}

fn exclusive() -> RwLockWriteGuard<'static, ()> {
    SPAWNING.write().unwrap_or_else(PoisonError::into_inner)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn sample(note: &str) -> RoadmapProgress {
    let mut progress = RoadmapProgress::default();
    progress.set_state("topic-a", ItemState::Done, day(2026, 3, 1));
    progress.set_note("topic-a", note);
    progress.set_state("topic-b", ItemState::InProgress, day(2026, 3, 1));
    progress.set_stage_note("phase-1", "where I left off");
    progress.plan.hours_per_week = Some(7.5);
    progress
}

/// Names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("readable dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temp_files_in(dir: &Path) -> Vec<String> {
    files_in(dir)
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

fn saved_progress(dir: &Path) -> RoadmapProgress {
    let bytes = fs::read(dir.join(PROGRESS_FILE)).expect("progress.ron exists");
    match storage::decode(&bytes).expect("progress.ron parses") {
        Decoded::Current(document) => document.roadmap(ROADMAP),
        other => panic!("expected the current version, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Round trip

fn any_state() -> impl Strategy<Value = ItemState> {
    prop_oneof![
        Just(ItemState::NotStarted),
        Just(ItemState::InProgress),
        Just(ItemState::Done),
        Just(ItemState::Skipped),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| day(y, m, d))
}

fn any_item() -> impl Strategy<Value = ItemProgress> {
    (
        any_state(),
        proptest::option::of(any_date()),
        any::<String>(),
        proptest::option::of(any_state()),
    )
        .prop_map(|(state, done_on, note, before_done)| ItemProgress {
            state,
            done_on,
            note,
            before_done,
        })
}

fn any_plan() -> impl Strategy<Value = PlanSettings> {
    (
        proptest::option::of(any_date()),
        prop_oneof![Just(Pace::Fast), Just(Pace::Steady), Just(Pace::Relaxed)],
        proptest::option::of(1u32..400),
        proptest::collection::btree_set(any::<String>(), 0..3),
        proptest::collection::btree_map(any::<String>(), any::<u32>(), 0..3),
        proptest::collection::vec((any_date(), any_date(), any::<String>()), 0..3),
    )
        .prop_map(
            |(start, pace, quarter_hours, excluded, stage_weeks, breaks)| {
                // Two steps, so fields the schedule adds later keep their defaults without a
                // lint expectation that would then go unfulfilled.
                let dated = PlanSettings {
                    start: start.map(study_planner::date::PlanDate::clamped),
                    pace,
                    ..PlanSettings::default()
                };
                PlanSettings {
                    hours_per_week: quarter_hours.map(|q| q as f32 / 4.0),
                    excluded,
                    stage_weeks,
                    breaks: breaks
                        .into_iter()
                        .map(|(start, end, label)| Break { start, end, label })
                        .collect(),
                    ..dated
                }
            },
        )
}

fn any_progress() -> impl Strategy<Value = RoadmapProgress> {
    (
        proptest::collection::btree_map(any::<String>(), any_item(), 0..8),
        proptest::collection::btree_map(any::<String>(), any::<String>(), 0..4),
        any_plan(),
        proptest::option::of(any::<String>()),
    )
        .prop_map(|(items, stage_notes, plan, chosen_idea)| RoadmapProgress {
            items,
            stage_notes,
            plan,
            chosen_idea,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the learner types (any Unicode, quotes, backslashes, control characters) and
    /// whatever states they pick comes back exactly, for any roadmap id.
    #[test]
    fn save_then_open_gives_the_same_progress(
        progress in any_progress(),
        other in any_progress(),
        roadmap_id in any::<String>(),
    ) {
        let _serial = shared();
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let opened = ProgressStore::open(dir.path(), "other-roadmap");
            let mut store = opened.store;
            store.save(&other).expect("save other roadmap");
        }
        {
            let opened = ProgressStore::open(dir.path(), &roadmap_id);
            prop_assert!(opened.notices.is_empty(), "{:?}", opened.notices);
            let mut store = opened.store;
            store.save(&progress).expect("save");
        }
        let opened = ProgressStore::open(dir.path(), &roadmap_id);
        prop_assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        prop_assert_eq!(&opened.progress, &progress);
        // The other roadmap's progress is kept alongside (unless both ids are the same).
        if roadmap_id != "other-roadmap" {
            let other_back = ProgressStore::open(dir.path(), "other-roadmap").progress;
            prop_assert_eq!(other_back, other);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Broken and foreign files (fixtures)

/// Puts a fixture in a fresh data folder as `progress.ron` (and optionally a good backup).
fn data_dir_with(fixture_name: &str, with_backup: bool) -> tempfile::TempDir {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(fixture(fixture_name), dir.path().join(PROGRESS_FILE)).expect("copy fixture");
    if with_backup {
        fs::copy(fixture("good.ron"), dir.path().join(BACKUP_FILE)).expect("copy backup");
    }
    dir
}

#[test]
fn the_good_fixture_loads() {
    let _serial = shared();
    let dir = data_dir_with("good.ron", false);
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert!(!opened.needs_save);
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    assert_eq!(
        opened.progress.item("topic-a").and_then(|p| p.done_on),
        Some(day(2026, 1, 10))
    );
    assert_eq!(
        opened.progress.note("topic-a"),
        "Read chapter 4 – “Metaclasses”"
    );
    assert_eq!(opened.progress.state("topic-c"), ItemState::Skipped);
    assert_eq!(
        opened.progress.stage_note("phase-1"),
        "Left off at page 112"
    );
    assert_eq!(opened.progress.plan.pace, Pace::Relaxed);
    assert_eq!(
        opened.progress.plan.breaks,
        [Break {
            start: day(2026, 12, 21),
            end: day(2027, 1, 3),
            label: "holiday".into()
        }]
    );
    let other = ProgressStore::open(dir.path(), "my-own-roadmap").progress;
    assert_eq!(other.state("x"), ItemState::Done);
}

#[test]
fn a_version_2_file_is_migrated_to_breaks_and_its_original_kept() {
    let _serial = shared();
    let dir = data_dir_with("version-2.ron", false);
    let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    // Everything version 2 held is there, and the plan has no breaks.
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    assert_eq!(opened.progress.note("topic-c"), "already know this");
    assert_eq!(opened.progress.plan.pace, Pace::Relaxed);
    assert_eq!(opened.progress.plan.hours_per_week, Some(6.0));
    assert_eq!(
        opened
            .progress
            .plan
            .start
            .map(study_planner::date::PlanDate::get),
        Some(day(2026, 1, 5))
    );
    assert!(opened.progress.plan.breaks.is_empty());
    assert_eq!(
        fs::read(dir.path().join("progress.v2.ron")).expect("original kept"),
        original
    );
    assert!(opened.needs_save);
    let mut store = opened.store;
    let mut progress = opened.progress.clone();
    progress.plan.breaks.push(Break {
        start: day(2026, 3, 2),
        end: day(2026, 3, 8),
        label: String::new(),
    });
    store.save(&progress).expect("save");
    let text = fs::read_to_string(dir.path().join(PROGRESS_FILE)).expect("saved");
    assert!(
        text.contains(&format!("version: {CURRENT_VERSION}")),
        "{text}"
    );
    assert_eq!(saved_progress(dir.path()), progress);
    // The other roadmap's progress came through too.
    let other = ProgressStore::open(dir.path(), "my-own-roadmap").progress;
    assert_eq!(other.state("x"), ItemState::Done);
}

#[test]
fn a_plan_date_out_of_range_is_changed_alone_said_once_and_the_original_kept() {
    let _serial = shared();
    let dir = data_dir_with("out-of-range-dates.ron", false);
    let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    // Ticks, notes and the rest of the plan are all there; only the two dates changed.
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    assert_eq!(opened.progress.note("topic-a"), "ticked before the typo");
    assert_eq!(opened.progress.note("topic-b"), "half way");
    assert_eq!(
        opened.progress.stage_note("phase-1"),
        "Left off at page 112"
    );
    assert_eq!(opened.progress.plan.pace, Pace::Relaxed);
    assert_eq!(opened.progress.plan.start, None);
    assert_eq!(
        opened.progress.plan.breaks[0].days(),
        (day(2026, 12, 21), PlanDate::LAST.get())
    );
    assert_eq!(
        opened.progress.plan.breaks.len(),
        1,
        "the exams break is left out"
    );
    // Nothing was moved aside; the file as it was is copied, and the learner told where.
    assert!(
        !files_in(dir.path())
            .iter()
            .any(|n| n.starts_with("progress.unreadable-")),
        "{:?}",
        files_in(dir.path())
    );
    assert_eq!(opened.notices.len(), 1, "{:?}", opened.notices);
    let notice = &opened.notices[0];
    assert_eq!(notice.level, NoticeLevel::Warning);
    for said in [
        "progress.ron had values a plan cannot use",
        "the plan's start date was left out (+20260-01-05 is outside the dates a plan can use",
        "the break “holiday” from 2026-12-21 to +20270-01-03 lies outside the dates a plan can \
         use, so it now runs from 2026-12-21 to 9999-12-31",
        "the break “exams” from 2027-02-30 to 2027-03-07 was left out, as '2027-02-30' is \
         not a date",
        "A copy of the file as it was is kept.",
    ] {
        assert!(notice.text.contains(said), "{said:?} in {notice:?}");
    }
    let copy = notice.path.clone().expect("the copy is named");
    let copy_name = copy.file_name().unwrap_or_default().to_string_lossy();
    assert!(copy_name.starts_with("progress.before-repair-"), "{copy:?}");
    assert_eq!(fs::read(&copy).expect("copy"), original);
    // Saved at once, so the next opening has nothing to say, and the copy stays.
    assert!(opened.needs_save);
    let mut store = opened.store;
    let progress = opened.progress.clone();
    store.save(&progress).expect("save");
    let mut more = progress.clone();
    more.set_note("topic-b", "a second save");
    store.save(&more).expect("second save");
    drop(store);
    let again = ProgressStore::open(dir.path(), ROADMAP);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert!(!again.needs_save);
    assert_eq!(again.progress, more);
    assert_eq!(fs::read(&copy).expect("copy"), original);
}

#[test]
fn a_plan_date_out_of_range_in_a_read_only_window_changes_no_file() {
    let _serial = shared();
    let dir = data_dir_with("out-of-range-dates.ron", false);
    let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    let loaded = storage::load_read_only(dir.path(), ROADMAP).expect("loads");
    assert_eq!(loaded.progress.state("topic-a"), ItemState::Done);
    assert_eq!(loaded.progress.plan.start, None);
    assert!(
        loaded
            .notices
            .iter()
            .any(|n| n.text.contains("The file itself is not changed")
                && n.path.as_deref() == Some(dir.path().join(PROGRESS_FILE).as_path())),
        "{:?}",
        loaded.notices
    );
    assert_eq!(files_in(dir.path()), [PROGRESS_FILE]);
    assert_eq!(
        fs::read(dir.path().join(PROGRESS_FILE)).expect("file"),
        original
    );
}

#[test]
fn unreadable_files_are_moved_aside_and_the_backup_is_used() {
    let _serial = shared();
    for name in [
        "corrupt.ron",
        "truncated.ron",
        "empty.ron",
        "not-utf8.ron",
        "wrong-shape.ron",
    ] {
        let original = fs::read(fixture(name)).expect("fixture");
        let dir = data_dir_with(name, true);
        let opened = ProgressStore::open(dir.path(), ROADMAP);

        // The broken file is kept, byte for byte, under a timestamped name.
        let moved: Vec<String> = files_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("progress.unreadable-") && n.ends_with(".ron"))
            .collect();
        assert_eq!(moved.len(), 1, "{name}: {:?}", files_in(dir.path()));
        assert_eq!(
            fs::read(dir.path().join(&moved[0])).expect("moved"),
            original
        );
        assert!(!dir.path().join(PROGRESS_FILE).exists(), "{name}");

        // The learner is told, with the path of the moved file.
        let notice = opened
            .notices
            .iter()
            .find(|n| n.level == NoticeLevel::Warning)
            .unwrap_or_else(|| panic!("{name}: no warning in {:?}", opened.notices));
        assert!(
            notice.text.contains("could not be read"),
            "{name}: {notice:?}"
        );
        assert!(notice.text.contains("restored from the backup"), "{name}");
        assert_eq!(notice.path, Some(dir.path().join(&moved[0])), "{name}");

        // The backup's data is shown, is to be written back at once, and saving works again.
        assert_eq!(opened.progress.state("topic-a"), ItemState::Done, "{name}");
        assert!(opened.needs_save, "{name}");
        let mut store = opened.store;
        assert!(store.read_only().is_none(), "{name}");
        store.save(&sample("after recovery")).expect("save");
        assert_eq!(saved_progress(dir.path()), sample("after recovery"));
        // The moved file is never touched again.
        assert_eq!(
            fs::read(dir.path().join(&moved[0])).expect("moved"),
            original
        );
    }
}

#[test]
fn an_unreadable_file_without_a_backup_starts_empty_and_says_so() {
    let _serial = shared();
    let dir = data_dir_with("corrupt.ron", false);
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert_eq!(opened.progress, RoadmapProgress::default());
    let text: Vec<&str> = opened.notices.iter().map(|n| n.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("no usable backup")),
        "{text:?}"
    );
    // The error says where in the file it went wrong.
    assert!(text.iter().any(|t| t.contains("6:")), "{text:?}");
}

#[test]
fn a_newer_version_is_read_only_and_never_overwritten() {
    let _serial = shared();
    let dir = data_dir_with("newer-version.ron", false);
    let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    // What this version understands is shown.
    assert_eq!(opened.progress.note("topic-a"), "from the future");
    assert!(matches!(
        opened.store.read_only(),
        Some(ReadOnlyReason::NewerVersion { version: 99, .. })
    ));
    assert!(
        opened.notices.iter().any(|n| n.text.contains("newer")),
        "{:?}",
        opened.notices
    );
    let mut store = opened.store;
    assert!(store.save(&sample("x")).is_err());
    assert_eq!(
        fs::read(dir.path().join(PROGRESS_FILE)).expect("file"),
        original
    );
    assert!(!dir.path().join(BACKUP_FILE).exists());
}

#[test]
fn an_older_version_is_migrated_and_its_original_kept() {
    let _serial = shared();
    let dir = data_dir_with("older-version.ron", false);
    let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    assert_eq!(
        opened.progress.item("topic-b").and_then(|p| p.done_on),
        Some(day(2025, 11, 20))
    );
    assert_eq!(opened.progress.note("topic-b"), "see my gist");
    assert_eq!(opened.progress.state("topic-c"), ItemState::NotStarted);
    assert_eq!(opened.progress.note("topic-c"), "next up");
    assert_eq!(
        fs::read(dir.path().join("progress.v1.ron")).expect("original kept"),
        original
    );
    assert!(opened.notices.iter().any(|n| n.level == NoticeLevel::Info));
    assert!(opened.needs_save);
    let mut store = opened.store;
    let progress = opened.progress.clone();
    store.save(&progress).expect("save");
    // Written in the current version now.
    assert_eq!(saved_progress(dir.path()), progress);
}

#[test]
fn the_read_only_loader_moves_nothing() {
    let _serial = shared();
    let dir = data_dir_with("corrupt.ron", true);
    let before = files_in(dir.path());
    let loaded = storage::load_read_only(dir.path(), ROADMAP).expect("backup is good");
    assert_eq!(loaded.progress.state("topic-a"), ItemState::Done);
    assert!(!loaded.notices.is_empty());
    assert_eq!(files_in(dir.path()), before);

    let empty = tempfile::tempdir().expect("temp dir");
    let loaded = storage::load_read_only(empty.path(), ROADMAP).expect("no file is fine");
    assert_eq!(loaded.progress, RoadmapProgress::default());

    let broken = data_dir_with("corrupt.ron", false);
    let err = storage::load_read_only(broken.path(), ROADMAP).expect_err("nothing readable");
    assert!(err.contains("progress.ron"), "{err}");
}

#[test]
fn import_takes_this_roadmaps_part_of_an_exported_file() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    let export = dir.path().join("exported progress.ron");
    opened
        .store
        .export(&sample("exported"), &export)
        .expect("export");
    let imported = storage::read_import(&export, ROADMAP).expect("import");
    assert_eq!(imported.progress, sample("exported"));
    assert!(imported.repaired.is_empty());
    let notice = imported.notice(dir.path().join(BACKUP_FILE));
    assert_eq!(notice.level, NoticeLevel::Info);
    assert_eq!(
        notice.text,
        "Progress imported and saved. The progress it replaced is in the backup file."
    );
    let err = storage::read_import(&export, "another").expect_err("no such roadmap");
    assert!(err.to_string().contains(ROADMAP), "{err}");
    assert!(storage::read_import(&fixture("newer-version.ron"), ROADMAP).is_err());
    assert!(storage::read_import(&fixture("corrupt.ron"), ROADMAP).is_err());
}

/// A hand-edited file with dates a plan cannot use imports like it opens: the rest is taken,
/// and the notice says what was changed, in the words the store uses when it opens one.
#[test]
fn an_imported_file_with_bad_dates_says_what_was_changed() {
    let file = fixture("out-of-range-dates.ron");
    let imported = storage::read_import(&file, ROADMAP).expect("import");
    assert_eq!(imported.progress.state("topic-a"), ItemState::Done);
    assert_eq!(imported.progress.plan.start, None);
    assert_eq!(
        imported.progress.plan.breaks.len(),
        1,
        "the exams break is left out"
    );
    assert_eq!(imported.repaired.len(), 3, "{:?}", imported.repaired);
    let notice = imported.notice(PathBuf::from("/data").join(BACKUP_FILE));
    assert_eq!(notice.level, NoticeLevel::Warning);
    assert_eq!(notice.path, Some(PathBuf::from("/data").join(BACKUP_FILE)));
    for said in [
        "Progress imported and saved. The progress it replaced is in the backup file.",
        "out-of-range-dates.ron had values a plan cannot use",
        "the plan's start date was left out (+20260-01-05 is outside the dates a plan can use",
        "the break “holiday” from 2026-12-21 to +20270-01-03 lies outside the dates a plan can \
         use, so it now runs from 2026-12-21 to 9999-12-31",
        "the break “exams” from 2027-02-30 to 2027-03-07 was left out, as '2027-02-30' is \
         not a date",
        "The file itself is not changed.",
    ] {
        assert!(notice.text.contains(said), "{said:?} in {notice:?}");
    }
    assert!(!notice.text.contains("in roadmap"), "{notice:?}");
}

// ---------------------------------------------------------------------------------------------
// Backups, temporary files, locks

#[test]
fn each_save_keeps_the_previous_file_as_the_backup() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ProgressStore::open(dir.path(), ROADMAP).store;
    store.save(&sample("one")).expect("save");
    assert!(!dir.path().join(BACKUP_FILE).exists());
    let first = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    store.save(&sample("two")).expect("save");
    assert_eq!(
        fs::read(dir.path().join(BACKUP_FILE)).expect("backup"),
        first
    );
    assert_eq!(saved_progress(dir.path()), sample("two"));
}

#[test]
fn temporary_files_of_killed_saves_are_removed_at_start_by_the_lock_holder_only() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let leftover = dir.path().join("progress.ron.tmp-4242-7");
    fs::write(&leftover, "(version: 2, roadm").expect("write");
    let unrelated = dir.path().join("notes.txt");
    fs::write(&unrelated, "mine").expect("write");

    let first = ProgressStore::open(dir.path(), ROADMAP);
    assert!(!leftover.exists());
    assert!(unrelated.exists());

    // A second window must not delete the first one's temporary files.
    fs::write(&leftover, "in flight").expect("write");
    let second = ProgressStore::open(dir.path(), ROADMAP);
    assert!(leftover.exists());
    drop((first, second));
}

#[test]
fn a_second_instance_opens_read_only_until_the_first_closes() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = ProgressStore::open(dir.path(), ROADMAP).store;
    first.save(&sample("first")).expect("save");

    let second = ProgressStore::open(dir.path(), ROADMAP);
    assert!(matches!(
        second.store.read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
    assert!(
        second
            .notices
            .iter()
            .any(|n| n.text.contains("another study-planner window")),
        "{:?}",
        second.notices
    );
    // It still shows the saved progress.
    assert_eq!(second.progress, sample("first"));
    let mut second_store = second.store;
    assert!(second_store.save(&sample("second")).is_err());
    assert_eq!(saved_progress(dir.path()), sample("first"));

    drop(second_store);
    drop(first);
    let third = ProgressStore::open(dir.path(), ROADMAP);
    assert!(third.store.read_only().is_none());
}

#[test]
fn once_the_first_window_lets_go_opening_again_takes_the_lock_and_sees_its_saves() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = ProgressStore::open(dir.path(), ROADMAP).store;
    first.save(&sample("before")).expect("save");
    let second = ProgressStore::open(dir.path(), ROADMAP);
    assert_eq!(second.progress, sample("before"));

    // Opened again while the first still holds the lock: still read-only, for that reason.
    first
        .save(&sample("while the second was open"))
        .expect("save");
    let refused = ProgressStore::open(dir.path(), ROADMAP);
    assert!(matches!(
        refused.store.read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
    drop(refused);

    // The first window closes; the second opens the folder again in its place.
    drop(first);
    let reopened = ProgressStore::open(dir.path(), ROADMAP);
    assert!(
        reopened.store.read_only().is_none(),
        "{:?}",
        reopened.notices
    );
    assert_eq!(reopened.progress, sample("while the second was open"));
    drop(second);
    let mut store = reopened.store;
    store.save(&sample("saved by the second")).expect("save");
    assert_eq!(saved_progress(dir.path()), sample("saved by the second"));
    // It holds the lock now: one lock holder at a time.
    let third = ProgressStore::open(dir.path(), ROADMAP);
    assert!(matches!(
        third.store.read_only(),
        Some(ReadOnlyReason::OtherWindow { .. })
    ));
}

#[test]
fn a_newer_version_file_opened_again_with_the_lock_stays_read_only() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let newer = format!("(version: {}, roadmaps: {{}})", CURRENT_VERSION + 1);
    fs::write(dir.path().join(PROGRESS_FILE), &newer).expect("write");
    let first = ProgressStore::open(dir.path(), ROADMAP);
    let second = ProgressStore::open(dir.path(), ROADMAP);
    // The newer file is the reason both give: no other window could make it writable.
    for opened in [&first, &second] {
        assert!(matches!(
            opened.store.read_only(),
            Some(ReadOnlyReason::NewerVersion { .. })
        ));
    }
    drop((first, second));
    let mut reopened = ProgressStore::open(dir.path(), ROADMAP).store;
    assert!(matches!(
        reopened.read_only(),
        Some(ReadOnlyReason::NewerVersion { .. })
    ));
    assert!(reopened.save(&sample("mine")).is_err());
    assert_eq!(
        fs::read_to_string(dir.path().join(PROGRESS_FILE)).expect("file"),
        newer
    );
}

// ---------------------------------------------------------------------------------------------
// The background saver

#[test]
fn the_saver_coalesces_changes_and_flushes_on_close() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = ProgressStore::open(dir.path(), ROADMAP).store;
    let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
    for n in 0..20 {
        saver.save(sample(&format!("typing {n}")));
    }
    assert!(saver.has_unsaved_changes());
    saver.flush();
    assert_eq!(saved_progress(dir.path()), sample("typing 19"));
    let events = saver.poll();
    assert_eq!(events, vec![SaverEvent::Saved], "twenty changes, one write");
    assert!(!saver.has_unsaved_changes());

    // Dropping the saver (the window closing) writes what is pending.
    saver.save(sample("last words"));
    drop(saver);
    assert_eq!(saved_progress(dir.path()), sample("last words"));
}

/// The signal handler's path: another thread flushes, the pending change is on disk at once,
/// long before the debounce would have written it.
#[test]
fn a_flush_from_another_thread_writes_pending_changes() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = ProgressStore::open(dir.path(), ROADMAP).store;
    let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
    let handle = saver.flush_handle();
    saver.save(sample("ticked just before logout"));
    let flushed = std::thread::spawn(move || handle.flush())
        .join()
        .expect("flush thread");
    assert_eq!(flushed, storage::FlushOutcome::Saved);
    assert_eq!(
        saved_progress(dir.path()),
        sample("ticked just before logout")
    );
    drop(saver);
}

// ---------------------------------------------------------------------------------------------
// Fault injection

/// A file system that fails at one step of a save while `armed`. At `Step::Write` it writes
/// half the bytes first, like a disk that fills up mid-write. `once` disarms it after the
/// first failure: one EIO on fsync, one EACCES on rename, then the disk works again.
struct FailAt {
    step: Step,
    armed: AtomicBool,
    once: bool,
}

impl FailAt {
    fn always(step: Step) -> Arc<Self> {
        Arc::new(Self {
            step,
            armed: AtomicBool::new(true),
            once: false,
        })
    }

    fn once(step: Step) -> Arc<Self> {
        Arc::new(Self {
            step,
            armed: AtomicBool::new(true),
            once: true,
        })
    }

    fn check(&self, step: Step) -> io::Result<()> {
        if self.step == step && self.armed.load(Ordering::SeqCst) {
            if self.once {
                self.armed.store(false, Ordering::SeqCst);
            }
            Err(io::Error::other(format!("injected failure at {step:?}")))
        } else {
            Ok(())
        }
    }
}

impl Fs for FailAt {
    fn create_new(&self, path: &Path) -> io::Result<fs::File> {
        self.check(Step::CreateTemp)?;
        storage::RealFs.create_new(path)
    }

    fn write(&self, file: &mut fs::File, bytes: &[u8]) -> io::Result<()> {
        if self.step == Step::Write && self.armed.load(Ordering::SeqCst) {
            storage::RealFs.write(file, &bytes[..bytes.len() / 2])?;
        }
        self.check(Step::Write)?;
        storage::RealFs.write(file, bytes)
    }

    fn sync_file(&self, file: &fs::File) -> io::Result<()> {
        self.check(Step::SyncFile)?;
        storage::RealFs.sync_file(file)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(Step::Rename)?;
        storage::RealFs.rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check(Step::SyncDir)?;
        storage::RealFs.sync_dir(dir)
    }
}

/// A data folder that cannot be written (full, or read-only) while `armed`; every other folder
/// works, so a copy can be saved elsewhere.
struct FullFolder {
    dir: PathBuf,
    armed: AtomicBool,
}

impl Fs for FullFolder {
    fn create_new(&self, path: &Path) -> io::Result<fs::File> {
        if self.armed.load(Ordering::SeqCst) && path.starts_with(&self.dir) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (injected)",
            ));
        }
        storage::RealFs.create_new(path)
    }
}

/// A data folder holding `sample("old")`, saved without faults.
fn folder_with_old_save() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ProgressStore::open(dir.path(), ROADMAP).store;
    store.save(&sample("old")).expect("first save");
    dir
}

/// Starts a saver whose `wake` reports on a channel, so a test can wait for its events.
fn saver_with_wake(
    store: ProgressStore,
    options: storage::SaverOptions,
) -> (Saver, std::sync::mpsc::Receiver<()>) {
    let (woke, wakes) = std::sync::mpsc::channel();
    let saver = Saver::start_with(
        store,
        Box::new(move || {
            let _ = woke.send(());
        }),
        options,
    )
    .expect("thread");
    (saver, wakes)
}

/// Polls until an event matches, waiting on the saver's wake-ups (never on a clock: the
/// bound only stops a broken saver from hanging the test).
fn wait_for(
    saver: &mut Saver,
    wakes: &std::sync::mpsc::Receiver<()>,
    wanted: impl Fn(&SaverEvent) -> bool,
) -> Vec<SaverEvent> {
    let mut seen = Vec::new();
    loop {
        let events = saver.poll();
        let found = events.iter().any(&wanted);
        seen.extend(events);
        if found {
            return seen;
        }
        wakes
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("the saver never reported the event; saw {seen:?}"));
    }
}

#[test]
fn a_save_failing_at_any_step_keeps_the_old_file_and_reports_the_path() {
    let _serial = shared();
    for step in Step::ALL {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let mut store = ProgressStore::open(dir.path(), ROADMAP).store;
            store.save(&sample("old")).expect("first save");
        }
        let old = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
        let fs_impl = FailAt::always(step);
        let opened = ProgressStore::open_with(dir.path(), ROADMAP, fs_impl.clone());
        let mut store = opened.store;
        let err = store.save(&sample("new")).expect_err("injected failure");
        let message = err.to_string();
        assert!(message.contains("injected failure"), "{step:?}: {message}");
        assert!(
            message.contains(&dir.path().display().to_string()),
            "{step:?}: the message names the file: {message}"
        );
        // Only the final folder sync comes after the rename; the file is then complete and new,
        // and the message says so.
        if step == Step::SyncDir {
            assert_eq!(saved_progress(dir.path()), sample("new"));
            assert!(err.changes_are_in_the_file(), "{message}");
        } else {
            assert_eq!(fs::read(dir.path().join(PROGRESS_FILE)).expect("file"), old);
            assert!(!err.changes_are_in_the_file(), "{step:?}: {message}");
        }
        assert_eq!(temp_files_in(dir.path()), Vec::<String>::new(), "{step:?}");

        // The next change tries again, and succeeds once the fault is gone.
        fs_impl.armed.store(false, Ordering::SeqCst);
        store.save(&sample("newer")).expect("retry");
        assert_eq!(saved_progress(dir.path()), sample("newer"), "{step:?}");
    }
}

/// One failure at each step of a save, on the backup's write or on the main file's: the
/// changes stay pending, and the next flush (the window closing) writes them.
#[test]
fn a_failed_save_stays_pending_and_a_later_flush_writes_it() {
    let _serial = shared();
    for step in [Step::CreateTemp, Step::Write, Step::SyncFile, Step::Rename] {
        for already_backed_up in [false, true] {
            let dir = folder_with_old_save();
            if already_backed_up {
                // The backup already holds the file on disk, so the fault hits the main file.
                fs::copy(dir.path().join(PROGRESS_FILE), dir.path().join(BACKUP_FILE))
                    .expect("backup");
            }
            let fault = FailAt::once(step);
            let store = ProgressStore::open_with(dir.path(), ROADMAP, fault.clone()).store;
            let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
            saver.save(sample("ticked"));

            let first = saver.flush();
            assert!(
                matches!(&first, storage::FlushOutcome::Failed { error, .. } if error.contains("injected")),
                "{step:?}: {first:?}"
            );
            assert_eq!(saved_progress(dir.path()), sample("old"), "{step:?}");
            let events = saver.poll();
            assert!(
                events.iter().any(|e| matches!(
                    e,
                    SaverEvent::SaveFailed { changes_not_saved, .. } if *changes_not_saved > 0
                )),
                "{step:?}: {events:?}"
            );
            assert!(
                saver.has_unsaved_changes(),
                "{step:?}: the change is still pending"
            );

            assert_eq!(saver.flush(), storage::FlushOutcome::Saved, "{step:?}");
            assert_eq!(saved_progress(dir.path()), sample("ticked"), "{step:?}");
            assert_eq!(saver.poll(), vec![SaverEvent::Saved], "{step:?}");
            assert!(!saver.has_unsaved_changes(), "{step:?}");
            assert_eq!(temp_files_in(dir.path()), Vec::<String>::new(), "{step:?}");
        }
    }
}

/// The window closing drops the saver: a change whose save failed once is written then.
#[test]
fn a_failed_save_is_written_when_the_window_closes() {
    let _serial = shared();
    for step in [Step::Write, Step::SyncFile, Step::Rename] {
        let dir = folder_with_old_save();
        let store = ProgressStore::open_with(dir.path(), ROADMAP, FailAt::once(step)).store;
        let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
        saver.save(sample("ticked before closing"));
        assert!(matches!(
            saver.flush(),
            storage::FlushOutcome::Failed { .. }
        ));
        drop(saver);
        assert_eq!(
            saved_progress(dir.path()),
            sample("ticked before closing"),
            "{step:?}"
        );
    }
}

/// Nobody flushes: the saver retries by itself (here after 10 ms, then 20 ms …), and a new
/// change is written even while the retry is far off.
#[test]
fn a_failed_save_is_retried_by_itself_and_on_the_next_change() {
    let _serial = shared();
    let dir = folder_with_old_save();
    let store = ProgressStore::open_with(dir.path(), ROADMAP, FailAt::once(Step::Rename)).store;
    let options = storage::SaverOptions {
        debounce: Duration::from_millis(1),
        first_retry: Duration::from_millis(10),
        rescue_dirs: Vec::new(),
    };
    let (mut saver, wakes) = saver_with_wake(store, options);
    saver.save(sample("retried"));
    let events = wait_for(&mut saver, &wakes, |e| *e == SaverEvent::Saved);
    assert!(
        matches!(events.first(), Some(SaverEvent::SaveFailed { .. })),
        "{events:?}"
    );
    assert_eq!(saved_progress(dir.path()), sample("retried"));
    drop(saver);

    let dir = folder_with_old_save();
    let store = ProgressStore::open_with(dir.path(), ROADMAP, FailAt::once(Step::Rename)).store;
    let options = storage::SaverOptions {
        debounce: Duration::from_millis(1),
        first_retry: Duration::from_secs(3600),
        rescue_dirs: Vec::new(),
    };
    let (mut saver, wakes) = saver_with_wake(store, options);
    saver.save(sample("first"));
    wait_for(&mut saver, &wakes, |e| {
        matches!(e, SaverEvent::SaveFailed { .. })
    });
    saver.save(sample("the next change"));
    wait_for(&mut saver, &wakes, |e| *e == SaverEvent::Saved);
    assert_eq!(saved_progress(dir.path()), sample("the next change"));
}

/// SIGTERM's path: a flush from another thread writes a change whose save failed; if the
/// folder stays unwritable, a copy goes to a rescue folder and the outcome says where.
#[test]
fn a_signal_after_a_failed_save_writes_it_or_rescues_a_copy() {
    let _serial = shared();
    let dir = folder_with_old_save();
    let store = ProgressStore::open_with(dir.path(), ROADMAP, FailAt::once(Step::SyncFile)).store;
    let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
    saver.save(sample("ticked before logout"));
    assert!(matches!(
        saver.flush(),
        storage::FlushOutcome::Failed { .. }
    ));
    let handle = saver.flush_handle();
    let outcome = std::thread::spawn(move || handle.flush())
        .join()
        .expect("flush thread");
    assert_eq!(outcome, storage::FlushOutcome::Saved);
    assert_eq!(saved_progress(dir.path()), sample("ticked before logout"));
    drop(saver);

    let dir = folder_with_old_save();
    let rescue = tempfile::tempdir().expect("rescue dir");
    let full = Arc::new(FullFolder {
        dir: dir.path().to_owned(),
        armed: AtomicBool::new(true),
    });
    let store = ProgressStore::open_with(dir.path(), ROADMAP, full).store;
    let options = storage::SaverOptions {
        rescue_dirs: vec![
            dir.path().join("not-writable-either"),
            rescue.path().to_owned(),
        ],
        ..storage::SaverOptions::default()
    };
    let mut saver = Saver::start_with(store, Box::new(|| {}), options).expect("thread");
    saver.save(sample("ticked on a full disk"));
    let outcome = saver.flush_handle().flush();
    let storage::FlushOutcome::Failed {
        error,
        changes_not_saved,
        copy: Some(Ok(copy)),
    } = outcome
    else {
        panic!("expected a failure with a rescue copy, got {outcome:?}");
    };
    assert!(error.contains("no space left"), "{error}");
    assert_eq!(changes_not_saved, 1, "the note on topic-a");
    assert!(copy.starts_with(rescue.path()), "{}", copy.display());
    assert_eq!(
        storage::read_import(&copy, ROADMAP)
            .expect("the copy imports")
            .progress,
        sample("ticked on a full disk")
    );
    assert_eq!(saved_progress(dir.path()), sample("old"));
}

/// Only the folder flush after the rename fails: the new file is in place, and what the
/// learner is told says so, rather than that the old file is still on disk.
#[test]
fn when_only_the_folder_flush_fails_the_message_says_the_file_is_in_place() {
    let _serial = shared();
    let dir = folder_with_old_save();
    let fault = FailAt::always(Step::SyncDir);
    let store = ProgressStore::open_with(dir.path(), ROADMAP, fault.clone()).store;
    let mut saver = Saver::start(store, Box::new(|| {})).expect("thread");
    saver.save(sample("new"));
    assert_eq!(saver.flush(), storage::FlushOutcome::Saved);
    assert_eq!(saved_progress(dir.path()), sample("new"));
    let events = saver.poll();
    let [SaverEvent::SavedNotFlushed(message)] = events.as_slice() else {
        panic!("expected one not-flushed event, got {events:?}");
    };
    assert!(
        message.contains("your changes are in the progress file"),
        "{message}"
    );
    assert!(message.contains("power cut"), "{message}");
    assert!(!message.contains("still holds"), "{message}");
    assert!(
        message.ends_with(&dir.path().display().to_string()),
        "names the folder: {message}"
    );
    // Closing does not ask about changes that are in the file.
    assert!(!saver.has_unsaved_changes());

    // The flush is tried again with the same content, and then all is well.
    fault.armed.store(false, Ordering::SeqCst);
    saver.save(sample("new"));
    assert_eq!(saver.flush(), storage::FlushOutcome::Saved);
    assert_eq!(saver.poll(), vec![SaverEvent::Saved]);
}

#[test]
fn a_data_folder_that_cannot_be_created_reports_it_on_open_and_on_save() {
    let _serial = shared();
    let dir = tempfile::tempdir().expect("temp dir");
    // A regular file where the folder should be: no permissions involved, so this also
    // fails when the tests run as root.
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "x").expect("write");
    let data_dir = blocker.join("data");
    let opened = ProgressStore::open(&data_dir, ROADMAP);
    assert!(
        opened
            .notices
            .iter()
            .any(|n| n.level == NoticeLevel::Error && n.path.as_deref() == Some(&data_dir)),
        "{:?}",
        opened.notices
    );
    let mut store = opened.store;
    let err = store.save(&sample("x")).expect_err("cannot save");
    assert!(
        err.to_string().contains(&data_dir.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&blocker).expect("untouched"), b"x");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_old_file_and_reports_the_error() {
    let _serial = shared();
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ProgressStore::open(dir.path(), ROADMAP).store;
    store.save(&sample("old")).expect("save");
    let old = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores folder permissions; the fault-injecting writer above covers that case.
    if fs::write(dir.path().join("probe"), "x").is_ok() {
        eprintln!("skipped: running as root, folder permissions do not stop writes");
        let _ = fs::remove_file(dir.path().join("probe"));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let result = store.save(&sample("new"));
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let err = result.expect_err("read-only folder");
    assert!(
        err.to_string().contains(&dir.path().display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(dir.path().join(PROGRESS_FILE)).expect("file"), old);
    store
        .save(&sample("new"))
        .expect("retry after the folder is writable");
}

// ---------------------------------------------------------------------------------------------
// A linked progress file

/// `data/progress.ron` → `../synced/mine.ron` (relative, as `ln -s` makes it), holding the
/// good fixture. Returns the root, the data folder and the target.
#[cfg(unix)]
fn linked_data_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    let synced = root.path().join("synced");
    fs::create_dir_all(&data).expect("data dir");
    fs::create_dir_all(&synced).expect("synced dir");
    let target = synced.join("mine.ron");
    fs::copy(fixture("good.ron"), &target).expect("copy fixture");
    std::os::unix::fs::symlink("../synced/mine.ron", data.join(PROGRESS_FILE)).expect("symlink");
    (root, data, target)
}

#[cfg(unix)]
fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(unix)]
#[test]
fn a_linked_progress_file_is_written_through_and_stays_a_link() {
    let _serial = shared();
    let (_root, data, target) = linked_data_dir();
    let original = fs::read(&target).expect("target");
    let opened = ProgressStore::open(&data, ROADMAP);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    let mut store = opened.store;
    store.save(&sample("one")).expect("save");
    store.save(&sample("two")).expect("save");

    let link = data.join(PROGRESS_FILE);
    assert!(is_link(&link), "the link was replaced by a plain file");
    assert_eq!(
        fs::read_link(&link).expect("link"),
        PathBuf::from("../synced/mine.ron")
    );
    assert_eq!(saved_progress(&data), sample("two"));
    // The backup and any temporary files sit beside the target, not beside the link.
    let backup = target.with_file_name("mine.ron.bak");
    let first = fs::read(&backup).expect("backup beside the target");
    assert_ne!(first, original, "the backup is the previous save");
    assert!(!data.join(BACKUP_FILE).exists());
    assert_eq!(files_in(&data), [storage::LOCK_FILE, PROGRESS_FILE]);
    assert_eq!(
        files_in(target.parent().expect("folder")),
        ["mine.ron", "mine.ron.bak"]
    );
    drop(store);

    let reopened = ProgressStore::open(&data, ROADMAP);
    assert_eq!(reopened.progress, sample("two"));
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_written_through_to_its_target() {
    let _serial = shared();
    let (_root, data, target) = linked_data_dir();
    fs::remove_file(&target).expect("remove target");
    let opened = ProgressStore::open(&data, ROADMAP);
    assert_eq!(opened.progress, RoadmapProgress::default());
    let mut store = opened.store;
    store.save(&sample("first")).expect("save");
    assert!(is_link(&data.join(PROGRESS_FILE)));
    assert!(target.exists(), "the save created the link's target");
    assert_eq!(saved_progress(&data), sample("first"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_linked_file_is_moved_aside_beside_its_target() {
    let _serial = shared();
    let (_root, data, target) = linked_data_dir();
    let folder = target.parent().expect("folder").to_owned();
    fs::copy(&target, folder.join("mine.ron.bak")).expect("backup");
    fs::copy(fixture("corrupt.ron"), &target).expect("corrupt");
    let opened = ProgressStore::open(&data, ROADMAP);
    assert_eq!(
        opened.progress.state("topic-a"),
        ItemState::Done,
        "from the backup"
    );
    let moved: Vec<String> = files_in(&folder)
        .into_iter()
        .filter(|n| n.starts_with("mine.unreadable-"))
        .collect();
    assert_eq!(moved.len(), 1, "{:?}", files_in(&folder));
    assert!(is_link(&data.join(PROGRESS_FILE)), "the link is kept");
    let mut store = opened.store;
    store.save(&sample("after recovery")).expect("save");
    assert!(is_link(&data.join(PROGRESS_FILE)));
    assert_eq!(saved_progress(&data), sample("after recovery"));
}

// ---------------------------------------------------------------------------------------------
// Kill test

const KILL_CHILD_ENV: &str = "STUDY_PLANNER_KILL_TEST_DIR";

/// The data a child writes for save number `n`: a counter in a stage note and `n % 40 + 1`
/// items whose notes all repeat `n`, so a file mixing two saves would not match.
fn generation(n: u64) -> RoadmapProgress {
    let mut progress = RoadmapProgress::default();
    progress.set_stage_note("counter", &n.to_string());
    for i in 0..(n % 40 + 1) {
        let id = format!("item-{i}");
        let state = match (n + i) % 3 {
            0 => ItemState::Done,
            1 => ItemState::InProgress,
            _ => ItemState::Skipped,
        };
        progress.set_state(&id, state, day(2026, 1, 1));
        progress.set_note(
            &id,
            &format!("save {n}, item {i}: “ünïcødé” {}", "x".repeat(64)),
        );
    }
    progress
}

/// Run only as a child of `killed_saves_never_leave_a_broken_file`: saves forever.
#[test]
#[ignore = "a helper process for the kill test, started by it"]
fn kill_test_child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(KILL_CHILD_ENV) else {
        return;
    };
    let opened = ProgressStore::open(Path::new(&dir), ROADMAP);
    let mut n: u64 = opened
        .progress
        .stage_note("counter")
        .parse()
        .unwrap_or_default();
    let mut store = opened.store;
    println!("ready");
    loop {
        n += 1;
        store.save(&generation(n)).expect("save in the child");
    }
}

/// A small xorshift generator: the kill moments need not be cryptographic, only varied.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[cfg(unix)]
#[test]
fn killed_saves_never_leave_a_broken_file() {
    let _serial = exclusive();
    const KILLS: usize = 200;
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    eprintln!("kill test seed {seed}");
    let mut rng = Rng(seed);
    let mut last_seen = 0;
    let mut killed_mid_save = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill_test_child_saves_in_a_loop",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(KILL_CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        // Wait until the child has opened the folder, then let it save for a random while.
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("ready") => break,
                Some(Ok(_)) => continue,
                other => panic!("round {round}: child did not start: {other:?}"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().expect("SIGKILL");
        let _ = child.wait();

        if !temp_files_in(dir.path()).is_empty() {
            killed_mid_save += 1;
        }
        if !dir.path().join(PROGRESS_FILE).exists() {
            assert_eq!(last_seen, 0, "round {round}: progress.ron vanished");
            continue;
        }
        let progress = saved_progress(dir.path());
        let n: u64 = progress
            .stage_note("counter")
            .parse()
            .unwrap_or_else(|_| panic!("round {round}: no counter"));
        assert_eq!(progress, generation(n), "round {round}: a torn file");
        assert!(
            n >= last_seen,
            "round {round}: went back from {last_seen} to {n}"
        );
        last_seen = n;
    }
    eprintln!(
        "{KILLS} kills, {last_seen} saves in all, {killed_mid_save} kills left a temporary file"
    );
    assert!(last_seen > 0, "the children never saved");
    // The next start cleans up what the killed saves left behind.
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert_eq!(opened.progress, generation(last_seen));
    assert_eq!(temp_files_in(dir.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Hand edits

/// The names of our own types, which mean nothing to a learner and must never reach a message.
const INTERNAL_NAMES: [&str; 11] = [
    "VersionProbe",
    "V1Document",
    "ProgressDocument",
    "RoadmapProgress",
    "ItemProgress",
    "ItemState",
    "PlanSettings",
    "Pace",
    "NaiveDate",
    "struct",
    "enum",
];

#[test]
fn a_byte_order_mark_is_not_damage() {
    let _serial = shared();
    let dir = data_dir_with("bom.ron", false);
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert_eq!(opened.progress.state("topic-a"), ItemState::Done);
    assert_eq!(opened.progress.plan.pace, Pace::Relaxed);
    // Nothing was moved aside.
    assert_eq!(files_in(dir.path()), [storage::LOCK_FILE, PROGRESS_FILE]);
}

#[test]
fn plain_values_for_optional_fields_are_accepted() {
    let _serial = shared();
    let dir = data_dir_with("implicit-some.ron", false);
    let opened = ProgressStore::open(dir.path(), ROADMAP);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert_eq!(opened.progress.plan.hours_per_week, Some(12.0));
    assert_eq!(
        opened.progress.plan.start.map(PlanDate::get),
        Some(day(2026, 1, 5))
    );
    assert_eq!(
        opened.progress.item("topic-a").and_then(|p| p.done_on),
        Some(day(2026, 1, 10))
    );
    assert_eq!(opened.progress.note("topic-a"), "ticked by hand");
}

#[test]
fn messages_about_a_damaged_file_use_the_learners_words() {
    let _serial = shared();
    for (name, line, fragment) in [
        (
            "not-a-record.ron",
            1,
            "expected `(` to start the progress file",
        ),
        ("named-record.ron", 1, "found the name `Progress`"),
        (
            "no-version.ron",
            3,
            "missing field `version` in the progress file",
        ),
        ("unknown-state.ron", 6, "unknown value `Finished`"),
        (
            "older-version-typo.ron",
            4,
            "unknown field `dones` in the progress file",
        ),
        ("bad-date.ron", 6, ""),
        ("wrong-field-type.ron", 5, ""),
        ("wrong-shape.ron", 1, ""),
    ] {
        let bytes = fs::read(fixture(name)).expect("fixture");
        let err = storage::decode(&bytes).expect_err(name).to_string();
        assert!(err.starts_with(&format!("{line}:")), "{name}: {err}");
        assert!(err.contains(fragment), "{name}: {err}");
        for internal in INTERNAL_NAMES {
            assert!(!err.contains(internal), "{name}: {internal:?} in {err:?}");
        }
        // And the same words reach the banner the window shows.
        let dir = data_dir_with(name, false);
        let opened = ProgressStore::open(dir.path(), ROADMAP);
        let text: Vec<&str> = opened.notices.iter().map(|n| n.text.as_str()).collect();
        assert!(text.iter().any(|t| t.contains(&err)), "{name}: {text:?}");
    }
}

/// Nothing is saved over a file whose original could not be kept first: an older version to
/// migrate and a file with values to repair, each in a folder where the copy cannot be
/// written, open read-only, say why, and leave the file as it was.
#[test]
fn a_file_whose_original_cannot_be_kept_opens_read_only_and_is_left_alone() {
    let _serial = shared();
    for (fixture_name, why) in [
        ("older-version.ron", "could not be kept before updating it"),
        (
            "out-of-range-dates.ron",
            "could not be kept before changing them",
        ),
    ] {
        let dir = data_dir_with(fixture_name, false);
        let original = fs::read(dir.path().join(PROGRESS_FILE)).expect("file");
        let full = Arc::new(FullFolder {
            dir: dir.path().to_owned(),
            armed: AtomicBool::new(true),
        });
        let opened = ProgressStore::open_with(dir.path(), ROADMAP, full);
        let reason = opened.store.read_only().map(ToString::to_string);
        assert!(
            reason.as_deref().is_some_and(|r| r.contains(why)),
            "{fixture_name}: {reason:?}"
        );
        assert!(
            opened.notices.iter().any(|n| n.text.contains(why)),
            "{fixture_name}: {:?}",
            opened.notices
        );
        assert_eq!(
            opened.progress.state("topic-a"),
            ItemState::Done,
            "{fixture_name}"
        );
        // No copy, no backup, no temporary file: only the file and this window's lock.
        assert_eq!(
            files_in(dir.path()),
            ["progress.lock", PROGRESS_FILE],
            "{fixture_name}"
        );
        assert_eq!(
            fs::read(dir.path().join(PROGRESS_FILE)).expect("file"),
            original
        );
    }
}

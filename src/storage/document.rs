//! The saved file's shape, its versions, and turning bytes into a document (and back).
//!
//! Pure: no disk. Reading never guesses: a file is the current version, an older version that
//! is migrated, a newer version (read as far as it can be, and never written back), or an
//! error that says why and where (line:column).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::{PlanDate, PlanDateError};
use crate::progress::{ItemProgress, ItemState, RoadmapProgress, WrittenBreak};
use crate::ron_messages::{TypeWords, hand_edit_options, strip_bom, user_message};

/// The version this build writes. Bump it when the shape changes, and add a migration.
///
/// - 1: the pre-release format, one roadmap per file ([`V1Document`]).
/// - 2: every roadmap's progress keyed by roadmap id.
/// - 3: plan settings gain `breaks`. Version 2 files read as version 3 with no breaks; the
///   bump keeps a version-2 build from opening a file with breaks and dropping them on save
///   (it opens a newer file read-only instead).
/// - 4: a roadmap's progress gains `chosen_idea` (the final project's idea the learner chose).
///   Version 2 and 3 files read as version 4 with no choice; the bump keeps a version-3 build
///   from dropping the choice on save.
pub const CURRENT_VERSION: u32 = 4;

/// Everything in `progress.ron`: the learner's progress for every roadmap they have opened,
/// keyed by roadmap id, so a custom roadmap keeps its own ticks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressDocument {
    pub version: u32,
    #[serde(default)]
    pub roadmaps: BTreeMap<String, RoadmapProgress>,
}

impl ProgressDocument {
    pub fn new() -> Self {
        Self {
            version: CURRENT_VERSION,
            roadmaps: BTreeMap::new(),
        }
    }

    /// The progress saved for one roadmap (empty when there is none).
    pub fn roadmap(&self, roadmap_id: &str) -> RoadmapProgress {
        self.roadmaps.get(roadmap_id).cloned().unwrap_or_default()
    }

    /// Stores one roadmap's progress; an empty one is dropped so the file stays tidy.
    pub fn set_roadmap(&mut self, roadmap_id: &str, progress: &RoadmapProgress) {
        if *progress == RoadmapProgress::default() {
            self.roadmaps.remove(roadmap_id);
        } else {
            self.roadmaps
                .insert(roadmap_id.to_owned(), progress.clone());
        }
    }

    /// The RON text written to disk (pretty, so a learner can read it).
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let mut doc = self.clone();
        doc.version = CURRENT_VERSION;
        let config = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .indentor("  ".to_owned());
        ron::ser::to_string_pretty(&doc, config).map(|mut text| {
            text.push('\n');
            text
        })
    }
}

/// What a readable file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// Written by this version.
    Current(ProgressDocument),
    /// Written by an older version and migrated in memory.
    Migrated {
        document: ProgressDocument,
        from_version: u32,
    },
    /// Written by a newer version: shown as far as this version understands it, never saved
    /// over.
    Newer {
        document: ProgressDocument,
        version: u32,
    },
}

impl Decoded {
    pub fn document(&self) -> &ProgressDocument {
        match self {
            Self::Current(document)
            | Self::Migrated { document, .. }
            | Self::Newer { document, .. } => document,
        }
    }

    pub fn into_document(self) -> ProgressDocument {
        match self {
            Self::Current(document)
            | Self::Migrated { document, .. }
            | Self::Newer { document, .. } => document,
        }
    }
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text (bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("{line}:{column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("unknown file version {0}")]
    UnknownVersion(u32),
}

/// The types a progress file is read into, in the words of the learner who edits it.
const PROGRESS_WORDS: TypeWords = &[
    ("VersionProbe", "the progress file"),
    ("ProgressDocument", "the progress file"),
    ("V1Document", "the progress file"),
    ("RoadmapProgress", "a roadmap's progress"),
    ("ItemProgress", "an item's progress"),
    (
        "ItemState",
        "an item state (NotStarted, InProgress, Done or Skipped)",
    ),
    ("PlanSettings", "the plan settings"),
    ("Pace", "a pace (Fast, Steady or Relaxed)"),
    ("NaiveDate", "a date such as \"2026-01-31\""),
];

impl DecodeError {
    fn from_ron(err: &ron::error::SpannedError) -> Self {
        Self::Syntax {
            line: err.span.start.line,
            column: err.span.start.col,
            message: user_message(&err.code, PROGRESS_WORDS),
        }
    }
}

/// Parses with the options for hand-edited files (see [`hand_edit_options`]).
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    hand_edit_options()
        .from_str(text)
        .map_err(|err| DecodeError::from_ron(&err))
}

/// Only the version, read first so the rest is parsed with the right shape.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a saved file's bytes. What a learner's editor may do to the file is accepted: a
/// leading byte-order mark, and `hours_per_week: 12` for `Some(12)`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|err| DecodeError::NotUtf8 {
        offset: err.valid_up_to(),
    })?;
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let probe: VersionProbe = parse(text)?;
    match probe.version {
        0 => Err(DecodeError::UnknownVersion(0)),
        1 => {
            let old: V1Document = parse(text)?;
            Ok(Decoded::Migrated {
                document: old.migrate(),
                from_version: 1,
            })
        }
        from_version @ (2 | 3) => {
            // Versions 3 and 4 only added fields that default to empty, so versions 2 and 3
            // read as they are.
            let mut document: ProgressDocument = parse(text)?;
            document.version = CURRENT_VERSION;
            Ok(Decoded::Migrated {
                document,
                from_version,
            })
        }
        CURRENT_VERSION => {
            let document: ProgressDocument = parse(text)?;
            Ok(Decoded::Current(document))
        }
        version => {
            // A newer file may have fields (or values) this build does not know. Show what can
            // be read; if nothing can, show nothing — it is opened read-only either way.
            let document = parse::<ProgressDocument>(text).unwrap_or_default();
            Ok(Decoded::Newer { document, version })
        }
    }
}

/// A value in a hand-edited file that a plan cannot use, changed when the file was read so
/// that everything else in it still loads (the rules are `PlanSettings`' own: a start that is
/// not a plan date is left out, break days outside the plan's dates are clamped). Found by
/// [`repairs`] so the learner is told what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// The roadmap whose plan held the value.
    pub roadmap_id: String,
    pub change: RepairedValue,
}

/// What [`Repair`] changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepairedValue {
    /// The plan's start date was left out: the plan starts today until one is picked.
    Start(PlanDateError),
    /// A break was left out: one of its days, as written, is not a date.
    BreakLeftOut {
        label: String,
        written: (String, String),
    },
    /// A break's days were clamped into the plan's dates.
    Break {
        label: String,
        written: (NaiveDate, NaiveDate),
        now: (NaiveDate, NaiveDate),
    },
}

impl Repair {
    /// The change in words; the roadmap is named when it is not `open_roadmap_id` (the file
    /// holds every roadmap's progress).
    pub fn describe(&self, open_roadmap_id: &str) -> String {
        let change = match &self.change {
            RepairedValue::Start(problem) => format!(
                "the plan's start date was left out ({problem}), so the plan starts today \
                 until you pick a start date"
            ),
            RepairedValue::BreakLeftOut { label, written } => {
                let not_a_date = if written.0.parse::<NaiveDate>().is_err() {
                    &written.0
                } else {
                    &written.1
                };
                format!(
                    "{} from {} to {} was left out, as '{not_a_date}' is not a date (expected \
                     YYYY-MM-DD)",
                    break_name(label),
                    written.0,
                    written.1
                )
            }
            RepairedValue::Break {
                label,
                written,
                now,
            } => {
                let name = break_name(label);
                format!(
                    "{name} from {} to {} lies outside the dates a plan can use, so it now \
                     runs from {} to {}",
                    written.0, written.1, now.0, now.1
                )
            }
        };
        if self.roadmap_id == open_roadmap_id {
            change
        } else {
            format!("in roadmap “{}”, {change}", self.roadmap_id)
        }
    }
}

/// "the break “holiday”", or "a break" when it has no name.
fn break_name(label: &str) -> String {
    if label.trim().is_empty() {
        "a break".to_owned()
    } else {
        format!("the break “{}”", label.trim())
    }
}

/// The plan values of a readable file that were changed when it was read (see [`Repair`]),
/// in file order: empty for a file that is fine. Reads only the plans' dates, with the names
/// the file may use, and ignores everything else.
pub fn repairs(bytes: &[u8]) -> Vec<Repair> {
    #[derive(Deserialize)]
    #[serde(rename = "ProgressDocument")]
    struct Dates {
        #[serde(default)]
        roadmaps: BTreeMap<String, RoadmapDates>,
    }
    #[derive(Deserialize)]
    #[serde(rename = "RoadmapProgress")]
    struct RoadmapDates {
        #[serde(default)]
        plan: PlanDates,
    }
    #[derive(Default, Deserialize)]
    #[serde(rename = "PlanSettings")]
    struct PlanDates {
        #[serde(default)]
        start: Option<String>,
        #[serde(default)]
        breaks: Vec<WrittenBreak>,
    }

    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    let dates: Dates = match parse(strip_bom(text)) {
        Ok(dates) => dates,
        Err(err) => {
            log::warn!("cannot look for repaired values in the progress file: {err}");
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for (roadmap_id, roadmap) in dates.roadmaps {
        let repair = |change| Repair {
            roadmap_id: roadmap_id.clone(),
            change,
        };
        if let Some(Err(problem)) = roadmap.plan.start.map(|text| text.parse::<PlanDate>()) {
            found.push(repair(RepairedValue::Start(problem)));
        }
        for b in roadmap.plan.breaks {
            let (Ok(start), Ok(end)) = (b.start.parse::<NaiveDate>(), b.end.parse::<NaiveDate>())
            else {
                found.push(repair(RepairedValue::BreakLeftOut {
                    label: b.label,
                    written: (b.start, b.end),
                }));
                continue;
            };
            if PlanDate::new(start).is_err() || PlanDate::new(end).is_err() {
                let now = (PlanDate::clamped(start).get(), PlanDate::clamped(end).get());
                found.push(repair(RepairedValue::Break {
                    label: b.label,
                    written: (start, end),
                    now,
                }));
            }
        }
    }
    found
}

/// Version 1, the pre-release format: one roadmap per file, ticks as a map of done dates and
/// notes as a separate map. Kept only to migrate such files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Document {
    #[expect(dead_code, reason = "read to match the shape; always 1 here")]
    version: u32,
    roadmap: String,
    #[serde(default)]
    done: BTreeMap<String, NaiveDate>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
}

impl V1Document {
    fn migrate(self) -> ProgressDocument {
        let mut progress = RoadmapProgress::default();
        for (item_id, day) in self.done {
            progress.items.insert(
                item_id,
                ItemProgress {
                    state: ItemState::Done,
                    done_on: Some(day),
                    note: String::new(),
                    before_done: None,
                },
            );
        }
        for (item_id, note) in self.notes {
            progress.items.entry(item_id).or_default().note = note;
        }
        let mut document = ProgressDocument::new();
        document.set_roadmap(&self.roadmap, &progress);
        document
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_round_trip() {
        let mut progress = RoadmapProgress::default();
        let day = NaiveDate::from_ymd_opt(2026, 2, 1);
        progress.items.insert(
            "x".into(),
            ItemProgress {
                state: ItemState::Done,
                done_on: day,
                note: "“quoted” \\ and \n newline".into(),
                before_done: Some(ItemState::InProgress),
            },
        );
        let mut document = ProgressDocument::new();
        document.set_roadmap("r", &progress);
        let text = document.to_ron().map_err(|e| e.to_string());
        let decoded = text.as_deref().map(|t| decode(t.as_bytes()));
        assert_eq!(decoded, Ok(Ok(Decoded::Current(document))));
    }

    #[test]
    fn errors_say_why() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"(version: 3, \xff)"),
            Err(DecodeError::NotUtf8 { offset: 13 })
        );
        assert!(matches!(
            decode(b"(version: 3,\n roadmaps: {\"r\": (items: 5)})"),
            Err(DecodeError::Syntax { line: 2, .. })
        ));
        assert_eq!(decode(b"(version: 0)"), Err(DecodeError::UnknownVersion(0)));
    }

    #[test]
    fn version_2_is_migrated_with_no_breaks_and_breaks_round_trip() {
        let v2 =
            b"(version: 2, roadmaps: {\"r\": (plan: (start: Some(\"2027-01-04\"), pace: Fast))})";
        let Ok(Decoded::Migrated {
            document,
            from_version: 2,
        }) = decode(v2)
        else {
            panic!("version 2 is migrated: {:?}", decode(v2));
        };
        let plan = document.roadmap("r").plan;
        assert_eq!(
            plan.start.map(crate::date::PlanDate::get),
            NaiveDate::from_ymd_opt(2027, 1, 4)
        );
        assert_eq!(plan.pace, crate::progress::Pace::Fast);
        assert!(plan.breaks.is_empty());
        // Written back as the current version, with a break.
        let mut progress = document.roadmap("r");
        progress.plan.breaks.push(crate::progress::Break {
            start: NaiveDate::from_ymd_opt(2027, 12, 21).expect("a real date"),
            end: NaiveDate::from_ymd_opt(2028, 1, 3).expect("a real date"),
            label: "holiday".into(),
        });
        let mut again = ProgressDocument::new();
        again.set_roadmap("r", &progress);
        let text = again.to_ron().expect("writes");
        assert!(text.contains("version: 4"), "{text}");
        assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(again)));
    }

    #[test]
    fn version_3_loads_unchanged_and_the_chosen_idea_round_trips() {
        let v3 = b"(version: 3, roadmaps: {\"r\": (items: {\"a\": (state: Done, done_on: Some(\"2026-02-01\"), note: \"n\")}, stage_notes: {\"p\": \"x\"}, plan: (pace: Fast))})";
        let Ok(Decoded::Migrated {
            document,
            from_version: 3,
        }) = decode(v3)
        else {
            panic!("version 3 is migrated: {:?}", decode(v3));
        };
        let progress = document.roadmap("r");
        assert_eq!(progress.state("a"), ItemState::Done);
        assert_eq!(progress.note("a"), "n");
        assert_eq!(progress.stage_note("p"), "x");
        assert_eq!(progress.plan.pace, crate::progress::Pace::Fast);
        assert_eq!(progress.chosen_idea, None);
        // The migrated document is the version 3 one, field for field.
        let mut expected = ProgressDocument::new();
        let same = RoadmapProgress {
            items: progress.items.clone(),
            stage_notes: progress.stage_notes.clone(),
            plan: progress.plan.clone(),
            ..RoadmapProgress::default()
        };
        expected.set_roadmap("r", &same);
        assert_eq!(document, expected);

        let mut chosen = progress;
        chosen.choose_idea(Some("helpdesk"));
        let mut again = ProgressDocument::new();
        again.set_roadmap("r", &chosen);
        let text = again.to_ron().expect("writes");
        assert!(text.contains("chosen_idea: Some(\"helpdesk\")"), "{text}");
        assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(again)));
    }

    #[test]
    fn values_a_plan_cannot_use_are_changed_and_found() {
        let text = br#"(version: 4, roadmaps: {
            "r": (items: {"a": (state: Done)}, plan: (start: "+20000-01-01", breaks: [
                (start: "2027-01-04", end: "2027-01-10", label: "fine"),
                (start: "1066-10-14", end: "2027-01-01", label: " typo "),
                (start: "2027-03-01", end: "2027-02-30"),
            ])),
            "other": RoadmapProgress(plan: PlanSettings(start: Some("2027-02-30"))),
            "fine": (plan: (start: "2027-01-04")),
        })"#;
        let Ok(Decoded::Current(document)) = decode(text) else {
            panic!(
                "a bad plan date does not refuse the file: {:?}",
                decode(text)
            );
        };
        let progress = document.roadmap("r");
        assert_eq!(progress.state("a"), ItemState::Done);
        assert_eq!(progress.plan.start, None);
        assert_eq!(progress.plan.breaks[1].days().0, PlanDate::FIRST.get());
        assert_eq!(
            progress.plan.breaks.len(),
            2,
            "the break that is not a date is left out"
        );
        let said: Vec<String> = repairs(text).iter().map(|r| r.describe("r")).collect();
        assert_eq!(
            said,
            [
                "in roadmap “other”, the plan's start date was left out ('2027-02-30' is not \
                 a date; expected YYYY-MM-DD, e.g. 2027-01-04), so the plan starts today until \
                 you pick a start date",
                "the plan's start date was left out (+20000-01-01 is outside the dates a plan \
                 can use: 1900-01-01 to 9999-12-31), so the plan starts today until you pick a \
                 start date",
                "the break “typo” from 1066-10-14 to 2027-01-01 lies outside the dates a plan \
                 can use, so it now runs from 1900-01-01 to 2027-01-01",
                "a break from 2027-03-01 to 2027-02-30 was left out, as '2027-02-30' is not a \
                 date (expected YYYY-MM-DD)",
            ]
        );
        // A file that is fine has nothing to say.
        let fine = document.to_ron().expect("writes");
        assert_eq!(repairs(fine.as_bytes()), []);
    }

    #[test]
    fn newer_versions_are_recognised() {
        let decoded = decode(b"(version: 7, roadmaps: {}, colour: \"blue\")");
        assert!(matches!(decoded, Ok(Decoded::Newer { version: 7, .. })));
    }
}

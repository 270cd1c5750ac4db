//! The date axis: which dates get a label, and what each label says, for any zoom and width.
//!
//! The rule: try the steps from the finest (every day) to the coarsest (every century) and
//! take the first whose labels, measured with the caller's font, all fit the width with a gap
//! between neighbours. One step at a time, so a week label never collides with a month label
//! the way two overlaid grids do. The year is written on the first label and on the first
//! label of every new year ("Dec 2026", "Jan 2027", "Feb"), so it is always on screen.
//!
//! Marks are aligned to the calendar, not to the window: every second Monday is counted from
//! a fixed Monday and quarters start in January, so panning moves the marks and never
//! re-picks them.

use chrono::{Datelike, Months, NaiveDate};

use super::{DayScale, date_of_day, day_number};

/// How far apart the labelled marks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Days(u32),
    /// Mondays.
    Weeks(u32),
    /// First days of months; `Months(3)` is quarters (January, April, July, October).
    Months(u32),
    /// First days of years divisible by the count.
    Years(u32),
}

/// Finest first.
const STEPS: [Step; 13] = [
    Step::Days(1),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
];

/// A step is not tried when it would put more marks than this in the window (an absurdly
/// wide window at a fine step): measuring them all would cost more than it tells.
const MAX_MARKS: f64 = 4000.0;

impl Step {
    /// The fewest days between two marks of this step.
    fn min_days(self) -> f64 {
        match self {
            Self::Days(n) => f64::from(n),
            Self::Weeks(n) => 7.0 * f64::from(n),
            Self::Months(n) => 28.0 * f64::from(n),
            Self::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// The shortest label this step writes, to skip steps that cannot fit without measuring
    /// every label.
    fn shortest_label(self) -> &'static str {
        match self {
            Self::Days(_) | Self::Weeks(_) => "1 May",
            Self::Months(_) => "May",
            Self::Years(_) => "2027",
        }
    }

    /// Whether `date` is a mark of this step.
    fn marks(self, date: NaiveDate) -> bool {
        let day = day_number(date) as i64;
        match self {
            Self::Days(n) => day.rem_euclid(i64::from(n)) == 0,
            // Day 4 (5 Jan 1970) was a Monday.
            Self::Weeks(n) => (day - 4).rem_euclid(7 * i64::from(n)) == 0,
            Self::Months(n) => date.day() == 1 && (date.month() - 1).is_multiple_of(n),
            Self::Years(n) => {
                date.ordinal() == 1 && i64::from(date.year()).rem_euclid(i64::from(n)) == 0
            }
        }
    }

    /// The first mark on or after `date`.
    fn first_from(self, date: NaiveDate) -> Option<NaiveDate> {
        let day = day_number(date) as i64;
        let forward = |days: i64| date.checked_add_days(chrono::Days::new(days.unsigned_abs()));
        match self {
            Self::Days(n) => {
                let n = i64::from(n);
                forward((n - day.rem_euclid(n)) % n)
            }
            Self::Weeks(n) => {
                let n = 7 * i64::from(n);
                forward((n - (day - 4).rem_euclid(n)) % n)
            }
            Self::Months(n) => {
                let first = if date.day() == 1 {
                    date
                } else {
                    date.with_day(1)?.checked_add_months(Months::new(1))?
                };
                let late = (first.month() - 1) % n;
                first.checked_add_months(Months::new((n - late) % n))
            }
            Self::Years(n) => {
                let year = if date.ordinal() == 1 {
                    date.year()
                } else {
                    date.year().checked_add(1)?
                };
                let n = i32::try_from(n).ok()?;
                let year = year.checked_add((n - year.rem_euclid(n)) % n)?;
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        }
    }

    /// The mark after `date` (a mark).
    fn next(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => date.checked_add_days(chrono::Days::new(u64::from(n))),
            Self::Weeks(n) => date.checked_add_days(chrono::Days::new(7 * u64::from(n))),
            Self::Months(n) => date.checked_add_months(Months::new(n)),
            Self::Years(n) => date.checked_add_months(Months::new(12 * n)),
        }
    }

    /// The label of a mark: with its year, or without.
    fn text(self, date: NaiveDate, with_year: bool) -> String {
        let format = match (self, with_year) {
            (Self::Years(_), _) => "%Y",
            (Self::Days(_) | Self::Weeks(_), true) => "%-d %b %Y",
            (Self::Days(_) | Self::Weeks(_), false) => "%-d %b",
            (Self::Months(_), true) => "%b %Y",
            (Self::Months(_), false) => "%b",
        };
        date.format(format).to_string()
    }

    /// The unlabelled marks drawn between labelled ones, if any.
    fn minor(self) -> Option<Self> {
        match self {
            Self::Days(_) => None,
            Self::Weeks(_) => Some(Self::Days(1)),
            Self::Months(1) => Some(Self::Weeks(1)),
            Self::Months(_) | Self::Years(1) => Some(Self::Months(1)),
            Self::Years(_) => Some(Self::Years(1)),
        }
    }
}

/// One label: its text starts at `x` and is `width` long.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLabel {
    pub date: NaiveDate,
    pub x: f32,
    pub width: f32,
    pub text: String,
}

/// What a grid line marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    /// 1 January: the strongest line.
    Year,
    /// A mark of the labelled step.
    Step,
    /// A finer mark between labelled ones (weeks between month labels, …).
    Minor,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridLine {
    pub x: f32,
    pub kind: GridKind,
}

/// The labels and grid lines for one window.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub step: Step,
    /// Left to right; none overlaps the next, each lies inside `0..=width`.
    pub labels: Vec<AxisLabel>,
    pub lines: Vec<GridLine>,
}

/// The axis for `scale`, with text measured by `text_width` (in the scale's units). Labels
/// begin half a space after their mark and keep two spaces between them.
pub fn date_axis(scale: DayScale, text_width: &dyn Fn(&str) -> f32) -> Axis {
    let space = text_width(" ").max(0.5);
    let pad = space / 2.0;
    let gap = 2.0 * space;
    let chosen = STEPS.iter().copied().find_map(|step| {
        let spacing = step.min_days() * scale.per_day();
        let hopeless = spacing < f64::from(text_width(step.shortest_label()) + gap)
            || scale.span_days() / step.min_days() > MAX_MARKS;
        if hopeless {
            return None;
        }
        let labels = labels(step, scale, text_width, pad);
        let fits = !labels.is_empty()
            && labels
                .windows(2)
                .all(|pair| pair[1].x - (pair[0].x + pair[0].width) >= gap);
        fits.then_some((step, labels))
    });
    match chosen {
        Some((step, labels)) => {
            let lines = grid_lines(step, scale, 2.0 * gap);
            Axis {
                step,
                labels,
                lines,
            }
        }
        None => fallback(scale, text_width, pad),
    }
}

/// Every mark of `step` in the window, labelled, keeping only labels that end inside it.
fn labels(
    step: Step,
    scale: DayScale,
    text_width: &dyn Fn(&str) -> f32,
    pad: f32,
) -> Vec<AxisLabel> {
    let mut labels: Vec<AxisLabel> = Vec::new();
    for date in marks(step, scale) {
        let x = scale.x(date) + pad;
        let with_year = labels
            .last()
            .is_none_or(|previous| previous.date.year() != date.year());
        let text = step.text(date, with_year);
        let width = text_width(&text);
        if x + width > scale.width() {
            break;
        }
        labels.push(AxisLabel {
            date,
            x,
            width,
            text,
        });
    }
    labels
}

/// The marks of `step` from the window's left edge to its right edge.
fn marks(step: Step, scale: DayScale) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let Some(left) = date_of_day(scale.from().ceil()) else {
        return dates;
    };
    let mut date = step.first_from(left);
    while let Some(current) = date {
        if day_number(current) >= scale.to() || dates.len() as f64 > MAX_MARKS {
            break;
        }
        dates.push(current);
        date = step.next(current);
    }
    dates
}

/// A line at every mark of the step, and at every finer mark when those are at least
/// `min_minor` apart.
fn grid_lines(step: Step, scale: DayScale, min_minor: f32) -> Vec<GridLine> {
    let line = |date: NaiveDate, kind| GridLine {
        x: scale.x(date),
        kind: if date.ordinal() == 1 {
            GridKind::Year
        } else {
            kind
        },
    };
    let mut lines: Vec<GridLine> = marks(step, scale)
        .into_iter()
        .map(|date| line(date, GridKind::Step))
        .collect();
    if let Some(minor) = step.minor()
        && minor.min_days() * scale.per_day() >= f64::from(min_minor)
        && scale.span_days() / minor.min_days() <= MAX_MARKS
    {
        lines.extend(
            marks(minor, scale)
                .into_iter()
                .filter(|date| !step.marks(*date))
                .map(|date| line(date, GridKind::Minor)),
        );
        lines.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// No step fits (a window far narrower than any label): the left edge's year, if even that
/// fits, so the year is still on screen.
fn fallback(scale: DayScale, text_width: &dyn Fn(&str) -> f32, pad: f32) -> Axis {
    let labels = date_of_day(scale.from())
        .map(|date| {
            let text = date.format("%Y").to_string();
            AxisLabel {
                date,
                x: pad,
                width: text_width(&text),
                text,
            }
        })
        .filter(|label| label.x + label.width <= scale.width())
        .into_iter()
        .collect();
    Axis {
        step: Step::Years(100),
        labels,
        lines: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// A rough proportional font: digits and lower case narrower than capitals and spaces.
    fn estimate(text: &str) -> f32 {
        text.chars()
            .map(|c| match c {
                ' ' => 3.5,
                '0'..='9' => 7.0,
                'A'..='Z' => 8.5,
                _ => 6.5,
            })
            .sum()
    }

    fn texts(axis: &Axis) -> Vec<&str> {
        axis.labels
            .iter()
            .map(|label| label.text.as_str())
            .collect()
    }

    /// Everything the axis promises, for one window.
    fn check(scale: DayScale, measure: &dyn Fn(&str) -> f32) -> Result<(), String> {
        let axis = date_axis(scale, measure);
        let labels = &axis.labels;
        let context = || format!("{scale:?}: {:?}", texts(&axis));
        if labels.is_empty() {
            return Err(format!("no label at all: {}", context()));
        }
        for label in labels {
            if label.x < 0.0 || label.x + label.width > scale.width() {
                return Err(format!("{:?} leaves the axis: {}", label.text, context()));
            }
            if (measure(&label.text) - label.width).abs() > 1e-3 {
                return Err(format!("{:?} was measured wrong", label.text));
            }
        }
        for pair in labels.windows(2) {
            if pair[1].x < pair[0].x + pair[0].width {
                return Err(format!(
                    "{:?} overlaps {:?}: {}",
                    pair[0].text,
                    pair[1].text,
                    context()
                ));
            }
        }
        let year = |label: &AxisLabel| label.date.year().to_string();
        if !labels[0].text.contains(&year(&labels[0])) {
            return Err(format!("the first label has no year: {}", context()));
        }
        for pair in labels.windows(2) {
            if pair[0].date.year() != pair[1].date.year() && !pair[1].text.contains(&year(&pair[1]))
            {
                return Err(format!(
                    "{:?} starts a year without naming it: {}",
                    pair[1].text,
                    context()
                ));
            }
        }
        Ok(())
    }

    #[test]
    fn labels_never_overlap_and_always_name_the_year_over_a_grid_of_windows() {
        let widths = [
            300.0, 317.0, 400.0, 480.0, 555.0, 640.0, 800.0, 1000.0, 1280.0, 1600.0, 1920.0,
            2560.0, 3200.0, 4000.0,
        ];
        let spans_weeks = [
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 17, 20, 22, 26, 30, 35, 40, 45, 52, 60, 61,
            70, 78, 87, 100, 104, 120, 130, 156, 180, 200, 230, 260, 300, 364, 400, 450, 500, 520,
        ];
        // Starts that test the year rule: late December, New Year's Day, a leap day, mid-week.
        let starts = [
            date(2026, 11, 25),
            date(2026, 12, 28),
            date(2027, 1, 1),
            date(2028, 2, 29),
            date(2029, 6, 13),
        ];
        let monospace = |text: &str| text.chars().count() as f32 * 7.5;
        for width in widths {
            for weeks in spans_weeks {
                for start in starts {
                    for offset in [0.0, 0.37] {
                        let from = day_number(start) + offset;
                        let scale = DayScale::new(from, from + 7.0 * f64::from(weeks), width);
                        for measure in [&estimate as &dyn Fn(&str) -> f32, &monospace] {
                            if let Err(problem) = check(scale, measure) {
                                panic!("{problem}");
                            }
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn labels_never_overlap_for_any_window(
            width in 300.0f32..4000.0,
            days in 7.0f64..(520.0 * 7.0),
            from in 18_000.0f64..25_000.0,
            char_width in 5.0f32..12.0,
        ) {
            let measure = |text: &str| text.chars().count() as f32 * char_width;
            let scale = DayScale::new(from, from + days, width);
            prop_assert_eq!(check(scale, &measure), Ok(()));
        }
    }

    #[test]
    fn the_step_follows_the_zoom() {
        let from = day_number(date(2026, 12, 28));
        let axis =
            |days: f64, width: f32| date_axis(DayScale::new(from, from + days, width), &estimate);
        // A week over 1,000 px: every day, the year on the first.
        let days = axis(7.0, 1000.0);
        assert_eq!(days.step, Step::Days(1));
        assert_eq!(
            texts(&days)[..5],
            ["28 Dec 2026", "29 Dec", "30 Dec", "31 Dec", "1 Jan 2027"]
        );
        // Ten weeks: Mondays, and the year again on the first Monday of January.
        let weeks = axis(70.0, 1000.0);
        assert_eq!(weeks.step, Step::Weeks(1));
        assert_eq!(texts(&weeks)[..3], ["28 Dec 2026", "4 Jan 2027", "11 Jan"]);
        // Months over a year and a half, with the year at every January.
        let months = axis(540.0, 1400.0);
        assert_eq!(months.step, Step::Months(1));
        assert_eq!(texts(&months)[..3], ["Jan 2027", "Feb", "Mar"]);
        assert!(texts(&months).contains(&"Jan 2028"), "{:?}", texts(&months));
        // An 87-week plan in a small window still shows more than the years.
        let small = axis(87.0 * 7.0, 420.0);
        assert_eq!(small.step, Step::Months(3), "{:?}", texts(&small));
        // Ten years in 300 px: every other year.
        let decade = axis(3650.0, 300.0);
        assert_eq!(decade.step, Step::Years(2), "{:?}", texts(&decade));
        // Minor lines: weeks between month labels when there is room.
        assert!(months.lines.iter().any(|line| line.kind == GridKind::Minor));
        assert!(months.lines.iter().any(|line| line.kind == GridKind::Year));
    }

    #[test]
    fn marks_stay_on_the_calendar_while_panning() {
        let fortnights = |from: NaiveDate| {
            marks(
                Step::Weeks(2),
                DayScale::new(day_number(from), day_number(from) + 60.0, 800.0),
            )
        };
        let a = fortnights(date(2027, 3, 1));
        let b = fortnights(date(2027, 3, 8));
        assert!(a.iter().any(|d| b.contains(d)), "{a:?} {b:?}");
        let quarters = marks(
            Step::Months(3),
            DayScale::new(
                day_number(date(2027, 2, 10)),
                day_number(date(2028, 2, 1)),
                800.0,
            ),
        );
        assert_eq!(
            quarters,
            [
                date(2027, 4, 1),
                date(2027, 7, 1),
                date(2027, 10, 1),
                date(2028, 1, 1)
            ]
        );
        let decades = marks(
            Step::Years(10),
            DayScale::new(
                day_number(date(2025, 6, 1)),
                day_number(date(2051, 1, 1)),
                800.0,
            ),
        );
        assert_eq!(
            decades,
            [date(2030, 1, 1), date(2040, 1, 1), date(2050, 1, 1)]
        );
    }

    #[test]
    fn a_window_narrower_than_any_label_still_names_its_year_or_nothing() {
        let from = day_number(date(2027, 5, 3));
        let tiny = date_axis(DayScale::new(from, from + 365.0 * 400.0, 40.0), &estimate);
        assert_eq!(texts(&tiny), ["2027"]);
        let none = date_axis(DayScale::new(from, from + 30.0, 10.0), &estimate);
        assert!(none.labels.is_empty());
    }
}

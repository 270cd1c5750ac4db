//! Which main view the window shows. Beside [`super::Command`] (which switches it), so that
//! the views and the commands import a sibling, never their parent.

/// The main views (remembered across runs by name, see `prefs.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// What to study now: the current week, catch-up, next up, on track or not.
    ThisWeek,
    #[default]
    Cards,
    Timeline,
    Weeks,
}

impl View {
    /// Every view, in the order the header lists them.
    pub const ALL: [Self; 4] = [Self::ThisWeek, Self::Cards, Self::Timeline, Self::Weeks];

    pub fn label(self) -> &'static str {
        match self {
            Self::ThisWeek => "This week",
            Self::Cards => "Phases",
            Self::Timeline => "Timeline",
            Self::Weeks => "Weeks",
        }
    }
}

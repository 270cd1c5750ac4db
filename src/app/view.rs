//! Which main view the window shows. Beside [`super::Command`] (which switches it), so that
//! the views and the commands import a sibling, never their parent.

/// The main views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Cards,
    Timeline,
    Weeks,
}

impl View {
    /// Every view, in the order the header lists them.
    pub const ALL: [Self; 3] = [Self::Cards, Self::Timeline, Self::Weeks];

    pub fn label(self) -> &'static str {
        match self {
            Self::Cards => "Phases",
            Self::Timeline => "Timeline",
            Self::Weeks => "Weeks",
        }
    }
}

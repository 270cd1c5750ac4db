//! Appearance preferences (theme and zoom) and the view last chosen, remembered across runs.
//!
//! They live in eframe's own storage (`window/app.ron` in the data folder), next to the window
//! size: losing them costs nothing, so eframe's plain in-place write is good enough, unlike the
//! learner's progress which has its own atomic file. They are kept in one explicit struct
//! rather than relying on egui's persisted memory, so what is remembered is stated here and
//! applied on start in one place (and a `--screenshot` run can ignore it).

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use super::view::View;

/// Zoom limits, the same as egui's keyboard zoom; a hand-edited value outside is clamped.
pub const MIN_ZOOM: f32 = 0.2;
pub const MAX_ZOOM: f32 = 5.0;

/// The key in eframe's storage.
const STORAGE_KEY: &str = "study_planner_ui";

/// The key of the view the learner last chose.
const VIEW_KEY: &str = "study_planner_view";

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    /// Follow the system, or light / dark by choice.
    pub theme: ThemePreference,
    /// egui's zoom factor (1.0 = 100 %).
    pub zoom: f32,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            theme: ThemePreference::System,
            zoom: 1.0,
        }
    }
}

impl UiPrefs {
    /// The preferences as the UI has them now (the learner may have zoomed with the keyboard).
    pub fn read(ctx: &egui::Context) -> Self {
        Self {
            theme: ctx.options(|options| options.theme_preference),
            zoom: ctx.zoom_factor(),
        }
    }

    /// Makes the UI follow these preferences.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_theme(self.theme);
        ctx.set_zoom_factor(clamp_zoom(self.zoom));
    }

    /// The remembered preferences, or the defaults when there are none (first run, no
    /// storage, or an unreadable value).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value::<Self>(storage, STORAGE_KEY))
            .map(|prefs| Self {
                zoom: clamp_zoom(prefs.zoom),
                ..prefs
            })
            .unwrap_or_default()
    }

    pub fn store(self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self);
    }
}

/// The view the learner last chose in the window, if one is remembered (and readable).
pub fn load_view(storage: Option<&dyn eframe::Storage>) -> Option<View> {
    storage.and_then(|storage| eframe::get_value::<View>(storage, VIEW_KEY))
}

pub fn store_view(storage: &mut dyn eframe::Storage, view: View) {
    eframe::set_value(storage, VIEW_KEY, &view);
}

/// A remembered zoom the UI can use: out-of-range values are clamped, and ones that are no
/// zoom at all (zero, negative, NaN, infinite) mean 100 %.
fn clamp_zoom(zoom: f32) -> f32 {
    if zoom.is_finite() && zoom > 0.0 {
        zoom.clamp(MIN_ZOOM, MAX_ZOOM)
    } else {
        1.0
    }
}

/// eframe's key–value storage held in memory: what a restart would read back, without a
/// file (the tests of remembered preferences use it, here and in `tests/ui_comfort.rs`).
#[derive(Debug, Default)]
pub struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_survive_a_restart() {
        let mut storage = MemoryStorage::default();
        assert_eq!(UiPrefs::load(Some(&storage)), UiPrefs::default());
        let chosen = UiPrefs {
            theme: ThemePreference::Light,
            zoom: 1.3,
        };
        chosen.store(&mut storage);
        assert_eq!(UiPrefs::load(Some(&storage)), chosen);
        assert_eq!(UiPrefs::load(None), UiPrefs::default());
    }

    #[test]
    fn a_broken_or_extreme_value_falls_back_safely() {
        let mut storage = MemoryStorage::default();
        storage
            .0
            .insert(STORAGE_KEY.to_owned(), "(zoom: 40.0)".to_owned());
        let loaded = UiPrefs::load(Some(&storage));
        assert_eq!(loaded.zoom, MAX_ZOOM);
        assert_eq!(loaded.theme, ThemePreference::System);
        storage
            .0
            .insert(STORAGE_KEY.to_owned(), "not ron at all (".to_owned());
        assert_eq!(UiPrefs::load(Some(&storage)), UiPrefs::default());
    }

    #[test]
    fn the_chosen_view_survives_a_restart() {
        let mut storage = MemoryStorage::default();
        assert_eq!(load_view(Some(&storage)), None);
        store_view(&mut storage, View::Timeline);
        assert_eq!(load_view(Some(&storage)), Some(View::Timeline));
        storage.0.insert(VIEW_KEY.to_owned(), "Nonsense".to_owned());
        assert_eq!(load_view(Some(&storage)), None);
        assert_eq!(load_view(None), None);
    }

    #[test]
    fn apply_then_read_round_trips_through_the_context() {
        let ctx = egui::Context::default();
        let prefs = UiPrefs {
            theme: ThemePreference::Dark,
            zoom: 1.5,
        };
        prefs.apply(&ctx);
        // A new zoom takes effect with the next pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        assert_eq!(UiPrefs::read(&ctx), prefs);
    }
}

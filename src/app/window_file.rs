//! eframe's `window` file in the data folder, checked before eframe reads it.
//!
//! eframe keeps the window's size and position (key `window`), egui's memory with its zoom
//! factor (key `egui`) and our appearance preferences ([`super::prefs`]) in one RON map, and
//! trusts what it reads back: a zoom factor of 0, −1, NaN or ∞ there makes winit panic while
//! the window is being created, 1e38 panics too, and 1e-30 asks for a window too large to
//! exist. That happens before any of our code runs, so the file is repaired first: every
//! value that would hurt is dropped or reset, and the repaired file replaces the damaged one
//! (atomically). Losing the window's size costs the learner nothing; a window that will not
//! open costs them everything in it.
//!
//! This runs once, on the main thread, before the event loop exists (eframe reads the same
//! file on the same thread a moment later).

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;

use super::prefs::{MAX_ZOOM, MIN_ZOOM};
use crate::storage::Notice;

/// The file's name in the data folder (`NativeOptions::persistence_path`).
pub const WINDOW_FILE: &str = "window";

/// The state file a `--screenshot` run is given: never written, so it never exists and
/// eframe restores nothing from it.
pub const SCREENSHOT_STATE_FILE: &str = "window-screenshot";

/// eframe's keys for the window geometry and for egui's memory.
const WINDOW_KEY: &str = "window";
const EGUI_MEMORY_KEY: &str = "egui";

/// A window file larger than this is not window state.
const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// What checking the file found.
#[derive(Debug, PartialEq, Eq)]
pub enum Repair {
    /// No file (first run), or one that cannot be opened; eframe starts from defaults.
    NoFile,
    /// Every value is usable.
    Sound,
    /// Some values were dropped or reset (named); the rest is kept.
    Repaired(Vec<String>),
    /// The file is not a RON map at all; it was removed, and eframe writes a new one.
    Replaced(String),
}

/// Checks and, if needed, repairs the window file at `path` (see the module docs).
pub fn repair_window_file(path: &Path) -> Repair {
    let Ok(file) = std::fs::File::open(path) else {
        return Repair::NoFile;
    };
    let mut bytes = Vec::new();
    if file.take(MAX_BYTES + 1).read_to_end(&mut bytes).is_err() {
        // A folder or an unreadable file: eframe cannot read it either, and it is not ours
        // to delete.
        return Repair::NoFile;
    }
    let repair = if bytes.len() as u64 > MAX_BYTES {
        Err(format!("larger than {} MiB", MAX_BYTES / (1024 * 1024)))
    } else {
        repair_text(&String::from_utf8_lossy(&bytes))
    };
    match repair {
        Ok((fixes, _)) if fixes.is_empty() => Repair::Sound,
        Ok((fixes, text)) => {
            match crate::storage::atomic_write(&crate::storage::RealFs, path, text.as_bytes()) {
                Ok(()) => Repair::Repaired(fixes),
                Err(err) => {
                    // Cannot write the repair: take the file out of eframe's way instead.
                    remove_or_replace(path, format!("{}; {err}", fixes.join(", ")))
                }
            }
        }
        Err(why) => remove_or_replace(path, why),
    }
}

/// What the learner is told about a repair (nothing when there was nothing to repair).
pub fn repair_notice(repair: &Repair, path: &Path) -> Option<Notice> {
    let text = match repair {
        Repair::NoFile | Repair::Sound => return None,
        Repair::Repaired(fixes) => format!(
            "The saved window size and zoom were damaged ({}); they were reset. Your progress \
             is not affected.",
            fixes.join("; ")
        ),
        Repair::Replaced(why) => format!(
            "The saved window size and zoom could not be read ({why}); they were reset. Your \
             progress is not affected."
        ),
    };
    log::warn!("{text}: {}", path.display());
    Some(Notice::info(text, Some(path.to_owned())))
}

fn remove_or_replace(path: &Path, why: String) -> Repair {
    match std::fs::remove_file(path) {
        Ok(()) => Repair::Replaced(why),
        Err(err) => {
            log::warn!("cannot remove the damaged {}: {err}", path.display());
            Repair::Replaced(why)
        }
    }
}

/// The pure part: the file's text in, what was fixed and the repaired text out; `Err` when
/// the text is not a RON map of strings, as eframe writes it.
pub fn repair_text(text: &str) -> Result<(Vec<String>, String), String> {
    let mut entries: HashMap<String, String> =
        ron::from_str(text).map_err(|err| format!("not window state ({err})"))?;
    let mut fixes = Vec::new();
    if let Some(memory) = entries.get(EGUI_MEMORY_KEY) {
        match repair_memory(memory) {
            MemoryCheck::Sound => {}
            MemoryCheck::Fixed(fixed, what) => {
                entries.insert(EGUI_MEMORY_KEY.to_owned(), fixed);
                fixes.push(what);
            }
            MemoryCheck::Unusable(why) => {
                entries.remove(EGUI_MEMORY_KEY);
                fixes.push(format!("egui memory dropped ({why})"));
            }
        }
    }
    if let Some(window) = entries.get(WINDOW_KEY)
        && let Err(why) = check_window(window)
    {
        entries.remove(WINDOW_KEY);
        fixes.push(format!("window size and position dropped ({why})"));
    }
    let repaired = ron::ser::to_string_pretty(&entries, ron::ser::PrettyConfig::default())
        .map_err(|err| format!("cannot write the repair ({err})"))?;
    Ok((fixes, repaired))
}

enum MemoryCheck {
    Sound,
    Fixed(String, String),
    Unusable(String),
}

/// egui's memory as eframe restores it (`eframe::get_value`): a zoom factor outside what the
/// keyboard zoom allows is reset to 100 %.
fn repair_memory(text: &str) -> MemoryCheck {
    let mut memory: egui::Memory = match ron::from_str(text) {
        Ok(memory) => memory,
        // eframe ignores it too, but it must not linger.
        Err(err) => return MemoryCheck::Unusable(err.code.to_string()),
    };
    let zoom = memory.options.zoom_factor;
    if usable_zoom(zoom) {
        return MemoryCheck::Sound;
    }
    memory.options.zoom_factor = 1.0;
    match ron::ser::to_string(&memory) {
        Ok(fixed) => MemoryCheck::Fixed(fixed, format!("zoom factor {zoom} reset to 1")),
        Err(err) => MemoryCheck::Unusable(err.to_string()),
    }
}

/// The zoom egui's keyboard zoom can reach (and [`super::prefs`] clamps to).
pub fn usable_zoom(zoom: f32) -> bool {
    zoom.is_finite() && (MIN_ZOOM..=MAX_ZOOM).contains(&zoom)
}

/// The shape eframe 0.37 writes for the window (`egui_winit::WindowSettings`, whose fields
/// are private), read only to check its numbers. Unknown fields are ignored, so a newer
/// eframe's extra fields do not count as damage; a missing field does, and then the window
/// opens at its default size.
#[derive(Deserialize)]
struct WindowSettings {
    normal_geometry: WindowGeometry,
}

#[derive(Deserialize)]
struct WindowGeometry {
    outer_position_pixels: Option<egui::Pos2>,
    scale_factor: f32,
    inner_size_points: egui::Vec2,
}

/// Sizes and positions a real screen can have: a few pixels up to far beyond any monitor.
const MAX_POINTS: f32 = 100_000.0;

fn check_window(text: &str) -> Result<(), String> {
    let settings: WindowSettings =
        ron::from_str(text).map_err(|err| format!("unreadable: {}", err.code))?;
    let geometry = settings.normal_geometry;
    let scale = geometry.scale_factor;
    if !(scale.is_finite() && (0.1..=20.0).contains(&scale)) {
        return Err(format!("scale factor {scale}"));
    }
    let size = geometry.inner_size_points;
    let sane_size = |v: f32| v.is_finite() && (1.0..=MAX_POINTS).contains(&v);
    if !(sane_size(size.x) && sane_size(size.y)) {
        return Err(format!("size {} × {}", size.x, size.y));
    }
    if let Some(position) = geometry.outer_position_pixels {
        let sane_position = |v: f32| v.is_finite() && v.abs() <= MAX_POINTS * 20.0;
        if !(sane_position(position.x) && sane_position(position.y)) {
            return Err(format!("position {}, {}", position.x, position.y));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_outside_the_keyboard_range_is_unusable() {
        for zoom in [0.0, -1.0, f32::NAN, f32::INFINITY, 1e38, 1e-30, 0.1, 6.0] {
            assert!(!usable_zoom(zoom), "{zoom}");
        }
        for zoom in [MIN_ZOOM, 1.0, 1.5, MAX_ZOOM] {
            assert!(usable_zoom(zoom), "{zoom}");
        }
    }

    #[test]
    fn the_learner_hears_of_a_repair_but_not_of_a_sound_file() {
        let path = Path::new("/data/window");
        assert_eq!(repair_notice(&Repair::Sound, path), None);
        assert_eq!(repair_notice(&Repair::NoFile, path), None);
        let notice = repair_notice(
            &Repair::Repaired(vec!["zoom factor NaN reset to 1".into()]),
            path,
        );
        let text = notice.map(|n| n.text).unwrap_or_default();
        assert!(text.contains("zoom factor NaN reset to 1"), "{text}");
        assert!(text.contains("Your progress is not affected"), "{text}");
    }

    #[test]
    fn garbage_is_not_window_state() {
        assert!(repair_text("not ron (").is_err());
        assert!(repair_text("[1, 2]").is_err());
        let (fixes, _) = repair_text("{}").expect("an empty map is fine");
        assert!(fixes.is_empty());
    }
}

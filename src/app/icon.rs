//! The window icon, embedded so the binary needs no files beside it. The PNG is drawn by
//! `examples/draw_icon.rs`; the same file is installed for the Linux launcher (see
//! `assets/study-planner.desktop`).

use std::sync::Arc;

/// The icon's PNG bytes as shipped in `assets/`.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The decoded window icon, or `None` (with a log line) if the embedded PNG is broken: a
/// missing icon must never stop the app from opening.
pub fn window_icon() -> Option<Arc<egui::IconData>> {
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => Some(Arc::new(icon)),
        Err(err) => {
            log::warn!("the embedded window icon cannot be decoded: {err}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::window_icon;

    #[test]
    fn the_embedded_icon_decodes_to_a_square_256_pixel_image() {
        let icon = window_icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Transparent corners, opaque centre: a tile, not a square block.
        assert_eq!(icon.rgba[3], 0);
        let centre = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }
}

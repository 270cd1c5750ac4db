//! Stopping cleanly when the process is told to stop (Ctrl+C in a terminal, SIGTERM at logout
//! or shutdown, SIGHUP when the terminal closes): the last tick is written before exiting.
//!
//! Closing the window already flushes in `on_exit`; a signal bypasses the event loop, so
//! without this a change made in the last half second before a logout would be lost.

use std::sync::{Mutex, OnceLock};

use crate::storage::{FlushHandle, FlushOutcome};

/// The saver a signal flushes: the one of the roadmap on screen (the window replaces it when
/// it switches roadmaps).
static CURRENT: Mutex<Option<FlushHandle>> = Mutex::new(None);

/// Makes a termination signal flush `handle`'s saver. The handler is installed once per
/// process (the OS allows one); later calls only replace the saver it flushes. Failing to
/// install is logged, not fatal: the app still saves within a second of every change.
pub fn flush_on_termination(handle: FlushHandle) {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    if let Ok(mut current) = CURRENT.lock() {
        *current = Some(handle);
    }
    INSTALLED.get_or_init(|| {
        let result = ctrlc::set_handler(move || {
            let handle = CURRENT.lock().ok().and_then(|current| current.clone());
            let outcome = handle.map_or(FlushOutcome::Saved, |handle| handle.flush());
            if let Some(message) = stop_message(&outcome) {
                eprintln!("study-planner: {message}");
            }
            // 128 + SIGTERM, the conventional exit status for "stopped by a signal".
            std::process::exit(if outcome == FlushOutcome::Saved {
                143
            } else {
                1
            });
        });
        if let Err(err) = result {
            log::warn!("cannot install the termination handler: {err}");
        }
    });
}

/// Makes a termination signal flush `new` instead of `old`, if it flushes `old` now (a
/// read-only window that became editable has a new saver). Installs nothing: a window that
/// never asked for signals to flush it (a test's) still does not.
pub fn replace_flush_target(old: &FlushHandle, new: FlushHandle) {
    if let Ok(mut current) = CURRENT.lock()
        && current
            .as_ref()
            .is_some_and(|handle| handle.same_saver(old))
    {
        *current = Some(new);
    }
}

/// What to tell the terminal when stopping: nothing when every change is saved; otherwise
/// what was lost, and where the rescue copy went.
fn stop_message(outcome: &FlushOutcome) -> Option<String> {
    match outcome {
        FlushOutcome::Saved => None,
        FlushOutcome::NoAnswer => Some("stopping before the last change could be saved".to_owned()),
        FlushOutcome::Failed {
            error,
            changes_not_saved,
            copy,
        } => {
            let lost = format!("{changes_not_saved} change(s) could not be saved ({error})");
            Some(match copy {
                Some(Ok(path)) => format!(
                    "{lost}; a copy of your progress is at {} (import it with Progress → \
                     Import progress…)",
                    path.display()
                ),
                Some(Err(copy_error)) => {
                    format!("{lost}; no copy could be written either ({copy_error})")
                }
                None => lost,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{ProgressStore, Saver};

    #[test]
    fn a_signal_flushes_the_new_saver_only_in_place_of_the_one_it_flushed() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let saver = |roadmap_id: &str| {
            let store = ProgressStore::open(dir.path(), roadmap_id).store;
            Saver::start(store, Box::new(|| {})).expect("a saver thread")
        };
        let (old, new, unrelated) = (saver("a"), saver("b"), saver("c"));
        let flushes = |saver: &Saver| {
            CURRENT
                .lock()
                .expect("not poisoned")
                .as_ref()
                .is_some_and(|current| current.same_saver(&saver.flush_handle()))
        };
        // No handler asked for: replacing installs nothing.
        replace_flush_target(&old.flush_handle(), new.flush_handle());
        assert!(CURRENT.lock().expect("not poisoned").is_none());

        *CURRENT.lock().expect("not poisoned") = Some(old.flush_handle());
        replace_flush_target(&unrelated.flush_handle(), new.flush_handle());
        assert!(flushes(&old), "another window's saver is not replaced");
        replace_flush_target(&old.flush_handle(), new.flush_handle());
        assert!(flushes(&new));
        *CURRENT.lock().expect("not poisoned") = None;
    }

    #[test]
    fn the_terminal_hears_where_the_copy_is() {
        assert_eq!(stop_message(&FlushOutcome::Saved), None);
        let message = stop_message(&FlushOutcome::Failed {
            error: "disk full".to_owned(),
            changes_not_saved: 2,
            copy: Some(Ok("/home/me/rescued.ron".into())),
        });
        assert_eq!(
            message.as_deref(),
            Some(
                "2 change(s) could not be saved (disk full); a copy of your progress is at \
                 /home/me/rescued.ron (import it with Progress → Import progress…)"
            )
        );
    }
}

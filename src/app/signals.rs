//! Stopping cleanly when the process is told to stop (Ctrl+C in a terminal, SIGTERM at logout
//! or shutdown, SIGHUP when the terminal closes): the last tick is written before exiting.
//!
//! Closing the window already flushes in `on_exit`; a signal bypasses the event loop, so
//! without this a change made in the last half second before a logout would be lost.

use crate::storage::FlushHandle;

/// Installs the handler once per process. Failing to install is logged, not fatal: the app
/// still saves within a second of every change.
pub fn flush_on_termination(handle: FlushHandle) {
    let result = ctrlc::set_handler(move || {
        let flushed = handle.flush();
        if !flushed {
            eprintln!("study-planner: stopping before the last change could be saved");
        }
        // 128 + SIGTERM, the conventional exit status for "stopped by a signal".
        std::process::exit(if flushed { 143 } else { 1 });
    });
    if let Err(err) = result {
        log::warn!("cannot install the termination handler: {err}");
    }
}

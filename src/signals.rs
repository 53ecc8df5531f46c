//! SIGINT, SIGTERM and SIGHUP end the doctor the conventional way: the spinner line is cleared
//! (and the cursor shown again) so the shell prompt comes back clean, and the exit status is
//! 128 + the signal's number (130, 143, 129).

use std::sync::atomic::{AtomicBool, Ordering};

static DEFER: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// From now on the first Ctrl-C only sets `interrupted()` (a watch then ends with the report so
/// far); a second one exits at once.
pub fn defer_interrupt() {
    DEFER.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C was pressed since `defer_interrupt`.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Starts listening; call once, first thing.
pub fn install() {
    #[cfg(unix)]
    {
        let _ = std::thread::Builder::new().name("signals".into()).spawn(|| {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_io().build() else { return };
            runtime.block_on(async {
                use tokio::signal::unix::{signal, SignalKind};
                let (Ok(mut int), Ok(mut term), Ok(mut hup)) =
                    (signal(SignalKind::interrupt()), signal(SignalKind::terminate()), signal(SignalKind::hangup()))
                else {
                    return;
                };
                loop {
                    let code = tokio::select! {
                        _ = int.recv() => 130,
                        _ = term.recv() => 143,
                        _ = hup.recv() => 129,
                    };
                    if code == 130 && DEFER.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
                        continue;
                    }
                    leave(code);
                }
            });
        });
    }
}

/// Leaves as Ctrl-C does (130), the terminal restored: for a prompt whose read Ctrl-C cut short
/// before the signal thread could.
pub fn leave_interrupted() -> ! {
    leave(130)
}

fn leave(code: i32) -> ! {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if err.is_terminal() {
        // Carriage return, erase the line, show the cursor.
        let _ = err.write_all(b"\r\x1b[2K\x1b[?25h");
        let _ = err.flush();
    }
    std::process::exit(code);
}

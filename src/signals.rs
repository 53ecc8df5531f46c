//! SIGINT, SIGTERM and SIGHUP end the doctor the conventional way: the spinner line is cleared
//! (and the cursor shown again) so the shell prompt comes back clean, and the exit status is
//! 128 + the signal's number (130, 143, 129).

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
                let code = tokio::select! {
                    _ = int.recv() => 130,
                    _ = term.recv() => 143,
                    _ = hup.recv() => 129,
                };
                leave(code);
            });
        });
    }
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

//! `graph-emulator`: binds, prints one "listening" line, serves until a
//! termination signal.

use clap::Parser;
use graph_emulator::cli::Cli;
use graph_emulator::error::StartupError;
use graph_emulator::{router, serve, AppState};
use std::io::Write;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("graph-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), StartupError> {
    let state = AppState::new(cli.settings()?)?;
    // A (host, port) pair, so IPv6 hosts such as ::1 need no brackets.
    let listener = tokio::net::TcpListener::bind((cli.host.as_str(), cli.port))
        .await
        .map_err(|source| StartupError::Bind {
            addr: format!("{}:{}", cli.host, cli.port),
            source,
        })?;
    let local = listener.local_addr().map_err(StartupError::Serve)?;
    // Launchers wait for exactly this line to learn the (possibly ephemeral) port.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "graph-emulator listening on http://{local}").map_err(StartupError::Serve)?;
    stdout.flush().map_err(StartupError::Serve)?;
    serve(listener, router(state), shutdown_signal()).await
}

/// SIGTERM (what test harnesses send) or SIGINT / ctrl-c.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            eprintln!("graph-emulator: cannot listen for ctrl-c: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                eprintln!("graph-emulator: cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

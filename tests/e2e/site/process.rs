//! Child processes (nginx, WebDriver servers) and the ports they listen on.
//!
//! Every server is started in its own process group so that stopping it also
//! stops whatever it started (xvfb-run starts Xvfb and WebKitWebDriver,
//! chromedriver starts Chromium, ...). The groups are remembered in a
//! registry so that Ctrl-C still cleans up (see [`kill_all_registered`]).

use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Process groups of all running servers, for the Ctrl-C handler.
static GROUPS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

/// Set once Ctrl-C was pressed: results from then on are noise.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether the run was interrupted (Ctrl-C).
pub fn is_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// The scratch directory, removed by the Ctrl-C handler too.
static SCRATCH: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Remembers the scratch directory for [`interrupted`].
pub fn register_scratch(dir: &Path) {
    if let Ok(mut scratch) = SCRATCH.lock() {
        *scratch = Some(dir.to_path_buf());
    }
}

/// A running server process (and its process group), stopped on drop.
pub struct Server {
    /// What it is, for messages ("nginx", "chromedriver", ...).
    pub name: String,
    child: Child,
    log: PathBuf,
}

impl Server {
    /// Starts `cmd` in a new process group with stdout and stderr appended to
    /// `log`.
    pub fn spawn(name: &str, mut cmd: Command, log: &Path) -> Result<Server, String> {
        let out = File::create(log)
            .map_err(|e| format!("{name}: cannot create {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| format!("{name}: {e}"))?;
        cmd.stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        let child = cmd
            .spawn()
            .map_err(|e| format!("{name}: cannot start {:?}: {e}", cmd.get_program()))?;
        if let Ok(mut groups) = GROUPS.lock() {
            groups.push(child.id() as i32);
        }
        Ok(Server {
            name: name.to_string(),
            child,
            log: log.to_path_buf(),
        })
    }

    /// Waits until something accepts TCP connections on 127.0.0.1:`port`,
    /// failing early (with the log's tail) if the process exits first.
    pub fn wait_for_port(&mut self, port: u16, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "{} exited ({status}) before listening on port {port}; its output:\n{}",
                    self.name,
                    self.log_tail()
                ));
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "{} did not listen on port {port} within {timeout:?}; its output:\n{}",
                    self.name,
                    self.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The last lines of the server's output, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let from = lines.len().saturating_sub(30);
        lines[from..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let pgid = self.child.id() as i32;
        kill_group(pgid);
        // Give it a moment to exit cleanly, then make sure.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // SAFETY: plain syscall on a process group this harness created.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
        if let Ok(mut groups) = GROUPS.lock() {
            groups.retain(|g| *g != pgid);
        }
    }
}

/// Sends SIGTERM to the process group `pgid` (one this harness started).
fn kill_group(pgid: i32) {
    // SAFETY: plain syscall; the group id is one of our own children's.
    unsafe {
        libc::kill(-pgid, libc::SIGTERM);
    }
}

/// For the Ctrl-C handler, which exits without running destructors: stops
/// every server still running and removes the scratch directory (unless
/// E2E_KEEP is set).
pub fn interrupted() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    if let Ok(groups) = GROUPS.lock() {
        for pgid in groups.iter() {
            // SAFETY: as in kill_group.
            unsafe {
                libc::kill(-*pgid, libc::SIGKILL);
            }
        }
    }
    if let Ok(scratch) = SCRATCH.lock() {
        if let Some(dir) = scratch
            .as_ref()
            .filter(|_| std::env::var_os("E2E_KEEP").is_none())
        {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Finds an executable: an absolute path is checked as is, a bare name is
/// looked up in PATH and then in `extra_dirs`.
pub fn find_executable(name: &str, extra_dirs: &[PathBuf]) -> Option<PathBuf> {
    let candidate = Path::new(name);
    if candidate.is_absolute() {
        return is_executable(candidate).then(|| candidate.to_path_buf());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra_dirs.iter().cloned())
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

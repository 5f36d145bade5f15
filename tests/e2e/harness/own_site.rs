//! A site of a test's own: a second nginx serving a copy of what the suite
//! serves (same build, same configuration, the same form receiver), on a
//! port, and so an origin, of its own. The test can take it down (a visitor
//! with no connection: every request to it fails, as when offline, with
//! nothing simulated in the browser), bring it back on the same origin, and
//! change its files in place (a new deployment). Its service worker, caches
//! and outbox are the test's alone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::servers::{start_site, Site, SiteOptions};
use super::Page;

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// The second site; stopped on drop.
pub struct OwnSite {
    /// The repository (its `deploy/nginx/`).
    workspace: PathBuf,
    run_dir: PathBuf,
    generated: PathBuf,
    port: u16,
    site: Option<Site>,
    /// The directory nginx serves, to change files in.
    pub root: PathBuf,
    pub base_url: String,
}

impl OwnSite {
    /// Serves a copy of `page`'s site with the shipped configuration of
    /// `workspace` and the generated one in `generated` (the suite's).
    pub fn start(page: &Page, workspace: &Path, generated: &Path) -> Result<OwnSite, String> {
        let source = page.site_root().to_path_buf();
        let scratch = source
            .parent()
            .ok_or("the served root has no parent directory")?;
        let run_dir = scratch.join(format!(
            "own-site-{}-{}",
            page.engine.name(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let site = start_site(
            workspace,
            &source,
            &run_dir,
            SiteOptions {
                // The copy already has the harness's files.
                as_built: true,
                generated: Some(generated.to_path_buf()),
                ..Default::default()
            },
        )?;
        Ok(OwnSite {
            workspace: workspace.to_path_buf(),
            run_dir,
            generated: generated.to_path_buf(),
            port: site.port,
            root: site.root.clone(),
            base_url: site.base_url.clone(),
            site: Some(site),
        })
    }

    /// The page's session on this site.
    pub fn page(&self, page: &Page) -> Page {
        page.elsewhere(&self.base_url, self.port, &self.root)
    }

    /// Takes the site down: connections to it are refused.
    pub fn stop(&mut self) {
        self.site = None;
    }

    /// Brings it back on the same port, serving the same directory as it
    /// was (changes made to [`OwnSite::root`] are kept).
    pub fn restart(&mut self) -> Result<(), String> {
        if self.site.is_some() {
            return Ok(());
        }
        let kept = self.run_dir.join("kept");
        let _ = std::fs::remove_dir_all(&kept);
        std::fs::rename(&self.root, &kept)
            .map_err(|e| format!("keeping {}: {e}", self.root.display()))?;
        let site = start_site(
            &self.workspace,
            &kept,
            &self.run_dir,
            SiteOptions {
                port: Some(self.port),
                as_built: true,
                generated: Some(self.generated.clone()),
                ..Default::default()
            },
        )?;
        let _ = std::fs::remove_dir_all(&kept);
        self.site = Some(site);
        Ok(())
    }
}

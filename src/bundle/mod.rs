//! Support bundles: one gzip-compressed tar a customer sends to OpenCX support, who re-run the
//! diagnosis offline (`doctor replay`). Redaction is the feature: every member is scrubbed
//! (`scrub`) and then searched for every secret the run knew; a hit means no file at all.
//!
//! Members: `manifest.json`, `report.json`, `report.md`, `exchanges.jsonl`, `redactions.json`.

pub mod manifest;
pub mod scrub;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::http::record::Exchange;
use manifest::{Manifest, BUNDLE_FORMAT};
use scrub::{Counts, Scrubber};

pub const MANIFEST: &str = "manifest.json";
pub const REPORT_JSON: &str = "report.json";
pub const REPORT_MD: &str = "report.md";
pub const EXCHANGES: &str = "exchanges.jsonl";
pub const REDACTIONS: &str = "redactions.json";
const MEMBERS: [&str; 5] = [MANIFEST, REPORT_JSON, REPORT_MD, EXCHANGES, REDACTIONS];

/// A bundle read back is refused past this size, unpacked (a hostile or corrupt file).
const MAX_UNPACKED: u64 = 512 * 1024 * 1024;

/// `--bundle FILE` and its companions.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: PathBuf,
    pub note: Option<String>,
    pub keep_customer_data: bool,
    pub force: bool,
}

impl Request {
    /// Before the run: the file must be new (or `--force`), in a directory that exists.
    pub fn check(&self) -> Result<(), String> {
        let shown = self.path.display();
        match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if !meta.is_file() => return Err(format!("--bundle {shown}: not a regular file")),
            Ok(_) if !self.force => {
                return Err(format!("--bundle {shown}: the file exists; add --force to replace it"));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("--bundle {shown}: {e}")),
        }
        let parent = self.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !parent.is_dir() {
            return Err(format!("--bundle {shown}: the directory {} does not exist", parent.display()));
        }
        Ok(())
    }
}

/// What goes into a bundle, before scrubbing.
pub struct Contents {
    pub manifest: Manifest,
    pub report_json: String,
    pub report_md: String,
    pub exchanges: Vec<Exchange>,
}

/// A bundle written: where, and the id to quote.
pub struct Written {
    pub path: PathBuf,
    pub id: String,
    pub bytes: usize,
    pub counts: Counts,
}

/// Scrubs every member, verifies none holds a secret, and writes the file (mode 0600).
pub fn write(request: &Request, contents: Contents, scrubber: &mut Scrubber) -> Result<Written, String> {
    let members = scrub_members(contents, scrubber)?;
    let archive = pack(&members).map_err(|e| format!("cannot pack the bundle: {e}"))?;
    let id = bundle_id(&archive);
    write_file(request, &archive).map_err(|e| format!("cannot write the bundle {}: {e}", request.path.display()))?;
    Ok(Written { path: request.path.clone(), id, bytes: archive.len(), counts: scrubber.counts.clone() })
}

/// Every member's bytes, scrubbed and verified.
pub fn scrub_members(contents: Contents, scrubber: &mut Scrubber) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let Contents { manifest, report_json, report_md, exchanges } = contents;
    // The exchanges first: their fields teach the scrubber which names and texts are
    // customer data, so the reports' free text gets the same pseudonyms.
    let mut lines = String::new();
    for mut exchange in exchanges {
        exchange.path = scrubber.path(&exchange.path);
        for (_, value) in exchange.query.iter_mut() {
            *value = scrubber.field(value);
        }
        if let Some(body) = exchange.request_body.as_mut() {
            scrubber.json(body);
        }
        for (_, value) in exchange.headers.iter_mut() {
            *value = scrubber.field(value);
        }
        if let Some(body) = exchange.body.take() {
            exchange.body = Some(match serde_json::from_str::<Value>(&body) {
                Ok(mut value) if value.is_object() || value.is_array() => {
                    scrubber.json(&mut value);
                    value.to_string()
                }
                _ => scrubber.text(&body),
            });
        }
        lines.push_str(&serde_json::to_string(&exchange).map_err(|e| e.to_string())?);
        lines.push('\n');
    }
    let mut report: Value = serde_json::from_str(&report_json).map_err(|e| format!("the JSON report: {e}"))?;
    scrubber.json_text(&mut report);
    let report_md = scrubber.text(&report_md);
    let mut manifest = serde_json::to_value(&manifest).map_err(|e| e.to_string())?;
    scrubber.json_text(&mut manifest);
    let sealed = |scrubber: &mut Scrubber, text: String| scrubber.seal(&text).into_bytes();
    let mut members = vec![
        (EXCHANGES, sealed(scrubber, lines)),
        (REPORT_JSON, sealed(scrubber, format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default()))),
        (REPORT_MD, sealed(scrubber, report_md)),
        (MANIFEST, sealed(scrubber, format!("{}\n", serde_json::to_string_pretty(&manifest).unwrap_or_default()))),
    ];
    let redactions = serde_json::json!({
        "customer_data": if scrubber.keeps_customer_data() { "kept" } else { "pseudonymised" },
        "replaced": scrubber.counts,
    });
    members.push((
        REDACTIONS,
        format!("{}\n", serde_json::to_string_pretty(&redactions).unwrap_or_default()).into_bytes(),
    ));
    for (name, bytes) in &members {
        scrubber.verify(name, bytes).map_err(|rule| format!("no bundle written: {rule}"))?;
    }
    // The archive's own order: manifest first, as `tar tzf` lists it.
    members.sort_by_key(|(name, _)| MEMBERS.iter().position(|m| m == name));
    Ok(members)
}

fn pack(members: &[(&'static str, Vec<u8>)]) -> std::io::Result<Vec<u8>> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    let mtime = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    for (name, bytes) in members {
        let mut header = tar::Header::new_ustar();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(mtime);
        header.set_cksum();
        tar.append_data(&mut header, name, bytes.as_slice())?;
    }
    tar.into_inner()?.finish()
}

/// The first 12 hex digits of the file's SHA-256: what a support request quotes.
pub fn bundle_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

fn write_file(request: &Request, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if request.force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&request.path)?;
    #[cfg(unix)]
    {
        // A file replaced with --force keeps its old mode otherwise.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// A bundle read back.
pub struct Bundle {
    pub id: String,
    pub bytes: usize,
    pub manifest: Manifest,
    pub report: Value,
    pub exchanges: Vec<Exchange>,
    pub redactions: Value,
    /// Each member and its size, in the archive's order.
    pub members: Vec<(String, u64)>,
}

/// Reads a bundle; anything that is not one this doctor can replay is a precise error.
pub fn read(path: &Path) -> Result<Bundle, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown}: not a regular file"));
    }
    if meta.len() > MAX_UNPACKED {
        return Err(format!("{shown}: {} bytes, far larger than any bundle", meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    read_bytes(&bytes).map_err(|e| format!("{shown} is not a doctor bundle: {e}"))
}

fn read_bytes(bytes: &[u8]) -> Result<Bundle, String> {
    let gz = flate2::read::GzDecoder::new(bytes);
    let mut archive = tar::Archive::new(gz.take(MAX_UNPACKED));
    let mut found: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| format!("not a gzip-compressed tar ({e})"))?;
        let name = entry.path().map_err(|e| e.to_string())?.to_string_lossy().into_owned();
        if !MEMBERS.contains(&name.as_str()) {
            return Err(format!("unexpected member '{}'", crate::sanitize::for_terminal(&name)));
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| format!("{name}: {e}"))?;
        found.push((name, data));
    }
    let member = |name: &str| {
        found.iter().find(|(n, _)| n == name).map(|(_, d)| d.as_slice()).ok_or_else(|| format!("no {name}"))
    };
    let manifest: Manifest = serde_json::from_slice(member(MANIFEST)?).map_err(|e| format!("{MANIFEST}: {e}"))?;
    if manifest.bundle_format > BUNDLE_FORMAT {
        return Err(format!(
            "bundle format {} is newer than this doctor reads ({BUNDLE_FORMAT}): update the doctor",
            manifest.bundle_format
        ));
    }
    let report = serde_json::from_slice(member(REPORT_JSON)?).map_err(|e| format!("{REPORT_JSON}: {e}"))?;
    let mut exchanges = Vec::new();
    for (n, line) in String::from_utf8_lossy(member(EXCHANGES)?).lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        exchanges.push(serde_json::from_str(line).map_err(|e| format!("{EXCHANGES} line {}: {e}", n + 1))?);
    }
    let redactions = serde_json::from_slice(member(REDACTIONS)?).map_err(|e| format!("{REDACTIONS}: {e}"))?;
    Ok(Bundle {
        id: bundle_id(bytes),
        bytes: bytes.len(),
        manifest,
        report,
        exchanges,
        redactions,
        members: found.iter().map(|(n, d)| (n.clone(), d.len() as u64)).collect(),
    })
}

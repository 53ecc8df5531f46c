//! A faithful local fake of the four APIs (Gorgias, Intercom, HubSpot, OpenCX) on 127.0.0.1,
//! one random port per vendor, speaking their documented paths, auth schemes, error bodies,
//! pagination and rate-limit headers. It records every request, can add latency, inject faults
//! and emulate rate limits. `doctor demo` and the integration tests run the real clients and
//! checks against it through the `*_BASE_URL` settings.

pub mod busy;
pub mod conversations;
pub mod fault_matrix;
mod gorgias;
mod gorgias_scenarios;
mod hubspot;
mod hubspot_scenarios;
mod intercom;
mod intercom_scenarios;
mod opencx;
pub mod scenarios;
mod server;
pub mod watch;
pub mod world;

pub use busy::{busy, Affected, Busy, BUSY};
pub use scenarios::{all as all_scenarios, find as find_scenario, Scenario};
pub use server::{Logged, Sandbox};
pub use world::{Fault, FaultKind, Spec, World};

/// One of the four APIs the sandbox fakes. The sandbox is its own crate so that it can never
/// borrow the doctor's types: it is an independent check on the doctor's clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vendor {
    Gorgias,
    Intercom,
    Hubspot,
    Opencx,
}

impl Vendor {
    pub const ALL: [Vendor; 4] = [Vendor::Gorgias, Vendor::Intercom, Vendor::Hubspot, Vendor::Opencx];

    /// The vendor's own spelling, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Gorgias => "Gorgias",
            Vendor::Intercom => "Intercom",
            Vendor::Hubspot => "HubSpot",
            Vendor::Opencx => "OpenCX",
        }
    }

    /// The lower-case name the doctor's settings use (`gorgias.base_url`).
    pub fn slug(self) -> &'static str {
        match self {
            Vendor::Gorgias => "gorgias",
            Vendor::Intercom => "intercom",
            Vendor::Hubspot => "hubspot",
            Vendor::Opencx => "opencx",
        }
    }
}

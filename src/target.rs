//! The one object a run is pointed at: a Gorgias ticket, an Intercom conversation, a HubSpot
//! thread or an OpenCX session. The engine passes it through without knowing vendors; the facts
//! layer reads it, and a sweep runs the same checks over many of them.

use crate::integration::Integration;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// `--ticket`: a Gorgias ticket id.
    Ticket(u64),
    /// `--conversation`: an Intercom conversation id (digits).
    Conversation(String),
    /// `--thread`: a HubSpot conversations thread id (digits).
    Thread(String),
    /// `doctor session ID`: an OpenCX session id.
    Session(String),
}

impl Target {
    /// The system the object lives in.
    pub fn integration(&self) -> Integration {
        match self {
            Target::Ticket(_) => Integration::Gorgias,
            Target::Conversation(_) => Integration::Intercom,
            Target::Thread(_) => Integration::Hubspot,
            Target::Session(_) => Integration::Opencx,
        }
    }

    /// The key of the report's `target` object: `ticket`, `conversation`, `thread`, `session`.
    pub fn key(&self) -> &'static str {
        self.integration().object_name()
    }

    /// The id, as text.
    pub fn id(&self) -> String {
        match self {
            Target::Ticket(id) => id.to_string(),
            Target::Conversation(id) | Target::Thread(id) | Target::Session(id) => id.clone(),
        }
    }

    pub fn ticket(&self) -> Option<u64> {
        match self {
            Target::Ticket(id) => Some(*id),
            _ => None,
        }
    }

    pub fn conversation(&self) -> Option<&str> {
        match self {
            Target::Conversation(id) => Some(id),
            _ => None,
        }
    }

    pub fn thread(&self) -> Option<&str> {
        match self {
            Target::Thread(id) => Some(id),
            _ => None,
        }
    }

    pub fn session(&self) -> Option<&str> {
        match self {
            Target::Session(id) => Some(id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_names_its_system_and_report_key() {
        for (target, integration, key, id) in [
            (Target::Ticket(1042), Integration::Gorgias, "ticket", "1042"),
            (Target::Conversation("77".into()), Integration::Intercom, "conversation", "77"),
            (Target::Thread("9".into()), Integration::Hubspot, "thread", "9"),
            (Target::Session("3f1c".into()), Integration::Opencx, "session", "3f1c"),
        ] {
            assert_eq!((target.integration(), target.key(), target.id().as_str()), (integration, key, id));
        }
    }
}

//! What a bundle may hold: every secret the run knew replaced by a named placeholder
//! (`[secret:gorgias.api_key]`), every token of a URL by `redacted-token-0001`, and — unless the
//! customer keeps it — customer data pseudonymised consistently: the same email is the same
//! pseudonym everywhere in the bundle, so "the session's contact is the HubSpot contact" still
//! holds. Ids, timestamps, statuses and structure are kept. Allow-list first: a JSON field is
//! pseudonymised by what it is (an email anywhere; the names and phone numbers of a person; the
//! texts of a message), and `verify` searches the finished members for every secret, failing
//! closed.

use std::collections::HashMap;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Fields holding what a customer or an agent wrote.
const TEXT_KEYS: &[&str] = &[
    "body",
    "body_text",
    "body_html",
    "stripped_text",
    "stripped_html",
    "stripped_signature",
    "text",
    "richText",
    "subject",
    "snippet",
    "excerpt",
    "preview",
];
/// Fields of a person holding a name.
const NAME_KEYS: &[&str] =
    &["name", "firstname", "lastname", "firstName", "lastName", "full_name", "fullname", "display_name", "displayName"];
const PHONE_KEYS: &[&str] = &["phone", "phone_number", "phoneNumber", "mobilephone", "mobile_phone"];
/// An object with one of these fields is a person.
const PERSON_FIELDS: &[&str] =
    &["email", "emailAddress", "email_address", "phone", "actorId", "firstname", "firstName", "lastname", "lastName"];
/// An object under one of these keys is a person.
const PERSON_KEYS: &[&str] = &[
    "sender",
    "senders",
    "author",
    "authors",
    "contact",
    "contacts",
    "customer",
    "customers",
    "from",
    "to",
    "cc",
    "bcc",
    "recipients",
    "assignee",
    "assignee_user",
    "user",
    "users",
    "owner",
    "owners",
    "admin",
    "admins",
    "teammate",
    "teammates",
    "participants",
];
/// Subtrees that are account configuration, not conversation: a Gorgias rule's code.
const CONFIG_KEYS: &[&str] = &["code_ast"];

/// How many values each rule replaced (never the values).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Counts {
    pub secrets: usize,
    pub webhook_tokens: usize,
    pub emails: usize,
    pub names: usize,
    pub phone_numbers: usize,
    pub message_texts: usize,
}

/// One spelling of one secret.
struct Form {
    /// The setting it belongs to (`gorgias.api_key`, `the Gorgias Basic credential`).
    setting: String,
    /// How it is spelled: `as is`, `base64`, `percent-encoded`, `JSON-escaped`.
    encoding: &'static str,
    text: String,
    placeholder: String,
}

pub struct Scrubber {
    forms: Vec<Form>,
    /// URL token → its placeholder.
    tokens: HashMap<String, String>,
    /// The hosts (and ports) of the webhook URLs.
    webhook_hosts: Vec<(Option<String>, Option<u16>)>,
    keep_customer_data: bool,
    emails: HashMap<String, String>,
    /// Every email pseudonym handed out (never pseudonymised again).
    produced: std::collections::HashSet<String>,
    names: HashMap<String, String>,
    phones: HashMap<String, String>,
    texts: HashMap<String, String>,
    /// Original texts as they were spelled (and as the report clips them), for the free text of
    /// reports: longest first when used.
    spelled: Vec<(String, String)>,
    /// Every original and spelling already in `spelled`, and whether it needs sorting again
    /// (longest first).
    remembered: std::collections::HashSet<String>,
    spelled_unsorted: bool,
    /// Names the checks match on literally, kept (the AI user's display name).
    kept_names: &'static [&'static str],
    /// Words a pseudonymised text keeps because a check reads them (a HubSpot handoff note).
    kept_words: &'static [&'static str],
    email: Regex,
    pub counts: Counts,
}

/// A secret is replaced when it is at least this long (as the output redactor does).
const MIN_SECRET: usize = 6;

impl Scrubber {
    /// `secrets`: each secret setting's name and value; `basic`: the user and password of an
    /// HTTP Basic credential; `urls`: the webhook URLs (their tokens are credentials).
    pub fn new(
        secrets: &[(String, String)],
        basic: Option<(&str, &str)>,
        urls: &[String],
        keep_customer_data: bool,
    ) -> Scrubber {
        let mut forms = Vec::new();
        for (setting, value) in secrets {
            let placeholder = format!("[secret:{setting}]");
            forms.extend(spellings(value).into_iter().map(|(encoding, text)| Form {
                setting: setting.clone(),
                encoding,
                text,
                placeholder: placeholder.clone(),
            }));
        }
        if let Some((user, password)) = basic {
            let setting = "the Gorgias Basic credential".to_string();
            for encoded in crate::redact::base64_forms(format!("{user}:{password}").as_bytes()) {
                for (encoding, text) in spellings(&encoded) {
                    let encoding = if encoding == "as is" { "base64" } else { encoding };
                    let placeholder = "[secret:basic-credential]".to_string();
                    forms.push(Form { setting: setting.clone(), encoding, text, placeholder });
                }
            }
        }
        forms.retain(|f| f.text.chars().count() >= MIN_SECRET);
        forms.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        let mut scrubber = Scrubber {
            forms,
            tokens: HashMap::new(),
            webhook_hosts: urls
                .iter()
                .filter_map(|u| url::Url::parse(u).ok())
                .map(|u| (u.host_str().map(str::to_string), u.port_or_known_default()))
                .collect(),
            keep_customer_data,
            emails: HashMap::new(),
            produced: std::collections::HashSet::new(),
            names: HashMap::new(),
            phones: HashMap::new(),
            texts: HashMap::new(),
            spelled: Vec::new(),
            remembered: std::collections::HashSet::new(),
            spelled_unsorted: false,
            kept_names: &[crate::vendors::gorgias::AI_ASSISTANT_NAME],
            kept_words: crate::vendors::hubspot::HANDOFF_WORDS,
            email: Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
                .expect("static regex"),
            counts: Counts::default(),
        };
        for url in urls {
            scrubber.learn_tokens(url);
        }
        scrubber
    }

    /// The tokens of a URL on a webhook host (another, older token of the same endpoint is a
    /// credential too); other URLs keep their ids.
    fn learn_tokens(&mut self, url: &str) {
        let host =
            |u: &str| url::Url::parse(u).ok().map(|u| (u.host_str().map(str::to_string), u.port_or_known_default()));
        let on_webhook_host = host(url).is_some_and(|h| h.0.is_some() && self.webhook_hosts.contains(&h));
        if !on_webhook_host {
            return;
        }
        for token in crate::redact::url_tokens(url) {
            if token.starts_with("redacted-token-") || token.starts_with("[secret:") {
                continue;
            }
            let next = self.tokens.len() + 1;
            self.tokens.entry(token).or_insert_with(|| format!("redacted-token-{next:04}"));
        }
    }

    /// A free text of a report or the manifest: emails and the customer data already seen in
    /// the exchanges pseudonymised (secrets are replaced when the member is sealed).
    pub fn text(&mut self, text: &str) -> String {
        self.learn_urls(text);
        if self.keep_customer_data {
            return text.to_string();
        }
        let out = self.emails_in(text);
        self.known_in(&out)
    }

    /// A field of an exchange that is none of the customer-data fields: emails pseudonymised.
    pub fn field(&mut self, text: &str) -> String {
        self.learn_urls(text);
        if self.keep_customer_data {
            return text.to_string();
        }
        self.emails_in(text)
    }

    pub fn keeps_customer_data(&self) -> bool {
        self.keep_customer_data
    }

    fn learn_urls(&mut self, text: &str) {
        if text.contains("://") {
            for word in text.split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>')) {
                if word.contains("://") {
                    let word = word.to_string();
                    self.learn_tokens(&word);
                }
            }
        }
    }

    /// A member's finished text: every spelling of every secret, and every URL token, replaced
    /// by its placeholder (one pass over the whole member).
    pub fn seal(&mut self, text: &str) -> String {
        let mut out = text.to_string();
        for form in &self.forms {
            let n = out.matches(form.text.as_str()).count();
            if n > 0 {
                self.counts.secrets += n;
                out = out.replace(form.text.as_str(), &form.placeholder);
            }
        }
        let mut tokens: Vec<(&String, &String)> = self.tokens.iter().collect();
        tokens.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        for (token, placeholder) in tokens {
            let forms = std::iter::once(token.clone())
                .chain(crate::redact::percent_forms(token))
                .chain(crate::redact::json_forms(token));
            for form in forms {
                let n = out.matches(form.as_str()).count();
                if n > 0 {
                    self.counts.webhook_tokens += n;
                    out = out.replace(form.as_str(), placeholder);
                }
            }
        }
        // The output redactor's wider net (a secret split by white space or invisible characters).
        let redacted = crate::redact::redact(&out);
        if redacted != out {
            self.counts.secrets += 1;
            out = redacted;
        }
        out
    }

    fn emails_in(&mut self, text: &str) -> String {
        if !text.contains('@') {
            return text.to_string();
        }
        let found: Vec<String> = self.email.find_iter(text).map(|m| m.as_str().to_string()).collect();
        let mut out = text.to_string();
        for email in found {
            if self.produced.contains(&email) {
                continue;
            }
            let pseudonym = self.email_pseudonym(&email);
            self.counts.emails += 1;
            out = out.replacen(&email, &pseudonym, 1);
        }
        out
    }

    /// `person3@example.invalid`; an address at OpenCX's temporary domain keeps the domain (a
    /// check reads it: such mail never reaches the helpdesk).
    fn email_pseudonym(&mut self, email: &str) -> String {
        let next = self.emails.len() + 1;
        let lower = email.to_ascii_lowercase();
        let temporary =
            lower.rsplit_once('@').is_some_and(|(_, d)| d == crate::vendors::opencx::TEMPORARY_EMAIL_DOMAIN);
        let domain = if temporary { crate::vendors::opencx::TEMPORARY_EMAIL_DOMAIN } else { "example.invalid" };
        let pseudonym = self.emails.entry(lower).or_insert_with(|| format!("person{next}@{domain}")).clone();
        self.produced.insert(pseudonym.clone());
        pseudonym
    }

    /// Names, phone numbers and texts already pseudonymised in the exchanges, wherever a report
    /// quotes them (whole words only, longest first).
    fn known_in(&mut self, text: &str) -> String {
        if self.spelled_unsorted {
            self.spelled.sort_by_key(|(o, _)| std::cmp::Reverse(o.len()));
            self.spelled_unsorted = false;
        }
        let mut out = text.to_string();
        for (original, pseudonym) in &self.spelled {
            if original.chars().count() < 3 || !out.contains(original.as_str()) {
                continue;
            }
            let (replaced, n) = replace_words(&out, original, pseudonym);
            if n > 0 {
                out = replaced;
                match pseudonym.as_bytes().first() {
                    Some(b'P') => self.counts.names += n,
                    Some(b'+') => self.counts.phone_numbers += n,
                    _ => self.counts.message_texts += n,
                }
            }
        }
        out
    }

    /// Keeps an original's spellings for the reports (each original once: a sweep repeats them).
    fn remember(&mut self, original: &str, pseudonym: &str) {
        if !self.remembered.insert(original.to_string()) {
            return;
        }
        let mut spellings = vec![original.trim().to_string()];
        // The session timeline and error snippets quote texts clipped.
        for max in [100, 80] {
            let clipped = crate::http::error::clip(original, max);
            if clipped.ends_with('…') {
                spellings.push(clipped);
            }
        }
        for spelled in spellings {
            if !spelled.is_empty() && (spelled == original || self.remembered.insert(spelled.clone())) {
                self.spelled.push((spelled, pseudonym.to_string()));
                self.spelled_unsorted = true;
            }
        }
    }

    fn name(&mut self, name: &str) -> String {
        if self.kept_names.contains(&name) {
            return name.to_string();
        }
        let next = self.names.len() + 1;
        let pseudonym = self.names.entry(name.trim().to_string()).or_insert_with(|| format!("Person {next}")).clone();
        self.remember(name, &pseudonym);
        self.counts.names += 1;
        pseudonym
    }

    fn phone(&mut self, phone: &str) -> String {
        let next = self.phones.len() + 1;
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let pseudonym = self.phones.entry(digits).or_insert_with(|| format!("+1555{next:07}")).clone();
        self.remember(phone, &pseudonym);
        self.counts.phone_numbers += 1;
        pseudonym
    }

    fn message_text(&mut self, text: &str) -> String {
        let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let next = self.texts.len() + 1;
        let lower = normal.to_lowercase();
        let kept: Vec<&str> = self.kept_words.iter().copied().filter(|w| lower.contains(w)).collect();
        let pseudonym = self
            .texts
            .entry(normal.clone())
            .or_insert_with(|| {
                let mentions = if kept.is_empty() { String::new() } else { format!("; mentions: {}", kept.join(", ")) };
                format!("[text {next}: {} characters{mentions}]", normal.chars().count())
            })
            .clone();
        self.remember(text, &pseudonym);
        self.counts.message_texts += 1;
        pseudonym
    }

    /// A JSON value from outside, scrubbed in place by what each field is (`seal` the text it
    /// is written as).
    pub fn json(&mut self, value: &mut Value) {
        self.json_under(value, None, false);
    }

    /// A report's or the manifest's JSON: every string as free text.
    pub fn json_text(&mut self, value: &mut Value) {
        match value {
            Value::String(s) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|v| self.json_text(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.json_text(v)),
            _ => {}
        }
    }

    fn json_under(&mut self, value: &mut Value, key: Option<&str>, config: bool) {
        match value {
            Value::String(s) => *s = self.field(s),
            Value::Array(items) => {
                for item in items {
                    self.json_under(item, key, config);
                }
            }
            Value::Object(map) => {
                let person = key.is_some_and(|k| PERSON_KEYS.contains(&k))
                    || map.keys().any(|k| PERSON_FIELDS.contains(&k.as_str()));
                let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
                for (k, mut v) in entries {
                    let k2 = self.field(&k);
                    let inner_config = config || CONFIG_KEYS.contains(&k.as_str());
                    match &mut v {
                        Value::String(s) if !self.keep_customer_data && !s.trim().is_empty() && !inner_config => {
                            *s = if TEXT_KEYS.contains(&k.as_str()) {
                                self.message_text(s)
                            } else if person && NAME_KEYS.contains(&k.as_str()) {
                                self.name(s)
                            } else if PHONE_KEYS.contains(&k.as_str()) {
                                self.phone(s)
                            } else {
                                self.field(s)
                            };
                        }
                        _ => self.json_under(&mut v, Some(k.as_str()), inner_config),
                    }
                    map.insert(k2, v);
                }
            }
            _ => {}
        }
    }

    /// A URL path: each segment decoded, scrubbed and encoded again as the clients encode it.
    pub fn path(&mut self, path: &str) -> String {
        if path.contains("://") {
            return self.field(path);
        }
        path.split('/')
            .map(|segment| {
                let decoded = url::form_urlencoded::parse(format!("x={segment}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                let scrubbed = self.field(&decoded);
                if scrubbed == decoded {
                    segment.to_string()
                } else {
                    crate::http::client::segment(&scrubbed)
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Fails closed: the first secret still present in `bytes`, in any spelling the scrubber
    /// knows, compared without regard to case.
    pub fn verify(&self, member: &str, bytes: &[u8]) -> Result<(), String> {
        let text = String::from_utf8_lossy(bytes);
        let lower = text.to_lowercase();
        for form in &self.forms {
            if text.contains(form.text.as_str()) {
                return Err(format!("{member} still holds {} ({}) after redaction", form.setting, form.encoding));
            }
            if lower.contains(&form.text.to_lowercase()) {
                return Err(format!(
                    "{member} holds {} ({}, in other letter case), which the redaction rules do not replace",
                    form.setting, form.encoding
                ));
            }
        }
        for token in self.tokens.keys() {
            if lower.contains(&token.to_lowercase()) {
                return Err(format!("{member} still holds a webhook URL token after redaction"));
            }
        }
        if crate::redact::redact(&text) != text {
            return Err(format!(
                "{member} still holds a secret the output redactor knows (split by white space or invisible characters)"
            ));
        }
        Ok(())
    }
}

/// Every spelling a secret travels in (as the output redactor registers them).
fn spellings(value: &str) -> Vec<(&'static str, String)> {
    let value = value.trim();
    let mut out = vec![("as is", value.to_string())];
    out.extend(crate::redact::percent_forms(value).into_iter().map(|f| ("percent-encoded", f)));
    out.extend(crate::redact::json_forms(value).into_iter().map(|f| ("JSON-escaped", f)));
    for b in crate::redact::base64_forms(value.as_bytes()) {
        out.extend(crate::redact::percent_forms(&b).into_iter().map(|f| ("base64, percent-encoded", f)));
        out.push(("base64", b));
    }
    out.sort();
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// `text` with every whole-word occurrence of `from` replaced, and how many.
fn replace_words(text: &str, from: &str, to: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    let mut rest = text;
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut before: Option<char> = None;
    while let Some(at) = rest.find(from) {
        let prev = rest[..at].chars().next_back().or(before);
        let next = rest[at + from.len()..].chars().next();
        let first_is_word = from.chars().next().is_some_and(char::is_alphanumeric);
        let last_is_word = from.chars().next_back().is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        if (first_is_word && word(prev)) || (last_is_word && word(next)) {
            out.push_str(from);
        } else {
            out.push_str(to);
            n += 1;
        }
        before = from.chars().next_back();
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scrubber() -> Scrubber {
        Scrubber::new(
            &[("gorgias.api_key".into(), "bundle-key-7f3a9c2e41".into())],
            Some(("ops@acme.test", "bundle-key-7f3a9c2e41")),
            &["https://hooks.example/gorgias/whk9a8b7c6d5e4f3".into()],
            false,
        )
    }

    #[test]
    fn the_same_email_is_the_same_pseudonym_everywhere_and_ids_stay() {
        let mut s = scrubber();
        let mut ticket = json!({"id": 1042, "link": "https://app.open.cx/inbox/5e0c1f4a-9d2b-4c3e-8f1a-2b3c4d5e6f70", "customer": {"id": 7, "email": "Jane@Shop.example", "name": "Jane Doe", "phone": "+33 6 12 34 56 78"},
            "messages": [{"sender": {"name": "AI Assistant"}, "body_text": "Hello  Jane", "stripped_text": "Hello Jane"}],
            "integrations": [{"name": "OpenCX", "url": "https://hooks.example/gorgias/whk9a8b7c6d5e4f3"}]});
        s.json(&mut ticket);
        let mut session = json!({"contact": {"email": "jane@shop.example", "name": "Jane Doe"}});
        s.json(&mut session);
        assert_eq!(ticket["customer"]["email"], session["contact"]["email"]);
        assert_eq!(ticket["customer"]["email"], "person1@example.invalid");
        assert_eq!(ticket["customer"]["name"], "Person 1");
        assert_eq!(ticket["id"], 1042);
        assert_eq!(ticket["messages"][0]["sender"]["name"], "AI Assistant");
        // One text, however its white space falls, is one pseudonym.
        assert_eq!(ticket["messages"][0]["body_text"], ticket["messages"][0]["stripped_text"]);
        assert_eq!(ticket["integrations"][0]["name"], "OpenCX");
        let sealed = s.seal(&ticket.to_string());
        assert!(sealed.contains("https://hooks.example/gorgias/redacted-token-0001"), "{sealed}");
        assert!(sealed.contains("5e0c1f4a-9d2b-4c3e-8f1a-2b3c4d5e6f70"), "an id in another URL is kept: {sealed}");
        assert!(!ticket.to_string().contains("12 34"));
        // A report quoting the name or the email gets the same pseudonyms.
        assert_eq!(s.text("contact Jane Doe <jane@shop.example>"), "contact Person 1 <person1@example.invalid>");
        assert_eq!(s.counts.emails, 3);
    }

    #[test]
    fn secrets_in_every_spelling_become_placeholders_and_verify_fails_closed() {
        let mut s = scrubber();
        let basic =
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "ops@acme.test:bundle-key-7f3a9c2e41");
        let out = s.seal(&format!("key bundle-key-7f3a9c2e41 basic {basic} url bundle%2Dkey%2D7f3a9c2e41"));
        assert_eq!(out.matches("[secret:").count(), 3, "{out}");
        assert!(s.verify("report.md", out.as_bytes()).is_ok());
        let missed = s.verify("exchanges.jsonl", b"echo BUNDLE-KEY-7F3A9C2E41").unwrap_err();
        assert!(
            missed.contains("exchanges.jsonl") && missed.contains("gorgias.api_key") && missed.contains("letter case"),
            "{missed}"
        );
        assert!(!missed.contains("7f3a"), "{missed}");
    }

    #[test]
    fn a_handoff_note_keeps_the_word_the_check_reads_and_kept_data_is_kept() {
        let mut s = scrubber();
        let mut note = json!({"type": "COMMENT", "text": "OpenCX handoff: customer asked for a refund"});
        s.json(&mut note);
        assert!(note["text"].as_str().unwrap().contains("handoff"), "{note}");
        assert!(!note["text"].as_str().unwrap().contains("refund"), "{note}");
        let mut keep = Scrubber::new(&[], None, &[], true);
        let mut contact = json!({"email": "jane@shop.example", "name": "Jane"});
        keep.json(&mut contact);
        assert_eq!(contact["email"], "jane@shop.example");
    }

    #[test]
    fn an_email_in_a_path_is_pseudonymised_as_the_client_encodes_it() {
        let mut s = scrubber();
        assert_eq!(s.path("/contacts/jane%40shop%2Eexample"), "/contacts/person1%40example%2Einvalid");
        assert_eq!(s.path("/api/tickets/1042"), "/api/tickets/1042");
    }
}

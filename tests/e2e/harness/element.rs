//! Element queries by role and accessible name, and the element handle the
//! queries return.

use super::wd::SessionCommand;
use fantoccini::elements::{Element, ElementRef};
use fantoccini::Client;
use serde_json::{json, Value};

/// The WebDriver key under which a serialized element carries its id.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How an accessible name (or text) must match.
#[derive(Clone, Debug)]
pub enum Name {
    /// Any name, including none.
    Any,
    /// Equal after whitespace normalisation (the default for `&str`).
    Exact(String),
    /// Case-insensitive substring.
    Contains(String),
    /// A JavaScript regular expression (source, flags).
    Regex(String, String),
}

impl Name {
    /// Case-insensitive substring match.
    pub fn contains(s: &str) -> Name {
        Name::Contains(s.to_string())
    }

    /// JavaScript `RegExp` match, e.g. `Name::regex("^Call", "i")`.
    pub fn regex(source: &str, flags: &str) -> Name {
        Name::Regex(source.to_string(), flags.to_string())
    }

    pub(crate) fn to_json(&self) -> Value {
        match self {
            Name::Any => json!({"kind": "any"}),
            Name::Exact(v) => json!({"kind": "exact", "value": v}),
            Name::Contains(v) => json!({"kind": "contains", "value": v}),
            Name::Regex(v, flags) => json!({"kind": "regex", "value": v, "flags": flags}),
        }
    }

    fn describe(&self) -> String {
        match self {
            Name::Any => String::new(),
            Name::Exact(v) => format!(" named {v:?}"),
            Name::Contains(v) => format!(" with name containing {v:?}"),
            Name::Regex(v, f) => format!(" with name matching /{v}/{f}"),
        }
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::Exact(s.to_string())
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name::Exact(s)
    }
}

/// A role query: `Query::role("heading").level(2).name("Intro")`.
#[derive(Clone, Debug)]
pub struct Query {
    role: String,
    name: Name,
    level: Option<u8>,
    hidden: bool,
    within: Option<(Value, String)>,
}

impl Query {
    /// Elements with ARIA role `role` (explicit or implicit), any name.
    pub fn role(role: &str) -> Query {
        Query {
            role: role.to_string(),
            name: Name::Any,
            level: None,
            hidden: false,
            within: None,
        }
    }

    /// Only elements whose accessible name matches.
    pub fn name(mut self, name: impl Into<Name>) -> Query {
        self.name = name.into();
        self
    }

    /// Only headings of this level (h1..h6 or aria-level).
    pub fn level(mut self, level: u8) -> Query {
        self.level = Some(level);
        self
    }

    /// Also elements outside the accessibility tree (hidden ones).
    pub fn include_hidden(mut self) -> Query {
        self.hidden = true;
        self
    }

    /// Only descendants of `scope`.
    pub fn within(mut self, scope: &Elem) -> Query {
        self.within = Some((scope.to_json(), scope.description.clone()));
        self
    }

    /// The query as script arguments: `[query, scope element or null]`.
    /// The scope is a separate argument because WebKitWebDriver does not
    /// turn element references nested inside objects into elements.
    pub(crate) fn to_args(&self) -> Vec<Value> {
        vec![
            json!({
                "role": self.role,
                "name": self.name.to_json(),
                "level": self.level,
                "hidden": self.hidden,
            }),
            self.within.as_ref().map_or(Value::Null, |(v, _)| v.clone()),
        ]
    }

    /// Human-readable form for messages: `heading[2] named "Intro" in region "X"`.
    pub fn describe(&self) -> String {
        let level = self.level.map(|l| format!("[{l}]")).unwrap_or_default();
        let within = self
            .within
            .as_ref()
            .map(|(_, d)| format!(" inside {d}"))
            .unwrap_or_default();
        format!("{}{level}{}{within}", self.role, self.name.describe())
    }
}

/// An element found by a query, with a description for messages.
#[derive(Clone, Debug)]
pub struct Elem {
    element: Element,
    client: Client,
    /// E.g. `link "Call us"`.
    pub description: String,
}

impl Elem {
    /// Wraps a serialized element returned by a script.
    pub(crate) fn from_json(
        client: &Client,
        value: &Value,
        description: String,
    ) -> Result<Elem, String> {
        let id = value
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("script returned {value} where an element was expected"))?;
        Ok(Elem {
            element: Element::from_element_id(client.clone(), ElementRef::from(id.to_string())),
            client: client.clone(),
            description,
        })
    }

    /// The element as a script argument.
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.element.element_id().to_string() })
    }

    /// The accessible name the browser itself computes (WebDriver "Get
    /// Computed Label"), which, unlike the harness's own reading, counts CSS
    /// generated content: what a screen reader is given.
    pub async fn computed_label(&self) -> Result<String, String> {
        // WebDriver's "Get Computed Label".
        let command = SessionCommand {
            path: format!("element/{}/computedlabel", self.element.element_id()),
            method: http::Method::GET,
            body: None,
        };
        let value = self
            .client
            .issue_cmd(command)
            .await
            .map_err(|e| format!("computed label of {}: {e}", self.description))?;
        value
            .as_str()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .ok_or_else(|| format!("computed label of {}: {value}", self.description))
    }

    /// The underlying fantoccini element, for anything not wrapped here.
    #[allow(dead_code)] // an escape hatch for tests to come
    pub fn raw(&self) -> &Element {
        &self.element
    }

    /// Clicks it (WebDriver element click: scrolls into view, checks it is
    /// not obscured).
    pub async fn click(&self) -> Result<(), String> {
        self.element
            .click()
            .await
            .map_err(|e| format!("clicking {}: {e}", self.description))
    }

    /// Types `text` into it (WebDriver element send keys).
    pub async fn type_text(&self, text: &str) -> Result<(), String> {
        self.element
            .send_keys(text)
            .await
            .map_err(|e| format!("typing into {}: {e}", self.description))
    }

    /// Its rendered text (WebDriver "element text").
    pub async fn text(&self) -> Result<String, String> {
        self.element
            .text()
            .await
            .map_err(|e| format!("reading text of {}: {e}", self.description))
    }

    /// The value of attribute `name`, if present.
    pub async fn attr(&self, name: &str) -> Result<Option<String>, String> {
        self.element
            .attr(name)
            .await
            .map_err(|e| format!("reading {name} of {}: {e}", self.description))
    }

    /// Runs `body` (a function body; the element is `el`) and returns its
    /// result, e.g. `elem.eval("return el.getBoundingClientRect().top")`.
    pub async fn eval(&self, body: &str) -> Result<Value, String> {
        let script = format!("var el = arguments[0];\n{body}");
        self.client
            .execute(&script, vec![self.to_json()])
            .await
            .map_err(|e| format!("script on {}: {e}\n{body}", self.description))
    }
}

//! What "Verify my coverage" hands to the contact form.

/// The insurer a visitor asked about in the insurance checker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarrierChoice {
    /// As the form should show it: the in-network carrier's name, else what
    /// the visitor typed.
    pub name: String,
    /// The in-network carrier's id (`carriers.toml`); `None` when it is not
    /// on the list or unclear.
    pub carrier_id: Option<&'static str>,
}

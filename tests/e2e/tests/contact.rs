//! Ways to reach Asana Recovery: the call and text links in the header and
//! the phone number in the footer.

use super::content::PHONE;
use super::open_article;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![header_call_and_text_links, footer_phone_link]
}

/// The banner has "Call us" (tel:) and "Text us" (sms:) links to the number.
/// The names may go on (e.g. "Call us (949) 763-3440") but must start so.
async fn header_call_and_text_links(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let banner = page.find(&Query::role("banner")).await?;
    for (label, href) in [
        ("Call us", format!("tel:{PHONE}")),
        ("Text us", format!("sms:{PHONE}")),
    ] {
        let name = Name::regex(&format!("^{label}\\b"), "");
        let link = page
            .find(&Query::role("link").name(name).within(&banner))
            .await?;
        let actual = link.attr("href").await?.unwrap_or_default();
        ensure(actual == href, || {
            format!("banner link {label:?} goes to {actual:?}, expected {href:?}")
        })?;
    }
    Ok(())
}

/// The footer (contentinfo) links to the same phone number.
async fn footer_phone_link(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let footer = page.find(&Query::role("contentinfo")).await?;
    let mut hrefs = Vec::new();
    for link in page.find_all(&Query::role("link").within(&footer)).await? {
        hrefs.push(link.attr("href").await?.unwrap_or_default());
    }
    let want = format!("tel:{PHONE}");
    ensure(hrefs.contains(&want), || {
        format!("footer has no link to {want}; its links: {hrefs:?}")
    })
}

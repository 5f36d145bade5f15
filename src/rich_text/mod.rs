//! The content model's blocks and inlines as HTML, and the headings'
//! "copy link" buttons. Page blocks placed in the text (`{{name}}`) are
//! rendered by whoever passes [`blocks::Embeds`] (the article), so this
//! module knows no feature.

pub mod blocks;
pub mod copy_link;

//! The app's PNG icons, drawn at build time from the one source SVG
//! (`[app] icon` of `site.toml`, in `public/`), so a designer edits one
//! file and no PNG in the repository can drift from it.
//!
//! Browsers and phones want raster icons of fixed sizes and kinds: the
//! manifest's `any` icons keep the SVG's own shape (its transparent,
//! rounded corners), a `maskable` one is cut by the phone to its own shape
//! and so must be opaque to the edge with the artwork inside the safe
//! zone, and iOS takes an opaque square it rounds itself.

use std::path::{Path, PathBuf};

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg;

use super::manifest::ManifestIcon;

/// One PNG icon to write next to `index.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IconFile {
    /// The file name, also its URL relative to the page.
    pub name: &'static str,
    pub bytes: Vec<u8>,
    /// Width and height in pixels (every icon is square).
    pub size: u32,
    pub purpose: Purpose,
}

impl IconFile {
    /// This icon as the manifest lists it; `None` for the Apple icon,
    /// which the page names instead.
    pub fn manifest_icon(&self) -> Option<ManifestIcon<'_>> {
        Some(ManifestIcon {
            src: self.name,
            size: self.size,
            purpose: self.purpose.manifest_purpose()?,
        })
    }
}

/// What an icon is for, which decides how it is drawn and where it is
/// named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The manifest's `"any"`: the SVG as it is, corners transparent.
    Any,
    /// The manifest's `"maskable"`: opaque to the edge, artwork in the
    /// middle 80% (the phone keeps a circle of radius 40%).
    Maskable,
    /// `<link rel="apple-touch-icon">`: opaque (iOS shows transparency as
    /// black) and unrounded (iOS rounds it).
    AppleTouch,
}

impl Purpose {
    /// The manifest's `purpose` member; `None` for an icon the manifest
    /// does not list.
    pub fn manifest_purpose(self) -> Option<&'static str> {
        match self {
            Purpose::Any => Some("any"),
            Purpose::Maskable => Some("maskable"),
            Purpose::AppleTouch => None,
        }
    }
}

/// Why the icons could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum IconError {
    #[error("{}: not an SVG the icons can be drawn from: {source}", path.display())]
    Svg { path: PathBuf, source: usvg::Error },
    #[error("{}: has no area to draw (width or height 0)", path.display())]
    Empty { path: PathBuf },
    #[error("site.toml [app] icon_background: `{0}` is not a colour written `#rgb` or `#rrggbb`")]
    Colour(String),
    #[error("{name}: cannot encode the PNG: {source}")]
    Encode {
        name: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Each icon: its file name, size, purpose, and the share of its width the
/// SVG is drawn at.
const ICONS: [(&str, u32, Purpose, f32); 4] = [
    // 192 and 512 are the sizes Chrome asks for to install and to show a
    // splash screen.
    ("icon-192.png", 192, Purpose::Any, 1.0),
    ("icon-512.png", 512, Purpose::Any, 1.0),
    // 80%: the SVG's square then ends where the safe zone's circle would
    // start to cut into it only at its corners, which are background.
    ("icon-maskable-512.png", 512, Purpose::Maskable, 0.8),
    // 180 is the size of the largest iPhone home-screen icon; 90% leaves a
    // margin so the artwork does not touch iOS's rounding.
    ("apple-touch-icon.png", 180, Purpose::AppleTouch, 0.9),
];

/// Draws every icon from `svg` (read from `path`, which errors name) on
/// `icon_background` where an icon must be opaque.
pub fn render_icons(
    path: &Path,
    svg: &[u8],
    icon_background: &str,
) -> Result<Vec<IconFile>, IconError> {
    let background = parse_colour(icon_background)
        .ok_or_else(|| IconError::Colour(icon_background.to_string()))?;
    // Without the `text` feature usvg has no fonts, so `<text>` draws
    // nothing: the icon must be shapes (src/content/README.md says so).
    let tree =
        usvg::Tree::from_data(svg, &usvg::Options::default()).map_err(|source| IconError::Svg {
            path: path.into(),
            source,
        })?;
    ICONS
        .iter()
        .map(|&(name, size, purpose, share)| {
            let fill = (purpose != Purpose::Any).then_some(background);
            let pixmap = draw(&tree, size, share, fill)
                .ok_or_else(|| IconError::Empty { path: path.into() })?;
            let bytes = pixmap.encode_png().map_err(|source| IconError::Encode {
                name,
                source: Box::new(source),
            })?;
            Ok(IconFile {
                name,
                bytes,
                size,
                purpose,
            })
        })
        .collect()
}

/// `tree` fitted into `share` of a `size`-pixel square and centred, on
/// `background` or transparent; `None` if either has no area.
fn draw(tree: &usvg::Tree, size: u32, share: f32, background: Option<Color>) -> Option<Pixmap> {
    let mut pixmap = Pixmap::new(size, size)?;
    if let Some(colour) = background {
        pixmap.fill(colour);
    }
    let svg = tree.size();
    let longest = svg.width().max(svg.height());
    if longest <= 0.0 {
        return None;
    }
    let side = size as f32;
    let scale = side * share / longest;
    let x = (side - svg.width() * scale) / 2.0;
    let y = (side - svg.height() * scale) / 2.0;
    let transform = Transform::from_scale(scale, scale).post_translate(x, y);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    Some(pixmap)
}

/// `#rgb` or `#rrggbb` as an opaque colour.
fn parse_colour(text: &str) -> Option<Color> {
    let hex = text.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |digits: &str| u8::from_str_radix(digits, 16).ok();
    let [r, g, b] = match hex.len() {
        // `#abc` is `#aabbcc`: each digit stands for itself twice.
        3 => [0, 1, 2].map(|i| channel(&hex[i..=i]).map(|v| v * 17)),
        6 => [0, 2, 4].map(|i| channel(&hex[i..i + 2])),
        _ => return None,
    };
    Some(Color::from_rgba8(r?, g?, b?, 255))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &[u8] = include_bytes!("../../public/icon.svg");
    const BACKGROUND: &str = "#0f4c5c";

    fn icons() -> Vec<IconFile> {
        render_icons(Path::new("public/icon.svg"), SVG, BACKGROUND).unwrap()
    }

    fn icon(name: &str) -> IconFile {
        icons().into_iter().find(|icon| icon.name == name).unwrap()
    }

    /// Width and height from the PNG's IHDR chunk, which follows the
    /// 8-byte signature, the chunk's length and its type.
    fn png_size(bytes: &[u8]) -> (u32, u32) {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&bytes[12..16], b"IHDR");
        let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        (number(16), number(20))
    }

    /// The pixel at (`x`, `y`) as straight RGBA.
    fn rgba(icon: &IconFile, x: u32, y: u32) -> [u8; 4] {
        let pixmap = Pixmap::decode_png(&icon.bytes).unwrap();
        let c = pixmap.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    #[test]
    fn every_icon_has_its_size_and_purpose() {
        let found: Vec<(&str, u32, (u32, u32), Purpose)> = icons()
            .iter()
            .map(|i| (i.name, i.size, png_size(&i.bytes), i.purpose))
            .collect();
        assert_eq!(
            found,
            [
                ("icon-192.png", 192, (192, 192), Purpose::Any),
                ("icon-512.png", 512, (512, 512), Purpose::Any),
                ("icon-maskable-512.png", 512, (512, 512), Purpose::Maskable),
                ("apple-touch-icon.png", 180, (180, 180), Purpose::AppleTouch),
            ]
        );
    }

    #[test]
    fn opaque_icons_fill_their_corners_with_the_background() {
        for name in ["icon-maskable-512.png", "apple-touch-icon.png"] {
            let icon = icon(name);
            let last = icon.size - 1;
            for (x, y) in [(0, 0), (last, 0), (0, last), (last, last)] {
                assert_eq!(
                    rgba(&icon, x, y),
                    [0x0f, 0x4c, 0x5c, 255],
                    "{name} ({x}, {y})"
                );
            }
        }
    }

    #[test]
    fn any_icons_keep_the_svgs_rounded_corners() {
        let icon = icon("icon-512.png");
        assert_eq!(rgba(&icon, 0, 0)[3], 0);
        // The middle of an edge is inside the rounded square.
        assert_eq!(rgba(&icon, 256, 1), [0x0f, 0x4c, 0x5c, 255]);
    }

    #[test]
    fn the_maskable_icon_keeps_the_artwork_in_the_safe_zone() {
        let icon = icon("icon-maskable-512.png");
        let pixmap = Pixmap::decode_png(&icon.bytes).unwrap();
        let centre = 255.5_f32;
        for y in 0..512 {
            for x in 0..512 {
                let c = pixmap.pixel(x, y).unwrap().demultiply();
                let distance = (x as f32 - centre).hypot(y as f32 - centre);
                if distance > 0.4 * 512.0 {
                    assert_eq!(
                        [c.red(), c.green(), c.blue()],
                        [0x0f, 0x4c, 0x5c],
                        "({x}, {y}) is outside the safe zone"
                    );
                }
            }
        }
    }

    #[test]
    fn the_manifest_lists_all_but_the_apple_icon() {
        let listed: Vec<(String, u32, String)> = icons()
            .iter()
            .filter_map(IconFile::manifest_icon)
            .map(|i| (i.src.to_string(), i.size, i.purpose.to_string()))
            .collect();
        let expected = [
            ("icon-192.png", 192, "any"),
            ("icon-512.png", 512, "any"),
            ("icon-maskable-512.png", 512, "maskable"),
        ]
        .map(|(src, size, purpose)| (src.to_string(), size, purpose.to_string()));
        assert_eq!(listed, expected);
    }

    #[test]
    fn a_broken_svg_is_named() {
        let error = render_icons(Path::new("public/icon.svg"), b"<svg", BACKGROUND).unwrap_err();
        assert!(matches!(error, IconError::Svg { .. }), "{error:?}");
        assert!(
            error.to_string().starts_with("public/icon.svg: not an SVG"),
            "{error}"
        );
    }

    #[test]
    fn a_bad_background_is_named() {
        let error = render_icons(Path::new("public/icon.svg"), SVG, "teal").unwrap_err();
        assert_eq!(
            error.to_string(),
            "site.toml [app] icon_background: `teal` is not a colour written `#rgb` or `#rrggbb`"
        );
    }

    #[test]
    fn colours_are_read_in_both_forms() {
        assert_eq!(parse_colour("#fff"), Some(Color::WHITE));
        assert_eq!(
            parse_colour("#0F4c5c"),
            Some(Color::from_rgba8(15, 76, 92, 255))
        );
        for bad in ["fff", "#ffff", "#ggg", "#", "#ff ff f"] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
    }
}

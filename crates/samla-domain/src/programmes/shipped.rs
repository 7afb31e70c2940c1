//! The programmes samla ships, written from the source documents in our own words.
//! `--demo` and `samla programmes import` load them; the format is described in
//! `data/programmes/README.md`.

macro_rules! shipped {
    ($($slug:literal),* $(,)?) => {
        &[$(($slug, include_str!(concat!("../../../../data/programmes/", $slug, ".toml")))),*]
    };
}

/// (slug, TOML source) of every shipped programme.
pub const SHIPPED: &[(&str, &str)] = shipped![
    "mestringsgrupper",
    "smil",
    "mestringstreff",
    "boernegrupper",
    "cos",
    "icdp",
    "de-utrolige-arene",
    "pmto",
    "fortsatt-foreldre",
    "godt-samliv",
];

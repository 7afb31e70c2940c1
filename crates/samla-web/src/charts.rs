//! Charts drawn on the server as SVG, so pages need no JavaScript: horizontal bars for
//! distributions and mean changes with their confidence intervals as whiskers.
//!
//! Every chart has `role="img"` with a `<title>` and `<desc>` naming what it shows; pages
//! always put the data table beside it, so the chart adds a picture, never information
//! only it holds. The viewBox is 340 units wide and the SVG scales to its container, so
//! it fits a 360 px screen. Colours keep at least 3:1 contrast for bars and 4.5:1 for text
//! against white.

use std::fmt::Write;

/// Bar colour (#1d4f91 on white: about 8:1).
const BAR: &str = "#1d4f91";
/// Text and axis colour.
const INK: &str = "#1a1a1a";
/// Whisker colour (#b3261e on white: about 6:1).
const WHISKER: &str = "#b3261e";
const WIDTH: f64 = 340.0;
/// Room for a label line above each bar, the bar, and space below.
const ROW: f64 = 40.0;
const BAR_HEIGHT: f64 = 16.0;
const LABEL_CHARS: usize = 48;

/// One bar: its label, its length, and the value as text beside it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
}

/// One scale's mean change with its interval, if computed.
#[derive(Debug, Clone)]
pub struct Change {
    pub label: String,
    pub mean: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub shown: String,
}

/// Escapes text for SVG (XML) content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>())
    }
}

fn open(out: &mut String, id: &str, title: &str, description: &str, height: f64) {
    let id = escape(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" style=\"max-width:{WIDTH}px\" preserveAspectRatio=\"xMinYMin meet\" \
         aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(description)
    );
}

/// Horizontal bars from 0 to `max` (counts of each answer, say). `id` must be unique on the
/// page; `description` says in words what the bars show (the table beside has the figures).
pub fn bar_chart(id: &str, title: &str, description: &str, bars: &[Bar], max: f64) -> String {
    let height = ROW * bars.len().max(1) as f64 + 4.0;
    let mut out = String::new();
    open(&mut out, id, title, description, height);
    let room = WIDTH - 60.0;
    let max = if max > 0.0 { max } else { 1.0 };
    for (i, bar) in bars.iter().enumerate() {
        let y = ROW * i as f64;
        let length = (bar.value.max(0.0) / max * room).min(room);
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"12\" fill=\"{INK}\">{}</text>\
             <rect x=\"0\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{BAR}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{INK}\">{}</text>",
            y + 13.0,
            escape(&shorten(&bar.label)),
            y + 18.0,
            length + 4.0,
            y + 31.0,
            escape(&bar.shown)
        );
    }
    let _ = write!(out, "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{height}\" stroke=\"{INK}\" stroke-width=\"1\"/></svg>");
    out
}

/// Mean changes as bars from a zero line, with the confidence interval as a whisker where
/// computed. The scale spans every mean and interval end, and always zero.
pub fn change_chart(id: &str, title: &str, description: &str, changes: &[Change]) -> String {
    let height = ROW * changes.len().max(1) as f64 + 4.0;
    let mut out = String::new();
    open(&mut out, id, title, description, height);
    let mut low = 0.0f64;
    let mut high = 0.0f64;
    for c in changes {
        for v in [Some(c.mean), c.lower, c.upper].into_iter().flatten().filter(|v| v.is_finite()) {
            low = low.min(v);
            high = high.max(v);
        }
    }
    if high - low <= 0.0 {
        high = low + 1.0;
    }
    let (left, right) = (4.0, WIDTH - 60.0);
    let x = |v: f64| left + (v - low) / (high - low) * (right - left);
    let zero = x(0.0);
    for (i, c) in changes.iter().enumerate() {
        let y = ROW * i as f64;
        let (a, b) = (zero.min(x(c.mean)), zero.max(x(c.mean)));
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"12\" fill=\"{INK}\">{}</text>\
             <rect x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{BAR}\"/>",
            y + 13.0,
            escape(&shorten(&c.label)),
            y + 18.0,
            (b - a).max(1.0),
        );
        if let (Some(lower), Some(upper)) = (c.lower, c.upper) {
            let mid = y + 18.0 + BAR_HEIGHT / 2.0;
            let _ = write!(
                out,
                "<line x1=\"{:.1}\" y1=\"{mid:.1}\" x2=\"{:.1}\" y2=\"{mid:.1}\" stroke=\"{WHISKER}\" stroke-width=\"2\"/>\
                 <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{WHISKER}\" stroke-width=\"2\"/>\
                 <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{WHISKER}\" stroke-width=\"2\"/>",
                x(lower),
                x(upper),
                x(lower),
                mid - 6.0,
                x(lower),
                mid + 6.0,
                x(upper),
                mid - 6.0,
                x(upper),
                mid + 6.0
            );
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{INK}\">{}</text>",
            right + 4.0,
            y + 31.0,
            escape(&c.shown)
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{zero:.1}\" y1=\"0\" x2=\"{zero:.1}\" y2=\"{height}\" stroke=\"{INK}\" stroke-width=\"1\"/></svg>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_chart_has_a_text_alternative_and_escapes() {
        let svg = bar_chart(
            "c1",
            "Benefit <b>",
            "Counts",
            &[Bar { label: "Good & very good".into(), value: 3.0, shown: "3 (60 %)".into() }],
            5.0,
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"c1-title\">Benefit &lt;b&gt;</title>"));
        assert!(svg.contains("Good &amp; very good"));
        assert!(svg.contains("width=\"168.0\""));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn change_chart_draws_whiskers_only_where_computed() {
        let svg = change_chart(
            "c2",
            "Change",
            "Mean change",
            &[
                Change { label: "A".into(), mean: 1.0, lower: Some(0.5), upper: Some(1.5), shown: "1.0".into() },
                Change { label: "B".into(), mean: -0.5, lower: None, upper: None, shown: "-0.5".into() },
            ],
        );
        assert_eq!(svg.matches(WHISKER).count(), 3);
    }
}

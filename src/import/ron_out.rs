//! An imported roadmap written as RON in the layout of the embedded `roadmap.ron`: one
//! short item per line, comments on top saying where it came from and what to check. A
//! generic serializer would spread every item over four lines, which makes the file hard to
//! edit by hand — and editing it by hand is what comes next.

use crate::roadmap::{Item, MonthRange, Resource, Roadmap, format_number};

/// A RON string literal: quotes and backslashes escaped; control characters (which the
/// importer never produces) become spaces.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn months(range: MonthRange) -> String {
    format!(
        "(min: {}, max: {})",
        format_number(range.min),
        format_number(range.max)
    )
}

struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn resource(&mut self, depth: usize, resource: &Resource) {
        self.line(
            depth,
            &format!(
                "(id: {}, title: {}, url: {}, kind: {:?}),",
                quoted(&resource.id),
                quoted(&resource.title),
                quoted(&resource.url),
                resource.kind
            ),
        );
    }

    fn items(&mut self, depth: usize, field: &str, items: &[Item]) {
        if items.is_empty() {
            self.line(depth, &format!("{field}: [],"));
            return;
        }
        self.line(depth, &format!("{field}: ["));
        for item in items {
            let head = format!("(id: {}, text: {}", quoted(&item.id), quoted(&item.text));
            if item.resources.is_empty() {
                self.line(depth + 1, &format!("{head}),"));
            } else {
                self.line(depth + 1, &format!("{head}, resources: ["));
                for resource in &item.resources {
                    self.resource(depth + 2, resource);
                }
                self.line(depth + 1, "]),");
            }
        }
        self.line(depth, "],");
    }
}

/// The roadmap as RON text; `header` lines become comments at the top.
pub fn to_ron(roadmap: &Roadmap, header: &[String]) -> String {
    let mut w = Writer { out: String::new() };
    for line in header {
        let comment = format!("// {}", line.replace(['\n', '\r'], " "));
        w.line(0, comment.trim_end());
    }
    w.line(0, "(");
    w.line(1, &format!("format: {},", roadmap.format));
    w.line(1, &format!("id: {},", quoted(&roadmap.id)));
    w.line(1, &format!("title: {},", quoted(&roadmap.title)));
    w.line(
        1,
        &format!("hours_per_week: {},", format_number(roadmap.hours_per_week)),
    );
    w.line(1, "phases: [");
    for phase in &roadmap.phases {
        w.line(2, "(");
        w.line(3, &format!("id: {},", quoted(&phase.id)));
        w.line(3, &format!("number: {},", phase.number));
        w.line(3, &format!("title: {},", quoted(&phase.title)));
        if let Some(short) = &phase.short_title {
            w.line(3, &format!("short_title: {},", quoted(short)));
        }
        w.line(3, &format!("goal: {},", quoted(&phase.goal)));
        w.line(
            3,
            &format!("duration_months: {},", months(phase.duration_months)),
        );
        w.line(3, &format!("optional: {},", phase.optional));
        w.line(3, "topic_groups: [");
        for group in &phase.topic_groups {
            w.line(4, "(");
            w.line(5, &format!("heading: {},", quoted(&group.heading)));
            w.items(5, "topics", &group.topics);
            w.line(4, "),");
        }
        w.line(3, "],");
        w.items(3, "hands_on", &phase.hands_on);
        if phase.resources.is_empty() {
            w.line(3, "resources: [],");
        } else {
            w.line(3, "resources: [");
            for resource in &phase.resources {
                w.resource(4, resource);
            }
            w.line(3, "],");
        }
        w.line(2, "),");
    }
    w.line(1, "],");
    if let Some(project) = &roadmap.final_project {
        w.line(1, "final_project: (");
        w.line(2, &format!("id: {},", quoted(&project.id)));
        w.line(2, &format!("title: {},", quoted(&project.title)));
        if let Some(short) = &project.short_title {
            w.line(2, &format!("short_title: {},", quoted(short)));
        }
        w.line(
            2,
            &format!("duration_months: {},", months(project.duration_months)),
        );
        w.line(
            2,
            &format!(
                "tech_stack_heading: {},",
                quoted(&project.tech_stack_heading)
            ),
        );
        w.items(2, "tech_stack", &project.tech_stack);
        w.line(
            2,
            &format!("ideas_heading: {},", quoted(&project.ideas_heading)),
        );
        w.items(2, "ideas", &project.ideas);
        if !project.ideas_are_alternatives {
            w.line(2, "ideas_are_alternatives: false,");
        }
        w.line(1, "),");
    }
    if let Some(summary) = &roadmap.summary {
        w.line(1, "summary: (");
        w.line(2, &format!("heading: {},", quoted(&summary.heading)));
        w.line(2, "points: [");
        for point in &summary.points {
            w.line(3, &format!("{},", quoted(point)));
        }
        w.line(2, "],");
        w.line(1, "),");
    }
    w.line(0, ")");
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quoted("tab\there"), "\"tab here\"");
    }

    #[test]
    fn the_embedded_roadmap_survives_the_writer() {
        let roadmap = crate::roadmap::embedded();
        let text = to_ron(&roadmap, &["a comment".to_owned()]);
        assert!(text.starts_with("// a comment\n("));
        let back =
            crate::roadmap::parse_roadmap(&text, "written").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, roadmap);
    }
}

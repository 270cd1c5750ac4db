//! Small words shared by every place that writes text for a person: counts with their noun
//! and sentence-case labels. A leaf module (it imports nothing of ours), so the roadmap, the
//! schedule, the window and the exports can all say things the same way.

/// "1 phase", "6 phases".
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// "steady" → "Steady".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_capitals() {
        assert_eq!(plural(1, "week"), "1 week");
        assert_eq!(plural(0, "item"), "0 items");
        assert_eq!(plural(6, "phase"), "6 phases");
        assert_eq!(capitalised("steady"), "Steady");
        assert_eq!(capitalised("in progress"), "In progress");
        assert_eq!(capitalised(""), "");
    }
}

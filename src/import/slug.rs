//! Ids for imported roadmaps: short slugs of the text ("Advanced OOP (Inheritance…)" →
//! "advanced-oop-inheritance"), unique in the file. The same document always gives the same
//! ids, so importing it again keeps the learner's ticks.

use std::collections::HashSet;

/// Words an id keeps at most; enough to tell items apart, short enough to read.
const MAX_WORDS: usize = 4;
const MAX_CHARS: usize = 40;

/// A lower-case, hyphenated slug of `text`: letters and digits kept (any script), everything
/// else a separator; "C++", "C#" and ".NET" keep their meaning.
pub fn slug(text: &str) -> String {
    let lower = text
        .to_lowercase()
        .replace("c++", "cpp")
        .replace("c#", "csharp")
        .replace(".net", "dotnet")
        .replace('&', " and ");
    let all: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    // Small words only when there is nothing else ("A" stays "a").
    let significant: Vec<&str> = all
        .iter()
        .copied()
        .filter(|word| !matches!(*word, "and" | "the" | "a" | "an"))
        .collect();
    let chosen = if significant.is_empty() {
        all
    } else {
        significant
    };
    let words: Vec<String> = chosen
        .into_iter()
        .take(MAX_WORDS)
        .map(str::to_owned)
        .collect();
    let mut slug = String::new();
    for word in words {
        let extra = usize::from(!slug.is_empty()) + word.chars().count();
        if !slug.is_empty() && slug.chars().count() + extra > MAX_CHARS {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().take(MAX_CHARS));
    }
    slug
}

/// Hands out ids, each used once.
#[derive(Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// A unique id from `text`'s slug, or from `fallback` when the text has no letters;
    /// "-2", "-3"… are added when it is taken.
    pub fn make(&mut self, text: &str, fallback: &str) -> String {
        let base = match slug(text) {
            slug if slug.is_empty() => fallback.to_owned(),
            slug => slug,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Advanced OOP (Inheritance, Metaclasses, Design Patterns)"),
            "advanced-oop-inheritance-metaclasses"
        );
        assert_eq!(
            slug("Advanced Python & Best Practices"),
            "advanced-python-best-practices"
        );
        assert_eq!(slug("C++ and C# on .NET"), "cpp-csharp-on-dotnet");
        assert_eq!(slug("Ελληνικά κείμενα"), "ελληνικά-κείμενα");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("Basics", "phase"), "basics");
        assert_eq!(ids.make("Basics", "phase"), "basics-2");
        assert_eq!(ids.make("Basics", "phase"), "basics-3");
        assert_eq!(ids.make("???", "item"), "item");
        assert_eq!(ids.make("", "item"), "item-2");
    }
}

//! How a word is written: the differences between a quote's words and a
//! statement's that are spelling, not wording (a slip of the keyboard,
//! hyphens, contractions, numbers in words, abbreviated titles, acronyms).

use super::normalize::Word;

/// Numbers written as one word (`one` … `twenty`, the tens, `hundred`).
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The value of a whole number written in digits (`1`, `30,000`) or as one word (`one`).
fn number_value(word: &str) -> Option<u64> {
    if let Some(&(_, value)) = NUMBER_WORDS.iter().find(|(name, _)| *name == word) {
        return Some(value);
    }
    // Digits with thousands separators, read without building a string.
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    word.bytes()
        .filter(|&b| b != b',')
        .try_fold(0u64, |value, b| {
            b.is_ascii_digit()
                .then(|| value.checked_mul(10)?.checked_add(u64::from(b - b'0')))
                .flatten()
        })
}

/// Words with two accepted spellings that no edit distance or hyphen rule links.
const SPELLINGS: &[(&str, &str)] = &[("ok", "okay"), ("til", "until"), ("till", "until")];

/// The most words a side of a replacement may have for contractions to be tried.
const MAX_CONTRACTED: usize = 4;

/// The full forms a contracted word may stand for (`'d`: `would` or `had`).
fn full_forms(word: &str) -> Vec<Vec<String>> {
    let whole = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    match word {
        "won't" => return vec![whole(&["will", "not"])],
        "can't" | "cannot" => return vec![whole(&["can", "not"]), whole(&["cannot"])],
        "shan't" => return vec![whole(&["shall", "not"])],
        "let's" => return vec![whole(&["let", "us"])],
        _ => {}
    }
    if let Some(base) = word.strip_suffix("n't") {
        return vec![whole(&[base, "not"])];
    }
    let endings: &[(&str, &[&str])] = &[
        ("'re", &["are"]),
        ("'ll", &["will"]),
        ("'ve", &["have"]),
        ("'m", &["am"]),
        ("'d", &["would", "had"]),
        ("'s", &["is", "has"]),
    ];
    for (ending, forms) in endings {
        if let Some(base) = word.strip_suffix(ending).filter(|b| !b.is_empty()) {
            let mut out = vec![whole(&[word])];
            out.extend(forms.iter().map(|form| whole(&[base, form])));
            return out;
        }
    }
    vec![whole(&[word])]
}

/// Every way `words` read with their contractions spelled out.
fn spelled_out(words: &[Word]) -> Vec<Vec<String>> {
    let mut readings: Vec<Vec<String>> = vec![Vec::new()];
    for word in words {
        let forms = full_forms(&word.norm);
        readings = readings
            .iter()
            .flat_map(|reading| {
                forms.iter().map(move |form| {
                    let mut next = reading.clone();
                    next.extend(form.iter().cloned());
                    next
                })
            })
            .collect();
    }
    readings
}

/// Whether `quote` and `statement` differ only in how a word is written:
/// hyphens and spaces inside it (`emails` for `e-mails`), a word of two
/// accepted spellings (`okay`, `OK`), a contraction (`I'd` for `I would`), a
/// number in words or digits (`one` for `1`), a title cut short with a
/// period (`Sen.` for `Senator`), or an acronym (`U.S.` for `United
/// States`). `after_quote` and `after_statement` are the words after each
/// run, if any.
pub(super) fn same_spelling(
    quote: &[Word],
    statement: &[Word],
    after_quote: Option<&Word>,
    after_statement: Option<&Word>,
) -> bool {
    // This runs on every replacement of every candidate aligned: cheap tests first.
    let letters = |words: &[Word]| words.iter().map(|w| w.norm.len()).sum::<usize>();
    if letters(quote) == letters(statement)
        && quote
            .iter()
            .flat_map(|w| w.norm.bytes())
            .eq(statement.iter().flat_map(|w| w.norm.bytes()))
    {
        return true;
    }
    // `OK` ↔ `okay`: one word with two accepted spellings.
    if let ([q], [s]) = (quote, statement)
        && SPELLINGS
            .iter()
            .any(|&(a, b)| (q.norm == a && s.norm == b) || (q.norm == b && s.norm == a))
    {
        return true;
    }
    // `I'd` ↔ `I would`, `don't` ↔ `do not`: a contraction or its full form.
    let contracted = |words: &[Word]| {
        words
            .iter()
            .any(|w| w.norm.contains('\'') || w.norm == "cannot")
    };
    // Spelled out, a run starts with the letter it started with (`I'd`, `I would`).
    let first = |words: &[Word]| words.first().and_then(|w| w.norm.chars().next());
    if quote.len().max(statement.len()) <= MAX_CONTRACTED
        && first(quote) == first(statement)
        && (contracted(quote) || contracted(statement))
    {
        let full = spelled_out(statement);
        if spelled_out(quote)
            .iter()
            .any(|reading| full.contains(reading))
        {
            return true;
        }
    }
    // `one million` ↔ `1 million`: a number in words or in digits.
    if let ([q], [s]) = (quote, statement)
        && let (Some(a), Some(b)) = (number_value(&q.norm), number_value(&s.norm))
    {
        return a == b;
    }
    // `Sen.` ↔ `Senator`: one capitalised word the other starts with, cut by a period.
    let abbreviates = |short: &[Word], long: &[Word], after: Option<&Word>| match (short, long) {
        ([s], [l]) => {
            s.norm.chars().count() >= 2
                && l.norm.len() > s.norm.len()
                && l.norm.starts_with(&s.norm)
                && s.cased.starts_with(char::is_uppercase)
                && l.cased.starts_with(char::is_uppercase)
                && after.is_some_and(|w| w.punct_before.starts_with('.'))
        }
        _ => false,
    };
    abbreviates(quote, statement, after_quote)
        || abbreviates(statement, quote, after_statement)
        || initials(quote, statement)
        || initials(statement, quote)
}

/// Words an acronym's letters skip (`Democratic People's Republic of Korea`: DPRK).
const ACRONYM_SKIPS: &[&str] = &["of", "the", "and", "for", "on", "in"];

/// Whether `short` is one acronym (two or more capitals: `U.S.`, `NATO`)
/// whose letters are the initials of the capitalised words `long`
/// (`United States`, `North Atlantic Treaty Organization`).
fn initials(short: &[Word], long: &[Word]) -> bool {
    let [acronym] = short else {
        return false;
    };
    if long.len() < 2 || acronym.cased.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return false;
    }
    // Skipped words stand inside the name, never first (`the United States`).
    if long
        .first()
        .is_some_and(|w| ACRONYM_SKIPS.contains(&w.norm.as_str()))
    {
        return false;
    }
    let letters = acronym.norm.chars().filter(|c| c.is_alphanumeric());
    let words: Vec<&Word> = long
        .iter()
        .filter(|w| !ACRONYM_SKIPS.contains(&w.norm.as_str()))
        .collect();
    words
        .iter()
        .all(|w| w.cased.starts_with(char::is_uppercase))
        && letters.eq(words.iter().filter_map(|w| w.norm.chars().next()))
}

/// Whether `a` is `b` with a slip of the keyboard: words of 5+ letters within
/// edit distance 1, or 8+ letters within 2, no prefix added.
pub(super) fn is_spelling_slip(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // A prefix added makes another word (`likely` → `unlikely`, `though` → `although`).
    if a.ends_with(b) || b.ends_with(a) {
        return false;
    }
    let allowed = if la.max(lb) >= 8 { 2 } else { 1 };
    strsim::levenshtein(a, b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::words;

    #[test]
    fn numbers_in_words_and_digits() {
        assert_eq!(number_value("one"), Some(1));
        assert_eq!(number_value("30,000"), Some(30_000));
        assert_eq!(number_value("1st"), None);
        assert_eq!(number_value("once"), None);
    }

    #[test]
    fn contractions_and_their_full_forms() {
        let forms = full_forms("i'd");
        assert!(forms.contains(&vec!["i".to_string(), "would".to_string()]));
        assert!(forms.contains(&vec!["i".to_string(), "had".to_string()]));
        assert_eq!(full_forms("doesn't"), [["does", "not"]]);
        assert_eq!(full_forms("won't"), [["will", "not"]]);
        assert_eq!(full_forms("senate"), [["senate"]]);
    }

    #[test]
    fn acronyms_stand_for_their_initials() {
        let same = |a: &str, b: &str| {
            let (a, b) = (words(a, 0), words(b, 0));
            same_spelling(&a, &b, None, None)
        };
        assert!(same("U.S.", "United States"));
        assert!(same("NATO", "North Atlantic Treaty Organization"));
        assert!(same("Democratic People's Republic of Korea", "DPRK"));
        assert!(!same("US", "united states"));
        assert!(!same("U.S.", "United Kingdom"));
    }

    #[test]
    fn a_prefix_added_is_no_slip() {
        assert!(is_spelling_slip("destabilising", "destabilizing"));
        assert!(!is_spelling_slip("though", "although"));
        assert!(!is_spelling_slip("then", "than"));
    }
}

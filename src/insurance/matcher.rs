//! The insurance checker's matcher: what a visitor typed, read against the
//! carriers of `carriers.toml`, gives one of three honest answers.
//!
//! Names are compared word by word in any order (so "Blue Cross Anthem" is
//! "Anthem Blue Cross"), each word allowing a typo or two by its length, the
//! last word also as the beginning of a name while it is being typed, and
//! all words run together (so "Blue Cross BlueShield" and "B.C.B.S." read as
//! the names they spell). The words were normalised at build time by the
//! same `carrier_text` rules that read the query, so a lookup allocates only
//! the normalised query and a short list of results.
//!
//! Pure Rust: no browser APIs, so it is unit-tested and benchmarked natively.

use crate::content::template::fill;
use crate::content::{Alias, Carrier, Checker, CheckerText, OtherInsurer, ParentBrand};
use asana_content::names::{self as carrier_text, MAX_NAME_WORDS};

/// The longest query looked up, in characters; longer text is no insurer's
/// name, so it is "not on our list" without being read.
pub const MAX_QUERY_CHARS: usize = 100;

/// Words of a query compared at most; more say nothing about a name.
const MAX_QUERY_WORDS: usize = 12;

/// Names longer than this (run together, in bytes) are not compared as a whole.
const MAX_JOINED: usize = 64;

/// The most carriers offered to pick from.
pub const MAX_CANDIDATES: usize = 6;

/// What the checker knows: the in-network carriers and the names of
/// `[checker]` in `carriers.toml`.
#[derive(Debug, Clone, Copy)]
pub struct Directory {
    pub carriers: &'static [Carrier],
    pub parents: &'static [ParentBrand],
    pub others: &'static [OtherInsurer],
    /// Words to skip, normalised.
    pub ignore: &'static [&'static str],
}

impl Directory {
    /// The directory of the compiled content.
    pub fn new(carriers: &'static [Carrier], checker: &Checker) -> Self {
        Directory {
            carriers,
            parents: checker.parents,
            others: checker.others,
            ignore: checker.ignore,
        }
    }

    fn carrier(&self, id: &str) -> Option<&'static Carrier> {
        self.carriers.iter().find(|carrier| carrier.id == id)
    }

    /// Every name: its target, and its words.
    fn names(&self) -> impl Iterator<Item = (Target, &'static [&'static str])> + '_ {
        fn all(
            target: Target,
            words: &'static [&'static str],
            aliases: &'static [Alias],
        ) -> impl Iterator<Item = (Target, &'static [&'static str])> {
            std::iter::once((target, words)).chain(aliases.iter().map(move |a| (target, a.words)))
        }
        let carriers = self.carriers.iter().enumerate();
        let parents = self.parents.iter().enumerate();
        let others = self.others.iter().enumerate();
        carriers
            .flat_map(|(i, c)| all(Target::Carrier(i), c.words, c.aliases))
            .chain(parents.flat_map(|(i, p)| all(Target::Parent(i), p.words, p.aliases)))
            .chain(others.flat_map(|(i, o)| all(Target::Other(i), o.words, o.aliases)))
    }

    /// Whether some name has exactly this word.
    fn knows_word(&self, word: &str) -> bool {
        self.names().any(|(_, words)| words.contains(&word))
    }

    /// Whether `typed` can only be the beginning of words of one insurer,
    /// and is no whole word yet: "cig" can only become Cigna, while "blu"
    /// may become "blue" of several and "car" Carelon or CareFirst.
    fn completes_one(&self, typed: &str) -> bool {
        let mut target = None;
        for (owner, words) in self.names() {
            for word in words {
                if *word == typed {
                    return false;
                }
                if word.starts_with(typed) {
                    match target {
                        None => target = Some(owner),
                        Some(first) if first != owner => return false,
                        Some(_) => {}
                    }
                }
            }
        }
        target.is_some()
    }
}

/// The checker's answer to a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// One in-network carrier, by its name or by one of its aliases.
    InNetwork {
        carrier: &'static Carrier,
        /// The alias that matched; `None` when it was the carrier's name.
        via_alias: Option<&'static Alias>,
    },
    /// No in-network carrier matches with enough confidence.
    NotListed {
        /// The other insurer it names, when it is one we know of.
        insurer: Option<&'static OtherInsurer>,
    },
    /// More than one carrier could be meant, a parent company, or too
    /// little typed: pick from `candidates` rather than a guess.
    Unclear {
        candidates: Vec<&'static Carrier>,
        /// Why (a parent company's note), when there is more to say.
        note: Option<&'static str>,
    },
}

/// The answer for `query`, or `None` when there is nothing to look up
/// (empty, only spaces, symbols or ignored words like "insurance").
pub fn check(query: &str, directory: &Directory) -> Option<Outcome> {
    // Bytes bound characters from above; count only when it may matter.
    if query.len() > MAX_QUERY_CHARS && query.chars().count() > MAX_QUERY_CHARS {
        return Some(Outcome::NotListed { insurer: None });
    }
    let text = carrier_text::normalise(query, &[]);
    let query = Query::read(&text, directory);
    if query.len == 0 {
        return None;
    }
    let single_char = query.len == 1 && query.words[0].len() == 1;
    let mut found: Vec<Found> = Vec::new();
    for (index, carrier) in directory.carriers.iter().enumerate() {
        found.extend(best_of(
            &query,
            Target::Carrier(index),
            carrier.words,
            carrier.aliases,
        ));
    }
    for (index, parent) in directory.parents.iter().enumerate() {
        found.extend(best_of(
            &query,
            Target::Parent(index),
            parent.words,
            parent.aliases,
        ));
    }
    for (index, other) in directory.others.iter().enumerate() {
        found.extend(best_of(
            &query,
            Target::Other(index),
            other.words,
            other.aliases,
        ));
    }
    let outcome = if found.iter().any(|f| f.full) {
        decide_full(&found, directory)
    } else if found.is_empty() && query.soft == query.all() {
        // Only the beginning of an ignored word ("insur") so far.
        return None;
    } else {
        decide_partial(&mut found, directory)
    };
    match outcome {
        // One character is too little to say "not on our list", or to
        // explain a parent company it happens to begin.
        Outcome::NotListed { .. } if single_char => Some(Outcome::Unclear {
            candidates: directory.carriers.iter().take(MAX_CANDIDATES).collect(),
            note: None,
        }),
        Outcome::Unclear { candidates, .. } if single_char => Some(Outcome::Unclear {
            candidates,
            note: None,
        }),
        outcome => Some(outcome),
    }
}

/// The carriers to list as suggestions under the input for `outcome`: the
/// candidates of an unclear answer. A clear answer lists nothing, so the
/// list never covers it.
pub fn options(outcome: Option<&Outcome>) -> Vec<&'static Carrier> {
    match outcome {
        Some(Outcome::Unclear { candidates, .. }) => candidates.clone(),
        Some(Outcome::InNetwork { .. } | Outcome::NotListed { .. }) | None => Vec::new(),
    }
}

/// The carriers a form's carrier field suggests for `outcome` of `query`:
/// as [`options`], plus the in-network carrier a clear answer names (so the
/// visitor can take its proper name), unless that is already what is typed.
pub fn suggestions(outcome: Option<&Outcome>, query: &str) -> Vec<&'static Carrier> {
    match outcome {
        Some(Outcome::InNetwork { carrier, .. })
            if !carrier.name.eq_ignore_ascii_case(query.trim()) =>
        {
            vec![*carrier]
        }
        other => options(other),
    }
}

/// The query as the visitor typed it, trimmed, for quoting back.
pub fn typed(query: &str) -> &str {
    let query = query.trim();
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => &query[..end],
        None => query,
    }
}

impl Outcome {
    /// The answer's heading, filled in.
    pub fn heading(&self, text: &CheckerText, query: &str) -> String {
        let typed = typed(query);
        match self {
            Outcome::InNetwork { carrier, .. } => fill(
                text.in_network.heading,
                &[("carrier", carrier.name), ("typed", typed)],
            ),
            Outcome::NotListed { .. } => fill(text.not_listed.heading, &[("typed", typed)]),
            Outcome::Unclear { .. } => fill(text.unclear.heading, &[("typed", typed)]),
        }
    }

    /// What "Verify my coverage" hands to the contact form: the carrier's
    /// name when it is in network, else what the visitor typed.
    pub fn insurer_name(&self, query: &str) -> String {
        match self {
            Outcome::InNetwork { carrier, .. } => carrier.name.to_string(),
            Outcome::NotListed { .. } | Outcome::Unclear { .. } => typed(query).to_string(),
        }
    }
}

/// What the polite live region says for an answer with `options` listed.
pub fn announcement(
    outcome: Option<&Outcome>,
    query: &str,
    options: usize,
    text: &CheckerText,
) -> String {
    let Some(outcome) = outcome else {
        return String::new();
    };
    let mut said = outcome.heading(text, query);
    if !said.ends_with(['.', '?', '!']) {
        said.push('.');
    }
    let count = options.to_string();
    match options {
        0 => {}
        1 => {
            said.push(' ');
            said.push_str(text.options_one);
        }
        _ => {
            said.push(' ');
            said.push_str(&fill(text.options_many, &[("count", &count)]));
        }
    }
    said
}

// ---------------------------------------------------------------------------
// Reading the query
// ---------------------------------------------------------------------------

/// The significant words of a query.
struct Query<'q> {
    words: [&'q str; MAX_QUERY_WORDS],
    len: usize,
    /// Bit per word: the last word is only the beginning of an ignored word
    /// ("insur"), so it counts as nothing when it matches nothing.
    soft: u16,
    /// The last word can only be the beginning of one insurer's words.
    completes_one: bool,
    /// All words run together.
    joined: [u8; MAX_JOINED],
    joined_len: usize,
}

impl<'q> Query<'q> {
    fn read(text: &'q str, directory: &Directory) -> Self {
        let mut query = Query {
            words: [""; MAX_QUERY_WORDS],
            len: 0,
            soft: 0,
            completes_one: false,
            joined: [0; MAX_JOINED],
            joined_len: 0,
        };
        let count = text.split(' ').filter(|w| !w.is_empty()).count();
        for (index, word) in text.split(' ').filter(|w| !w.is_empty()).enumerate() {
            if query.len == MAX_QUERY_WORDS {
                break;
            }
            if is_ignored(word, directory) {
                continue;
            }
            let last = index + 1 == count;
            if last
                && directory
                    .ignore
                    .iter()
                    .any(|ignored| ignored.len() > word.len() && ignored.starts_with(word))
            {
                query.soft |= 1 << query.len;
            }
            if last && word.len() >= 3 {
                query.completes_one = directory.completes_one(word);
            }
            query.words[query.len] = word;
            query.len += 1;
            let end = query.joined_len + word.len();
            if end <= MAX_JOINED {
                query.joined[query.joined_len..end].copy_from_slice(word.as_bytes());
            }
            query.joined_len = end;
        }
        query
    }

    fn words(&self) -> &[&'q str] {
        &self.words[..self.len]
    }

    /// The mask of all words.
    fn all(&self) -> u16 {
        (1u16 << self.len) - 1
    }

    fn joined(&self) -> Option<&[u8]> {
        (self.joined_len <= MAX_JOINED).then(|| &self.joined[..self.joined_len])
    }
}

/// An ignored word, or a typo of a long one ("insurence", "helth") that is
/// no word of any name.
fn is_ignored(word: &str, directory: &Directory) -> bool {
    if directory.ignore.contains(&word) {
        return true;
    }
    word.len() >= 5
        && directory.ignore.iter().any(|ignored| {
            ignored.len() >= 6
                && distance(
                    word.as_bytes(),
                    ignored.as_bytes(),
                    typos(ignored.len()) - 1,
                )
                .is_some()
        })
        && !directory.knows_word(word)
}

/// Typos allowed in a word of `len` letters of a name.
fn typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

/// Typos allowed in a whole name of `len` letters, run together.
fn joined_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=11 => 2,
        _ => 3,
    }
}

/// Optimal string alignment distance (insertions, deletions, substitutions
/// and swaps of neighbours) between `a` and `b`, when it is at most `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_JOINED || b.len() > MAX_JOINED {
        return None;
    }
    // Three rows on the stack, rotated by index rather than copied; cells fit
    // a byte, as neither text is longer than MAX_JOINED.
    let mut rows = [[0u8; MAX_JOINED + 1]; 3];
    let (mut before, mut previous, mut current) = (0, 1, 2);
    for (j, cell) in rows[previous].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        rows[current][0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=b.len() {
            let substitution = u8::from(a[i - 1] != b[j - 1]);
            let mut cell = (rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[previous][j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(rows[before][j - 2] + 1);
            }
            rows[current][j] = cell;
            row_min = row_min.min(cell);
        }
        if usize::from(row_min) > max {
            return None;
        }
        (before, previous, current) = (previous, current, before);
    }
    Some(usize::from(rows[previous][b.len()])).filter(|&d| d <= max)
}

// ---------------------------------------------------------------------------
// Matching names
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Carrier(usize),
    Parent(usize),
    Other(usize),
}

/// How one name matches the query.
#[derive(Debug, Clone, Copy)]
struct NameMatch {
    /// Words of the name matched.
    matched: usize,
    /// Bit per query word used.
    used: u16,
    /// Typos, summed.
    cost: usize,
    /// A word matched only by one or two typed letters.
    weak: bool,
    /// A word matched by its beginning, as typed so far.
    prefix: bool,
}

impl NameMatch {
    /// Better when more of the name matched, then with fewer typos, then
    /// not by a mere letter or two, then by whole words.
    fn better_than(&self, other: &NameMatch) -> bool {
        (other.matched, self.cost, self.weak, self.prefix)
            < (self.matched, other.cost, other.weak, other.prefix)
    }
}

/// The best name of a target for the query.
#[derive(Debug, Clone, Copy)]
struct Found {
    target: Target,
    /// Every word of the name matched, none by a mere letter or two.
    full: bool,
    /// Query words used.
    used: u16,
    /// Query words that matched nothing and count (not soft).
    extra: u32,
    /// The last word matched only as the beginning of a word of the name.
    prefix: bool,
    cost: usize,
    alias: Option<&'static Alias>,
}

impl Found {
    /// Orders full matches: fewest extra words, then whole words before a
    /// beginning, then fewest typos.
    fn full_rank(&self) -> (u32, bool, usize) {
        (self.extra, self.prefix, self.cost)
    }

    /// Orders partial matches: most query words used, then fewest typos.
    fn partial_rank(&self) -> (u32, usize) {
        (u32::MAX - self.used.count_ones(), self.cost)
    }
}

/// The best-matching of a target's names, if any matches at all.
fn best_of(
    query: &Query<'_>,
    target: Target,
    words: &'static [&'static str],
    aliases: &'static [Alias],
) -> Option<Found> {
    let names = std::iter::once((words, None)).chain(aliases.iter().map(|a| (a.words, Some(a))));
    let mut best: Option<Found> = None;
    for (words, alias) in names {
        let Some(found) = match_name(query, words) else {
            continue;
        };
        let found = Found {
            target,
            full: found.matched == words.len() && !found.weak,
            used: found.used,
            extra: (query.all() & !found.used & !query.soft).count_ones(),
            prefix: found.prefix,
            cost: found.cost,
            alias,
        };
        let better = match &best {
            None => true,
            Some(best) => match (found.full, best.full) {
                (true, false) => true,
                (false, true) => false,
                (true, true) => found.full_rank() < best.full_rank(),
                (false, false) => found.partial_rank() < best.partial_rank(),
            },
        };
        if better {
            best = Some(found);
        }
    }
    best
}

/// How the name `words` matches the query, if any word does.
fn match_name(query: &Query<'_>, words: &[&str]) -> Option<NameMatch> {
    let words = &words[..words.len().min(MAX_NAME_WORDS)];
    let mut pairs = [[None; MAX_QUERY_WORDS]; MAX_NAME_WORDS];
    let last = query.len - 1;
    for (i, word) in words.iter().enumerate() {
        for (j, typed) in query.words().iter().enumerate() {
            let completes = j == last && query.completes_one;
            pairs[i][j] = pair(typed, j == last, completes, word);
        }
    }
    let mut best = NameMatch {
        matched: 0,
        used: 0,
        cost: 0,
        weak: false,
        prefix: false,
    };
    assign(&pairs, words.len(), query.len, 0, best, &mut best);
    if best.matched < words.len() || best.weak {
        // The whole name run together: "bluecross blue shield", "b c b s".
        if let Some(cost) = joined_match(query, words) {
            return Some(NameMatch {
                matched: words.len(),
                used: query.all(),
                cost,
                weak: false,
                prefix: false,
            });
        }
    }
    (best.matched > 0).then_some(best)
}

/// How a typed word matches a word of a name.
#[derive(Debug, Clone, Copy)]
struct Pair {
    typos: u8,
    /// Only by its beginning.
    prefix: bool,
    /// Only by a beginning that could go on to other insurers' words too
    /// (see [`Directory::completes_one`]): never enough for an answer.
    weak: bool,
}

/// How `typed` matches `word` of a name: exactly, with typos by the length
/// of the word (and the same first letter: "better" is no typo of
/// "ambetter"), or (the last typed word only) as its beginning.
fn pair(typed: &str, last: bool, completes_one: bool, word: &str) -> Option<Pair> {
    if typed == word {
        return Some(Pair {
            typos: 0,
            prefix: false,
            weak: false,
        });
    }
    if last && word.len() > typed.len() && word.starts_with(typed) {
        return Some(Pair {
            typos: 0,
            prefix: true,
            weak: !completes_one,
        });
    }
    let (t, w) = (typed.as_bytes(), word.as_bytes());
    let same_start = t[0] == w[0] || t.len() > 1 && w.len() > 1 && t[0] == w[1] && t[1] == w[0];
    if typed.len() >= 3 && same_start {
        return distance(typed.as_bytes(), word.as_bytes(), typos(word.len())).map(|typos| Pair {
            typos: typos as u8,
            prefix: false,
            weak: false,
        });
    }
    None
}

/// Finds the best one-to-one pairing of name words (from `i` on) with
/// typed words not yet `used`; names have a handful of words, and a typed
/// word pairs with few of them, so the search stays tiny.
fn assign(
    pairs: &[[Option<Pair>; MAX_QUERY_WORDS]; MAX_NAME_WORDS],
    words: usize,
    typed: usize,
    i: usize,
    so_far: NameMatch,
    best: &mut NameMatch,
) {
    if i == words {
        if so_far.better_than(best) {
            *best = so_far;
        }
        return;
    }
    // The rest of the name cannot lift this branch over the best.
    if so_far.matched + (words - i) < best.matched {
        return;
    }
    for (j, pair) in pairs[i].iter().enumerate().take(typed) {
        if let Some(pair) = *pair {
            if so_far.used & (1 << j) == 0 {
                let next = NameMatch {
                    matched: so_far.matched + 1,
                    used: so_far.used | (1 << j),
                    cost: so_far.cost + usize::from(pair.typos),
                    weak: so_far.weak || pair.weak,
                    prefix: so_far.prefix || pair.prefix,
                };
                assign(pairs, words, typed, i + 1, next, best);
            }
        }
    }
    assign(pairs, words, typed, i + 1, so_far, best);
}

/// Typos between the whole query and the whole name, both run together.
fn joined_match(query: &Query<'_>, words: &[&str]) -> Option<usize> {
    let typed = query.joined()?;
    let mut name = [0u8; MAX_JOINED];
    let mut len = 0;
    for word in words {
        let end = len + word.len();
        if end > MAX_JOINED {
            return None;
        }
        name[len..end].copy_from_slice(word.as_bytes());
        len = end;
    }
    distance(typed, &name[..len], joined_typos(len))
}

// ---------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------

/// Some name matched in full: the best one answers, unless another full
/// match stands for a different part of the query ("Aetna or Cigna").
fn decide_full(found: &[Found], directory: &Directory) -> Outcome {
    let mut full: Vec<&Found> = found.iter().filter(|f| f.full).collect();
    full.sort_by_key(|f| f.full_rank());
    let winner = full[0];
    // Names inside the winner's words ("Blue Cross" in "Anthem Blue Cross")
    // are part of it; the winner's ties and other mentions are not, unless
    // they are only the beginning of a word still being typed.
    let mut standing: Vec<&Found> = full
        .into_iter()
        .filter(|f| {
            f.target == winner.target
                || (winner.prefix || !f.prefix)
                    && (f.used & !winner.used != 0 || f.full_rank() == winner.full_rank())
        })
        .collect();
    // A parent named with one of its own carriers ("Centene Magellan")
    // only qualifies it.
    let named_carriers: Vec<&'static Carrier> = standing
        .iter()
        .filter_map(|f| match f.target {
            Target::Carrier(i) => Some(&directory.carriers[i]),
            _ => None,
        })
        .collect();
    standing.retain(|f| match f.target {
        Target::Parent(i) => !directory.parents[i]
            .carriers
            .iter()
            .any(|id| named_carriers.iter().any(|c| c.id == *id)),
        _ => true,
    });
    match standing.as_slice() {
        [only] => answer(only, directory),
        _ if named_carriers.is_empty()
            && standing
                .iter()
                .all(|f| matches!(f.target, Target::Other(_))) =>
        {
            Outcome::NotListed { insurer: None }
        }
        _ => unclear(&standing, directory, true),
    }
}

/// Only parts of names matched ("blue", "cross"): offer the carriers.
fn decide_partial(found: &mut [Found], directory: &Directory) -> Outcome {
    found.sort_by_key(|f| f.partial_rank());
    let refs: Vec<&Found> = found.iter().collect();
    // A parent's note explains a parent named, not one a word only begins.
    match unclear(&refs, directory, false) {
        Outcome::Unclear { candidates, .. } if candidates.is_empty() => {
            let others: Vec<&Found> = found
                .iter()
                .filter(|f| matches!(f.target, Target::Other(_)))
                .collect();
            match others.as_slice() {
                [only] => answer(only, directory),
                _ => Outcome::NotListed { insurer: None },
            }
        }
        outcome => outcome,
    }
}

/// The answer one target gives by itself.
fn answer(found: &Found, directory: &Directory) -> Outcome {
    match found.target {
        Target::Carrier(i) => Outcome::InNetwork {
            carrier: &directory.carriers[i],
            via_alias: found.alias,
        },
        Target::Parent(_) => unclear(&[found], directory, true),
        Target::Other(i) => Outcome::NotListed {
            insurer: Some(&directory.others[i]),
        },
    }
}

/// The carriers of `found`, in order, with what parents own, to pick from,
/// and the first parent's note `with_note`.
fn unclear(found: &[&Found], directory: &Directory, with_note: bool) -> Outcome {
    let mut candidates: Vec<&'static Carrier> = Vec::new();
    let mut note = None;
    let mut add = |carrier: &'static Carrier| {
        if !candidates.iter().any(|c| c.id == carrier.id) && candidates.len() < MAX_CANDIDATES {
            candidates.push(carrier);
        }
    };
    for f in found {
        match f.target {
            Target::Carrier(i) => add(&directory.carriers[i]),
            Target::Parent(i) => {
                let parent = &directory.parents[i];
                if with_note {
                    note = note.or(Some(parent.note));
                }
                parent
                    .carriers
                    .iter()
                    .filter_map(|id| directory.carrier(id))
                    .for_each(&mut add);
            }
            Target::Other(_) => {}
        }
    }
    Outcome::Unclear { candidates, note }
}

#[cfg(test)]
mod tests;

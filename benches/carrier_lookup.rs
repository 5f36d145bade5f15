//! How long the insurance checker takes to answer, natively.
//!
//! `cargo bench --bench carrier_lookup --features ssr` prints the mean time
//! per lookup over the real carrier data, per kind of query and overall.
//! Typing must never wait on it: the budget is well under a millisecond.

use std::hint::black_box;
use std::time::{Duration, Instant};

use asana_article::content::CONTENT;
use asana_article::insurance::matcher::{check, Directory};

/// Queries a visitor types, from the easy to the worst case.
const QUERIES: &[(&str, &str)] = &[
    ("exact name", "Aetna"),
    ("typo", "cigma"),
    ("being typed", "mag"),
    ("regional short form", "BCBS of Texas"),
    ("typos across words", "blue cross blu shield"),
    ("renamed brand", "Carelon Behavioral Health"),
    ("parent company", "Elevance Health"),
    ("not listed", "Kaiser Permanente"),
    ("ambiguous", "blue"),
    ("markup", "<script>alert(1)</script>"),
    (
        "long sentence",
        "my employer plan is through anthem blue cross blue shield of california",
    ),
    ("emoji", "\u{1f3e5}\u{1f48a}\u{1f600}"),
];

/// Lookups per query and round.
const ROUNDS: u32 = 20_000;

fn time(query: &str, directory: &Directory) -> Duration {
    let start = Instant::now();
    for _ in 0..ROUNDS {
        black_box(check(black_box(query), directory));
    }
    start.elapsed() / ROUNDS
}

fn main() {
    let directory = Directory::new(CONTENT.carriers, &CONTENT.checker);
    // Warm caches and branch predictors before measuring.
    for (_, query) in QUERIES {
        for _ in 0..1_000 {
            black_box(check(black_box(query), &directory));
        }
    }
    let names = CONTENT.carriers.len()
        + CONTENT
            .carriers
            .iter()
            .map(|c| c.aliases.len())
            .sum::<usize>()
        + CONTENT.checker.parents.len()
        + CONTENT.checker.others.len();
    println!(
        "carrier_lookup: {} queries x {ROUNDS} lookups over {names}+ names",
        QUERIES.len()
    );
    let mut total = Duration::ZERO;
    let mut worst = Duration::ZERO;
    for (kind, query) in QUERIES {
        let per_lookup = time(query, &directory);
        total += per_lookup;
        worst = worst.max(per_lookup);
        println!("  {kind:<22} {per_lookup:>10.2?} per lookup  ({query:?})");
    }
    let mean = total / QUERIES.len() as u32;
    println!("carrier_lookup: mean {mean:.2?} per lookup, worst {worst:.2?}");
    if worst >= Duration::from_millis(1) {
        eprintln!("carrier_lookup: a lookup took a millisecond or more");
        std::process::exit(1);
    }
}

//! What to run: the test filter from the command line and the engines from
//! E2E_ENGINES.

use super::driver::Engine;
use super::Test;

/// libtest flags that take a value: skip it so it is not read as a filter.
const FLAGS_WITH_VALUE: [&str; 6] = [
    "--test-threads",
    "--skip",
    "--format",
    "--color",
    "--logfile",
    "-Z",
];

/// The first argument that is neither a flag nor a flag's value (cargo may
/// pass libtest flags such as --nocapture; they are ignored).
pub fn filter_arg(args: &[String]) -> Option<String> {
    let mut skip_next = false;
    for arg in args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if arg.starts_with('-') {
            skip_next = FLAGS_WITH_VALUE.contains(&arg.as_str());
            continue;
        }
        return Some(arg.clone());
    }
    None
}

/// The engines named in E2E_ENGINES (default: all).
pub fn engines_from_env() -> Result<Vec<Engine>, String> {
    match std::env::var("E2E_ENGINES") {
        Err(_) => Ok(Engine::ALL.to_vec()),
        Ok(list) if list.trim().is_empty() => Ok(Engine::ALL.to_vec()),
        Ok(list) => list
            .split(',')
            .map(|name| {
                Engine::parse(name).ok_or_else(|| {
                    format!("unknown engine {name:?} in E2E_ENGINES (chromium, firefox, webkit)")
                })
            })
            .collect(),
    }
}

/// Each engine's tests whose `<engine>::<area>::<name>` contains `filter`.
/// A `once` test goes to the first engine that selects it, an `only` test
/// to its engine. Engines left
/// without tests are dropped.
pub fn select(all: &[Test], engines: &[Engine], filter: Option<&str>) -> Vec<(Engine, Vec<Test>)> {
    let matches = |engine: Engine, test: &Test| {
        filter.is_none_or(|f| format!("{}::{}", engine.name(), test.name).contains(f))
    };
    engines
        .iter()
        .map(|&engine| {
            let tests = all
                .iter()
                .filter(|t| matches(engine, t))
                .filter(|t| t.only.is_none_or(|only| only == engine))
                .filter(|t| !t.once || engines.iter().find(|&&e| matches(e, t)) == Some(&engine))
                .cloned()
                .collect();
            (engine, tests)
        })
        .filter(|(_, tests): &(Engine, Vec<Test>)| !tests.is_empty())
        .collect()
}

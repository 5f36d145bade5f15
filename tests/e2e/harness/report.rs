//! The end of the run: failures, per-engine timings, the closing line.

use super::runner::{EngineReport, NOT_RUN};

/// Prints failures (engines that could not start once, not per test),
/// per-engine timings and `e2e: N passed, N failed`. Returns whether all
/// passed.
pub fn summarize(reports: &[EngineReport]) -> bool {
    let outcomes = reports.iter().flat_map(|r| &r.outcomes);
    let passed = outcomes.clone().filter(|o| o.result.is_ok()).count();
    let failed = outcomes.clone().filter(|o| o.result.is_err()).count();
    if failed > 0 {
        println!("\nfailures:");
        for report in reports {
            if let Some(why) = &report.setup_error {
                println!("\n---- {}::setup ----\n{why}", report.engine.name());
            }
        }
        for o in outcomes {
            if let Err(message) = &o.result {
                if !message.starts_with(NOT_RUN) {
                    println!("\n---- {}::{} ----\n{message}", o.engine.name(), o.name);
                }
            }
        }
        for report in reports {
            print_not_run(report);
        }
    }
    println!();
    for r in reports {
        let ok = r.outcomes.iter().filter(|o| o.result.is_ok()).count();
        println!(
            "{}: {ok}/{} passed in {:.1} s (driver + session start {:.1} s)",
            r.engine.name(),
            r.outcomes.len(),
            r.total.as_secs_f64(),
            r.startup.as_secs_f64()
        );
    }
    println!("\ne2e: {passed} passed, {failed} failed");
    failed == 0
}

/// One block for all of an engine's tests that failed without running.
fn print_not_run(report: &EngineReport) {
    let not_run: Vec<(&str, &str)> = report
        .outcomes
        .iter()
        .filter_map(|o| match &o.result {
            Err(m) if m.starts_with(NOT_RUN) => Some((o.name.as_str(), m.as_str())),
            _ => None,
        })
        .collect();
    if let Some((_, reason)) = not_run.first() {
        let names: Vec<&str> = not_run.iter().map(|(n, _)| *n).collect();
        println!(
            "\n---- {}: {} tests failed without running ({reason}) ----\n{}",
            report.engine.name(),
            names.len(),
            names.join(", ")
        );
    }
}

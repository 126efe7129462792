//! Wall-clock ratios of the matrix's candidates, taken side by side.
//!
//! `wall <rounds> <ours>,<theirs>...` (case names of the matrix): each round
//! runs short batches of every case named, in an order shuffled anew each
//! round, and takes for each pair the ratio of ours to theirs per
//! iteration. A pause of the machine hits one batch of one round, so the
//! median of those ratios holds where the means of separate runs swing by
//! tens of percent. Prints, per pair, `<ours> <theirs> <median> <p10> <p90>`.
//! Without arguments, as `cargo bench` runs it, it does nothing.

mod candidates;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use candidates::Case;

/// How long one batch runs, about.
const BATCH: Duration = Duration::from_micros(200);

/// Batches a case runs back to back in a round, the fastest of which counts:
/// the others absorb preemption, interrupts and page faults.
const REPEATS: usize = 5;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some((rounds, pairs)) = arguments.split_first() else {
        return ExitCode::SUCCESS;
    };
    let Some(rounds) = rounds.parse::<usize>().ok().filter(|&rounds| rounds > 0) else {
        eprintln!("usage: wall <rounds> <ours>,<theirs>...");
        return ExitCode::from(2);
    };
    let cases = candidates::all();
    if let Err(mistakes) = candidates::check(&cases) {
        eprint!("{mistakes}");
        return ExitCode::FAILURE;
    }
    let find = |name: &str| cases.iter().position(|case| case.name() == name);
    // Each case measured once a round, however many pairs name it.
    let mut measured: Vec<usize> = Vec::new();
    let mut slot = |index: usize| {
        measured
            .iter()
            .position(|&m| m == index)
            .unwrap_or_else(|| {
                measured.push(index);
                measured.len() - 1
            })
    };
    let mut pair_slots = Vec::new();
    for pair in pairs {
        let indices = pair
            .split_once(',')
            .and_then(|(ours, theirs)| Some((find(ours)?, find(theirs)?)));
        let Some((ours, theirs)) = indices else {
            eprintln!("not a pair of case names: {pair}");
            return ExitCode::from(2);
        };
        pair_slots.push((slot(ours), slot(theirs)));
    }
    let mut batches: Vec<Batch> = measured
        .iter()
        .map(|&index| Batch::calibrated(&cases[index]))
        .collect();
    let mut ratios = vec![Vec::with_capacity(rounds); pair_slots.len()];
    let mut order: Vec<usize> = (0..measured.len()).collect();
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut per_iteration = vec![0.0; measured.len()];
    for _ in 0..rounds {
        random.shuffle(&mut order);
        for &slot in &order {
            per_iteration[slot] = batches[slot].time(&cases[measured[slot]]);
        }
        for (ratios, &(ours, theirs)) in ratios.iter_mut().zip(&pair_slots) {
            ratios.push(per_iteration[ours] / per_iteration[theirs]);
        }
    }
    for (ratios, &(ours, theirs)) in ratios.iter_mut().zip(&pair_slots) {
        ratios.sort_by(f64::total_cmp);
        let at = |percent: usize| ratios[(ratios.len() - 1) * percent / 100];
        println!(
            "{} {} {:.3} {:.3} {:.3}",
            cases[measured[ours]].name(),
            cases[measured[theirs]].name(),
            at(50),
            at(10),
            at(90)
        );
    }
    ExitCode::SUCCESS
}

/// A case's batch: as many iterations as take about [`BATCH`], with the
/// buffers it reuses.
struct Batch {
    iterations: u32,
    buf: Vec<u8>,
    text: String,
}

impl Batch {
    fn calibrated(case: &Case) -> Batch {
        let mut batch = Batch {
            iterations: 1,
            buf: Vec::with_capacity(1024),
            text: String::with_capacity(1024),
        };
        while batch.run(case) < BATCH && batch.iterations < 1 << 24 {
            batch.iterations *= 2;
        }
        batch
    }

    fn run(&mut self, case: &Case) -> Duration {
        let start = Instant::now();
        for _ in 0..self.iterations {
            case.once(&mut self.buf, &mut self.text);
        }
        start.elapsed()
    }

    /// Seconds per iteration, in the fastest of [`REPEATS`] batches.
    fn time(&mut self, case: &Case) -> f64 {
        let fastest = (0..REPEATS)
            .map(|_| self.run(case))
            .min()
            .unwrap_or_default();
        fastest.as_secs_f64() / f64::from(self.iterations)
    }
}

/// A small, seeded generator: the same shuffles on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.next() % (i as u64 + 1)).unwrap_or(0);
            items.swap(i, j);
        }
    }
}

//! The first-order chain over a speech's paragraphs: the order of a speech as transition scores,
//! the best path (Viterbi) and each label's posterior (forward–backward).

use super::{Params, N};

/// The score of moving from section `a` to `b` between two paragraphs; `boundary` when `b`'s
/// paragraph opens a new top-level block.
fn transition(a: usize, b: usize, boundary: bool, p: &Params) -> f64 {
    if a == b {
        return 0.0;
    }
    if b == 0 {
        return -10.0;
    }
    if a == 6 {
        return -5.0;
    }
    if b > a {
        return if boundary { -0.5 } else { -p.get(Params::INSIDE) };
    }
    // Backward: situation before the review (R→A, R→P), problems inside the tasks (T→P).
    let usual = matches!((a, b), (3, 1) | (3, 2) | (4, 2) | (5, 2) | (4, 3) | (2, 1));
    match (usual, boundary) {
        (true, true) => -2.0,
        (true, false) => -3.5,
        (false, true) => -4.0,
        (false, false) => -6.0,
    }
}

fn logsumexp(xs: &[f64]) -> f64 {
    let m = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !m.is_finite() {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// The best path (Viterbi) and each step's posterior of its label (forward–backward).
pub(super) fn decode(emit: &[[f64; N]], starts: &[bool], p: &Params) -> (Vec<usize>, Vec<f64>) {
    let n = emit.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let start = |k: usize| if k == 0 { 0.0 } else { -1.5 };
    let boundary = |i: usize| starts.get(i).copied().unwrap_or(false);
    let e = |i: usize, k: usize| emit.get(i).and_then(|r| r.get(k)).copied().unwrap_or(0.0);
    // Viterbi.
    let mut score: Vec<[f64; N]> = vec![[0.0; N]; n];
    let mut back: Vec<[usize; N]> = vec![[0; N]; n];
    for k in 0..N {
        score[0][k] = start(k) + e(0, k);
    }
    for i in 1..n {
        for k in 0..N {
            let (best, arg) = (0..N)
                .map(|j| (score[i - 1][j] + transition(j, k, boundary(i), p), j))
                .fold((f64::NEG_INFINITY, 0), |acc, x| if x.0 > acc.0 { x } else { acc });
            score[i][k] = best + e(i, k);
            back[i][k] = arg;
        }
    }
    let mut k = (0..N).fold(0, |b, k| if score[n - 1][k] > score[n - 1][b] { k } else { b });
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = k;
        if i > 0 {
            k = back[i][k];
        }
    }
    // Forward–backward, on the scores times a temperature that makes the posterior calibrated
    // (the path does not depend on it).
    let tau = p.get(Params::TEMP);
    let mut alpha: Vec<[f64; N]> = vec![[0.0; N]; n];
    let mut beta: Vec<[f64; N]> = vec![[0.0; N]; n];
    for k in 0..N {
        alpha[0][k] = tau * (start(k) + e(0, k));
    }
    for i in 1..n {
        for k in 0..N {
            let xs: [f64; N] = std::array::from_fn(|j| alpha[i - 1][j] + tau * transition(j, k, boundary(i), p));
            alpha[i][k] = logsumexp(&xs) + tau * e(i, k);
        }
    }
    for i in (0..n - 1).rev() {
        for j in 0..N {
            let xs: [f64; N] = std::array::from_fn(|k| tau * (transition(j, k, boundary(i + 1), p) + e(i + 1, k)) + beta[i + 1][k]);
            beta[i][j] = logsumexp(&xs);
        }
    }
    let z = logsumexp(&alpha[n - 1]);
    let post = (0..n).map(|i| ((alpha[i][path[i]] + beta[i][path[i]] - z).exp() * 100.0).round() / 100.0).collect();
    (path, post)
}


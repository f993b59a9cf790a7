//! Whole numbers from floating point without the C library: the baseline
//! x86-64 has no instruction to round or to take a ceiling, so `f64::round`
//! and `f64::ceil` are calls, and they lie on the paths of every event that
//! turns hours into seconds or a share into grams. These give the same
//! figure as `x.round() as T` and `x.ceil() as T` for every `x`, infinities
//! and NaN included.

/// From 2^52 up every `f64` is a whole number.
const WHOLE: f64 = 4_503_599_627_370_496.0;

/// `x.round() as i64`: halves away from zero.
#[inline]
pub fn round_i64(x: f64) -> i64 {
    if x.is_nan() || x.abs() >= WHOLE {
        return x as i64;
    }
    let t = x as i64;
    // Exact: below 2^52 the part after the point is representable.
    let f = x - t as f64;
    if f >= 0.5 {
        t + 1
    } else if f <= -0.5 {
        t - 1
    } else {
        t
    }
}

/// `x.round() as u64`: halves up, anything below one half to zero.
#[inline]
pub fn round_u64(x: f64) -> u64 {
    if x.is_nan() || x >= WHOLE {
        return x as u64;
    }
    if x < 0.5 {
        return 0;
    }
    let t = x as u64;
    if x - t as f64 >= 0.5 { t + 1 } else { t }
}

/// `x.ceil() as i64`.
#[inline]
pub fn ceil_i64(x: f64) -> i64 {
    if x.is_nan() || x.abs() >= WHOLE {
        return x as i64;
    }
    let t = x as i64;
    if (t as f64) < x { t + 1 } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edges, and a spread of ordinary quotients, as a household's share
    /// or a trip's hours are.
    fn figures() -> Vec<f64> {
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            0.499_999_999_999_999_94,
            1.0,
            1.0 + f64::EPSILON,
            1.5,
            2.5,
            -0.5,
            -1.5,
            -2.5,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1e19,
            -1e19,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut v = 0.123_456_789_f64;
        for _ in 0..10_000 {
            v = (v * 1_103.515_245 + 0.123_45) % 1e7;
            for x in [v, v.floor(), v.floor() + 0.5, -v, -v.floor() - 0.5] {
                xs.push(x);
                xs.push(x * 3_600.0);
            }
        }
        xs
    }

    #[test]
    fn the_same_figures_as_the_c_library() {
        for x in figures() {
            assert_eq!(round_i64(x), x.round() as i64, "round_i64 {x:e}");
            assert_eq!(round_u64(x), x.round() as u64, "round_u64 {x:e}");
            assert_eq!(ceil_i64(x), x.ceil() as i64, "ceil_i64 {x:e}");
        }
    }
}

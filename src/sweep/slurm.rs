//! Slurm job arrays: which shard of a sweep an array task runs
//! (`--shard auto`), and how many worker threads Slurm gave it.
//!
//! Both are pure functions of an environment lookup, so that they can be
//! tested without Slurm; the command line passes `std::env::var`.
//!
//! # What can be derived
//!
//! Slurm gives every task of an array its own index (`SLURM_ARRAY_TASK_ID`)
//! and the array's shape: `SLURM_ARRAY_TASK_COUNT` tasks, from
//! `SLURM_ARRAY_TASK_MIN` to `SLURM_ARRAY_TASK_MAX`, and
//! `SLURM_ARRAY_TASK_STEP`. A task knows its rank among the others only
//! when the indexes are evenly spaced, `MIN, MIN + STEP, ..., MAX`: then
//! task `ID` is shard `(ID - MIN) / STEP + 1` of `COUNT`. That covers
//! `--array=1-N`, `--array=0-(N-1)`, any other start and a range with a
//! step (`--array=0-30:10`), with or without a limit on running tasks
//! (`%2`).
//!
//! A list with gaps (`--array=1,2,4,5`) cannot be ranked from one task:
//! Slurm (22.05) reports `STEP=1` for it, so its `MAX - MIN` differs from
//! `(COUNT - 1) × STEP`, and every task of it refuses, so that no two
//! tasks run the same shard. An array of one task (`--array=3`, typically
//! one task of a larger array submitted again) is refused too: it would
//! otherwise be shard 1/1, the whole sweep, written where one shard
//! belongs. In both cases `--shard K/N` says the share outright.
//!
//! Threads: `SLURM_CPUS_PER_TASK` is set when the job asked for
//! `--cpus-per-task`; a sweep uses that many worker threads unless
//! `--threads` says otherwise, instead of every core of a node that Slurm
//! shares with other jobs.

use std::fmt;

use super::Shard;
use crate::i18n::Text;

/// The task's index in its array.
pub const TASK_ID: &str = "SLURM_ARRAY_TASK_ID";
/// The number of tasks in the array.
pub const TASK_COUNT: &str = "SLURM_ARRAY_TASK_COUNT";
/// The lowest index of the array.
pub const TASK_MIN: &str = "SLURM_ARRAY_TASK_MIN";
/// The highest index of the array.
pub const TASK_MAX: &str = "SLURM_ARRAY_TASK_MAX";
/// The step between indexes (1 for a list, even one with gaps).
pub const TASK_STEP: &str = "SLURM_ARRAY_TASK_STEP";
/// The array's job id.
pub const ARRAY_JOB_ID: &str = "SLURM_ARRAY_JOB_ID";
/// The job id of any Slurm job.
pub const JOB_ID: &str = "SLURM_JOB_ID";
/// CPUs given to each task, when the job asked for `--cpus-per-task`.
pub const CPUS_PER_TASK: &str = "SLURM_CPUS_PER_TASK";

/// Why no share (or thread count) can be taken from Slurm's variables.
/// All are bad input (exit code 2): the fix is on the command line or in
/// the `sbatch` call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SlurmError {
    /// No Slurm job at all: neither `SLURM_ARRAY_TASK_ID` nor `SLURM_JOB_ID`.
    NotInSlurm,
    /// A Slurm job that is not a task of an array.
    NotAnArray {
        /// Its `SLURM_JOB_ID`.
        job: String,
    },
    /// `SLURM_ARRAY_TASK_ID` is set but another variable of the array is not.
    Missing {
        /// The variable.
        name: &'static str,
    },
    /// A variable that is not a whole number.
    NotANumber {
        /// The variable.
        name: &'static str,
        /// Its value.
        value: String,
    },
    /// A count, step or number of CPUs of 0.
    Zero {
        /// The variable.
        name: &'static str,
    },
    /// An array of one task: its share of a larger array cannot be told.
    OneTask {
        /// The task's index.
        id: u64,
    },
    /// Indexes not evenly spaced (a list with gaps).
    Uneven {
        /// Tasks in the array.
        count: u64,
        /// Lowest index.
        min: u64,
        /// Highest index.
        max: u64,
        /// Step reported by Slurm.
        step: u64,
    },
    /// The task's own index is not one of the array's.
    NotInArray {
        /// The task's index.
        id: u64,
        /// Lowest index.
        min: u64,
        /// Highest index.
        max: u64,
        /// Step.
        step: u64,
    },
}

impl SlurmError {
    /// The message in every language.
    pub fn text(&self) -> Text {
        match self {
            SlurmError::NotInSlurm => crate::text!(SLURM_NOT_IN_SLURM),
            SlurmError::NotAnArray { job } => crate::text!(SLURM_NOT_AN_ARRAY, job),
            SlurmError::Missing { name } => crate::text!(SLURM_MISSING, name),
            SlurmError::NotANumber { name, value } => {
                crate::text!(SLURM_NOT_A_NUMBER, name, value)
            }
            SlurmError::Zero { name } => crate::text!(SLURM_ZERO, name),
            SlurmError::OneTask { id } => crate::text!(SLURM_ONE_TASK, id),
            SlurmError::Uneven {
                count,
                min,
                max,
                step,
            } => crate::text!(SLURM_UNEVEN, count, min, max, step),
            SlurmError::NotInArray { id, min, max, step } => {
                crate::text!(SLURM_NOT_IN_ARRAY, id, min, max, step)
            }
        }
    }
}

impl fmt::Display for SlurmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for SlurmError {}

/// The value of `name`, if set and not empty.
fn value(var: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    var(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// `name` as a whole number, if set.
fn number(
    var: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Option<u64>, SlurmError> {
    value(var, name)
        .map(|v| {
            v.parse::<u64>()
                .map_err(|_| SlurmError::NotANumber { name, value: v })
        })
        .transpose()
}

/// `name` as a whole number, which must be set.
fn required(var: &impl Fn(&str) -> Option<String>, name: &'static str) -> Result<u64, SlurmError> {
    number(var, name)?.ok_or(SlurmError::Missing { name })
}

/// The shard of the sweep that this task of a Slurm job array runs, from
/// the variables Slurm sets (`var` looks one up): task `ID` of the evenly
/// spaced indexes `MIN, MIN + STEP, ..., MAX` is shard `(ID - MIN) / STEP + 1`
/// of `COUNT`. Without `SLURM_ARRAY_TASK_STEP`, the step is 1.
pub fn array_shard(var: impl Fn(&str) -> Option<String>) -> Result<Shard, SlurmError> {
    let Some(id) = number(&var, TASK_ID)? else {
        return Err(match value(&var, JOB_ID) {
            Some(job) => SlurmError::NotAnArray { job },
            None => SlurmError::NotInSlurm,
        });
    };
    let count = required(&var, TASK_COUNT)?;
    let min = required(&var, TASK_MIN)?;
    let max = required(&var, TASK_MAX)?;
    let step = number(&var, TASK_STEP)?.unwrap_or(1);
    if count == 0 {
        return Err(SlurmError::Zero { name: TASK_COUNT });
    }
    if step == 0 {
        return Err(SlurmError::Zero { name: TASK_STEP });
    }
    if count == 1 {
        return Err(SlurmError::OneTask { id });
    }
    let even = max
        .checked_sub(min)
        .is_some_and(|span| Some(span) == (count - 1).checked_mul(step));
    if !even {
        return Err(SlurmError::Uneven {
            count,
            min,
            max,
            step,
        });
    }
    if id < min || id > max || (id - min) % step != 0 {
        return Err(SlurmError::NotInArray { id, min, max, step });
    }
    Ok(Shard {
        k: (id - min) / step + 1,
        n: count,
    })
}

/// The CPUs Slurm gave each task (`SLURM_CPUS_PER_TASK`), if it says.
pub fn cpus_per_task(var: impl Fn(&str) -> Option<String>) -> Result<Option<usize>, SlurmError> {
    match number(&var, CPUS_PER_TASK)? {
        None => Ok(None),
        Some(0) => Err(SlurmError::Zero {
            name: CPUS_PER_TASK,
        }),
        Some(n) => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// An environment of `pairs`.
    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    }

    /// What Slurm 22.05 sets for task `id` of an array (as printed by a
    /// real `sbatch --array=...`).
    fn task(id: u64, count: u64, min: u64, max: u64, step: u64) -> Result<Shard, SlurmError> {
        let (id, count, min, max, step) = (
            id.to_string(),
            count.to_string(),
            min.to_string(),
            max.to_string(),
            step.to_string(),
        );
        array_shard(env(&[
            (JOB_ID, "17"),
            (ARRAY_JOB_ID, "12"),
            (TASK_ID, &id),
            (TASK_COUNT, &count),
            (TASK_MIN, &min),
            (TASK_MAX, &max),
            (TASK_STEP, &step),
        ]))
    }

    fn shards(
        ids: impl Iterator<Item = u64>,
        count: u64,
        min: u64,
        max: u64,
        step: u64,
    ) -> Vec<u64> {
        ids.map(|id| {
            let s = task(id, count, min, max, step).unwrap();
            assert_eq!(s.n, count);
            s.k
        })
        .collect()
    }

    #[test]
    fn a_range_from_one_or_zero_or_anywhere_gives_each_task_its_shard() {
        // --array=1-4, --array=0-3, --array=7-10
        assert_eq!(shards(1..=4, 4, 1, 4, 1), [1, 2, 3, 4]);
        assert_eq!(shards(0..=3, 4, 0, 3, 1), [1, 2, 3, 4]);
        assert_eq!(shards(7..=10, 4, 7, 10, 1), [1, 2, 3, 4]);
    }

    #[test]
    fn a_range_with_a_step_is_ranked_by_the_step() {
        // --array=2-9:3 gives 2, 5, 8 (Slurm: COUNT=3 MIN=2 MAX=8 STEP=3)
        assert_eq!(shards([2, 5, 8].into_iter(), 3, 2, 8, 3), [1, 2, 3]);
        // --array=0-30:10
        assert_eq!(
            shards([0, 10, 20, 30].into_iter(), 4, 0, 30, 10),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn a_list_with_gaps_is_refused_by_every_task() {
        // --array=1,2,4,5 (Slurm: COUNT=4 MIN=1 MAX=5 STEP=1)
        for id in [1, 2, 4, 5] {
            assert_eq!(
                task(id, 4, 1, 5, 1),
                Err(SlurmError::Uneven {
                    count: 4,
                    min: 1,
                    max: 5,
                    step: 1
                })
            );
        }
        // --array=1,3,4,7 looks like a step of 2 without STEP, and is
        // still refused with it.
        assert!(matches!(
            task(3, 4, 1, 7, 1),
            Err(SlurmError::Uneven { .. })
        ));
    }

    #[test]
    fn without_a_step_the_step_is_one() {
        let e = env(&[
            (TASK_ID, "3"),
            (TASK_COUNT, "4"),
            (TASK_MIN, "1"),
            (TASK_MAX, "4"),
        ]);
        assert_eq!(array_shard(e), Ok(Shard { k: 3, n: 4 }));
        // 0-6:2 on a Slurm that would not say its step: refused, not misread.
        let e = env(&[
            (TASK_ID, "2"),
            (TASK_COUNT, "4"),
            (TASK_MIN, "0"),
            (TASK_MAX, "6"),
        ]);
        assert!(matches!(array_shard(e), Err(SlurmError::Uneven { .. })));
    }

    #[test]
    fn one_task_is_refused() {
        // --array=3: one shard of a larger array submitted again.
        assert_eq!(task(3, 1, 3, 3, 1), Err(SlurmError::OneTask { id: 3 }));
        assert_eq!(task(0, 1, 0, 0, 1), Err(SlurmError::OneTask { id: 0 }));
    }

    #[test]
    fn outside_an_array_there_is_no_share() {
        assert_eq!(array_shard(env(&[])), Err(SlurmError::NotInSlurm));
        assert_eq!(
            array_shard(env(&[(JOB_ID, "42"), (CPUS_PER_TASK, "2")])),
            Err(SlurmError::NotAnArray { job: "42".into() })
        );
        // Empty counts as unset.
        assert_eq!(
            array_shard(env(&[(TASK_ID, ""), (JOB_ID, "")])),
            Err(SlurmError::NotInSlurm)
        );
    }

    #[test]
    fn inconsistent_or_malformed_variables_are_refused() {
        let e = env(&[(TASK_ID, "2"), (TASK_MIN, "1"), (TASK_MAX, "4")]);
        assert_eq!(
            array_shard(e),
            Err(SlurmError::Missing { name: TASK_COUNT })
        );
        let e = env(&[(TASK_ID, "two")]);
        assert_eq!(
            array_shard(e),
            Err(SlurmError::NotANumber {
                name: TASK_ID,
                value: "two".into()
            })
        );
        assert_eq!(
            task(9, 4, 1, 4, 1),
            Err(SlurmError::NotInArray {
                id: 9,
                min: 1,
                max: 4,
                step: 1
            })
        );
        assert_eq!(
            task(0, 4, 1, 4, 1),
            Err(SlurmError::NotInArray {
                id: 0,
                min: 1,
                max: 4,
                step: 1
            })
        );
        assert_eq!(
            task(3, 3, 2, 8, 3),
            Err(SlurmError::NotInArray {
                id: 3,
                min: 2,
                max: 8,
                step: 3
            })
        );
        assert!(matches!(
            task(5, 4, 8, 5, 1),
            Err(SlurmError::Uneven { .. })
        ));
        assert_eq!(
            task(1, 0, 1, 4, 1),
            Err(SlurmError::Zero { name: TASK_COUNT })
        );
        assert_eq!(
            task(1, 4, 1, 4, 0),
            Err(SlurmError::Zero { name: TASK_STEP })
        );
        // Numbers so large that (COUNT - 1) × STEP overflows.
        assert!(matches!(
            task(0, u64::MAX, 0, u64::MAX, 2),
            Err(SlurmError::Uneven { .. })
        ));
        // The largest array that fits.
        assert_eq!(
            task(u64::MAX, u64::MAX, 1, u64::MAX, 1),
            Ok(Shard {
                k: u64::MAX,
                n: u64::MAX
            })
        );
    }

    #[test]
    fn cpus_per_task_when_slurm_says() {
        assert_eq!(cpus_per_task(env(&[])), Ok(None));
        assert_eq!(cpus_per_task(env(&[(CPUS_PER_TASK, "")])), Ok(None));
        assert_eq!(cpus_per_task(env(&[(CPUS_PER_TASK, "4")])), Ok(Some(4)));
        assert_eq!(
            cpus_per_task(env(&[(CPUS_PER_TASK, "0")])),
            Err(SlurmError::Zero {
                name: CPUS_PER_TASK
            })
        );
        assert!(matches!(
            cpus_per_task(env(&[(CPUS_PER_TASK, "4(x2)")])),
            Err(SlurmError::NotANumber { .. })
        ));
    }

    #[test]
    fn every_error_says_what_to_do_in_both_languages() {
        let errors = [
            SlurmError::NotInSlurm,
            SlurmError::NotAnArray { job: "42".into() },
            SlurmError::Missing { name: TASK_COUNT },
            SlurmError::NotANumber {
                name: TASK_ID,
                value: "x".into(),
            },
            SlurmError::Zero { name: TASK_STEP },
            SlurmError::OneTask { id: 3 },
            SlurmError::Uneven {
                count: 4,
                min: 1,
                max: 5,
                step: 1,
            },
            SlurmError::NotInArray {
                id: 9,
                min: 1,
                max: 4,
                step: 1,
            },
        ];
        for e in errors {
            let t = e.text();
            for lang in Lang::ALL {
                let s = t.get(lang);
                assert!(!s.contains('{'), "{s}");
                assert!(s.contains("--shard"), "{s}");
            }
            assert_ne!(t.en, t.zh);
        }
    }
}

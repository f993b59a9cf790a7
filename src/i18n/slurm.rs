//! Slurm job arrays: the errors of `sweep --shard auto` and of the worker
//! threads taken from `SLURM_CPUS_PER_TASK`.

crate::catalogue! {
    SLURM_NOT_IN_SLURM {
        en: "--shard auto takes the share from a Slurm job array (SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT), and this is not a Slurm job; outside Slurm, give the share with --shard K/N, for example --shard 2/4",
        zh: "--shard auto 从 Slurm 作业数组（SLURM_ARRAY_TASK_ID 和 SLURM_ARRAY_TASK_COUNT）取得本分片，但这不是 Slurm 作业；在 Slurm 之外请用 --shard K/N 指定分片，例如 --shard 2/4",
    }
    SLURM_NOT_AN_ARRAY {
        en: "--shard auto: Slurm job {job} is not a job array; submit it with `sbatch --array=1-N`, or give the share with --shard K/N",
        zh: "--shard auto：Slurm 作业 {job} 不是作业数组；请用 `sbatch --array=1-N` 提交，或用 --shard K/N 指定分片",
    }
    SLURM_MISSING {
        en: "--shard auto: Slurm set SLURM_ARRAY_TASK_ID but not {name}, so the number of shards is unknown; give the share with --shard K/N",
        zh: "--shard auto：Slurm 设置了 SLURM_ARRAY_TASK_ID 却没有设置 {name}，无法得知分片总数；请用 --shard K/N 指定分片",
    }
    SLURM_NOT_A_NUMBER {
        en: "{name}={value} is not a whole number, which Slurm always sets; if it was set by hand, unset it, or give the share with --shard K/N and the threads with --threads N",
        zh: "{name}={value} 不是非负整数，而 Slurm 设置的总是整数；如是手工设置的，请取消，或用 --shard K/N 指定分片、用 --threads N 指定线程数",
    }
    SLURM_ZERO {
        en: "{name} is 0, which Slurm never sets; if it was set by hand, unset it, or give the share with --shard K/N and the threads with --threads N",
        zh: "{name} 为 0，而 Slurm 不会设置 0；如是手工设置的，请取消，或用 --shard K/N 指定分片、用 --threads N 指定线程数",
    }
    SLURM_ONE_TASK {
        en: "--shard auto: this Slurm job array has one task ({id}), so its share of a larger sweep cannot be told; to run one shard again (for example a failed one), give it with --shard K/N and that shard's folder",
        zh: "--shard auto：这个 Slurm 作业数组只有一个任务（{id}），无法得知它是哪一个分片；要重新运行某个分片（例如失败的那个），请用 --shard K/N 指定分片，并使用该分片原来的目录",
    }
    SLURM_UNEVEN {
        en: "--shard auto: the {count} tasks of this Slurm job array ({min} to {max}, step {step}) are not evenly spaced (a list with gaps), so no task can tell its rank; submit a range such as `--array=1-{count}` (a step is fine: `--array=0-30:10`), or give each task its share with --shard K/N",
        zh: "--shard auto：这个 Slurm 作业数组的 {count} 个任务（{min} 到 {max}，步长 {step}）编号不等距（列表中有空缺），任务无法得知自己是第几个分片；请提交一个范围，如 `--array=1-{count}`（可带步长，如 `--array=0-30:10`），或用 --shard K/N 为每个任务指定分片",
    }
    SLURM_NOT_IN_ARRAY {
        en: "--shard auto: task {id} is not one of its Slurm job array's tasks ({min} to {max}, step {step}); give the share with --shard K/N",
        zh: "--shard auto：任务 {id} 不在其 Slurm 作业数组的任务中（{min} 到 {max}，步长 {step}）；请用 --shard K/N 指定分片",
    }
    SLURM_SHARD_TAKEN {
        en: "--shard auto: shard {k}/{n}, from Slurm job array task {id}; {threads} worker thread(s)",
        zh: "--shard auto：本任务为第 {k}/{n} 分片（Slurm 作业数组任务 {id}）；{threads} 个工作线程",
    }
}

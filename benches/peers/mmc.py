"""M/M/c reference model in SimPy, the peer of examples/mmc.rs.

    python mmc.py --customers 200000 --seed 1 [--repeat R]

Same model and parameters as the Rust example: c = 4 servers
(``simpy.Resource``), Poisson arrivals at rate 3.2, exponential service at
rate 1, FIFO, N customers, run until the last departure. Time is SimPy's
float time in model units (no rounding).

``events`` counts model events as the Rust example does: one arrival and one
departure per customer, 2N. SimPy itself processes more events than that
(process starts, resource requests and releases, timeouts); events/s is
model events per second so that the implementations compare like for like.

Randomness: two ``random.Random`` streams (interarrival and service times,
``expovariate``) seeded from the seed. The draws differ from the Rust
streams, so results agree statistically, not exactly.

``wq``: mean wait in queue over customers N/100 .. N; ``wq_ci95``: 95%
half-width from 20 batch means of floor((N - N/100) / 20) customers each,
t(0.975, 19) = 2.093, exactly as in the Rust example. Prints one JSON line.
"""

import argparse
import json
import math
import random
import time

import simpy

SERVERS = 4
LAMBDA = 3.2
MU = 1.0
BATCHES = 20
T_975_19 = 2.093
ERLANG_C_WQ = 0.745541


def erlang_c_wait(lam, mu, c):
    """Exact mean wait in queue of M/M/c (Erlang C)."""
    a = lam / mu
    term, total = 1.0, 0.0
    for k in range(c):
        if k > 0:
            term *= a / k
        total += term
    pc = term * a / c / (1.0 - a / c)
    return pc / (total + pc) / (c * mu - lam)


def wait_stats(waits):
    """Mean wait after the warm-up and the batch-means 95% half-width."""
    n = len(waits)
    warmup = n // 100
    kept = waits[warmup:]
    wq = math.fsum(kept) / len(kept)
    b = len(kept) // BATCHES
    if b == 0:
        return wq, float("nan")
    means = [math.fsum(kept[k * b:(k + 1) * b]) / b for k in range(BATCHES)]
    mean = math.fsum(means) / BATCHES
    var = math.fsum((m - mean) ** 2 for m in means) / (BATCHES - 1)
    return wq, T_975_19 * math.sqrt(var / BATCHES)


def simulate(customers, seed):
    """Runs the model; returns (events, end time, waits by customer)."""
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    interarrivals = random.Random(f"mmc-interarrivals-{seed}")
    services = random.Random(f"mmc-services-{seed}")
    waits = [0.0] * customers
    events = 0

    def customer(i):
        nonlocal events
        arrived = env.now
        with servers.request() as req:
            yield req
            waits[i] = env.now - arrived
            yield env.timeout(services.expovariate(MU))
        events += 1  # the departure

    def source():
        nonlocal events
        for i in range(customers):
            yield env.timeout(interarrivals.expovariate(LAMBDA))
            events += 1  # the arrival
            env.process(customer(i))

    env.process(source())
    env.run()
    return events, env.now, waits


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs this many times, reports the fastest wall time")
    args = ap.parse_args()
    if args.customers < 100:
        ap.error("--customers must be at least 100")
    erlang = erlang_c_wait(LAMBDA, MU, SERVERS)
    assert abs(erlang - ERLANG_C_WQ) < 5e-7, erlang
    best = math.inf
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        events, end, waits = simulate(args.customers, args.seed)
        best = min(best, time.perf_counter() - t0)
    wq, ci = wait_stats(waits)
    print(json.dumps({
        "model": "mmc",
        "implementation": "simpy",
        "customers": args.customers,
        "seed": args.seed,
        "servers": SERVERS,
        "lambda": LAMBDA,
        "mu": MU,
        "repeat": args.repeat,
        "events": events,
        "sim_end": end,
        "wall_s": best,
        "events_per_s": events / best,
        "wq": wq,
        "wq_ci95": ci,
        "wq_erlang_c": round(erlang, 6),
        "simpy": simpy.__version__,
    }))


if __name__ == "__main__":
    main()

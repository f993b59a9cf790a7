"""Inventory reference model in SimPy, the peer of examples/inventory.rs.

    python inventory.py --stores 100 --days 60 --seed 1 [--repeat R]

Same model and parameters as the Rust example, in float days:

* customers arrive at each store as a Poisson process of 50 a day and want
  1, 2 or 3 units (uniform); lost sales;
* stores start with 500 on hand; each reviews at t = 1, 2, ... days and,
  if on hand + in transit <= 250, orders up to 500 from the warehouse, which
  ships what it has at once (partial if short); a shipment arrives after a
  lead time uniform on [0.5, 2.5] days;
* the warehouse starts with 3 x K x 50 x 2 units and receives K x 50 x 2
  units at 12:00 every day;
* the run covers [0, T) days (``env.run(until=T)`` handles no event at T).

``events`` counts model events as the Rust example does: customer arrivals,
store reviews, shipment arrivals, warehouse receipts. Randomness: two
``random.Random`` streams (customers; lead times). The draws differ from the
Rust streams, so results agree statistically, not exactly. Prints one JSON
line.
"""

import argparse
import json
import math
import random
import time

import simpy

CUSTOMERS_PER_DAY = 50.0
MEAN_UNITS = 2
INITIAL_ON_HAND = 500
REORDER_POINT = 250
ORDER_UP_TO = 500
LEAD_MIN, LEAD_MAX = 0.5, 2.5


def simulate(stores, days, seed):
    """Runs the model; returns a dict of totals."""
    env = simpy.Environment()
    demand = random.Random(f"inventory-demand-{seed}")
    transport = random.Random(f"inventory-transport-{seed}")
    daily_mean = stores * int(CUSTOMERS_PER_DAY) * MEAN_UNITS
    on_hand = [INITIAL_ON_HAND] * stores
    in_transit = [0] * stores
    r = {
        "warehouse": 3 * daily_mean,
        "units_wanted": 0, "units_sold": 0,
        "orders": 0, "shipments": 0, "units_ordered": 0, "units_shipped": 0,
        "customer": 0, "review": 0, "delivery": 0, "receipt": 0,
    }

    def customers(i):
        while True:
            yield env.timeout(demand.expovariate(CUSTOMERS_PER_DAY))
            r["customer"] += 1
            want = demand.randint(1, 3)
            sold = min(want, on_hand[i])
            on_hand[i] -= sold
            r["units_wanted"] += want
            r["units_sold"] += sold

    def delivery(i, units, lead):
        yield env.timeout(lead)
        r["delivery"] += 1
        on_hand[i] += units
        in_transit[i] -= units

    def review(i):
        while True:
            yield env.timeout(1.0)
            r["review"] += 1
            position = on_hand[i] + in_transit[i]
            if position <= REORDER_POINT:
                want = ORDER_UP_TO - position
                ship = min(want, r["warehouse"])
                r["orders"] += 1
                r["units_ordered"] += want
                if ship > 0:
                    r["warehouse"] -= ship
                    in_transit[i] += ship
                    r["shipments"] += 1
                    r["units_shipped"] += ship
                    lead = transport.uniform(LEAD_MIN, LEAD_MAX)
                    env.process(delivery(i, ship, lead))

    def receipts():
        yield env.timeout(0.5)
        while True:
            r["receipt"] += 1
            r["warehouse"] += daily_mean
            yield env.timeout(1.0)

    for i in range(stores):
        env.process(customers(i))
    for i in range(stores):
        env.process(review(i))
    env.process(receipts())
    env.run(until=days)
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stores", type=int, default=100)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs this many times, reports the fastest wall time")
    args = ap.parse_args()
    if args.stores < 1 or args.days < 1:
        ap.error("--stores and --days must be at least 1")
    best = math.inf
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        r = simulate(args.stores, args.days, args.seed)
        best = min(best, time.perf_counter() - t0)
    kinds = {k: r[k] for k in ("customer", "review", "delivery", "receipt")}
    events = sum(kinds.values())
    print(json.dumps({
        "model": "inventory",
        "implementation": "simpy",
        "stores": args.stores,
        "days": args.days,
        "seed": args.seed,
        "repeat": args.repeat,
        "events": events,
        "wall_s": best,
        "events_per_s": events / best,
        "fill_rate": r["units_sold"] / r["units_wanted"],
        "units_wanted": r["units_wanted"],
        "units_sold": r["units_sold"],
        "orders": r["orders"],
        "shipments": r["shipments"],
        "units_ordered": r["units_ordered"],
        "units_shipped": r["units_shipped"],
        "warehouse_end": r["warehouse"],
        "events_by_kind": kinds,
        "simpy": simpy.__version__,
    }))


if __name__ == "__main__":
    main()

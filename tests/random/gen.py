#!/usr/bin/env python3
"""Random data folders for `xuncha schedule` (tests/random/README.md).

gen.py SEED OUTDIR (or gen.py --range FIRST COUNT ROOT: ROOT/SEED for each seed) writes a data folder (regions, teams, tours, policy, the projected calendar) and
OUTDIR/args: the schedule options to run it with (--from, --years, --teams, --as-of). Same seed,
same folder."""
import os
import random
import shutil
import sys
from datetime import date, timedelta

DAYS = {"city": 15, "prefecture": 15, "direct_city": 7, "forestry": 7}


def main():
    if sys.argv[1] == "--range":
        first, count, root = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        for seed in range(first, first + count):
            generate(seed, os.path.join(root, str(seed)))
    else:
        generate(int(sys.argv[1]), sys.argv[2])


def generate(seed, out):
    here = os.path.dirname(os.path.abspath(__file__))
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    n = rnd.randint(5, 40)
    frm = rnd.choice([2026, 2027, 2027, 2028])
    years = rnd.randint(1, 2032 - frm)  # the projected calendar ends in 2032
    cadence = rnd.choice([2, 2, 2, 1])
    coverage = rnd.choice([5, 5, 5, 4, 3])
    teams = rnd.randint(2, 8)
    off_round = rnd.random() < 0.08
    anchor = frm - rnd.randint(0, cadence - 1) if cadence > 1 else frm
    set_anchor = rnd.random() < 0.3
    # history: the anchor's earlier round years are regular rounds
    regions = []
    tours = []
    for i in range(n):
        cls = rnd.choice(["city"] * 6 + ["prefecture", "direct_city", "direct_city", "forestry"])
        r = {"id": f"r{i:02}", "name": f"地区{i:02}", "class": cls, "counties": rnd.randint(0, 12),
             "risk": rnd.randint(1, 5)}
        if rnd.random() < 0.1:
            r["days"] = rnd.choice([5, 7, 10, 12])
        regions.append(r)
        if rnd.random() < 0.12:
            pass  # never toured
        else:
            # mostly a history that leaves a round year to serve it; one in 40 toured G years ago
            y = frm - (coverage if rnd.random() < 0.025 else rnd.randint(1, max(1, coverage - 1)))
            kind = "regular" if (y - anchor) % cadence == 0 else "irregular"
            tours.append({"id": f"H{y}-{r['id']}", "region": r["id"], "kind": kind, "team": "GH", "year": y})
        if rnd.random() < 0.12:
            y = frm + rnd.randint(0, years - 1)
            tours.append({"id": f"S{y}-{r['id']}", "region": r["id"], "body": "state_council", "year": y})
    # seasons (issue 25, item 2): a few regions may be on site only in some months, from a
    # generator of their own so that each seed's other data is as before
    srnd = random.Random(seed * 7919 + 2)
    for r in regions:
        if srnd.random() < 0.1:
            months = srnd.choice([[4, 5, 6], [5, 6, 9, 10], [3, 4, 5, 6, 9, 10, 11], [9, 10, 11], [6]])
            r["months"] = "[" + ",".join(str(m) for m in months) + "]"
    class_months = [5, 6, 9, 10] if srnd.random() < 0.1 else None
    # blocked periods (深冬, 汛期; one running over the new year), again from a generator of their own
    brnd = random.Random(seed * 7919 + 3)
    periods = [("06-01", "08-31"), ("12-01", "03-15"), ("04-20", "05-10"), ("10-01", "10-07"), ("11-15", "03-31")]
    for r in regions:
        if brnd.random() < 0.08:
            chosen = brnd.sample(periods, brnd.choice([1, 1, 2]))
            r["blocked"] = "[" + ", ".join(f"{{from: {a},to: {b}}}" for a, b in chosen).replace(", ", ",") + "]"
    class_blocked = brnd.choice(periods) if brnd.random() < 0.1 else None
    # blackouts
    blackouts = []
    for _ in range(rnd.choice([0, 0, 1, 2])):
        y = frm + rnd.randint(0, years - 1)
        a = date(y, rnd.choice([3, 4, 5, 9, 10, 11]), rnd.randint(1, 25))
        b = a + timedelta(days=rnd.randint(0, 20))
        blackouts.append((a, b))
    batches = None
    if rnd.random() < 0.25:
        batches = [("spring", "03-01", "06-30"), ("autumn", "09-01", "12-20")]
        if rnd.random() < 0.5:
            batches = [("one", f"{rnd.choice(['03', '04', '05'])}-01", "06-30")]
        else:
            batches = [("a", "03-15", "05-31"), ("b", "09-10", "11-30")]
    # pinned tours in the horizon: named teams, dated inside a round year's spring
    team_ids = set()
    pinned_days = {}
    npinned = rnd.choice([0, 0, 1, 2, 3, 5])
    toured_in = {}
    for t in tours:
        toured_in.setdefault(t["region"], set()).add(t["year"])
    for j in range(npinned):
        r = rnd.choice(regions)
        y = frm + rnd.randint(0, years - 1)
        if y in toured_in.get(r["id"], set()):
            continue
        if not off_round and (y - anchor) % cadence != 0:
            continue
        d = r.get("days", DAYS[r["class"]])
        start = date(y, rnd.choice([3, 4, 9, 10]), rnd.randint(1, 10))
        team = f"G{y}-{rnd.randint(1, 4)}"
        busy = pinned_days.setdefault(team, [])
        end = start + timedelta(days=d - 1)
        if any(not (end < a or b < start) for a, b in busy):
            continue
        busy.append((start, end))
        team_ids.add(team)
        toured_in.setdefault(r["id"], set()).add(y)
        tours.append({"id": f"T{y}-{r['id']}", "region": r["id"], "kind": "regular", "team": team,
                      "start": start.isoformat(), "end": end.isoformat()})
    # --as-of: before the horizon, or inside it
    if rnd.random() < 0.6:
        as_of = date(frm - 1, 12, 1)
    else:
        y = frm + rnd.randint(0, min(years, 2) - 1)
        as_of = date(y, 1, 1) + timedelta(days=rnd.randint(0, 364))
    with open(os.path.join(out, "regions.yaml"), "w") as f:
        f.write("kind: regions\nversion: 1\nregions:\n")
        for r in regions:
            f.write("  - {" + ", ".join(f"{k}: {v}" for k, v in r.items()) + "}\n")
    with open(os.path.join(out, "teams.yaml"), "w") as f:
        f.write("kind: teams\nversion: 1\nteams:\n  - {id: GH}\n")
        for t in sorted(team_ids):
            f.write(f"  - {{id: {t}}}\n")
    with open(os.path.join(out, "tours.yaml"), "w") as f:
        f.write("kind: tours\nversion: 1\ntours:\n")
        for t in tours:
            f.write("  - {" + ", ".join(f"{k}: {v}" for k, v in t.items()) + "}\n")
    with open(os.path.join(out, "policy.yaml"), "w") as f:
        f.write(f"kind: policy\nversion: 1\nregions_expected: {n}\ncoverage_years: {coverage}\n"
                f"cadence_years: {cadence}\nteams_per_round: {teams}\n")
        if set_anchor:
            f.write(f"first_round_year: {anchor}\n")
        if off_round:
            f.write("off_round_tours: true\n")
        # The start-day rule comes from a generator of its own, so each seed's other data stays
        # as it was before the rule existed (golden cases name seeds).
        start_day = random.Random(seed * 7919 + 1).choice(["workday"] * 6 + ["monday"] * 2 + ["any"] * 2)
        if start_day != "workday":
            f.write(f"tour_start_day: {start_day}\n")
        if class_months:
            f.write("months_by_class:\n  forestry: [" + ",".join(str(m) for m in class_months) + "]\n")
        if class_blocked:
            f.write(f"blocked_by_class: {{prefecture: [{{from: {class_blocked[0]},to: {class_blocked[1]}}}]}}\n")
        if batches:
            f.write("batches:\n")
            for name, a, b in batches:
                f.write(f"  - {{name: {name}, from: {a}, to: {b}}}\n")
        if blackouts:
            f.write("blackouts:\n")
            for k, (a, b) in enumerate(blackouts):
                f.write(f"  - {{name: b{k}, from: {a.isoformat()}, to: {b.isoformat()}}}\n")
    shutil.copy(os.path.join(here, "..", "..", "examples", "province", "calendar-projected.yaml"),
                os.path.join(out, "calendar-projected.yaml"))
    with open(os.path.join(out, "args"), "w") as f:
        f.write(f"--from {frm} --years {years} --as-of {as_of.isoformat()}\n")


if __name__ == "__main__":
    main()

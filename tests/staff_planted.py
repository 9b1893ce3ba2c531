#!/usr/bin/env python3
"""An independent check of `xuncha staff`: instances with a planted valid team plan.

For each seed: build regions, units, people and a schedule around a plan written down first
(every team's leader, deputies, liaison, members and experts qualified, free and without a
conflict of interest), add distractors (people who come from a toured region, people on leave,
unqualified cadres), shuffle. Then `xuncha staff` must find a plan (exit 0), and the plan it writes
must pass `xuncha check --select T` with no finding. The same run with -j1 and -j2 and twice must
give the same bytes.

usage: staff_planted.py XUNCHA_BINARY [INSTANCES [FIRST_SEED]]
"""
import os
import random
import subprocess
import sys
import tempfile


def instance(seed, folder):
    rnd = random.Random(seed)
    regions = [f"r{i}" for i in range(rnd.randint(6, 12))]
    units = [("em", True, True, "")] + [(f"u{i}", True, False, "") for i in range(rnd.randint(3, 8))]
    units += [(f"cu{i}", True, False, rnd.choice(regions)) for i in range(2)]  # city units: conflicts
    units += [("pool", False, False, "")]
    teams = rnd.randint(2, 5)
    tours_per_team = rnd.randint(1, 3)
    deputies, members, experts = rnd.randint(1, 2), rnd.randint(1, 2), 1
    lines_p, lines_t = [], []
    # The schedule: team k tours tours_per_team regions one after another; all teams start together.
    used = rnd.sample(regions * 3, teams * tours_per_team)
    n = 0
    tours = []
    for k in range(teams):
        day = 1
        for j in range(tours_per_team):
            region = used[n]
            n += 1
            start, end = day, day + rnd.randint(5, 12)
            day = end + rnd.randint(1, 4)
            tours.append((f"P{k}-{j}", region, k + 1, start, end))
    def d(x):  # day x of March 2027 onwards
        import datetime
        return (datetime.date(2027, 3, 1) + datetime.timedelta(days=x - 1)).isoformat()
    people = []
    def person(pid, unit, rank, safety, serving=True, home="", expert=None, unavailable=None):
        people.append(dict(id=pid, unit=unit, rank=rank, safety=safety, serving=serving, home=home,
                           expert=expert, unavailable=unavailable))
    # The planted plan: qualified, free and not from any region of their team's tours.
    pid = 0
    for k in range(teams):
        mine = {t[1] for t in tours if t[2] == k + 1}
        safe_units = [u for u in units[1:] if u[1] and u[3] not in mine]
        home = rnd.choice([r for r in regions if r not in mine] + [""])
        person(f"x{pid}", rnd.choice(safe_units)[0], rnd.choice(["正厅", "副厅"]), True, home=home); pid += 1
        for _ in range(deputies):
            person(f"x{pid}", rnd.choice(safe_units)[0], rnd.choice(["正处", "副处"]), True); pid += 1
        person(f"x{pid}", "em", "科级", False); pid += 1
        for _ in range(members):
            person(f"x{pid}", rnd.choice(safe_units)[0], "科级", rnd.random() < 0.5); pid += 1
        for _ in range(experts):
            person(f"x{pid}", "pool", "none", False, expert="危险化学品"); pid += 1
    # Distractors: leaders from a toured region, deputies on leave, retired cadres, idle experts.
    for _ in range(rnd.randint(3, 12)):
        kind = rnd.randrange(4)
        if kind == 0:
            person(f"x{pid}", rnd.choice(units[1:-1])[0], "正厅", True, home=rnd.choice(used))
        elif kind == 1:
            person(f"x{pid}", rnd.choice(units[1:-1])[0], "正处", True, unavailable=(d(1), d(60)))
        elif kind == 2:
            person(f"x{pid}", rnd.choice(units[1:-1])[0], "正处", True, serving=False)
        else:
            person(f"x{pid}", "pool", "none", False, expert="建筑施工", unavailable=(d(1), d(90)))
        pid += 1
    rnd.shuffle(people)
    with open(os.path.join(folder, "data", "data.yaml"), "w", encoding="utf-8") as f:
        f.write("kind: regions\nversion: 1\nregions:\n")
        for r in regions:
            f.write(f"  - {{id: {r}, name: 地区{r}, class: city, counties: 5}}\n")
        f.write("---\nkind: units\nversion: 1\nunits:\n")
        for uid, member, em, region in units:
            f.write(f"  - {{id: {uid}, name: 单位{uid}, committee_member: {str(member).lower()}, "
                    f"emergency_management: {str(em).lower()}" + (f", region: {region}" if region else "") + "}\n")
        f.write("---\nkind: people\nversion: 1\npeople:\n")
        for p in people:
            s = (f"  - {{id: {p['id']}, name: 人员{p['id']}, unit: {p['unit']}, rank: {p['rank']}, "
                 f"serving: {str(p['serving']).lower()}, safety_supervision: {str(p['safety']).lower()}")
            if p["home"]:
                s += f", home_region: {p['home']}"
            if p["expert"]:
                s += f", expert: {{pool_id: ZJ-{p['id']}, field: {p['expert']}}}"
            if p["unavailable"]:
                s += f", unavailable: [{{from: {p['unavailable'][0]}, to: {p['unavailable'][1]}}}]"
            f.write(s + "}\n")
        f.write(f"---\nkind: policy\nversion: 1\nstaff_deputies: {deputies}\nstaff_members: {members}\n"
                f"staff_experts: {experts}\nteam_size: {{min: 3, max: 9}}\n")
    with open(os.path.join(folder, "schedule.yaml"), "w", encoding="utf-8") as f:
        f.write("kind: schedule\nversion: 1\nfrom: 2027\ntours:\n")
        for tid, region, slot, start, end in tours:
            f.write(f"  - {{id: {tid}, region: {region}, kind: regular, year: 2027, team_slot: {slot}, "
                    f"start: {d(start)}, end: {d(end)}}}\n")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def main():
    binary = os.path.realpath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1")
    failed = 0
    for seed in range(first, first + count):
        with tempfile.TemporaryDirectory() as tmp:
            os.mkdir(os.path.join(tmp, "data"))
            instance(seed, tmp)
            base = [binary, "staff", "data", "--schedule", "schedule.yaml", "--as-of", "2026-11-30", "-f", "yaml"]
            r = run(base + ["-j1"], cwd=tmp, env=env)
            if r.returncode != 0:
                print(f"seed {seed}: xuncha staff found no plan although one exists (exit {r.returncode})\n{r.stderr}")
                failed += 1
                continue
            again = run(base + ["-j2"], cwd=tmp, env=env)
            if again.stdout != r.stdout:
                print(f"seed {seed}: -j1 and -j2 differ")
                failed += 1
            with open(os.path.join(tmp, "plan.yaml"), "w", encoding="utf-8") as f:
                f.write(r.stdout)
            c = run([binary, "check", "data", "plan.yaml", "--select", "T", "--as-of", "2026-11-30", "-f", "concise"],
                    cwd=tmp, env=env)
            if c.returncode != 0 or c.stdout.strip():
                print(f"seed {seed}: the plan does not pass check (exit {c.returncode})\n{c.stdout}{c.stderr}")
                failed += 1
    print(f"staff planted: {count} instances, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

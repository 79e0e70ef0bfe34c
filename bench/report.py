#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv, facts.env and scale.tsv into the markdown report: the configuration measured,
one table, the shares of the ceilings, the CPU per request, the paired rounds, the targets (or, with --scale, the
scale table), memory."""
import re
import shlex
import statistics
import sys
from dataclasses import dataclass

LEVEL = "64"
ROUND = re.compile(r"^round(\d+)-(\w+)$")
# The scenarios' names in a round; "node" is Node's cycle with one process per core, node-<cores> in the levels.
CTICACHE = ("health", "post", "get", "cycle")
CEILINGS = ("const", "set", "jersey")


def label(name):
    if name.startswith("node-"):
        return f"Node.js + Express cycle, {name[5:]} process(es) (bench/node)"
    return LABELS.get(name, name)


LABELS = {
    "const": "ceiling: constant JSON (GET /ceiling/const)",
    "set": "ceiling: one Redis SET (GET /ceiling/set)",
    "jersey": "ceiling: one Redis SET as a Jersey resource (GET /ceiling/jersey/set)",
    "health": "cticache GET /health: one Redis PING through the whole application",
    "post": "cticache POST",
    "get": "cticache GET",
    "cycle": "cticache cycle POST→GET→DELETE",
    "redis SET": "redis-benchmark SET (-d 100)",
    "redis GET": "redis-benchmark GET",
    "redis allocate": "redis-benchmark EVALSHA allocate.lua",
    "redis take": "redis-benchmark EVALSHA read.lua take",
}
# Column headings of the paired rounds.
SHORT = {"set": "one-SET servlet", "jersey": "one-SET Jersey", "post": "POST", "health": "GET /health",
         "cycle": "cycle", "node": "Node cycle, one process per core"}


@dataclass(frozen=True)
class Ratio:
    """One scenario's figure over another's, both at 64 connections: in a round, or in the level run."""
    name: str
    top: str
    bottom: str
    field: str          # "rps" or "p99"
    as_share: bool      # printed as a percentage (else as a factor, 1.50×)

    def of(self, scenarios):
        top, bottom = scenarios.get(self.top), scenarios.get(self.bottom)
        if not top or not bottom or not top[self.field] or not bottom[self.field]:
            return None
        return top[self.field] / bottom[self.field]

    def text(self, value):
        return f"{value:.1%}" if self.as_share else f"{value:.2f}×"

    def figures(self, scenarios):
        """The two figures it divides, for the reader to check."""
        unit = "requests/s" if self.field == "rps" else "ms p99"
        digits = 1 if self.field == "rps" else 2
        return (f"{fmt(scenarios[self.top][self.field], digits)} / {fmt(scenarios[self.bottom][self.field], digits)}"
                f" {unit}")


CYCLE_VS_NODE = Ratio("cycle vs Node", "cycle", "node", "rps", False)
# The p99 target reads "the cycle's p99 at most a third of Node's": Node's p99 over the cycle's, at least 3.
NODE_P99_VS_CYCLE = Ratio("Node p99 ÷ cycle p99", "node", "cycle", "p99", False)
POST_VS_JERSEY = Ratio("POST vs Jersey", "post", "jersey", "rps", True)
ROUND_RATIOS = (CYCLE_VS_NODE, NODE_P99_VS_CYCLE, POST_VS_JERSEY,
                Ratio("cycle vs servlet", "cycle", "set", "rps", True),
                Ratio("cycle vs Jersey", "cycle", "jersey", "rps", True),
                Ratio("/health vs servlet", "health", "set", "rps", True),
                Ratio("Jersey vs servlet", "jersey", "set", "rps", True))


@dataclass(frozen=True)
class Target:
    """Issue 15's targets: a ratio at 64 connections and its least acceptable value."""
    ratio: Ratio
    least: float
    wording: str
    needs_node: bool


TARGETS = (
    Target(CYCLE_VS_NODE, 1.5, "cycle requests/s ≥ 1.5× Node's, one process per core ({workers})", True),
    Target(NODE_P99_VS_CYCLE, 3.0, "cycle p99 ≤ one third of Node's, one process per core ({workers}), "
                                   "i.e. Node p99 ÷ cycle p99 ≥ 3", True),
    Target(POST_VS_JERSEY, 0.60, "POST alone ≥ 60% of the one-SET Jersey resource's requests/s", False),
)


def load(results_path, facts_path):
    rows = []
    with open(results_path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            # A results.tsv from before the CPU columns has eight fields: its CPU figures are None.
            name, conns, rps, cps, p50, p99, p999, errors, *cpu = fields + [""] * (11 - len(fields))
            rows.append(dict(name=name, conns=conns, rps=num(rps), cps=num(cps), p50=num(p50), p99=num(p99),
                             p999=num(p999), errors=None if errors == "" else int(errors),
                             server=num(cpu[0]), redis=num(cpu[1]), wrk=num(cpu[2])))
    facts = {}
    with open(facts_path) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            facts[key] = shlex.split(value)[0] if value else ""
    return rows, facts


def num(text):
    return float(text) if text not in ("", None) else None


def fmt(value, digits=1):
    if value is None:
        return ""
    return f"{value:,.{digits}f}"


def find(rows, name, conns=LEVEL):
    return next((r for r in rows if r["name"] == name and r["conns"] == conns), None)


def verdict(ok):
    return "**met**" if ok else "**MISSED**"


def node_workers(rows, facts):
    """How many processes 'Node, one process per core' ran: the machine's cores, or the largest node-N run."""
    if facts.get("NODE_WORKERS"):
        return facts["NODE_WORKERS"]
    counts = [int(r["name"][5:]) for r in rows if re.fullmatch(r"node-\d+", r["name"])]
    return str(max(counts)) if counts else None


def node_measured(rows, facts):
    return facts.get("NODE") == "1" or any(r["name"].startswith("node-") for r in rows)


def level_scenarios(rows, facts):
    """The level run's 64-connection rows by their names in a round, so that a Ratio reads both alike."""
    scenarios = {name: find(rows, name) for name in CEILINGS + CTICACHE}
    scenarios["node"] = find(rows, f"node-{node_workers(rows, facts)}")
    return scenarios


def rounds_of(rows):
    """{round number: {scenario: row}}, in round order."""
    rounds = {}
    for r in rows:
        found = ROUND.match(r["name"])
        if found:
            rounds.setdefault(int(found.group(1)), {})[found.group(2)] = r
    return [rounds[n] for n in sorted(rounds)]


def main():
    rows, facts = load(sys.argv[1], sys.argv[2])
    out = []
    header(facts, out)
    if rows:
        levels(rows, facts, out)
    scale(sys.argv[3], facts, out)
    memory(facts, out)
    print("\n".join(out))


def header(facts, out):
    """What was measured: the configuration an admin following the deploy guide gets, and the tools."""
    container = facts.get("CONTAINER", "?")
    guide = "docs/deploy-tomcat.md" if container.startswith("Tomcat") else "docs/deploy-jetty.md"
    out.append(f"# cticache benchmark: {container.split(' (')[0]}")
    out.append("")
    out.append(f"Configuration measured, set up after {guide}: an admin who configures the same realm and thread "
               "pool gets these figures.")
    out.append("")
    out.append(f"- container: {container}")
    out.append(f"- request threads: {facts.get('THREADS')}")
    out.append(f"- realm and credential handler: {facts.get('CREDENTIALS', 'not recorded by this run')}; "
               "the container checks the password on every request (Basic auth)")
    out.append(f"- {facts.get('JAVA')}; JVM options `{facts.get('JVM_OPTS')}`")
    out.append(f"- commit {facts.get('COMMIT')}; {facts.get('WRK')}, redis-server {facts.get('REDIS')}; "
               f"CPUs: {facts.get('CPUS')}")
    out.append(f"- {facts.get('DURATION')} s per level, after a JIT warm-up of {facts.get('JIT_WARMUP')} s of the "
               "cycle and a warm-up per scenario; wrk threads = min(conns, 2); "
               "Basic auth on every request; latency per request")
    if facts.get("PROFILE") == "1":
        out.append("- --profile: JFR sampled the container's JVM throughout (bench/cpu.jfc, execution samples every "
                   "10 ms), which costs every figure a little; the profile is of the "
                   f"{LEVEL}-connection cycle run.")
    out.append("- wrk, the server and Redis share this machine's CPUs: the figures are for this machine; "
               "the ratios, and the CPU per request, are what carries over.")
    out.append("")


def levels(rows, facts, out):
    """The default run: every scenario at every level, the shares of the ceilings, the CPU per request, the paired
    rounds, the targets."""
    out.append("| scenario | conns | requests/s | cycles/s | p50 ms | p99 ms | p99.9 ms | errors |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in (r for r in rows if not ROUND.match(r["name"])):
        cycles = r["name"] == "cycle" or r["name"].startswith("node")
        out.append(f"| {label(r['name'])} | {r['conns']} | {fmt(r['rps'])} | {fmt(r['cps']) if cycles else ''} | "
                   f"{fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | {fmt(r['p999'], 2)} | "
                   f"{'' if r['errors'] is None else r['errors']} |")
    out.append("")
    out.append("redis-benchmark: `-c 64 -P 1`, random keys from 100,000; it prints no p99.9 and counts no errors. "
               "Its cycle figure is the rate at which Redis alone could serve a cycle's requests, "
               "3 / (1/allocate + 1/GET + 1/take). "
               f"{facts.get('REDIS_TAKE_HITS', '?')} of its takes found an entry (a miss returns early).")
    out.append("")
    shares(rows, out)
    cpu(rows, facts, out)
    paired_rounds(rows, facts, out)
    targets(rows, facts, out)


def shares(rows, out):
    """The level run's cticache figures as shares of the ceilings (and of Node)."""
    cycle, set_, const = find(rows, "cycle"), find(rows, "set"), find(rows, "const")
    redis = {k: find(rows, f"redis {k}") for k in ("SET", "GET", "allocate", "take")}
    out.append(f"## cticache as a share of each ceiling ({LEVEL} connections, requests/s)")
    out.append("")
    if not (cycle and set_ and const):
        out.append(f"(no {LEVEL}-connection level in this run: no ratios)")
        out.append("")
        return
    lines = [("cycle vs one-SET servlet", cycle["rps"], set_["rps"]),
             ("cycle vs constant servlet", cycle["rps"], const["rps"])]
    for name in ("post", "get"):
        r = find(rows, name)
        if r:
            lines.append((f"{name.upper()} alone vs one-SET servlet", r["rps"], set_["rps"]))
    jersey = find(rows, "jersey")
    if jersey:
        post = find(rows, "post")
        if post:
            lines.append(("POST alone vs one-SET Jersey resource", post["rps"], jersey["rps"]))
        lines.append(("cycle vs one-SET Jersey resource", cycle["rps"], jersey["rps"]))
        lines.append(("one-SET Jersey resource vs one-SET servlet (Jersey's own cost)", jersey["rps"],
                      set_["rps"]))
    health = find(rows, "health")
    if health:
        lines.append(("GET /health vs one-SET servlet (cticache's fixed cost: filters, audit line, Jersey)",
                      health["rps"], set_["rps"]))
        lines.append(("cycle vs GET /health (what the transfer calls add)", cycle["rps"], health["rps"]))
    if all(redis.values()):
        redis_cycle = 3 / (1 / redis["allocate"]["rps"] + 1 / redis["GET"]["rps"] + 1 / redis["take"]["rps"])
        lines.append(("cycle vs redis-benchmark, the cycle's commands", cycle["rps"], redis_cycle))
        lines.append(("cycle vs redis-benchmark SET", cycle["rps"], redis["SET"]["rps"]))
    for name in sorted({r["name"] for r in rows if r["name"].startswith("node-")}):
        node = find(rows, name)
        if node:
            lines.append((f"cycle vs {label(name)}", cycle["rps"], node["rps"]))
    out.append("| ratio | cticache | ceiling | share |")
    out.append("| --- | ---: | ---: | ---: |")
    for name, mine, ceiling in lines:
        out.append(f"| {name} | {fmt(mine)} | {fmt(ceiling)} | {100 * mine / ceiling:.1f}% |")
    out.append("")


def cpu_cells(rps, server, redis, wrk):
    """A CPU table's figures: µs per request of each side, their total, and how many CPUs that kept busy."""
    total = server + redis + wrk
    return (f"{fmt(rps)} | {fmt(server)} | {fmt(redis)} | {fmt(wrk)} | **{fmt(total)}** | "
            f"{fmt(total * rps / 1e6, 2)} |")


def cpu(rows, facts, out):
    """CPU per request of each side at 64 connections: the level run's scenarios, then the rounds' medians."""
    measured = [r for r in rows if r["conns"] == LEVEL and r["server"] is not None]
    out.append(f"## CPU per request (µs, {LEVEL} connections): server, Redis, wrk, total")
    out.append("")
    if not measured:
        out.append("(not measured: this results.tsv has no CPU columns)")
        out.append("")
        return
    heading = "| scenario | requests/s | server | Redis | wrk | total | CPUs busy |"
    rule = "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    out.append(heading)
    out.append(rule)
    order = CEILINGS + CTICACHE
    level_rows = sorted((r for r in measured if not ROUND.match(r["name"])),
                        key=lambda r: (order.index(r["name"]) if r["name"] in order else len(order), r["name"]))
    for r in level_rows:
        out.append(f"| {label(r['name'])} | " + cpu_cells(r["rps"], r["server"], r["redis"], r["wrk"]))
    out.append("")
    medians = round_cpu_medians(rows)
    if medians:
        rounds = len(rounds_of(rows))
        out.append("The one paired round:" if rounds == 1
                   else f"The paired rounds, median per scenario of {rounds} rounds:")
        out.append("")
        out.append(heading)
        out.append(rule)
        for name, figures in medians.items():
            shown = label(f"node-{node_workers(rows, facts)}") if name == "node" else label(name)
            out.append(f"| {shown} | " + cpu_cells(*figures))
        out.append("")
    out.append("CPU time (user + system, all threads) each side spent during the whole wrk run, divided by the "
               "requests it completed: server = the container's JVM (cticache and the ceilings share it; its JIT "
               "compiler and garbage collector included), or Node's processes (primary and workers), from "
               "/proc/<pid>/stat; Redis = redis-server, from /proc/<pid>/stat; wrk = wrk's own rusage (GNU time), "
               "its Lua checks included. A cycle is three requests. CPUs busy = total × requests/s, of this "
               f"machine's {facts.get('CPUS', '?')}.")
    out.append("")


def round_cpu_medians(rows):
    """{scenario: (requests/s, server, redis, wrk)}, each the median over the rounds that measured it."""
    per_scenario = {}
    for scenarios in rounds_of(rows):
        for name, r in scenarios.items():
            if r["server"] is not None:
                per_scenario.setdefault(name, []).append((r["rps"], r["server"], r["redis"], r["wrk"]))
    order = list(SHORT)
    return {name: tuple(statistics.median(column) for column in zip(*figures))
            for name, figures in sorted(per_scenario.items(),
                                        key=lambda item: order.index(item[0]) if item[0] in order else len(order))}


def paired_rounds(rows, facts, out):
    """The rounds' figures, then their ratios with the median of each."""
    rounds = rounds_of(rows)
    if not rounds:
        return
    names = [name for name in SHORT if any(name in scenarios for scenarios in rounds)]
    p99s = [name for name in ("cycle", "node") if name in names]
    headings = [SHORT[name] for name in names] + [f"{SHORT[name]} p99 ms" for name in p99s]
    if "node" in names:
        headings = [h.replace("one process per core", f"{node_workers(rows, facts)} processes") for h in headings]
    out.append(f"## Paired rounds ({LEVEL} connections, back to back: requests/s, then p99)")
    out.append("")
    out.append("| round | " + " | ".join(headings) + " |")
    out.append("| ---: |" + " ---: |" * len(headings))
    for n, scenarios in enumerate(rounds, 1):
        cells = [fmt(scenarios[name]["rps"]) if name in scenarios else "" for name in names]
        cells += [fmt(scenarios[name]["p99"], 2) if name in scenarios else "" for name in p99s]
        out.append(f"| {n} | " + " | ".join(cells) + " |")
    out.append("")

    ratios = [ratio for ratio in ROUND_RATIOS if any(ratio.of(scenarios) is not None for scenarios in rounds)]
    out.append("| round | " + " | ".join(ratio.name for ratio in ratios) + " |")
    out.append("| ---: |" + " ---: |" * len(ratios))
    for n, scenarios in enumerate(rounds, 1):
        values = (ratio.of(scenarios) for ratio in ratios)
        out.append(f"| {n} | " + " | ".join("" if v is None else ratio.text(v) for ratio, v in zip(ratios, values))
                   + " |")
    medians = (median_of_rounds(ratio, rounds) for ratio in ratios)
    out.append("| median | " + " | ".join(f"**{ratio.text(m)}**" for ratio, m in zip(ratios, medians)) + " |")
    out.append("")


def median_of_rounds(ratio, rounds):
    values = [v for v in (ratio.of(scenarios) for scenarios in rounds) if v is not None]
    return statistics.median(values) if values else None


def targets(rows, facts, out):
    """Issue 15's targets: the median of the paired rounds' ratios decides where there are rounds (both sides ran
    back to back), else the level run; the level run's figure is shown either way."""
    rounds = rounds_of(rows)
    level = level_scenarios(rows, facts)
    workers = node_workers(rows, facts)
    out.append(f"## Targets ({LEVEL} connections)")
    out.append("")
    for target in TARGETS:
        ratio, wording = target.ratio, target.wording.format(workers=f"node-{workers}")
        if target.needs_node and not node_measured(rows, facts):
            out.append(f"- {target.wording.format(workers='node-<cores>')}: **not measured** "
                       "(run bench/run.sh with --node)")
            continue
        in_rounds = [v for v in (ratio.of(scenarios) for scenarios in rounds) if v is not None]
        at_level = ratio.of(level)
        if not in_rounds and at_level is None:
            out.append(f"- {wording}: **not measured** (no {LEVEL}-connection figures for it)")
            continue
        parts = []
        if len(in_rounds) == 1:
            parts.append(f"the one paired round **{ratio.text(in_rounds[0])}**")
        elif in_rounds:
            parts.append(f"median of {len(in_rounds)} paired rounds **{ratio.text(statistics.median(in_rounds))}** "
                         f"({', '.join(ratio.text(v) for v in in_rounds)})")
        if at_level is not None:
            parts.append(f"level run {ratio.text(at_level)} ({ratio.figures(level)})")
        decided_by = statistics.median(in_rounds) if in_rounds else at_level
        out.append(f"- {wording}: {'; '.join(parts)} {verdict(decided_by >= target.least)}")
    failing = [f"{r['name']} at {r['conns']}: {r['errors']}" for r in rows if r["errors"]]
    errors = sum(r["errors"] or 0 for r in rows)
    out.append(f"- zero errors at every level, the rounds and Node included: {errors}"
               f"{' (' + '; '.join(failing) + ')' if failing else ''} {verdict(errors == 0)}")
    out.append("")


def scale(path, facts, out):
    """--scale: per pool and caller holdings, the POST rate and what each call cost Redis, as Redis counted it."""
    with open(path) as f:
        lines = [line.rstrip("\n").split("\t") for line in f]
    if not lines:
        return
    out.append("## Scale: POST /cticache/DNIS-ANI by pool size, spelling and one caller's holdings")
    out.append("")
    out.append("| pool | caller holds | req/s | Redis CPU per call (us) | Redis commands per call "
               "| Redis bytes in per call | 503 answers | errors |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pool, holds, seconds, requests, deletes, full, errors, *usage in lines:
        requests, posts, full = int(requests), int(requests) - int(deletes), int(full)
        cpu, commands, bytes_in = (float(after) - float(before) for before, after in zip(usage[:3], usage[3:]))
        out.append(f"| {pool} | {holds} | {fmt(posts / float(seconds))} | {fmt(cpu * 1e6 / requests)} | "
                   f"{fmt(commands / requests)} | {fmt(bytes_in / requests, 0)} | "
                   f"{full:,} ({full / posts:.0%} of POSTs) | {errors} |")
    out.append("")
    out.append(f"64 connections, {facts.get('DURATION')} s per row after a warm-up. Per call: over every API call of "
               "the row's run (the POSTs, and in the 99% rows the DELETEs of what they got), the deltas of Redis's "
               "INFO: main-thread CPU (used_cpu_sys_main_thread + used_cpu_user_main_thread), commands "
               "(commandstats, a script's inner commands included, INFO left out), bytes received "
               "(total_net_input_bytes). In the 99% rows the 64 connections compete for the 1% the caller does not "
               "hold, so some POSTs find none free and answer 503. The first row, for scale, GETs live entries (2,000 "
               "of them in turn) on the same path.")
    out.append("")


def memory(facts, out):
    """Redis bytes per live entry, and the container's heap during the cycle."""
    out.append("## Memory")
    out.append("")
    if facts.get("MEM_LIVE"):
        before, after, live = int(facts["MEM_BEFORE"]), int(facts["MEM_AFTER"]), int(facts["MEM_LIVE"])
        out.append(f"- Redis: {(after - before) / live:,.0f} bytes per live entry (used_memory {before:,} -> "
                   f"{after:,} for {live:,} entries stored through POST, 100-byte value, ttl 3600; "
                   f"/pools live {live:,}, DBSIZE {int(facts['MEM_DBSIZE']):,}). Includes the occupancy "
                   "bookkeeping (who holds which DNIS, counters, expiry records).")
    heap = int(facts.get("HEAP_MAX") or 0)
    if heap:
        out.append(f"- cticache's container heap during the {LEVEL}-connection cycle run: max {heap / 2**20:,.0f} MiB "
                   f"used (`jstat -gc`: survivors, eden and old generation; {facts.get('HEAP_SAMPLES')} samples, one a "
                   f"second) of -Xmx in `{facts.get('JVM_OPTS')}`")


if __name__ == "__main__":
    main()

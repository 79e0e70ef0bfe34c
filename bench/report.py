#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv, facts.env and scale.tsv into the markdown report: one table, ratios, paired
rounds, targets (or, with --scale, the scale table), memory."""
import re
import shlex
import statistics
import sys

TARGET_SHARE_OF_SET = 0.60   # cycle requests/s at 64 connections vs the one-SET servlet at 64
TARGET_P99_MS = 10.0         # p99 at 64 connections, for every cticache scenario
LEVEL = "64"
ROUND = re.compile(r"^round(\d+)-(\w+)$")

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


def load(results_path, facts_path):
    rows = []
    with open(results_path) as f:
        for line in f:
            name, conns, rps, cps, p50, p99, p999, errors = line.rstrip("\n").split("\t")
            rows.append(dict(name=name, conns=conns, rps=num(rps), cps=num(cps), p50=num(p50), p99=num(p99),
                             p999=num(p999), errors=None if errors == "" else int(errors)))
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


def paired_rounds(rows, out):
    """The rounds' table and ratios; returns the median round's cycle share of the one-SET servlet, or None."""
    rounds = {}
    for r in rows:
        found = ROUND.match(r["name"])
        if found:
            rounds.setdefault(int(found.group(1)), {})[found.group(2)] = r
    complete = [rounds[n] for n in sorted(rounds) if {"set", "jersey", "health", "cycle"} <= rounds[n].keys()]
    if not complete:
        return None
    out.append(f"## Paired rounds ({LEVEL} connections, back to back, requests/s)")
    out.append("")
    out.append("| round | one-SET servlet | one-SET Jersey | GET /health | cycle | cycle p99 ms | cycle vs servlet "
               "| cycle vs Jersey | /health vs servlet | Jersey vs servlet |")
    out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios = []
    for n, r in enumerate(complete, 1):
        ratio = (r["cycle"]["rps"] / r["set"]["rps"], r["cycle"]["rps"] / r["jersey"]["rps"],
                 r["health"]["rps"] / r["set"]["rps"], r["jersey"]["rps"] / r["set"]["rps"])
        ratios.append(ratio)
        out.append(f"| {n} | {fmt(r['set']['rps'])} | {fmt(r['jersey']['rps'])} | {fmt(r['health']['rps'])} | "
                   f"{fmt(r['cycle']['rps'])} | {fmt(r['cycle']['p99'], 2)} | "
                   + " | ".join(f"{share:.1%}" for share in ratio) + " |")
    medians = [statistics.median(column) for column in zip(*ratios)]
    out.append("| median | | | | | | " + " | ".join(f"**{share:.1%}**" for share in medians) + " |")
    out.append("")
    return medians[0]


def main():
    rows, facts = load(sys.argv[1], sys.argv[2])
    out = []
    out.append(f"# cticache benchmark: {facts.get('CONTAINER', '?')}")
    out.append("")
    out.append(f"- commit {facts.get('COMMIT')}; {facts.get('JAVA')}; JVM options `{facts.get('JVM_OPTS')}`; "
               f"request threads: {facts.get('THREADS')}")
    out.append(f"- {facts.get('WRK')}, redis-server {facts.get('REDIS')}; CPUs: {facts.get('CPUS')}")
    out.append(f"- {facts.get('DURATION')} s per level, after a JIT warm-up of {facts.get('JIT_WARMUP')} s of the "
               "cycle and a warm-up per scenario; wrk threads = min(conns, 2); "
               "Basic auth on every request; latency per request")
    if facts.get("PROFILE") == "1":
        out.append("- --profile: JFR sampled the container's JVM throughout (bench/cpu.jfc, execution samples every "
                   "10 ms), which costs every figure a little; the profile is of the "
                   f"{LEVEL}-connection cycle run.")
    out.append("- wrk, the container and Redis share this machine's CPUs: the figures are for this machine; "
               "the ratios are what carries over.")
    out.append("")
    if rows:
        levels(rows, facts, out)
    scale(sys.argv[3], facts, out)
    memory(facts, out)
    print("\n".join(out))


def levels(rows, facts, out):
    """The default run: every scenario at every level, the shares of the ceilings, the paired rounds, the targets."""
    out.append("| scenario | conns | requests/s | cycles/s | p50 ms | p99 ms | p99.9 ms | errors |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in (r for r in rows if not ROUND.match(r["name"])):
        out.append(f"| {label(r['name'])} | {r['conns']} | {fmt(r['rps'])} | {fmt(r['cps']) if r['name'] == 'cycle' or r['name'].startswith('node') else ''} | "
                   f"{fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | {fmt(r['p999'], 2)} | "
                   f"{'' if r['errors'] is None else r['errors']} |")
    out.append("")
    out.append("redis-benchmark: `-c 64 -P 1`, random keys from 100,000; it prints no p99.9 and counts no errors. "
               "Its cycle figure is the rate at which Redis alone could serve a cycle's requests, "
               "3 / (1/allocate + 1/GET + 1/take). "
               f"{facts.get('REDIS_TAKE_HITS', '?')} of its takes found an entry (a miss returns early).")
    out.append("")

    cycle, set_, const = find(rows, "cycle"), find(rows, "set"), find(rows, "const")
    redis = {k: find(rows, f"redis {k}") for k in ("SET", "GET", "allocate", "take")}
    out.append(f"## cticache as a share of each ceiling ({LEVEL} connections, requests/s)")
    out.append("")
    if cycle and set_ and const:
        lines = [("cycle vs one-SET servlet", cycle["rps"], set_["rps"]),
                 ("cycle vs constant servlet", cycle["rps"], const["rps"])]
        for name in ("post", "get"):
            r = find(rows, name)
            if r:
                lines.append((f"{name.upper()} alone vs one-SET servlet", r["rps"], set_["rps"]))
        jersey = find(rows, "jersey")
        if jersey:
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
    else:
        out.append(f"(no {LEVEL}-connection level in this run: no ratios)")
        out.append("")

    median_share = paired_rounds(rows, out)

    out.append("## Targets")
    out.append("")
    if median_share is not None:
        out.append(f"- cycle at {LEVEL} conns >= {TARGET_SHARE_OF_SET:.0%} of the one-SET servlet, median of the "
                   f"paired rounds: {median_share:.1%} {verdict(median_share >= TARGET_SHARE_OF_SET)}")
    elif cycle and set_:
        share = cycle["rps"] / set_["rps"]
        out.append(f"- cycle at {LEVEL} conns >= {TARGET_SHARE_OF_SET:.0%} of the one-SET servlet: "
                   f"{share:.1%} {verdict(share >= TARGET_SHARE_OF_SET)}")
    for name in ("post", "get", "cycle"):
        r = find(rows, name)
        if r:
            out.append(f"- {name.upper()} p99 at {LEVEL} conns < {TARGET_P99_MS:g} ms: {fmt(r['p99'], 2)} ms "
                       f"{verdict(r['p99'] < TARGET_P99_MS)}")
    errors = sum(r["errors"] or 0 for r in rows)
    out.append(f"- zero errors everywhere: {errors} {verdict(errors == 0)}")
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

#!/usr/bin/env python3
"""Reads the Markdown rows `custody bench` printed and prints, per question, every engine's warm median
next to Oxigraph's, with the ratio Oxigraph time / engine time (above 1 means faster than Oxigraph).

usage: compare.py RESULTS.md [MORE.md ...]
"""
import sys

rows = {}
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0] in ("memory", "TDB2"):
            store, question, engine, count, cold, warm = cells
            name = "Oxigraph" if engine.startswith("oxigraph") else f"{engine} ({store})"
            rows.setdefault(question, {})[name] = (float(warm), cold, count)

columns = ["plain ARQ (memory)", "custody-kg, no cache (memory)", "custody-kg facade (answer cache) (memory)",
           "plain ARQ (TDB2)", "custody-kg, no cache (TDB2)", "custody-kg facade (answer cache) (TDB2)"]
print("| question | rows | Oxigraph warm ms | " + " | ".join(f"{c} warm ms (× vs Oxigraph)" for c in columns) + " |")
print("|---|---:|---:|" + "---:|" * len(columns))
for question in sorted(rows):
    engines = rows[question]
    oxigraph = engines.get("Oxigraph")
    cells = []
    for column in columns:
        if column not in engines:
            cells.append("–")
            continue
        warm = engines[column][0]
        ratio = f" ({oxigraph[0] / warm:.2f}×)" if oxigraph and warm > 0 else ""
        cells.append(f"{warm:.5f}{ratio}" if warm < 0.01 else f"{warm:.3f}{ratio}")
    count = next(iter(engines.values()))[2]
    print(f"| {question} | {count} | {oxigraph[0]:.3f} | " if oxigraph else f"| {question} | {count} | – | ", end="")
    print(" | ".join(cells) + " |")

print()
cold_columns = ["custody-kg, no cache (memory)", "custody-kg, no cache (TDB2)"]
print("| question | Oxigraph cold ms | " + " | ".join(f"{c} cold ms (× vs Oxigraph)" for c in cold_columns) + " |")
print("|---|---:|" + "---:|" * len(cold_columns))
for question in sorted(rows):
    engines = rows[question]
    oxigraph = engines.get("Oxigraph")
    oxigraph_cold = float(oxigraph[1].replace(",", "")) if oxigraph else None
    cells = []
    for column in cold_columns:
        if column not in engines:
            cells.append("–")
            continue
        cold = float(engines[column][1].replace(",", ""))
        cells.append(f"{cold:.1f}" + (f" ({oxigraph_cold / cold:.2f}×)" if oxigraph_cold and cold > 0 else ""))
    print(f"| {question} | " + (f"{oxigraph_cold:.1f}" if oxigraph_cold else "–") + " | " + " | ".join(cells) + " |")

#!/usr/bin/env python3
"""Prints a Gatling HTML report's statistics table as Markdown (reports/load_test.md is made from it).

Gatling 3.15 writes no stats.json; the numbers are the cells of the report's statistics table in index.html.
Usage: python3 src/load/gatling_table.py [target/gatling/<run>/]   (default: the newest run)
"""
import glob
import html
import os
import re
import sys

COLUMNS = {2: "count", 4: "errors", 6: "req/s", 8: "p50 ms", 10: "p95 ms", 11: "p99 ms", 12: "max ms", 13: "mean ms"}


def rows(index_html):
    """(name, cells) per row; a request inside a group is named 'group / request'. Group rows are the group's
    cumulated response time per execution (one action: one or two requests)."""
    names = {}
    for match in re.finditer(r'<tr id="([^"]+)"(?: data-parent="([^"]*)")?[^>]*>(.*?)</tr>', index_html, re.S):
        row_id, parent, body = match.groups()
        name = re.search(r'class="ellipsed-name">([^<]*)</span>', body)
        cells = dict((int(c), v.strip()) for c, v in
                     re.findall(r'<td class="value [a-z ]*col-(\d+)">([^<]*)</td>', body))
        if name and cells:
            label = html.unescape(name.group(1))
            if parent and parent != "ROOT" and parent in names:
                label = names[parent] + " / " + label
            names[row_id] = label
            yield label, cells


def main():
    run = sys.argv[1] if len(sys.argv) > 1 else max(glob.glob("target/gatling/*/"), key=os.path.getmtime)
    with open(os.path.join(run, "index.html"), encoding="utf-8") as f:
        table = list(rows(f.read()))
    print("| request | " + " | ".join(COLUMNS.values()) + " |")
    print("|---|" + "---:|" * len(COLUMNS))
    for name, cells in table:
        label = "**all requests**" if name == "All Requests" else name
        print(f"| {label} | " + " | ".join(cells.get(c, "") for c in COLUMNS) + " |")


if __name__ == "__main__":
    main()

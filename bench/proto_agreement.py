#!/usr/bin/env python3
"""Set difference of (rule, file, line) between buf's and accord's findings for
one corpus pair and one category. Used by bench/proto-agreement.sh; prints a
short report and, on its last line, the number of differences."""
import json
import re
import sys

rules_path, buf_path, accord_path, category, pair, old_dir, new_dir, files_path = sys.argv[1:9]
own_files = set(open(files_path).read().split())


def kebab(buf_id):
    return "proto." + buf_id.lower().replace("_", "-")


in_category = set()
for line in open(rules_path):
    line = line.strip()
    if line:
        r = json.loads(line)
        if category in r["categories"]:
            in_category.add(kebab(r["id"]))


def relative(path):
    for side in ("new/", "old/"):  # buf, run from the pair's directory
        if path.startswith(side):
            return path[len(side):]
    for root in (new_dir, old_dir):
        if path.startswith(root.rstrip("/") + "/"):
            return path[len(root.rstrip("/")) + 1:]
    return path


def first_quoted(message):
    m = re.search(r'"([^"]*)"', message)
    return m.group(1) if m else message


buf, buf_errors = set(), []
for line in open(buf_path):
    line = line.strip()
    if not line:
        continue
    try:
        j = json.loads(line)
    except ValueError:
        buf_errors.append(line)
        continue
    if j.get("type") == "COMPILE":
        buf_errors.append("%s:%s: %s" % (j.get("path"), j.get("start_line"), j.get("message")))
        continue
    rule = kebab(j["type"])
    if rule not in in_category:
        continue
    if "path" in j:
        path = relative(j["path"])
        if path not in own_files:
            continue
        buf.add((rule, path, int(j.get("start_line") or 1)))
    else:
        buf.add((rule, "-", first_quoted(j["message"])))

accord, accord_error = set(), None
try:
    findings = json.load(open(accord_path))["findings"]
except (ValueError, KeyError, OSError):
    findings, accord_error = [], open(accord_path.replace(".json", ".err")).read().strip()
for f in findings:
    new = f.get("new")
    if new:
        path = relative(new["file"])
        if path not in own_files:
            continue
        accord.add((f["rule"], path, new.get("line") or 1))  # a whole-file place is line 1 in buf
    else:
        old = f.get("old") or {}
        if old and relative(old["file"]) not in own_files:
            continue
        accord.add((f["rule"], "-", first_quoted(f["message"])))

only_buf, only_accord = sorted(buf - accord, key=str), sorted(accord - buf, key=str)
print("%-34s %-9s buf %5d  accord %5d  only-buf %4d  only-accord %4d" %
      (pair, category, len(buf), len(accord), len(only_buf), len(only_accord)))
if buf_errors:
    print("  buf could not build: %s%s" % (buf_errors[0][:200], " (+%d more)" % (len(buf_errors) - 1) if len(buf_errors) > 1 else ""))
if accord_error:
    print("  accord: " + accord_error[:300])
for tag, items in (("only buf   ", only_buf), ("only accord", only_accord)):
    for item in items[:8]:
        print("  %s %s %s:%s" % (tag, item[0], item[1], item[2]))
    if len(items) > 8:
        print("  %s ... %d more" % (tag, len(items) - 8))
print(len(only_buf) + len(only_accord))

#!/usr/bin/env python3
"""Checks the committed goldens against the corpus, with plain CPython (no JAX, no network).

    python3 conformance-tests/tools/check_goldens.py

For every page of conformance-tests/corpus/pages.json: its golden file exists, its header names
the versions it was recorded with (jax, jaxlib, flax, python, platform: present, non-empty), and
its examples are exactly the page's examples (same count, and per example the same kind,
section, line and source), so the goldens cannot silently drift from the corpus. Exit code 1 on
any problem. (record_flax_goldens.py --check, by contrast, re-runs real Flax.)
"""

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the tools folder free of __pycache__
from corpus_pages import load_pages  # noqa: E402

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "goldens"
VERSION_FIELDS = ("jax", "jaxlib", "flax", "python", "platform")
ALIGNED_FIELDS = ("kind", "section", "line", "source")


def problems_of(page, golden_path):
    if not golden_path.exists():
        return [f"{golden_path.name}: missing"]
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    problems = [f"{golden_path.name}: header lacks {field!r}" for field in VERSION_FIELDS
                if not isinstance(golden.get(field), str) or not golden[field]]
    examples = golden.get("examples", [])
    if len(examples) != len(page.examples):
        problems.append(f"{golden_path.name}: {len(examples)} examples recorded, the page has {len(page.examples)}")
    for index, (recorded, example) in enumerate(zip(examples, page.examples)):
        wrong = [f for f in ALIGNED_FIELDS if recorded.get(f) != getattr(example, f)]
        if wrong:
            problems.append(f"{golden_path.name}: example {index} differs from the page in {wrong}")
    return problems


def main():
    problems = [p for page in load_pages() for p in problems_of(page, GOLDEN_DIR / f"{page.name}.json")]
    for problem in problems:
        print(problem, file=sys.stderr)
    print("check_goldens: " + ("ok" if not problems else f"{len(problems)} problems"), file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

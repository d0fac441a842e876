#!/usr/bin/env python3
"""Extracts the doctest examples of Flax docstrings into corpus data files.

A developer tool, run from the repository root:

    python3 conformance-tests/tools/extract_flax_docstrings.py          # (re)write the files
    python3 conformance-tests/tools/extract_flax_docstrings.py --check  # verify they are current

It reads the Flax source files installed in the pinned venv (see recorder_env.py), i.e. exactly
what `pip install flax==0.12.8` gives, and writes conformance-tests/corpus/<module>.txt for each
module in MODULES. Each file starts with a header of `#` lines naming the source and licence,
then one section per docstring that has `>>>` examples, in source order:

    === flax.linen.module.Module.param (flax/linen/module.py line 1851) ===

    >>> ...the examples, verbatim, dedented; expected output kept; prose left out...

The docstrings are found as `pytest --doctest-modules` finds them (doctest.DocTestFinder on the
module: objects defined in that module, classes recursed into). After writing, every section is
parsed again and must give exactly the examples of its docstring (source, expected output,
options, line offsets aside).
"""

import argparse
import hashlib
import sys

sys.dont_write_bytecode = True  # keep the tools folder free of __pycache__
from corpus_pages import CORPUS_DIR, sections  # noqa: E402
from recorder_env import enter_pinned_venv  # noqa: E402

MODULES = [
    "flax.linen.module",
    "flax.linen.linear",
    "flax.linen.recurrent",
    "flax.linen.combinators",
    "flax.linen.stochastic",
    "flax.linen.initializers",
    "flax.core.frozen_dict",
]
SECTION_PREFIX = "=== "


def docstring_tests(module):
    """The doctests of `module` with examples, each with the source line of its first example."""
    import doctest
    import inspect
    source_lines = inspect.getsource(module).splitlines()
    tests = [t for t in doctest.DocTestFinder().find(module, module.__name__) if t.examples]
    located = [(first_example_line(t, module, source_lines), t) for t in tests]
    return sorted(located, key=lambda pair: pair[0])


def first_example_line(test, module, source_lines):
    """1-based line of the test's first example in the module source: the first line holding it
    at or after the start of the documented object's definition (several docstrings share
    examples, so the definition decides)."""
    import inspect
    first = test.examples[0].source.splitlines()[0].strip()
    start = inspect.getsourcelines(documented_object(test.name, module))[1]
    for i in range(start - 1, len(source_lines)):
        if source_lines[i].strip() == ">>> " + first:
            return i + 1
    raise ValueError(f"{test.name}: first example not found after line {start}")


def documented_object(name, module):
    """The function or class whose docstring doctest reported as `name` (decorators unwrapped)."""
    import inspect
    obj = module
    for part in name[len(module.__name__) + 1:].split("."):
        obj = vars(obj)[part] if part in vars(obj) else getattr(obj, part)
    if isinstance(obj, property):
        obj = obj.fget
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    return inspect.unwrap(obj)


def examples_text(test):
    """The lines of the test's examples as written in the docstring (prompts, continuation lines
    and expected output), dedented, found with the very pattern doctest parses examples with.
    Examples adjacent in the docstring stay adjacent; any prose between two examples becomes
    one blank line. Comment-only `>>>` lines, which doctest skips, are kept."""
    import doctest
    lines, previous_end = [], None
    for match in doctest.DocTestParser._EXAMPLE_RE.finditer(test.docstring):
        if previous_end is not None and match.start() != previous_end:
            lines.append("")
        indent = len(match.group("indent"))
        lines += [line[indent:] for line in match.group(0).splitlines()]
        previous_end = match.end()
    return lines


def header(module):
    import importlib.metadata as metadata
    import inspect
    path = module.__name__.replace(".", "/") + ".py"
    digest = hashlib.sha256(inspect.getsource(module).encode("utf-8")).hexdigest()
    return [
        f"# Doctest examples from the docstrings of {path}, extracted for flaxj's conformance suite.",
        f"# Source: https://github.com/google/flax, file {path}, Flax {metadata.version('flax')} as",
        "#   installed by `pip install flax==0.12.8` (the PyPI wheel; see SOURCES.md for the repository",
        f"#   commit). SHA-256 of that source file: {digest}",
        "# Copyright The Flax Authors. Licensed under the Apache License, Version 2.0",
        "#   (http://www.apache.org/licenses/LICENSE-2.0); this file is a verbatim excerpt.",
        "# Extracted by conformance-tests/tools/extract_flax_docstrings.py: one section per docstring,",
        f"#   in source order, each opened by a line '{SECTION_PREFIX}<qualified name> (<file> line <n>) ===';",
        "#   the `>>>` examples and their expected output are verbatim (dedented); prose is left out",
        "#   (a blank line stands where there was prose).",
        "#   Run each section as `pytest --doctest-modules` runs a docstring: in a fresh copy of the",
        f"#   globals of the module {module.__name__}.",
    ]


def render(module):
    path = module.__name__.replace(".", "/") + ".py"
    lines = header(module)
    tests = docstring_tests(module)
    for line_no, test in tests:
        lines += ["", f"{SECTION_PREFIX}{test.name} ({path} line {line_no}) ===", ""]
        lines += examples_text(test)
    text = "\n".join(lines) + "\n"
    verify(text, [t for _, t in tests])
    return text


def verify(text, tests):
    import doctest
    parser = doctest.DocTestParser()
    found = sections(text)
    if len(found) != len(tests):
        raise AssertionError(f"{len(found)} sections for {len(tests)} docstrings")
    for (title, _, body), test in zip(found, tests):
        if not title.startswith(test.name + " "):
            raise AssertionError(f"section {title!r} does not belong to {test.name}")
        again = parser.get_examples(body)
        key = lambda e: (e.source, e.want, e.exc_msg, e.options)  # noqa: E731
        if [key(e) for e in again] != [key(e) for e in test.examples]:
            raise AssertionError(f"{test.name}: re-parsed examples differ from the docstring's")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a corpus file is not current")
    args = parser.parse_args()
    enter_pinned_venv(__file__)
    import importlib
    stale = 0
    for name in MODULES:
        module = importlib.import_module(name)
        text = render(module)
        target = CORPUS_DIR / f"{name}.txt"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target}: not current", file=sys.stderr)
                stale += 1
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{target}: {text.count(chr(10) + SECTION_PREFIX)} docstrings", file=sys.stderr)
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()

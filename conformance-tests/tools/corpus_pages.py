"""Reading the conformance corpus: the page table and the examples of each page, in run order.

Plain CPython (no JAX needed). The page table is conformance-tests/corpus/pages.json; each entry
names a file, its format and how its examples share namespaces:

  format "doctest": `>>>` examples, parsed with doctest.DocTestParser. With namespace "page" the
    whole file is one doctest (one namespace); with namespace "section" the file is cut at lines
    "=== <title> ===" and each section runs in a fresh namespace.
  format "sphinx": an .rst page run as `sphinx-build -M doctest` runs it for the default group:
    the group's setup code (the page's global_setup, then every `testsetup` block in page order)
    first, then every `testcode` block in page order (compared with the `testoutput` block right
    after it, if any), then every `testcleanup` block; one namespace for the page.
"""

import doctest
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
SECTION_RE = re.compile(r"^=== (.+) ===$")
DIRECTIVE_RE = re.compile(r"^(?P<indent>\s*)\.\. (?P<name>testsetup|testcode|testoutput|testcleanup|doctest)::\s*(?P<args>.*)$")
OPTION_RE = re.compile(r"^\s+:(?P<name>[\w-]+):\s*(?P<value>.*)$")
IGNORED_OPTIONS = {"hide", "trim-doctest-flags", "no-trim-doctest-flags"}


@dataclass
class Example:
    """One unit of execution: a `>>>` example or one Sphinx block."""
    kind: str                # "doctest", "global_setup", "testsetup", "testcode" or "testcleanup"
    source: str
    want: str                # expected output ("" when none)
    exc_msg: str | None      # expected exception line, doctest style, or None
    options: dict            # doctest option flags set or cleared on this example
    line: int                # 1-based line of the first source line in the page (0: global setup)
    section: str | None      # title of the namespace this example runs in, None for the page
    mode: str                # compile mode: "single" for `>>>` examples, "exec" for Sphinx blocks


@dataclass
class Page:
    name: str
    file: str
    format: str
    namespace: str
    globals: str             # "module:<dotted name>" (a copy of its globals) or "empty"
    optionflags: list
    global_setup: str = ""
    examples: list = field(default_factory=list)

    def flags(self):
        result = 0
        for name in self.optionflags:
            result |= doctest.OPTIONFLAGS_BY_NAME[name]
        return result


def load_pages(corpus_dir=CORPUS_DIR):
    table = json.loads((corpus_dir / "pages.json").read_text(encoding="utf-8"))
    pages = []
    for entry in table["pages"]:
        page = Page(entry["name"], entry["file"], entry["format"], entry["namespace"],
                    entry["globals"], entry["optionflags"], entry.get("global_setup", ""))
        text = (corpus_dir / page.file).read_text(encoding="utf-8")
        page.examples = parse(page, text)
        pages.append(page)
    return pages


def parse(page, text):
    if page.format == "doctest":
        if page.namespace == "page":
            return doctest_examples(text, 1, None)
        return [e for title, start, body in sections(text) for e in doctest_examples(body, start, title)]
    if page.format == "sphinx":
        return sphinx_examples(page, text)
    raise ValueError(f"{page.name}: unknown format {page.format!r}")


def sections(text):
    """(title, first body line number, body) of each "=== title ===" section; text before the
    first section (the file header) is dropped."""
    result, title, start, body = [], None, 0, []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        match = SECTION_RE.match(line.rstrip("\n"))
        if match:
            if title is not None:
                result.append((title, start, "".join(body)))
            title, start, body = match.group(1), number + 1, []
        elif title is not None:
            body.append(line)
    if title is not None:
        result.append((title, start, "".join(body)))
    return result


def doctest_examples(text, first_line, section):
    return [Example("doctest", e.source, e.want, e.exc_msg, e.options, first_line + e.lineno, section, "single")
            for e in doctest.DocTestParser().get_examples(text)]


# ---------------------------------------------------------------- Sphinx pages

def sphinx_examples(page, text):
    setups, tests, cleanups = [], [], []
    if page.global_setup:
        setups.append(Example("global_setup", page.global_setup, "", None, {}, 0, None, "exec"))
    for name, options, content, line in directives(page.name, text):
        if name == "testoutput":
            if not tests or tests[-1].want:
                raise ValueError(f"{page.name} line {line}: testoutput without a testcode before it")
            flags = dict(parse_option_flags(options.get("options", "")), **{doctest.DONT_ACCEPT_BLANKLINE: True})
            match = doctest.DocTestParser._EXCEPTION_RE.match(content)
            tests[-1].want = content + "\n" if content else ""
            tests[-1].exc_msg = match.group("msg") if match else None
            tests[-1].options = flags
            continue
        example = Example(name, content + "\n", "", None, {}, line, None, "exec")
        {"testsetup": setups, "testcode": tests, "testcleanup": cleanups}[name].append(example)
    return setups + tests + cleanups


def directives(page_name, text):
    """(name, options, dedented content, line of the content's first line) per test directive."""
    lines = text.splitlines()
    result = []
    i = 0
    while i < len(lines):
        match = DIRECTIVE_RE.match(lines[i])
        if not match:
            if lines[i].lstrip().startswith(">>>"):
                raise ValueError(f"{page_name} line {i + 1}: doctest blocks outside directives are not supported")
            i += 1
            continue
        name, indent = match.group("name"), len(match.group("indent"))
        if name == "doctest" or match.group("args").strip() not in ("", "default"):
            raise ValueError(f"{page_name} line {i + 1}: '{lines[i].strip()}' is not supported")
        i += 1
        options = {}
        while i < len(lines) and OPTION_RE.match(lines[i]):
            option = OPTION_RE.match(lines[i])
            if option.group("name") not in IGNORED_OPTIONS | {"options"}:
                raise ValueError(f"{page_name} line {i + 1}: option :{option.group('name')}: is not supported")
            options[option.group("name")] = option.group("value")
            i += 1
        body_start = i
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
            i += 1
        body = lines[body_start:i]
        while body and not body[0].strip():
            body, body_start = body[1:], body_start + 1
        while body and not body[-1].strip():
            body = body[:-1]
        margin = min(len(b) - len(b.lstrip()) for b in body if b.strip()) if body else 0
        result.append((name, options, "\n".join(b[margin:] for b in body), body_start + 1))
    return result


def parse_option_flags(text):
    """Doctest option flags written as '+ELLIPSIS -NORMALIZE_WHITESPACE' -> {flag: bool}."""
    flags = {}
    for item in text.replace(",", " ").split():
        if item[0] not in "+-" or item[1:] not in doctest.OPTIONFLAGS_BY_NAME:
            raise ValueError(f"bad doctest option {item!r}")
        flags[doctest.OPTIONFLAGS_BY_NAME[item[1:]]] = item[0] == "+"
    return flags

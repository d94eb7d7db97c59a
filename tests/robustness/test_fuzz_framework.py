"""Fuzzing framework files: a mutated framework either loads, or is refused with InvalidFramework /
UserFacingError - never any other exception - and one that loads always validates.

Sources: the shipped frameworks (forms/*.json) and the tests' mini framework.  Mutations work on the
JSON tree (keys deleted or renamed, values replaced by random JSON or by edge values - zero, negative,
huge, NaN, Infinity, empty or long text - types changed, items duplicated or moved so codes clash and
sums break) and on the text (flipped, inserted, deleted bytes; truncation).  "Loads" means
`parse_framework` returned; then `validate` finds no error, and the canonical form parses back to
the same framework (same SHA-256) - the form packages and workspaces store it in.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cchc_desktop.core.errors import InvalidFramework, UserFacingError
from cchc_desktop.core.framework.canonical import canonical_bytes
from cchc_desktop.core.framework.load import load_framework, parse_framework
from cchc_desktop.core.framework.validate import validate

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for p in (ROOT / "forms").glob("*.json") if not p.name.endswith(".schema.json")) + [
    ROOT / "tests" / "data" / "mini_framework.json"
]
DOCS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SOURCES}

EDGE = st.sampled_from([
    0, -1, 1, 0.5, 0.25, 0.1, 1e-30, 1e30, 10**40, -(10**40), math.nan, math.inf, -math.inf, -0.0, 2**63,
    "", " ", "0", "1", "-1", "abc", "x" * 5000, "yes_no", "choice", "percent_tiers", "ratio_tiers", "deduction",
    "manual", "council", "survey", "bonus", "penalty", "exclude", "full", "xa", "so", "huyen", True, False, None,
    [], {}, [{}], {"kind": "yes_no"}, {"min": 100, "max": 0, "points": 1},
])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["code", "title", "max", "rule", "kind", "children", "points", "min", "max_inclusive",
                         "options", "key", "label", "tiers", "step", "not_applicable", "mode", "evidence"])
        | st.text(max_size=6), children, max_size=4),
    max_leaves=10,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, prefix + (i,))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for k in path:
        doc = doc[k]
    return doc


@st.composite
def tree_mutation(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent, key = _get(doc, path[:-1]), path[-1]
        op = draw(st.sampled_from(["delete", "replace", "edge", "edge", "retype", "rename", "duplicate", "move", "scale"]))
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(JSON)
        elif op == "edge":
            parent[key] = draw(EDGE)
        elif op == "retype":
            v = parent[key]
            parent[key] = (str(v) if not isinstance(v, str) else [v]) if not isinstance(v, (dict, list)) else json.dumps(v)
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["code", "max", "rule", "children", "kind", "title"]) | st.text(max_size=6))] = \
                parent.pop(key)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[key]))
        elif op == "move":  # a subtree moved under another list (children of another item, tiers, options ...)
            lists = [p for p in _paths(doc) if isinstance(_get(doc, p), list) and p[: len(path)] != path]
            if lists:
                target = _get(doc, draw(st.sampled_from(lists)))
                target.insert(draw(st.integers(0, len(target))), parent.pop(key))
        elif op == "scale" and isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
            parent[key] = parent[key] * draw(st.sampled_from([0, -1, 2, 10, 0.5, 1000, 1.0001]))
    return doc


@st.composite
def text_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if op == "flip":
            out[pos] ^= draw(st.integers(1, 255))
        elif op == "insert":
            out[pos:pos] = draw(st.sampled_from([b",", b"}", b"]", b'"', b"\\", b"NaN", b"1e999", b"\x00", b"\xff",
                                                  b"\xc3", b"[" * 200, b"-"]) | st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del out[pos:pos + draw(st.integers(1, 16))]
        else:
            del out[pos:]
    return bytes(out)


def note(text: str) -> None:
    try:
        event(text)
    except Exception:  # noqa: BLE001 - outside a hypothesis test (the unmutated sources)
        pass


def check(data: bytes) -> None:
    """Loads and validates, or refuses with a user-facing error; anything else fails the test."""
    try:
        fw, _warnings = parse_framework(data)
    except InvalidFramework as exc:
        assert exc.problems and all(p.vi and p.en for p in exc.problems)
        note("refused: InvalidFramework")
        return
    except UserFacingError as exc:
        assert exc.vi and exc.en
        note("refused: UserFacingError")
        return
    note("loaded")
    errors = [p for p in validate(fw) if not p.warning]
    assert not errors, [f"{p.where}: {p.en}" for p in errors]
    again, _ = parse_framework(canonical_bytes(fw))
    assert again.sha256 == fw.sha256


FUZZ = settings(max_examples=80, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("name", sorted(DOCS))
def test_mutated_framework_trees_load_or_are_refused(name: str) -> None:
    doc = DOCS[name]
    examples = 150 if name == "mini_framework.json" else 60

    @settings(FUZZ, max_examples=examples)
    @given(mutated=tree_mutation(doc))
    def one(mutated: dict[str, Any]) -> None:
        check(json.dumps(mutated, ensure_ascii=False, allow_nan=True).encode("utf-8"))

    one()


@pytest.mark.parametrize("name", sorted(DOCS))
def test_mutated_framework_texts_load_or_are_refused(name: str) -> None:
    data = json.dumps(DOCS[name], ensure_ascii=False, indent=1).encode("utf-8")

    @settings(FUZZ, max_examples=40)
    @given(mutated=text_mutation(data))
    def one(mutated: bytes) -> None:
        check(mutated)

    one()


@FUZZ
@given(doc=JSON)
def test_random_json_documents_are_refused(doc: Any) -> None:
    check(json.dumps(doc, allow_nan=True).encode("utf-8"))


@settings(FUZZ, max_examples=30)
@given(mutated=tree_mutation(DOCS["mini_framework.json"]))
def test_load_framework_from_a_file_loads_or_refuses(tmp_path_factory: pytest.TempPathFactory, mutated: dict[str, Any]) -> None:
    """The file path the CLI and the GUI use: the same contract through `load_framework`."""
    path = tmp_path_factory.mktemp("fw") / "khung.json"
    path.write_text(json.dumps(mutated, ensure_ascii=False, allow_nan=True), encoding="utf-8")
    try:
        fw = load_framework(path)
    except UserFacingError:
        return
    assert not [p for p in validate(fw) if not p.warning]


def test_the_sources_load_unmutated() -> None:
    for p in SOURCES:
        check(p.read_bytes())

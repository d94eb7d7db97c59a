"""The frameworks shipped in forms/: each loads cleanly, has a realistic shape and a stable identity."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest

from cchc_desktop.core.framework.canonical import canonical_bytes, document_of, dumps
from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.framework.model import RULE_KINDS, Framework, Item, NaMode, Scorer

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"
SCHEMA_PATH = FORMS_DIR / "framework.schema.json"
MINI = ROOT / "tests" / "data" / "mini_framework.json"
FORMS = sorted(p for p in FORMS_DIR.glob("*.json") if p != SCHEMA_PATH)


def _load(path: Path) -> Framework:
    fw, _warnings = parse_framework(path.read_bytes())
    return fw


def _tree(fw: Framework) -> Iterator[Item]:
    """The items of the tree (fields and below), without the adjustments."""
    for f in fw.fields:
        yield from f.walk()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _reversed_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reversed_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed_keys(v) for v in value]
    return value


def test_forms_are_shipped() -> None:
    levels = {_load(p).level.value for p in FORMS}
    assert {"so", "xa"} <= levels


@pytest.fixture(params=FORMS, ids=[p.name for p in FORMS])
def form(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_loads_without_errors_or_warnings(form: Path) -> None:
    fw, warnings = parse_framework(form.read_bytes())
    assert warnings == []
    assert len(fw.sha256) == 64


def test_size_is_realistic(form: Path) -> None:
    fw = _load(form)
    items = list(_tree(fw))
    criteria = [i for i in items if i.depth == 2]
    sub_criteria = [i for i in items if i.depth == 3]
    assert 7 <= len(fw.fields) <= 8
    assert 30 <= len(criteria) <= 45
    assert 50 <= len(sub_criteria) <= 100
    assert max(i.depth for i in items) == 3


def test_total_is_100(form: Path) -> None:
    fw = _load(form)
    assert fw.total == Decimal(100)
    assert sum((f.max_points for f in fw.fields), Decimal(0)) == Decimal(100)


def test_has_survey_points(form: Path) -> None:
    fw = _load(form)
    survey = sum((i.max_points for i in _tree(fw) if i.is_leaf and i.scorer is Scorer.SURVEY), Decimal(0))
    assert Decimal(30) <= survey <= Decimal(50)


def test_every_rule_kind_is_used(form: Path) -> None:
    fw = _load(form)
    used = {i.rule.kind for i in fw.leaves() if i.rule is not None}
    assert used == set(RULE_KINDS)
    assert fw.bonus_cap > 0 and fw.penalty_cap > 0


def test_both_not_applicable_modes_are_used(form: Path) -> None:
    fw = _load(form)
    modes = {i.na_mode for i in fw.walk() if i.na_mode is not None}
    assert modes == {NaMode.FULL, NaMode.EXCLUDE}
    # not_applicable only has an effect on leaves
    assert all(i.is_leaf for i in fw.walk() if i.na_mode is not None)


def test_is_marked_as_sample(form: Path) -> None:
    doc = json.loads(form.read_text(encoding="utf-8"))
    assert doc["sample"] is True
    fw = _load(form)
    assert fw.sample is True
    assert fw.description


def test_evidence_hints(form: Path) -> None:
    fw = _load(form)
    agency_leaves = [i for i in _tree(fw) if i.is_leaf and i.scorer is Scorer.AGENCY]
    with_evidence = [i for i in agency_leaves if i.evidence.required]
    assert len(with_evidence) * 2 >= len(agency_leaves)
    assert all(i.evidence.hint for i in fw.walk() if i.evidence.required)


def test_every_string_is_nfc(form: Path) -> None:
    doc = json.loads(form.read_text(encoding="utf-8"))
    bad = [s for s in _strings(doc) if not unicodedata.is_normalized("NFC", s)]
    assert bad == []


def test_hash_is_stable_across_reserialisation(form: Path) -> None:
    fw = _load(form)
    doc = json.loads(form.read_text(encoding="utf-8"))
    other = json.dumps(_reversed_keys(doc), indent=7, ensure_ascii=True)
    assert other != form.read_text(encoding="utf-8")
    assert parse_framework(other)[0].sha256 == fw.sha256
    compact = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    assert parse_framework(compact.encode("utf-8"))[0].sha256 == fw.sha256


def test_canonical_form_reads_back_to_the_same_hash(form: Path) -> None:
    fw = _load(form)
    again, warnings = parse_framework(canonical_bytes(fw))
    assert warnings == []
    assert again.sha256 == fw.sha256


def test_file_is_pretty_printed_utf8(form: Path) -> None:
    raw = form.read_bytes()
    text = raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- JSON Schema (optional dependency)


def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(validator: Any, doc: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_form_matches_schema(form: Path) -> None:
    validator = _validator()
    assert _errors(validator, json.loads(form.read_text(encoding="utf-8"))) == []


def test_canonical_document_matches_schema(form: Path) -> None:
    validator = _validator()
    doc = json.loads(dumps(document_of(_load(form))))
    assert _errors(validator, doc) == []


def test_mini_framework_matches_schema() -> None:
    validator = _validator()
    assert _errors(validator, json.loads(MINI.read_text(encoding="utf-8"))) == []


def test_schema_refuses_unknown_version_and_misplaced_rules() -> None:
    validator = _validator()
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    assert _errors(validator, {**doc, "format_version": 2})
    bad_adjustment = {**doc, "adjustments": [{"code": "T.1", "title": "x", "max": 1, "rule": {"kind": "manual"}}]}
    assert _errors(validator, bad_adjustment)
    bad_field = dict(doc)
    bad_field["fields"] = [dict(doc["fields"][0], rule={"kind": "yes_no"})] + doc["fields"][1:]
    assert _errors(validator, bad_field)

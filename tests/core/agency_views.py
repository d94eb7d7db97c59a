"""Helpers shared by the agency service tests: reopen a workspace, read raw rows, and the view
of an assessment used for undo/redo/reopen comparisons."""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.core.services.agency import AgencyWorkspace

from ..conftest import fixed_clock


def reopen(ws: AgencyWorkspace) -> AgencyWorkspace:
    ws.close()
    return AgencyWorkspace.open(ws.folder, clock=fixed_clock, actor="test")


def rows(ws: AgencyWorkspace, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def view(ws: AgencyWorkspace) -> dict[str, Any]:
    """What the user sees of the assessment (not the log): for undo/redo/reopen comparisons."""
    return {
        "answers": ws.answers(),
        "states": {i.code: ws.state_of(i.code) for i in ws.framework.walk()},
        "score": ws.score(),
        "evidence_for": {
            i.code: sorted((e.document.id, e.pages) for e in ws.evidence_for(i.code))
            for i in ws.framework.walk()
        },
        # Documents backing at least one item (an undone first attach keeps its document row for
        # redo: see test_undo_of_attaching_a_new_file_gives_back_the_package_size).
        "citations": {d.id: d.citation for d in ws.documents() if d.links},
        "db_answers": rows(
            ws, "SELECT item_code, value_json, not_applicable, na_reason, note FROM answers ORDER BY 1"
        ),
        "db_links": rows(ws, "SELECT document_id, item_code, pages FROM evidence_links ORDER BY 1, 2"),
        "db_citations": rows(
            ws,
            "SELECT id, doc_type, number_symbol, issue_date, issuer, excerpt FROM evidence_documents "
            "WHERE id IN (SELECT document_id FROM evidence_links) ORDER BY 1",
        ),
    }

"""Found by the crash soak's GUI driver: selecting an item can overwrite its explanation (thuyết minh).

The driver checks after every step that the GUI saved only what the user did.  It caught this: tick
"not applicable" on one item (the focus goes to its reason field), then go to another item without
clicking into the tree - "Vấn đề tiếp theo" (F8 or its toolbar button), a jump from the problems list,
or any selection made by the program - and the explanation of the item you arrive at is replaced by
the explanation of the previous item (or erased, when that one had none).  The user typed nothing;
their text is gone.
"""

from __future__ import annotations

from typing import Any

import pytest

@pytest.mark.parametrize("how", ["select the item", "next problem (F8)"])
def test_going_to_an_item_keeps_its_explanation_after_another_was_marked_not_applicable(
        qtbot: Any, agency_ws: Any, how: str) -> None:
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    leaves = [i.code for i in agency_ws.framework.walk() if i.is_leaf]
    for code in leaves:  # every item has an explanation the user wrote
        agency_ws.set_note(code, f"Thuyết minh của mục {code}")
    agency_ws.set_value("2.2", True)
    ops = AgencyOperations(agency_ws)
    window = AgencyWindow(ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def settle() -> None:
        qtbot.waitUntil(lambda: not ops.runner.busy, timeout=10000)

    try:
        window.select_item("2.2")
        settle()
        window.editor.na_check.setChecked(True)  # the user ticks "Không phát sinh khiếu nại"
        settle()
        assert ops.snapshot.state_of("2.2").not_applicable
        if how == "select the item":
            window.select_item("1.1.1")  # what the problems list does when an entry is clicked
        else:
            window.next_action.trigger()  # F8 / the toolbar button "Vấn đề tiếp theo"
        settle()
        qtbot.wait(50)
        settle()
        arrived = window.editor.item.code
        assert arrived != "2.2"
        with AgencyWorkspace.open(agency_ws.folder) as fresh:  # what is on disk
            stored = {code: fresh.state_of(code).note for code in leaves}
        changed = {code: note for code, note in stored.items() if note != f"Thuyết minh của mục {code}"}
        assert not changed, f"arrived at {arrived}; explanations now: {changed}"
    finally:
        window.close()
        ops.runner.shutdown()

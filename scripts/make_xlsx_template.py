"""Regenerate forms/template-khung-tieu-chi.xlsx, the Excel template a province fills.

    .venv/bin/python scripts/make_xlsx_template.py [OUT.xlsx]

The template has the layout `cchc framework import-xlsx` reads (docs/framework-excel.md): the
sheet "Bộ tiêu chí" with example rows showing each way of writing scoring lines, the sheet
"Thông tin" (metadata and categories) and the sheet "Hướng dẫn" (how to fill it).  As shipped, the
examples form a small valid framework: importing the template as-is works (a test checks it).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cchc_desktop.core.excel.framework_write import (  # noqa: E402
    ROW_BOLD,
    ROW_FIELD,
    ROW_PLAIN,
    Styles,
    save_workbook,
    write_table,
)
from cchc_desktop.core.excel.info_sheet import write_info  # noqa: E402
from cchc_desktop.core.excel.layout import GUIDE_SHEET, INFO_SHEET, MAIN_SHEET  # noqa: E402
from cchc_desktop.core.framework.model import Category, Framework, LegalBasis, Level  # noqa: E402

OUT = REPO / "forms" / "template-khung-tieu-chi.xlsx"

META = Framework(
    id="vi-du-xa-2026",
    title="Bộ tiêu chí xác định Chỉ số cải cách hành chính của UBND cấp xã năm 2026 (ví dụ để điền)",
    level=Level.COMMUNE,
    year=2026,
    total=Decimal(10),
    categories=(
        Category("tot", "Tốt", Decimal(80)),
        Category("kha", "Khá", Decimal(65)),
        Category("trung_binh", "Trung bình", Decimal(50)),
        Category("yeu", "Yếu", Decimal(0)),
    ),
    fields=(),
    bonus_cap=Decimal("0.5"),
    penalty_cap=Decimal("0.5"),
    legal_basis=LegalBasis("123/QĐ-UBND (ví dụ)", "2025-12-15", "Ủy ban nhân dân tỉnh (ví dụ)"),
    sample=True,
    description="Ví dụ để điền: thay các dòng ví dụ của trang “Bộ tiêu chí” bằng bộ tiêu chí của tỉnh, "
    "sửa các thông tin trên trang này, rồi nhập bằng lệnh cchc framework import-xlsx.",
)

ROWS: list[tuple[str, list[Any]]] = [
    (ROW_FIELD, ["I", "Công tác chỉ đạo, điều hành cải cách hành chính", 5, "", "", ""]),
    (ROW_BOLD, ["1.1", "Kế hoạch cải cách hành chính năm", 2, "", "", ""]),
    (ROW_PLAIN, ["1.1.1", "Ban hành kế hoạch cải cách hành chính năm", 1,
                 "Ban hành đúng hạn: 1\nBan hành chậm: 0,5\nKhông ban hành: 0",
                 "Kế hoạch CCHC năm (số ký hiệu, ngày ban hành)",
                 "Thời hạn ban hành theo văn bản của UBND tỉnh."]),
    (ROW_PLAIN, ["1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính năm", 1,
                 "Từ 90% trở lên: 1\nTừ 70% đến dưới 90%: 0,5\nDưới 70%: 0",
                 "Báo cáo kết quả thực hiện kế hoạch, có phụ lục từng nhiệm vụ", ""]),
    (ROW_PLAIN, ["1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", 1,
                 "Trừ 0,25 điểm/lần báo cáo chậm, tối thiểu 0",
                 "Các báo cáo đã gửi (số ký hiệu, ngày gửi)", ""]),
    (ROW_PLAIN, ["1.3", "Tuyên truyền cải cách hành chính", 1, "Đạt: 1; Không đạt: 0",
                 "Kế hoạch, bài viết, hình ảnh tuyên truyền", ""]),
    (ROW_PLAIN, ["1.4", "Sáng kiến, mô hình mới về cải cách hành chính", 1, "Tự chấm 0–1, bước 0,5",
                 "(không bắt buộc) Quyết định công nhận sáng kiến, nếu có",
                 "Mỗi sáng kiến được cấp có thẩm quyền công nhận: 0,5 điểm."]),
    (ROW_FIELD, ["II", "Cải cách thủ tục hành chính", 4, "", "", ""]),
    (ROW_PLAIN, ["2.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 2,
                 "Tỷ lệ = Số hồ sơ giải quyết đúng hạn / Tổng số hồ sơ đã giải quyết\n"
                 "Bằng 100%: 2\nTừ 90% đến dưới 100%: 1\nDưới 90%: 0\n"
                 "Không phát sinh hồ sơ: không tính vào điểm tối đa",
                 "Báo cáo thống kê trên Hệ thống thông tin giải quyết thủ tục hành chính", ""]),
    (ROW_PLAIN, ["2.2", "Xin lỗi tổ chức, cá nhân khi để hồ sơ quá hạn", 1, "",
                 "Thư xin lỗi đã gửi", "Các mức điểm ghi mỗi mức một dòng ngay bên dưới (cột Mã để trống)."]),
    (ROW_PLAIN, ["", "- Xin lỗi đầy đủ, đúng quy định", 1, "", "", ""]),
    (ROW_PLAIN, ["", "- Có xin lỗi nhưng chưa đầy đủ", 0.5, "", "", ""]),
    (ROW_PLAIN, ["", "- Không xin lỗi", 0, "", "", ""]),
    (ROW_PLAIN, ["", "", None, "Không có hồ sơ quá hạn: tính đủ điểm", "", ""]),
    (ROW_PLAIN, ["2.3", "Kết quả kiểm tra công tác cải cách hành chính của tỉnh", 1,
                 "Hội đồng thẩm định chấm, bước 0,5", "Biên bản kiểm tra", ""]),
    (ROW_FIELD, ["III", "Điều tra xã hội học", 1, "", "", ""]),
    (ROW_PLAIN, ["3.1", "Mức độ hài lòng của người dân, tổ chức", 1, "Điều tra xã hội học", "", ""]),
    (ROW_BOLD, ["", "Tổng cộng", 10, "", "", ""]),
    (ROW_BOLD, ["", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", None, "", "", ""]),
    (ROW_PLAIN, ["T.1", "Được cấp có thẩm quyền khen thưởng về cải cách hành chính", 0.5,
                 "Điểm thưởng, bước 0,5", "Quyết định khen thưởng", ""]),
    (ROW_PLAIN, ["TR.1", "Bị cấp có thẩm quyền phê bình về cải cách hành chính", 0.5,
                 "Điểm trừ, bước 0,5", "(không bắt buộc) Văn bản phê bình", ""]),
]

FOOTNOTES = [
    "Ghi chú: cách điền xem trang “Hướng dẫn”. Các dòng trên là ví dụ: thay bằng bộ tiêu chí của tỉnh.",
]

GUIDE = [
    "CÁCH ĐIỀN MẪU BỘ TIÊU CHÍ",
    "Trang “Thông tin”: mã, tên, cấp đánh giá (so / xa / huyen), năm, quyết định ban hành, tổng điểm, điểm "
    "thưởng và điểm trừ tối đa, bản mẫu (Có/Không); bên dưới là các xếp loại, mỗi xếp loại một dòng, từ cao "
    "xuống thấp, ngưỡng (%) giảm dần, xếp loại thấp nhất từ 0.",
    "Trang “Bộ tiêu chí”, cột “Mã”: lĩnh vực ghi số La Mã (I, II, III…), tiêu chí 1.1, 1.2…, tiêu chí thành phần "
    "1.1.1, 1.1.2… Nên định dạng cột Mã là Văn bản (Text) để Excel không đổi 2.10 thành 2.1. Điểm thưởng ghi "
    "mã T.1, T.2…, điểm trừ TR.1, TR.2…, đặt dưới dòng “ĐIỂM THƯỞNG, ĐIỂM TRỪ”.",
    "Cột “Điểm tối đa”: số, có thể có phần thập phân (0,5; 0,25). Điểm tối đa của một mục bằng tổng điểm các "
    "mục con; tổng các lĩnh vực bằng tổng điểm trên trang “Thông tin”.",
    "Cột “Cách chấm”: mỗi dòng một mức điểm, dạng “nội dung: điểm”. Các cách ghi được hiểu:",
    "  • Theo mức: “Ban hành đúng hạn: 1”, “Ban hành chậm: 0,5”, “Không ban hành: 0”.",
    "  • Theo tỷ lệ: “Từ 90% trở lên: 2”, “Trên 90%: 2”, “Từ 70% đến dưới 90%: 1”, “70-90%: 1”, "
    "“Dưới 70%: 0”, “Bằng 100%: 1”. Các mức phải phủ kín 0-100% và không chồng nhau.",
    "  • Tỷ lệ tính từ hai số: thêm dòng “Tỷ lệ = Số hồ sơ đúng hạn / Tổng số hồ sơ đã giải quyết”.",
    "  • Đạt / không đạt: “Đạt: 1; Không đạt: 0” hoặc “Có: 1; Không: 0”.",
    "  • Trừ điểm: “Trừ 0,25 điểm/lần vi phạm, tối thiểu 0”.",
    "  • Tự chấm trong khoảng: “Tự chấm 0–2, bước 0,5”.",
    "  • Hội đồng thẩm định chấm: “Hội đồng thẩm định chấm”; điều tra xã hội học: “Điều tra xã hội học”.",
    "  • Không phát sinh: “Không phát sinh hồ sơ: tính đủ điểm” hoặc “…: không tính vào điểm tối đa”.",
    "  Các mức cũng có thể ghi mỗi mức một dòng ngay dưới tiêu chí, cột Mã để trống (như mục 2.2).",
    "  Dòng nào không hiểu được, ứng dụng báo ô đó (ví dụ Bộ tiêu chí!D17) và tạm cho chấm tự do trong điểm tối đa.",
    "Cột “Tài liệu kiểm chứng”: ghi tài liệu cần nộp (khi có nội dung, tài liệu là bắt buộc); ghi "
    "“(không bắt buộc) …” nếu chỉ là gợi ý. Cột “Ghi chú”: hướng dẫn chấm hiện bên cạnh ô nhập.",
    "Nhập vào ứng dụng: cchc framework import-xlsx TỆP.xlsx -o bo-tieu-chi.json. Lỗi được báo theo trang, "
    "dòng và cột (ví dụ “Bộ tiêu chí, dòng 17, cột C”).",
]


def build_template() -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    st = Styles()
    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET
    write_table(ws, st, "BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CẤP XÃ NĂM 2026",
                "(Kèm theo Quyết định số …/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh …) — MẪU ĐỂ ĐIỀN",
                ROWS, FOOTNOTES)
    write_info(wb.create_sheet(INFO_SHEET), META, st)
    guide = wb.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 120
    for i, text in enumerate(GUIDE, 1):
        cell = guide.cell(i, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = st.bold if i == 1 else st.normal
    st.page(guide, landscape=False, title_rows=None)
    import datetime as dt

    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    wb.properties.creator = "CCHC Desktop"
    return wb


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    save_workbook(build_template(), out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

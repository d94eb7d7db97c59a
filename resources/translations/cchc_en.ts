<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/rule_inputs.py" line="+157"/>
        <source>ví dụ 92,5</source>
        <translation>e.g. 92.5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>số nguyên, ví dụ 0</source>
        <translation>whole number, e.g. 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 đến {mx}</source>
        <translation>0 to {mx}</translation>
    </message>
</context>
<context>
    <name>AgencyOperations</name>
    <message>
        <location filename="../../cchc_desktop/gui/operations.py" line="+59"/>
        <source>Đã lưu lúc {t}</source>
        <translation>Saved at {t}</translation>
    </message>
</context>
<context>
    <name>AgencyWindow</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/agency_window.py" line="+46"/>
        <source>CCHC Desktop — Tự đánh giá Chỉ số CCHC — {name} ({year})</source>
        <translation>CCHC Desktop — PAR Index self-assessment — {name} ({year})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — năm {year} — {fw}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — year {year} — {fw}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tìm tiêu chí (Ctrl+F)…</source>
        <translation>Find a criterion (Ctrl+F)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tiêu chí</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Mọi thay đổi được lưu tự động ngay khi nhập.</source>
        <translation>Every change is saved automatically as soon as it is entered.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>⚠ Bộ tiêu chí có chữ ký của tỉnh nhưng ghi là BẢN MẪU, không phải bộ tiêu chí chính thức.</source>
        <translation>⚠ The framework is signed by the province but marked as a SAMPLE, not the official framework.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Đang dùng BỘ TIÊU CHÍ MẪU đi kèm ứng dụng, không phải bộ tiêu chí chính thức do tỉnh ban hành (không có chữ ký, chưa được xác minh).</source>
        <translation>⚠ Using a SAMPLE FRAMEWORK shipped with the application, not the official framework issued by the province (unsigned, not verified).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Bộ tiêu chí CHƯA CÓ CHỮ KÝ của tỉnh, chưa được xác minh: có thể không đúng bộ tiêu chí tỉnh đã ban hành. Hãy xin Sở Nội vụ tệp bộ tiêu chí có chữ ký (.cchc).</source>
        <translation>⚠ The framework is NOT SIGNED by the province and was not verified: it may differ from the framework the province issued. Ask the Department of Home Affairs for the signed framework file (.cchc).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+67"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Vấn đề tiếp theo</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm tài liệu…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất gói nộp…</source>
        <translation>Export submission…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo không gian làm việc mới…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở không gian làm việc…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bắt đầu năm mới từ năm trước…</source>
        <translation>Start the new year from the previous one…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa nộp lần nào. Khi hoàn tất, chọn “Xuất gói nộp…” (Ctrl+E).</source>
        <translation>Not submitted yet. When done, choose “Export submission…” (Ctrl+E).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Đã xuất gói nộp lần {n}. Nội dung đã nộp được lưu nguyên vẹn.</source>
        <translation>✔ Submission {n} exported. What was submitted is kept unchanged.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nộp lần {n}; các thay đổi từ đó sẽ vào lần nộp thứ {m}.</source>
        <translation>Submission {n} sent; changes since then go into submission {m}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vấn đề ({n})</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã xuất gói</source>
        <translation>Package exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã xuất lần nộp thứ {n}:
{path}

Dung lượng: {size}. Hãy gửi tệp này cho cơ quan thẩm định (USB, thư điện tử hoặc phần mềm nhắn tin).</source>
        <translation>Submission {n} exported:
{path}

Size: {size}. Send this file to the appraisal body (USB stick, e-mail or a chat app).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Đã bắt đầu năm mới</source>
        <translation>New year started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã tạo kết quả tự đánh giá năm {year} từ năm {old} (năm {old} vẫn được giữ để xem lại).
Mang sang {notes} thuyết minh và {docs} tài liệu kiểm chứng cho {n} tiêu chí; các tiêu chí này cần được xác nhận (xem danh sách Vấn đề). Kết quả chấm không mang sang.</source>
        <translation>The {year} self-assessment was created from {old} ({old} is kept for reference).
Carried over {notes} explanations and {docs} evidence documents for {n} criteria; these criteria must be confirmed (see the Problems list). Results are not carried over.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đang sao chép “{name}”…</source>
        <translation>Copying “{name}”…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Không còn vấn đề nào.</source>
        <translation>No problems left.</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/citation.py" line="+17"/>
        <source>Trích dẫn tài liệu kiểm chứng</source>
        <translation>Evidence citation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ví dụ 3604/QĐ-UBND</source>
        <translation>e.g. 3604/QĐ-UBND</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trích yếu nội dung</source>
        <translation>summary of the content</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ: trang 2, mục II.1</source>
        <translation>e.g. page 2, section II.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại văn bản:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số, ký hiệu:</source>
        <translation>Number and symbol:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày ban hành:</source>
        <translation>Date of issue:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan ban hành:</source>
        <translation>Issuing authority:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trích yếu:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trang/mục chứng minh:</source>
        <translation>Supporting pages/sections:</translation>
    </message>
</context>
<context>
    <name>ComboInput</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/rule_inputs.py" line="-115"/>
        <source>— Chưa nhập —</source>
        <translation>— Not entered —</translation>
    </message>
</context>
<context>
    <name>CriteriaTreeModel</name>
    <message>
        <location filename="../../cchc_desktop/gui/models/criteria_tree.py" line="+45"/>
        <source>Điểm thưởng, điểm trừ</source>
        <translation>Bonus and penalty points</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Chưa nhập</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần bổ sung</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HĐTĐ chấm</source>
        <translation>Council scores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điều tra XHH</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã nhập</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="extra_strings.py" line="+13"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tự chấm</source>
        <translation>Self-score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/evidence_panel.py" line="+57"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kéo thả tệp vào đây hoặc bấm “Thêm tệp…”. Một tệp dùng cho nhiều tiêu chí chỉ lưu một lần.</source>
        <translation>Drag and drop files here or click “Add file…”. A file used for several criteria is stored only once.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thêm tệp…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng tài liệu đã có…</source>
        <translation>Use existing document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa trích dẫn…</source>
        <translation>Edit citation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở ngoài</source>
        <translation>Open externally</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gỡ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Trang/mục chứng minh: </source>
        <translation>Supporting pages/sections: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cũng dùng cho: </source>
        <translation>Also used for: </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chọn tài liệu kiểm chứng</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tài liệu (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods);;Mọi tệp (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods);;All files (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dùng tài liệu đã có</source>
        <translation>Use existing document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tài liệu:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trang/mục chứng minh</source>
        <translation>Supporting pages/sections</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trang hoặc mục chứng minh cho tiêu chí này:</source>
        <translation>Pages or sections that support this criterion:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/export_package.py" line="+33"/>
        <source>Xuất gói hồ sơ có chữ ký số</source>
        <translation>Export the signed package</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gói (.cchc) chứa kết quả tự đánh giá, thuyết minh, tài liệu kiểm chứng và chữ ký số của cơ quan. Đây là lần nộp thứ &lt;b&gt;{n}&lt;/b&gt;; sau khi xuất, nội dung đã nộp được lưu nguyên vẹn.</source>
        <translation>The package (.cchc) holds the self-assessment, explanations, evidence and the agency&apos;s digital signature. This is submission &lt;b&gt;{n}&lt;/b&gt;; once exported, what was submitted is kept unchanged.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tệp khóa .p12 của cơ quan</source>
        <translation>the agency&apos;s .p12 key file</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Tệp khóa ký:</source>
        <translation>Signing key file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu tệp khóa:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lưu gói tại:</source>
        <translation>Save the package as:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dung lượng dự kiến: khoảng {size}</source>
        <translation>Expected size: about {size}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Còn {n} vấn đề chưa xử lý.&lt;/b&gt; Nên xử lý hết trước khi nộp.</source>
        <translation>&lt;b&gt;{n} problems remain.&lt;/b&gt; Resolve them before submitting if you can.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tôi vẫn nộp, kèm danh sách các vấn đề trên</source>
        <translation>Submit anyway, with the problems above listed</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn tệp khóa</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp khóa (*.p12 *.pfx)</source>
        <translation>Key files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lưu gói</source>
        <translation>Save the package</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gói hồ sơ (*.cchc)</source>
        <translation>Packages (*.cchc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hãy chọn tệp khóa ký (.p12).</source>
        <translation>Choose the signing key file (.p12).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Còn vấn đề chưa xử lý: hãy xử lý, hoặc đánh dấu ô “Tôi vẫn nộp…”.</source>
        <translation>Problems remain: resolve them, or tick “Submit anyway…”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp “{name}” đã tồn tại; hãy chọn tên khác.</source>
        <translation>“{name}” already exists; choose another name.</translation>
    </message>
</context>
<context>
    <name>FrameworkSourceBox</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/framework_source.py" line="+65"/>
        <source>Bộ tiêu chí mẫu đi kèm ứng dụng</source>
        <translation>Sample framework shipped with the application</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+143"/>
        <source> (mẫu)</source>
        <translation> (sample)</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Chọn tệp bộ tiêu chí chưa ký (.json)…</source>
        <translation>Choose an unsigned framework file (.json)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tôi hiểu tệp này chưa có chữ ký của tỉnh và vẫn muốn dùng</source>
        <translation>I understand this file is not signed by the province and want to use it anyway</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp bộ tiêu chí có chữ ký của tỉnh (.cchc)</source>
        <translation>Framework file signed by the province (.cchc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tệp .cchc do Sở Nội vụ gửi</source>
        <translation>.cchc file sent by the Department of Home Affairs</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Tệp bộ tiêu chí:</source>
        <translation>Framework file:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chứng thư của tỉnh (.crt), hoặc thư mục chứa chứng thư và CRL</source>
        <translation>the province certificate (.crt), or a folder with the certificate and CRL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chứng thư của tỉnh:</source>
        <translation>Province certificate:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vẫn dùng dù chưa kiểm tra được chứng thư của tỉnh có bị thu hồi hay không</source>
        <translation>Use it even though the province certificate&apos;s revocation status could not be checked</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+129"/>
        <source>⚠ Bộ tiêu chí mẫu, không phải bộ chính thức.</source>
        <translation>⚠ A sample framework, not the official one.</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>⚠ Tệp này chưa có chữ ký của tỉnh: không xác minh được đây đúng là bộ tiêu chí tỉnh đã ban hành. Nên xin Sở Nội vụ tệp có chữ ký (.cchc).</source>
        <translation>⚠ This file is not signed by the province: it cannot be verified to be the framework the province issued. Ask the Department of Home Affairs for the signed file (.cchc).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hãy chọn tệp bộ tiêu chí có chữ ký (.cchc) và chứng thư của tỉnh; tệp phải được xác minh hợp lệ.</source>
        <translation>Choose the signed framework file (.cchc) and the province certificate; the file must verify as valid.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa kiểm tra được tình trạng thu hồi chứng thư của tỉnh: hãy đánh dấu ô “Vẫn dùng…” nếu chắc chắn, hoặc lấy danh sách thu hồi (CRL) mới nhất của tỉnh.</source>
        <translation>The province certificate&apos;s revocation status could not be checked: tick “Use it even though…” if you are sure, or get the province&apos;s latest revocation list (CRL).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hãy chọn bộ tiêu chí.</source>
        <translation>Choose a framework.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp bộ tiêu chí này chưa có chữ ký của tỉnh. Hãy dùng tệp có chữ ký (.cchc), hoặc đánh dấu ô xác nhận vẫn dùng tệp chưa ký.</source>
        <translation>This framework file is not signed by the province. Use the signed file (.cchc), or tick the box to use the unsigned file anyway.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn tệp bộ tiêu chí</source>
        <translation>Choose a framework file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bộ tiêu chí (*.json)</source>
        <translation>Frameworks (*.json)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chọn tệp bộ tiêu chí có chữ ký</source>
        <translation>Choose the signed framework file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bộ tiêu chí có chữ ký (*.cchc);;Mọi tệp (*)</source>
        <translation>Signed frameworks (*.cchc);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn chứng thư của tỉnh</source>
        <translation>Choose the province certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư (*.crt *.pem *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.crt *.pem *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>✖ Không dùng được tệp này.</source>
        <translation>✖ This file cannot be used.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ Chữ ký hợp lệ: bộ tiêu chí “{title}” (năm {year}) do {signer} ký ngày {when}; nội dung không bị sửa đổi sau khi ký.</source>
        <translation>✔ Valid signature: the framework “{title}” ({year}) was signed by {signer} on {when}; its content has not changed since.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Chưa kiểm tra được chứng thư của tỉnh có bị thu hồi hay không (thiếu danh sách thu hồi CRL còn hiệu lực).</source>
        <translation>⚠ Whether the province certificate was revoked could not be checked (no current revocation list, CRL).</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/inspection_window.py" line="+39"/>
        <source>Kết quả nhập gói</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nhận {ok}/{n} gói. Gói bị từ chối không được lưu vào không gian làm việc.</source>
        <translation>Accepted {ok} of {n} packages. Refused packages are not stored in the workspace.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✔ {name}: đã nhập {who}lần nộp {seq}</source>
        <translation>✔ {name}: imported {who}submission {seq}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• {name}: đã nhập từ trước ({who}lần nộp {seq})</source>
        <translation>• {name}: already imported ({who}submission {seq})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✘ {name}: bị từ chối</source>
        <translation>✘ {name}: refused</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location line="+18"/>
        <source>CCHC Desktop — Hội đồng thẩm định — {fw}</source>
        <translation>CCHC Desktop — Appraisal council — {fw}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chấp nhận cả gói chưa kiểm tra được tình trạng thu hồi chứng thư (không có CRL còn hiệu lực)</source>
        <translation>Also accept packages whose certificate revocation cannot be checked (no current CRL)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lần nộp</source>
        <translation>Submission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nhận lúc</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tự chấm (khai)</source>
        <translation>Self-score (claimed)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tính lại</source>
        <translation>Recomputed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập gói…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập cả thư mục / USB…</source>
        <translation>Import a folder / USB stick…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở không gian làm việc…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;{fw}&lt;/b&gt; — năm {year}. Đã nhận {n} gói của {a} cơ quan. Nhập gói bằng nút “Nhập gói…” hoặc cả thư mục/USB.</source>
        <translation>&lt;b&gt;{fw}&lt;/b&gt; — year {year}. {n} packages received from {a} agencies. Import with “Import packages…” or a whole folder/USB stick.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hợp lệ</source>
        <translation>valid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hợp lệ, chưa kiểm tra thu hồi</source>
        <translation>valid, revocation not checked</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chọn gói hồ sơ</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gói hồ sơ CCHC (*.cchc)</source>
        <translation>CCHC packages (*.cchc)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn thư mục hoặc USB chứa các gói</source>
        <translation>Choose the folder or USB stick holding the packages</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Đang kiểm tra và nhập gói…</source>
        <translation>Verifying and importing packages…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang kiểm tra: {name}</source>
        <translation>Verifying: {name}</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/item_editor.py" line="+70"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thuyết minh và tài liệu mang sang vẫn đúng cho năm nay</source>
        <translation>The carried-over explanation and evidence still hold for this year</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Xóa kết quả</source>
        <translation>Clear result</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lý do không áp dụng / không phát sinh (bắt buộc)</source>
        <translation>Reason it does not apply / did not arise (required)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Thuyết minh&lt;/b&gt; (giải thích kết quả; bắt buộc khi thiếu tài liệu kiểm chứng)</source>
        <translation>&lt;b&gt;Explanation&lt;/b&gt; (explain the result; required when evidence is missing)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhập thuyết minh…</source>
        <translation>Enter an explanation…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;h3&gt;Chọn một tiêu chí ở cây bên trái&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Select a criterion in the tree on the left&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Điểm tối đa: &lt;b&gt;{mx}&lt;/b&gt;</source>
        <translation>Maximum points: &lt;b&gt;{mx}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Cách chấm:&lt;/b&gt; </source>
        <translation>&lt;b&gt;How it is scored:&lt;/b&gt; </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tài liệu kiểm chứng yêu cầu: </source>
        <translation>Required evidence: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không áp dụng / không phát sinh trong năm</source>
        <translation>Not applicable / did not arise during the year</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Điểm do Hội đồng thẩm định chấm.</source>
        <translation>Points are awarded by the appraisal council.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điểm lấy từ kết quả điều tra xã hội học.</source>
        <translation>Points are taken from the sociological survey results.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa nhập kết quả.</source>
        <translation>No result entered yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tự chấm: &lt;b&gt;{p}&lt;/b&gt; / {mx} điểm</source>
        <translation>Self-score: &lt;b&gt;{p}&lt;/b&gt; / {mx} points</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thuyết minh và tài liệu kiểm chứng mang sang từ năm {y}: cần xác nhận còn đúng cho năm nay.</source>
        <translation>Explanation and evidence carried over from {y}: confirm they still hold for this year.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>(Chưa lưu giá trị này.)</source>
        <translation>(This value was not saved.)</translation>
    </message>
    <message>
        <location filename="extra_strings.py" line="+5"/>
        <source>ví dụ 92,5</source>
        <translation>e.g. 92.5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>số nguyên, ví dụ 0</source>
        <translation>whole number, e.g. 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 đến {mx}</source>
        <translation>0 to {mx}</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/new_workspace.py" line="+33"/>
        <source>Tạo không gian làm việc — CCHC Desktop</source>
        <translation>Create a workspace — CCHC Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Chào mừng!&lt;/b&gt; Hãy tạo không gian làm việc để tự đánh giá Chỉ số CCHC của cơ quan.&lt;br&gt;Mọi dữ liệu nằm trong thư mục bạn chọn (có thể là USB); không cần kết nối mạng.</source>
        <translation>&lt;b&gt;Welcome!&lt;/b&gt; Create a workspace to self-assess your agency’s PAR Index.&lt;br&gt;All data stays in the folder you choose (it can be on a USB drive); no network connection is needed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thư mục lưu:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bộ tiêu chí:</source>
        <translation>Criteria set:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ XA-001</source>
        <translation>e.g. XA-001</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ UBND xã Cam Hải</source>
        <translation>e.g. UBND xã Cam Hải</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã cơ quan:</source>
        <translation>Agency code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên cơ quan:</source>
        <translation>Agency name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Năm đánh giá:</source>
        <translation>Assessment year:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chọn thư mục trống</source>
        <translation>Choose an empty folder</translation>
    </message>
</context>
<context>
    <name>NextYearDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/next_year.py" line="+16"/>
        <source>Bắt đầu năm mới từ năm trước</source>
        <translation>Start the new year from the previous one</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tạo kết quả tự đánh giá năm mới trong cùng không gian làm việc; năm {year} vẫn được giữ nguyên để xem lại.&lt;br&gt;Với các tiêu chí có &lt;b&gt;mã và tên giống năm trước&lt;/b&gt;, thuyết minh và tài liệu kiểm chứng được mang sang và đánh dấu &lt;b&gt;“cần xác nhận”&lt;/b&gt;. Kết quả chấm &lt;b&gt;không&lt;/b&gt; mang sang.</source>
        <translation>Creates the new year&apos;s self-assessment in the same workspace; {year} is kept unchanged for reference.&lt;br&gt;For criteria with &lt;b&gt;the same code and title as last year&lt;/b&gt;, explanations and evidence are carried over and marked &lt;b&gt;“to confirm”&lt;/b&gt;. Results are &lt;b&gt;not&lt;/b&gt; carried over.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Bắt đầu năm mới</source>
        <translation>Start the new year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bộ tiêu chí này dành cho năm {y}; năm mới phải sau năm {cur}.</source>
        <translation>This framework is for {y}; the new year must come after {cur}.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/preview.py" line="+15"/>
        <source>Xem tài liệu: {name}</source>
        <translation>View document: {name}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Không xem trước được loại tệp này trong ứng dụng. Hãy dùng nút “Mở ngoài” để mở bằng ứng dụng khác.</source>
        <translation>This type of file cannot be previewed in the application. Use the “Open externally” button to open it in another application.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/problems_panel.py" line="+38"/>
        <source>{n} vấn đề cần xử lý trước khi nộp. Nhấn Enter hoặc bấm đúp để đến tiêu chí.</source>
        <translation>Problems to resolve before submitting: {n}. Press Enter or double-click to go to the criterion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không còn vấn đề nào. Có thể lập báo cáo và nộp hồ sơ.</source>
        <translation>No problems left. You can now prepare the report and submit the dossier.</translation>
    </message>
</context>
<context>
    <name>RatioInput</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/rule_inputs.py" line="+68"/>
        <source>Tỷ lệ</source>
        <translation>Ratio</translation>
    </message>
</context>
<context>
    <name>RuleInput</name>
    <message>
        <location line="+34"/>
        <source>{label} ({pts} đ)</source>
        <translation>{label} ({pts} pts)</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/score_panel.py" line="+24"/>
        <source>Đã nhập %v/%m</source>
        <translation>Entered %v/%m</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tự chấm: {p} / {mx} điểm ({pct}%)</source>
        <translation>Self-score: {p} / {mx} points ({pct}%)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Điểm tối đa của bộ tiêu chí: {total}; áp dụng cho cơ quan: {app}; cơ quan tự chấm được: {ass} (phần còn lại do Hội đồng thẩm định và điều tra xã hội học chấm).
Điểm thưởng {b}, điểm trừ {pen}.</source>
        <translation>Maximum points of the criteria set: {total}; applicable to the agency: {app}; self-scored by the agency: {ass} (the rest is scored by the appraisal council and the sociological survey).
Bonus points {b}, penalty points {pen}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Xếp loại dự kiến: &lt;b&gt;{c}&lt;/b&gt;</source>
        <translation>Projected category: &lt;b&gt;{c}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tài liệu: {size}</source>
        <translation>Evidence: {size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — quá 25 MB, khó gửi qua thư điện tử</source>
        <translation> — over 25 MB, hard to send by email</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../cchc_desktop/gui/app.py" line="+118"/>
        <source>Mở không gian làm việc</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn thư mục trống cho không gian làm việc mới</source>
        <translation>Choose an empty folder for the new workspace</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../cchc_desktop/gui/errors.py" line="+20"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lỗi phần mềm</source>
        <translation>Software error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu trước đó vẫn an toàn.
Hãy gửi phần “Chi tiết” cho bộ phận hỗ trợ.</source>
        <translation>An unexpected error occurred. Data saved before it is still safe.
Please send the “Details” part to the support team.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
</context>
</TS>

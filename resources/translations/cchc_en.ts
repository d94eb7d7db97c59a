<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/rule_inputs.py" line="+165"/>
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
    <name>AboutDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/about.py" line="+68"/>
        <source>Giới thiệu CCHC Desktop</source>
        <translation>About CCHC Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h2&gt;CCHC Desktop {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;CCHC Desktop {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tự đánh giá và thẩm định Chỉ số cải cách hành chính (Chỉ số CCHC), không cần kết nối mạng.</source>
        <translation>Self-assessment and appraisal of the administrative reform index (PAR Index), with no network needed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không gian làm việc:</source>
        <translation>Workspace:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hội đồng thẩm định</source>
        <translation>Appraisal council</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan tự đánh giá</source>
        <translation>Self-assessing agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bộ tiêu chí:</source>
        <translation>Framework:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xác minh bộ tiêu chí:</source>
        <translation>Framework verification:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư tin cậy:</source>
        <translation>Trusted certificates:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mã băm bộ tiêu chí:</source>
        <translation>Framework hash:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thành phần:</source>
        <translation>Components:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hệ điều hành:</source>
        <translation>Operating system:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>Không tìm thấy tệp giấy phép “{name}”.</source>
        <translation>Licence file “{name}” not found.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Thư viện và giấy phép</source>
        <translation>Libraries and licences</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Giấy phép phông chữ DejaVu</source>
        <translation>DejaVu font licence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao chép thông tin</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đợt thẩm định chỉ nhận hồ sơ lập theo đúng bộ tiêu chí này (so khớp mã băm).</source>
        <translation>The round accepts only packages made with exactly this framework (matched by its hash).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Có chữ ký của tỉnh, đã xác minh (người ký: {signer}).</source>
        <translation>Signed by the province, verified (signer: {signer}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bộ tiêu chí MẪU đi kèm ứng dụng, không có chữ ký: không phải bộ tiêu chí chính thức.</source>
        <translation>The SAMPLE framework shipped with the application, unsigned: not the official framework.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có chữ ký của tỉnh, chưa được xác minh.</source>
        <translation>Not signed by the province, not verified.</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/round_setup.py" line="+99"/>
        <source>Danh sách cơ quan phải nộp hồ sơ trong đợt, nhập từ tệp Excel theo mẫu (cột Mã cơ quan, Tên cơ quan, Cấp). Tệp có dòng sai thì không thay đổi gì; lỗi từng dòng hiện bên dưới.</source>
        <translation>The agencies expected to submit in this round, imported from an Excel file made from the template (columns: agency code, name, level). A file with a bad row changes nothing; each bad row is listed below.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <source>Phải nộp</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nhập danh sách từ &amp;Excel…</source>
        <translation>&amp;Import the list from Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu tệp &amp;mẫu…</source>
        <translation>Save the tem&amp;plate…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chọn tệp danh sách cơ quan</source>
        <translation>Choose the agency list file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã nhập {n} cơ quan từ “{name}”.</source>
        <translation>Imported {n} agencies from “{name}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu tệp mẫu danh sách cơ quan</source>
        <translation>Save the agency list template</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã lưu tệp mẫu: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>AgencyOperations</name>
    <message>
        <location filename="../../cchc_desktop/gui/operations.py" line="+60"/>
        <source>Đã lưu lúc {t}</source>
        <translation>Saved at {t}</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="+171"/>
        <source>Thông tin cơ quan</source>
        <translation>Your agency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi vào không gian làm việc, vào chứng thư số và vào mọi hồ sơ gửi đi.</source>
        <translation>Recorded in the workspace, in the digital certificate and in every package sent.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ví dụ XA-001</source>
        <translation>e.g. XA-001</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&lt;b&gt;Mã cơ quan&lt;/b&gt; do Sở Nội vụ quy định (ví dụ XA-001): Hội đồng thẩm định dùng mã này để nhận ra hồ sơ của cơ quan, nên phải nhập đúng. Chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. &lt;b&gt;Tên cơ quan&lt;/b&gt; viết đầy đủ, có dấu (ví dụ {name}).</source>
        <translation>The &lt;b&gt;agency code&lt;/b&gt; is set by the Department of Home Affairs (e.g. XA-001): the appraisal council recognises your packages by it, so enter it exactly. Use only letters without accents, digits, dots, hyphens and underscores. Write the &lt;b&gt;agency name&lt;/b&gt; in full, with its accents (e.g. {name}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ví dụ {name}</source>
        <translation>e.g. {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã cơ quan:</source>
        <translation>Agency code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên cơ quan:</source>
        <translation>Agency name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấp:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Năm đánh giá:</source>
        <translation>Assessment year:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cấp và năm đánh giá lấy theo bộ tiêu chí đã chọn ở bước trước.</source>
        <translation>The level and the year come from the framework chosen in the previous step.</translation>
    </message>
</context>
<context>
    <name>AgencyWindow</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/agency_window.py" line="+55"/>
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
        <location line="+5"/>
        <source>Biểu đồ</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+117"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+116"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="-113"/>
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
        <location line="+3"/>
        <source>In báo cáo tự đánh giá…</source>
        <translation>Print the self-assessment report…</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+3"/>
        <source>Kết quả thẩm định và giải trình…</source>
        <translation>Appraisal results and rebuttal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt đầu năm mới từ năm trước…</source>
        <translation>Start the new year from the previous one…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tạo khóa ký số…</source>
        <translation>Create a signing key…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập chứng thư được cấp…</source>
        <translation>Import the issued certificate…</translation>
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
        <location line="+25"/>
        <source>Đã tạo khóa ký số</source>
        <translation>Signing key created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp khóa (giữ kín, nhớ mật khẩu): {p12}
Chứng thư tự ký: {crt}
Yêu cầu cấp chứng thư: {csr}

Gửi tệp .csr cho Sở Nội vụ; khi nhận được chứng thư, chọn “Tệp › Nhập chứng thư được cấp…”.</source>
        <translation>Key file (keep it secret, remember the passphrase): {p12}
Self-signed certificate: {crt}
Certificate request: {csr}

Send the .csr file to the Department of Home Affairs; when the certificate arrives, choose “File › Import the issued certificate…”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã nhập chứng thư</source>
        <translation>Certificate imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã đưa chứng thư do “{issuer}” cấp vào tệp khóa. Từ nay hồ sơ xuất ra được ký với chứng thư này.</source>
        <translation>The certificate issued by “{issuer}” is now in the key file. Packages exported from now on are signed with it.</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+43"/>
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
    <name>AppraisalEditor</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/appraisal_editor.py" line="+42"/>
        <source>Thẩm định</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đ&amp;iểm thẩm định:</source>
        <translation>Appraised p&amp;oints:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không á&amp;p dụng</source>
        <translation>Not a&amp;pplicable</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Lý do (bắt buộc khi khác điểm tự chấm):</source>
        <translation>Rea&amp;son (required when it differs from the self points):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lý do thẩm định, căn cứ tài liệu kiểm chứng…</source>
        <translation>Reason for the appraisal, based on the evidence…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đồng ý điểm tự chấm (Ctrl+D)</source>
        <translation>Accept the self points (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa thẩm định</source>
        <translation>Clear the appraisal</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>tự chấm: {p}</source>
        <translation>self: {p}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Điểm hợp lệ: {v}</source>
        <translation>Allowed points: {v}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>không áp dụng</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thẩm định vòng {round}: {who}, {at}.</source>
        <translation>Appraised in round {round}: {who}, {at}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan đã giải trình: lưu lại để thẩm định vòng 2.</source>
        <translation>The agency sent a rebuttal: save again to appraise round 2.</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/citation.py" line="+20"/>
        <source>Trích dẫn tài liệu kiểm chứng</source>
        <translation>Evidence citation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ví dụ {example}</source>
        <translation>e.g. {example}</translation>
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
    <message>
        <location line="+7"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
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
    <name>CouncilExportDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/council_export.py" line="+55"/>
        <source>Xuất báo cáo kết quả xếp hạng</source>
        <translation>Export the ranking reports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng xếp hạng Excel, báo cáo công bố kết quả (PDF, thể thức Nghị định 30/2020/NĐ-CP) và PDF kết quả thẩm định của từng cơ quan. Mỗi trang báo cáo công bố mang mã kiểm tra của kết quả xếp hạng; PDF của cơ quan mang mã gói kết quả đã ban hành, hoặc ghi “dự thảo”.</source>
        <translation>The ranking workbook (Excel), the publication report (PDF, Decree 30/2020/ND-CP layout) and each agency&apos;s appraisal PDF. Every page of the publication carries the ranking&apos;s check code; an agency&apos;s PDF carries the hash of the result package issued to it, or says “draft”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bảng xếp hạng Excel</source>
        <translation>Ranking workbook (Excel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo công bố PDF</source>
        <translation>Publication report (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF từng cơ quan (thư mục)</source>
        <translation>One PDF per agency (folder)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ví dụ: UBND TỈNH KHÁNH HÒA</source>
        <translation>e.g. UBND TỈNH KHÁNH HÒA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chủ quản:</source>
        <translation>Superior body:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ: HỘI ĐỒNG THẨM ĐỊNH</source>
        <translation>e.g. HỘI ĐỒNG THẨM ĐỊNH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan ban hành:</source>
        <translation>Issuing body:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>địa danh ở dòng ngày tháng; để trống để ghi tay</source>
        <translation>place on the date line; leave empty to write it by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa danh:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>họ tên người ký; để trống để ghi tay</source>
        <translation>signer&apos;s full name; leave empty to write it by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người ký:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xuất báo cáo</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Hãy chọn ít nhất một đầu ra: bảng xếp hạng Excel, báo cáo công bố PDF hoặc thư mục PDF từng cơ quan.</source>
        <translation>Choose at least one output: the ranking workbook, the publication PDF or a folder for one PDF per agency.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư mục “{folder}” không tồn tại; hãy chọn chỗ lưu khác.</source>
        <translation>Folder “{folder}” does not exist; choose another place.</translation>
    </message>
</context>
<context>
    <name>CouncilExportRunner</name>
    <message>
        <location line="+64"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Making the reports…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} PDF kết quả thẩm định ({issued} đã ban hành, {drafts} dự thảo) trong “{folder}”</source>
        <translation>{n} appraisal PDFs ({issued} issued, {drafts} drafts) in “{folder}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã tạo:
{files}

Mã kiểm tra kết quả xếp hạng (SHA-256):
{digest}</source>
        <translation>Written:
{files}

Ranking check code (SHA-256):
{digest}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Đã xuất báo cáo</source>
        <translation>Reports exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem báo cáo công bố PDF ngay?</source>
        <translation>Open the publication PDF now?</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/keys.py" line="+138"/>
        <source>Tạo khóa ký số</source>
        <translation>Create a signing key</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hồ sơ gửi Hội đồng thẩm định được ký bằng khóa bí mật của cơ quan. Khóa nằm trong một tệp .p12, được bảo vệ bằng mật khẩu: quên mật khẩu thì không dùng được khóa, và không ai khôi phục được.</source>
        <translation>Packages sent to the appraisal council are signed with the agency&apos;s private key. The key is kept in a .p12 file protected by a passphrase: forget the passphrase and the key cannot be used, and nobody can recover it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tạo khóa</source>
        <translation>Create the key</translation>
    </message>
</context>
<context>
    <name>CriteriaTreeModel</name>
    <message>
        <location filename="../../cchc_desktop/gui/models/criteria_tree.py" line="+46"/>
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
    <name>DashboardModel</name>
    <message>
        <location filename="../../cchc_desktop/gui/models/dashboard_model.py" line="+74"/>
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
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tự chấm</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm thẩm định</source>
        <translation>Appraised score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xếp loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khác biệt</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổng điểm cơ quan tự chấm (tính lại theo bộ tiêu chí của đợt)</source>
        <translation>The agency&apos;s self score (recomputed with the round&apos;s framework)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm sau thẩm định: tự chấm, thay bằng điểm thẩm định và điểm điều tra xã hội học</source>
        <translation>Score after appraisal: the self score, replaced by the appraised points and the survey points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ số CCHC = điểm thẩm định / điểm tối đa áp dụng × 100</source>
        <translation>Reform index = appraised score / applicable maximum × 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xếp loại theo ngưỡng của bộ tiêu chí</source>
        <translation>Category from the framework&apos;s cut-offs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiêu chí đã thẩm định / số tiêu chí phải thẩm định</source>
        <translation>Items appraised / items to appraise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiêu chí có điểm thẩm định khác điểm tự chấm</source>
        <translation>Items whose appraised points differ from the self points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số xung đột thẩm định chưa giải quyết</source>
        <translation>Unresolved appraisal conflicts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa nộp</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang thẩm định</source>
        <translation>In appraisal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã thẩm định</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giải trình</source>
        <translation>Rebuttal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả cuối cùng</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+73"/>
        <source> (vòng 2)</source>
        <translation> (round 2)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Tự chấm: {p} điểm = {pc}%</source>
        <translation>Self score: {p} points = {pc}%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{p} / {m} điểm tối đa áp dụng</source>
        <translation>{p} / {m} applicable maximum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa nhận được hồ sơ của cơ quan này</source>
        <translation>No submission received from this agency yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có điểm điều tra xã hội học</source>
        <translation>No survey points yet</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/council_dashboard.py" line="+42"/>
        <source>Tìm theo mã hoặc tên cơ quan (Ctrl+F)…</source>
        <translation>Find by agency code or name (Ctrl+F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thẩm định cơ quan đã chọn</source>
        <translation>Appraise the selected agency</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{n} cơ quan · {s} đã nộp · {d} đã thẩm định xong</source>
        <translation>{n} agencies · {s} submitted · {d} fully appraised</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="+276"/>
        <source>Đã tạo xong</source>
        <translation>All set</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bấm “Bắt đầu” để mở không gian làm việc.</source>
        <translation>Press “Start” to open the workspace.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Không gian làm việc: &lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>Workspace: &lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bước tiếp theo: nhập các tệp hồ sơ (.cchc) các cơ quan gửi lên bằng nút “Nhập gói…” hoặc “Nhập cả thư mục / USB…”.</source>
        <translation>Next: import the packages (.cchc) the agencies send, with “Import packages…” or “Import a folder / USB stick…”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp khóa (giữ kín, nhớ mật khẩu): {path}</source>
        <translation>Key file (keep it secret, remember the passphrase): {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư tự ký: {path}</source>
        <translation>Self-signed certificate: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Yêu cầu cấp chứng thư — gửi tệp này cho Sở Nội vụ:&lt;/b&gt; {path}</source>
        <translation>&lt;b&gt;Certificate request — send this file to the Department of Home Affairs:&lt;/b&gt; {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khi nhận được chứng thư do tỉnh cấp, chọn &lt;b&gt;Tệp › Nhập chứng thư được cấp…&lt;/b&gt;. Trong lúc chờ, có thể tự đánh giá bình thường.</source>
        <translation>When the certificate from the province arrives, choose &lt;b&gt;File › Import the issued certificate…&lt;/b&gt;. Meanwhile you can self-assess as usual.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp khóa đã chép vào: {path}</source>
        <translation>Key file copied to: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có khóa ký số: cần có trước khi xuất hồ sơ nộp.</source>
        <translation>No signing key yet: one is needed before exporting a package.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bước tiếp theo: chọn từng tiêu chí ở cây bên trái, nhập kết quả, thuyết minh và tài liệu kiểm chứng. Mọi thay đổi được lưu ngay.</source>
        <translation>Next: choose each criterion in the tree on the left and enter its result, explanation and evidence. Every change is saved at once.</translation>
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
        <location filename="../../cchc_desktop/gui/dialogs/export_package.py" line="+34"/>
        <source>Xuất gói hồ sơ có chữ ký số</source>
        <translation>Export the signed package</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gói (.cchc) chứa kết quả tự đánh giá, thuyết minh, tài liệu kiểm chứng và chữ ký số của cơ quan. Đây là lần nộp thứ &lt;b&gt;{n}&lt;/b&gt;; sau khi xuất, nội dung đã nộp được lưu nguyên vẹn.</source>
        <translation>The package (.cchc) holds the self-assessment, explanations, evidence and the agency&apos;s digital signature. This is submission &lt;b&gt;{n}&lt;/b&gt;; once exported, what was submitted is kept unchanged.</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>FieldChart</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/field_chart.py" line="+125"/>
        <source>{p} / {mx} điểm tự chấm được</source>
        <translation>{p} / {mx} self-assessable points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan không tự chấm lĩnh vực này</source>
        <translation>Not self-scored by the agency</translation>
    </message>
</context>
<context>
    <name>FieldChartPage</name>
    <message>
        <location line="+18"/>
        <source>Tỷ lệ điểm tự chấm theo lĩnh vực (điểm tự chấm / điểm tối đa cơ quan tự chấm được); đường nét đứt: ngưỡng xếp loại.</source>
        <translation>Self-score per field as a percentage (self-score / the field&apos;s self-assessable maximum); dashed lines: category thresholds.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="+15"/>
        <source>Thiết lập — CCHC Desktop</source>
        <translation>Setup — CCHC Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <location line="-125"/>
        <source>Nơi lưu không gian làm việc</source>
        <translation>Where to keep the workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bấm “Tạo” để tạo không gian làm việc; sau bước này không quay lại được.</source>
        <translation>Press “Create” to create the workspace; there is no going back after this step.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không gian làm việc là &lt;b&gt;một thư mục&lt;/b&gt; chứa toàn bộ dữ liệu: cơ sở dữ liệu, tài liệu kiểm chứng và các tệp đi kèm. Mặc định nằm trong thư mục dữ liệu của người dùng trên máy này; cũng có thể chọn bất kỳ thư mục trống nào, ví dụ trên &lt;b&gt;USB&lt;/b&gt;, để mang sang máy khác. Thư mục phải trống, hoặc chưa có (ứng dụng sẽ tạo).</source>
        <translation>A workspace is &lt;b&gt;one folder&lt;/b&gt; holding all its data: the database, the evidence and the files that go with them. By default it is in your user data folder on this PC; any empty folder works too, for example on a &lt;b&gt;USB stick&lt;/b&gt; to take to another PC. The folder must be empty, or not exist yet (it will be created).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thư mục:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn thư mục trống</source>
        <translation>Choose an empty folder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Sẽ tạo:&lt;/b&gt;</source>
        <translation>&lt;b&gt;To be created:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Vai trò: Hội đồng thẩm định</source>
        <translation>• Role: appraisal council</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Vai trò: cơ quan tự đánh giá — {code}, {name}</source>
        <translation>• Role: self-assessing agency — {code}, {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• Bộ tiêu chí: {title} (năm {year})</source>
        <translation>• Framework: {title} ({year})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Chứng thư tin cậy: {path}</source>
        <translation>• Trusted certificates: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>thư mục keys/ của không gian làm việc</source>
        <translation>the workspace&apos;s keys/ folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>• Khóa ký số mới, lưu trong {where}</source>
        <translation>• A new signing key, kept in {where}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Khóa ký số: chép tệp {name} vào thư mục keys/</source>
        <translation>• Signing key: {name} copied into the keys/ folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Chưa có khóa ký số (cần khi xuất hồ sơ nộp)</source>
        <translation>• No signing key yet (needed to export a package)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hãy chọn thư mục lưu không gian làm việc.</source>
        <translation>Choose the folder for the workspace.</translation>
    </message>
</context>
<context>
    <name>FrameworkPage</name>
    <message>
        <location line="-316"/>
        <source>Bộ tiêu chí</source>
        <translation>Framework</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bộ tiêu chí là danh sách các tiêu chí, điểm tối đa và cách chấm của một năm đánh giá. Sở Nội vụ ban hành bộ tiêu chí chính thức dưới dạng &lt;b&gt;tệp có chữ ký số (.cchc)&lt;/b&gt; kèm &lt;b&gt;chứng thư của tỉnh (.crt)&lt;/b&gt;: ứng dụng kiểm tra chữ ký để bảo đảm bộ tiêu chí đúng là do tỉnh ban hành và không bị sửa. Bộ tiêu chí mẫu đi kèm ứng dụng chỉ dùng để làm quen hoặc tập huấn.</source>
        <translation>The framework is the list of criteria, their maximum points and how each is scored for one assessment year. The Department of Home Affairs publishes the official framework as a &lt;b&gt;digitally signed file (.cchc)&lt;/b&gt; with the &lt;b&gt;province certificate (.crt)&lt;/b&gt;: the application checks the signature to make sure the framework is the one the province published, unaltered. The sample frameworks shipped with the application are for getting to know it or for training only.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đợt thẩm định chỉ nhận hồ sơ lập theo đúng bộ tiêu chí này (so khớp mã băm).</source>
        <translation>The round accepts only packages made with exactly this framework (matched by its hash).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan tự chấm theo bộ tiêu chí này; chọn đúng bộ tiêu chí của cấp và năm đánh giá.</source>
        <translation>Your agency self-scores against this framework: choose the one for your level and year.</translation>
    </message>
</context>
<context>
    <name>FrameworkSourceBox</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/framework_source.py" line="+76"/>
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
    <name>FrameworkToolsDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/framework_tools.py" line="+27"/>
        <source>Bộ tiêu chí và bảng Excel</source>
        <translation>Frameworks and Excel tables</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tỉnh soạn bộ tiêu chí bằng bảng Excel như bảng vẫn ban hành kèm quyết định (mẫu: forms/template-khung-tieu-chi.xlsx). Nhập bảng để tạo tệp bộ tiêu chí; xuất một bộ tiêu chí ra Excel để sửa cho năm sau.</source>
        <translation>The province writes the framework as the Excel table it already annexes to its decision (template: forms/template-khung-tieu-chi.xlsx). Import the table to make a framework file; export a framework to Excel to edit it for next year.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập bảng Excel → tệp bộ tiêu chí (.json)…</source>
        <translation>Import an Excel table → framework file (.json)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất tệp bộ tiêu chí → bảng Excel…</source>
        <translation>Export a framework file → Excel table…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chọn bảng Excel</source>
        <translation>Choose the Excel table</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Bảng Excel (*.xlsx)</source>
        <translation>Excel tables (*.xlsx)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Lưu tệp bộ tiêu chí</source>
        <translation>Save the framework file</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Bộ tiêu chí (*.json)</source>
        <translation>Frameworks (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chọn tệp bộ tiêu chí</source>
        <translation>Choose a framework file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu bảng Excel</source>
        <translation>Save the Excel table</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa tạo được bộ tiêu chí: bảng có {n} lỗi. Sửa các ô dưới đây rồi nhập lại.</source>
        <translation>No framework was made: the table has {n} errors. Fix the cells below and import again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã tạo “{name}”: {fields} lĩnh vực, tổng {total} điểm. Mã băm: {sha}</source>
        <translation>Created “{name}”: {fields} fields, {total} points in total. Hash: {sha}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã xuất “{name}” ra bảng Excel “{out}”.</source>
        <translation>Exported “{name}” to the Excel table “{out}”.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/help.py" line="+60"/>
        <source>Hướng dẫn sử dụng — CCHC Desktop</source>
        <translation>User guide — CCHC Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hướng dẫn:</source>
        <translation>Guide:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan tự đánh giá</source>
        <translation>Self-assessing agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hội đồng thẩm định</source>
        <translation>Appraisal council</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hướng dẫn sử dụng hiện chỉ có bằng tiếng Việt.</source>
        <translation>The user guide is available in Vietnamese only.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không tìm thấy tệp hướng dẫn “{path}”.</source>
        <translation>User guide file “{path}” not found.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location line="+15"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Giới thiệu CCHC Desktop</source>
        <translation>About CCHC Desktop</translation>
    </message>
</context>
<context>
    <name>ImportCertificateDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/keys.py" line="+23"/>
        <source>Nhập chứng thư được cấp</source>
        <translation>Import the issued certificate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sở Nội vụ cấp chứng thư từ tệp yêu cầu (.csr) cơ quan đã gửi. Đưa chứng thư đó vào tệp khóa để Hội đồng thẩm định nhận ra chữ ký của cơ quan. Cần mật khẩu của tệp khóa.</source>
        <translation>The Department of Home Affairs issues a certificate from the request file (.csr) your agency sent. Put that certificate into the key file so that the appraisal council recognises your agency&apos;s signature. The key file&apos;s passphrase is needed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp khóa (.p12):</source>
        <translation>Key file (.p12):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp khóa (*.p12 *.pfx)</source>
        <translation>Key files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu tệp khóa:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư được cấp:</source>
        <translation>Issued certificate:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Chứng thư (*.crt *.pem *.cer *.der)</source>
        <translation>Certificates (*.crt *.pem *.cer *.der)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chứng thư của tỉnh (CA):</source>
        <translation>Province certificate (CA):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ca.crt (nên có: để kiểm tra chứng thư đúng do tỉnh cấp)</source>
        <translation>ca.crt (recommended: checks the certificate really comes from the province)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập chứng thư</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hãy chọn tệp khóa và tệp chứng thư được cấp.</source>
        <translation>Choose the key file and the issued certificate file.</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/inspection_window.py" line="+49"/>
        <source>Kết quả nhập gói</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nhận {ok}/{n} gói. Gói bị từ chối không được lưu vào không gian làm việc.</source>
        <translation>Accepted {ok} of {n} packages. Refused packages are not stored in the workspace.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+21"/>
        <source>CCHC Desktop — Hội đồng thẩm định — {fw}</source>
        <translation>CCHC Desktop — Appraisal council — {fw}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chấp nhận cả gói chưa kiểm tra được tình trạng thu hồi chứng thư (không có CRL còn hiệu lực)</source>
        <translation>Also accept packages whose certificate revocation cannot be checked (no current CRL)</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+7"/>
        <source>Bảng điều khiển</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xếp hạng</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gói đã nhận</source>
        <translation>Imported packages</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Nhập gói…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập cả &amp;thư mục / USB…</source>
        <translation>Import a &amp;folder / USB stick…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Thẩm định cơ quan đã chọn</source>
        <translation>&amp;Appraise the selected agency</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bộ tiêu chí và bảng Excel…</source>
        <translation>Frameworks and Excel tables…</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đợt đánh g&amp;iá</source>
        <translation>&amp;Round</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách &amp;cơ quan…</source>
        <translation>&amp;Agency list…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Người thẩm định và lĩnh vực…</source>
        <translation>&amp;Reviewers and their fields…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm điều tra &amp;xã hội học…</source>
        <translation>&amp;Survey points…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư &amp;tin cậy…</source>
        <translation>&amp;Trust certificates…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hẩm định</source>
        <translation>A&amp;ppraisal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chốt / mở lại &amp;kết quả cuối cùng của cơ quan</source>
        <translation>Mark the agency&apos;s result &amp;final / reopen it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Làm mới bảng</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bảng điều khiển</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>&amp;Xếp hạng và biểu đồ</source>
        <translation>Ranking and &amp;charts</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Gói đã nhận</source>
        <translation>&amp;Imported packages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tìm cơ quan</source>
        <translation>&amp;Find an agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kết quả</source>
        <translation>Re&amp;sults</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Gửi kết quả cho cơ quan (gói có chữ ký)…</source>
        <translation>&amp;Send results to agencies (signed packages)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất &amp;báo cáo (Excel, PDF)…</source>
        <translation>Export &amp;reports (Excel, PDF)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;b&gt;{fw}&lt;/b&gt; — năm {year}. Đã nhận {n} gói của {a} cơ quan. Nhập gói bằng nút “Nhập gói…” hoặc cả thư mục/USB; chọn một cơ quan và nhấn Enter để thẩm định.</source>
        <translation>&lt;b&gt;{fw}&lt;/b&gt; — year {year}. {n} packages received from {a} agencies. Import packages with “Import packages…” or a whole folder/USB stick; select an agency and press Enter to appraise it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hợp lệ</source>
        <translation>valid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hợp lệ, chưa kiểm tra thu hồi</source>
        <translation>valid, revocation not checked</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Hãy chọn một cơ quan trong bảng.</source>
        <translation>Select an agency in the table.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} chưa nộp hồ sơ: chưa có gì để thẩm định.</source>
        <translation>{code} has not submitted: there is nothing to appraise yet.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Hãy chọn một cơ quan đã nộp hồ sơ.</source>
        <translation>Select an agency that has submitted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã chốt kết quả cuối cùng của {code}.</source>
        <translation>The result of {code} is now final.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã mở lại kết quả của {code}.</source>
        <translation>The result of {code} is open again.</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <name>IssueResultsDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/issue_results.py" line="+67"/>
        <source>Phát hành kết quả thẩm định</source>
        <translation>Issue appraisal results</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mỗi cơ quan nhận một gói kết quả (.cchc) có chữ ký số của Hội đồng: điểm tự chấm và điểm thẩm định từng tiêu chí kèm lý do, chỉ số, xếp loại và thứ hạng tại thời điểm phát hành. Kết quả phát hành sau khi cơ quan giải trình (vòng 2) là kết quả cuối cùng.</source>
        <translation>Each agency receives a result package (.cchc) signed by the council: self and appraised points per item with the reasons, the index, the category and the rank at the time of issue. A result issued after the agency&apos;s rebuttal (round 2) is the final one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tên cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vòng</source>
        <translation>Round</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bỏ chọn</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>khóa có chứng thư Hội đồng (.p12), hoặc ca.p12 của tỉnh</source>
        <translation>a key with a council certificate (.p12), or the province&apos;s ca.p12</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Tệp khóa ký:</source>
        <translation>Signing key file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu tệp khóa:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu các gói vào thư mục:</source>
        <translation>Save the packages in:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phát hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>lần {seq} (vòng {round})</source>
        <translation>result {seq} (round {round})</translation>
    </message>
    <message>
        <location line="+33"/>
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
        <source>Chọn thư mục lưu các gói kết quả</source>
        <translation>Choose the folder for the result packages</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hãy chọn ít nhất một cơ quan.</source>
        <translation>Select at least one agency.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy chọn tệp khóa ký (.p12).</source>
        <translation>Choose the signing key file (.p12).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thư mục “{folder}” không tồn tại.</source>
        <translation>The folder &apos;{folder}&apos; does not exist.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>✔ {code}: kết quả lần {seq} (vòng {round}), chỉ số {index}% → {file}</source>
        <translation>✔ {code}: result {seq} (round {round}), index {index}% → {file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — kết quả cuối cùng</source>
        <translation> — final result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✘ {code}: không phát hành được — {why}</source>
        <translation>✘ {code}: not issued — {why}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đang phát hành kết quả…</source>
        <translation>Issuing results…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang phát hành kết quả: {code}</source>
        <translation>Issuing the result of {code}</translation>
    </message>
</context>
<context>
    <name>ItemDetails</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/review_item.py" line="+67"/>
        <source>Cơ quan tự đánh giá</source>
        <translation>The agency&apos;s self-assessment</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+76"/>
        <source>Kết quả khai:</source>
        <translation>Declared:</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>&lt;b&gt;Thuyết minh:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Explanation:&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Giải trình của cơ quan (vòng 2)</source>
        <translation>The agency&apos;s rebuttal (round 2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Xem tài liệu</source>
        <translation>&amp;View the document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở ng&amp;oài</source>
        <translation>Open &amp;externally</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;h3&gt;Chọn một tiêu chí ở cây bên trái&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Choose an item in the tree on the left&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;{code} {title}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;{code} {title}&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm tối đa: &lt;b&gt;{p}&lt;/b&gt;</source>
        <translation>Max points: &lt;b&gt;{p}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Điểm lấy từ kết quả điều tra xã hội học.</source>
        <translation>Points come from the survey results.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hội đồng chấm tiêu chí này; cơ quan chỉ thuyết minh.</source>
        <translation>The council scores this item; the agency only explains.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(chưa nhập)</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tự chấm: không áp dụng</source>
        <translation>Self: not applicable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tự chấm: &lt;b&gt;{p}&lt;/b&gt; điểm</source>
        <translation>Self: &lt;b&gt;{p}&lt;/b&gt; points</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tài liệu kiểm chứng ({n})</source>
        <translation>Evidence ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan không đính kèm tài liệu cho tiêu chí này.</source>
        <translation>The agency attached no document to this item.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>số {n}</source>
        <translation>no. {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngày {d}</source>
        <translation>of {d}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trích yếu: {e}</source>
        <translation>Excerpt: {e}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trang/mục chứng minh: {p}</source>
        <translation>Pages/sections: {p}</translation>
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
        <location line="+37"/>
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
        <location line="+86"/>
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
    <name>KeyDialogs</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/keys.py" line="-91"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="+143"/>
        <source>Khóa ký số của cơ quan</source>
        <translation>Your agency&apos;s signing key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ gửi Hội đồng thẩm định được ký bằng khóa bí mật của cơ quan.</source>
        <translation>Packages sent to the appraisal council are signed with the agency&apos;s private key.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khóa nằm trong một tệp &lt;b&gt;.p12&lt;/b&gt;, được bảo vệ bằng mật khẩu. Hãy giữ tệp và mật khẩu cẩn thận: quên mật khẩu thì không dùng được khóa, và không ai khôi phục được.</source>
        <translation>The key is kept in a &lt;b&gt;.p12&lt;/b&gt; file protected by a passphrase. Look after both: forget the passphrase and the key cannot be used, and nobody can recover it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạo khóa mới</source>
        <translation>Create a new key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dùng tệp khóa đã có (.p12)</source>
        <translation>Use an existing key file (.p12)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>tệp .p12 hoặc .pfx của cơ quan</source>
        <translation>the agency&apos;s .p12 or .pfx file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp khóa:</source>
        <translation>Key file:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mật khẩu tệp khóa:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ứng dụng thử mở tệp bằng mật khẩu này, rồi chép tệp vào thư mục keys/ của không gian làm việc.</source>
        <translation>The application opens the file with this passphrase to check it, then copies it into the workspace&apos;s keys/ folder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Có thể nhập kết quả tự đánh giá ngay; khóa chỉ cần khi xuất hồ sơ nộp. Tạo khóa sau bằng &lt;b&gt;Tệp › Tạo khóa ký số…&lt;/b&gt;.</source>
        <translation>You can start the self-assessment now; the key is only needed to export a package. Create it later with &lt;b&gt;File › Create a signing key…&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Chọn tệp khóa</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp khóa (*.p12 *.pfx)</source>
        <translation>Key files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hãy chọn tệp khóa (.p12) của cơ quan.</source>
        <translation>Choose the agency&apos;s key file (.p12).</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/framework_source.py" line="-234"/>
        <source>Sở, ban, ngành</source>
        <translation>Provincial departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UBND cấp huyện</source>
        <translation>District People&apos;s Committees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UBND cấp xã</source>
        <translation>Commune People&apos;s Committees</translation>
    </message>
</context>
<context>
    <name>NewKeyForm</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/keys.py" line="-63"/>
        <source>ít nhất {n} ký tự</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trong thư mục keys/ của không gian làm việc</source>
        <translation>In the workspace&apos;s keys/ folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ở thư mục khác:</source>
        <translation>In another folder:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lưu tệp khóa:</source>
        <translation>Keep the key files:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MÃ</source>
        <translation>CODE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ứng dụng tạo ba tệp: &lt;b&gt;{b}.p12&lt;/b&gt; (khóa bí mật, giữ kín), &lt;b&gt;{b}.crt&lt;/b&gt; (chứng thư tự ký) và &lt;b&gt;{b}.csr&lt;/b&gt; (yêu cầu cấp chứng thư). Gửi tệp &lt;b&gt;{b}.csr&lt;/b&gt; cho Sở Nội vụ để được cấp chứng thư; khi nhận được chứng thư (.crt), chọn &lt;b&gt;Tệp › Nhập chứng thư được cấp…&lt;/b&gt; để đưa vào tệp khóa.</source>
        <translation>The application makes three files: &lt;b&gt;{b}.p12&lt;/b&gt; (the private key, keep it secret), &lt;b&gt;{b}.crt&lt;/b&gt; (a self-signed certificate) and &lt;b&gt;{b}.csr&lt;/b&gt; (the certificate request). Send &lt;b&gt;{b}.csr&lt;/b&gt; to the Department of Home Affairs to be issued a certificate; when the certificate (.crt) arrives, choose &lt;b&gt;File › Import the issued certificate…&lt;/b&gt; to put it into the key file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn thư mục lưu tệp khóa</source>
        <translation>Choose the folder for the key files</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/new_workspace.py" line="+34"/>
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
        <source>ví dụ {name}</source>
        <translation>e.g. {name}</translation>
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
        <location filename="../../cchc_desktop/gui/widgets/problems_panel.py" line="+39"/>
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
    <name>RankingPanel</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/council_dashboard.py" line="+28"/>
        <source>Xếp hạng theo Chỉ số CCHC sau thẩm định; cơ quan bằng chỉ số cùng hạng (dấu “=”).</source>
        <translation>Ranked by the reform index after appraisal; agencies with the same index share a rank (marked “=”).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tối đa áp dụng</source>
        <translation>Applicable max</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xếp loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cùng chỉ số với: {codes}</source>
        <translation>Same index as: {codes}</translation>
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
    <name>RebuttalExportDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/results_window.py" line="+67"/>
        <source>Xuất bản giải trình có chữ ký số</source>
        <translation>Export the signed rebuttal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bản giải trình (.cchc) được ký bằng khóa của cơ quan và nối tiếp chuỗi hồ sơ đã nộp. Kết quả tự đánh giá đã nộp không thay đổi.</source>
        <translation>The rebuttal (.cchc) is signed with the agency&apos;s key and continues the chain of packages it submitted. The submitted self-assessment does not change.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tệp khóa .p12 của cơ quan</source>
        <translation>the agency&apos;s .p12 key file</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Tệp khóa ký:</source>
        <translation>Signing key file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu tệp khóa:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu gói tại:</source>
        <translation>Save the package as:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+4"/>
        <source>Tệp “{name}” đã tồn tại; hãy chọn tên khác.</source>
        <translation>&apos;{name}&apos; already exists; choose another name.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/report_dialog.py" line="+54"/>
        <source>In báo cáo tự đánh giá</source>
        <translation>Print the self-assessment report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Báo cáo theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP) và bảng điểm Excel. Mỗi trang mang mã của gói nộp gần nhất, hoặc ghi “bản nháp” nếu nội dung đã thay đổi sau khi xuất gói.</source>
        <translation>The report in the state-document layout (Decree No. 30/2020) and the Excel score sheet. Every page carries the code of the latest exported package, or says “draft” when the content changed after the export. The report itself is printed in Vietnamese.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Báo cáo PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng điểm Excel</source>
        <translation>Excel score sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ: UBND tỉnh …; để trống nếu không có</source>
        <translation>e.g. the provincial People&apos;s Committee; blank if none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chủ quản:</source>
        <translation>Superior body:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>địa danh ở dòng ngày tháng; để trống để ghi tay</source>
        <translation>place on the date line; blank to write by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa danh:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>họ tên thủ trưởng; để trống để ghi tay</source>
        <translation>name of the head of the agency; blank to write by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người ký:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để trống: báo cáo in các dòng chấm để viết tay.</source>
        <translation>Left blank, the report prints dotted lines to write on.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khó khăn, vướng mắc, đề xuất, kiến nghị:</source>
        <translation>Difficulties and proposals:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tạo báo cáo</source>
        <translation>Make the report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Hãy chọn ít nhất một tệp: báo cáo PDF hoặc bảng điểm Excel.</source>
        <translation>Choose at least one file: the PDF report or the Excel score sheet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thư mục “{folder}” không tồn tại; hãy chọn chỗ lưu khác.</source>
        <translation>Folder “{folder}” does not exist; choose another place.</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <location line="+55"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mỗi trang mang mã của gói nộp lần {n}.</source>
        <translation>Every page carries the code of submission {n}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đây là BẢN NHÁP: nội dung hiện tại chưa được xuất thành gói nộp.</source>
        <translation>This is a DRAFT: the current content has not been exported as a package.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã tạo:
{files}

{state}</source>
        <translation>Written:
{files}

{state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Đã tạo báo cáo</source>
        <translation>Report made</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xem báo cáo PDF ngay?</source>
        <translation>Open the PDF report now?</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/results_window.py" line="+32"/>
        <source>Kết quả thẩm định và giải trình</source>
        <translation>Appraisal result and rebuttal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập tệp kết quả của Hội đồng…</source>
        <translation>Import the council&apos;s result file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chấp nhận khi chưa kiểm tra được chứng thư có bị thu hồi (không có CRL)</source>
        <translation>Accept it even when the certificate&apos;s revocation cannot be checked (no CRL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất bản giải trình có chữ ký…</source>
        <translation>Export the signed rebuttal…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiêu chí</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tự chấm</source>
        <translation>Self</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thẩm định</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cuối cùng</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lý do của Hội đồng</source>
        <translation>Council&apos;s reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người thẩm định</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giải trình</source>
        <translation>Rebuttal</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nội dung giải trình của cơ quan cho tiêu chí này (để trống nếu không giải trình)</source>
        <translation>The agency&apos;s rebuttal of this item (leave empty for no rebuttal)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu giải trình</source>
        <translation>Save the rebuttal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đính kèm tài liệu mới…</source>
        <translation>Attach a new document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gỡ tài liệu đã chọn</source>
        <translation>Remove the selected document</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Chưa nhận kết quả thẩm định nào. Hãy nhập tệp kết quả (.cchc) Hội đồng thẩm định gửi.</source>
        <translation>No appraisal result received yet. Import the result file (.cchc) the appraisal council sent.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chưa xếp loại</source>
        <translation>no category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hạng {rank}/{n}</source>
        <translation>rank {rank}/{n}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chưa xếp hạng</source>
        <translation>not ranked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (đồng hạng với {codes})</source>
        <translation> (tied with {codes})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Kết quả thẩm định lần {seq}&lt;/b&gt; (vòng {round}) — {name}</source>
        <translation>&lt;b&gt;Appraisal result {seq}&lt;/b&gt; (round {round}) — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — &lt;b&gt;kết quả cuối cùng&lt;/b&gt;</source>
        <translation> — &lt;b&gt;final result&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm tự chấm {self_pts} / {self_max} · Điểm cuối cùng {final} / {applicable} = &lt;b&gt;{index}%&lt;/b&gt; · xếp loại {cat} · {rank}{tie}</source>
        <translation>Self-score {self_pts} / {self_max} · Final {final} / {applicable} = &lt;b&gt;{index}%&lt;/b&gt; · category {cat} · {rank}{tie}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hội đồng chấm khác điểm tự chấm ở {n} tiêu chí (tô màu).</source>
        <translation>The council differs from the self-score on {n} items (highlighted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hội đồng không chấm khác điểm tự chấm ở tiêu chí nào.</source>
        <translation>The council agrees with the self-score on every item.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;br&gt;Đã gửi giải trình: lần nộp {seq} ({file}).</source>
        <translation>&lt;br&gt;Rebuttal sent: package {seq} ({file}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KAD</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>loại trừ</source>
        <translation>excluded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{text} (+{n} tài liệu)</source>
        <translation>{text} (+{n} documents)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Chọn một tiêu chí trong bảng để xem lý do và ghi giải trình.</source>
        <translation>Select an item in the table to see the reason and write the rebuttal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(không ghi lý do)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{code}&lt;/b&gt; {title} — lý do của Hội đồng: {reason}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; {title} — the council&apos;s reason: {reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chọn tệp kết quả thẩm định</source>
        <translation>Choose the result file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gói kết quả (*.cchc)</source>
        <translation>Result packages (*.cchc)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn chứng thư của tỉnh (CA) để kiểm tra chữ ký</source>
        <translation>Choose the province (CA) certificate to check the signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư (*.crt *.pem *.cer *.der)</source>
        <translation>Certificates (*.crt *.pem *.cer *.der)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kết quả lần {seq} đã được nhận từ trước.</source>
        <translation>Result {seq} was already imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nhận kết quả thẩm định lần {seq}.</source>
        <translation>Result {seq} imported.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã lưu giải trình.</source>
        <translation>Rebuttal saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chọn tài liệu kiểm chứng mới</source>
        <translation>Choose a new evidence document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Đã xuất bản giải trình: {path}</source>
        <translation>Rebuttal exported: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xuất bản giải trình</source>
        <translation>Rebuttal exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi bản giải trình có chữ ký (lần nộp thứ {seq} của chuỗi hồ sơ, {n} tiêu chí):
{path}
Hãy gửi tệp này cho Hội đồng thẩm định.</source>
        <translation>The signed rebuttal was written (package {seq} of the chain, {n} items):
{path}
Send this file to the appraisal council.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang ký và ghi bản giải trình…</source>
        <translation>Signing and writing the rebuttal…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewHeader</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/review_header.py" line="+24"/>
        <source>Cơ &amp;quan:</source>
        <translation>Agen&amp;cy:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Người thẩm định:</source>
        <translation>&amp;Reviewer:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tất cả lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>So sánh với lần nộp trước…</source>
        <translation>Compare with the previous submission…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; chưa nộp hồ sơ: chưa có gì để thẩm định.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; has not submitted: there is nothing to appraise yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — lần nộp {seq}, vòng {round} · Tự chấm: &lt;b&gt;{own}&lt;/b&gt; điểm · Sau thẩm định: &lt;b&gt;{final}&lt;/b&gt;/{max} = &lt;b&gt;{pct}%&lt;/b&gt; {cat} · Đã thẩm định {done}/{total} · Khác biệt: {diff}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — submission {seq}, round {round} · Self score: &lt;b&gt;{own}&lt;/b&gt; points · After appraisal: &lt;b&gt;{final}&lt;/b&gt;/{max} = &lt;b&gt;{pct}%&lt;/b&gt; {cat} · Appraised {done}/{total} · Differences: {diff}</translation>
    </message>
</context>
<context>
    <name>ReviewTreeModel</name>
    <message>
        <location filename="../../cchc_desktop/gui/models/review_tree.py" line="+75"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiêu chí</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tự chấm</source>
        <translation>Self</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẩm định</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Điểm thưởng, điểm trừ</source>
        <translation>Bonus and penalty points</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Chưa thẩm định</source>
        <translation>To appraise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng ý</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chấm</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điều chỉnh</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có giải trình</source>
        <translation>Rebuttal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điều tra XHH</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không kê khai</source>
        <translation>Not claimed</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+18"/>
        <location line="+42"/>
        <source>KAD</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../cchc_desktop/gui/windows/review_window.py" line="+49"/>
        <source>Thẩm định hồ sơ — {fw}</source>
        <translation>Appraisal — {fw}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Ctrl+Enter: lưu và sang tiêu chí tiếp · Ctrl+D: đồng ý · F8: chưa thẩm định · F9: khác biệt · PgDn/PgUp: cơ quan sau/trước</source>
        <translation>Ctrl+Enter: save and go on · Ctrl+D: agree · F8: to appraise · F9: differences · PgDn/PgUp: next/previous agency</translation>
    </message>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/review_actions.py" line="+40"/>
        <source>&amp;Lưu và sang tiêu chí tiếp</source>
        <translation>&amp;Save and go to the next item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng ý điểm &amp;tự chấm</source>
        <translation>Accept the &amp;self points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Xóa thẩm định</source>
        <translation>&amp;Clear the appraisal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu chí &amp;chưa thẩm định tiếp theo</source>
        <translation>&amp;Next item to appraise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu chí chưa thẩm định t&amp;rước</source>
        <translation>P&amp;revious item to appraise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu chí &amp;khác biệt tiếp theo</source>
        <translation>Next &amp;difference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan &amp;sau</source>
        <translation>&amp;Next agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan &amp;trước</source>
        <translation>&amp;Previous agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đó&amp;ng cửa sổ</source>
        <translation>C&amp;lose the window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thẩm định</source>
        <translation>&amp;Appraisal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cơ quan</source>
        <translation>A&amp;gency</translation>
    </message>
    <message>
        <location filename="../../cchc_desktop/gui/windows/review_window.py" line="+34"/>
        <source>Cơ quan {code} — {name}</source>
        <translation>Agency {code} — {name}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Người thẩm định: {who}. Điểm lưu từ giờ ghi tên người này.</source>
        <translation>Reviewer: {who}. Appraisals saved from now on carry this name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện mọi lĩnh vực.</source>
        <translation>Showing every field.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Điểm điều tra xã hội học được nhập từ tệp Excel: Đợt đánh giá › Điểm điều tra xã hội học…</source>
        <translation>Survey points are imported from an Excel file: Round › Survey points…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã thẩm định hết các tiêu chí của cơ quan này. PgDn: sang cơ quan sau.</source>
        <translation>Every item of this agency is appraised. PgDn: next agency.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không có tiêu chí nào có điểm thẩm định khác điểm tự chấm.</source>
        <translation>No item has appraised points that differ from the self points.</translation>
    </message>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/review_actions.py" line="-9"/>
        <source>Là&amp;m lại</source>
        <translation>Re&amp;do</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>So sánh &amp;với lần nộp trước…</source>
        <translation>&amp;Compare with the previous submission…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Hãy chọn một tiêu chí (dòng không có mục con) để thẩm định.</source>
        <translation>Choose an item without sub-items to appraise.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu điểm thẩm định tiêu chí {code}.</source>
        <translation>Saved the appraisal of item {code}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu. Đã thẩm định hết các tiêu chí của cơ quan này; PgDn: sang cơ quan sau.</source>
        <translation>Saved. Every item of this agency is appraised; PgDn: next agency.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã đồng ý điểm tự chấm tiêu chí {code}.</source>
        <translation>Accepted the self points of item {code}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã xóa điểm thẩm định tiêu chí {code}.</source>
        <translation>Cleared the appraisal of item {code}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã hoàn tác thẩm định tiêu chí {item} của {agency}.</source>
        <translation>Undid the appraisal of item {item} of {agency}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã làm lại thẩm định tiêu chí {item} của {agency}.</source>
        <translation>Redid the appraisal of item {item} of {agency}.</translation>
    </message>
    <message>
        <location filename="../../cchc_desktop/gui/windows/review_window.py" line="+6"/>
        <source>Cơ quan này mới nộp một lần: không có lần nộp trước để so sánh.</source>
        <translation>This agency has submitted only once: there is no previous submission to compare with.</translation>
    </message>
</context>
<context>
    <name>ReviewersTab</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/round_setup.py" line="+12"/>
        <source>Người (hoặc đơn vị) thẩm định và các lĩnh vực họ phụ trách. Không đánh dấu lĩnh vực nào: thẩm định mọi lĩnh vực. Trong cửa sổ thẩm định, chọn tên ở ô “Người thẩm định” để chỉ thấy các lĩnh vực của mình; điểm lưu ghi tên người đó.</source>
        <translation>The reviewers (people or departments) and the fields each appraises. No field ticked: every field. In the appraisal window, choose your name under “Reviewer” to see only your fields; what you save carries your name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Thêm n&amp;gười</source>
        <translation>Add a re&amp;viewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa &amp;dòng</source>
        <translation>Re&amp;move the row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lưu danh sách người thẩm định</source>
        <translation>Save the revie&amp;wers</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Đã lưu {n} người thẩm định.</source>
        <translation>Saved {n} reviewers.</translation>
    </message>
</context>
<context>
    <name>RoundCharts</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/round_charts.py" line="+66"/>
        <source>Phân bố xếp loại ({n} cơ quan)</source>
        <translation>Agencies per category ({n} agencies)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chỉ số trung bình theo lĩnh vực (%)</source>
        <translation>Average index per field (%)</translation>
    </message>
</context>
<context>
    <name>RoundSetupDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/round_setup.py" line="+37"/>
        <source>Thiết lập đợt đánh giá</source>
        <translation>Round setup</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cơ quan</source>
        <translation>&amp;Agencies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Người thẩm định</source>
        <translation>&amp;Reviewers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điều tra &amp;XHH</source>
        <translation>&amp;Survey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư &amp;tin cậy</source>
        <translation>&amp;Trust certificates</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RuleInput</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/rule_inputs.py" line="+34"/>
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
    <name>SubmissionDiffDialog</name>
    <message>
        <location filename="../../cchc_desktop/gui/widgets/submission_diff.py" line="+30"/>
        <source>So sánh với lần nộp trước — {code}</source>
        <translation>Compare with the previous submission — {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lần nộp {new} so với lần nộp {old}: {n} tiêu chí thay đổi. Nhấn đúp (hoặc Enter) để xem tiêu chí trong cửa sổ thẩm định.</source>
        <translation>Submission {new} against submission {old}: {n} items changed. Double-click (or Enter) to show the item in the appraisal window.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiêu chí</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lần nộp trước</source>
        <translation>Previous submission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lần nộp này</source>
        <translation>This submission</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thuyết minh: {t}</source>
        <translation>Explanation: {t}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(chưa nhập)</source>
        <translation>(not answered)</translation>
    </message>
</context>
<context>
    <name>SurveyTab</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/survey_import.py" line="+19"/>
        <source>Điểm điều tra xã hội học (SIPAS) nhập từ tệp Excel theo mẫu: mỗi dòng một cơ quan, mỗi cột một tiêu chí điều tra. Lưu mẫu, điền điểm, rồi nhập lại. Tệp có ô sai thì không nhập điểm nào; ô sai được chỉ rõ bên dưới.</source>
        <translation>Survey points (SIPAS) are imported from an Excel file made from the template: one row per agency, one column per survey item. Save the template, fill in the points, then import it. A file with a bad cell imports nothing; each bad cell is named below.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lưu &amp;mẫu điều tra…</source>
        <translation>Save the survey tem&amp;plate…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập đ&amp;iểm điều tra…</source>
        <translation>&amp;Import survey points…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bộ tiêu chí của đợt này không có tiêu chí điều tra xã hội học.</source>
        <translation>The round&apos;s framework has no survey items.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} tiêu chí điều tra. Đã có đủ điểm điều tra của {done}/{total} cơ quan.</source>
        <translation>{n} survey items. Survey points complete for {done}/{total} agencies.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lưu mẫu điểm điều tra xã hội học</source>
        <translation>Save the survey points template</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã lưu mẫu: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn tệp điểm điều tra xã hội học</source>
        <translation>Choose the survey points file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã nhập {cells} điểm điều tra của {n} cơ quan từ “{name}”.</source>
        <translation>Imported {cells} survey points of {n} agencies from “{name}”.</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="-160"/>
        <source>Chứng thư của tỉnh</source>
        <translation>The province certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hội đồng chỉ nhận hồ sơ ký bằng khóa mà tỉnh đã cấp chứng thư (hoặc đã ghim).</source>
        <translation>The council accepts only packages signed with keys the province certified (or pinned).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn &lt;b&gt;chứng thư CA của tỉnh&lt;/b&gt; (ví dụ ca.crt), hoặc &lt;b&gt;thư mục&lt;/b&gt; chứa chứng thư CA, danh sách thu hồi (ca.crl) và các chứng thư cơ quan được ghim. Các tệp này được sao chép vào không gian làm việc, nên có thể mang cả thư mục sang máy khác mà vẫn kiểm tra như cũ. Không chọn tệp khóa bí mật của CA (ca.p12): Hội đồng không cần đến nó.</source>
        <translation>Choose the &lt;b&gt;province CA certificate&lt;/b&gt; (e.g. ca.crt), or a &lt;b&gt;folder&lt;/b&gt; holding the CA certificate, the revocation list (ca.crl) and pinned agency certificates. These files are copied into the workspace, so the whole folder can move to another PC and still verify as before. Do not choose the CA&apos;s private key file (ca.p12): the council does not need it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ca.crt, hoặc thư mục chứa chứng thư và CRL</source>
        <translation>ca.crt, or a folder with the certificates and CRL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn tệp…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư tin cậy:</source>
        <translation>Trusted certificates:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Năm đánh giá của đợt thẩm định:</source>
        <translation>Assessment year of the round:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Năm của đợt thẩm định lấy theo bộ tiêu chí đã chọn.</source>
        <translation>The year of the round comes from the chosen framework.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chọn chứng thư của tỉnh</source>
        <translation>Choose the province certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư (*.crt *.pem *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.crt *.pem *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn thư mục chứng thư tin cậy</source>
        <translation>Choose the folder of trusted certificates</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hãy chọn chứng thư CA của tỉnh, hoặc thư mục chứa nó.</source>
        <translation>Choose the province CA certificate, or the folder holding it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ Đọc được {ca} chứng thư CA, {pin} chứng thư cơ quan được ghim, {crl} danh sách thu hồi (CRL).</source>
        <translation>✔ Read {ca} CA certificate(s), {pin} pinned agency certificate(s), {crl} revocation list(s) (CRL).</translation>
    </message>
</context>
<context>
    <name>TrustTab</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/round_setup.py" line="-47"/>
        <source>Chứng thư tin cậy của đợt (CA của tỉnh, chứng thư ghim, danh sách thu hồi) được chép vào không gian làm việc khi tạo đợt; gói hồ sơ được kiểm tra theo thư mục này. Để cập nhật danh sách thu hồi, chép tệp ca.crl mới vào thư mục.</source>
        <translation>The round&apos;s trust certificates (the province CA, pinned certificates, revocation lists) were copied into the workspace when the round was created; packages are verified against this folder. To update the revocation list, copy the new ca.crl into it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Mở thư mục</source>
        <translation>&amp;Open the folder</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../cchc_desktop/gui/dialogs/first_run.py" line="-194"/>
        <source>Chào mừng đến với CCHC Desktop</source>
        <translation>Welcome to CCHC Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vài bước ngắn để bắt đầu. Có thể quay lại bước trước bất cứ lúc nào trước khi bấm “Tạo”.</source>
        <translation>A few short steps to get started. You can go back at any time until you press “Create”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ứng dụng giúp cơ quan &lt;b&gt;tự đánh giá Chỉ số cải cách hành chính&lt;/b&gt; (Chỉ số CCHC) và giúp &lt;b&gt;Hội đồng thẩm định&lt;/b&gt; nhận, kiểm tra hồ sơ các cơ quan gửi lên. Mọi dữ liệu nằm trong một thư mục trên máy này (hoặc trên USB); không cần kết nối mạng.</source>
        <translation>The application helps an agency &lt;b&gt;self-assess its administrative reform index&lt;/b&gt; (PAR Index) and helps the &lt;b&gt;appraisal council&lt;/b&gt; receive and check the packages agencies send. All data stays in one folder on this PC (or on a USB stick); no network connection is needed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Bạn dùng ứng dụng với vai trò nào?&lt;/b&gt;</source>
        <translation>&lt;b&gt;What is your role?&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan tự đánh giá</source>
        <translation>Self-assessing agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hội đồng thẩm định (Sở Nội vụ)</source>
        <translation>Appraisal council (Department of Home Affairs)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sở, ban, ngành hoặc UBND xã, phường: tự chấm điểm theo bộ tiêu chí, đính kèm tài liệu kiểm chứng, rồi xuất một tệp hồ sơ có chữ ký số (.cchc) gửi Hội đồng thẩm định.</source>
        <translation>A provincial department or a commune/ward People&apos;s Committee: score yourself against the framework, attach the evidence, then export one digitally signed package (.cchc) for the appraisal council.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhận tệp hồ sơ của các cơ quan (từng tệp hoặc cả thư mục, USB), kiểm tra chữ ký số và tính nguyên vẹn, xem kết quả tự chấm.</source>
        <translation>Receive the agencies&apos; packages (one by one, or a whole folder or USB stick), check their digital signatures and integrity, and review the self-scores.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vai trò được cố định khi tạo không gian làm việc. Cần cả hai vai trò thì tạo hai không gian làm việc ở hai thư mục khác nhau.</source>
        <translation>The role is fixed when the workspace is created. For both roles, create two workspaces in two different folders.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../cchc_desktop/gui/app.py" line="+129"/>
        <source>Mở không gian làm việc</source>
        <translation>Open workspace</translation>
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
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
</TS>

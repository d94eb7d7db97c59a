"""Printed reports (PDF with reportlab, Excel with openpyxl), Qt-free.

Shared building blocks, for every report of the application:

- `fonts`     the bundled Liberation Serif family registered with reportlab (embedded, Vietnamese);
- `styles`    number formatting, paragraph and table styles;
- `document`  the state-document layout of Nghị định 30/2020/NĐ-CP: header, title, signature block;
- `stamp`     the footer carrying a hash on every page ("Trang x/y") and the QR code on page 1;
- `charts`    a generic horizontal bar chart (reportlab.graphics);
- `xlsx`      workbook helpers: styles, exact decimals, print setup.

Agency reports: `agency_model` (the plain data a report is built from), `agency_pdf`, `agency_xlsx`.
The use case that gathers the data from a workspace and writes the files is
`core.services.agency_report`.
"""

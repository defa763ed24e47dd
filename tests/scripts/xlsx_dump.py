#!/usr/bin/python3
"""Prints an xlsx workbook as JSON, read by openpyxl (an independent reader):
each sheet's name, frozen cell, and its rows of cells, each cell as
[value, number format, bold, openpyxl's data type:
"s" a string, "n" a number, "f" a formula]. Used by tests/report_cli_xlsx_test.cc.

    /usr/bin/python3 tests/scripts/xlsx_dump.py FILE.xlsx  (Debian's python3, where python3-openpyxl is)
"""
import json
import sys

import openpyxl


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([[c.value, c.number_format, bool(c.font.b), c.data_type] for c in row])
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

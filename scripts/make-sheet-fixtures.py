#!/usr/bin/env python3
"""Writes tests/fixtures/sheets/prospects.xlsx and prospects.ods with openpyxl and odfpy, so that
dealdesk's spreadsheet import is tested on files another program wrote. Run once; the
generated files are committed, so CI needs no Python:

    pip install openpyxl odfpy && python3 scripts/make-sheet-fixtures.py
"""
import datetime
import pathlib

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
import openpyxl

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sheets"

# Dutch and French headers as a Benelux user writes them, cells as typed: floats, whole
# numbers, a date, a boolean, text that looks like a formula (stored as text), and one row
# whose employee count is not whole.
HEADER = ["Naam", "Land", "Ondernemingsnummer", "Omzet", "Eigen vermogen", "Werknemers",
          "Balansdatum", "Laattijdige neerlegging", "Brutomarge", "Opmerking"]
ROWS = [
    ["Brasserie Dupont", "BE", "0403170701", 1234567.885, -12345.6, 42,
     datetime.date(2024, 12, 31), False, 18.5, "=SUM(A1)"],
    ["Van Dam BV", "NL", 33041413, 250000, None, 12.5, None, True, None, None],
    ["Société Générale", "FR", "RCS Paris 552 120 222", 0.1 + 0.2, 0, 7,
     datetime.date(2025, 6, 30), None, 12.25, "'s-Hertogenbosch"],
]
LATER = [["Nom", "Chiffre d'affaires"], ["Plus Tard SA", 10]]


def xlsx():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Prospects"
    for r, row in enumerate([HEADER] + ROWS, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, not a formula
            if isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
    later = book.create_sheet("Later")
    for row in LATER:
        later.append(row)
    book.save(OUT / "prospects.xlsx")


def ods_cell(value):
    if value is None:
        return TableCell()
    if isinstance(value, bool):
        cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
    elif isinstance(value, (int, float)):
        cell = TableCell(valuetype="float", value=repr(value))
    elif isinstance(value, datetime.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
    else:
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell


def ods():
    doc = OpenDocumentSpreadsheet()
    for name, rows in [("Prospects", [HEADER] + ROWS), ("Later", LATER)]:
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                tr.addElement(ods_cell(value))
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(OUT / "prospects.ods"))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    xlsx()
    ods()

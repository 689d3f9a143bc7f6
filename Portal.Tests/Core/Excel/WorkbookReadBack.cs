using System.Text.Json;

namespace Portal.Tests.Core.Excel;

/// <summary>A workbook as openpyxl sees it: per sheet, freeze panes, autofilter and every cell's value, type, format and colours.</summary>
internal sealed class WorkbookReadBack
{
    private const string Script = """
        import datetime, json, sys
        import openpyxl

        def colour(c):
            return c.rgb if c is not None and c.type == "rgb" else None

        def cell(c):
            value = c.value
            if isinstance(value, (datetime.datetime, datetime.date)):
                value = value.isoformat()
            solid = c.fill is not None and c.fill.fill_type == "solid"
            return {
                "ref": c.coordinate,
                "value": value,
                "type": c.data_type,
                "format": c.number_format,
                "fill": colour(c.fill.fgColor) if solid else None,
                "font": colour(c.font.color) if c.font is not None else None,
                "bold": bool(c.font is not None and c.font.b),
            }

        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for ws in book.worksheets:
            sheets.append({
                "title": ws.title,
                "freeze_panes": ws.freeze_panes,
                "auto_filter": ws.auto_filter.ref,
                "widths": {k: v.width for k, v in ws.column_dimensions.items()},
                "cells": {c.coordinate: cell(c) for row in ws.iter_rows() for c in row},
                "max_row": ws.max_row,
            })
        print(json.dumps({"sheets": sheets}))
        """;

    private readonly JsonElement _root;

    private WorkbookReadBack(JsonElement root) => _root = root;

    public static WorkbookReadBack Read(string path) => new(OpenPyxl.RunJson(Script, path));

    public IReadOnlyList<string> SheetTitles =>
        _root.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToList();

    public JsonElement Sheet(string title) =>
        _root.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("title").GetString() == title);

    public JsonElement Cell(string sheet, string reference) =>
        Sheet(sheet).GetProperty("cells").GetProperty(reference);
}

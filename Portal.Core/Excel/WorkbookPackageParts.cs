using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Core.Excel;

/// <summary>
/// The small parts that tie the sheets into a workbook. System.IO.Packaging (which the SDK's
/// SpreadsheetDocument uses) cannot write to a non-seekable stream and holds every part in
/// memory, so the workbook writer lays out the package itself; these parts are written last,
/// once the sheet names and the styles used are known.
/// </summary>
internal static class WorkbookPackageParts
{
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string SpreadsheetContentTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    public static string WorksheetEntryName(int sheetNumber) => $"xl/worksheets/sheet{sheetNumber}.xml";

    public static void Write(ZipArchive zip, IReadOnlyList<WrittenSheet> sheets, ExcelStyleSheet styles)
    {
        WriteOpenXml(zip, "xl/styles.xml", styles.Build());
        WriteOpenXml(zip, "xl/workbook.xml", Workbook(sheets));
        WriteXml(zip, "xl/_rels/workbook.xml.rels", xml => WorkbookRelationships(xml, sheets.Count));
        WriteXml(zip, "_rels/.rels", RootRelationships);
        WriteXml(zip, "[Content_Types].xml", xml => ContentTypes(xml, sheets.Count));
    }

    private static Workbook Workbook(IReadOnlyList<WrittenSheet> sheets)
    {
        var sheetElements = new Sheets();
        var filterNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            sheetElements.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = SheetRelationshipId(i + 1) });

            // Excel records every autofilter range under this hidden name; files without it open,
            // but some tools look for it to find the filtered range.
            filterNames.Append(new DefinedName($"{QuotedSheetName(sheet.Name)}!$A$1:${sheet.LastColumn}${sheet.LastRow}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            });
        }

        var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetElements, filterNames);
        workbook.AddNamespaceDeclaration("r", RelationshipsNamespace);
        return workbook;
    }

    private static void WorkbookRelationships(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        for (var i = 1; i <= sheetCount; i++)
        {
            Relationship(xml, SheetRelationshipId(i), "worksheet", $"worksheets/sheet{i}.xml");
        }

        Relationship(xml, "rIdStyles", "styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void RootRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        Relationship(xml, "rId1", "officeDocument", "xl/workbook.xml");
        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Types", ContentTypesNamespace);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, "/xl/workbook.xml", SpreadsheetContentTypes + "sheet.main+xml");
        Override(xml, "/xl/styles.xml", SpreadsheetContentTypes + "styles+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(xml, "/" + WorksheetEntryName(i), SpreadsheetContentTypes + "worksheet+xml");
        }

        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string contentType)
        {
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string partName, string contentType)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", partName);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", RelationshipTypes + type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static string SheetRelationshipId(int sheetNumber) => "rIdSheet" + sheetNumber.ToString(CultureInfo.InvariantCulture);

    private static string QuotedSheetName(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void WriteOpenXml(ZipArchive zip, string entryName, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
        writer.Close();
    }

    private static void WriteXml(ZipArchive zip, string entryName, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }
}

/// <summary>What the workbook part needs to know about a sheet once its rows are written.</summary>
internal sealed record WrittenSheet(string Name, string LastColumn, int LastRow);

//! The fixed parts of a .docx and the zip they travel in: content types, relationships,
//! the styles that carry every font and size (GB/T 9704: 方正小标宋简体 二号 title, 黑体
//! and 楷体 三号 headings, 仿宋_GB2312 三号 body), the settings that give odd and even pages
//! their own footers, the footers with `— 1 —` in 四号半角宋体, and the document properties.

use std::io::Write;

use super::xml::escape_into;

/// A4 in twips, and GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm,
/// which leave the 156 × 225 mm text area.
pub(super) const A4: (usize, usize) = (11906, 16838);
pub(super) const MARGIN_TOP: usize = 2098;
pub(super) const MARGIN_BOTTOM: usize = 1984;
pub(super) const MARGIN_LEFT: usize = 1588;
pub(super) const MARGIN_RIGHT: usize = 1474;
pub(super) const TEXT_WIDTH: usize = A4.0 - MARGIN_LEFT - MARGIN_RIGHT;
pub(super) const TEXT_WIDTH_LANDSCAPE: usize = A4.1 - MARGIN_LEFT - MARGIN_RIGHT;

/// The page of GB/T 9704: 22 lines of 28 characters. The text area is 12 756 twips high,
/// 22 lines of 579.8, the grid's line pitch; it is 8 844 twips wide, 28 characters of
/// 315.9 twips, which is 三号 (16 pt) less 0.21 pt. The lines are a document grid; the
/// characters are 三号 condensed by 0.25 pt (`w:spacing w:val="-5"` in the body style), which
/// puts exactly 28 on a line in Word, WPS and LibreOffice alike. (A character grid of
/// 15.79 pt does the same in Word, but LibreOffice gives each 16 pt character two cells
/// of it — 14 a line — so the grid is of lines only.)
const LINE_PITCH: usize = 579;

/// The page number sits 7 mm below the text area: the footer's bottom edge 22 mm above the
/// page's (35 mm margin, less 7 mm, less one 四号 line).
const FOOTER_DISTANCE: usize = 1247;

/// 四号 (14 pt): one character's width, how far a page number stands in from the edge.
const ONE_CHAR_SIHAO: usize = 280;

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The document's root and body around `body`, with the page set up for `landscape` or not.
pub(super) fn document(body: &str, landscape: bool) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(XML_HEAD);
    out.push_str("<w:document ");
    out.push_str(W_NS);
    out.push_str("><w:body>");
    out.push_str(body);
    let (w, h, orient, grid) = if landscape {
        // A table page: lines only, so that wide rows are not forced onto a character grid.
        (
            A4.1,
            A4.0,
            " w:orient=\"landscape\"",
            "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/>".to_string(),
        )
    } else {
        (
            A4.0,
            A4.1,
            "",
            format!("<w:docGrid w:type=\"lines\" w:linePitch=\"{LINE_PITCH}\"/>"),
        )
    };
    out.push_str(&format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:footerReference w:type=\"even\" r:id=\"rId5\"/>\
         <w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
         <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" \
         w:left=\"{MARGIN_LEFT}\" w:header=\"851\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/>{grid}</w:sectPr>"
    ));
    out.push_str("</w:body></w:document>");
    out
}

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>\
</Relationships>";

/// Odd and even pages have their own footers; punctuation keeps its full width so that the
/// grid's columns line up.
const SETTINGS: &str = "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

/// Word and WPS substitute a font the machine lacks; the alternative names say which.
const FONT_TABLE: &str = "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>\
<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>\
<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>\
<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>\
<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>\
<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/><w:family w:val=\"script\"/><w:pitch w:val=\"variable\"/></w:font>\
</w:fonts>";

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
const STYLES: &str = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/>\
<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/><w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"579\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"方正小标宋简体\"/><w:spacing w:val=\"0\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"黑体\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:outlineLvl w:val=\"1\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"楷体_GB2312\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Centred\"><w:name w:val=\"Centred\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Cell\"><w:name w:val=\"Cell\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr>\
<w:rPr><w:spacing w:val=\"0\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"CellHead\"><w:name w:val=\"CellHead\"/><w:basedOn w:val=\"Cell\"/>\
<w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"黑体\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"CellCentred\"><w:name w:val=\"CellCentred\"/><w:basedOn w:val=\"Cell\"/>\
<w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:snapToGrid w:val=\"0\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:cs=\"宋体\"/><w:spacing w:val=\"0\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

/// A footer with the page number as GB/T 9704 places it: `— 1 —`, one character in from
/// the right edge of the text on odd pages, from the left on even pages.
fn footer(odd: bool) -> String {
    let (jc, ind) = if odd {
        ("right", format!("<w:ind w:right=\"{ONE_CHAR_SIHAO}\"/>"))
    } else {
        ("left", format!("<w:ind w:left=\"{ONE_CHAR_SIHAO}\"/>"))
    };
    format!(
        "{XML_HEAD}<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>{ind}<w:jc w:val=\"{jc}\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

/// Title, author and dates of the document's properties.
fn core(title: &str, author: &str, made: &str) -> String {
    let mut out = String::from(XML_HEAD);
    out.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>",
    );
    escape_into(&mut out, title);
    out.push_str("</dc:title>");
    if !author.trim().is_empty() {
        out.push_str("<dc:creator>");
        escape_into(&mut out, author.trim());
        out.push_str("</dc:creator><cp:lastModifiedBy>");
        escape_into(&mut out, author.trim());
        out.push_str("</cp:lastModifiedBy>");
    }
    out.push_str(&format!(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{made}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{made}</dcterms:modified></cp:coreProperties>"
    ));
    out
}

const APP: &str = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>duty</Application></Properties>";

/// What goes into the package besides the fixed parts.
pub(super) struct Package<'a> {
    pub document: String,
    pub title: &'a str,
    pub author: &'a str,
    /// `2025-01-15T00:00:00Z`: the day the document is made, not 1970.
    pub made: String,
}

/// The .docx bytes. Parts are deflated at the fastest level: the XML is repetitive, and a
/// 10 000-row table would spend most of its time in a slower compressor.
pub(super) fn zip(p: Package<'_>) -> Vec<u8> {
    use zip::CompressionMethod;
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(
        p.document.len() / 4 + 8192,
    )));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    let with_head = |s: &str| format!("{XML_HEAD}{s}");
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", with_head(CONTENT_TYPES)),
        ("_rels/.rels", with_head(ROOT_RELS)),
        ("docProps/core.xml", core(p.title, p.author, &p.made)),
        ("docProps/app.xml", with_head(APP)),
        ("word/_rels/document.xml.rels", with_head(DOCUMENT_RELS)),
        ("word/styles.xml", with_head(STYLES)),
        ("word/settings.xml", with_head(SETTINGS)),
        ("word/fontTable.xml", with_head(FONT_TABLE)),
        ("word/footer1.xml", footer(true)),
        ("word/footer2.xml", footer(false)),
    ];
    // Writing into memory cannot fail.
    let write = |z: &mut zip::ZipWriter<_>, name: &str, bytes: &[u8]| {
        z.start_file(name, options)
            .and_then(|()| z.write_all(bytes).map_err(Into::into))
            .unwrap_or_else(|e| unreachable!("zip into memory: {e}"));
    };
    for (name, text) in &parts {
        write(&mut z, name, text.as_bytes());
    }
    write(&mut z, "word/document.xml", p.document.as_bytes());
    z.finish()
        .unwrap_or_else(|e| unreachable!("zip into memory: {e}"))
        .into_inner()
}

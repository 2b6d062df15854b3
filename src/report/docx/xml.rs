//! WordprocessingML written by hand: escaping, paragraphs in the document's named styles,
//! and tables. Formatting lives in `styles.xml` (see [`super::parts`]), so a paragraph here
//! is only its style and its text — which keeps a 10 000-row table small and fast to zip.

/// Text as XML character data: `& < >` escaped, and the characters XML 1.0 forbids
/// (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) dropped, whatever
/// the caller cleaned before.
pub(super) fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
}

/// The body of `word/document.xml`, built paragraph by paragraph.
pub(super) struct Body {
    pub out: String,
}

/// The paragraph styles of `styles.xml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// 仿宋 三号, two-character indent, justified, on the grid.
    Body,
    /// 方正小标宋简体 二号, centred.
    Title,
    /// 黑体 三号, first level (`一、`, `三、`).
    Heading1,
    /// 楷体 三号, second level (`（一）`).
    Heading2,
    /// 仿宋 三号, centred, no indent (`（截至2025年1月15日）`).
    Centred,
    /// Table text, 仿宋 小四, off the grid.
    Cell,
    /// Table header, 黑体 小四, centred.
    CellHead,
    /// The 序号 column, centred.
    CellCentred,
}

impl Style {
    fn id(self) -> Option<&'static str> {
        match self {
            Style::Body => None,
            Style::Title => Some("Title"),
            Style::Heading1 => Some("Heading1"),
            Style::Heading2 => Some("Heading2"),
            Style::Centred => Some("Centred"),
            Style::Cell => Some("Cell"),
            Style::CellHead => Some("CellHead"),
            Style::CellCentred => Some("CellCentred"),
        }
    }
}

impl Body {
    pub fn new(capacity: usize) -> Self {
        Body {
            out: String::with_capacity(capacity),
        }
    }

    fn open(&mut self, style: Style) {
        self.out.push_str("<w:p>");
        if let Some(id) = style.id() {
            self.out.push_str("<w:pPr><w:pStyle w:val=\"");
            self.out.push_str(id);
            self.out.push_str("\"/>");
            // The title's 二号 lines are one grid line each. LibreOffice reads this off the
            // paragraph only (not its style), and would give each line two.
            if style == Style::Title {
                self.out.push_str(
                    "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"579\" w:lineRule=\"exact\"/>",
                );
            }
            self.out.push_str("</w:pPr>");
        }
    }

    fn run(&mut self, text: &str) {
        self.out.push_str("<w:r><w:t xml:space=\"preserve\">");
        escape_into(&mut self.out, text);
        self.out.push_str("</w:t></w:r>");
    }

    /// One paragraph of `text` in `style`.
    pub fn para(&mut self, style: Style, text: &str) {
        self.open(style);
        if !text.is_empty() {
            self.run(text);
        }
        self.out.push_str("</w:p>");
    }

    /// One paragraph whose lines are broken where given (a two-line title).
    pub fn lines(&mut self, style: Style, lines: &[&str]) {
        self.open(style);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push_str("<w:r><w:br/></w:r>");
            }
            self.run(line);
        }
        self.out.push_str("</w:p>");
    }

    /// An empty line on the grid.
    pub fn blank(&mut self) {
        self.out.push_str("<w:p/>");
    }

    /// A table of fixed column widths (twips) and `total` width: the header row repeats on
    /// every page, rows may break across pages, and a cell's lines (one piece of evidence
    /// each) are paragraphs of their own.
    pub fn table(&mut self, widths: &[usize], header: &[&str], rows: &[Vec<Vec<String>>]) {
        let total: usize = widths.iter().sum();
        self.out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"");
        self.out.push_str(&total.to_string());
        self.out.push_str(
            "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>\
             <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             </w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
             <w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>\
             <w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>\
             </w:tblCellMar><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            self.out.push_str("<w:gridCol w:w=\"");
            self.out.push_str(&w.to_string());
            self.out.push_str("\"/>");
        }
        self.out.push_str("</w:tblGrid>");
        // The header repeats on each page and is never split.
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (h, w) in header.iter().zip(widths) {
            self.cell(*w, Style::CellHead, &[h.to_string()]);
        }
        self.out.push_str("</w:tr>");
        for row in rows {
            self.out.push_str("<w:tr>");
            for (i, (lines, w)) in row.iter().zip(widths).enumerate() {
                let style = if i == 0 {
                    Style::CellCentred
                } else {
                    Style::Cell
                };
                self.cell(*w, style, lines);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
    }

    fn cell(&mut self, width: usize, style: Style, lines: &[String]) {
        self.out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
        self.out.push_str(&width.to_string());
        // Body cells align to the top: LibreOffice never breaks a row whose cells are
        // centred vertically, and would move a tall row whole to the next page.
        self.out.push_str(if style == Style::CellHead {
            "\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
        } else {
            "\" w:type=\"dxa\"/></w:tcPr>"
        });
        if lines.is_empty() {
            self.para(style, "");
        }
        for line in lines {
            self.para(style, line);
        }
        self.out.push_str("</w:tc>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_what_xml_forbids() {
        let mut s = String::new();
        escape_into(&mut s, "a&b<c>\"d\u{0}\u{7}\u{FFFE}\u{FFFF}e\tf");
        assert_eq!(s, "a&amp;b&lt;c&gt;&quot;de f");
    }
}

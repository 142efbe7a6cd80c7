//! Draft → Word (.docx), laid out as GB/T 9704-2012 is practised for speeches: A4; margins top
//! 37 mm, left 28 mm, right 26 mm, bottom 35 mm; title 2号 方正小标宋简体; speaker and date 3号
//! 楷体_GB2312; body 3号 仿宋_GB2312 with a two-character first-line indent and exact 28.5 pt lines;
//! 一、 headings 黑体, （一） headings 楷体_GB2312; page numbers 4号 宋体 “— 1 —”, odd pages right,
//! even pages left. Every run names its East Asian font; Latin text and digits use Times New Roman.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run, RunFonts,
    SpecialIndentType,
};

use crate::draft::{Block, Draft};
use crate::error::{Error, Result};

const TITLE_FONT: &str = "方正小标宋简体";
const KAI: &str = "楷体_GB2312";
const FANG: &str = "仿宋_GB2312";
const HEI: &str = "黑体";
const SONG: &str = "宋体";
const LATIN: &str = "Times New Roman";

/// Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
const SIZE_2: usize = 44;
const SIZE_3: usize = 32;
const SIZE_4: usize = 28;

/// Twips (1/20 pt) per millimetre.
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// Exact line spacing of 28.5 pt, in twips.
const LINE: i32 = 570;

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(text)
        .size(size)
        .fonts(RunFonts::new().east_asia(font).ascii(LATIN).hi_ansi(LATIN).cs(LATIN))
}

fn line(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().line_rule(LineSpacingType::Exact).line(LINE).before(0).after(0))
}

fn centred(text: &str, font: &str, size: usize) -> Paragraph {
    line(Paragraph::new().add_run(run(text, font, size)).align(AlignmentType::Center))
}

/// A body paragraph: 3号, first line indented by two characters (2 × 16 pt).
fn body(text: &str, font: &str, indent: bool) -> Paragraph {
    let p = Paragraph::new().add_run(run(text, font, SIZE_3)).align(AlignmentType::Both);
    // 640 twips = two characters of 16 pt.
    let p = if indent { p.indent(None, Some(SpecialIndentType::FirstLine(640)), None, None) } else { p };
    line(p)
}

fn page_number(align: AlignmentType) -> Footer {
    let fonts = || RunFonts::new().east_asia(SONG).ascii(SONG).hi_ansi(SONG).cs(SONG);
    let p = Paragraph::new()
        .add_run(Run::new().add_text("— ").size(SIZE_4).fonts(fonts()))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" —").size(SIZE_4).fonts(fonts()))
        .size(SIZE_4)
        .fonts(fonts())
        .align(align);
    Footer::new().add_paragraph(p)
}

/// The .docx bytes of a draft.
pub fn docx(draft: &Draft) -> Result<Vec<u8>> {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(mm(37.0)).left(mm(28.0)).right(mm(26.0)).bottom(mm(35.0)).header(mm(15.0)).footer(mm(28.0)))
        .default_fonts(RunFonts::new().east_asia(FANG).ascii(LATIN).hi_ansi(LATIN).cs(LATIN))
        .default_size(SIZE_3)
        .footer(page_number(AlignmentType::Right))
        .even_footer(page_number(AlignmentType::Left));
    doc = doc.add_paragraph(centred(&draft.title, TITLE_FONT, SIZE_2));
    doc = doc.add_paragraph(centred("", FANG, SIZE_3));
    doc = doc.add_paragraph(centred(&draft.speaker_line, KAI, SIZE_3));
    if let Some(date) = &draft.date_line {
        doc = doc.add_paragraph(centred(date, KAI, SIZE_3));
    }
    doc = doc.add_paragraph(centred("", FANG, SIZE_3));
    for (si, section) in draft.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            let text = block.text();
            let p = match block {
                Block::Heading { level: 1, .. } => body(&text, HEI, true),
                Block::Heading { .. } => body(&text, KAI, true),
                // The salutation (同志们：) stands flush left.
                Block::Paragraph { .. } if si == 0 && bi == 0 => body(&text, FANG, false),
                Block::Paragraph { .. } => body(&text, FANG, true),
            };
            doc = doc.add_paragraph(p);
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| Error::Template { name: "docx".into(), message: e.to_string() })?;
    Ok(out.into_inner())
}

import { PDFDocument, PDFFont, PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { BillingTip, ToolkitContent } from '@denialmap/shared/guidance';

const PAGE = { width: 612, height: 792 };
const MARGIN = 54;
const WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.08, 0.13, 0.17);
const MUTED = rgb(0.3, 0.36, 0.42);
const BRAND = rgb(0.04, 0.31, 0.42);

/** Characters the standard fonts cannot encode, in words they can. */
const REPLACEMENTS: Record<string, string> = { '→': '->', '≤': '<=', '≥': '>=', '✓': 'v', ' ': ' ', '\u2009': ' ', '\u202f': ' ' };

/**
 * Lays the toolkit out on US Letter pages with the PDF standard fonts (nothing to download or
 * embed): a cover with the data releases and the bundling conflicts, then a section per code.
 */
export async function renderToolkitPdf(content: ToolkitContent, onSection?: (done: number, of: number) => Promise<void>): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`DenialMap Revenue Protection Toolkit: ${content.title}`);
  pdf.setAuthor('DenialMap');
  pdf.setSubject(`Denial triggers, modifier pitfalls, bundling conflicts and unit limits for ${content.sections.map((s) => s.code).join(', ')}`);
  pdf.setCreator('DenialMap');
  pdf.setProducer('DenialMap (pdf-lib)');
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const w = new Writer(pdf, fonts.regular, fonts.bold);

  w.text('DenialMap', { size: 11, bold: true, color: BRAND });
  w.text('Revenue Protection Toolkit', { size: 24, bold: true, gapAfter: 4 });
  w.text(content.title, { size: 14, gapAfter: 6 });
  w.text(`For dates of service on or about ${content.dateOfService}. Generated ${content.generatedOn}.`, { size: 10, color: MUTED, gapAfter: 14 });

  w.heading('Data used');
  for (const source of content.sources) w.bullet(source, { size: 9.5 });
  w.text(
    'Every tip below names its source. Amounts are national Medicare figures (GPCI 1.000) from the fee schedule release in force on the date of service, not a promise of payment; the code pages at DenialMap price a locality, setting and modifiers.',
    { size: 9, color: MUTED, gapBefore: 6, gapAfter: 12 },
  );

  w.heading('Bundling conflicts among these codes (NCCI)');
  if (content.conflicts.length === 0) {
    w.text('None: no NCCI procedure-to-procedure edit in force pairs two of these codes.', { size: 10 });
  } else {
    for (const c of content.conflicts) {
      w.text(c.pair, { size: 10.5, bold: true, gapBefore: 4 });
      w.text(c.advice, { size: 10 });
    }
  }

  for (const [i, section] of content.sections.entries()) {
    w.newPage();
    w.text(`${section.code}  ${section.descriptor}`, { size: 16, bold: true, gapAfter: 2 });
    w.text(section.nationalAmount ? `National non-facility amount: $${section.nationalAmount}` : 'No national fee schedule amount (see the payment status below).', { size: 10, color: MUTED, gapAfter: 10 });

    w.heading('Unit limit (MUE)');
    if (section.unitLimit) w.tip(section.unitLimit);
    else w.text('No MUE in the loaded NCCI table.', { size: 10 });

    w.heading('Modifier and billing pitfalls');
    if (section.pitfalls.length === 0) w.text('None found in the reference data for this code.', { size: 10 });
    for (const tip of section.pitfalls) w.tip(tip);

    w.heading('Denial triggers from billers’ reports');
    w.text(section.communityNote, { size: 9.5, color: MUTED, gapAfter: 4 });
    for (const tip of section.denialTriggers) w.tip(tip);
    await onSection?.(i + 1, content.sections.length);
  }

  w.newPage();
  w.heading('Notices');
  for (const notice of content.notices) w.text(notice, { size: 9, color: MUTED, gapAfter: 6 });
  w.footers(`Revenue Protection Toolkit: ${content.title}`);
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}

interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  gapBefore?: number;
  gapAfter?: number;
  /** A heading or tip title: never left alone at the foot of a page. */
  keepWithNext?: boolean;
}

/** A cursor down the page that wraps words and starts a new page when the next line will not fit. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  private readonly charset: Set<number>;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.charset = new Set(regular.getCharacterSet());
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  heading(text: string): void {
    this.text(text, { size: 12.5, bold: true, color: BRAND, gapBefore: 10, gapAfter: 4, keepWithNext: true });
  }

  bullet(text: string, options: TextOptions = {}): void {
    this.text(`- ${text}`, { ...options, indent: 10 });
  }

  tip(tip: BillingTip): void {
    const money = tip.moneyAtStake ? `  ($${tip.moneyAtStake.amount} at stake)` : tip.reports !== null && tip.kind === 'COMMUNITY' ? `  (${tip.reports} reports)` : '';
    this.text(`${tip.title}${money}`, { size: 10.5, bold: true, gapBefore: 5, keepWithNext: true });
    this.text(tip.advice, { size: 10 });
    if (tip.impact) this.text(`Impact: ${tip.impact.statement} (basis: ${tip.impact.basis})`, { size: 9.5 });
    this.text(`Source: ${tip.source.label}: ${tip.source.detail}${tip.moneyAtStake ? `. Money at stake: ${tip.moneyAtStake.basis}` : ''}`, { size: 8.5, color: MUTED });
  }

  text(raw: string, options: TextOptions = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.3;
    const lines = this.wrap(this.encodable(raw), font, size, WIDTH - indent);
    this.y -= options.gapBefore ?? 0;
    const keep = options.keepWithNext ? lineHeight * 2 : 0;
    if (this.y - lineHeight - keep < MARGIN + 24) this.newPage();
    for (const line of lines) {
      if (this.y - lineHeight < MARGIN + 24) this.newPage();
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gapAfter ?? 2;
  }

  footers(title: string): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const text = this.encodable(`DenialMap | ${title} | page ${i + 1} of ${pages.length}`);
      page.drawText(text, { x: MARGIN, y: MARGIN - 20, size: 8, font: this.regular, color: MUTED });
    });
  }

  private encodable(text: string): string {
    return [...text].map((ch) => (this.charset.has(ch.codePointAt(0) ?? 0) ? ch : (REPLACEMENTS[ch] ?? '?'))).join('');
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines.length > 0 ? lines : [''];
  }
}

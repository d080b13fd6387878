/**
 * The 申请表 as a Word file (/yishenqing/shenqingbiao.docx), made with the docx library from the
 * same `ApplicationForm` as the printable page: A4, one sheet, bordered table, 宋体 for Chinese
 * (every Windows, WPS and Office has it; Latin in Times New Roman, as in 公文).
 *
 * Same form, same bytes: docx stamps the clock into docProps/core.xml (created, modified) and into
 * every zip entry, which would make each build's file differ and every deploy upload it again.
 * The file is therefore unpacked and packed again without those stamps.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { ApplicationForm, FormField, FormGroup, FormRow } from './application-form.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Twips (1/20 pt) per centimetre. */
const CM = 567;
/** A4 in twips, and 2 cm margins: 17 cm of line and 25.7 cm of page for the form. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = 2 * CM;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Columns: group heading, label, box, label, box (the same grid as the page's table). */
const COLUMNS = [0.12, 0.2, 0.22, 0.2, 0.26].map((share) => Math.round(share * CONTENT_WIDTH));
COLUMNS[4] = CONTENT_WIDTH - COLUMNS.slice(0, 4).reduce((a, b) => a + b, 0);
/** One line of handwriting. */
const LINE = Math.round(0.9 * CM);

/** Half-points: 五号 (10.5 pt) for the table, 小二 (18 pt) for the title. */
const SIZE = { body: 21, note: 18, title: 36 };
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };

const run = (text: string, options: IRunOptions = {}) => new TextRun({ text, font: FONT, size: SIZE.body, ...options });

const line = (
  text: string,
  options: IRunOptions = {},
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType],
) => new Paragraph({ children: [run(text, options)], ...(alignment && { alignment }) });

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** A cell over `columns` (their widths), spanning `rowSpan` rows. */
function cell(children: Paragraph[], columns: number[], rowSpan = 1): TableCell {
  return new TableCell({
    children,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    ...(columns.length > 1 && { columnSpan: columns.length }),
    ...(rowSpan > 1 && { rowSpan }),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
  });
}

const label = (text: string, columns: number[], rowSpan?: number) =>
  cell([line(text, {}, AlignmentType.CENTER)], columns, rowSpan);
const box = (columns: number[]) => cell([new Paragraph({})], columns);

/** The cells of one row after the group column: a label and a box, twice or across the row. */
function rowCells(row: FormRow, labelColumns: number[]): TableCell[] {
  if (row.kind === 'choice') {
    const options = row.options.map((o) => `□${o}`).join('　　');
    return [label(row.label, labelColumns), cell([line(options)], COLUMNS.slice(2))];
  }
  const [a, b] = row.fields;
  if (!b) return [label(a.label, labelColumns), box(COLUMNS.slice(2))];
  return [label(a.label, labelColumns), box([COLUMNS[2]!]), label(b.label, [COLUMNS[3]!]), box([COLUMNS[4]!])];
}

const heightOf = (row: FormRow) => (row.kind === 'choice' ? 1 : Math.max(...row.fields.map((f: FormField) => f.lines)));

function groupRows(group: FormGroup): TableRow[] {
  return group.rows.map(
    (row, i) =>
      new TableRow({
        height: { value: heightOf(row) * LINE, rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [
          ...(group.heading && i === 0 ? [label(group.heading, [COLUMNS[0]!], group.rows.length)] : []),
          ...rowCells(row, group.heading ? [COLUMNS[1]!] : COLUMNS.slice(0, 2)),
        ],
      }),
  );
}

function formTable(form: ApplicationForm): Table {
  const rows = form.sections.flatMap((section) => [
    new TableRow({
      cantSplit: true,
      children: [cell([line(section.heading, { bold: true })], COLUMNS)],
    }),
    ...section.groups.flatMap(groupRows),
  ]);
  const [sign, date] = form.signature;
  rows.push(
    new TableRow({
      height: { value: sign.lines * LINE, rule: HeightRule.ATLEAST },
      cantSplit: true,
      children: [
        label(sign.label, COLUMNS.slice(0, 2)),
        box([COLUMNS[2]!]),
        label(date.label, [COLUMNS[3]!]),
        box([COLUMNS[4]!]),
      ],
    }),
  );
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

/** The Word file's bytes: the same `form` always gives the same bytes. */
export async function applicationFormDocx(form: ApplicationForm): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title: form.title,
    creator: form.recipient[0]?.value ?? '',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: CM, footer: CM },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(form.title, { bold: true, size: SIZE.title })],
          }),
          ...form.recipient.map((r) => line(`${r.label}：${r.value}`)),
          new Paragraph({ spacing: { after: 60 } }),
          formTable(form),
          ...form.notes.map(
            (note, i) =>
              new Paragraph({
                spacing: { before: i === 0 ? 120 : 0 },
                children: [run(`${i + 1}. ${note}`, { size: SIZE.note })],
              }),
          ),
        ],
      },
    ],
  });
  return withoutTimestamps(await Packer.toBuffer(document));
}

/** A fixed zip entry time: 1980-01-01 00:00, the first a zip file can hold, in every time zone. */
const ZIP_TIME = new Date(1980, 0, 1);

/** The package again, with no clock in it: core.xml loses created/modified (both optional). */
function withoutTimestamps(packed: Uint8Array): Uint8Array<ArrayBuffer> {
  const files = unzipSync(packed);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  // fflate writes into a new ArrayBuffer of its own (its types say only ArrayBufferLike).
  return zipSync(files, { mtime: ZIP_TIME }) as Uint8Array<ArrayBuffer>;
}

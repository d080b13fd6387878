/**
 * Tables as old CMS pages use them. Layout tables (one column, or holding other tables) wrap
 * the whole page or its body: they are unwrapped into their cells' content. Data tables keep
 * their grid, and merged cells stay readable in Markdown, which has no rowspan or colspan: a
 * merged cell's text is repeated in every cell it covers, so each row reads on its own
 * (`| 示例镇 | 2010年 | 收入 |` rather than a row with a blank first cell). The first row becomes
 * the header row when the table has none, which is how these tables are meant to be read.
 */

/** The rows of `table` itself, not of tables inside it. */
function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
}

function ownCells(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => /^T[DH]$/i.test(cell.tagName));
}

function span(cell: Element, name: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 100) : 1;
}

/** Replace a layout table by its cells' content, one block per cell. */
function unwrapLayout(document: Document, table: Element): void {
  const blocks = ownRows(table)
    .flatMap(ownCells)
    .map((cell) => {
      const block = document.createElement('div');
      block.append(...Array.from(cell.childNodes));
      return block;
    });
  table.replaceWith(...blocks);
}

/** A cell's content on one line: Markdown table cells hold no paragraphs or line breaks. */
function flattenCell(document: Document, cell: Element): void {
  for (const br of Array.from(cell.querySelectorAll('br'))) br.replaceWith(document.createTextNode(' '));
  for (const block of Array.from(cell.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, ul, ol'))) {
    block.replaceWith(...Array.from(block.childNodes), document.createTextNode(' '));
  }
}

/** The table rebuilt as a full grid with a header row, merged cells repeated. */
function rebuildDataTable(document: Document, table: Element): void {
  const rows = ownRows(table);
  const grid: Element[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of ownCells(row)) {
      while (grid[r]![column]) column++;
      flattenCell(document, cell);
      const [down, across] = [span(cell, 'rowspan'), span(cell, 'colspan')];
      for (let i = 0; i < down && r + i < rows.length; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < across; j++) grid[r + i]![column + j] = cell;
      }
      column += across;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (!width) {
    table.remove();
    return;
  }
  const rebuilt = document.createElement('table');
  const head = document.createElement('thead');
  const body = document.createElement('tbody');
  grid.forEach((cells, r) => {
    const row = document.createElement('tr');
    for (let c = 0; c < width; c++) {
      const cell = document.createElement(r === 0 ? 'th' : 'td');
      const source = cells[c];
      if (source) cell.append(...Array.from(source.cloneNode(true).childNodes));
      row.append(cell);
    }
    (r === 0 ? head : body).append(row);
  });
  rebuilt.append(head, body);
  // Markdown tables have no caption: it becomes the paragraph above.
  const caption = table.querySelector('caption');
  const title = caption?.textContent?.trim() ? document.createElement('p') : undefined;
  if (title) title.append(...Array.from(caption!.childNodes));
  table.replaceWith(...(title ? [title] : []), rebuilt);
}

export function prepareTables(document: Document): void {
  // Outer tables first: once a layout table is unwrapped, the tables it held are looked at again.
  for (let changed = true; changed;) {
    changed = false;
    for (const table of Array.from(document.querySelectorAll('table'))) {
      if (!table.isConnected) continue;
      const rows = ownRows(table);
      const layout = rows.every((row) => ownCells(row).length <= 1) || table.querySelector('table') !== null;
      if (layout) {
        unwrapLayout(document, table);
        changed = true;
      }
    }
  }
  for (const table of Array.from(document.querySelectorAll('table'))) rebuildDataTable(document, table);
}

import ExcelJS from 'exceljs';

/** Every sheet of an xlsx file as rows of plain cell values, read back with the same library a reader's Excel would open. */
export async function readXlsx(xlsx: Buffer): Promise<{ name: string; rows: unknown[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1));
    });
    return { name: sheet.name, rows };
  });
}

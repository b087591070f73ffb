package io.clientele.platform.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX sheet written as it goes: rows are flushed every thousand and strings are inline (no shared string table),
 * so memory stays flat whatever the number of rows. Every cell is text, never a formula.
 */
final class XlsxWriter implements SpreadsheetWriter {

    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxWriter(OutputStream out, String sheetName) {
        this.workbook = new Workbook(out, "Clientele", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c);
            if (text != null && !text.isEmpty()) {
                sheet.inlineString(row, c, text);
            }
        }
        if (++row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}

package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Customers as an XLSX sheet, written as it goes: rows are flushed every thousand and strings are inline (no shared
 * string table), so memory stays flat whatever the number of rows. Every cell is text, never a formula.
 */
final class XlsxRows implements ExportFormat.Rows {

    /** Excel's last row, the header included. */
    static final int MAX_ROWS = 1_048_575;
    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<Field> columns;
    private int row;

    XlsxRows(OutputStream out, List<Field> columns) {
        this.workbook = new Workbook(out, "Clientele", "1.0");
        this.sheet = workbook.newWorksheet("Customers");
        this.columns = columns;
    }

    @Override
    public void header() throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).name());
        }
        row = 1;
    }

    @Override
    public void row(Map<String, Object> customer) throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            String text = CellText.of(customer.get(columns.get(c).name()));
            if (!text.isEmpty()) {
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

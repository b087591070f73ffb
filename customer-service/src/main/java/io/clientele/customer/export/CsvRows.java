package io.clientele.customer.export;

import io.clientele.customer.customer.CustomerFields.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Customers as CSV (RFC 4180, comma-separated), every cell neutralised against formulas. */
final class CsvRows implements ExportFormat.Rows {

    private final Writer out;
    private final List<Field> columns;
    private final StringBuilder line = new StringBuilder(512);

    CsvRows(Writer out, List<Field> columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public void header() throws IOException {
        out.write('\uFEFF');
        write(column -> column.name());
    }

    @Override
    public void row(Map<String, Object> customer) throws IOException {
        write(column -> CellText.neutralised(CellText.of(customer.get(column.name()))));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void write(Function<Field, String> cellOf) throws IOException {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            cell(i, cellOf.apply(columns.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    private void cell(int index, String cell) {
        if (index > 0) {
            line.append(',');
        }
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}

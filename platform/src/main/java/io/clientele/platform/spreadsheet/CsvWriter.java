package io.clientele.platform.spreadsheet;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as RFC 4180 says (comma-separated, CRLF, quoted where needed) with a UTF-8 byte order mark, so that
 * spreadsheet programs read the accents right. A cell a spreadsheet would run as a formula (it starts with =, +, -,
 * @, tab or carriage return) gets a leading apostrophe, so that a customer's name cannot run a command on the
 * reader's machine; plain numbers such as "+33612345678" stay as they are.
 */
final class CsvWriter implements SpreadsheetWriter {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9 ().-]*");

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    private boolean started;

    CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void row(List<String> cells) throws IOException {
        if (!started) {
            out.write('\uFEFF');
            started = true;
        }
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            cell(neutralised(cells.get(i) == null ? "" : cells.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void cell(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }

    static String neutralised(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}

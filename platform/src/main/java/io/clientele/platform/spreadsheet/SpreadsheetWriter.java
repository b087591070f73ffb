package io.clientele.platform.spreadsheet;

import java.io.IOException;
import java.util.List;

/** Writes a spreadsheet a row at a time; every cell is text. */
public interface SpreadsheetWriter {

    void row(List<String> cells) throws IOException;

    void finish() throws IOException;
}

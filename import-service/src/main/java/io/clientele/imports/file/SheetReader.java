package io.clientele.imports.file;

import java.io.Closeable;

/** Reads an uploaded sheet a row at a time, whatever its format. */
public interface SheetReader extends Closeable {

    /** Excel's limit for the text of one cell; a longer cell refuses the file. */
    int MAX_CELL_LENGTH = 32_767;

    /** The next row, or null at the end of the sheet. Blank rows are returned too. */
    SheetRow next();

    /** The next row that is not blank, or null at the end of the sheet. */
    default SheetRow nextNonBlank() {
        SheetRow row = next();
        while (row != null && row.isBlank()) {
            row = next();
        }
        return row;
    }

    @Override
    void close();
}

package io.clientele.imports.column;

import io.clientele.events.ImportRow;

/** A sheet row read into an import row, or the reason it cannot be. */
public record ParsedRow(ImportRow row, String failure) {

    public boolean failed() {
        return failure != null;
    }
}

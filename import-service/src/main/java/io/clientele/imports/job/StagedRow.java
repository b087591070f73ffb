package io.clientele.imports.job;

import java.util.List;

/** A row read from the file as uploaded, with the reason it fails before it is sent, if it does. */
record StagedRow(int number, List<String> cells, String failure) {
}

package io.clientele.imports.file;

import java.util.List;

/**
 * One row of an uploaded sheet as text, cell by cell.
 *
 * @param number the row's number as the spreadsheet shows it, the header being row 1
 */
public record SheetRow(int number, List<String> cells) {

    public boolean isBlank() {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }
}

package io.clientele.imports.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX file, streamed. A formula is read as the value the spreadsheet computed and saved
 * with it; a number as its plain digits, with the leading zeros or plus sign its cell format shows (a phone number
 * typed as a number keeps them).
 */
final class XlsxSheetReader implements SheetReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;

    XlsxSheetReader(Path file) {
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            this.rows = workbook.getFirstSheet().openStream();
            this.iterator = rows.iterator();
        } catch (IOException | ExcelReaderException e) {
            throw FileRefused.because("the XLSX file cannot be read: " + e.getMessage());
        }
    }

    @Override
    public SheetRow next() {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int c = 0; c < row.getCellCount(); c++) {
                String text = text(row.getCell(c));
                if (text.length() > MAX_CELL_LENGTH) {
                    throw FileRefused.because("row " + row.getRowNum() + " has a cell longer than " + MAX_CELL_LENGTH + " characters");
                }
                cells.add(text);
            }
            return new SheetRow(row.getRowNum(), cells);
        } catch (ExcelReaderException e) {
            throw FileRefused.because("the XLSX file cannot be read: " + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> NumberText.of((BigDecimal) cell.getValue(), cell.getDataFormatString());
            case BOOLEAN -> String.valueOf(cell.getValue());
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case STRING, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY -> "";
        };
    }

    @Override
    public void close() {
        rows.close();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

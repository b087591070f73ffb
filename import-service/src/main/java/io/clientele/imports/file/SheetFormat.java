package io.clientele.imports.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The formats an upload may have, told apart by the file's first bytes rather than by its name. */
public enum SheetFormat {

    XLSX, CSV;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public static SheetFormat of(Path file) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read == 4 && java.util.Arrays.equals(head, OLE2)) {
                throw FileRefused.because("XLS files (Excel 97-2003) are not read; save the sheet as XLSX or CSV");
            }
            return read == 4 && java.util.Arrays.equals(head, ZIP) ? XLSX : CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the file's first sheet; an XLSX file is checked for zip bombs before it is parsed. */
    public SheetReader open(Path file, XlsxLimits limits) {
        if (this == XLSX) {
            XlsxInspection.check(file, limits);
        }
        return reopen(file);
    }

    /** Opens again the first sheet of a file {@link #open} checked already (when it was uploaded). */
    public SheetReader reopen(Path file) {
        return switch (this) {
            case XLSX -> new XlsxSheetReader(file);
            case CSV -> new CsvSheetReader(file);
        };
    }
}

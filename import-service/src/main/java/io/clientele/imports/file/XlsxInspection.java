package io.clientele.imports.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks every part of an XLSX file once, counting and discarding the bytes, before the file is parsed: a zip bomb
 * (a part that unpacks to far more than it weighs, whatever its header claims) or a cell of absurd size is refused
 * here with constant memory, instead of inside the XML parser.
 */
final class XlsxInspection {

    /** The longest run of bytes between two XML angle brackets: Excel's longest cell, escaped, with room to spare. */
    private static final int MAX_TEXT_RUN = SheetReader.MAX_CELL_LENGTH * 6;
    private static final long LARGE_PART = 1 << 20;

    private XlsxInspection() {
    }

    static void check(Path file, XlsxLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxParts()) {
                throw FileRefused.because("the XLSX file has " + zip.size() + " parts; at most " + limits.maxParts() + " are read");
            }
            long unpacked = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long part = 0;
                int run = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        part += read;
                        if (unpacked + part > limits.maxUnpackedBytes()) {
                            throw FileRefused.because("the XLSX file unpacks to more than " + limits.maxUnpackedBytes() / (1 << 20) + " MB");
                        }
                        run = longestRun(buffer, read, run);
                    }
                }
                long packed = Math.max(1, entry.getCompressedSize());
                if (part > LARGE_PART && part / packed > limits.maxCompressionRatio()) {
                    throw FileRefused.because("the XLSX part " + entry.getName() + " unpacks " + part / packed
                            + " times its size; this looks like a zip bomb");
                }
                unpacked += part;
            }
        } catch (ZipException e) {
            throw FileRefused.because("the file looks like XLSX but is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Carries the current run of bytes without '<' or '>' across buffers; refuses one that is too long. */
    private static int longestRun(byte[] buffer, int length, int run) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            run = b == '<' || b == '>' ? 0 : run + 1;
            if (run > MAX_TEXT_RUN) {
                throw FileRefused.because("a cell of the XLSX file is longer than " + SheetReader.MAX_CELL_LENGTH + " characters");
            }
        }
        return run;
    }
}

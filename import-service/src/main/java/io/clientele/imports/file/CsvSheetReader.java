package io.clientele.imports.file;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file in UTF-8 (RFC 4180: quoted cells may hold separators, quotes and line breaks), comma or semicolon
 * separated: the header line decides, by which of the two it holds more of outside quotes. A byte order mark is
 * skipped; a file that is not UTF-8 is refused rather than read with broken accents.
 */
final class CsvSheetReader implements SheetReader {

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder cell = new StringBuilder();
    private int position;
    private int limit;
    private int row;
    private char separator;

    CsvSheetReader(Path file) {
        try {
            this.in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            fill();
            if (position < limit && buffer[position] == '\uFEFF') {
                position++;
            }
            separator = separatorOfFirstLine();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public SheetRow next() {
        try {
            if (position >= limit && fill() < 0) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            row++;
            while (true) {
                boolean endOfLine = readCell();
                cells.add(cell.toString());
                if (endOfLine) {
                    return new SheetRow(row, cells);
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Reads one cell into {@link #cell}; answers whether the line ended after it. */
    private boolean readCell() throws IOException {
        cell.setLength(0);
        int c = read();
        if (c == '"') {
            while (true) {
                c = read();
                if (c < 0) {
                    throw FileRefused.because("row " + row + " has a quote that is never closed");
                }
                if (c == '"') {
                    c = read();
                    if (c != '"') {
                        break;
                    }
                }
                append((char) c);
            }
        }
        while (c >= 0 && c != separator && c != '\n' && c != '\r') {
            append((char) c);
            c = read();
        }
        if (c == '\r' && peek() == '\n') {
            read();
        }
        return c != separator;
    }

    private void append(char c) {
        if (cell.length() == MAX_CELL_LENGTH) {
            throw FileRefused.because("row " + row + " has a cell longer than " + MAX_CELL_LENGTH + " characters");
        }
        cell.append(c);
    }

    private char separatorOfFirstLine() {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = position; i < limit && (quoted || (buffer[i] != '\n' && buffer[i] != '\r')); i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private int read() throws IOException {
        if (position >= limit && fill() < 0) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position >= limit && fill() < 0) {
            return -1;
        }
        return buffer[position];
    }

    private int fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read;
    }

    private static RuntimeException unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return FileRefused.because("the CSV file is not UTF-8; save it as \"CSV UTF-8\"");
        }
        return new UncheckedIOException(e);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

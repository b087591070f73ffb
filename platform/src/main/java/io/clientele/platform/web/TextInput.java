package io.clientele.platform.web;

/**
 * What text the platform accepts from outside: no control characters but tab and line breaks, and no half of a
 * surrogate pair. A NUL cannot be stored by PostgreSQL and the others break mails, CSV files and logs, so they are
 * refused where they come in, naming the field, rather than failing later in a consumer.
 */
public final class TextInput {

    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    private TextInput() {
    }

    /** Whether the text holds nothing but printable characters, tabs and line breaks. */
    public static boolean acceptable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with every character {@link #acceptable} refuses replaced by U+FFFD, for keeping a refused input as it
     * came (a spreadsheet row in a failure report) where the raw characters cannot be stored.
     */
    public static String storable(String text) {
        if (text == null || acceptable(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                kept.append(c).append(text.charAt(++i));
            } else if (acceptable(String.valueOf(c))) {
                kept.append(c);
            } else {
                kept.append('\uFFFD');
            }
        }
        return kept.toString();
    }

    /** Whether the text is acceptable on one line: no line breaks or tabs either (names, ids, header values). */
    public static boolean acceptableOnOneLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return acceptable(text);
    }
}

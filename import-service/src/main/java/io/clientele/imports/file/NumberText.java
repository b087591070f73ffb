package io.clientele.imports.file;

import java.math.BigDecimal;

/** A number cell as the text a person sees: plain digits, padded with the zeros or the plus sign its format shows. */
final class NumberText {

    private NumberText() {
    }

    static String of(BigDecimal value, String format) {
        String digits = value.stripTrailingZeros().toPlainString();
        if (format == null || !digits.matches("[0-9]+")) {
            return digits;
        }
        String pattern = format.replace("\"", "").replace("\\", "");
        String prefix = pattern.startsWith("+") ? "+" : "";
        int zeros = (int) pattern.chars().filter(c -> c == '0').count();
        if (!pattern.substring(prefix.length()).matches("0+")) {
            return digits;
        }
        return prefix + "0".repeat(Math.max(0, zeros - digits.length())) + digits;
    }
}

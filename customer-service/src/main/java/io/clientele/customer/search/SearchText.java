package io.clientele.customer.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words of a search as the stored search text holds them: lower-cased and without accents, as PostgreSQL's
 * unaccent folds them (letters it spells out are spelled out here too); a word that looks like a phone number is
 * its digits without leading zeros, so that "06 12" finds "+33612...".
 */
final class SearchText {

    private static final Map<String, String> SPELLED_OUT = Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
            "ł", "l", "đ", "d", "ð", "d", "þ", "th");

    private SearchText() {
    }

    static List<String> words(String q) {
        return Arrays.stream(q.strip().split("\\s+(?![0-9])|(?<![0-9])\\s+"))
                .filter(word -> !word.isBlank())
                .map(SearchText::fold)
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static String fold(String word) {
        if (word.matches("[+(]?[0-9][0-9 ().\\-]*") && word.replaceAll("[^0-9]", "").length() >= 3) {
            return word.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        }
        String folded = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        for (Map.Entry<String, String> letter : SPELLED_OUT.entrySet()) {
            folded = folded.replace(letter.getKey(), letter.getValue());
        }
        return folded;
    }

    /** A LIKE pattern finding the word anywhere. */
    static String anywhere(String word) {
        return "%" + startingWith(word);
    }

    /** A LIKE pattern finding text that starts with the word. */
    static String startingWith(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

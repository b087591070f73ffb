package io.clientele.customer.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers in E.164 ("+33612345678") where the country is known: by a leading + or by the customer's country. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number normalised, or empty when it cannot be a phone number. */
    public static Optional<String> normalized(String raw, String country) {
        String compact = raw.replaceAll("[\\s().\\-/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!compact.matches("\\+?[0-9]{3,17}")) {
            return Optional.empty();
        }
        if (!compact.startsWith("+") && country == null) {
            return Optional.of(compact);
        }
        try {
            PhoneNumber number = PHONES.parse(compact, compact.startsWith("+") ? "ZZ" : country);
            return PHONES.isPossibleNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

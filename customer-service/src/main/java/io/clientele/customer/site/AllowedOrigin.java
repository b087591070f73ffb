package io.clientele.customer.site;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A browser origin as the {@code Origin} header sends it: {@code https://host[:port]}, lower case, nothing after
 * the port. Plain {@code http} only for this machine's own names, as browsers treat those as secure too.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AllowedOrigin.Check.class)
public @interface AllowedOrigin {

    String message() default "must be an origin such as https://www.example.com or https://shop.example.com:8443";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AllowedOrigin, String> {

        private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

        @Override
        public boolean isValid(String origin, ConstraintValidatorContext context) {
            return origin == null || isOrigin(origin);
        }

        static boolean isOrigin(String origin) {
            if (origin.length() > 253 || !origin.equals(origin.toLowerCase(Locale.ROOT))) {
                return false;
            }
            try {
                URI uri = new URI(origin);
                String host = uri.getHost();
                boolean secure = "https".equals(uri.getScheme())
                        || "http".equals(uri.getScheme()) && host != null && LOOPBACK.contains(host);
                return secure && host != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
                        && uri.getRawQuery() == null && uri.getRawFragment() == null
                        && (uri.getPort() == -1 || uri.getPort() <= 65535)
                        && origin.equals(uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}

package io.clientele.access.session;

/** The token of an {@code Authorization: Bearer ...} header, as a customer's page or app sends its session. */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    /** The token; null when the header is absent or of another scheme. */
    public static String of(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }
}

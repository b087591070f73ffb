package io.clientele.platform.web;

/** How many items one page of a listing may hold. */
public final class PageLimits {

    public static final int MAX = 200;

    private PageLimits() {
    }

    /** The requested limit, or a 400 problem naming {@code limit} when it is out of range. */
    public static int checked(int limit) {
        if (limit < 1 || limit > MAX) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}

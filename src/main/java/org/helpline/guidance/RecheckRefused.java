package org.helpline.guidance;

/** A re-check that was not written, with a code the API answers with and the reason. */
public final class RecheckRefused extends RuntimeException {
    public static final String NOT_FOUND = "not_found";
    public static final String NEEDS_OFFICIAL_SOURCE = "needs_official_source";
    public static final String CANNOT_EDIT = "cannot_edit";

    private final String code;

    RecheckRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package org.helpline.web.auth;

import java.time.Instant;

/**
 * A logged-in person: the token their cookie carries and their account as it is now.
 * Whether they must change their password is read from the account, so a change in one session (or on
 * the command line) holds for all of them.
 */
public record Session(String token, Account account, Instant createdAt) {

    public boolean passwordChangeRequired() {
        return account.mustChangePassword();
    }

    /** Leaves the token out, so that logging a session never writes it. */
    @Override
    public String toString() {
        return "Session[account=" + account.name() + ", createdAt=" + createdAt + "]";
    }
}

package org.helpline.config;

import java.time.Duration;

/**
 * @param accountsFile      where operator and supervisor accounts live (password hashes only)
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionMaxAge     a session ends this long after login, used or not
 * @param loginAttempts     failed logins allowed per account name from one source address within {@code loginWindow}
 * @param hashIterations    PBKDF2-HMAC-SHA512 iterations for new password hashes
 * @param secureCookies     mark cookies Secure; switch on whenever the server is reached over HTTPS
 * @param loginFailuresPerSource failed logins allowed from one source address, whatever the names, within
 *                          {@code loginWindow}
 * @param hashingThreads    threads that check password hashes (default: one per core)
 * @param hashingQueue      password checks that may wait for a thread; past that a login is refused at once
 *                          with 503 {@code unavailable} and {@code Retry-After}
 */
public record AuthConfig(String accountsFile, Duration sessionIdleTimeout, Duration sessionMaxAge,
                         Integer loginAttempts, Duration loginWindow, Integer hashIterations, Boolean secureCookies,
                         Integer loginFailuresPerSource, Integer hashingThreads, Integer hashingQueue) {
    public AuthConfig {
        accountsFile = accountsFile == null ? "data/accounts.json" : accountsFile;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        sessionMaxAge = sessionMaxAge == null ? Duration.ofHours(12) : sessionMaxAge;
        loginAttempts = loginAttempts == null ? 5 : loginAttempts;
        loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
        hashIterations = hashIterations == null ? 210_000 : hashIterations;
        secureCookies = secureCookies != null && secureCookies;
        loginFailuresPerSource = loginFailuresPerSource == null ? 20 : loginFailuresPerSource;
        hashingThreads = hashingThreads == null ? Runtime.getRuntime().availableProcessors() : hashingThreads;
        hashingQueue = hashingQueue == null ? 8 : hashingQueue;
    }

    void validate() {
        Check.notBlank(accountsFile, "auth.accountsFile");
        Check.positive(sessionIdleTimeout, "auth.sessionIdleTimeout");
        Check.positive(sessionMaxAge, "auth.sessionMaxAge");
        Check.positive(loginWindow, "auth.loginWindow");
        Check.that(loginAttempts >= 1, "auth.loginAttempts", "must be at least 1");
        Check.that(loginFailuresPerSource >= loginAttempts, "auth.loginFailuresPerSource", "must be at least auth.loginAttempts");
        Check.that(hashingThreads >= 1, "auth.hashingThreads", "must be at least 1");
        Check.that(hashingQueue >= 1, "auth.hashingQueue", "must be at least 1");
        Check.that(hashIterations >= 1_000, "auth.hashIterations", "must be at least 1000 (210000 recommended)");
    }
}

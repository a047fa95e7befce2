package org.helpline.supervision;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What supervisors did, one line each on the logger {@value #LOGGER} (its own appender in logback.xml):
 * who, when, what, to which contact or operator, and whether it was done. Never what was said or typed: no
 * chat text, no pause reason. Values are ids and codes; anything else a client sent is written {@code invalid}
 * so that no one can forge a line.
 */
public final class AuditLog {
    static final String LOGGER = "helpline.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param target e.g. {@code contact=<id>} or {@code operator=<id>}, plus {@code mode} or {@code presence}
     * @param result {@code ok}, or the refusal's code
     */
    public void record(String supervisor, String action, Map<String, String> target, String result) {
        StringBuilder line = new StringBuilder("at=").append(clock.instant())
                .append(" supervisor=").append(safe(supervisor))
                .append(" action=").append(safe(action));
        target.forEach((key, value) -> line.append(' ').append(key).append('=').append(safe(value)));
        line.append(" result=").append(safe(result));
        AUDIT.info(line.toString());
    }

    private static String safe(String value) {
        return value != null && SAFE.matcher(value).matches() ? value : "invalid";
    }
}

package org.helpline.privacy;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who viewed, exported, created or erased what: one line per act on the {@code helpline.audit} logger (its own
 * file, see logback.xml), naming the staff account, the act and the object (a referral reference, a date range,
 * a count), never any content. Values that are not plain ids are written {@code invalid}, so no one can forge a
 * line.
 */
public final class Audit {
    public static final String LOGGER = "helpline.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Audit() {
    }

    /**
     * @param account the staff account that acted
     * @param action  viewed, exported, created, erased
     * @param what    the kind of object, e.g. referral, referral_statuses, statistics
     * @param detail  key=value fields built by the caller from ids, dates and counts, e.g. {@code reference=HLP-...}
     */
    public static void record(String account, String action, String what, String detail) {
        LOG.info("account={} action={} what={}{}", safe(account), safe(action), safe(what),
                detail == null || detail.isEmpty() ? "" : " " + detail);
    }

    private static String safe(String value) {
        return value != null && SAFE.matcher(value).matches() ? value : "invalid";
    }
}

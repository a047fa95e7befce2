package org.helpline.config;

import java.time.Duration;

/**
 * The operators' guided scripts and exit-options directory ({@code org.helpline.guidance}).
 *
 * @param directory  the guidance folder; a relative path is read from the server's working directory
 * @param checkEvery   how often the folder is looked at for changes; a changed, valid folder is used at once
 * @param recheckAfter an exit-option entry not re-checked for this long is flagged to supervisors (6 months)
 */
public record GuidanceConfig(String directory, Duration checkEvery, Duration recheckAfter) {
    public GuidanceConfig {
        directory = directory == null ? "config/guidance" : directory;
        checkEvery = checkEvery == null ? Duration.ofSeconds(5) : checkEvery;
        recheckAfter = recheckAfter == null ? Duration.ofDays(183) : recheckAfter;
    }

    public static GuidanceConfig defaults() {
        return new GuidanceConfig(null, null, null);
    }

    void validate() {
        Check.notBlank(directory, "guidance.directory");
        Check.positive(checkEvery, "guidance.checkEvery");
        Check.positive(recheckAfter, "guidance.recheckAfter");
    }
}

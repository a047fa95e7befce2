package org.helpline.config;

import java.time.Duration;

/**
 * The operators' guided scripts and exit-options directory ({@code org.helpline.guidance}).
 *
 * @param directory  the guidance folder; a relative path is read from the server's working directory
 * @param checkEvery how often the folder is looked at for changes; a changed, valid folder is used at once
 */
public record GuidanceConfig(String directory, Duration checkEvery) {
    public GuidanceConfig {
        directory = directory == null ? "config/guidance" : directory;
        checkEvery = checkEvery == null ? Duration.ofSeconds(5) : checkEvery;
    }

    public static GuidanceConfig defaults() {
        return new GuidanceConfig(null, null);
    }

    void validate() {
        Check.notBlank(directory, "guidance.directory");
        Check.positive(checkEvery, "guidance.checkEvery");
    }
}

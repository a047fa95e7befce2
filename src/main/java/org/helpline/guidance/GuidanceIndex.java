package org.helpline.guidance;

import java.util.List;
import java.util.Map;

/**
 * {@code guidance.yaml}: the languages every text is written in, which script a contact's topic starts,
 * the kinds of exit option, and the topic tags an operator may choose at wrap-up.
 *
 * @param defaultScript the script for a topic not listed in {@code topics}
 * @param urgentScript  the script for a contact who said they are in danger now
 * @param unconfirmed   what follows a number or hours taken from a directory entry not confirmed yet ({@link DirectoryText})
 */
public record GuidanceIndex(List<String> languages, String defaultScript, String urgentScript,
                            Map<String, String> topics, List<Label> exitKinds, List<Label> tags, Text unconfirmed) {
    public GuidanceIndex {
        languages = languages == null ? List.of() : List.copyOf(languages);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        exitKinds = exitKinds == null ? List.of() : List.copyOf(exitKinds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

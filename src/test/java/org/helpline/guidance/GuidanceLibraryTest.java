package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("reloading guidance")
class GuidanceLibraryTest {
    private static final String REPLIES = "replies.yaml";

    @Test
    void aGoodEditIsInUseAfterReload(@TempDir Path dir) {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        GuidanceLibrary library = GuidanceLibrary.open(dir);
        String before = library.current().version();

        folder.edit(REPLIES, "Vă mulțumesc că ne-ați contactat.", "Mulțumim că ne-ați scris.");

        assertThat(library.reloadIfChanged()).isPresent();
        assertThat(library.current().version()).isNotEqualTo(before);
        assertThat(library.current().replies()).anySatisfy(r -> assertThat(r.text().in("ro", "ro")).startsWith("Mulțumim"));
        assertThat(library.reloadIfChanged()).as("nothing changed since").isEmpty();
    }

    @Test
    void aBadEditIsRefusedAndTheLastGoodGuidanceStaysInUse(@TempDir Path dir) {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        GuidanceLibrary library = GuidanceLibrary.open(dir);
        Guidance good = library.current();

        folder.edit("scripts/minor.yaml", "    route: child", "    route: kid");

        assertThatThrownBy(library::reload).isInstanceOf(InvalidGuidance.class)
                .hasMessageContaining(dir.resolve("scripts/minor.yaml") + ": script 'minor', step 'refer_child': steps[5].route: route 'kid' is not one of adult, child, notification");
        assertThat(library.current()).isSameAs(good);
        assertThat(library.reloadIfChanged()).as("the same bad files are reported once").isEmpty();

        folder.edit("scripts/minor.yaml", "    route: kid", "    route: child");
        assertThat(library.reloadIfChanged()).isPresent();
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> GuidanceLibrary.open(dir.resolve("nowhere")))
                .isInstanceOf(InvalidGuidance.class).hasMessageContaining("nowhere: is not a folder");
    }
}

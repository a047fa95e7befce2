package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number or opening hours given to a caller is kept in one place, the exit-options directory
 * (config/guidance/countries/), with its source. Scripts, replies and the chat page state a number only when the
 * directory has it confirmed; anything else they take from the directory entry, and it reads "to be confirmed"
 * until a supervisor's re-check confirms it, then confirmed everywhere at once.
 */
@DisplayName("numbers and hours come from the directory")
class DirectoryNumbersTest {
    private static final Guidance GUIDANCE = GuidanceLibrary.load(GuidanceFolder.SHIPPED);
    /** A phone number as texts write them: international, national (0…), or a short service number (112, 116 000). */
    private static final Pattern PHONE = Pattern.compile("\\+\\d{1,3}(?: ?\\d){6,12}"
            + "|(?<![\\w/.,])0\\d{2,4}(?: \\d{2,4}){1,3}(?![\\w/]|[.,]\\d)"
            + "|(?<![\\w/.,€$])1\\d{2}(?: \\d{3})?(?![\\w/%]|[.,]\\d)");
    private static final Pattern HOURS = Pattern.compile("\\d{1,2}:\\d{2}\\s*[–-]\\s*\\d{1,2}:\\d{2}");
    private static final Path CHAT = Path.of("src", "main", "resources", "webroot", "chat");

    /** Every text of the guidance outside the directory, the callers' chat page with its words, and the start page. */
    private static List<Path> textsOutsideTheDirectory() {
        Path guidance = GuidanceFolder.SHIPPED;
        try (Stream<Path> scripts = Files.list(guidance.resolve("scripts")); Stream<Path> messages = Files.list(CHAT.resolve("messages"))) {
            List<Path> files = new ArrayList<>(List.of(guidance.resolve("guidance.yaml"), guidance.resolve("indicators.yaml"),
                    guidance.resolve("replies.yaml"), CHAT.resolve("index.html"), CHAT.resolveSibling("index.html")));
            files.addAll(scripts.sorted().toList());
            files.addAll(messages.sorted().toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each number in the directory, and whether any entry with it is confirmed. */
    private static Map<String, Boolean> directory() {
        return GUIDANCE.countries().values().stream().flatMap(c -> c.options().stream()).filter(o -> o.phone() != null)
                .collect(Collectors.toMap(Country.ExitOption::phone, o -> Boolean.TRUE.equals(o.verified()), Boolean::logicalOr));
    }

    private static List<String> found(Pattern pattern, Path file) {
        try {
            List<String> found = new ArrayList<>();
            String[] lines = Files.readString(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher match = pattern.matcher(lines[i]);
                while (match.find()) {
                    found.add(file + ":" + (i + 1) + ": " + match.group());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyNumberATextStatesIsInTheDirectoryAndConfirmedThere() {
        Map<String, Boolean> directory = directory();
        List<String> stated = textsOutsideTheDirectory().stream().flatMap(file -> found(PHONE, file).stream()).toList();

        assertThat(stated).as("the check reads the texts").isNotEmpty();
        assertThat(stated).as("numbers the directory does not have")
                .allSatisfy(at -> assertThat(directory).containsKey(at.substring(at.lastIndexOf(": ") + 2)));
        assertThat(stated).as("numbers stated as fact that the directory has not confirmed: take them from it, {phone:RO/id}")
                .allSatisfy(at -> assertThat(directory.get(at.substring(at.lastIndexOf(": ") + 2))).as(at).isTrue());
    }

    @Test
    void noTextStatesOpeningHoursOfItsOwn() {
        assertThat(textsOutsideTheDirectory().stream().flatMap(file -> found(HOURS, file).stream()).toList())
                .as("hours come from the directory: {hours:RO/id}").isEmpty();
    }

    @Test
    void theHelplinesNumbersReadToBeConfirmedUntilASupervisorConfirmsThemThenConfirmedEverywhere(@TempDir Path dir) {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        GuidanceLibrary library = GuidanceLibrary.open(folder.root());
        Reply abroad = reply(library.current(), "helpline_abroad");
        assertThat(abroad.text().in("en", "en")).contains("+40 21 313 3100 (to be confirmed) or write to us here, on the chat");
        assertThat(abroad.text().in("ro", "ro")).contains("+40 21 313 3100 (de confirmat)");
        assertThat(abroad.verified()).isFalse();
        assertThat(reply(library.current(), "hours").text().in("en", "en"))
                .contains("Monday to Friday, 08:00–16:00 (Romania time) (to be confirmed)");
        Step respect = library.current().script("referral_adult").orElseThrow().step("respect").orElseThrow();
        assertThat(respect.verified()).as("a step that names an unconfirmed number is shown to be confirmed").isFalse();

        Guidance confirmed = library.recheck(new Recheck("RO", "ro_helpline_abroad", true, "anitp.mai.gov.ro/contact",
                "official", LocalDate.of(2026, 12, 2), "sofia"));

        assertThat(reply(confirmed, "helpline_abroad").text().in("en", "en")).contains("+40 21 313 3100 or write to us")
                .doesNotContain("+40 21 313 3100 (to be confirmed)").contains("0800 800 678 (to be confirmed)");
        assertThat(confirmed.script("danger").orElseThrow().steps().stream().map(s -> s.reply() == null ? "" : s.reply().in("en", "en")))
                .anySatisfy(text -> assertThat(text).contains("from abroad on +40 21 313 3100,"));
    }

    @Test
    void aReferenceToAnEntryThatIsNotThereIsRefusedWithItsPlace(@TempDir Path dir) throws IOException {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        Path replies = folder.root().resolve("replies.yaml");
        Files.writeString(replies, Files.readString(replies).replace("{phone:RO/ro_helpline_abroad}", "{phone:RO/ro_helpline_abroda}"));

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidGuidance.class, () -> GuidanceLibrary.load(folder.root()))
                .problems()).extracting(Problem::toString)
                .contains("replies.yaml: reply 'helpline_abroad': {phone:RO/ro_helpline_abroda}: no entry ro_helpline_abroda in countries/ro.yaml");
    }

    private static Reply reply(Guidance guidance, String id) {
        return guidance.replies().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}

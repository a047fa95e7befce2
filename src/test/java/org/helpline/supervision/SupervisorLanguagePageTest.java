package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.FakeClock;
import org.helpline.testing.PageTests;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The supervisor's language: the view (its wallboard, dialogs and alerts included) in Romanian or English, the
 * account's choice kept on the server, with the same RO / EN switch and the same names of codes as the console.
 */
@DisplayName("supervisor view: the supervisor's language")
class SupervisorLanguagePageTest extends PageTests {
    private static final Path VIEW = Path.of("src/main/resources/webroot/supervisor");
    /** The English texts of the view (fragments between {values}, long enough to be a phrase) found on the page. */
    private static final String ENGLISH_SHOWN = """
            const done = arguments[arguments.length - 1];
            import('/supervisor/words.js').then(({ WORDS }) => {
              const texts = [];
              const gather = (v) => (typeof v === 'string' ? texts.push(v) : Object.values(v).forEach(gather));
              gather(WORDS.en);
              const romanian = [];
              const gatherRo = (v) => (typeof v === 'string' ? romanian.push(v) : Object.values(v).forEach(gatherRo));
              gatherRo(WORDS.ro);
              const page = document.body.innerText;
              done([...new Set(texts.flatMap((t) => t.split(/\\{\\w+\\}/)).map((f) => f.trim())
                .filter((f) => f.length >= 12 && !romanian.some((r) => r.includes(f)) && page.includes(f)))]);
            });""";

    private Path dir;
    private WebDriver page;

    @Override
    protected TestServer serve(Path dir) {
        this.dir = dir;
        PasswordHash hash = new PasswordHash(1000);
        return TestServer.start(dir, new FakeClock(), "", List.of(
                TestServer.operator("ana", "ro", "en"),
                // has not chosen a language: the helpline's, Romanian
                new Account("sofia", Role.SUPERVISOR, hash.hash(TestServer.PASSWORD), Set.of(), Set.of(), null, null, "Sofia", false),
                // speaks English only, and has not chosen either
                new Account("george", Role.SUPERVISOR, hash.hash(TestServer.PASSWORD), Set.of("en"), Set.of(), null, null, "George", false)));
    }

    @BeforeEach
    void openThePage() {
        page = openBrowser().driver();
    }

    @Test
    void aSupervisorWhoHasNotChosenReadsRomanianSwitchesToEnglishAndKeepsItAcrossAReload() {
        Contact chat = chatArrives();
        logIn("/supervisor/", "sofia");

        awaitLanguage("ro");
        awaitText("#queue-title", "În așteptare acum: 1");
        assertThat(text("#alerts-title")).isEqualTo("Alerte");
        assertThat(text("#operators-title")).isEqualTo("Operatori");
        assertThat(text("#conversations-title")).isEqualTo("Conversații");
        awaitText("#alerts", "1 chat în limba română așteaptă și niciun operator disponibil nu îl preia.");
        awaitText("#alerts", "Linia este deschisă și niciun operator nu este conectat.");
        String row = "#waiting tr[data-contact='" + chat.id() + "']";
        awaitText(row, "În așteptare");
        assertThat(text(row)).as("the console's names of the codes")
                .contains("Chat", "Română", "în străinătate, în dificultate", "Normal").doesNotContain("abroad_in_trouble", "queued");
        assertThat(text("#fig-threshold")).isEqualTo("(preluate în cel mult 20 s)");

        visible(row + " button.move").click();
        visible("#confirm-dialog");
        assertThat(text("#confirm-title")).isEqualTo("Mută #" + chat.id().substring(0, 8));
        assertThat(text("#confirm-text")).isEqualTo("Își păstrează locul în coadă și așteaptă pe cineva care vorbește noua limbă.");
        assertThat(text("#confirm-language")).as("the other languages, by name").contains("engleză");
        assertThat(text("#confirm-ok")).isEqualTo("Confirmă");
        assertThat(englishShown()).as("no English phrase on the Romanian view").isEmpty();
        visible("#confirm-cancel").click();

        visible("#app [data-language=en]").click();
        awaitLanguage("en");
        awaitText("#queue-title", "Waiting now: 1");
        awaitText(row, "Waiting");
        assertThat(text(row)).contains("Chat", "Romanian", "abroad and in trouble", "Normal");
        awaitText("#alerts", "1 chat in Romanian waits and no available operator takes it.");
        assertThat(storedLanguage("sofia")).as("kept in her account on the server").isEqualTo("en");

        page.navigate().refresh();
        awaitLanguage("en");
        awaitText("#queue-title", "Waiting now: 1");
        assertThat(text("#alerts-title")).isEqualTo("Alerts");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).as("nothing kept in the browser").isEqualTo(0L);
    }

    @Test
    void theWallboardSpeaksTheLanguageOfTheSupervisorsAccount() {
        chatArrives();
        logIn("/supervisor/?wallboard", "sofia");

        awaitLanguage("ro");
        awaitText("#wallboard h1", "Linia de urgență acum");
        awaitText("#wall-waiting [data-tile=all]", "În așteptare\n1");
        awaitText("#wall-waiting [data-tile='chat|ro']", "Chaturi, română\n1");
        awaitText("#wall-free [data-tile=ro]", "Română\n0\napeluri 0 · chaturi 0");
        awaitText("#wall-service-title", "Nivelul de serviciu (preluate în cel mult 20 s) și abandonuri");
        awaitText("#wall-service [data-tile=today]", "Astăzi");
        awaitText("#wall-alerts", "1 chat în limba română așteaptă și niciun operator disponibil nu îl preia.");
        assertThat(englishShown()).as("no English phrase on the Romanian wallboard").isEmpty();
    }

    @Test
    void anEnglishSpeakingSupervisorReadsEnglish() {
        logIn("/supervisor/", "george");

        awaitLanguage("en");
        awaitText("#app h1", "Supervisor view");
        awaitText("#alerts", "The line is open and no operator is signed in.");
        assertThat(text("#queue-title")).isEqualTo("Waiting now: 0");
        assertThat(storedLanguage("george")).as("nothing chosen: the account's languages decide").isNull();
    }

    @Test
    void aChoiceMadeOnTheLoginPageIsKeptAtSignIn() {
        page.get("http://localhost:" + server.port() + "/supervisor/");
        visible("#login-view [data-language=en]").click();
        awaitLanguage("en");
        assertThat(text("#login-title")).isEqualTo("Helpline supervisor view");

        visible("#login-name").sendKeys("sofia");
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        awaitText("#app h1", "Supervisor view");
        assertThat(storedLanguage("sofia")).isEqualTo("en");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWordTheViewUsesIsInBothLanguages() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(VIEW)) {
            files = listed.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".js") || f.endsWith(".html")).sorted().toList();
        }
        page.get("http://localhost:" + server.port() + "/supervisor/");
        visible("#login-name");
        Map<String, Object> keys = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const [files, done] = arguments;
                (async () => {
                  const { WORDS } = await import('/supervisor/words.js');
                  const forms = ['zero', 'one', 'two', 'few', 'many', 'other'];
                  const plural = (v) => typeof v === 'object' && 'other' in v && Object.keys(v).every((k) => forms.includes(k));
                  const paths = (o, p) => Object.entries(o).flatMap(([k, v]) =>
                    (typeof v === 'object' && !plural(v) ? paths(v, `${p}${k}.`) : [`${p}${k}`]));
                  const ro = paths(WORDS.ro, ''), en = paths(WORDS.en, '');
                  const text = (await Promise.all(files.map((f) => fetch(`/supervisor/${f}`).then((r) => r.text())))).join('\\n');
                  const used = [...new Set([
                    ...[...text.matchAll(/\\bsay\\('(\\w+)'/g)].map((m) => `ui.${m[1]}`),
                    ...[...text.matchAll(/data-say(?:-label|-seconds|-minutes|-placeholder)?="(\\w+)"/g)].map((m) => `ui.${m[1]}`),
                    ...[...text.matchAll(/\\bword\\('(\\w+)', '([\\w-]+)'/g)].map((m) => `${m[1]}.${m[2]}`),
                  ])];
                  done({ used: used.length,
                    onlyRomanian: ro.filter((k) => !en.includes(k) && !k.startsWith('error.')),
                    onlyEnglish: en.filter((k) => !ro.includes(k)),
                    missing: used.filter((k) => !ro.includes(k) || !en.includes(k)) });
                })().catch((error) => done({ error: String(error) }));""", files);

        assertThat(keys.get("error")).isNull();
        assertThat((Long) keys.get("used")).as("keys the view's files use").isGreaterThan(100);
        assertThat((List<String>) keys.get("missing")).as("used, but not in both languages").isEmpty();
        assertThat((List<String>) keys.get("onlyRomanian")).as("Romanian words without English (the server's refusals aside)").isEmpty();
        assertThat((List<String>) keys.get("onlyEnglish")).as("English words without Romanian").isEmpty();
    }

    private Contact chatArrives() {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, "ro", "abroad_in_trouble", Priority.NORMAL, null))).await();
    }

    private void logIn(String path, String name) {
        page.get("http://localhost:" + server.port() + path);
        visible("#login-name").sendKeys(name);
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
    }

    private WebElement visible(String css) {
        return browser.await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void awaitText(String css, String text) {
        browser.await(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private String text(String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    private void awaitLanguage(String language) {
        browser.await(d -> language.equals(browser.script("return document.documentElement.lang")));
    }

    @SuppressWarnings("unchecked")
    private List<String> englishShown() {
        return (List<String>) ((JavascriptExecutor) page).executeAsyncScript(ENGLISH_SHOWN);
    }

    /** The language kept in the account file on disk. */
    private String storedLanguage(String name) {
        return new AccountFile(dir.resolve("accounts.json")).find(name).orElseThrow().consoleLanguage();
    }
}

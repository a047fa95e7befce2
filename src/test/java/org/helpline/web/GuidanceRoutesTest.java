package org.helpline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.guidance.Country;
import org.helpline.guidance.GuidanceFolder;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("guidance API /api/guidance")
class GuidanceRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeClock clock = new FakeClock();
    private GuidanceFolder folder;
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        folder = GuidanceFolder.copyOfShipped(dir.resolve("guidance"));
        server = TestServer.start(dir, clock,
                "guidance: { directory: \"" + folder.root() + "\", checkEvery: 50ms }",
                List.of(TestServer.operator("ana", "ro"), TestServer.supervisor("sofia")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:" + server.port());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> post(String path, String cookie, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Origin", "http://localhost:" + server.port())
                .header("Content-Type", "application/json")
                .header("Cookie", cookie).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonObject get(String path, String cookie) {
        HttpResponse<String> response = call("GET", path, cookie);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    @Test
    void anOperatorGetsEverythingTheConsoleNeeds() {
        String ana = server.login("ana");

        JsonObject bundle = get("/api/guidance", ana);

        assertThat(bundle.getJsonArray("languages")).containsExactly("ro", "en");
        assertThat(bundle.getJsonArray("scripts")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(bundle.getJsonArray("indicators").getJsonObject(0).getJsonArray("indicators")).hasSize(11);
        assertThat(bundle.getJsonArray("countries")).hasSize(18);
        assertThat(get("/api/guidance/scripts/minor", ana).getString("start")).isEqualTo("situation");
        assertThat(get("/api/guidance/scripts", ana).getJsonArray("scripts")).isNotEmpty();
        assertThat(get("/api/guidance/indicators", ana).getJsonArray("groups")).hasSize(4);
        assertThat(get("/api/guidance/replies", ana).getJsonArray("replies")).isNotEmpty();
        JsonObject germany = get("/api/guidance/countries/de", ana);
        assertThat(germany.encode()).contains("+40 21 313 3100", "Faire Mobilit", "\"checked\":\"2026-12-01\"");
        assertThat(call("GET", "/api/guidance/countries/zz", ana).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/guidance/scripts/nope", ana).statusCode()).isEqualTo(404);
    }

    @Test
    void nobodyWithoutASessionAndNoOperatorMayReload() {
        assertThat(call("GET", "/api/guidance", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/guidance/reload", server.login("ana")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorsReloadRefusesABadEditAndKeepsTheLastGoodContent() {
        String sofia = server.login("sofia");
        String ana = server.login("ana");
        String before = get("/api/guidance", ana).getString("version");

        folder.edit("scripts/danger.yaml", "    next: knows_where", "    next: knows_wher");
        HttpResponse<String> refused = call("POST", "/api/guidance/reload", sofia);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonObject error = new JsonObject(refused.body());
        assertThat(error.getString("code")).isEqualTo("invalid_guidance");
        assertThat(error.getJsonArray("problems").getString(0))
                .contains("scripts/danger.yaml: script 'danger', step 'emergency_first': next: 'knows_wher' is not a step");
        assertThat(get("/api/guidance", ana).getString("version")).isEqualTo(before);

        folder.edit("scripts/danger.yaml", "    next: knows_wher", "    next: knows_where");
        HttpResponse<String> reloaded = call("POST", "/api/guidance/reload", sofia);
        assertThat(reloaded.statusCode()).isEqualTo(200);
    }

    @Test
    void aSavedChangeIsUsedWithoutARestart() {
        String ana = server.login("ana");
        String before = get("/api/guidance", ana).getString("version");

        folder.edit("replies.yaml", "Aveți grijă de dumneavoastră.", "Vă dorim toate cele bune.");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String now = before;
        while (now.equals(before) && System.nanoTime() < deadline) {
            now = get("/api/guidance", ana).getString("version");
        }
        assertThat(now).isNotEqualTo(before);
        assertThat(get("/api/guidance/replies", ana).encode()).contains("Vă dorim toate cele bune.");
    }

    @Test
    void aSupervisorRecordsARecheckInTheCountryFileAndTheAuditLog() {
        String sofia = server.login("sofia");
        String untouched = folder.read("countries/de.yaml").replaceAll("(?s)  - id: de_embassy_berlin.*?\n\n", "");
        HttpResponse<String> answer;
        try (LogCapture log = new LogCapture()) {
            answer = post("/api/guidance/countries/de/options/de_embassy_berlin/recheck", sofia,
                    new JsonObject().put("result", "not_confirmed"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(log.text()).contains("supervisor=sofia action=exit_option_rechecked country=DE option=de_embassy_berlin "
                    + "found=not_confirmed result=ok");
        }
        JsonObject berlin = new JsonObject(answer.body()).getJsonArray("options").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("id").equals("de_embassy_berlin")).findFirst().orElseThrow();
        assertThat(berlin.getString("checked")).isEqualTo("2026-11-23");
        assertThat(berlin.getString("checkedBy")).isEqualTo("sofia");
        assertThat(berlin.getBoolean("verified")).isFalse();

        // Written into the file, next to the entry, the rest of the file as staff wrote it: a restart keeps it.
        String file = folder.read("countries/de.yaml");
        assertThat(file).contains("    checked: 2026-11-23\n    checkedBy: \"sofia\"\n    verified: false\n\n  - id: de_cg_muenchen");
        assertThat(file.replaceAll("(?s)  - id: de_embassy_berlin.*?\n\n", "")).isEqualTo(untouched);
        Country.ExitOption reread = GuidanceLibrary.load(folder.root()).country("DE").orElseThrow().option("de_embassy_berlin").orElseThrow();
        assertThat(reread.checkedBy()).isEqualTo("sofia");
        assertThat(reread.checked()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aRecheckOfAnEntryEveryCountryShowsIsWrittenOnceInAbroadYamlAndEveryCountryShowsIt() {
        String sofia = server.login("sofia");
        List<String> abroad = get("/api/guidance/countries", sofia).getJsonArray("countries").stream().map(JsonObject.class::cast)
                .map(c -> c.getString("code").toLowerCase(java.util.Locale.ROOT)).filter(code -> !code.equals("ro")).toList();
        java.util.Map<String, String> countryFiles = new java.util.TreeMap<>();
        abroad.forEach(code -> countryFiles.put(code, folder.read("countries/" + code + ".yaml")));
        countryFiles.put("ro", folder.read("countries/ro.yaml"));
        assertThat(abroad).hasSize(17);

        HttpResponse<String> answer;
        try (LogCapture log = new LogCapture()) {
            answer = post("/api/guidance/countries/dk/options/dk_anitp_abroad/recheck", sofia, new JsonObject()
                    .put("result", "confirmed").put("source", "anitp.mai.gov.ro, contact page").put("sourceType", "official"));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(log.text()).contains("supervisor=sofia action=exit_option_rechecked country=DK option=dk_anitp_abroad "
                    + "shared=abroad.yaml found=confirmed result=ok");
        }

        for (String code : abroad) {
            JsonObject country = get("/api/guidance/countries/" + code, sofia);
            assertThat(country.fieldNames()).containsExactly("code", "name", "options");
            JsonObject line = country.getJsonArray("options").getJsonObject(1);
            assertThat(line.getString("id")).isEqualTo(code + "_anitp_abroad");
            assertThat(line.getString("phone")).isEqualTo("+40 21 313 3100");
            assertThat(line.getBoolean("verified")).as(code).isTrue();
            assertThat(line.getString("checked")).isEqualTo("2026-11-23");
            assertThat(line.getString("checkedBy")).isEqualTo("sofia");
            assertThat(line.getString("source")).isEqualTo("anitp.mai.gov.ro, contact page");
        }
        String shared = folder.read("abroad.yaml");
        assertThat(shared).containsOnlyOnce("    checked: 2026-11-23\n    checkedBy: \"sofia\"\n    verified: true\n\n  - id: mfa_24_7");
        countryFiles.forEach((code, text) -> assertThat(folder.read("countries/" + code + ".yaml")).as(code).isEqualTo(text));
    }

    @Test
    void onlyAnOfficialSourceConfirmsAnEntry() {
        String sofia = server.login("sofia");
        String before = folder.read("countries/pl.yaml");

        HttpResponse<String> refused = post("/api/guidance/countries/PL/options/pl_embassy_varsovia/recheck", sofia,
                new JsonObject().put("result", "confirmed"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("needs_official_source");
        assertThat(folder.read("countries/pl.yaml")).isEqualTo(before);

        HttpResponse<String> confirmed = post("/api/guidance/countries/PL/options/pl_embassy_varsovia/recheck", sofia,
                new JsonObject().put("result", "confirmed").put("source", "varsovia.mae.ro, contact page").put("sourceType", "official"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        Country.ExitOption warsaw = GuidanceLibrary.load(folder.root()).country("PL").orElseThrow().option("pl_embassy_varsovia").orElseThrow();
        assertThat(warsaw.verified()).isTrue();
        assertThat(warsaw.source()).isEqualTo("varsovia.mae.ro, contact page");
        assertThat(warsaw.phone()).isEqualTo("+48 694 486 683");
    }

    @Test
    void aRecheckNamesWhatIsWrongAndOnlySupervisorsMayRecheck() {
        String sofia = server.login("sofia");
        assertThat(post("/api/guidance/countries/DE/options/de_nothing/recheck", sofia, new JsonObject().put("result", "confirmed"))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> bad = post("/api/guidance/countries/DE/options/de_112/recheck", sofia, new JsonObject().put("result", "yes"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("confirmed or not_confirmed");
        assertThat(post("/api/guidance/countries/DE/options/de_112/recheck", sofia,
                new JsonObject().put("result", "confirmed").put("source", "x")).body()).contains("together");
        assertThat(post("/api/guidance/countries/DE/options/de_112/recheck", server.login("ana"),
                new JsonObject().put("result", "confirmed")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/guidance/rechecks", server.login("ana")).statusCode()).isEqualTo(403);
    }

    @Test
    void entriesNotRecheckedForSixMonthsAreFlaggedToSupervisors() {
        String sofia = server.login("sofia");
        assertThat(get("/api/guidance/rechecks", sofia).getJsonArray("entries", new JsonArray())).isEmpty(); // empty fields are left out

        clock.advance(Duration.ofDays(200)); // 2027-06-11: more than 183 days after the research of 2026-12-01
        sofia = server.login("sofia");
        JsonObject due = get("/api/guidance/rechecks", sofia);
        assertThat(due.getInteger("recheckAfterDays")).isEqualTo(183);
        int all = due.getJsonArray("entries").size();
        assertThat(all).isGreaterThan(150);
        assertThat(due.getJsonArray("entries").getJsonObject(0).getString("checked")).isEqualTo("2026-12-01");

        assertThat(post("/api/guidance/countries/AT/options/at_bk_hotline/recheck", sofia,
                new JsonObject().put("result", "confirmed")).statusCode()).isEqualTo(200);
        JsonObject after = get("/api/guidance/rechecks", sofia);
        assertThat(after.getJsonArray("entries")).hasSize(all - 1);
        assertThat(after.getJsonArray("entries").stream().map(JsonObject.class::cast).map(o -> o.getString("id")))
                .doesNotContain("at_bk_hotline");
    }
}

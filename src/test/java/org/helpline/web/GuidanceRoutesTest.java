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
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.guidance.GuidanceFolder;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("guidance API /api/guidance")
class GuidanceRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private GuidanceFolder folder;
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        folder = GuidanceFolder.copyOfShipped(dir.resolve("guidance"));
        server = TestServer.start(dir, new FakeClock(),
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

        folder.edit("scripts/danger.yaml", "next: danger_exits", "next: danger_exit");
        HttpResponse<String> refused = call("POST", "/api/guidance/reload", sofia);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonObject error = new JsonObject(refused.body());
        assertThat(error.getString("code")).isEqualTo("invalid_guidance");
        assertThat(error.getJsonArray("problems").getString(0))
                .contains("scripts/danger.yaml: script 'danger', step 'emergency_first': next: 'danger_exit' is not a step");
        assertThat(get("/api/guidance", ana).getString("version")).isEqualTo(before);

        folder.edit("scripts/danger.yaml", "next: danger_exit", "next: danger_exits");
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
}

package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("login and /api/me while Redis is down")
class LoginDuringStoreOutageTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    @Test
    void answerTheDocumentedUnavailableAndRecoverWithTheStore(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), REDIS.storeYaml(), List.of(TestServer.operator("ana", "ro")))) {
            String cookie = server.login("ana");
            WebClient web = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("localhost")
                    .setDefaultPort(server.port()));

            REDIS.stop();
            HttpResponse<Buffer> login = server.post("/api/login",
                    new JsonObject().put("name", "ana").put("password", TestServer.PASSWORD));
            HttpResponse<Buffer> me = web.get("/api/me").putHeader("Cookie", cookie).send().await();

            for (HttpResponse<Buffer> answer : List.of(login, me)) {
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("unavailable");
                assertThat(answer.getHeader("Retry-After")).isNotNull();
            }

            REDIS.start();
            Eventually.until(() -> server.post("/api/login", new JsonObject().put("name", "ana")
                    .put("password", TestServer.PASSWORD)).statusCode() == 200, "logins work again once Redis is back");
        }
    }
}

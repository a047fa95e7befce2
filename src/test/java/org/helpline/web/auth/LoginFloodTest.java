package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.helpline.config.AuthConfig;
import org.helpline.core.SourceAddress;
import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A flood of wrong logins against a deliberately tiny hashing pool (one thread, one waiting check). */
@ExtendWith(VertxExtension.class)
class LoginFloodTest {
    private static final int FLOOD = 30;

    @TempDir
    Path dir;

    @Test
    void aFloodGetsTheFastRefusalAndARealLoginStillGetsIn(Vertx vertx) throws Exception {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(Accounts.operator("ana", Accounts.ANA_PASSWORD));
        // Slow dummy hashes for the unknown names of the flood; ana's own hash stays cheap.
        AuthConfig tiny = new AuthConfig(dir.resolve("accounts.json").toString(), null, null, null, null, 400_000, false,
                null, 1, 1);
        FakeClock clock = new FakeClock();
        Authentication authentication = Authentication.start(vertx, tiny, "http://localhost:8080", accounts,
                new MemoryStore(clock), new SourceAddress(List.of("127.0.0.1")), clock);
        Router router = Router.router(vertx);
        authentication.mount(router);
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(server.actualPort()), new PoolOptions().setHttp1MaxSize(FLOOD + 1));
        try {
            List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(login(client, "203.0.113." + i, "nobody" + i, "guess number " + i));
            }
            Future<HttpResponse<Buffer>> during = login(client, "198.51.100.7", "ana", Accounts.ANA_PASSWORD);
            List<HttpResponse<Buffer>> answers = new ArrayList<>();
            for (Future<HttpResponse<Buffer>> answer : flood) {
                answers.add(await(answer));
            }

            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401, 503);
            List<HttpResponse<Buffer>> refused = answers.stream().filter(a -> a.statusCode() == 503).toList();
            assertThat(refused).as("checks past the pool and its queue are refused, not queued").isNotEmpty();
            assertThat(refused).allSatisfy(a -> {
                assertThat(a.bodyAsJsonObject().getString("code")).isEqualTo("unavailable");
                assertThat(a.getHeader("Retry-After")).isEqualTo("1");
            });
            HttpResponse<Buffer> real = await(during);
            assertThat(real.statusCode()).as("the real login is let in or told to retry at once").isIn(200, 503);
            HttpResponse<Buffer> retried = real;
            for (int i = 0; i < 50 && retried.statusCode() == 503; i++) {
                retried = await(login(client, "198.51.100.7", "ana", Accounts.ANA_PASSWORD));
            }
            assertThat(retried.statusCode()).isEqualTo(200);
        } finally {
            client.close();
            await(server.close());
            await(authentication.close());
        }
    }

    private static Future<HttpResponse<Buffer>> login(WebClient client, String address, String name, String password) {
        return client.post("/api/login").putHeader("X-Forwarded-For", address)
                .sendJsonObject(new JsonObject().put("name", name).put("password", password));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}

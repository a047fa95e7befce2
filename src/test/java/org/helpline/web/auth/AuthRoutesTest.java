package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.SourceAddress;
import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The routes over real HTTP, with a protected route for each role next to them. */
@ExtendWith(VertxExtension.class)
class AuthRoutesTest {
    private static final String PUBLIC_URL = "http://localhost:8080";
    private static final String ANA = Accounts.ANA_PASSWORD;
    private static final String SOFIA = Accounts.SOFIA_PASSWORD;
    private static final String ATTACKER = "203.0.113.9";

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock();
    private AccountFile accounts;
    private final MemoryStore store = new MemoryStore(clock);
    private Authentication authentication;
    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(Accounts.operator("ana", ANA));
        accounts.add(Accounts.supervisor("sofia", SOFIA));
        authentication = Authentication.start(vertx, Accounts.config(dir), PUBLIC_URL, accounts, store,
                new SourceAddress(List.of("127.0.0.1")), clock);
        Router router = Router.router(vertx);
        authentication.mount(router);
        AccessControl access = authentication.access();
        router.get("/operator-area").handler(access.requireRole(Role.OPERATOR)).handler(AuthRoutesTest::hello);
        router.get("/supervisor-area").handler(access.requireRole(Role.SUPERVISOR)).handler(AuthRoutesTest::hello);
        router.post("/supervisor-area").handler(BodyHandler.create()).handler(access.requireRole(Role.SUPERVISOR))
                .handler(AuthRoutesTest::hello);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.actualPort()));
    }

    @AfterEach
    void stop() throws Exception {
        if (client == null) {
            return;
        }
        client.close();
        await(server.close());
        await(authentication.close());
    }

    private static void hello(RoutingContext context) {
        String body = context.body().available() ? " " + context.body().asString() : "";
        context.response().end("hello " + AccessControl.of(context).name() + body);
    }

    @Test
    void loginSetsAnHttpOnlySameSiteStrictCookie() throws Exception {
        HttpResponse<Buffer> response = login("ana", ANA);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("name", "ana").put("role", "operator")
                .put("displayName", "Ana").put("passwordChangeRequired", false));
        assertThat(response.cookies()).singleElement().asString()
                .startsWith("helpline_session=")
                .contains("; Path=/", "; SameSite=Strict")
                .containsIgnoringCase("; HttpOnly")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void meTellsWhoIsLoggedInWithoutTheHash() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> me = get("/api/me", token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.bodyAsJsonObject().getString("name")).isEqualTo("ana");
        assertThat(me.bodyAsJsonObject().getJsonArray("languages")).containsExactly("en", "ro");
        assertThat(me.bodyAsString()).doesNotContain("pbkdf2", "passwordHash");
        assertThat(me.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theConsoleLanguageIsRomanianUntilTheOperatorChoosesAndTheChoiceIsKeptInTheAccount() throws Exception {
        String token = token(login("ana", ANA));
        assertThat(get("/api/me", token).bodyAsJsonObject().getString("consoleLanguage")).as("the helpline's language").isEqualTo("ro");

        HttpResponse<Buffer> chosen = put("/api/me/language", token, new JsonObject().put("language", "en"), PUBLIC_URL);

        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.bodyAsJsonObject().getString("consoleLanguage")).isEqualTo("en");
        assertThat(accounts.find("ana").orElseThrow().consoleLanguage()).isEqualTo("en");
        assertThat(new AccountFile(dir.resolve("accounts.json")).find("ana").orElseThrow().consoleLanguage())
                .as("written to the accounts file").isEqualTo("en");
        String again = token(login("ana", ANA));
        assertThat(get("/api/me", again).bodyAsJsonObject().getString("consoleLanguage")).isEqualTo("en");
    }

    @Test
    void aConsoleLanguageOtherThanRomanianOrEnglishOrFromAnotherSiteIsRefused() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> unknown = put("/api/me/language", token, new JsonObject().put("language", "fr"), PUBLIC_URL);
        HttpResponse<Buffer> elsewhere = put("/api/me/language", token, new JsonObject().put("language", "en"), "https://evil.example");
        HttpResponse<Buffer> nobody = put("/api/me/language", null, new JsonObject().put("language", "en"), PUBLIC_URL);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("bad_language");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(accounts.find("ana").orElseThrow().consoleLanguage()).as("unchanged").isNull();
    }

    @Test
    void anOperatorWhoDoesNotSpeakRomanianGetsAnEnglishConsoleByDefault() {
        Account english = new Account("bob", Role.OPERATOR, Accounts.HASHER.hash("bob-password-12"), Set.of("en"), Set.of(), null, null, null, false);
        assertThat(english.effectiveConsoleLanguage()).isEqualTo("en");
        assertThat(english.withConsoleLanguage("ro").effectiveConsoleLanguage()).isEqualTo("ro");
        assertThat(Accounts.supervisor("sofia", SOFIA).effectiveConsoleLanguage()).isEqualTo("ro");
    }

    @Test
    void namesAreNotCaseSensitive() throws Exception {
        assertThat(login("Ana", ANA).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<Buffer> response = login("ana", "not the password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("bad_credentials");
        assertThat(response.cookies()).isEmpty();
    }

    @Test
    void anUnknownNameGetsTheSameAnswerAsAWrongPassword() throws Exception {
        HttpResponse<Buffer> wrongPassword = login("ana", "not the password");
        HttpResponse<Buffer> unknownName = login("nobody", "not the password");
        HttpResponse<Buffer> impossibleName = login("Not A Name!", "not the password");

        assertThat(unknownName.statusCode()).isEqualTo(401);
        assertThat(unknownName.bodyAsString()).isEqualTo(wrongPassword.bodyAsString());
        assertThat(impossibleName.bodyAsString()).isEqualTo(wrongPassword.bodyAsString());
    }

    @Test
    void theSixthAttemptIsRefusedEvenWithTheRightPasswordUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("ana", "guess number " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> refused = login("ana", ANA);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("too_many_attempts");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("900");
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("ana", ANA).statusCode()).isEqualTo(200);
    }

    @Test
    void anAttackersGuessesFromElsewhereDoNotLockTheOperatorOut() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(loginFrom(ATTACKER, "ana", "guess number " + i).statusCode()).isIn(401, 429);
        }
        assertThat(loginFrom(ATTACKER, "ana", ANA).statusCode()).as("the guessing address itself is refused").isEqualTo(429);

        assertThat(loginFrom("198.51.100.7", "ana", ANA).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAfterItsAllowance() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(loginFrom(ATTACKER, "name" + i, "guess").statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> refused = loginFrom(ATTACKER, "sofia", SOFIA);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("900");
        assertThat(loginFrom("198.51.100.7", "sofia", SOFIA).statusCode()).isEqualTo(200);
    }

    @Test
    void theThrottleKeepsAddressesOutOfTheStoreAsThePrivacyNoticeSays() throws Exception {
        for (int i = 0; i < 6; i++) {
            loginFrom(ATTACKER, "ana", "guess number " + i);
        }

        assertThat(await(store.entries("")).keySet()).as("nothing about failed logins is stored").isEmpty();
        String privacy = Files.readString(Path.of("docs/privacy.md"));
        assertThat(privacy).doesNotContain("value:throttle:", "value:login-failures:")
                .contains("**A login's address**", "`LoginThrottle`", "`auth.loginWindow`");
    }

    @Test
    void xForwardedForFromAnUntrustedAddressIsIgnored(Vertx vertx) throws Exception {
        Authentication untrusting = Authentication.start(vertx, Accounts.config(dir), PUBLIC_URL, accounts,
                new MemoryStore(clock), new SourceAddress(List.of()), clock);
        Router router = Router.router(vertx);
        untrusting.mount(router);
        HttpServer other = await(vertx.createHttpServer().requestHandler(router).listen(0));
        WebClient direct = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(other.actualPort()));
        try {
            for (int i = 0; i < 5; i++) {
                sendLogin(direct, "203.0.113." + i, "ana", "guess number " + i);
            }
            assertThat(sendLogin(direct, "198.51.100.7", "ana", ANA).statusCode())
                    .as("a client cannot pick a fresh address by writing the header").isEqualTo(429);
        } finally {
            direct.close();
            await(other.close());
            await(untrusting.close());
        }
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        String token = token(login("ana", ANA));
        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/api/me", token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(30));
        HttpResponse<Buffer> expired = get("/api/me", token);

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.bodyAsJsonObject().getString("code")).isEqualTo("unauthenticated");
        assertThat(expired.cookies()).singleElement().asString().contains("Max-Age=0");
    }

    @Test
    void withoutASessionEveryProtectedRouteIs401() throws Exception {
        assertThat(get("/operator-area", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", "made-up-token").statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorCannotUseSupervisorRoutes() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> response = get("/supervisor-area", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
        assertThat(get("/operator-area", token).bodyAsString()).isEqualTo("hello ana");
    }

    @Test
    void aSupervisorReachesSupervisorRoutes() throws Exception {
        assertThat(get("/supervisor-area", token(login("sofia", SOFIA))).bodyAsString()).isEqualTo("hello sofia");
    }

    @Test
    void aTemporaryPasswordOpensOnlyThePasswordChange() throws Exception {
        accounts.add(new Account("admin", Role.SUPERVISOR, Accounts.HASHER.hash("one-time-password"), Set.of(), Set.of(),
                null, null, null, true));
        HttpResponse<Buffer> login = login("admin", "one-time-password");
        String token = token(login);
        assertThat(login.bodyAsJsonObject().getBoolean("passwordChangeRequired")).isTrue();

        HttpResponse<Buffer> blocked = get("/supervisor-area", token);
        HttpResponse<Buffer> me = get("/api/me", token);
        HttpResponse<Buffer> changed = post("/api/password", token,
                new JsonObject().put("current", "one-time-password").put("new", "chosen by the admin"), PUBLIC_URL);

        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.bodyAsJsonObject().getString("code")).isEqualTo("password_change_required");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(get("/supervisor-area", token).statusCode()).isEqualTo(401);
        assertThat(get("/supervisor-area", token(changed)).bodyAsString()).isEqualTo("hello admin");
        assertThat(accounts.find("admin").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndALongEnoughNewOne() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> wrongCurrent = post("/api/password", token,
                new JsonObject().put("current", "not the password").put("new", "a long new password"), null);
        HttpResponse<Buffer> tooShort = post("/api/password", token,
                new JsonObject().put("current", ANA).put("new", "short"), null);

        assertThat(wrongCurrent.statusCode()).isEqualTo(403);
        assertThat(wrongCurrent.bodyAsJsonObject().getString("code")).isEqualTo("bad_credentials");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.bodyAsJsonObject().getString("code")).isEqualTo("weak_password");
        assertThat(tooShort.bodyAsJsonObject().getString("message")).contains("12 characters");
    }

    @Test
    void aPostFromAnotherSiteIsRefused() throws Exception {
        String token = token(login("sofia", SOFIA));

        HttpResponse<Buffer> foreign = post("/supervisor-area", token, new JsonObject(), "https://evil.example");
        HttpResponse<Buffer> own = post("/supervisor-area", token, new JsonObject().put("x", 1), PUBLIC_URL);

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.bodyAsJsonObject().getString("code")).isEqualTo("bad_origin");
        assertThat(own.bodyAsString()).isEqualTo("hello sofia {\"x\":1}");
    }

    @Test
    void aLoginFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<Buffer> response = await(client.post("/api/login").putHeader("Origin", "https://evil.example")
                .sendJsonObject(new JsonObject().put("name", "ana").put("password", ANA)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("bad_origin");
    }

    @Test
    void aWebSocketUpgradeFromAnotherSiteIsRefused() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> response = await(client.get("/operator-area")
                .putHeader("Cookie", "helpline_session=" + token)
                .putHeader("Upgrade", "websocket")
                .putHeader("Origin", "https://evil.example")
                .send());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("bad_origin");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<Buffer> response = await(client.post("/api/login").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"name\": ")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("type", "error").put("code", "bad_json")
                .put("message", "the body is not a JSON object"));
    }

    @Test
    void aBodyOverFourKilobytesIs413() throws Exception {
        HttpResponse<Buffer> response = await(client.post("/api/login")
                .sendJsonObject(new JsonObject().put("name", "ana").put("password", "x".repeat(5000))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("body_too_large");
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        String token = token(login("ana", ANA));

        HttpResponse<Buffer> logout = post("/api/logout", token, null, PUBLIC_URL);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.cookies()).singleElement().asString().startsWith("helpline_session=;").contains("Max-Age=0");
        assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
    }

    private HttpResponse<Buffer> login(String name, String password) throws Exception {
        return post("/api/login", null, new JsonObject().put("name", name).put("password", password), null);
    }

    /** Through the trusted proxy (127.0.0.1 here), as a client at {@code address}. */
    private HttpResponse<Buffer> loginFrom(String address, String name, String password) throws Exception {
        return sendLogin(client, address, name, password);
    }

    private static HttpResponse<Buffer> sendLogin(WebClient client, String address, String name, String password) throws Exception {
        return await(client.request(HttpMethod.POST, "/api/login").putHeader("X-Forwarded-For", address)
                .sendJsonObject(new JsonObject().put("name", name).put("password", password)));
    }

    private HttpResponse<Buffer> get(String path, String token) throws Exception {
        return await(withSession(client.request(HttpMethod.GET, path), token).send());
    }

    private HttpResponse<Buffer> post(String path, String token, JsonObject body, String origin) throws Exception {
        HttpRequest<Buffer> request = withSession(client.request(HttpMethod.POST, path), token);
        if (origin != null) {
            request.putHeader("Origin", origin);
        }
        return await(body == null ? request.send() : request.sendJsonObject(body));
    }

    private HttpResponse<Buffer> put(String path, String token, JsonObject body, String origin) throws Exception {
        return await(withSession(client.request(HttpMethod.PUT, path), token).putHeader("Origin", origin).sendJsonObject(body));
    }

    private static HttpRequest<Buffer> withSession(HttpRequest<Buffer> request, String token) {
        return token == null ? request : request.putHeader("Cookie", "helpline_session=" + token);
    }

    private static String token(HttpResponse<Buffer> response) {
        String cookie = response.cookies().getFirst();
        return cookie.substring("helpline_session=".length(), cookie.indexOf(';'));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

package org.helpline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpline.store.HelplineStoreContract.await;
import static org.helpline.store.HelplineStoreContract.recordAll;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
@DisplayName("Redis store with a password")
class RedisStorePasswordTest {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final RedisServer REDIS = RedisServer.withPassword(PASSWORD);

    private final List<RedisStore> opened = new ArrayList<>();
    private Vertx vertx;

    @BeforeEach
    void keep(Vertx vertx) {
        this.vertx = vertx;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(s -> await(s.close()));
    }

    private RedisStore open(String password) {
        RedisConfig config = new RedisConfig(REDIS.url(), password, REDIS.keyPrefix(), null, null);
        RedisStore store = new RedisStore(vertx, config, Clock.systemUTC());
        opened.add(store);
        return store;
    }

    @Test
    @DisplayName("works with the right password")
    void rightPassword() {
        RedisStore store = open(PASSWORD);
        HelplineFlow flow = HelplineFlow.shift();
        await(store.load());
        recordAll(store, flow.batches());

        assertThat(await(open(PASSWORD).load()).contacts()).containsExactlyElementsOf(flow.liveContacts());
        assertThat(store.status().up()).isTrue();
    }

    @Test
    @DisplayName("says authentication failed, without the password, when it is wrong")
    void wrongPassword() {
        String wrong = "not the password";
        RedisStore store = open(wrong);

        assertThatThrownBy(() -> await(store.load()))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + REDIS.port())
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("WRONGPASS")
                .message().doesNotContain(wrong);
        assertThat(store.status().up()).isFalse();
        assertThat(store.status().reason()).contains("authentication failed").doesNotContain(wrong);
    }

    @Test
    @DisplayName("says authentication failed when no password is configured")
    void missingPassword() {
        RedisStore store = open("");

        assertThatThrownBy(() -> await(store.load()))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("NOAUTH");
        assertThat(store.status().up()).isFalse();
    }
}

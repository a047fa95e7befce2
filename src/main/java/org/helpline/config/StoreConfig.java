package org.helpline.config;

import java.time.Duration;

/**
 * @param type  {@code memory} (default; a restart forgets everything) or {@code redis}
 */
public record StoreConfig(String type, RedisConfig redis) {
    public StoreConfig {
        type = type == null ? "memory" : type;
        redis = redis == null ? new RedisConfig(null, null, null, null, null) : redis;
    }

    public boolean usesRedis() {
        return type.equals("redis");
    }

    void validate() {
        Check.that(type.equals("memory") || type.equals("redis"), "store.type", "must be memory or redis, not '" + type + "'");
        if (usesRedis()) {
            redis.validate();
        }
    }

    /**
     * @param url         redis://host:port[/db]
     * @param password    from the environment, e.g. {@code ${HELPLINE_REDIS_PASSWORD:-}}; empty for none
     * @param keyPrefix   prefix of every key, so several helplines can share one Redis
     * @param contactTtl  how long a contact's record lives after its last change
     * @param operatorTtl how long an operator's presence lives after its last change
     */
    public record RedisConfig(String url, String password, String keyPrefix, Duration contactTtl,
                              Duration operatorTtl) {
        public RedisConfig {
            url = url == null ? "redis://127.0.0.1:6379" : url;
            password = password == null ? "" : password;
            keyPrefix = keyPrefix == null ? "helpline:" : keyPrefix;
            contactTtl = contactTtl == null ? Duration.ofHours(12) : contactTtl;
            operatorTtl = operatorTtl == null ? Duration.ofHours(24) : operatorTtl;
        }

        void validate() {
            Check.that(url.matches("rediss?://.+"), "store.redis.url", "must look like redis://host:port");
            Check.positive(contactTtl, "store.redis.contactTtl");
            Check.positive(operatorTtl, "store.redis.operatorTtl");
        }
    }
}

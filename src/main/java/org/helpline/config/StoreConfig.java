package org.helpline.config;

import java.time.Duration;
import java.util.List;

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
        Check.that(usesRedis() || !redis.leadership().enabled(), "store.redis.leadership.enabled",
                "needs store.type: redis (the servers share the lease and the state there)");
    }

    /**
     * @param url         redis://host:port[/db]
     * @param password    from the environment, e.g. {@code ${HELPLINE_REDIS_PASSWORD:-}}; empty for none
     * @param keyPrefix   prefix of every key, so several helplines can share one Redis
     * @param contactTtl  how long a contact's record lives after its last change
     * @param operatorTtl how long an operator's presence lives after its last change
     * @param leadership  two or more servers sharing this Redis: one active, the others standing by
     * @param sentinel    find the Redis primary through Sentinel instead of {@code url}
     */
    public record RedisConfig(String url, String password, String keyPrefix, Duration contactTtl,
                              Duration operatorTtl, LeadershipConfig leadership, SentinelConfig sentinel) {
        public RedisConfig {
            url = url == null ? "redis://127.0.0.1:6379" : url;
            password = password == null ? "" : password;
            keyPrefix = keyPrefix == null ? "helpline:" : keyPrefix;
            contactTtl = contactTtl == null ? Duration.ofHours(12) : contactTtl;
            operatorTtl = operatorTtl == null ? Duration.ofHours(24) : operatorTtl;
            leadership = leadership == null ? new LeadershipConfig(null, null, null, null) : leadership;
            sentinel = sentinel == null ? new SentinelConfig(null, null, null) : sentinel;
        }

        public RedisConfig(String url, String password, String keyPrefix, Duration contactTtl, Duration operatorTtl) {
            this(url, password, keyPrefix, contactTtl, operatorTtl, null, null);
        }

        void validate() {
            Check.that(url.matches("rediss?://.+"), "store.redis.url", "must look like redis://host:port");
            Check.positive(contactTtl, "store.redis.contactTtl");
            Check.positive(operatorTtl, "store.redis.operatorTtl");
            leadership.validate();
            sentinel.validate();
        }
    }

    /**
     * @param enabled    true when two or more servers share this Redis (each with the same settings)
     * @param leaseTtl   a dead active server is replaced after at most this, plus the takeover itself
     * @param renewEvery how often the active server renews its lease; it stops serving by itself once
     *                   {@code leaseTtl - renewEvery} passes without a renewal
     * @param server     this server's name as the lease shows it; empty for host name and process id
     */
    public record LeadershipConfig(Boolean enabled, Duration leaseTtl, Duration renewEvery, String server) {
        public LeadershipConfig {
            enabled = enabled != null && enabled;
            leaseTtl = leaseTtl == null ? Duration.ofSeconds(2) : leaseTtl;
            renewEvery = renewEvery == null ? Duration.ofMillis(500) : renewEvery;
            server = server == null ? "" : server;
        }

        void validate() {
            Check.positive(renewEvery, "store.redis.leadership.renewEvery");
            Check.that(renewEvery.multipliedBy(3).compareTo(leaseTtl) <= 0, "store.redis.leadership.renewEvery",
                    "must be at most a third of leaseTtl (" + leaseTtl.toMillis()
                            + " ms), so that a renewal can fail twice before the lease lapses");
        }
    }

    /**
     * @param masterName   the name the sentinels know the primary by; empty: no Sentinel, {@code url} is the Redis
     * @param nodes        the sentinels, comma-separated, each redis://host:port (one setting, so that one
     *                     environment variable can hold them)
     * @param waitReplicas each batch of writes waits (up to 1 s) until this many replicas have it before it counts
     *                     as recorded (a chat message is acknowledged only then); 0 for none
     */
    public record SentinelConfig(String masterName, String nodes, Integer waitReplicas) {
        public SentinelConfig {
            masterName = masterName == null ? "" : masterName;
            nodes = nodes == null ? "" : nodes;
            waitReplicas = waitReplicas == null ? 0 : waitReplicas;
        }

        public boolean enabled() {
            return !masterName.isEmpty();
        }

        /** The sentinels' addresses. */
        public List<String> addresses() {
            return java.util.Arrays.stream(nodes.split(",")).map(String::strip).filter(node -> !node.isEmpty()).toList();
        }

        void validate() {
            if (enabled()) {
                Check.that(!addresses().isEmpty(), "store.redis.sentinel.nodes", "list the sentinels (redis://host:26379)");
                addresses().forEach(node -> Check.that(node.matches("rediss?://.+"), "store.redis.sentinel.nodes",
                        "'" + node + "' must look like redis://host:port"));
            }
            Check.that(waitReplicas >= 0, "store.redis.sentinel.waitReplicas", "must be 0 or more");
        }
    }
}

package org.helpline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.helpline.core.Contact;
import org.helpline.core.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back what was recorded: the ids in each index, then their records. An index member whose
 * record has expired is skipped, and removed by a script that checks again inside Redis, so a record
 * written meanwhile keeps its entry.
 */
final class RedisLoad {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLoad.class);
    private static final int KEYS_PER_MGET = 500;
    private static final String PRUNE = """
            local removed = 0
            for i = 2, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 0 then
                removed = removed + redis.call('ZREM', KEYS[1], ARGV[i - 1])
              end
            end
            return removed""";

    private final RedisLink link;
    private final RedisConnection connection;
    private final RedisLayout layout;

    RedisLoad(RedisLink link, RedisConnection connection, RedisLayout layout) {
        this.link = link;
        this.connection = connection;
        this.layout = layout;
    }

    Future<SavedState> run() {
        Future<List<Contact>> contacts = kind(layout.contacts(), layout::contact, Contact.class);
        Future<List<Operator>> operators = kind(layout.operators(), layout::operator, Operator.class);
        return Future.all(contacts, operators).map(all -> new SavedState(contacts.result(), operators.result()));
    }

    /** Every live record listed in one index, in index order (for contacts: arrival order). */
    private <T extends Record> Future<List<T>> kind(String index, Function<String, String> keyOf, Class<T> type) {
        return send(List.of(Request.cmd(Command.ZRANGE).arg(index).arg(0).arg(-1))).compose(listed -> {
            List<String> ids = listed.getFirst().stream().map(Response::toString).toList();
            if (ids.isEmpty()) {
                return Future.succeededFuture(List.of());
            }
            List<Request> reads = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += KEYS_PER_MGET) {
                Request mget = Request.cmd(Command.MGET);
                ids.subList(from, Math.min(ids.size(), from + KEYS_PER_MGET)).forEach(id -> mget.arg(keyOf.apply(id)));
                reads.add(mget);
            }
            return send(reads).compose(values -> {
                List<T> found = new ArrayList<>(ids.size());
                List<String> stale = new ArrayList<>();
                int i = 0;
                for (Response chunk : values) {
                    for (Response value : chunk) {
                        String id = ids.get(i++);
                        if (value == null) {
                            stale.add(id);
                        } else {
                            readInto(found, value.toString(), type, keyOf.apply(id));
                        }
                    }
                }
                return prune(index, stale, keyOf).map(found);
            });
        });
    }

    /** A record that cannot be read is left alone (it expires) rather than stopping the helpline. */
    private static <T extends Record> void readInto(List<T> found, String json, Class<T> type, String key) {
        try {
            found.add(StoreJson.read(json, type));
        } catch (RuntimeException unreadable) {
            LOG.error("store.redis.unreadable key={} reason=\"{}\"", key, unreadable.getMessage());
        }
    }

    private Future<Void> prune(String index, List<String> stale, Function<String, String> keyOf) {
        if (stale.isEmpty()) {
            return Future.succeededFuture();
        }
        Request eval = Request.cmd(Command.EVAL).arg(PRUNE).arg(stale.size() + 1).arg(index);
        stale.forEach(id -> eval.arg(keyOf.apply(id)));
        stale.forEach(eval::arg);
        return send(List.of(eval)).map(removed -> {
            LOG.info("store.redis.pruned index={} expired={}", index, removed.getFirst().toInteger());
            return null;
        });
    }

    private Future<List<Response>> send(List<Request> requests) {
        return link.answerIn(connection, connection.batch(requests));
    }
}

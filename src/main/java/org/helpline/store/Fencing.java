package org.helpline.store;

import java.util.ArrayList;
import java.util.List;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Writes of one leader's term. With two servers each new leader takes a larger fencing number; every
 * batch of writes goes to Redis as one script that first checks the number is still the current one, so
 * a paused or cut-off former leader can never write over the new one (the check and the writes are one
 * atomic step). {@link #NONE} (a single server, no leadership) sends the commands as they are.
 *
 * @param key    where Redis keeps the current fencing number
 * @param number this server's number; 0 for none
 */
record Fencing(String key, long number) {
    static final Fencing NONE = new Fencing(null, 0);

    /** The error the script answers; a missing number (Redis lost its data) reads "none" and is not a refusal. */
    private static final String REFUSED = "FENCED";
    private static final String SCRIPT = """
            local current = redis.call('GET', KEYS[1])
            if current ~= ARGV[1] then
              return redis.error_reply('FENCED ' .. (current or 'none'))
            end
            local i = 2
            while i <= #ARGV do
              local words = tonumber(ARGV[i])
              redis.call(unpack(ARGV, i + 1, i + words))
              i = i + words + 1
            end
            return 'OK'""";

    boolean fenced() {
        return number > 0;
    }

    /** The requests for these commands: as they are, or inside the one fenced script. */
    List<Request> requests(List<List<String>> commands) {
        if (!fenced()) {
            List<Request> plain = new ArrayList<>(commands.size());
            commands.forEach(words -> plain.add(request(words)));
            return plain;
        }
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(key).arg(number);
        for (List<String> words : commands) {
            eval.arg(words.size());
            words.forEach(eval::arg);
        }
        return List.of(eval);
    }

    /** Whether Redis refused a batch because a newer leader holds the number (not because Redis lost it). */
    static boolean refusal(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains(REFUSED + " ") && !message.contains(REFUSED + " none");
    }

    private static Request request(List<String> words) {
        Request request = Request.cmd(switch (words.getFirst()) {
            case "SET" -> Command.SET;
            case "ZADD" -> Command.ZADD;
            case "PEXPIRE" -> Command.PEXPIRE;
            case "DEL" -> Command.DEL;
            case "ZREM" -> Command.ZREM;
            default -> Command.create(words.getFirst());
        });
        for (int i = 1; i < words.size(); i++) {
            request.arg(words.get(i));
        }
        return request;
    }
}

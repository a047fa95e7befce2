package org.helpline.telephony;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a fresh look at Asterisk's channels changes, after AMI events may have been lost (the server
 * restarted, or the AMI link was down).
 */
final class Reconciliation {
    private Reconciliation() {
    }

    enum Finding {
        /** The caller's channel is gone: they hung up while nobody was listening. */
        VANISHED,
        /** The call was being offered and the caller is now talking: the operator answered. */
        ANSWERED
    }

    record Fix(CallLine line, Finding finding) {}

    static List<Fix> fixes(Collection<CallLine> known, List<LiveChannel> live) {
        Map<String, LiveChannel> byName = live.stream()
                .collect(Collectors.toMap(LiveChannel::name, Function.identity(), (a, b) -> a));
        return known.stream()
                .filter(CallLine::live)
                .<Fix>mapMulti((line, fixes) -> {
                    LiveChannel channel = byName.get(line.channel());
                    if (channel == null) {
                        fixes.accept(new Fix(line, Finding.VANISHED));
                    } else if (line.offered() && channel.bridged()) {
                        fixes.accept(new Fix(line, Finding.ANSWERED));
                    }
                })
                .toList();
    }
}

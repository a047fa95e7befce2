package org.helpline.core;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Where a request or socket comes from, for the per-source limits of the chat and of login: the connection's
 * own address, or, when it comes from a trusted proxy ({@code chat.trustedProxies}), the last address in
 * {@code X-Forwarded-For} that is not one of the proxies (what a client writes there itself comes before).
 * Callers keep the answer in memory only: an address is personal data, never stored or logged.
 */
public final class SourceAddress {
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Set<String> trustedProxies;

    public SourceAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * @param connection   the connection's address, or null when unknown
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     */
    public String of(String connection, String forwardedFor) {
        String address = connection == null ? "unknown" : connection;
        if (!trustedProxies.contains(address) || forwardedFor == null) {
            return address;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return address;
    }
}

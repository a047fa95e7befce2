package org.helpline.config;

import java.time.Duration;

/**
 * @param enabled false on a chat-only installation: no AGI server, no AMI link
 */
public record TelephonyConfig(Boolean enabled, AgiConfig agi, AmiConfig ami) {
    public TelephonyConfig {
        enabled = enabled == null || enabled;
        agi = agi == null ? new AgiConfig(null, null) : agi;
        ami = ami == null ? new AmiConfig(null, null, null, null, null, null, null) : ami;
    }

    void validate() {
        if (enabled) {
            agi.validate();
            ami.validate();
        }
    }

    /** The FastAGI server the dialplan calls. */
    public record AgiConfig(String bindAddress, Integer port) {
        public AgiConfig {
            bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
            port = port == null ? 4573 : port;
        }

        void validate() {
            Check.notBlank(bindAddress, "telephony.agi.bindAddress");
            Check.port(port, "telephony.agi.port");
        }
    }

    /**
     * The Asterisk Manager link.
     *
     * @param password     from the environment, e.g. {@code ${HELPLINE_AMI_PASSWORD:-}}
     * @param pingInterval keep-alive; a link silent for twice this long counts as dead
     * @param retryMax     the longest pause between reconnection attempts
     */
    public record AmiConfig(String host, Integer port, String username, String password, Duration pingInterval,
                            Duration retryMin, Duration retryMax) {
        public AmiConfig {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 5038 : port;
            username = username == null ? "helpline" : username;
            password = password == null ? "" : password;
            pingInterval = pingInterval == null ? Duration.ofSeconds(10) : pingInterval;
            retryMin = retryMin == null ? Duration.ofSeconds(1) : retryMin;
            retryMax = retryMax == null ? Duration.ofSeconds(30) : retryMax;
        }

        void validate() {
            Check.notBlank(host, "telephony.ami.host");
            Check.port(port, "telephony.ami.port");
            Check.notBlank(username, "telephony.ami.username");
            Check.positive(pingInterval, "telephony.ami.pingInterval");
            Check.positive(retryMin, "telephony.ami.retryMin");
            Check.that(retryMax.compareTo(retryMin) >= 0, "telephony.ami.retryMax", "must not be shorter than retryMin");
        }
    }
}

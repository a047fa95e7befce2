package org.helpline.telephony;

/**
 * Asterisk's two sides for tests outside this package (the privacy canary): the AMI peer ({@link TestAmi}) and
 * FastAGI calls ({@link AgiCall}) from a given caller id. Blocking: call from the test thread.
 */
public final class FakeAsterisk implements AutoCloseable {
    public static final String AMI_PASSWORD = "secret";

    private final TestAmi ami = new TestAmi(AMI_PASSWORD);

    public int amiPort() {
        return ami.port();
    }

    /** How many AMI connections a server has opened here so far. */
    public int amiConnections() {
        return ami.connections();
    }

    /**
     * A call from {@code callerId} on {@code channel} runs the inbound script; answers whether the server queued
     * it (told the dialplan to hold, not closed or fallback).
     */
    public boolean inboundCall(int agiPort, String callerId, String channel, String language) {
        try (AgiCall call = AgiCall.placeFrom(agiPort, callerId, "inbound", channel, language, "normal")) {
            String line = call.command();
            call.reply("200 result=1");
            call.ends();
            return line.equals("SET VARIABLE \"HELPLINE_ACTION\" \"hold\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The channels Asterisk lists as alive from now on (CoreShowChannels: what a server reconciles against). */
    public void channelsAlive(java.util.List<String> channels) {
        ami.channelsAlive(channels, java.util.List.of());
    }

    /** Asterisk reports the caller hung up, with the caller id and name the carrier gave, as its Hangup events do. */
    public void hangUp(String channel, String callerId, String callerName) {
        ami.send("Event: Hangup\r\nPrivilege: call,all\r\nChannel: " + channel + "\r\nChannelState: 6\r\n"
                + "ChannelStateDesc: Up\r\nCallerIDNum: " + callerId + "\r\nCallerIDName: " + callerName + "\r\n"
                + "ConnectedLineNum: " + callerId + "\r\nConnectedLineName: " + callerName + "\r\nLanguage: ro\r\n"
                + "AccountCode: \r\nContext: helpline-hold\r\nExten: s\r\nPriority: 1\r\nUniqueid: 1795363045.8\r\n"
                + "Linkedid: 1795363045.8\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n");
    }

    @Override
    public void close() throws java.io.IOException {
        ami.close();
    }
}

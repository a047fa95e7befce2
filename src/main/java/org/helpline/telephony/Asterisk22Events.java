package org.helpline.telephony;

import java.io.Serial;
import java.util.List;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;

/**
 * Asterisk 22's hang-up events carry a TechCause (the SIP response that ended a dialled leg) that
 * Asterisk-Java 3.42 has no property for: without these every busy or unanswered phone logged "Unable
 * to set property 'techcause'" two or three times. Registered on each AMI connection for the event
 * names they map; public because Asterisk-Java builds them by reflection.
 */
public final class Asterisk22Events {
    /** Every class to register on a connection. */
    static final List<Class<? extends ManagerEvent>> ALL = List.of(Hangup.class, HangupRequest.class, SoftHangupRequest.class);

    private Asterisk22Events() {
    }

    @AsteriskMapping("Hangup")
    public static final class Hangup extends HangupEvent {
        @Serial
        private static final long serialVersionUID = 1L;
        private Integer techCause;

        public Hangup(Object source) {
            super(source);
        }

        public Integer getTechCause() {
            return techCause;
        }

        public void setTechCause(Integer techCause) {
            this.techCause = techCause;
        }
    }

    @AsteriskMapping("HangupRequest")
    public static final class HangupRequest extends HangupRequestEvent {
        @Serial
        private static final long serialVersionUID = 1L;
        private Integer techCause;

        public HangupRequest(Object source) {
            super(source);
        }

        public Integer getTechCause() {
            return techCause;
        }

        public void setTechCause(Integer techCause) {
            this.techCause = techCause;
        }
    }

    @AsteriskMapping("SoftHangupRequest")
    public static final class SoftHangupRequest extends SoftHangupRequestEvent {
        @Serial
        private static final long serialVersionUID = 1L;
        private Integer techCause;

        public SoftHangupRequest(Object source) {
            super(source);
        }

        public Integer getTechCause() {
            return techCause;
        }

        public void setTechCause(Integer techCause) {
            this.techCause = techCause;
        }
    }
}

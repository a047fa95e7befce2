package org.helpline.telephony;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What Asterisk 22 provides, for the static checks in {@link DialplanFilesTest}. Sources: the
 * docs.asterisk.org reference for Asterisk 22 (Dialplan Applications, Dialplan Functions, Module
 * Configuration, AMI Actions), the AST_MODULE_INFO(.requires) of each module in the Asterisk 22 source,
 * and "module show" on Asterisk 22.10.1. Tables list what the helpline uses or may plausibly use, not all
 * of Asterisk: a name missing here fails the test until it is added, checked against those sources.
 */
final class DialplanAsterisk22 {
    private DialplanAsterisk22() {
    }

    /** Marks applications built into the core (main/pbx_builtins.c, pbx_variables.c): no module to load. */
    static final String CORE = "core";

    /** Application to the module that registers it. */
    static final Map<String, String> APPLICATIONS = table(List.of(
            in(CORE, "Answer", "BackGround", "Busy", "Congestion", "ExecIfTime", "Goto", "GotoIf", "GotoIfTime",
                    "Hangup", "NoOp", "Progress", "Ringing", "SayAlpha", "SayDigits", "SayNumber", "SayPhonetic",
                    "Set", "MSet", "Wait", "WaitDigit", "WaitExten"),
            in("res_agi.so", "AGI", "EAGI", "DeadAGI"),
            in("app_dial.so", "Dial"),
            in("app_queue.so", "Queue", "AddQueueMember", "RemoveQueueMember", "PauseQueueMember",
                    "UnpauseQueueMember", "QueueLog"),
            in("app_playback.so", "Playback"),
            in("app_controlplayback.so", "ControlPlayback"),
            in("app_read.so", "Read"),
            in("app_exec.so", "Exec", "TryExec", "ExecIf"),
            in("app_echo.so", "Echo"),
            in("app_chanspy.so", "ChanSpy", "ExtenSpy"),
            in("app_verbose.so", "Verbose", "Log"),
            in("app_dumpchan.so", "DumpChan"),
            in("app_stack.so", "Gosub", "GosubIf", "Return", "StackPop"),
            in("app_while.so", "While", "EndWhile", "ExitWhile", "ContinueWhile"),
            in("app_originate.so", "Originate"),
            in("app_record.so", "Record"),
            in("app_mixmonitor.so", "MixMonitor", "StopMixMonitor"),
            in("app_senddtmf.so", "SendDTMF"),
            in("app_userevent.so", "UserEvent"),
            in("app_system.so", "System", "TrySystem"),
            in("app_playtones.so", "PlayTones", "StopPlayTones"),
            in("app_transfer.so", "Transfer"),
            in("app_softhangup.so", "SoftHangup"),
            in("app_milliwatt.so", "Milliwatt"),
            in("app_waituntil.so", "WaitUntil"),
            in("res_musiconhold.so", "MusicOnHold", "StartMusicOnHold", "StopMusicOnHold")));

    /** Dialplan function to the module that registers it. */
    static final Map<String, String> FUNCTIONS = table(List.of(
            in("func_callerid.so", "CALLERID", "CONNECTEDLINE", "REDIRECTING"),
            in("func_channel.so", "CHANNEL", "CHANNEL_EXISTS"),
            in("func_cut.so", "CUT", "SORT"),
            in("func_strings.so", "FILTER", "LEN", "FIELDQTY", "FIELDNUM", "LISTFILTER", "REPLACE", "REGEX", "QUOTE",
                    "TOUPPER", "TOLOWER", "STRFTIME"),
            in("func_timeout.so", "TIMEOUT"),
            in("func_groupcount.so", "GROUP", "GROUP_COUNT", "GROUP_MATCH_COUNT", "GROUP_LIST"),
            in("func_logic.so", "IF", "ISNULL", "EXISTS", "IFTIME", "SET"),
            in("func_math.so", "MATH", "INC", "DEC"),
            in("func_rand.so", "RAND"),
            in("func_global.so", "GLOBAL", "SHARED"),
            in("func_db.so", "DB", "DB_EXISTS", "DB_DELETE"),
            in("func_dialplan.so", "DIALPLAN_EXISTS", "VALID_EXTEN"),
            in("func_hangupcause.so", "HANGUPCAUSE", "HANGUPCAUSE_KEYS"),
            in("func_devstate.so", "DEVICE_STATE"),
            in("func_sprintf.so", "SPRINTF"),
            in("func_pjsip_endpoint.so", "PJSIP_ENDPOINT"),
            in("res_pjsip_header_funcs.so", "PJSIP_HEADER"),
            in("app_queue.so", "QUEUE_MEMBER", "QUEUE_WAITING_COUNT", "QUEUE_VARIABLES")));

    /** Modules' AST_MODULE_INFO(.requires): Asterisk refuses to load a module whose requirement is not loaded. */
    static final Map<String, Set<String>> REQUIRES = Map.ofEntries(
            Map.entry("res_agi.so", Set.of("res_speech.so")),
            Map.entry("res_pjsip.so", Set.of("res_pjproject.so", "res_sorcery_config.so", "res_sorcery_memory.so",
                    "res_sorcery_astdb.so")),
            Map.entry("chan_pjsip.so", Set.of("res_pjsip.so", "res_pjsip_session.so", "res_pjsip_pubsub.so")),
            Map.entry("res_pjsip_session.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_pubsub.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_sdp_rtp.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_nat.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_caller_id.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_rfc3326.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_dtmf_info.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_dlg_options.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_header_funcs.so", Set.of("res_pjsip.so", "res_pjsip_session.so")),
            Map.entry("res_pjsip_endpoint_identifier_ip.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_endpoint_identifier_user.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_endpoint_identifier_anonymous.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_authenticator_digest.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_outbound_authenticator_digest.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_outbound_registration.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_registrar.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_acl.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_logger.so", Set.of("res_pjsip.so")),
            Map.entry("res_pjsip_transport_websocket.so", Set.of("res_pjsip.so", "res_http_websocket.so")),
            Map.entry("res_http_websocket.so", Set.of()),
            Map.entry("res_srtp.so", Set.of()),
            Map.entry("func_pjsip_endpoint.so", Set.of("res_pjsip.so")),
            Map.entry("res_rtp_asterisk.so", Set.of("res_pjproject.so")));

    /** Codecs an endpoint may allow, to the translator that turns the slin prompts into them. */
    static final Map<String, String> CODECS = Map.of("ulaw", "codec_ulaw.so", "alaw", "codec_alaw.so",
            "gsm", "codec_gsm.so", "g722", "codec_g722.so", "g726", "codec_g726.so");

    /** Sound file extensions to the format module that reads them. */
    static final Map<String, String> SOUND_FORMATS = Map.of("wav", "format_wav.so", "gsm", "format_gsm.so",
            "ulaw", "format_pcm.so", "alaw", "format_pcm.so", "sln", "format_sln.so");

    /** Variables Asterisk itself sets on a channel (docs: Channel Variables; the applications' documented outputs). */
    static final Set<String> BUILT_IN_VARIABLES = Set.of("EXTEN", "CONTEXT", "PRIORITY", "CHANNEL", "UNIQUEID",
            "LINKEDID", "HANGUPCAUSE", "EPOCH", "SYSTEMNAME", "INVALID_EXTEN", "AGISTATUS", "DIALSTATUS",
            "DIALEDPEERNAME", "DIALEDPEERNUMBER", "DIALEDTIME", "ANSWEREDTIME", "QUEUESTATUS", "MEMBERINTERFACE",
            "MEMBERNAME", "PLAYBACKSTATUS", "BACKGROUNDSTATUS", "READSTATUS", "GOSUB_RETVAL",
            // a Gosub's arguments (Dial's b(), hangup handlers)
            "ARG1");

    /** PJSIP object types (res_pjsip and its modules) to the module that registers the type. */
    static final Map<String, String> PJSIP_TYPES = table(List.of(
            in("res_pjsip.so", "endpoint", "aor", "auth", "contact", "transport", "global", "system",
                    "domain_alias"),
            in("res_pjsip_endpoint_identifier_ip.so", "identify"),
            in("res_pjsip_acl.so", "acl"),
            in("res_pjsip_outbound_registration.so", "registration")));

    /** endpoint_identifier_order names to the module that registers the identifier. */
    static final Map<String, String> PJSIP_IDENTIFIERS = Map.of("ip", "res_pjsip_endpoint_identifier_ip.so",
            "header", "res_pjsip_endpoint_identifier_ip.so", "username", "res_pjsip_endpoint_identifier_user.so",
            "auth_username", "res_pjsip_endpoint_identifier_user.so",
            "anonymous", "res_pjsip_endpoint_identifier_anonymous.so");

    /**
     * Options per PJSIP type (docs.asterisk.org, Asterisk 22, Module Configuration, res_pjsip). An unknown
     * option makes Asterisk refuse the whole object ("Could not find option suitable for category").
     */
    static final Map<String, Set<String>> PJSIP_OPTIONS = Map.of(
            "endpoint", words("""
                    type 100rel accept_multiple_sdp_answers accountcode acl aggregate_mwi allow allow_overlap
                    allow_subscribe allow_transfer aors asymmetric_rtp_codec auth
                    bind_rtp_to_media_address bundle call_group callerid callerid_privacy callerid_tag
                    codec_prefs_incoming_answer codec_prefs_incoming_offer codec_prefs_outgoing_answer
                    codec_prefs_outgoing_offer connected_line_method contact_acl contact_deny contact_permit
                    contact_user context cos_audio cos_video deny device_state_busy_at direct_media
                    direct_media_glare_mitigation direct_media_method disable_direct_media_on_nat disallow
                    dtls_auto_generate_cert dtls_ca_file dtls_ca_path dtls_cert_file dtls_cipher dtls_fingerprint
                    dtls_private_key dtls_rekey dtls_setup dtls_verify dtmf_mode fax_detect fax_detect_timeout
                    follow_early_media_fork force_avp force_rport from_domain from_user g726_non_standard
                    ice_support identify_by ignore_183_without_sdp inband_progress incoming_call_offer_pref
                    incoming_mwi_mailbox language mailboxes max_audio_streams max_video_streams media_address
                    media_encryption media_encryption_optimistic media_use_received_transport message_context
                    moh_passthrough moh_suggest mwi_from_user mwi_subscribe_replaces_unsolicited named_call_group
                    named_pickup_group notify_early_inuse_ringing one_touch_recording outbound_auth outbound_proxy
                    outgoing_call_offer_pref overlap_context permit pickup_group preferred_codec_only
                    record_off_feature record_on_feature refer_blind_progress rewrite_contact rpid_immediate
                    rtcp_mux rtp_engine rtp_ipv6 rtp_keepalive rtp_symmetric rtp_timeout rtp_timeout_hold
                    sdp_owner sdp_session send_connected_line send_diversion send_pai send_rpid set_var
                    srtp_tag_32 stir_shaken stir_shaken_profile sub_min_expiry subscribe_context
                    suppress_q850_reason_headers t38_udptl t38_udptl_ec t38_udptl_ipv6 t38_udptl_maxdatagram
                    t38_udptl_nat timers timers_min_se timers_sess_expires tone_zone tos_audio tos_video transport
                    trust_connected_line trust_id_inbound trust_id_outbound use_avpf use_ptime user_eq_phone
                    voicemail_extension webrtc"""),
            "auth", words("""
                    type auth_type username password md5_cred realm nonce_lifetime password_digest
                    supported_algorithms_uac supported_algorithms_uas oauth_clientid oauth_secret refresh_token"""),
            "aor", words("""
                    type contact default_expiration mailboxes maximum_expiration max_contacts minimum_expiration
                    remove_existing remove_unavailable qualify_frequency qualify_timeout
                    authenticate_qualify outbound_proxy support_path voicemail_extension"""),
            "identify", words("type endpoint match match_header match_request_uri srv_lookups"),
            "transport", words("""
                    type async_operations bind ca_list_file ca_list_path cert_file cipher cos domain
                    external_media_address external_signaling_address external_signaling_port local_net method
                    password priv_key_file protocol require_client_cert tos verify_client verify_server
                    websocket_write_timeout allow_reload symmetric_transport allow_wildcard_certs"""),
            "global", words("""
                    type max_forwards keep_alive_interval contact_expiration_check_interval disable_multi_domain
                    max_initial_qualify_time unidentified_request_period unidentified_request_count
                    unidentified_request_prune_interval user_agent regcontext default_outbound_endpoint
                    default_voicemail_extension debug endpoint_identifier_order mwi_tps_queue_high
                    mwi_tps_queue_low mwi_disable_initial_unsolicited ignore_uri_user_options
                    use_callerid_contact send_contact_status_on_update_registration
                    taskprocessor_overload_trigger allow_sending_180_after_183
                    all_codecs_on_empty_reinvite default_from_user default_realm"""),
            "system", words("""
                    type timer_t1 timer_b compact_headers threadpool_initial_size threadpool_auto_increment
                    threadpool_idle_timeout threadpool_max_size disable_tcp_switch follow_early_media_fork
                    accept_multiple_sdp_answers"""),
            "acl", words("type acl deny permit contact_acl contact_deny contact_permit"),
            "domain_alias", words("type domain"));

    /** Options of the other files, per kind of section ("file" for its only section kind, or "file [name]"). */
    static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("extensions.conf [general]", words("""
                    static writeprotect autofallthrough extenpatternmatchnew clearglobalvars userscontext""")),
            Map.entry("modules.conf", words("autoload preload load noload require preload-require")),
            Map.entry("manager.conf [general]", words("""
                    enabled webenabled port bindaddr displayconnects timestampevents channelvars debug disabledevents
                    authtimeout authlimit httptimeout allowmultiplelogin block-sockets tlsenable tlsbindaddr
                    tlscertfile tlsprivatekey tlscipher tlscafile tlscapath""")),
            Map.entry("manager.conf", words("""
                    secret deny permit acl read write writetimeout displayconnects allowmultiplelogin
                    eventfilter setvar""")),
            Map.entry("queues.conf [general]", words("""
                    persistentmembers autofill updatecdr shared_lastcall log_membername_as_agent
                    force_longest_waiting_caller negative_penalty_invokes_ringing keepstats""")),
            Map.entry("queues.conf", words("""
                    musicclass announce strategy context timeout retry timeoutpriority weight wrapuptime autofill
                    autopause autopausedelay autopausebusy autopauseunavail maxlen servicelevel joinempty
                    leavewhenempty eventwhencalled eventmemberstatus reportholdtime ringinuse memberdelay
                    timeoutrestart defaultrule member announce-frequency min-announce-frequency
                    announce-round-seconds announce-holdtime announce-position announce-position-limit
                    announce-to-first-user periodic-announce periodic-announce-frequency random-periodic-announce
                    relative-periodic-announce queue-youarenext queue-thereare queue-callswaiting queue-holdtime
                    queue-minute queue-minutes queue-seconds queue-thankyou queue-reporthold queue-callerannounce
                    setinterfacevar setqueuevar setqueueentryvar membergosub penaltymemberslimit""")),
            Map.entry("musiconhold.conf [general]", words("cachertclasses")),
            Map.entry("musiconhold.conf", words("""
                    mode directory application digit sort format kill announcement loop_last answeredonly""")),
            Map.entry("rtp.conf [general]", words("""
                    rtpstart rtpend rtpchecksums dtmftimeout rtcpinterval strictrtp probation icesupport stunaddr
                    stun_blacklist stun_deny stun_permit turnaddr turnusername turnpassword ice_blacklist ice_deny
                    ice_permit dtls_mtu srtpreplayprotection learning_min_sequential
                    learning_min_duration""")),
            Map.entry("logger.conf [general]", words("""
                    dateformat use_callids appendhostname queue_log queue_log_to_file queue_log_name
                    queue_log_realtime_use_gmt rotatestrategy exec_after_rotate logger_queue_limit""")),
            Map.entry("cdr.conf [general]", words("""
                    enable unanswered congestion endbeforehexten initiatedseconds batch size time scheduleronly
                    safeshutdown channeldefaultenabled ignorestatechanges ignoredialchanges""")),
            Map.entry("cel.conf [general]", words("enable apps events dateformat")),
            Map.entry("http.conf [general]", words("""
                    enabled bindaddr bindport prefix servername sessionlimit session_inactivity session_keep_alive
                    enablestatic redirect tlsenable tlsbindaddr tlscertfile tlsprivatekey tlscipher tlscafile
                    tlscapath tlsdisablev1 tlsdisablev11 tlsdisablev12 tlsservercipherorder""")),
            // sorcery.conf: per module, an object type = wizard,arguments
            Map.entry("sorcery.conf", words("endpoint aor auth contact transport identify registration global system")));

    /** Levels a logger.conf [logfiles] channel may name. */
    static final Set<String> LOG_LEVELS = words("debug trace notice warning error verbose dtmf fax security *");

    /** AMI classes (manager.conf read/write). */
    static final Set<String> AMI_CLASSES = words("""
            system call log verbose command agent user config dtmf reporting cdr dialplan originate agi cc aoc
            test security message all""");

    /** AMI action to the write classes that permit it (any one of them); none: every user may send it. */
    static final Map<String, Set<String>> AMI_ACTIONS = Map.ofEntries(
            Map.entry("Redirect", Set.of("call")),
            Map.entry("Setvar", Set.of("call")),
            Map.entry("Getvar", Set.of("call", "reporting")),
            Map.entry("Hangup", Set.of("system", "call")),
            Map.entry("Status", Set.of("system", "call", "reporting")),
            Map.entry("Originate", Set.of("originate")),
            Map.entry("CoreShowChannels", Set.of("system", "reporting")),
            Map.entry("CoreSettings", Set.of("system", "reporting")),
            Map.entry("CoreStatus", Set.of("system", "reporting")),
            Map.entry("Ping", Set.of()),
            Map.entry("QueueStatus", Set.of()),
            Map.entry("QueueSummary", Set.of()),
            Map.entry("DBPut", Set.of("system")),
            Map.entry("DBDel", Set.of("system")),
            Map.entry("DBDelTree", Set.of("system")),
            Map.entry("PJSIPShowContacts", Set.of("system")));

    /** Every module name the tables above use, plus media, bridge and timing modules (module show, 22.10.1). */
    static final Set<String> MODULES = Stream.of(APPLICATIONS.values().stream(), FUNCTIONS.values().stream(),
            REQUIRES.keySet().stream(), REQUIRES.values().stream().flatMap(Set::stream), PJSIP_TYPES.values().stream(),
            PJSIP_IDENTIFIERS.values().stream(), CODECS.values().stream(), SOUND_FORMATS.values().stream(), Stream.of(
                    "pbx_config.so", "res_speech.so", "res_musiconhold.so", "res_timing_timerfd.so",
                    "bridge_simple.so", "bridge_native_rtp.so", "bridge_holding.so", "bridge_softmix.so",
                    "codec_ulaw.so", "codec_alaw.so", "codec_a_mu.so", "codec_gsm.so", "codec_adpcm.so",
                    "codec_resample.so", "format_wav.so", "format_pcm.so", "format_sln.so", "format_gsm.so",
                    "format_wav_gsm.so"))
            .flatMap(s -> s).filter(m -> !m.equals(CORE)).collect(Collectors.toUnmodifiableSet());

    /** Keys in lower case: Asterisk looks applications, functions and types up ignoring case. */
    private static Map<String, String> table(List<Map<String, String>> parts) {
        return parts.stream().flatMap(p -> p.entrySet().stream())
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
    }

    private static Map<String, String> in(String module, String... names) {
        return Stream.of(names).collect(Collectors.toMap(n -> n, n -> module));
    }

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }
}

package org.switchboard.engine.calllog;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The names used in the call log's JSON lines (see docs/call-log.md), shared by the writer and the reader. */
final class CallLogFormat {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String TYPE = "type";
    static final String PUSH = "push";
    static final String END = "end";
    static final String TIME = "time";
    static final String CALL_ID = "callId";
    static final String EVENT = "event";
    static final String FIELDS = "fields";
    static final String NODES = "nodes";
    static final String OUTPUTS = "outputs";
    static final String NODE = "node";
    static final String PORT = "port";
    static final String ANSWERED_BY = "answeredBy";
    static final String XML = "xml";
    static final String NOTES = "notes";
    static final String MICROS = "micros";
    static final String CAUSE = "cause";

    private CallLogFormat() {
    }
}

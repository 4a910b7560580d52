package org.switchboard.engine.calllog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.switchboard.engine.runtime.RuntimeEvent;

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

    /** The line for a runtime event at {@code time}; {@code null} for events the log does not keep (REST results). */
    static ObjectNode line(RuntimeEvent event, Instant time) {
        ObjectNode line = JSON.createObjectNode();
        if (event instanceof RuntimeEvent.PushHandled push) {
            line.put(TYPE, PUSH);
            line.put(TIME, time.toString());
            line.put(CALL_ID, push.callId());
            line.put(EVENT, push.event());
            ObjectNode fields = line.putObject(FIELDS);
            for (Map.Entry<String, List<String>> field : push.fields().entrySet()) {
                ArrayNode values = fields.putArray(field.getKey());
                field.getValue().forEach(values::add);
            }
            ArrayNode nodes = line.putArray(NODES);
            push.nodesEntered().forEach(nodes::add);
            ArrayNode outputs = line.putArray(OUTPUTS);
            for (RuntimeEvent.OutputTaken taken : push.outputsTaken()) {
                outputs.addObject().put(NODE, taken.nodeId()).put(PORT, taken.port());
            }
            line.put(ANSWERED_BY, push.answeringNodeId());
            line.put(XML, push.responseXml());
            ArrayNode notes = line.putArray(NOTES);
            push.notes().forEach(notes::add);
            line.put(MICROS, push.micros());
            return line;
        }
        if (event instanceof RuntimeEvent.CallEnded ended) {
            line.put(TYPE, END);
            line.put(TIME, time.toString());
            line.put(CALL_ID, ended.callId());
            line.put(CAUSE, ended.cause());
            return line;
        }
        return null; // REST results are in the server's log, not the call log
    }
}

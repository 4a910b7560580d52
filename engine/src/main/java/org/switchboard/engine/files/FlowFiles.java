package org.switchboard.engine.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.files.JsonTree.Arr;
import org.switchboard.engine.files.JsonTree.Node;
import org.switchboard.engine.files.JsonTree.Obj;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Reading and writing flow files: Switchboard's own JSON format (see docs/flow-format.md) and, on load, Node-RED
 * exports of node-red-contrib-sipgate flows, which are converted by {@link NodeRedImport}. Saving is atomic, so the
 * previous file survives any failure. The same JSON is used for the clipboard ({@link #toJson}/{@link #fromJson}),
 * so users can paste flows into a chat and back.
 */
public final class FlowFiles {

    /** Flow files are small; anything bigger than this is certainly not one. */
    static final long MAX_FILE_SIZE = 32L * 1024 * 1024;

    private FlowFiles() {
    }

    /**
     * Opens a Switchboard flow file or a Node-RED export (a top-level JSON list). Throws only when the file cannot
     * be read at all; a flow with semantic problems opens and is checked by validation.
     */
    public static LoadedFlow load(Path file) throws FlowFileException {
        String source = sourceName(file);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new FlowFileException(source, "this is a folder, not a flow file");
            }
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new FlowFileException(source, "the file is too large to be a flow ("
                        + Files.size(file) / (1024 * 1024) + " MB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FlowFileException(source, "the file does not exist");
        } catch (AccessDeniedException e) {
            throw new FlowFileException(source, "permission denied; the file cannot be read");
        } catch (IOException e) {
            throw new FlowFileException(source, "the file cannot be read"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        return parse(decode(bytes, source), source);
    }

    /** Reads flow JSON from text; {@code sourceName} is used in messages (a file name or "clipboard"). */
    public static LoadedFlow parse(String json, String sourceName) throws FlowFileException {
        String source = sourceName == null || sourceName.isBlank() ? "flow" : sourceName;
        Node root = JsonTree.parse(json, source);
        if (root instanceof Arr arr) {
            return NodeRedImport.convert(arr, source);
        }
        if (root instanceof Obj obj) {
            if (!obj.has("formatVersion") && obj.get("flows") instanceof Arr flows) {
                // Node-RED's "flows" API wraps the same list in {"rev": ..., "flows": [...]}.
                return NodeRedImport.convert(flows, source);
            }
            FlowFileReader.Result result = FlowFileReader.read(obj, source);
            return new LoadedFlow(result.flow().toFlow(), result.problems(), LoadedFlow.Source.SWITCHBOARD);
        }
        throw JsonTree.error(source, root, "", "expected a Switchboard flow (a JSON object) or a Node-RED export "
                + "(a JSON list), found " + JsonTree.describe(root));
    }

    /** Saves the flow atomically: on any failure the old file is untouched and no temporary file is left. */
    public static void save(Path file, Flow flow) throws IOException {
        FlowDto dto = FlowDto.of(flow);
        AtomicFiles.write(file, out -> FlowFileWriter.write(dto, out));
    }

    /** The flow as file JSON (pretty, with a trailing newline): what {@link #save} writes, and the clipboard text. */
    public static String toJson(Flow flow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            FlowFileWriter.write(FlowDto.of(flow), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads a flow from clipboard text: Switchboard JSON or a pasted Node-RED export. Use {@link #parse} to also
     * get the import's problems.
     */
    public static Flow fromJson(String json) throws FlowFileException {
        return parse(json, "clipboard").flow();
    }

    /**
     * Every validation problem of the flow as one line each, {@code file: node 'Main menu' (menu): message}, in the
     * order the validator reports them. Used by the command line.
     */
    public static List<String> describe(Path file, Flow flow, Messages m) {
        List<String> lines = new ArrayList<>();
        for (Problem p : FlowValidator.validate(flow, m)) {
            lines.add(describe(file, flow, p, m));
        }
        return lines;
    }

    /** One problem as {@code file: node 'Main menu' (menu): message}; flow-wide problems have no node part. */
    public static String describe(Path file, Flow flow, Problem problem, Messages m) {
        StringBuilder sb = new StringBuilder(sourceName(file)).append(": ");
        if (problem.nodeId() != null) {
            sb.append(nodePlace(flow, problem.nodeId(), m)).append(": ");
        }
        return sb.append(problem.message()).toString();
    }

    /** {@code node 'Main menu' (menu)}: the node's name, or its type's label when it has none, and its id. */
    public static String nodePlace(Flow flow, String nodeId, Messages m) {
        FlowNode node = flow.nodeOrNull(nodeId);
        if (node == null) {
            return "node " + nodeId;
        }
        NodeType type = NodeTypes.standard().get(node.type());
        String fallback = type == null ? node.type() : type.label(m);
        return "node '" + node.displayName(fallback) + "' (" + node.id() + ")";
    }

    static String sourceName(Path file) {
        return file.toString();
    }

    private static String decode(byte[] bytes, String source) throws FlowFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new FlowFileException(source, "the file is not UTF-8 text; save it as UTF-8 and try again");
        } catch (CharacterCodingException e) {
            throw new FlowFileException(source, "the file is not UTF-8 text");
        }
    }
}

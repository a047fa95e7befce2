package org.helpline.guidance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads the guidance folder: {@code guidance.yaml}, {@code indicators.yaml}, {@code replies.yaml},
 * {@code scripts/*.yaml} (one script each), {@code countries/*.yaml} (one country each) and {@code abroad.yaml}
 * (the entries every country abroad shows alike). Reading
 * problems (a file missing, not YAML, an unknown field) are collected with the file, script and step
 * they concern; what could be read is then checked as a whole by {@link GuidanceCheck}.
 */
final class GuidanceReader {
    static final String INDEX = "guidance.yaml";
    static final String INDICATORS = "indicators.yaml";
    static final String REPLIES = "replies.yaml";
    static final String SCRIPTS = "scripts";
    static final String COUNTRIES = "countries";
    static final String ABROAD = AbroadEntries.FILE;

    private final ObjectMapper yaml = mapper();
    private final Path directory;
    private final List<Problem> problems = new ArrayList<>();
    private final MessageDigest digest;

    /** What was read, each script and country with the file it came from. */
    record Read(String directory, GuidanceIndex index, IndicatorFile indicators, ReplyFile replies, List<Sourced<Script>> scripts,
                List<Sourced<Country>> countries, AbroadEntries abroad, String version, List<Problem> problems) {
    }

    record Sourced<T>(String file, T value) {
    }

    record IndicatorFile(List<IndicatorGroup> groups) {
        IndicatorFile {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    record ReplyFile(List<Reply> replies) {
        ReplyFile {
            replies = replies == null ? List.of() : List.copyOf(replies);
        }
    }

    GuidanceReader(Path directory) {
        this.directory = directory;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Read read() {
        if (!Files.isDirectory(directory)) {
            problems.add(Problem.inFile(directory.toString(), "is not a folder: set guidance.directory to the guidance folder"));
            return new Read(directory.toString(), null, null, null, List.of(), List.of(), null, "", problems);
        }
        GuidanceIndex index = one(INDEX, GuidanceIndex.class);
        IndicatorFile indicators = one(INDICATORS, IndicatorFile.class);
        ReplyFile replies = one(REPLIES, ReplyFile.class);
        List<Sourced<Script>> scripts = each(SCRIPTS, Script.class);
        List<Sourced<Country>> countries = each(COUNTRIES, Country.class);
        AbroadEntries abroad = one(ABROAD, AbroadEntries.class);
        if (scripts.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.inFile(name(SCRIPTS), "holds no script (*.yaml)"));
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Read(directory.toString().replace('\\', '/'), index, indicators, replies, scripts, countries, abroad, version, problems);
    }

    /** Reads one country file's text, as {@link #read()} would. */
    static Country country(String text) throws IOException {
        return mapper().readValue(text, Country.class);
    }

    /** Reads abroad.yaml's text, as {@link #read()} would. */
    static AbroadEntries abroad(String text) throws IOException {
        return mapper().readValue(text, AbroadEntries.class);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** A fingerprint of the folder (names, sizes, modification times) that changes when any file does. */
    static String fingerprint(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return "missing";
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                try {
                    return file + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    return file + ":unreadable";
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private <T> T one(String fileName, Class<T> type) {
        Path file = directory.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.inFile(name(fileName), "is missing"));
            return null;
        }
        return parse(file, type);
    }

    private <T> List<Sourced<T>> each(String folder, Class<T> type) {
        Path dir = directory.resolve(folder);
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.inFile(name(folder), "is missing: it holds one file per " + folder.replaceAll("s$", "")));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.inFile(name(folder), "cannot be read (" + e.getMessage() + ")"));
            return List.of();
        }
        List<Sourced<T>> read = new ArrayList<>();
        for (Path file : files) {
            T value = parse(file, type);
            if (value != null) {
                read.add(new Sourced<>(name(folder + "/" + file.getFileName()), value));
            }
        }
        return read;
    }

    private <T> T parse(Path file, Class<T> type) {
        String name = name(directory.relativize(file).toString().replace('\\', '/'));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.inFile(name, "cannot be read (" + e.getMessage() + ")"));
            return null;
        }
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        JsonNode tree;
        try {
            tree = yaml.readTree(bytes);
        } catch (IOException e) {
            problems.add(Problem.inFile(name, "is not valid YAML" + at(e) + ": " + firstLine(e)));
            return null;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add(Problem.inFile(name, "is empty"));
            return null;
        }
        try {
            return yaml.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            problems.add(mappingProblem(name, tree, type, e));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(Problem.inFile(name, firstLine(e)));
            return null;
        }
    }

    /** Names the script and step when the bad field is inside one, e.g. {@code steps[3].nxt}. */
    private static Problem mappingProblem(String file, JsonNode tree, Class<?> type, JsonMappingException e) {
        String path = pathOf(e);
        String message = e instanceof UnrecognizedPropertyException unknown
                ? "unknown field '" + unknown.getPropertyName() + "' (known here: "
                + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")"
                : firstLine(e);
        message = (path.isEmpty() ? "" : path + ": ") + message;
        if (type != Script.class) {
            return Problem.inFile(file, message);
        }
        String script = tree.path("id").asText(null);
        String step = null;
        if (!e.getPath().isEmpty() && "steps".equals(e.getPath().getFirst().getFieldName()) && e.getPath().size() > 1) {
            step = tree.path("steps").path(e.getPath().get(1).getIndex()).path("id").asText(null);
        }
        return new Problem(file, script, step, message);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String at(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            JsonLocation location = json.getLocation();
            return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return "";
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException cause) {
            message = cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private String name(String relative) {
        return directory.resolve(relative).toString().replace('\\', '/');
    }
}

package org.helpline.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code helpline.yaml}: replaces {@code ${NAME}} and {@code ${NAME:-default}} with environment
 * values, maps the tree onto {@link HelplineConfig}, and validates it. Any problem becomes one
 * {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");
    private static final Pattern SECRET = Pattern.compile("http\\.metricsToken|referral\\.partners\\.[^.]+\\.secret|(referral\\.encryption|telephony\\.repeatCallers)\\.keys\\.[^.]+");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationText()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final UnaryOperator<String> environment;

    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    public HelplineConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    public HelplineConfig parse(String text, String source) {
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return validated(HelplineConfig.defaults());
            }
            resolveReferences(tree, "");
            return validated(yaml.treeToValue(tree, HelplineConfig.class));
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(keyOf(e), "unknown setting in " + source + " (known here: " + known + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(keyOf(e), e.getOriginalMessage().lines().findFirst().orElse("invalid value"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + " is not valid YAML" + syntaxProblem(e), e);
        }
    }

    /** One line: where, and what the parser expected (its full message spans several lines with a drawing). */
    private static String syntaxProblem(JsonProcessingException e) {
        String at = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
                ? marked.getProblem() : e.getOriginalMessage();
        return at + ": " + (what == null ? "cannot be read" : what.lines().findFirst().orElse(what).strip());
    }

    private static HelplineConfig validated(HelplineConfig config) {
        config.validate();
        return config;
    }

    private void resolveReferences(JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue() instanceof TextNode textNode) {
                requireReferenceForSecret(textNode.textValue(), key);
                field.setValue(new TextNode(substitute(textNode.textValue(), key)));
            } else {
                resolveReferences(field.getValue(), key);
            }
        }
    }

    /** Signing secrets and keys are never written in the file itself: only where to find them. */
    private static void requireReferenceForSecret(String value, String key) {
        if (SECRET.matcher(key).matches() && !value.contains("${") && !(value.startsWith("file:") && key.contains(".keys."))) {
            throw new ConfigException(key, key.contains(".keys.")
                    ? "write ${ENVIRONMENT_VARIABLE} or file:PATH, never the key itself"
                    : "write ${ENVIRONMENT_VARIABLE}, never the secret itself");
        }
    }

    private String substitute(String value, String key) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String found = environment.apply(matcher.group(1));
            if (found == null) {
                found = matcher.group(2);
            }
            if (found == null) {
                throw new ConfigException(key, "environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(found));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

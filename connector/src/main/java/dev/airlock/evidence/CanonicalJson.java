package dev.airlock.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form of the bundle's journal lines and manifest: object keys sorted by code unit at every
 * level, no whitespace, UTF-8, instants as ISO-8601 strings, numbers as Jackson writes a Java long or double.
 *
 * <p>A value is first converted to a JSON tree and read back, so the same bytes come out whether a number started
 * as a {@code BigDecimal}, a {@code float} or a {@code double}. Writing the parsed canonical form again returns
 * the same bytes, which is how the verifier checks that a line is canonical.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {
    }

    /** Returns the canonical bytes of any value Jackson can serialize. */
    static byte[] write(Object value) {
        try {
            String first = MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
            return writeTree(MAPPER.readTree(first));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON evidence: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text, rejecting duplicate keys. */
    static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    static byte[] writeTree(JsonNode tree) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(sorted(tree));
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                copy.add(sorted(elements.next()));
            }
            return copy;
        }
        return node;
    }
}

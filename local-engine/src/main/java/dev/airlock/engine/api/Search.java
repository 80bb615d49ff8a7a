package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.EngineException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Runs a search request of the Camunda 8 REST API ({@code filter}, {@code sort}, {@code page})
 * over result objects. A filter field is matched against the result property of the same name,
 * either by equality or with the operators {@code $eq $neq $exists $in $notIn $like $gt $gte $lt
 * $lte}. An empty list means no condition, because camunda-client-java sends {@code "$in": []}
 * and empty variable filters for conditions that were not set. Cursors are opaque to clients; here they encode a position in the sorted result.
 */
final class Search {

  // NOTE: a search filters and sorts in memory, after reading all candidate rows (narrowed only
  // by processInstanceKey). That suits one machine's history, not millions of instances.

  private static final int DEFAULT_LIMIT = 100;

  private final ObjectMapper mapper;

  Search(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns the search result page. {@code special} matches filter fields that are no result
   * property (for example {@code candidateGroup}); every other unknown field is rejected.
   */
  ObjectNode run(JsonNode request, List<?> results, Class<?> resultType, String keyField,
      Map<String, BiPredicate<ObjectNode, JsonNode>> special) {
    var body = request == null || request.isNull() ? mapper.createObjectNode() : request;
    var filter = body.path("filter");
    var properties = properties(resultType);
    var items = new ArrayList<ObjectNode>();
    for (var result : results) {
      ObjectNode item = mapper.valueToTree(result);
      if (matchesFilter(item, filter, properties, special)) {
        items.add(item);
      }
    }
    items.sort(comparator(body.path("sort"), keyField, properties));
    return page(body.path("page"), items);
  }

  private boolean matchesFilter(ObjectNode item, JsonNode filter, Set<String> properties,
      Map<String, BiPredicate<ObjectNode, JsonNode>> special) {
    var fields = filter.properties().iterator();
    while (fields.hasNext()) {
      var entry = fields.next();
      var name = entry.getKey();
      var condition = entry.getValue();
      if (condition.isArray() && condition.isEmpty()) {
        // camunda-client-java sends empty lists for list filters that were not set.
        continue;
      }
      if (special.containsKey(name)) {
        if (!special.get(name).test(item, condition)) {
          return false;
        }
      } else if (!properties.contains(name)) {
        throw EngineException.invalidArgument("Filter field '" + name + "' is not supported by"
            + " the local engine; supported fields: " + String.join(", ", properties)
            + (special.isEmpty() ? "" : ", " + String.join(", ", special.keySet())));
      } else if (!condition.isNull() && !matches(item.get(name), condition, name)) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(JsonNode actual, JsonNode condition, String field) {
    if (!condition.isObject()) {
      return equal(actual, condition);
    }
    var operators = condition.properties().iterator();
    while (operators.hasNext()) {
      var operator = operators.next();
      var value = operator.getValue();
      var matched = switch (operator.getKey()) {
        case "$eq" -> equal(actual, value);
        case "$neq" -> !equal(actual, value);
        case "$exists" -> value.asBoolean() == (actual != null && !actual.isNull());
        case "$in" -> value.isEmpty() || any(actual, value);
        case "$notIn" -> value.isEmpty() || !any(actual, value);
        case "$like" -> actual != null && like(value.asText()).matcher(actual.asText()).matches();
        case "$gt" -> compare(actual, value) > 0;
        case "$gte" -> compare(actual, value) >= 0;
        case "$lt" -> actual != null && compare(actual, value) < 0;
        case "$lte" -> actual != null && compare(actual, value) <= 0;
        default -> throw EngineException.invalidArgument("Filter operator '" + operator.getKey()
            + "' on field '" + field + "' is not supported; use $eq, $neq, $exists, $in,"
            + " $notIn, $like, $gt, $gte, $lt or $lte");
      };
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(JsonNode actual, JsonNode expected) {
    if (actual == null || actual.isNull()) {
      return expected.isNull();
    }
    return actual.asText().equals(expected.asText());
  }

  private static boolean any(JsonNode actual, JsonNode values) {
    for (var value : values) {
      if (equal(actual, value)) {
        return true;
      }
    }
    return false;
  }

  private static Pattern like(String wildcard) {
    var regex = new StringBuilder();
    for (var c : wildcard.toCharArray()) {
      regex.append(switch (c) {
        case '*' -> ".*";
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(regex.toString());
  }

  /** Compares numbers numerically and everything else (ISO dates included) as text. */
  private static int compare(JsonNode actual, JsonNode expected) {
    if (actual == null || actual.isNull()) {
      return 1;
    }
    try {
      return new BigDecimal(actual.asText()).compareTo(new BigDecimal(expected.asText()));
    } catch (NumberFormatException e) {
      return actual.asText().compareTo(expected.asText());
    }
  }

  private static Comparator<ObjectNode> comparator(JsonNode sort, String keyField,
      Set<String> properties) {
    Comparator<ObjectNode> result = (a, b) -> 0;
    for (var criterion : sort) {
      var field = criterion.path("field").asText();
      if (!properties.contains(field)) {
        throw EngineException.invalidArgument("Sort field '" + field + "' is not supported;"
            + " supported fields: " + String.join(", ", properties));
      }
      Comparator<ObjectNode> byField = (a, b) -> compareNullsLast(a.get(field), b.get(field));
      if ("DESC".equalsIgnoreCase(criterion.path("order").asText("ASC"))) {
        byField = byField.reversed();
      }
      result = result.thenComparing(byField);
    }
    return result.thenComparing((a, b) -> compareNullsLast(a.get(keyField), b.get(keyField)));
  }

  private static int compareNullsLast(JsonNode a, JsonNode b) {
    var aMissing = a == null || a.isNull();
    var bMissing = b == null || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(aMissing, bMissing);
    }
    return compare(a, b);
  }

  private ObjectNode page(JsonNode page, List<ObjectNode> items) {
    var limit = page.path("limit").asInt(DEFAULT_LIMIT);
    if (limit < 0) {
      throw EngineException.invalidArgument("page.limit must not be negative, but was " + limit);
    }
    int start = page.path("from").asInt(0);
    int end;
    if (page.hasNonNull("after")) {
      start = decode(page.get("after").asText(), "page.after") + 1;
      end = Math.min(items.size(), start + limit);
    } else if (page.hasNonNull("before")) {
      end = Math.min(items.size(), decode(page.get("before").asText(), "page.before"));
      start = Math.max(0, end - limit);
    } else {
      end = Math.min(items.size(), start + limit);
    }
    start = Math.min(Math.max(start, 0), items.size());
    end = Math.max(end, start);

    var response = mapper.createObjectNode();
    ArrayNode array = response.putArray("items");
    items.subList(start, end).forEach(array::add);
    var pageResponse = response.putObject("page");
    pageResponse.put("totalItems", items.size());
    pageResponse.put("hasMoreTotalItems", false);
    if (end > start) {
      pageResponse.put("startCursor", encode(start));
      pageResponse.put("endCursor", encode(end - 1));
    } else {
      pageResponse.putNull("startCursor");
      pageResponse.putNull("endCursor");
    }
    return response;
  }

  private static String encode(int position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("position:" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor, String field) {
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Integer.parseInt(text.substring("position:".length()));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw EngineException.invalidArgument(field + " '" + cursor + "' is not a cursor of this"
          + " engine; pass the startCursor or endCursor of a previous page");
    }
  }

  private Set<String> properties(Class<?> type) {
    var names = new TreeSet<String>();
    mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties()
        .forEach(p -> names.add(p.getName()));
    return names;
  }
}

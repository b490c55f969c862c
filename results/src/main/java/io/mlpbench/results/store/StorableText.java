package io.mlpbench.results.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import java.util.Iterator;
import java.util.Map;

/**
 * What every store can hold. PostgreSQL {@code text} and {@code jsonb} cannot contain U+0000, so
 * both stores refuse a record with it (rather than the file store accepting a run that can never be
 * pushed). The check walks the record's JSON tree, so a field added later is covered too.
 */
public final class StorableText {
  private static final ObjectMapper JSON = RunRecordJson.mapper();

  private StorableText() {}

  /**
   * @throws InvalidRecordException naming the run and the first field holding U+0000
   */
  public static void check(RunRecord run) {
    String where = firstNul(JSON.valueToTree(run), "");
    if (where != null) {
      throw new InvalidRecordException(
          "run "
              + printable(run.runId())
              + " cannot be stored: "
              + where
              + " contains the character U+0000 (NUL), which PostgreSQL text cannot hold;"
              + " fix or remove that record");
    }
  }

  private static String firstNul(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0 ? (path.isEmpty() ? "the record" : path) : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstNul(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().indexOf('\0') >= 0) {
          return (path.isEmpty() ? "" : path + ".") + printable(field.getKey()) + " (a key)";
        }
        String found =
            firstNul(
                field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** {@code s} with NUL shown as {@code \0}, for messages. */
  public static String printable(String s) {
    return s == null ? "null" : s.replace("\0", "\\0");
  }
}

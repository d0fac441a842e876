package dev.flaxj.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** Short human-readable forms of encoded values, for test names and failure messages. */
final class Describe {
  private static final int MAX_SHOWN_ELEMENTS = 4;

  private Describe() {}

  static String value(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "None";
    }
    if (e.isJsonPrimitive()) {
      return e.getAsString();
    }
    if (e.isJsonArray()) {
      StringBuilder sb = new StringBuilder("[");
      String sep = "";
      for (JsonElement item : e.getAsJsonArray()) {
        sb.append(sep).append(value(item));
        sep = ", ";
      }
      return sb.append(']').toString();
    }
    JsonObject o = e.getAsJsonObject();
    if (Encoding.isKeyArray(o)) {
      return o.get("dtype").getAsString() + dims(o.getAsJsonArray("shape"))
          + elements(o.getAsJsonObject("key_data").getAsJsonArray("data"));
    }
    if (Encoding.isArray(o)) {
      String weak = o.has("weak_type") && o.get("weak_type").getAsBoolean() ? "{weak}" : "";
      return o.get("dtype").getAsString() + dims(o.getAsJsonArray("shape")) + weak
          + elements(o.getAsJsonArray("data"));
    }
    if (Encoding.isPyScalar(o)) {
      return o.get("value").getAsString() + "(py " + o.get("py").getAsString() + ")";
    }
    if (o.has("slice") && o.size() == 1) {
      JsonArray s = o.getAsJsonArray("slice");
      return part(s.get(0)) + ":" + part(s.get(1)) + (s.get(2).isJsonNull() ? "" : ":" + part(s.get(2)));
    }
    StringBuilder sb = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
      sb.append(sep).append(entry.getKey()).append('=').append(value(entry.getValue()));
      sep = ", ";
    }
    return sb.append('}').toString();
  }

  private static String part(JsonElement e) {
    return e.isJsonNull() ? "" : e.getAsString();
  }

  private static String dims(JsonArray shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(shape.get(i).getAsInt());
    }
    return sb.append(']').toString();
  }

  private static String elements(JsonArray data) {
    if (data.size() > MAX_SHOWN_ELEMENTS || data.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < data.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(data.get(i).getAsString());
    }
    return sb.append('}').toString();
  }
}

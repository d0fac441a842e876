package dev.flaxj.vectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** One recorded call: the JAX function name, its arguments and what JAX returned (or raised). */
record VectorCase(String file, int index, String fn, CaseArgs args, JsonElement out) {

  static VectorCase parse(String file, int index, JsonObject json) {
    if (!json.has("fn") || !json.has("args") || !json.has("out")) {
      throw new IllegalArgumentException(file + " case " + index + " lacks fn, args or out: " + json);
    }
    return new VectorCase(file, index, json.get("fn").getAsString(),
        new CaseArgs(json.getAsJsonObject("args")), json.get("out"));
  }

  /** The JAX exception class name when the recorded call raised, otherwise null. */
  String expectedError() {
    if (out.isJsonObject() && out.getAsJsonObject().has("error")) {
      return out.getAsJsonObject().get("error").getAsString();
    }
    return null;
  }

  /** {@code #12 split(key=key<fry>[]{0,42}, num=2)}: short, but enough to find the case in the file. */
  String displayName() {
    StringBuilder sb = new StringBuilder("#").append(index).append(' ').append(fn).append('(');
    String sep = "";
    for (Map.Entry<String, JsonElement> e : args.json().entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(Describe.value(e.getValue()));
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}

package dev.flaxj.transform.custom;

import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.EqnPrintRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code custom_jvp_call} and {@code custom_vjp_call} print, as JAX's pp rules: {@code name}
 * first, then the other parameters sorted, {@code num_consts} only when nonzero, and each rule
 * function by its role ({@code jvp}, {@code fwd}, {@code bwd}: Java functions have no names).
 */
final class CustomPrintRule implements EqnPrintRule {
  @Override
  public Map<String, Object> printed(Params params) {
    Map<String, Object> rest = new TreeMap<>(params.asMap());
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("name", rest.remove("name"));
    if (Integer.valueOf(0).equals(rest.get("num_consts"))) {
      rest.remove("num_consts");
    }
    for (String fn : new String[] {"jvp", "fwd", "bwd"}) {
      if (rest.containsKey(fn)) {
        rest.put(fn, fn);
      }
    }
    shown.putAll(rest);
    return shown;
  }
}

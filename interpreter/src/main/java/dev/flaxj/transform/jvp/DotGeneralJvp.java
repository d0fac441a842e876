package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.DotGeneralPrimitive.DOT_GENERAL;

import dev.flaxj.lax.Bind;

/** Forward-mode rule of {@code dot_general}: bilinear, {@code dot(dl, r) + dot(l, dr)}. */
final class DotGeneralJvp {
  private DotGeneralJvp() {}

  static void register() {
    JvpDefs.byOperand(DOT_GENERAL,
        (g, ans, xs, params) -> Bind.bind1(DOT_GENERAL, params, g, xs.get(1)),
        (g, ans, xs, params) -> Bind.bind1(DOT_GENERAL, params, xs.get(0), g));
  }
}

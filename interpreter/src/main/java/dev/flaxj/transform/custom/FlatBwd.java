package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import java.util.List;

/**
 * A custom VJP's backward rule on flat lists: residuals and output cotangents in, one cotangent
 * per explicit input out (a {@link dev.flaxj.transform.jvp.Zero} where the rule gave none).
 */
@FunctionalInterface
interface FlatBwd {
  List<Value> apply(List<Value> residuals, List<Value> cotangents);
}
